"""Personal data in French text: detection (Presidio analyzer) and pseudonymisation (Presidio anonymizer).

Presidio ships no France-specific recognisers, so Tremplin adds its own:

=========  ==================================================================================
NIR        numéro de sécurité sociale, 13 digits + 2-digit key (97 − n mod 97; Corsica 2A → 19,
           2B → 18), spaces/dots allowed; rejected when the key does not match
PHONE      French numbers: 0X XX XX XX XX, +33 / 0033 (with optional (0)), separators . - space
IBAN       Presidio's IBAN recogniser (country formats and mod-97 check), French context words
SIREN      9 digits, Luhn check, needs a context word (siren, entreprise…) to be reported
SIRET      14 digits, Luhn check (La Poste's 356 000 000 exception: digit sum multiple of 5)
EMAIL      Presidio's e-mail recogniser
ADDRESS    number + street type (rue, avenue, bd, allée, chemin…) + name, with ", 75011 Paris"
           when it follows; or postal code + town after « à », « CP »…
PERSON     spaCy ``fr_core_news_md`` named entities (PER), plus names after a civility
           (M., Mme, Monsieur…) or a field label (Nom :, Prénom :, Conseiller :)
=========  ==================================================================================

Pseudonymisation replaces each value by ``<TYPE:ps_…>`` (keyed, one-way, stable: the same
value always gets the same pseudonym) or, with ``reversible=True``, ``<TYPE:pz_…>`` which only
the holder of the key can turn back into the value (:func:`reveal_text`).
"""

from __future__ import annotations

import json
import re
import time
from functools import lru_cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel

ENTITIES = ("EMAIL", "PHONE", "NIR", "IBAN", "SIREN", "SIRET", "ADDRESS", "PERSON")
ENTITY_LABELS = {"EMAIL": "courriel", "PHONE": "téléphone", "NIR": "numéro de sécurité sociale", "IBAN": "IBAN",
                 "SIREN": "SIREN", "SIRET": "SIRET", "ADDRESS": "adresse postale", "PERSON": "nom de personne"}
THRESHOLD = 0.4
SAMPLE = Path(__file__).resolve().parents[3] / "docs" / "data" / "pii_sample_fr.txt"
TARGETS = ("EMAIL", "PHONE", "NIR", "IBAN")


class Entity(BaseModel):
    entity: str
    start: int
    end: int
    score: float
    text: str
    recogniser: str = ""


class PseudonymisedText(BaseModel):
    text: str
    entities: list[dict[str, Any]]  # entity, start, end (in the original), replacement — never the value


# --------------------------------------------------------------------------- checksums


def nir_is_valid(text: str) -> bool:
    digits = re.sub(r"[\s.\-]", "", text).upper()
    if len(digits) != 15:
        return False
    body, key = digits[:13], digits[13:]
    body = body.replace("2A", "19", 1) if body[5:7] == "2A" else body
    body = body.replace("2B", "18", 1) if body[5:7] == "2B" else body
    if not (body.isdigit() and key.isdigit()):
        return False
    return 97 - int(body) % 97 == int(key)


def luhn_is_valid(number: str) -> bool:
    digits = [int(c) for c in number if c.isdigit()]
    if not digits:
        return False
    total = 0
    for i, d in enumerate(reversed(digits)):
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def siret_is_valid(text: str) -> bool:
    digits = re.sub(r"\D", "", text)
    if len(digits) != 14:
        return False
    if digits.startswith("356000000"):  # La Poste establishments
        return sum(int(c) for c in digits) % 5 == 0
    return luhn_is_valid(digits)


def siren_is_valid(text: str) -> bool:
    digits = re.sub(r"\D", "", text)
    return len(digits) == 9 and luhn_is_valid(digits)


def iban_is_valid(text: str) -> bool:
    compact = re.sub(r"\s", "", text).upper()
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{10,30}", compact):
        return False
    rearranged = compact[4:] + compact[:4]
    return int("".join(str(int(c, 36)) for c in rearranged)) % 97 == 1


# --------------------------------------------------------------------------- recognisers

