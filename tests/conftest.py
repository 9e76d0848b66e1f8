"""Shared fixtures.

- ``home``: a fresh TREMPLIN_HOME per test (settings reset), SQLite database inside it.
- ``engine``: a migrated database, run twice: on SQLite and on a fresh PostgreSQL database
  (TREMPLIN_TEST_POSTGRES_URL, created and dropped around the test module).
- ``pg_url``: the URL of a fresh PostgreSQL database.
- ``shared_data``: the ../shared/data folder (local mirror of the official downloads).
"""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest

from .cache_lock import cache_lock

ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = Path(os.environ.get("TREMPLIN_TEST_SHARED", ROOT.parent / "shared" / "data"))
PG_ADMIN_URL = os.environ.get("TREMPLIN_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test")


@pytest.fixture(scope="session")
def shared_data() -> Path:
    if not (SHARED_DATA / "rome").is_dir():
        pytest.fail(f"shared data folder not found at {SHARED_DATA} (set TREMPLIN_TEST_SHARED)")
    return SHARED_DATA


@pytest.fixture
def home(tmp_path, monkeypatch) -> Path:
    from tremplin.settings import reset_settings
    from tremplin.store.db import get_engine

    home = tmp_path / "home"
    # TREMPLIN_REFERENTIALS_PATH, when the ``referentials`` fixture set it, is kept on purpose.
    monkeypatch.setenv("TREMPLIN_HOME", str(home))
    monkeypatch.delenv("TREMPLIN_DATABASE_URL", raising=False)
    reset_settings()
    get_engine.cache_clear()
    yield home
    reset_settings()
    get_engine.cache_clear()


def _pg_create_database() -> str:
    from sqlalchemy import create_engine, text

    name = f"tremplin_t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_ADMIN_URL.replace("postgresql://", "postgresql+psycopg://", 1), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    base = PG_ADMIN_URL.rsplit("/", 1)[0]
    return f"{base}/{name}"


def _pg_drop_database(url: str) -> None:
    from sqlalchemy import create_engine, text

    name = url.rsplit("/", 1)[1]
    admin = create_engine(PG_ADMIN_URL.replace("postgresql://", "postgresql+psycopg://", 1), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture
def pg_url():
    url = _pg_create_database()
    yield url
    from tremplin.store.db import get_engine

    get_engine.cache_clear()
    _pg_drop_database(url)


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, home) -> str:
    """A fresh, empty database URL on each backend; also set as TREMPLIN_DATABASE_URL."""
    if request.param == "sqlite":
        url = f"sqlite:///{home / 'test.db'}"
    else:
        url = request.getfixturevalue("pg_url")
    request.getfixturevalue("monkeypatch").setenv("TREMPLIN_DATABASE_URL", url)
    from tremplin.settings import reset_settings

    reset_settings()
    return url


@pytest.fixture
def engine(db_url):
    """A migrated engine on SQLite and on PostgreSQL."""
    from tremplin.store.db import get_engine, migrate

    engine = get_engine(db_url)
    migrate(engine)
    yield engine
    engine.dispose()


# ---------------------------------------------------------------- referentials (fetched once)

REFERENTIALS_CACHE = ROOT / ".cache" / "test-referentials"


@pytest.fixture(scope="session")
def referentials(shared_data) -> Path:
    """Every referential, fetched once from the shared mirror and npm into .cache/test-referentials.

    Reused while its manifests are complete; a file lock keeps the pytest-xdist workers from
    fetching at the same time. Sets TREMPLIN_REFERENTIALS_PATH for the whole session (the
    ``home`` fixture keeps it).
    """
    from tremplin.referentials.fetch import fetch, is_complete
    from tremplin.settings import reset_settings

    previous = {k: os.environ.get(k) for k in ("TREMPLIN_REFERENTIALS_PATH", "TREMPLIN_ROME_URL")}
    with cache_lock(REFERENTIALS_CACHE):
        if not is_complete(REFERENTIALS_CACHE):
            os.environ["TREMPLIN_ROME_URL"] = ""  # the mirror is the source under test
            reset_settings()
            reports = fetch(base=REFERENTIALS_CACHE, mirror=shared_data, cache_dir=ROOT / ".cache")
            failed = [f"{r.name}: {r.error}" for r in reports if not r.ok]
            if failed:
                pytest.fail("referentials could not be fetched: " + " | ".join(failed))
    os.environ["TREMPLIN_REFERENTIALS_PATH"] = str(REFERENTIALS_CACHE)
    reset_settings()
    yield REFERENTIALS_CACHE
    for key, value in previous.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value
    reset_settings()
