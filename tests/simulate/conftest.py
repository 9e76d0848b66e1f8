"""Fixtures of the simulator tests: small territories built once per module."""

from __future__ import annotations

import os
import warnings
from pathlib import Path

import pytest


@pytest.fixture(scope="module")
def sim_env(referentials, shared_data, tmp_path_factory):
    """Environment for the simulator: referentials, mirror, a fresh home (restored afterwards)."""
    from tremplin.settings import reset_settings
    from tremplin.store.db import get_engine

    home = tmp_path_factory.mktemp("simhome")
    keys = ("TREMPLIN_HOME", "TREMPLIN_DATA_MIRROR", "TREMPLIN_DATABASE_URL")
    previous = {k: os.environ.get(k) for k in keys}
    os.environ["TREMPLIN_HOME"] = str(home)
    os.environ["TREMPLIN_DATA_MIRROR"] = str(shared_data)
    os.environ.pop("TREMPLIN_DATABASE_URL", None)
    reset_settings()
    get_engine.cache_clear()
    yield home
    for k, v in previous.items():
        if v is None:
            os.environ.pop(k, None)
        else:
            os.environ[k] = v
    reset_settings()
    get_engine.cache_clear()


def run(out: Path, **kwargs):
    from tremplin.simulate import SimulationConfig, simulate_territory

    params = dict(departements=["74"], jobseekers=500, months=8, seed=11, write_db=False, cv_sample=5, out=out)
    params.update(kwargs)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return simulate_territory(SimulationConfig(**params))


@pytest.fixture(scope="session")
def simulate_run():
    """``simulate_run(out, **config)``: a small territory (500 jobseekers, 8 months) unless told otherwise."""
    return run


@pytest.fixture(scope="module")
def small_territory(sim_env):
    from tremplin.simulate import load_territory

    result = run(sim_env / "t-small")
    return result, load_territory(result.out_dir)