_UP = "A-ZÉÈÊËÀÂÎÏÔÖÛÜÇ"
_LOW = "a-zéèêëàâîïôöûüç"
_NAMEWORD = rf"[{_UP}][{_UP}{_LOW}'’\-]*"
_PARTICLE = r"(?:de|du|des|la|le|les|l['’]|d['’]|et|sur|aux|au|en|sous|à)"
_STREET_TYPES = (
    r"rue|avenue|av\.|boulevard|bd|bld|allée|allee|chemin|impasse|place|route|quai|cours|square|passage|voie|"
    r"résidence|residence|lotissement|rond-point|chaussée|faubourg|fbg|sentier|cité|hameau|lieu-dit|parvis|"
    r"promenade|esplanade|montée|traverse|villa|ruelle|mail|clos"
)
_STREET_NAME = rf"(?:{_PARTICLE}\s*)*(?:{_NAMEWORD}|\d{{1,4}})(?:[ \-]+(?:{_PARTICLE}\s*)*(?:{_NAMEWORD}|\d{{1,4}}(?!\d)))*"
_CITY = rf"{_NAMEWORD}(?:[ \-](?:(?:sur|sous|en|le|la|les|de|du|lès|les)[ \-])?(?!(?i:cedex)\b){_NAMEWORD}){{0,3}}"
_POSTCODE_CITY = rf"(?:\d{{5}}|\d{{2}} \d{{3}})\s+{_CITY}(?:\s+(?i:cedex)(?:\s+\d{{1,2}})?)?"
ADDRESS_RE = (
    rf"(?<![\w])(?:\d{{1,4}}(?:\s?(?i:bis|ter|quater|[a-d]))?,?\s+)?(?i:{_STREET_TYPES})\s+{_STREET_NAME}"
    rf"(?:,?\s+(?:(?i:bp|cs)\s?\d{{1,5}},?\s+)?{_POSTCODE_CITY})?"
)
POSTCODE_ALONE_RE = rf"(?<=\b(?:à|a|CP|code postal)\s?:?\s)(?:\d{{5}})\s+{_CITY}"
_CIVILITY = r"(?:M\.|Mme|Mlle|MM\.|Monsieur|Madame|Mademoiselle|Dr|Docteur|Maître|Me|Pr)"
_NAME = rf"{_NAMEWORD}(?:[ \-]{_NAMEWORD}){{0,3}}"
PERSON_AFTER_CIVILITY_RE = rf"(?<=\b{_CIVILITY}\s)(?:{_NAME})"
PERSON_AFTER_GREETING_RE = (
    rf"(?<=\b(?:Bonjour|Bonsoir|Salut|Cher|Chère|mon fils|ma fille|mon mari|ma femme|mon frère|ma sœur|ma soeur|"
    rf"mon épouse|mon époux|mon conjoint|ma conjointe|mon compagnon|ma compagne)\s)(?:{_NAME})(?=\s?[,!.]|\s(?:cherche|a|est|vient|souhaite))"
)
PERSON_AFTER_LABEL_RE = (
    rf"(?<=\b(?i:nom|prénom|prenom|nom de naissance|nom d'usage|conseill(?:er|ère)|référent(?:e)?|contact|signé|"
    rf"candidat(?:e)?|interlocut(?:eur|rice))\s?:\s?)(?:{_NAME})"
)


