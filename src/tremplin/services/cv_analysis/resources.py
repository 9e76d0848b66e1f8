"""What the extractor learns from the referentials, built once per process.

- the vocabulary of job titles (every gendered form of the 13,120 ROME appellations), used to tell
  a job title from an employer's name;
- a character n-gram index of ROME competences and savoirs, to link a written skill to the ROME;
- commune, département and région names, to recognise places;
- the occupation coder of the ``rome_coding`` service (its public function only).

Everything here degrades gracefully: without referentials the extractor still reads CVs, with
less reliable titles, no skill linking and no coding, and says so in the profile's warnings.
"""

from __future__ import annotations

import re
import threading
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from tremplin.errors import DataUnavailable, TremplinError
from tremplin.services.cv_analysis import messages as msg
from tremplin.services.cv_analysis.normalise import fold, squash, words

STOPWORDS = {
    "de", "du", "des", "d", "la", "le", "les", "l", "en", "et", "a", "au", "aux", "pour", "par", "sur", "un", "une",
    "dans", "avec", "ou", "h", "f", "hf", "fh",
}
# Occupation head words that are common in CVs, used when the referential is not installed and as
# a complement (they are all first words of ROME 4.0 appellations).
FALLBACK_HEADS = {
    "agent", "agente", "aide", "assistant", "assistante", "auxiliaire", "technicien", "technicienne", "vendeur",
    "vendeuse", "conseiller", "conseillere", "responsable", "chef", "cheffe", "directeur", "directrice",
    "ingenieur", "ingenieure", "employe", "employee", "ouvrier", "ouvriere", "operateur", "operatrice",
    "conducteur", "conductrice", "chauffeur", "chauffeuse", "cuisinier", "cuisiniere", "serveur", "serveuse",
    "infirmier", "infirmiere", "educateur", "educatrice", "animateur", "animatrice", "comptable", "secretaire",
    "developpeur", "developpeuse", "manager", "commercial", "commerciale", "caissier", "caissiere",
    "preparateur", "preparatrice", "magasinier", "magasiniere", "cariste", "boulanger", "boulangere",
    "patissier", "patissiere", "boucher", "bouchere", "coiffeur", "coiffeuse", "electricien", "electricienne",
    "plombier", "plombiere", "macon", "maconne", "menuisier", "menuisiere", "peintre", "mecanicien",
    "mecanicienne", "soudeur", "soudeuse", "jardinier", "jardiniere", "gestionnaire", "charge", "chargee",
    "consultant", "consultante", "formateur", "formatrice", "professeur", "enseignant", "enseignante",
    "gardien", "gardienne", "hote", "hotesse", "receptionniste", "barman", "barmaid", "commis", "plongeur",
    "plongeuse", "livreur", "livreuse", "facteur", "factrice", "manutentionnaire", "laveur", "laveuse",
    "nettoyeur", "controleur", "controleuse", "inspecteur", "inspectrice", "architecte", "juriste", "avocat",
    "avocate", "medecin", "pharmacien", "pharmacienne", "kinesitherapeute", "psychologue", "accompagnant",
    "accompagnante", "moniteur", "monitrice", "surveillant", "surveillante", "coordinateur", "coordinatrice",
    "gouvernant", "gouvernante", "femme", "homme", "valet", "apprenti", "apprentie", "stagiaire",
    "attache", "attachee", "adjoint", "adjointe", "superviseur", "superviseuse", "logisticien", "acheteur",
    "acheteuse", "analyste", "administrateur", "administratrice", "graphiste", "redacteur", "redactrice",
    "traducteur", "traductrice", "opticien", "dessinateur", "dessinatrice", "projeteur", "projeteuse",
    "tourneur", "fraiseur", "usineur", "regleur", "monteur", "monteuse", "cableur", "cableuse", "carreleur",
    "couvreur", "charpentier", "plaquiste", "paysagiste", "bucheron", "agriculteur", "agricultrice",
    "eleveur", "eleveuse", "viticulteur", "maraicher", "fleuriste", "estheticienne", "estheticien",
    "ambulancier", "ambulanciere", "brancardier", "sage", "puericultrice", "orthophoniste", "ergotherapeute",
    "dieteticien", "dieteticienne", "veilleur", "veilleuse", "concierge", "majordome", "steward", "pilote", "mareyeur", "poissonnier", "poissonniere", "fromager", "fromagere", "traiteur", "pizzaiolo",
    "gerant", "gerante", "maitre", "maitresse", "chaudronnier", "tuyauteur", "frigoriste", "chauffagiste",
    "electromecanicien", "automaticien", "informaticien", "webmaster", "data",
}


