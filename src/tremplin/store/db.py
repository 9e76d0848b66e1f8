"""Engine, sessions and migrations. SQLite by default, PostgreSQL with TREMPLIN_DATABASE_URL."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from tremplin.errors import DataUnavailable

MIGRATIONS_DIR = Path(__file__).parent / "migrations"


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        path = url.split("///", 1)[-1]
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"check_same_thread": False})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://") :]
    return create_engine(url, pool_pre_ping=True)


@lru_cache(maxsize=8)
def get_engine(url: str | None = None) -> Engine:
    from tremplin.settings import get_settings

    return make_engine(url or get_settings().sqlalchemy_url)


def _alembic_config(engine: Engine):
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["engine"] = engine
    return config


def migrate(engine: Engine | None = None, revision: str = "heads") -> None:
    """Bring the schema to ``revision`` (every branch head by default: each area has its own branch)."""
    from alembic import command
    from sqlalchemy.exc import OperationalError

    engine = engine or get_engine()
    try:
        command.upgrade(_alembic_config(engine), revision)
    except OperationalError as exc:
        raise DataUnavailable(
            f"base de données injoignable ({engine.url.render_as_string(hide_password=True)})",
            hint="vérifiez TREMPLIN_DATABASE_URL et que le serveur tourne",
        ) from exc


def current_revision(engine: Engine | None = None) -> str | None:
    from alembic.runtime.migration import MigrationContext

    engine = engine or get_engine()
    with engine.connect() as conn:
        heads = MigrationContext.configure(conn).get_current_heads()
    return ",".join(sorted(heads)) if heads else None


@contextmanager
def session_scope(engine: Engine | None = None) -> Iterator[Session]:
    """A transaction: committed if the block succeeds, rolled back otherwise."""
    factory = sessionmaker(bind=engine or get_engine(), expire_on_commit=False)
    session = factory()
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()