def _recognisers():
    import regex
    from presidio_analyzer import Pattern, PatternRecognizer
    from presidio_analyzer.predefined_recognizers import IbanRecognizer

    strict = regex.MULTILINE | regex.DOTALL  # case matters for names and towns

    class NirRecogniser(PatternRecognizer):
        # A valid key gives full confidence; a wrong key (often a typo) is reported only next to a
        # context word (« sécurité sociale », « NIR »…), which lifts its low base score over the threshold.
        def validate_result(self, pattern_text: str) -> bool | None:
            return True if nir_is_valid(pattern_text) else None

    class SirenRecogniser(PatternRecognizer):
        def validate_result(self, pattern_text: str) -> bool | None:
            return None if siren_is_valid(pattern_text) else False

    class SiretRecogniser(PatternRecognizer):
        def validate_result(self, pattern_text: str) -> bool:
            return siret_is_valid(pattern_text)

    sep = r"[ .\-]?"
    nir = NirRecogniser(
        supported_entity="NIR", name="FrNirRecogniser", supported_language="fr",
        patterns=[Pattern("nir", rf"(?<![\dA-Za-z])[1-478]{sep}\d{{2}}{sep}\d{{2}}{sep}(?:\d{{2}}|2[AaBb]){sep}\d{{3}}{sep}\d{{3}}{sep}\d{{2}}(?![\d])", 0.3)],
        context=["sécurité sociale", "securite sociale", "sécu", "nir", "insee", "assuré", "immatriculation"],
    )
    phone = PatternRecognizer(
        supported_entity="PHONE", name="FrPhoneRecogniser", supported_language="fr",
        patterns=[
            Pattern("fr_phone_national", r"(?<![\d+])0[1-9](?:[ .\-]?\d{2}){4}(?![\d])", 0.6),
            Pattern("fr_phone_international",
                    r"(?<![\d])(?:\+|00)\s?33\s?(?:\(0\)\s?)?[1-9](?:[ .\-]?\d{2}){4}(?![\d])", 0.7),
        ],
        context=["tél", "tel", "téléphone", "telephone", "portable", "mobile", "fixe", "joindre", "appeler", "numéro"],
    )
    siren = SirenRecogniser(
        supported_entity="SIREN", name="FrSirenRecogniser", supported_language="fr",
        patterns=[Pattern("siren", r"(?<!\d)(?<!\d )\d{3} ?\d{3} ?\d{3}(?!\d)(?! \d)", 0.2)],
        context=["siren", "entreprise", "société", "societe", "immatriculée", "rcs", "sirene"],
    )
    siret = SiretRecogniser(
        supported_entity="SIRET", name="FrSiretRecogniser", supported_language="fr",
        patterns=[Pattern("siret", r"(?<![\d])\d{3} ?\d{3} ?\d{3} ?\d{5}(?![\d])", 0.5)],
        context=["siret", "établissement", "etablissement", "sirene"],
    )
    address = PatternRecognizer(
        supported_entity="ADDRESS", name="FrAddressRecogniser", supported_language="fr",
        patterns=[Pattern("fr_street_address", ADDRESS_RE, 0.6), Pattern("fr_postcode_town", POSTCODE_ALONE_RE, 0.5)],
        context=["adresse", "domicile", "habite", "demeurant", "réside", "siège", "situé", "située"],
        global_regex_flags=strict,
    )
    # Its own entity type, mapped back to PERSON afterwards: Presidio drops a result contained in a
    # higher-scored one of the same type, and spaCy's spans sometimes swallow the next word.
    civility = PatternRecognizer(
        supported_entity="PERSON_PATTERN", name="FrCivilityNameRecogniser", supported_language="fr",
        patterns=[Pattern("after_civility", PERSON_AFTER_CIVILITY_RE, 0.7),
                  Pattern("after_label", PERSON_AFTER_LABEL_RE, 0.6),
                  Pattern("after_greeting_or_kin", PERSON_AFTER_GREETING_RE, 0.6)],
        global_regex_flags=strict,
    )
    iban = IbanRecognizer(supported_language="fr", context=["iban", "rib", "bancaire", "compte", "virement"])
    # Not Presidio's EmailRecognizer: it validates domains with tldextract, which downloads a list from the network.
    email = PatternRecognizer(
        supported_entity="EMAIL_ADDRESS", name="EmailRecogniser", supported_language="fr",
        patterns=[Pattern("email", r"(?<![\w.+\-])[A-Za-z0-9][A-Za-z0-9._%+\-]*@[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?"
                                   r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,24}(?![\w@])", 0.9)],
        context=["courriel", "mail", "e-mail", "adresse électronique"],
    )
    return [nir, phone, siren, siret, address, civility, iban, email]


@lru_cache(maxsize=1)
def analyzer():
    """The Presidio analyzer for French (loaded once per process: about 2 s for spaCy)."""
    from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
    from presidio_analyzer.nlp_engine import NerModelConfiguration, SpacyNlpEngine
    from presidio_analyzer.predefined_recognizers import SpacyRecognizer

    class FrenchSpacyEngine(SpacyNlpEngine):
        """spaCy without the dependency parser (not used here): loads about twice as fast."""

        def load(self) -> None:
            import spacy

            self.nlp = {m["lang_code"]: spacy.load(m["model_name"], exclude=["parser"]) for m in self.models}

    engine = FrenchSpacyEngine(
        models=[{"lang_code": "fr", "model_name": "fr_core_news_md"}],
        ner_model_configuration=NerModelConfiguration(
            model_to_presidio_entity_mapping={"PER": "PERSON", "LOC": "LOCATION", "ORG": "ORGANIZATION",
                                              "MISC": "MISC"},
            low_confidence_score_multiplier=0.4,
            low_score_entity_names=["ORGANIZATION", "MISC"],
            labels_to_ignore=["MISC", "ORGANIZATION", "LOCATION"],
        ),
    )
    engine.load()
    registry = RecognizerRegistry(supported_languages=["fr"])
    for recogniser in _recognisers():
        registry.add_recognizer(recogniser)
    registry.add_recognizer(SpacyRecognizer(supported_language="fr", supported_entities=["PERSON"], ner_strength=0.6))
    return AnalyzerEngine(registry=registry, nlp_engine=engine, supported_languages=["fr"],
                          default_score_threshold=THRESHOLD)


_PRESIDIO_TO_OURS = {"EMAIL_ADDRESS": "EMAIL", "IBAN_CODE": "IBAN", "PERSON_PATTERN": "PERSON"}
_PRIORITY = {"NIR": 7, "IBAN": 7, "SIRET": 6, "EMAIL": 6, "PHONE": 5, "SIREN": 4, "ADDRESS": 3, "PERSON": 2}


def _resolve(found: list[Entity]) -> list[Entity]:
    """Drop overlaps: checksum-validated types first, then score, then length."""
    ordered = sorted(found, key=lambda e: (-_PRIORITY.get(e.entity, 0), -e.score, -(e.end - e.start)))
    kept: list[Entity] = []
    for e in ordered:
        if all(e.end <= k.start or e.start >= k.end for k in kept):
            kept.append(e)
    return sorted(kept, key=lambda e: e.start)


_EDGE = " \t\n,;:.()«»\"'’"


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in _EDGE and not text[start:end].endswith(("M.", "bd.", "av.")):
        end -= 1
    return start, end


def analyze(text: str, entities: tuple[str, ...] = ENTITIES) -> list[Entity]:
    """Personal data found in a French text, without overlaps, sorted by position."""
    wanted = {e for e in entities}
    presidio_names = [k for k, v in _PRESIDIO_TO_OURS.items() if v in wanted] + [e for e in wanted if e not in ("EMAIL", "IBAN")]
    presidio_names = sorted(set(presidio_names))
    results = analyzer().analyze(text=text, language="fr", entities=presidio_names, score_threshold=THRESHOLD)
    found = []
    for r in results:
        name = _PRESIDIO_TO_OURS.get(r.entity_type, r.entity_type)
        if name not in wanted:
            continue
        start, end = _trim(text, r.start, r.end)
        if end <= start:
            continue
        if name == "PERSON":
            start, end = _person_bounds(text, start, end)
            if end <= start or not _plausible_person(text[start:end]) or _is_field_label(text, end):
                continue
        recogniser = (r.recognition_metadata or {}).get("recognizer_name", "")
        found.append(Entity(entity=name, start=start, end=end, score=round(float(r.score), 3),
                            text=text[start:end], recogniser=recogniser))
    return _merge_addresses(_resolve(found), text)


_CIVILITY_PREFIX = re.compile(r"^(?:M\.|Mme|Mlle|MM\.|Monsieur|Madame|Mademoiselle|Dr\.?|Docteur|Maître|Me|Pr)\s+")
_LABEL_WORDS = re.compile(r"\s+(?:Prénom|Prenom|Nom|Tél|Tel|Téléphone|Adresse|Mail|Courriel|E-mail|Né|Née|Date|Email|"
                          r"NIR|IBAN|SIRET|SIREN|Portable|Mobile|Objet)\b.*$", re.S)


def _person_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop a leading civility and anything from a field label on (« DURAND Prénom » → « DURAND »)."""
    value = text[start:end]
    m = _CIVILITY_PREFIX.match(value)
    if m:
        start += m.end()
        value = value[m.end():]
    cut = _LABEL_WORDS.search(value)
    if cut:
        end = start + cut.start()
    return _trim(text, start, end)


def _is_field_label(text: str, end: int) -> bool:
    """« Titulaire : », « Référente : » — a word followed by a colon is a form's field label, not a name."""
    rest = text[end : end + 3].lstrip(" \u00a0")
    return rest.startswith(":")


def _merge_addresses(found: list[Entity], text: str) -> list[Entity]:
    """Join address pieces separated only by a comma (« Résidence Les Tilleuls, 5 impasse … »)."""
    out: list[Entity] = []
    for e in found:
        prev = out[-1] if out else None
        if (prev is not None and prev.entity == e.entity == "ADDRESS"
                and re.fullmatch(r"\s*,?\s*", text[prev.end : e.start])):
            out[-1] = Entity(entity="ADDRESS", start=prev.start, end=e.end, score=max(prev.score, e.score),
                             text=text[prev.start : e.end], recogniser=prev.recogniser)
        else:
            out.append(e)
    return out


_NOT_NAMES = {"pôle emploi", "france travail", "cv", "rqth", "cdi", "cdd", "smic", "urssaf", "caf", "cpam",
              "madame", "monsieur", "bonjour", "cordialement", "objet"}


def _plausible_person(value: str) -> bool:
    low = value.strip().lower()
    if low in _NOT_NAMES or len(low) < 2:
        return False
    if any(ch.isdigit() for ch in value) or "@" in value:
        return False
    return value[0].isupper()


# --------------------------------------------------------------------------- pseudonymisation


def pseudonymise_text(text: str, *, reversible: bool = False, entities: tuple[str, ...] = ENTITIES) -> PseudonymisedText:
    """Replace each detected value by ``<TYPE:ps_…>`` (or ``<TYPE:pz_…>`` when reversible), via Presidio's anonymizer."""
    from presidio_anonymizer import AnonymizerEngine
    from presidio_anonymizer.entities import OperatorConfig, RecognizerResult

    found = analyze(text, entities)

    def operator(entity: str) -> OperatorConfig:
        return OperatorConfig("custom", {"lambda": lambda value: _replacement(entity, value, reversible)})

    results = [RecognizerResult(entity_type=e.entity, start=e.start, end=e.end, score=e.score) for e in found]
    operators = {name: operator(name) for name in {e.entity for e in found}}
    engine_result = AnonymizerEngine().anonymize(text=text, analyzer_results=results, operators=operators)
    out = [{"entity": e.entity, "start": e.start, "end": e.end, "replacement": _replacement(e.entity, e.text, reversible)}
           for e in found]
    return PseudonymisedText(text=engine_result.text, entities=out)


def _replacement(entity: str, value: str, reversible: bool) -> str:
    from tremplin.governance.pseudonymise import pseudonym, seal

    return f"<{entity}:{seal(value) if reversible else pseudonym(value, domain=f'pii/{entity}')}>"


_SEALED = re.compile(r"<([A-Z]+):(pz_[A-Za-z0-9_\-]+)>")


def reveal_text(text: str) -> str:
    """Turn reversible pseudonyms back into their values (needs the key that made them)."""
    from tremplin.governance.pseudonymise import unseal

    return _SEALED.sub(lambda m: unseal(m.group(2)), text)


# --------------------------------------------------------------------------- evaluation


_MARK = re.compile(r"\[\[([A-Z]+)\|(.+?)\]\]", re.S)


def parse_markup(source: str) -> list[dict[str, Any]]:
    """Documents from the annotated text format: one per paragraph, entities written ``[[TYPE|value]]``."""
    docs = []
    paragraphs = []
    current: list[str] = []
    for line in source.splitlines():
        if line.startswith("#"):
            continue
        if not line.strip():
            if current:
                paragraphs.append("\n".join(current))
                current = []
            continue
        current.append(line)
    if current:
        paragraphs.append("\n".join(current))
    for n, para in enumerate(paragraphs, 1):
        text_parts, entities, pos, cursor = [], [], 0, 0
        for m in _MARK.finditer(para):
            label, value = m.group(1), m.group(2)
            if label not in ENTITIES:
                raise ValueError(f"document {n}: unknown entity type {label}")
            text_parts.append(para[cursor : m.start()])
            pos += m.start() - cursor
            entities.append({"start": pos, "end": pos + len(value), "label": label})
            text_parts.append(value)
            pos += len(value)
            cursor = m.end()
        text_parts.append(para[cursor:])
        docs.append({"id": f"doc{n:03d}", "text": "".join(text_parts), "entities": entities})
    return docs


def load_sample(path: Path | None = None) -> list[dict[str, Any]]:
    """The labelled sample: annotated text (``.txt``) or JSONL ``{"id", "text", "entities": [{start, end, label}]}``."""
    from tremplin.errors import DataUnavailable

    path = Path(path) if path else SAMPLE
    if not path.exists():
        raise DataUnavailable(f"échantillon annoté introuvable : {path}")
    content = path.read_text(encoding="utf-8")
    if path.suffix == ".jsonl":
        return [json.loads(line) for line in content.splitlines() if line.strip()]
    return parse_markup(content)


def _prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


def evaluate(path: Path | None = None, *, matching: str = "overlap") -> dict[str, Any]:
    """Precision and recall per entity on the labelled sample.

    ``matching="overlap"``: a prediction is right when it has the gold label and overlaps the gold
    span (what matters for pseudonymisation: the characters get masked); ``"exact"``: same
    boundaries. Both are reported; the per-entity table uses ``matching``.
    """
    docs = load_sample(path)
    analyzer()  # load spaCy first: the timing below is the analysis alone
    start = time.perf_counter()
    predictions = [analyze(d["text"]) for d in docs]
    seconds = time.perf_counter() - start
    tables = {}
    for mode in ("overlap", "exact"):
        counts = {name: {"tp": 0, "fp": 0, "fn": 0, "support": 0, "predicted": 0} for name in ENTITIES}
        errors = []
        for doc, pred in zip(docs, predictions, strict=True):
            gold = [(g["start"], g["end"], g["label"]) for g in doc["entities"]]
            used = set()
            for _start, _end, label in gold:
                counts[label]["support"] += 1
            for p in pred:
                counts[p.entity]["predicted"] += 1
                match = None
                for i, (g_start, g_end, label) in enumerate(gold):
                    if i in used or label != p.entity:
                        continue
                    ok = (p.start == g_start and p.end == g_end) if mode == "exact" else (p.start < g_end and g_start < p.end)
                    if ok:
                        match = i
                        break
                if match is None:
                    counts[p.entity]["fp"] += 1
                    if mode == matching:
                        errors.append({"doc": doc["id"], "kind": "faux positif", "label": p.entity, "text": p.text})
                else:
                    used.add(match)
                    counts[p.entity]["tp"] += 1
            for i, (g_start, g_end, label) in enumerate(gold):
                if i not in used:
                    counts[label]["fn"] += 1
                    if mode == matching:
                        errors.append({"doc": doc["id"], "kind": "oubli", "label": label, "text": doc["text"][g_start:g_end]})
        per_entity = {name: {**_prf(c["tp"], c["fp"], c["fn"]), "support": c["support"], "predicted": c["predicted"]}
                      for name, c in counts.items() if c["support"] or c["predicted"]}
        total = {k: sum(c[k] for c in counts.values()) for k in ("tp", "fp", "fn", "support", "predicted")}
        tables[mode] = {"per_entity": per_entity,
                        "overall": {**_prf(total["tp"], total["fp"], total["fn"]), "support": total["support"],
                                    "predicted": total["predicted"]},
                        "errors": errors}
    main = tables[matching]
    return {
        "data": f"échantillon français annoté à la main, textes fictifs ({(Path(path) if path else SAMPLE).name})",
        "documents": len(docs),
        "entities": sum(len(d["entities"]) for d in docs),
        "matching": matching,
        "per_entity": main["per_entity"],
        "overall": main["overall"],
        "exact": {"per_entity": tables["exact"]["per_entity"], "overall": tables["exact"]["overall"]},
        "targets": {name: main["per_entity"].get(name, {}).get("recall", 0.0) >= 0.95 for name in TARGETS},
        "errors": main["errors"],
        "seconds": round(seconds, 2),
        "ms_per_document": round(seconds / max(len(docs), 1) * 1000, 1),
    }
