"""Fixtures of CV analysis.

- ``cv_env``: referentials installed and a fresh TREMPLIN_HOME (no ROME model: coding is reported
  unavailable, which is what most extraction tests want — they must not depend on it).
- ``cv_rome_home``: the same with the small occupation-coding model of the rome_coding tests
  (trained once, cached in .cache/test-rome-model), to check the integration.
- ``generated``: a small set of generated CVs (every format and layout), written once per session.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.services.rome_coding.conftest import rome_model_dir  # noqa: F401 - shared, trained once

HAND = Path(__file__).resolve().parents[2] / "data" / "cv"


@pytest.fixture
def cv_env(referentials, home) -> Path:
    return home


@pytest.fixture
def cv_rome_home(cv_env, rome_model_dir) -> Path:  # noqa: F811
    from tremplin.settings import get_settings

    shutil.copytree(rome_model_dir, get_settings().models_dir / "rome_coding")
    return cv_env


@pytest.fixture(scope="session")
def generated(referentials, tmp_path_factory) -> list[tuple[Path, dict]]:
    from tremplin.simulate.cvs import random_profiles, write_cvs

    out = tmp_path_factory.mktemp("generated-cvs")
    return write_cvs(random_profiles(40, 2024), out, 2024)


@pytest.fixture(scope="session")
def one_pdf(generated) -> bytes:
    return next(p for p, t in generated if t["format"] == "pdf").read_bytes()


@pytest.fixture(scope="session")
def one_docx(generated) -> bytes:
    return next(p for p, t in generated if t["format"] == "docx").read_bytes()


@pytest.fixture(scope="session")
def one_odt(generated) -> bytes:
    return next(p for p, t in generated if t["format"] == "odt").read_bytes()
