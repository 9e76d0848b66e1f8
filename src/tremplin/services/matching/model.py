"""Stage 2: the two-head ranker (« likely to apply » × « likely to be hired »).

Two LightGBM models on the same pair features (:data:`.features.FEATURES`):

- the **apply head** predicts that the person applies to an offer they could see (a job they
  like), trained on stage-1 pairs: applications against pairs not applied to (negatives
  subsampled, probabilities corrected for the sampling rate);
- the **hire head** predicts that an application ends in a hire (a job they can get), trained
  on applications. It is trained on **de-biased targets** when the protected attributes are
  available (see :mod:`.training`): their estimated effect is a fixed offset during training,
  so that no proxy absorbs it, and it is left out at prediction — everyone is scored as the
  reference group would be. Protected attributes are never inputs of either model.

The combined score is ``mix × log P(apply) + (1 − mix) × log P(hire | apply)``; ``mix = 0.5``
ranks by the probability of a hire, P(apply) × P(hire | apply) (the VADORE finding: the mix
beats either alone). Per-item explanations come from LightGBM's exact tree contributions
(``pred_contrib=True``) of both heads, combined with the same weights.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np

from .features import FEATURES

MODEL_VERSION = "matching-2.0"

# Sensible directions, enforced (monotone constraints): explanations then always read the right way.
MONOTONE_APPLY = {"level_desired": 1, "level_experience": 1, "skill_share": 1, "competence_fit": 1, "code_similarity": 1,
                  "distance_km": -1, "distance_ratio": -1, "contract_ok": 1, "hours_ok": 1, "salary_gap": 1}
MONOTONE_HIRE = {"months_in_code": 1, "months_in_fiche": 1, "skill_share": 1, "skills_in_common": 1,
                 "experience_met": 1, "licence_missing": -1, "distance_km": -1, "education_gap": 1}


@dataclass
class RankerParams:
    mix: float = 0.5  # weight of « likely to apply » (1 − mix on « likely to be hired »)
    apply_trees: int = 120
    hire_trees: int = 100
    learning_rate: float = 0.08
    num_leaves: int = 15
    min_child_samples: int = 40
    negatives_per_positive: int = 8
    feature_fraction: float = 0.9
    seed: int = 7
    threads: int = 1  # one thread: on a shared machine OpenMP threads spin and cost more than they save


def _lgb():
    import lightgbm as lgb

    return lgb


def _log_sigmoid(x: np.ndarray) -> np.ndarray:
    return -np.logaddexp(0.0, -x)


@dataclass
class MatchRanker:
    params: RankerParams = field(default_factory=RankerParams)
    features: tuple[str, ...] = FEATURES
    apply_model_: Any = None
    hire_model_: Any = None
    apply_offset_: float = 0.0  # log of the negative sampling rate (probability correction)
    info_: dict[str, Any] = field(default_factory=dict)

    # ------------------------------------------------------------------ training

    def _train(self, X, y, trees: int, monotone: dict[str, int], init_score=None):
        lgb = _lgb()
        p = self.params
        params = {
            "objective": "binary", "learning_rate": p.learning_rate, "num_leaves": p.num_leaves,
            "min_child_samples": p.min_child_samples, "feature_fraction": p.feature_fraction, "bagging_fraction": 0.9,
            "bagging_freq": 1, "lambda_l2": 1.0, "seed": p.seed, "num_threads": p.threads, "verbose": -1,
            "monotone_constraints": [monotone.get(f, 0) for f in self.features], "deterministic": True,
            "force_row_wise": True,
        }
        data = lgb.Dataset(np.asarray(X, dtype=np.float32), label=np.asarray(y, dtype=float),
                           feature_name=list(self.features), init_score=init_score, free_raw_data=True)
        return lgb.train(params, data, num_boost_round=trees)

    def fit_apply(self, X: np.ndarray, applied: np.ndarray) -> MatchRanker:
        """Apply head on stage-1 pairs (1 = applied); negatives subsampled, then corrected."""
        rng = np.random.default_rng(self.params.seed)
        applied = np.asarray(applied, dtype=bool)
        pos, neg = np.flatnonzero(applied), np.flatnonzero(~applied)
        want = min(len(neg), max(1, self.params.negatives_per_positive * max(len(pos), 1)))
        rate = want / max(len(neg), 1)
        sampled = rng.choice(neg, size=want, replace=False) if want < len(neg) else neg
        rows = np.sort(np.concatenate([pos, sampled]))
        self.apply_model_ = self._train(X[rows], applied[rows], self.params.apply_trees, MONOTONE_APPLY)
        self.apply_offset_ = float(np.log(rate)) if rate > 0 else 0.0
        self.info_["apply_rows"] = int(len(rows))
        self.info_["apply_positives"] = int(len(pos))
        self.info_["negative_sampling_rate"] = round(rate, 6)
        return self

    def fit_hire(self, X: np.ndarray, hired: np.ndarray, offset: np.ndarray | None = None) -> MatchRanker:
        """Hire head on applications (1 = hired); ``offset`` (training only) absorbs the estimated bias."""
        self.hire_model_ = self._train(X, np.asarray(hired, dtype=bool), self.params.hire_trees, MONOTONE_HIRE,
                                       init_score=offset)
        self.info_["hire_rows"] = int(len(X))
        self.info_["hire_positives"] = int(np.sum(hired))
        return self

    # ------------------------------------------------------------------ prediction

    @property
    def fitted(self) -> bool:
        return self.apply_model_ is not None and self.hire_model_ is not None

    def logits(self, X: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        X = np.asarray(X, dtype=np.float32)
        if not len(X):
            return np.zeros(0), np.zeros(0)
        t = self.params.threads
        la = self.apply_model_.predict(X, raw_score=True, num_threads=t) + self.apply_offset_
        lh = self.hire_model_.predict(X, raw_score=True, num_threads=t)
        return la, lh

    def hire_logit(self, X: np.ndarray) -> np.ndarray:
        return self.hire_model_.predict(np.asarray(X, dtype=np.float32), raw_score=True, num_threads=self.params.threads)

    def combine(self, la: np.ndarray, lh: np.ndarray, mix: float | None = None) -> np.ndarray:
        m = self.params.mix if mix is None else mix
        return m * _log_sigmoid(la) + (1.0 - m) * _log_sigmoid(lh)

    def score(self, X: np.ndarray, mix: float | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(combined score, P(apply), P(hire | apply))."""
        la, lh = self.logits(X)
        return self.combine(la, lh, mix), 1.0 / (1.0 + np.exp(-la)), 1.0 / (1.0 + np.exp(-lh))

    def contributions(self, X: np.ndarray, mix: float | None = None) -> np.ndarray:
        """Per-feature contributions to the combined score (rows × features), in log-odds units."""
        X = np.asarray(X, dtype=np.float32)
        m = self.params.mix if mix is None else mix
        ca = self.apply_model_.predict(X, pred_contrib=True, num_threads=self.params.threads)[:, :-1]
        ch = self.hire_model_.predict(X, pred_contrib=True, num_threads=self.params.threads)[:, :-1]
        return m * ca + (1.0 - m) * ch

    def importance(self) -> dict[str, float]:
        out = {}
        for name, model in (("apply", self.apply_model_), ("hire", self.hire_model_)):
            gain = model.feature_importance("gain")
            total = gain.sum() or 1.0
            out[name] = {f: round(float(g / total), 4) for f, g in zip(self.features, gain, strict=True)}
        return out

    # ------------------------------------------------------------------ storage

    def to_dict(self) -> dict[str, Any]:
        return {
            "version": MODEL_VERSION,
            "params": asdict(self.params),
            "features": list(self.features),
            "apply_model": self.apply_model_.model_to_string(),
            "hire_model": self.hire_model_.model_to_string(),
            "apply_offset": self.apply_offset_,
            "info": self.info_,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> MatchRanker:
        lgb = _lgb()
        if tuple(data.get("features") or ()) != FEATURES:
            from tremplin.errors import DataUnavailable

            raise DataUnavailable("le modèle d'appariement installé a été entraîné avec d'autres variables",
                                  hint="relancez « tremplin match train »")
        ranker = cls(params=RankerParams(**data["params"]))
        ranker.apply_model_ = lgb.Booster(model_str=data["apply_model"])
        ranker.hire_model_ = lgb.Booster(model_str=data["hire_model"])
        ranker.apply_offset_ = float(data.get("apply_offset", 0.0))
        ranker.info_ = dict(data.get("info") or {})
        return ranker
