"""Fairness audits: any metric broken down by group, with bootstrap intervals, gaps and ratios.

The engine (:class:`GroupMetrics`) follows Fairlearn's ``MetricFrame`` idea, written for
Tremplin: a table of predictions is split by one sensitive attribute or an intersection of
two, each group gets its metrics, and each group is compared with a reference group
(difference and ratio, each with a bootstrap 95 % interval).

Input table (documented in docs/governance.md), one row per person and decision:

=================  ==========================================================================
``subject_ref``    pseudonym of the person (or ``subject_id``: pseudonymised on the fly)
``y_pred``         0/1: selected, flagged, shown (required)
``y_true``         0/1: the observed outcome (optional: TPR, FPR, precision, calibration)
``score``          model score in [0, 1] (optional: calibration)
``rank``           1-based position in a ranked list (optional: exposure)
=================  ==========================================================================

Sensitive attributes are joined from the audit vault (each read logged). Confusion-matrix
metrics are bootstrapped exactly and fast by multinomial draws of the four cells; means
(calibration gap, exposure) by resampling rows. Groups smaller than ``min_group_size`` are
suppressed (not shown), as is any metric whose denominator is smaller than ``min_cell``.

A gap is *flagged* when it is statistically significant after correction for the many groups
and metrics compared at once (bootstrap standard error, Benjamini-Hochberg adjusted p-value
below 5 %) AND its size reaches the tolerance set for the service (default 0.05, to be fixed by
the fundamental-rights impact assessment). Intervals shown are unadjusted 95 % intervals.
The US « four-fifths rule » is not used as a test: it has no standing in French or EU law.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from itertools import combinations
from typing import Any

import numpy as np
import pandas as pd

from tremplin.errors import InvalidInput

ATTRIBUTE_LABELS = {
    "sex": "sexe",
    "age_band": "tranche d'âge",
    "disability_recognition": "reconnaissance de handicap (RQTH)",
    "nationality_group": "groupe de nationalité",
    "priority_neighbourhood": "quartier prioritaire (QPV)",
}
METRIC_LABELS = {
    "selection_rate": "taux de sélection / signalement",
    "tpr": "taux de vrais positifs",
    "fpr": "taux de faux positifs",
    "precision": "précision",
    "calibration_gap": "écart de calibration (score moyen − taux observé)",
    "exposure": "exposition moyenne dans les classements",
}
CONFUSION_METRICS = ("selection_rate", "tpr", "fpr", "precision")


@dataclass
class AuditConfig:
    attributes: tuple[str, ...] = ("sex", "age_band", "disability_recognition", "nationality_group",
                                   "priority_neighbourhood")
    intersections: bool = True  # every pair of attributes
    min_group_size: int = 20
    min_cell: int = 10
    n_boot: int = 400
    confidence: float = 0.95
    tolerance: float = 0.05
    seed: int = 0
    reference: dict[str, str] = field(default_factory=dict)  # attribute -> reference group (default: largest)


# --------------------------------------------------------------------------- point metrics


def _confusion(y_pred: np.ndarray, y_true: np.ndarray | None) -> np.ndarray:
    """[TP, FP, FN, TN] (without truth: [selected, not selected, 0, 0])."""
    p = y_pred.astype(bool)
    if y_true is None:
        return np.array([p.sum(), 0, 0, (~p).sum()], dtype=np.int64)
    t = y_true.astype(bool)
    return np.array([(p & t).sum(), (p & ~t).sum(), (~p & t).sum(), (~p & ~t).sum()], dtype=np.int64)


def _confusion_metrics(cells: np.ndarray, has_truth: bool, min_cell: int) -> dict[str, np.ndarray]:
    """Vectorised over the leading axes: cells[..., 4]."""
    tp, fp, fn, tn = (cells[..., i].astype(float) for i in range(4))
    n = tp + fp + fn + tn
    with np.errstate(divide="ignore", invalid="ignore"):
        out = {"selection_rate": np.where(n >= min_cell, (tp + fp) / n, np.nan)}
        if has_truth:
            pos, neg, sel = tp + fn, fp + tn, tp + fp
            out["tpr"] = np.where(pos >= min_cell, tp / pos, np.nan)
            out["fpr"] = np.where(neg >= min_cell, fp / neg, np.nan)
            out["precision"] = np.where(sel >= min_cell, tp / sel, np.nan)
    return out


def exposure_weights(rank: np.ndarray) -> np.ndarray:
    """Position-based exposure 1 / log2(1 + rank) (rank 1 → 1.0), as in Singh & Joachims (2018)."""
    return 1.0 / np.log2(1.0 + rank.astype(float))


# --------------------------------------------------------------------------- the engine


class GroupMetrics:
    """Metrics per group of one grouping column, with bootstrap replicates for intervals."""

    def __init__(self, frame: pd.DataFrame, group_col: str, config: AuditConfig, rng: np.random.Generator):
        self.group_col = group_col
        self.config = config
        has_truth = "y_true" in frame and frame["y_true"].notna().all()
        self.has_truth = bool(has_truth)
        self.groups: dict[str, dict[str, Any]] = {}
        usable = frame[frame[group_col].notna()]
        for group, part in usable.groupby(group_col, sort=True, observed=True):
            key = str(group)
            n = len(part)
            info: dict[str, Any] = {"n": n, "suppressed": n < config.min_group_size}
            if info["suppressed"]:
                self.groups[key] = info
                continue
            y_pred = part["y_pred"].to_numpy()
            y_true = part["y_true"].to_numpy() if self.has_truth else None
            cells = _confusion(y_pred, y_true)
            point = _confusion_metrics(cells, self.has_truth, config.min_cell)
            probs = cells / cells.sum()
            boot_cells = rng.multinomial(n, probs, size=config.n_boot)
            boots = _confusion_metrics(boot_cells, self.has_truth, config.min_cell)
            continuous = {}
            if self.has_truth and "score" in part and part["score"].notna().all():
                continuous["calibration_gap"] = part["score"].to_numpy(float) - part["y_true"].to_numpy(float)
            if "rank" in part and part["rank"].notna().all():
                continuous["exposure"] = exposure_weights(part["rank"].to_numpy())
            for name, values in continuous.items():
                point[name] = np.float64(values.mean())
                boots[name] = _bootstrap_mean(values, config.n_boot, rng)
            info["point"] = {k: float(v) for k, v in point.items()}
            info["boot"] = boots
            self.groups[key] = info

    @property
    def metrics(self) -> list[str]:
        for info in self.groups.values():
            if "point" in info:
                return list(info["point"])
        return []

    def reference_group(self) -> str | None:
        wanted = self.config.reference.get(self.group_col)
        kept = {g: i for g, i in self.groups.items() if not i["suppressed"]}
        if wanted is not None and str(wanted) in kept:
            return str(wanted)
        return max(kept, key=lambda g: kept[g]["n"]) if kept else None


def _bootstrap_mean(values: np.ndarray, n_boot: int, rng: np.random.Generator, chunk_cells: int = 4_000_000) -> np.ndarray:
    n = len(values)
    out = np.empty(n_boot)
    per = max(1, chunk_cells // max(n, 1))
    for start in range(0, n_boot, per):
        stop = min(n_boot, start + per)
        idx = rng.integers(0, n, size=(stop - start, n), dtype=np.int64)
        out[start:stop] = values[idx].mean(axis=1)
    return out


def _interval(samples: np.ndarray, confidence: float) -> tuple[float | None, float | None]:
    samples = samples[np.isfinite(samples)]
    if len(samples) < 10:
        return None, None
    alpha = (1 - confidence) / 2
    low, high = np.quantile(samples, [alpha, 1 - alpha])
    return float(low), float(high)


def _p_value(diff: float, samples: np.ndarray) -> float | None:
    """Two-sided p-value of a zero difference, normal approximation with the bootstrap standard error."""
    import math

    samples = samples[np.isfinite(samples)]
    if len(samples) < 10:
        return None
    se = float(np.std(samples, ddof=1))
    if se == 0.0:
        return 0.0 if diff != 0 else 1.0
    return math.erfc(abs(diff) / se / math.sqrt(2.0))


def _benjamini_hochberg(p_values: list[float | None]) -> list[float | None]:
    """Benjamini-Hochberg adjusted p-values (None stays None)."""
    indexed = [(p, i) for i, p in enumerate(p_values) if p is not None]
    out: list[float | None] = [None] * len(p_values)
    m = len(indexed)
    running = 1.0
    for rank, (p, i) in reversed(list(enumerate(sorted(indexed), 1))):
        running = min(running, p * m / rank)
        out[i] = min(1.0, running)
    return out


def _clean(value: float | None) -> float | None:
    if value is None or not np.isfinite(value):
        return None
    return float(value)


# --------------------------------------------------------------------------- audit


def prepare(frame: pd.DataFrame, attributes: pd.DataFrame | None = None) -> pd.DataFrame:
    """Check the documented input table and join the sensitive attributes (indexed by subject_ref)."""
    from tremplin.governance.pseudonymise import pseudonym

    frame = frame.copy()
    if "subject_ref" not in frame:
        if "subject_id" not in frame:
            raise InvalidInput("colonne subject_ref (ou subject_id) manquante", field="subject_ref")
        frame["subject_ref"] = [pseudonym(str(v)) for v in frame["subject_id"]]
        frame = frame.drop(columns=["subject_id"])
    if "y_pred" not in frame:
        raise InvalidInput("colonne y_pred (0/1) manquante", field="y_pred")
    for col in ("y_pred", "y_true"):
        if col in frame:
            values = pd.to_numeric(frame[col], errors="coerce")
            if values.isna().any() or not values.isin([0, 1]).all():
                raise InvalidInput(f"la colonne {col} doit contenir uniquement 0 ou 1", field=col)
            frame[col] = values.astype(int)
    if "score" in frame:
        score = pd.to_numeric(frame["score"], errors="coerce")
        if score.isna().any() or (score < 0).any() or (score > 1).any():
            raise InvalidInput("la colonne score doit contenir des nombres entre 0 et 1", field="score")
        frame["score"] = score
    if "rank" in frame:
        rank = pd.to_numeric(frame["rank"], errors="coerce")
        if rank.isna().any() or (rank < 1).any():
            raise InvalidInput("la colonne rank doit contenir des positions ≥ 1", field="rank")
        frame["rank"] = rank
    if attributes is not None:
        present = [c for c in attributes.columns if c in frame.columns]
        frame = frame.drop(columns=present).join(attributes, on="subject_ref")
    return frame


def _as_label(value: Any) -> Any:
    if isinstance(value, bool | np.bool_):
        return "oui" if value else "non"
    return value


def audit_frame(frame: pd.DataFrame, config: AuditConfig | None = None, *, service: str = "") -> dict[str, Any]:
    """Compute the audit report from a prepared table (predictions + outcomes + attributes)."""
    config = config or AuditConfig()
    rng = np.random.default_rng(config.seed)
    attributes = [a for a in config.attributes if a in frame.columns and frame[a].notna().any()]
    if not attributes:
        raise InvalidInput("aucun attribut protégé disponible pour ces personnes", field="attributes",
                           hint="importez-les dans le coffre d'audit (tremplin vault import)")
    data = frame.copy()
    for a in attributes:
        data[a] = data[a].map(lambda v: None if pd.isna(v) else _as_label(v))
    groupings: list[tuple[str, list[str]]] = [(a, [a]) for a in attributes]
    if config.intersections:
        for a, b in combinations(attributes, 2):
            name = f"{a}×{b}"
            both = data[a].notna() & data[b].notna()
            data[name] = np.where(both, data[a].astype(str) + " × " + data[b].astype(str), None)
            groupings.append((name, [a, b]))

    sections = []
    all_comparisons: list[dict[str, Any]] = []
    group_metrics = []
    for name, _parts in groupings:
        gm = GroupMetrics(data, name, config, rng)
        reference = gm.reference_group()
        groups_out = []
        for group, info in gm.groups.items():
            entry: dict[str, Any] = {"group": group, "n": info["n"] if not info["suppressed"] else None,
                                     "suppressed": info["suppressed"]}
            if not info["suppressed"]:
                entry["metrics"] = {}
                for metric, value in info["point"].items():
                    low, high = _interval(info["boot"][metric], config.confidence)
                    entry["metrics"][metric] = {"value": _clean(value), "ci_low": low, "ci_high": high}
                    group_metrics.append({"attribute": name, "group": group, "metric": metric, "value": _clean(value),
                                          "ci_low": low, "ci_high": high, "n": info["n"]})
            groups_out.append(entry)
        comparisons = []
        if reference is not None:
            ref = gm.groups[reference]
            for group, info in gm.groups.items():
                if info["suppressed"] or group == reference:
                    continue
                for metric in info["point"]:
                    a, r = info["point"][metric], ref["point"].get(metric)
                    if r is None or not np.isfinite(a) or not np.isfinite(r):
                        continue
                    diff_s = info["boot"][metric] - ref["boot"][metric]
                    with np.errstate(divide="ignore", invalid="ignore"):
                        ratio_s = info["boot"][metric] / ref["boot"][metric]
                    d_low, d_high = _interval(diff_s, config.confidence)
                    r_low, r_high = _interval(ratio_s, config.confidence)
                    diff = a - r
                    comp = {"attribute": name, "group": group, "reference": reference, "metric": metric,
                            "difference": _clean(diff), "difference_ci": [d_low, d_high],
                            "ratio": _clean(a / r) if r else None, "ratio_ci": [r_low, r_high],
                            "p_value": _p_value(diff, diff_s), "p_adjusted": None, "flagged": False}
                    comparisons.append(comp)
                    all_comparisons.append(comp)
        summary = {}
        for metric in gm.metrics:
            values = [g["metrics"][metric]["value"] for g in groups_out
                      if not g["suppressed"] and g["metrics"].get(metric, {}).get("value") is not None]
            if len(values) >= 2:
                summary[metric] = {"max_difference": max(values) - min(values),
                                   "min_ratio": (min(values) / max(values)) if max(values) else None}
        sections.append({
            "attribute": name,
            "label": " × ".join(ATTRIBUTE_LABELS.get(p, p) for p in _parts),
            "reference": reference,
            "groups": groups_out,
            "suppressed_groups": sum(1 for g in groups_out if g["suppressed"]),
            "comparisons": comparisons,
            "summary": summary,
        })

    # Many groups × metrics are compared at once: control the false discovery rate (Benjamini-Hochberg).
    alpha = 1 - config.confidence
    adjusted = _benjamini_hochberg([c["p_value"] for c in all_comparisons])
    flags = []
    for comp, p_adj in zip(all_comparisons, adjusted, strict=True):
        comp["p_adjusted"] = p_adj
        comp["flagged"] = bool(p_adj is not None and p_adj < alpha and abs(comp["difference"]) >= config.tolerance)
        if comp["flagged"]:
            flags.append(dict(comp))
    verdict = "disparités détectées" if flags else "aucune disparité détectée au-delà de la tolérance"
    return {
        "service": service,
        "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "n": int(len(frame)),
        "has_truth": bool("y_true" in frame),
        "config": {"attributes": list(config.attributes), "intersections": config.intersections,
                   "min_group_size": config.min_group_size, "min_cell": config.min_cell, "n_boot": config.n_boot,
                   "confidence": config.confidence, "tolerance": config.tolerance, "seed": config.seed},
        "verdict": verdict,
        "flagged": flags,
        "sections": sections,
        "group_metrics": group_metrics,
        "note": ("Écarts signalés quand ils sont significatifs après correction pour comparaisons multiples "
                 "(Benjamini-Hochberg, 5 %) et qu'ils atteignent la tolérance "
                 f"({config.tolerance}). La règle américaine des « quatre cinquièmes » n'est pas un critère juridique "
                 "en droit français ou européen ; les seuils se fixent dans l'analyse d'impact (FRIA)."),
    }


def load_predictions(path) -> pd.DataFrame:
    """The documented input table from CSV, JSONL or Parquet."""
    from pathlib import Path

    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return pd.read_csv(path)
    if suffix in (".jsonl", ".ndjson"):
        return pd.read_json(path, lines=True)
    if suffix == ".parquet":
        return pd.read_parquet(path)
    raise InvalidInput(f"format de fichier non pris en charge : {suffix}", field="input", hint=".csv, .jsonl ou .parquet")


def service_adapter(service: str):
    """A service's own data adapter, if it provides one: ``tremplin.services.<name>.audit.audit_frame(session)``."""
    import importlib

    try:
        module = importlib.import_module(f"tremplin.services.{service}.audit")
    except ModuleNotFoundError:
        return None
    return getattr(module, "audit_frame", None)


