"""Occupation coding as a service: rules around the model, results, storage of the model.

Public entry points (re-exported by the package): :func:`code_occupation`, :func:`code_occupations`,
:func:`fiche`, :func:`train`, :func:`load_model`, :func:`build_proposal`.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import threading
import time
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field

from tremplin.errors import DataUnavailable, InvalidInput, NotFound, PayloadTooLarge

from . import rules
from .model import MODEL_VERSION, STOP_WORDS, Pair, RomeCoder, naf_division
from .textprep import label_words

SERVICE = rules.SERVICE
MODEL_DIRNAME = "rome_coding"
MODEL_FILE = "model.pkl"
META_FILE = "model.json"
FORMAT = 4


# --------------------------------------------------------------------------- results


class Evidence(BaseModel):
    """Why a code is proposed: the appellation that matched and the words that carried it."""

    matched_appellation: str
    key_terms: list[str] = Field(default_factory=list)
    corrections: dict[str, str] = Field(default_factory=dict)  # misspelt word → referential word
    expansions: dict[str, str] = Field(default_factory=dict)  # abbreviation → words
    ignored: list[str] = Field(default_factory=list)  # contract, seniority, reference numbers…
    from_description: bool = False


class Fiche(BaseModel):
    code: str
    label: str


class CodingCandidate(BaseModel):
    code: str
    label: str
    appellation: str
    confidence: float  # calibrated probability that this ROME 4.0 code is right
    parent: Fiche  # the parent fiche of the code (equal to the code for a parent fiche)
    parent_confidence: float  # calibrated probability that the parent fiche is right
    evidence: Evidence


class CodingResult(BaseModel):
    text: str
    candidates: list[CodingCandidate]
    abstained: bool
    threshold: float
    reason: str | None = None  # French, when abstaining
    rules_fired: list[str] = Field(default_factory=list)
    mode: str = "model"
    model_version: str | None = None

    def summary(self) -> dict[str, Any]:
        """The short form of the CLI and of the issue: text, candidates (code, label, appellation, confidence)."""
        return {
            "text": self.text,
            "candidates": [
                {"code": c.code, "label": c.label, "appellation": c.appellation, "confidence": round(c.confidence, 4),
                 "parent": c.parent.code}
                for c in self.candidates
            ],
            "abstained": self.abstained,
        }


# --------------------------------------------------------------------------- model storage


def model_dir(base: Path | None = None) -> Path:
    if base is not None:
        return Path(base)
    from tremplin.settings import get_settings

    return get_settings().models_dir / MODEL_DIRNAME


def save_model(model: RomeCoder, meta: dict[str, Any], base: Path | None = None) -> Path:
    """Write the model and its metadata atomically (readers see the old or the new one)."""
    directory = model_dir(base)
    directory.mkdir(parents=True, exist_ok=True)
    tmp = directory / f".{MODEL_FILE}.{os.getpid()}.tmp"
    with open(tmp, "wb") as handle:
        pickle.dump(model, handle, protocol=pickle.HIGHEST_PROTOCOL)
    digest = hashlib.sha256(tmp.read_bytes()).hexdigest()
    meta = {**meta, "format": FORMAT, "model_sha256": digest}
    tmp_meta = directory / f".{META_FILE}.{os.getpid()}.tmp"
    tmp_meta.write_text(json.dumps(meta, ensure_ascii=False, indent=2), encoding="utf-8")
    os.replace(tmp, directory / MODEL_FILE)
    os.replace(tmp_meta, directory / META_FILE)
    _CACHE.clear()
    return directory


def read_meta(base: Path | None = None) -> dict[str, Any] | None:
    path = model_dir(base) / META_FILE
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        raise DataUnavailable(f"métadonnées du modèle de codage ROME illisibles ({path}) : {exc}",
                              hint="lancez « tremplin train rome »") from exc


def record_evaluation(summary: dict[str, Any], base: Path | None = None) -> None:
    """Keep an evaluation's headline figures in the model's metadata (newest last, ten kept)."""
    directory = model_dir(base)
    meta = read_meta(base)
    if meta is None:
        return
    evaluations = [*meta.get("evaluations", []), summary][-10:]
    meta["evaluations"] = evaluations
    tmp = directory / f".{META_FILE}.{os.getpid()}.tmp"
    tmp.write_text(json.dumps(meta, ensure_ascii=False, indent=2), encoding="utf-8")
    os.replace(tmp, directory / META_FILE)


_CACHE: dict[tuple, tuple[RomeCoder, dict]] = {}
_LOCK = threading.Lock()


def load_model(base: Path | None = None) -> tuple[RomeCoder, dict[str, Any]]:
    """The trained model under the configured models directory, cached while its file is unchanged."""
    directory = model_dir(base)
    path = directory / MODEL_FILE
    try:
        stat = path.stat()
    except FileNotFoundError:
        raise DataUnavailable(
            "aucun modèle de codage ROME n'est installé", hint="lancez « tremplin train rome »"
        ) from None
    key = (str(path), stat.st_mtime_ns, stat.st_size)
    with _LOCK:
        if key in _CACHE:
            return _CACHE[key]
        meta = read_meta(base) or {}
        if meta.get("format") != FORMAT:
            raise DataUnavailable("le modèle de codage ROME est d'un autre format", hint="lancez « tremplin train rome »")
        data = path.read_bytes()
        if hashlib.sha256(data).hexdigest() != meta.get("model_sha256"):
            raise DataUnavailable("le fichier du modèle de codage ROME ne correspond pas à son empreinte",
                                  hint="lancez « tremplin train rome »")
        model = pickle.loads(data)  # only from the configured models directory, checked against its digest
        _CACHE.clear()
        _CACHE[key] = (model, meta)
        return model, meta


# --------------------------------------------------------------------------- training


def read_pairs(path: Path, fields: Sequence[str] = ("intitule", "description")) -> list[Pair]:
    """Labelled pairs from a JSON-lines file: offers in France Travail v2 shape (``intitule``,
    ``description``, ``romeCode``) or ``{"text", "code", "description"}`` lines."""
    pairs: list[Pair] = []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except ValueError as exc:
                raise InvalidInput(f"ligne {number} : JSON invalide ({exc.msg})", field="pairs") from None
            title = row.get("intitule", row.get("text"))
            code = row.get("romeCode", row.get("code"))
            if not title or not code:
                continue
            desc = row.get("description") if "description" in fields else None
            naf = row.get("secteurActivite", row.get("naf"))
            pairs.append(Pair(title=str(title), code=str(code).strip().upper(), description=desc,
                              naf=str(naf) if naf else None))
    if not pairs:
        raise InvalidInput("aucune paire (intitulé, code ROME) dans le fichier", field="pairs",
                           hint="lignes attendues : {\"intitule\": …, \"romeCode\": …}")
    return pairs


def pairs_digest(pairs: Sequence[Pair]) -> str:
    h = hashlib.sha256()
    for p in pairs:
        h.update(json.dumps([p.title, p.code, p.description or ""], ensure_ascii=False).encode("utf-8"))
    return h.hexdigest()


def train(
    pairs: Sequence[Pair] | None = None,
    *,
    use_embeddings: bool = False,
    n_synthetic: int = 12000,
    base: Path | None = None,
    referential=None,
    usage_priors: bool = False,
    log=None,
) -> dict[str, Any]:
    """Train on the installed referential (and optional labelled pairs), save, return the metadata.
    The France Travail usage priors (opt-in: no measured gain, see docs/quality.md) are used when their
    tables are installed and ``usage_priors``."""
    from .referential import load_referential

    started = time.perf_counter()
    referential = referential or load_referential(usage_priors=usage_priors)
    pairs = list(pairs or [])
    model = RomeCoder(use_embeddings=use_embeddings, n_synthetic=n_synthetic).fit(referential, pairs, log=log)
    ref_hash = referential.digest()
    data_hash = hashlib.sha256((ref_hash + (pairs_digest(pairs) if pairs else "")).encode()).hexdigest()
    meta = {
        "service": SERVICE,
        "model_version": f"{MODEL_VERSION}+{data_hash[:10]}",
        "created_at": datetime.now(UTC).isoformat(),
        "referential_version": referential.version,
        "training_data_hash": data_hash,
        "referential_hash": ref_hash,
        "pairs": len(pairs),
        "pairs_hash": pairs_digest(pairs) if pairs else None,
        "use_embeddings": bool(use_embeddings),
        "usage_priors": bool(model.uses_priors_),
        "usage_version": model.usage_version_,
        "documents": len(model.doc_text_),
        "training_queries": model.n_train_queries_,
        "calibration_queries": model.n_calibration_queries_,
        "calibration_source": model.calibration_source_,
        "metrics": {"calibration_top1_fiche_accuracy": round(model.train_fit_accuracy_, 4)},
        "training_seconds": round(time.perf_counter() - started, 1),
    }
    save_model(model, meta, base)
    return meta


# --------------------------------------------------------------------------- coding


def _check_inputs(text: Any, description: Any) -> tuple[str, str | None]:
    if text is None:
        text = ""
    if not isinstance(text, str):
        raise InvalidInput("l'intitulé doit être un texte", field="text")
    if len(text) > rules.MAX_TITLE_CHARS:
        raise PayloadTooLarge(
            f"intitulé trop long ({len(text)} caractères, maximum {rules.MAX_TITLE_CHARS})", field="text",
            hint="envoyez le texte long dans « description »",
        )
    if description is not None:
        if not isinstance(description, str):
            raise InvalidInput("la description doit être un texte", field="description")
        if len(description) > rules.MAX_DESCRIPTION_CHARS:
            raise PayloadTooLarge(
                f"description trop longue ({len(description)} caractères, maximum {rules.MAX_DESCRIPTION_CHARS})",
                field="description",
            )
        description = description[: rules.DESCRIPTION_USED_CHARS] or None
    return text, description


def _check_threshold(threshold: float | None) -> float:
    if threshold is None:
        return rules.DEFAULT_THRESHOLD
    try:
        value = float(threshold)
    except (TypeError, ValueError):
        raise InvalidInput("le seuil doit être un nombre entre 0 et 1", field="threshold") from None
    if not 0.0 <= value <= 1.0:
        raise InvalidInput(f"seuil {value} hors de l'intervalle [0, 1]", field="threshold")
    return value


def _check_top(top: int) -> int:
    if not isinstance(top, int) or isinstance(top, bool) or not 1 <= top <= 20:
        raise InvalidInput("« top » doit être un entier entre 1 et 20", field="top")
    return top


def _abstain(text: str, threshold: float, rule: rules.Rule, reason: str, mode: str, version: str | None,
             candidates: list[CodingCandidate] | None = None) -> CodingResult:
    return CodingResult(text=text, candidates=candidates or [], abstained=True, threshold=threshold, reason=reason,
                        rules_fired=[rule.id], mode=mode, model_version=version)


def _pre_rules(text: str, threshold: float, mode: str, version: str | None) -> CodingResult | None:
    if not rules.has_letters(text):
        return _abstain(text, threshold, rules.R_EMPTY, "intitulé vide ou sans lettres", mode, version)
    if rules.latin_share(text) < rules.MIN_LATIN_SHARE:
        return _abstain(text, threshold, rules.R_SCRIPT,
                        "texte dans une autre écriture que l'alphabet latin", mode, version)
    return None


def _result_from_ranking(
    model: RomeCoder, meta: dict, text: str, ranking, top: int, threshold: float, used_description: bool
) -> CodingResult:
    version = meta.get("model_version")
    prepared, words, corrections, cands = ranking.prepared, ranking.words, ranking.corrections, ranking.candidates
    known = [w for w in words if w in model.vocab_ and w not in STOP_WORDS]
    if not cands or not known:
        return _abstain(text, threshold, rules.R_NO_TERM,
                        "aucun terme de métier du ROME reconnu dans l'intitulé", "model", version)
    fiche_scores: dict[str, float] = {}
    for c in cands:
        parent = model.parents_.get(c.code, c.code)
        fiche_scores[parent] = fiche_scores.get(parent, 0.0) + c.score
    out: list[CodingCandidate] = []
    for c in cands[:top]:
        parent = model.parents_.get(c.code, c.code)
        dwords = set(model.doc_words_[c.doc])
        key_terms = [w for w in dict.fromkeys(words) if w in dwords and w not in STOP_WORDS and len(w) > 1]
        # model_construct: every value comes from the model itself (validated types, no user input)
        out.append(
            CodingCandidate.model_construct(
                code=c.code,
                label=model.labels_[c.code],
                appellation=model.doc_display_[c.doc],
                confidence=round(model.calibrate(c.score, "code"), 4),
                parent=Fiche.model_construct(code=parent, label=model.labels_.get(parent, parent)),
                parent_confidence=round(model.calibrate(fiche_scores[parent], "fiche"), 4),
                evidence=Evidence.model_construct(
                    matched_appellation=model.doc_display_[c.doc],
                    key_terms=key_terms,
                    corrections=dict(corrections),
                    expansions=dict(prepared.expanded),
                    ignored=list(prepared.removed),
                    from_description=bool(used_description and c.features.get("desc_gap", -1.0) == 0.0),
                ),
            )
        )
    best_fiche_conf = max(model.calibrate(s, "fiche") for s in fiche_scores.values())
    if best_fiche_conf < threshold:
        return CodingResult(
            text=text, candidates=out, abstained=True, threshold=threshold,
            reason=f"confiance {best_fiche_conf:.2f} sous le seuil {threshold:.2f}",
            rules_fired=[rules.R_THRESHOLD.id], mode="model", model_version=version,
        )
    return CodingResult(text=text, candidates=out, abstained=False, threshold=threshold, mode="model",
                        model_version=version)


def _rules_only(model: RomeCoder, meta: dict, text: str, top: int, threshold: float) -> CodingResult:
    """Rules-only mode: exact match of the normalised title with an appellation (RC06)."""
    version = meta.get("model_version")
    prepared = model.prepare(text)[0]
    target = prepared.text
    hits = [i for i, doc in enumerate(model.doc_text_) if doc == target and model.doc_kind_[i] != "pair"]
    if not hits:
        return _abstain(text, threshold, rules.R_RULES_ONLY,
                        "modèle suspendu et aucune appellation identique", "rules_only", version)
    out = []
    for i in hits[:top]:
        code = model.codes_[int(model.doc_code_[i])]
        parent = model.parents_.get(code, code)
        out.append(CodingCandidate(
            code=code, label=model.labels_[code], appellation=model.doc_display_[i], confidence=1.0,
            parent=Fiche(code=parent, label=model.labels_.get(parent, parent)), parent_confidence=1.0,
            evidence=Evidence(matched_appellation=model.doc_display_[i], key_terms=label_words(model.doc_display_[i]),
                              expansions=prepared.expanded, ignored=prepared.removed),
        ))
    return CodingResult(text=text, candidates=out, abstained=False, threshold=threshold,
                        rules_fired=[rules.R_RULES_ONLY.id], mode="rules_only", model_version=version)


def _current_mode(mode: str | None) -> str:
    if mode is not None:
        if mode not in ("on", "rules_only"):
            raise InvalidInput("mode attendu : on ou rules_only", field="mode")
        return mode
    from tremplin.governance.contract import ensure_enabled

    return ensure_enabled(SERVICE)


def code_occupations(
    items: Iterable[str | tuple[str, str | None] | dict],
    *,
    top: int = 3,
    threshold: float | None = None,
    mode: str | None = None,
    base: Path | None = None,
    batch_size: int = 512,
) -> list[CodingResult]:
    """Code many titles at once (vectorised). Items: a title, a (title, description[, naf]) tuple, or a
    dict with ``text``/``intitule`` and optional ``description`` and ``naf`` (or ``secteurActivite``:
    the employer's NAF code or division, used by a model trained with the usage tables)."""
    top = _check_top(top)
    threshold = _check_threshold(threshold)
    run_mode = _current_mode(mode)
    model, meta = load_model(base)
    version = meta.get("model_version")
    titles: list[str] = []
    descs: list[str | None] = []
    sectors: list[str | None] = []
    for position, item in enumerate(items):
        naf = None
        if isinstance(item, dict):
            title, desc = item.get("text", item.get("intitule")), item.get("description")
            naf = item.get("naf", item.get("secteurActivite"))
        elif isinstance(item, tuple | list):
            title, desc = (item[0], item[1] if len(item) > 1 else None)
            naf = item[2] if len(item) > 2 else None
        else:
            title, desc = item, None
        try:
            title, desc = _check_inputs(title, desc)
            naf = _check_naf(naf)
        except InvalidInput as exc:
            exc.message = f"élément {position} : {exc.message}"
            raise
        titles.append(title)
        descs.append(desc)
        sectors.append(naf)
    results: list[CodingResult | None] = [None] * len(titles)
    todo: list[int] = []
    for i, title in enumerate(titles):
        pre = _pre_rules(title, threshold, "rules_only" if run_mode == "rules_only" else "model", version)
        if pre is not None:
            results[i] = pre
        elif run_mode == "rules_only":
            results[i] = _rules_only(model, meta, title, top, threshold)
        else:
            todo.append(i)
    for start in range(0, len(todo), batch_size):
        idx = todo[start:start + batch_size]
        ranked = model.rank([titles[i] for i in idx], [descs[i] for i in idx], [sectors[i] for i in idx])
        for i, ranking in zip(idx, ranked, strict=True):
            results[i] = _result_from_ranking(model, meta, titles[i], ranking, top, threshold, descs[i] is not None)
    return [r for r in results if r is not None]


def _check_naf(naf: Any) -> str | None:
    """The employer's NAF code as given ("8610Z", "86.10Z", "86"), or None; InvalidInput otherwise."""
    if naf is None or (isinstance(naf, str) and not naf.strip()):
        return None
    if not isinstance(naf, str) or naf_division(naf) is None or len(naf.strip()) > 8:
        raise InvalidInput("code NAF attendu (par exemple 86 ou 8610Z)", field="naf")
    return naf.strip().upper()


def code_occupation(
    text: str,
    description: str | None = None,
    top: int = 3,
    threshold: float | None = None,
    *,
    naf: str | None = None,
    mode: str | None = None,
    base: Path | None = None,
) -> CodingResult:
    """Code one job title (optionally with its description or a CV experience line) to ROME 4.0.

    Returns the ``top`` candidate codes with label, best appellation, calibrated confidence,
    parent fiche and evidence; ``abstained`` is true ("non déterminé") when the best fiche's
    confidence is under ``threshold`` (default :data:`rules.DEFAULT_THRESHOLD`) or when a rule
    forbids an answer. Raises InvalidInput / PayloadTooLarge for unusable input, DataUnavailable
    when no model is trained, ServiceDisabled when an administrator switched the service off.
    """
    return code_occupations([(text, description, naf)], top=top, threshold=threshold, mode=mode, base=base)[0]


def fiche(code: str, base: Path | None = None) -> dict[str, Any]:
    """A ROME 4.0 code with its label and parent fiche, from the trained model (no referential needed)."""
    model, _ = load_model(base)
    value = (code or "").strip().upper() if isinstance(code, str) else ""
    if value not in model.labels_:
        raise NotFound(f"code ROME inconnu « {code} »", field="code")
    parent = model.parents_.get(value, value)
    return {"code": value, "label": model.labels_[value], "parent": parent, "parent_label": model.labels_.get(parent),
            "is_parent": parent == value}


# --------------------------------------------------------------------------- proposals


def build_proposal(result: CodingResult):
    """The governance Proposal for a coding result (to be journaled with contract.record_proposal)."""
    from tremplin.domain.decision import Proposal, Reason

    reasons = []
    for c in result.candidates[:1]:
        reasons.append(Reason(label=f"appellation la plus proche : « {c.evidence.matched_appellation} »",
                              weight=c.confidence, source="ROME 4.0"))
        if c.evidence.key_terms:
            reasons.append(Reason(label="termes reconnus : " + ", ".join(c.evidence.key_terms), source="ROME 4.0"))
        if c.evidence.expansions:
            reasons.append(Reason(label="abréviations développées : " + ", ".join(
                f"{k} → {v}" for k, v in c.evidence.expansions.items()), source="lexique Tremplin"))
    if result.reason:
        reasons.append(Reason(label=result.reason, source="règles du service"))
    output = result.summary()
    output.pop("text", None)
    explanation = (
        "Aucun métier n'est proposé avec assez de confiance : une personne doit choisir."
        if result.abstained else
        f"Métier proposé : {result.candidates[0].label} ({result.candidates[0].code}), "
        f"confiance {result.candidates[0].confidence:.0%}. Une personne confirme ou corrige."
    )
    return Proposal(
        service=SERVICE,
        service_version=result.model_version or MODEL_VERSION,
        ruleset_version=rules.RULESET.version,
        mode="rules_only" if result.mode == "rules_only" else "model",
        output=output,
        reasons=reasons,
        rules_fired=result.rules_fired,
        explanation=explanation,
    )