@dataclass
class TitleVocabulary:
    words: set[str] = field(default_factory=set)
    heads: Counter = field(default_factory=Counter)
    forms: dict[str, tuple[str, str]] = field(default_factory=dict)  # squash(form) -> (code_ogr, rome code)
    from_referential: bool = False

    def score(self, text: str) -> float:
        """How much ``text`` looks like a job title, in [0, 1]."""
        key = squash(text)
        if not key:
            return 0.0
        if key in self.forms:
            return 1.0
        tokens = [w for w in key.split() if w not in STOPWORDS and not w.isdigit()]
        if not tokens:
            return 0.0
        known = sum(1 for w in tokens if w in self.words) / len(tokens)
        head = tokens[0]
        head_bonus = 0.35 if (self.heads.get(head, 0) >= 2 or head in FALLBACK_HEADS) else 0.0
        length_malus = 0.15 if len(tokens) > 8 else 0.0
        return max(0.0, min(1.0, 0.6 * known + head_bonus - length_malus))


_SLASH = re.compile(r"\s*/\s*")


def gendered_forms(label: str) -> list[str]:
    """'Conducteur / Conductrice d'engins agricoles' → ['Conducteur d'engins agricoles', 'Conductrice d'engins agricoles']."""
    label = re.sub(r"\s*\((?:h\s*/\s*f|f\s*/\s*h)\)\s*", " ", label, flags=re.IGNORECASE).strip()
    parts = _SLASH.split(label, maxsplit=1)
    if len(parts) != 2 or not parts[0] or not parts[1]:
        return [label]
    left, right = parts
    n_left = len(left.split())
    right_words = right.split()
    masculine = " ".join([left, *right_words[n_left:]]).strip()
    return [masculine, right]


_lock = threading.Lock()


@lru_cache(maxsize=1)
def title_vocabulary() -> TitleVocabulary:
    vocab = TitleVocabulary()
    try:
        from tremplin.referentials import rome

        frame = rome.frames()["appellations"]
    except TremplinError:
        vocab.heads.update({h: 5 for h in FALLBACK_HEADS})
        vocab.words.update(FALLBACK_HEADS)
        return vocab
    vocab.from_referential = True
    for code_ogr, code, long_label, short_label in zip(
        frame["code_ogr"], frame["code"], frame["label"], frame["short_label"], strict=True
    ):
        for label in {long_label, short_label}:
            for form in gendered_forms(str(label)):
                key = squash(form)
                if not key:
                    continue
                vocab.forms.setdefault(key, (str(code_ogr), str(code)))
                tokens = [w for w in key.split() if w not in STOPWORDS]
                vocab.words.update(tokens)
                if tokens:
                    vocab.heads[tokens[0]] += 1
    vocab.words.update(FALLBACK_HEADS)
    return vocab


# ---------------------------------------------------------------------------------------- places


