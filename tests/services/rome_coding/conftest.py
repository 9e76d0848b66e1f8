"""Fixtures of occupation coding: one small model (no embeddings) trained once and cached.

The cache key is the source of the model and the installed referential's manifest, so a change
to either retrains. Training takes about a minute on two cores; afterwards, tests copy the
model into their own TREMPLIN_HOME.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest

from ...cache_lock import cache_lock

ROOT = Path(__file__).resolve().parents[3]
SOURCES = [
    ROOT / "src/tremplin/services/rome_coding/model.py",
    ROOT / "src/tremplin/services/rome_coding/textprep.py",
    ROOT / "src/tremplin/services/rome_coding/lexicon.py",
    ROOT / "src/tremplin/services/rome_coding/service.py",
    ROOT / "src/tremplin/services/rome_coding/referential.py",
    ROOT / "src/tremplin/text/normalize.py",
]
# with the usage priors (opt-in in the product) so that their code path runs in every test
SMALL = {"use_embeddings": False, "n_synthetic": 2500, "usage_priors": True}


@pytest.fixture(scope="session")
def rome_model_dir(referentials) -> Path:
    """Directory holding a trained small model (model.pkl + model.json)."""
    from tremplin.referentials import _store, rome
    from tremplin.services.rome_coding import train

    digest = hashlib.sha256()
    for path in SOURCES:
        digest.update(path.read_bytes())
    digest.update(json.dumps(rome.info(), sort_keys=True, default=str).encode())
    usage_manifest = _store.read_manifest("usage")  # the usage priors are trained in when installed
    digest.update(json.dumps((usage_manifest or {}).get("files"), sort_keys=True).encode())
    digest.update(json.dumps(SMALL, sort_keys=True).encode())
    target = ROOT / ".cache" / "test-rome-model" / digest.hexdigest()[:16]
    with cache_lock(target.parent):
        if not (target / "model.json").exists():
            for old in target.parent.glob("*"):
                if old.is_dir():
                    shutil.rmtree(old, ignore_errors=True)
            train(base=target, **SMALL)
    return target


@pytest.fixture
def rome_home(home, rome_model_dir) -> Path:
    """A fresh TREMPLIN_HOME whose models directory holds the small model."""
    from tremplin.settings import get_settings

    dest = get_settings().models_dir / "rome_coding"
    shutil.copytree(rome_model_dir, dest)
    return home
