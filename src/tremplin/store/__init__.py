"""Storage: SQLAlchemy 2 tables, engine and sessions, Alembic migrations, repositories."""

from tremplin.store.db import get_engine, migrate, session_scope

__all__ = ["get_engine", "migrate", "session_scope"]