@dataclass
class Places:
    communes: dict[str, str] = field(default_factory=dict)  # squash(name) -> INSEE code (most populated)
    by_postcode: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # postcode -> [(squash name, insee)]
    areas: set[str] = field(default_factory=set)  # départements and régions (squash)

    def is_place(self, text: str) -> bool:
        key = squash(re.sub(r"\(\s*\d{2,3}\s*\)|\b\d{5}\b", " ", text))
        if not key:
            return bool(re.search(r"\b\d{5}\b|\(\s*\d{2,3}\s*\)", text))
        key = re.sub(r"^(?:a|au|en)\s+", "", key)
        return key in self.communes or key in self.areas or key in EXTRA_PLACES

    def commune_code(self, postcode: str | None, city: str | None) -> str | None:
        city_key = squash(city or "")
        city_key = re.sub(r"\s+cedex(?:\s+\d+)?$", "", city_key)
        if postcode:
            options = self.by_postcode.get(postcode.replace(" ", ""), [])
            for name, insee in options:
                if name == city_key or (city_key and (city_key.startswith(name) or name.startswith(city_key))):
                    return insee
            if len(options) == 1 and not city_key:
                return options[0][1]
        return self.communes.get(city_key) if city_key else None


EXTRA_PLACES = {"teletravail", "paris", "lyon", "marseille", "france", "belgique", "suisse", "geneve", "luxembourg",
                "monaco", "londres", "montreal", "bruxelles", "lausanne", "ile de france", "idf", "remote",
                "a distance", "domicile", "international", "europe"}


@lru_cache(maxsize=1)
def places() -> Places:
    out = Places()
    try:
        from tremplin.referentials import geo

        frames = geo.frames()
    except TremplinError:
        return out
    communes = frames["communes"]
    population = communes["population"].fillna(0) if "population" in communes else None
    order = communes.assign(_pop=population).sort_values("_pop", ascending=False) if population is not None else communes
    for insee, name, postcodes in zip(order["insee"], order["name"], order.get("postcodes", [""] * len(order)),
                                      strict=True):
        key = squash(str(name))
        out.communes.setdefault(key, str(insee))
        for pc in str(postcodes or "").split(";"):
            if pc:
                out.by_postcode.setdefault(pc, []).append((key, str(insee)))
    for table in ("departements", "regions"):
        if table in frames:
            out.areas.update(squash(str(n)) for n in frames[table]["name"])
    return out


# ------------------------------------------------------------------------------------ competences


def _stem_words(text: str) -> set[str]:
    out = set()
    for w in words(text):
        if w in STOPWORDS or len(w) < 2:
            continue
        out.add(w[:-1] if len(w) > 3 and w[-1] in "sx" else w)
    return out


class CompetenceIndex:
    """Character n-gram TF-IDF over ROME competence and savoir labels, checked by word overlap.

    A written skill is linked to the label that maximises ``0.5 × cosine + 0.5 × recall`` where
    recall is the share of the skill's words found in the label; labels of the occupations the CV
    is about (its experiences' ROME codes) get a small bonus, so "soins d'hygiène et de confort"
    goes to the care competence of an aide-soignant, not to animal care.
    """

    def __init__(self, labels: list[str], codes: list[str], kinds: list[str]):
        from sklearn.feature_extraction.text import TfidfVectorizer

        self.labels = labels
        self.codes = codes
        self.kinds = kinds
        self.position = {code: i for i, code in enumerate(codes)}
        self.exact = {squash(label): i for i, label in enumerate(labels)}
        self.label_words = [_stem_words(label) for label in labels]
        self.vectoriser = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True, min_df=1)
        self.matrix = self.vectoriser.fit_transform([fold(label) for label in labels]).T.tocsr()

    def match(self, texts: list[str], threshold: float, context: set[int] | None = None,
              context_bonus: float = 0.1) -> list[tuple[int, float] | None]:
        import numpy as np

        if not texts:
            return []
        context = context or set()
        out: list[tuple[int, float] | None] = [None] * len(texts)
        pending = []
        for i, text in enumerate(texts):
            exact = self.exact.get(squash(text))
            if exact is not None:
                out[i] = (exact, 1.0)
            elif threshold <= 1.0:
                pending.append(i)
        if not pending:
            return out
        queries = self.vectoriser.transform([fold(texts[i]) for i in pending])
        scores = (queries @ self.matrix).tocsr()
        for row, i in enumerate(pending):
            start, end = scores.indptr[row], scores.indptr[row + 1]
            if start == end:
                continue
            values = scores.data[start:end]
            cols = scores.indices[start:end]
            top = np.argsort(-values)[:30]
            skill_words = _stem_words(texts[i])
            if not skill_words:
                continue
            best = None
            for t in top:
                col = int(cols[t])
                recall = len(skill_words & self.label_words[col]) / len(skill_words)
                if recall < 0.5:
                    continue
                score = 0.5 * float(values[t]) + 0.5 * recall + (context_bonus if col in context else 0.0)
                if best is None or score > best[1]:
                    best = (col, score)
            if best is not None and best[1] >= threshold:
                out[i] = (best[0], min(best[1], 1.0))
        return out


