"""Fixtures of job matching: one small simulated territory and one model, built once per session.

The territory (2,000 jobseekers, 2,400 offers, 12 months, département 74, seed 5) is simulated
with the real referentials; the model is trained on it with few trees. Tests copy the model into
their own fresh TREMPLIN_HOME and point TREMPLIN_MATCHING_MARKET at the territory.
"""

from __future__ import annotations

import os
import shutil
import warnings
from pathlib import Path

import pytest

SMALL = dict(departements=["74"], jobseekers=2000, offers=2400, months=12, seed=5, write_db=False, cv_sample=0)


class _Env:
    """Set environment variables for a session fixture, then put them back."""

    def __init__(self, **values):
        self.values = values
        self.previous = {}

    def __enter__(self):
        from tremplin.settings import reset_settings
        from tremplin.store.db import get_engine

        for k, v in self.values.items():
            self.previous[k] = os.environ.get(k)
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = str(v)
        reset_settings()
        get_engine.cache_clear()
        return self

    def __exit__(self, *exc):
        from tremplin.settings import reset_settings
        from tremplin.store.db import get_engine

        for k, v in self.previous.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
        reset_settings()
        get_engine.cache_clear()


@pytest.fixture(scope="session")
def matching_territory(referentials, shared_data, tmp_path_factory) -> Path:
    from tremplin.simulate import SimulationConfig, simulate_territory

    base = tmp_path_factory.mktemp("matching-territory")
    with _Env(TREMPLIN_HOME=base / "home", TREMPLIN_DATA_MIRROR=shared_data, TREMPLIN_DATABASE_URL=None):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            result = simulate_territory(SimulationConfig(out=base / "t", **SMALL))
    return Path(result.out_dir)


@pytest.fixture(scope="session")
def matching_model(matching_territory, tmp_path_factory) -> Path:
    """The folder of a model trained on the small territory (model.json + meta.json)."""
    from tremplin.services.matching import clear_caches
    from tremplin.services.matching.model import RankerParams
    from tremplin.services.matching.service import model_dir, train

    base = tmp_path_factory.mktemp("matching-model")
    with _Env(TREMPLIN_HOME=base / "home", TREMPLIN_DATABASE_URL=None, TREMPLIN_MATCHING_MARKET=None):
        train(matching_territory, params=RankerParams(apply_trees=80, hire_trees=150))
        saved = base / "matching"
        shutil.copytree(model_dir(), saved)
    clear_caches()
    return saved


def install_model(model: Path) -> Path:
    from tremplin.services.matching.service import model_dir

    target = model_dir()
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copytree(model, target, dirs_exist_ok=True)
    return target


@pytest.fixture
def matching_env(home, matching_territory, matching_model, monkeypatch) -> Path:
    """A fresh home (SQLite, migrated) with the model installed and the territory as market."""
    from tremplin.store.db import migrate

    monkeypatch.setenv("TREMPLIN_MATCHING_MARKET", str(matching_territory))
    install_model(matching_model)
    migrate()
    return matching_territory


@pytest.fixture
def matching_db(engine, matching_territory, matching_model, monkeypatch):
    """The same on both database backends (SQLite and PostgreSQL): yields the migrated engine."""
    monkeypatch.setenv("TREMPLIN_MATCHING_MARKET", str(matching_territory))
    install_model(matching_model)
    return engine
