"""Governance: hash-chained journal, service switches, card reports, special-category vault.

The journal is append-only at the database level too: a trigger refuses any UPDATE, and a
DELETE is refused unless the record lies at or below the purge anchor (set by ``journal purge``).

Revision ID: governance_0001
Revises: 0002_access
"""

import sqlalchemy as sa
from alembic import op

from tremplin.store.base import JSONType

revision = "governance_0001"
down_revision = "0002_access"
branch_labels = ("governance",)
depends_on = None

GENESIS = "0" * 64

PG_TRIGGERS = [
    """
    CREATE OR REPLACE FUNCTION tremplin_journal_guard() RETURNS trigger AS $$
    BEGIN
        IF TG_OP = 'UPDATE' THEN
            RAISE EXCEPTION 'journal_entries est en ajout seul (modification refusée)';
        END IF;
        IF OLD.seq > (SELECT anchor_seq FROM journal_head WHERE id = 1) THEN
            RAISE EXCEPTION 'journal_entries : suppression refusée hors purge';
        END IF;
        RETURN OLD;
    END
    $$ LANGUAGE plpgsql
    """,
    """
    CREATE TRIGGER journal_entries_guard BEFORE UPDATE OR DELETE ON journal_entries
    FOR EACH ROW EXECUTE FUNCTION tremplin_journal_guard()
    """,
]

SQLITE_TRIGGERS = [
    """
    CREATE TRIGGER journal_entries_no_update BEFORE UPDATE ON journal_entries
    BEGIN SELECT RAISE(ABORT, 'journal_entries est en ajout seul (modification refusée)'); END
    """,
    """
    CREATE TRIGGER journal_entries_no_delete BEFORE DELETE ON journal_entries
    WHEN OLD.seq > (SELECT anchor_seq FROM journal_head WHERE id = 1)
    BEGIN SELECT RAISE(ABORT, 'journal_entries : suppression refusée hors purge'); END
    """,
]


def upgrade() -> None:
    op.create_table(
        "journal_entries",
        sa.Column("seq", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("record_id", sa.String(64), nullable=False),
        sa.Column("ref_id", sa.String(64), nullable=True),
        sa.Column("service", sa.String(64), nullable=True),
        sa.Column("subject_ref", sa.String(64), nullable=True),
        sa.Column("actor_ref", sa.String(64), nullable=True),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.Column("idempotency_key", sa.String(128), nullable=True),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("prev_hash", sa.String(64), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
        sa.PrimaryKeyConstraint("seq", name="pk_journal_entries"),
        sa.UniqueConstraint("idempotency_key", name="uq_journal_entries_idempotency_key"),
    )
    op.create_index("ix_journal_entries_record_id", "journal_entries", ["record_id"])
    op.create_index("ix_journal_entries_ref_id", "journal_entries", ["ref_id"])
    op.create_index("ix_journal_entries_service_kind", "journal_entries", ["service", "kind"])
    op.create_index("ix_journal_entries_subject_ref", "journal_entries", ["subject_ref"])
    op.create_index("ix_journal_entries_created_at", "journal_entries", ["created_at"])

    head = op.create_table(
        "journal_head",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
        sa.Column("anchor_seq", sa.Integer(), nullable=False),
        sa.Column("anchor_hash", sa.String(64), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_journal_head"),
    )
    op.bulk_insert(head, [{"id": 1, "seq": 0, "hash": GENESIS, "anchor_seq": 0, "anchor_hash": GENESIS}])

    op.create_table(
        "service_switches",
        sa.Column("service", sa.String(64), nullable=False),
        sa.Column("mode", sa.String(16), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False, server_default=""),
        sa.Column("actor_ref", sa.String(64), nullable=False),
        sa.Column("actor_role", sa.String(20), nullable=False),
        sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("service", name="pk_service_switches"),
    )

    op.create_table(
        "card_reports",
        sa.Column("id", sa.String(64), nullable=False),
        sa.Column("service", sa.String(64), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False, server_default="1"),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor_ref", sa.String(64), nullable=True),
        sa.Column("payload", JSONType, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_card_reports"),
    )
    op.create_index("ix_card_reports_service_kind", "card_reports", ["service", "kind"])

    op.create_table(
        "vault_protected_attributes",
        sa.Column("subject_ref", sa.String(64), nullable=False),
        sa.Column("sex", sa.String(1), nullable=True),
        sa.Column("age_band", sa.String(16), nullable=True),
        sa.Column("disability_recognition", sa.Boolean(), nullable=True),
        sa.Column("nationality_group", sa.String(16), nullable=True),
        sa.Column("priority_neighbourhood", sa.Boolean(), nullable=True),
        sa.Column("stored_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("delete_after", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("subject_ref", name="pk_vault_protected_attributes"),
    )
    op.create_table(
        "vault_access_log",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor_ref", sa.String(64), nullable=False),
        sa.Column("actor_role", sa.String(20), nullable=False),
        sa.Column("purpose", sa.Text(), nullable=False),
        sa.Column("action", sa.String(16), nullable=False),
        sa.Column("subjects", sa.Integer(), nullable=False),
        sa.Column("attributes", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_vault_access_log"),
    )

    triggers = PG_TRIGGERS if op.get_bind().dialect.name == "postgresql" else SQLITE_TRIGGERS
    for statement in triggers:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS journal_entries_guard ON journal_entries")
        op.execute("DROP FUNCTION IF EXISTS tremplin_journal_guard()")
    for table in ("vault_access_log", "vault_protected_attributes", "card_reports", "service_switches",
                  "journal_head", "journal_entries"):
        op.drop_table(table)