@lru_cache(maxsize=1)
def competence_index() -> CompetenceIndex:
    """Raises DataUnavailable when the ROME is not installed."""
    from tremplin.referentials import rome

    with _lock:
        frames = rome.frames()
        comp = frames["competences"]
        sav = frames["savoirs"]
        labels = [str(x) for x in comp["label"]] + [str(x) for x in sav["label"]]
        codes = [str(x) for x in comp["code_ogr"]] + [str(x) for x in sav["code_ogr"]]
        kinds = ["competence"] * len(comp) + ["savoir"] * len(sav)
        # Labels repeated across tables: keep the first.
        seen: set[str] = set()
        keep = [i for i, label in enumerate(labels) if not (squash(label) in seen or seen.add(squash(label)))]
        return CompetenceIndex([labels[i] for i in keep], [codes[i] for i in keep], [kinds[i] for i in keep])


def referential_available() -> bool:
    try:
        title_vocabulary()
        return title_vocabulary().from_referential
    except TremplinError:
        return False


def reset() -> None:
    """Forget what was built (tests switch referentials)."""
    title_vocabulary.cache_clear()
    places.cache_clear()
    competence_index.cache_clear()


# -------------------------------------------------------------------------------- occupation coding


def occupation_coder():
    """A batch coder ``(items: list[(title, description)], mode) -> list[result]`` built on the public
    functions of the rome_coding service (``code_occupations`` when present, else ``code_occupation``);
    DataUnavailable when that service is not installed."""
    try:
        from tremplin.services import rome_coding
    except ImportError as exc:
        raise DataUnavailable(msg.ROME_UNAVAILABLE, hint=msg.ROME_UNAVAILABLE_HINT) from exc
    batch = getattr(rome_coding, "code_occupations", None)
    single = getattr(rome_coding, "code_occupation", None)
    if batch is None and single is None:
        raise DataUnavailable(msg.ROME_UNAVAILABLE, hint=msg.ROME_UNAVAILABLE_HINT)

    def code(items: list[tuple[str, str | None]], mode: str | None = None) -> list:
        if mode is None:  # the coding service's own switch: off raises ServiceDisabled, or "rules_only"
            from tremplin.governance.contract import ensure_enabled

            mode = ensure_enabled("rome_coding")
        if batch is not None:
            return list(batch(items, top=3, mode=mode))
        return [single(text, description, 3, mode=mode) for text, description in items]

    return code


def _get(obj, name, default=None):
    if isinstance(obj, dict):
        return obj.get(name, default)
    return getattr(obj, name, default)


def to_rome_coding(result) -> dict:
    """Whatever ``code_occupation`` returns (pydantic model or dict) as RomeCoding fields."""
    candidates = []
    for cand in _get(result, "candidates", []) or []:
        code = _get(cand, "code")
        if not code:
            continue
        appellation = _get(cand, "appellation")
        if appellation is not None and not isinstance(appellation, str):
            appellation = _get(appellation, "label") or str(appellation)
        confidence = _get(cand, "confidence", _get(cand, "score", 0.0)) or 0.0
        candidates.append({"code": str(code), "label": str(_get(cand, "label", "") or ""),
                           "appellation": appellation, "confidence": float(min(max(confidence, 0.0), 1.0))})
    abstained = bool(_get(result, "abstained", False))
    return {"status": "abstained" if abstained or not candidates else "coded", "candidates": candidates}


def reference_words(text: str) -> list[str]:
    return [w for w in words(text) if w not in STOPWORDS]
