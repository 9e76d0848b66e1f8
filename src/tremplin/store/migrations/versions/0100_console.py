"""Console: user accounts, sessions, processed submissions, work inbox.

Revision ID: console_0001
Revises: 0002_access
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision = "console_0001"
down_revision = "0002_access"
branch_labels = ("console",)
depends_on = None

JSONType = sa.JSON().with_variant(JSONB(), "postgresql")


def upgrade() -> None:
    op.create_table(
        "console_users",
        sa.Column("id", sa.String(64), nullable=False),
        sa.Column("login", sa.String(120), nullable=False),
        sa.Column("display_name", sa.String(200), nullable=False, server_default=""),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("subject_id", sa.String(64), nullable=True),
        sa.Column("password_hash", sa.String(300), nullable=True),
        sa.Column("provider", sa.String(40), nullable=False, server_default="password"),
        sa.Column("is_demo", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column("active", sa.Boolean(), nullable=False, server_default=sa.true()),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_login_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_console_users"),
        sa.UniqueConstraint("login", name="uq_console_users_login"),
    )
    op.create_table(
        "console_sessions",
        sa.Column("token_hash", sa.String(64), nullable=False),
        sa.Column("user_id", sa.String(64), nullable=False),
        sa.Column("csrf_secret", sa.String(64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_seen_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revoked", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.PrimaryKeyConstraint("token_hash", name="pk_console_sessions"),
    )
    op.create_index("ix_console_sessions_user_id", "console_sessions", ["user_id"])
    op.create_table(
        "console_submissions",
        sa.Column("key", sa.String(64), nullable=False),
        sa.Column("user_id", sa.String(64), nullable=False),
        sa.Column("action", sa.String(80), nullable=False),
        sa.Column("result_url", sa.Text(), nullable=False, server_default=""),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("key", name="pk_console_submissions"),
    )
    op.create_table(
        "console_items",
        sa.Column("id", sa.String(64), nullable=False),
        sa.Column("kind", sa.String(30), nullable=False),
        sa.Column("service", sa.String(30), nullable=False),
        sa.Column("subject_id", sa.String(64), nullable=False),
        sa.Column("title", sa.Text(), nullable=False, server_default=""),
        sa.Column("proposal", JSONType, nullable=False),
        sa.Column("data", JSONType, nullable=False),
        sa.Column("status", sa.String(20), nullable=False, server_default="open"),
        sa.Column("decision_id", sa.String(64), nullable=True),
        sa.Column("decision", JSONType, nullable=True),
        sa.Column("decided_by", sa.String(64), nullable=True),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False, server_default="1"),
        sa.PrimaryKeyConstraint("id", name="pk_console_items"),
    )
    op.create_index("ix_console_items_subject", "console_items", ["subject_id"])
    op.create_index("ix_console_items_kind_status", "console_items", ["kind", "status"])


def downgrade() -> None:
    op.drop_index("ix_console_items_kind_status", table_name="console_items")
    op.drop_index("ix_console_items_subject", table_name="console_items")
    op.drop_table("console_items")
    op.drop_table("console_submissions")
    op.drop_index("ix_console_sessions_user_id", table_name="console_sessions")
    op.drop_table("console_sessions")
    op.drop_table("console_users")