def run_audit(session, service: str, predictions: pd.DataFrame, *, actor_id: str, actor_role: str, purpose: str,
              config: AuditConfig | None = None, save: bool = True) -> dict[str, Any]:
    """Join the vault (logged read), compute, store the report on the card and journal it."""
    from tremplin.governance import cards, journal, vault
    from tremplin.governance.pseudonymise import canonical_json, keyed_hash, pseudonym

    config = config or AuditConfig()
    table = prepare(predictions)
    attrs = vault.read(session, table["subject_ref"].tolist(), actor_id=actor_id, actor_role=actor_role,
                       purpose=purpose, attributes=tuple(a for a in config.attributes))
    table = prepare(table, attrs)
    report = audit_frame(table, config, service=service)
    report["purpose"] = purpose
    if save:
        stored = cards.save_report(session, service, "audit", report, actor_ref=pseudonym(actor_id))
        report["version"] = stored["version"]
        journal.append(session, kind="audit", record_id=f"audit-{service}-{stored['version']}", service=service,
                       actor_ref=pseudonym(actor_id),
                       data={"actor_role": actor_role, "purpose": purpose, "verdict": report["verdict"],
                             "flagged": len(report["flagged"]), "n": report["n"],
                             "report_hash": keyed_hash(canonical_json(report))})
    return report
