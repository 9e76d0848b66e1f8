from sqlalchemy import inspect


def test_migrations_create_the_tables_on_both_backends(engine):
    tables = set(inspect(engine).get_table_names())
    assert {"offers", "api_tokens", "alembic_version"} <= tables


def test_migrating_twice_changes_nothing(engine):
    from tremplin.store.db import current_revision, migrate

    before = current_revision(engine)
    migrate(engine)
    assert current_revision(engine) == before
