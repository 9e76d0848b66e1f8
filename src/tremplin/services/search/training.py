"""``tremplin train search``: fit the fusion weights on the training half of the query clusters.

The weights are saved under ``TREMPLIN_HOME/models/search/fusion.json`` with the model version,
the hash of the training data and the metrics (training half, and held-out half); the service
uses them from then on (:func:`tremplin.services.search.index.load_fusion`).
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from tremplin.services.search.evaluation import default_prequalified_path, evaluate
from tremplin.services.search.index import fusion_file
from tremplin.services.search.model import MODEL_VERSION


def train_fusion(prequalified: Path | None = None, *, seed: int = 20240611,
                 progress: Callable[[int, int], None] | None = None) -> dict:
    path = Path(prequalified) if prequalified else default_prequalified_path()
    report = evaluate(path, seed=seed, progress=progress)
    tuned = report.get("tuned_params_object")
    if tuned is None:
        from tremplin.errors import DataUnavailable

        raise DataUnavailable("l'index n'a pas de partie sémantique : rien à fusionner",
                              hint="reconstruisez-le sans --no-dense (« tremplin search build »)")
    data_hash = hashlib.sha256(path.read_bytes()).hexdigest()
    saved = {
        "model_version": MODEL_VERSION,
        "trained_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "training_data": str(path),
        "training_data_hash": data_hash,
        "split": report["split"],
        "params": tuned.to_dict(),
        "metrics": {"train_ndcg@10": report["fusion_tuned"]["train_ndcg@10"],
                    "test": report["test"]["hybrid_tuned"]},
        "index_corpus_hash": report["index"].get("corpus_hash"),
    }
    target = fusion_file()
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(f".tmp{os.getpid()}")
    tmp.write_text(json.dumps(saved, ensure_ascii=False, indent=2), encoding="utf-8")
    os.replace(tmp, target)
    return {**saved, "path": str(target)}
