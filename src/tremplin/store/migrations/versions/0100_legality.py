"""Offer legality: findings awaiting a counsellor's decision (work list and override-rate index).

Revision ID: legality_0001
Revises: 0002_access
"""

import sqlalchemy as sa
from alembic import op

revision = "legality_0001"
down_revision = "0002_access"
branch_labels = ("legality",)
depends_on = None


def upgrade() -> None:
    op.create_table(
        "legality_reviews",
        sa.Column("id", sa.String(40), nullable=False),
        sa.Column("offer_id", sa.String(64), nullable=False),
        sa.Column("rule", sa.String(40), nullable=False),
        sa.Column("category", sa.String(40), nullable=False),
        sa.Column("severity", sa.String(10), nullable=False),
        sa.Column("field", sa.String(80), nullable=False),
        sa.Column("span_start", sa.Integer(), nullable=True),
        sa.Column("span_end", sa.Integer(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False, server_default=""),
        sa.Column("explanation", sa.Text(), nullable=False, server_default=""),
        sa.Column("ruleset_version", sa.String(80), nullable=False),
        sa.Column("input_hash", sa.String(80), nullable=False, server_default=""),
        sa.Column("status", sa.String(12), nullable=False, server_default="pending"),
        sa.Column("decision_id", sa.String(40), nullable=True),
        sa.Column("decided_by", sa.String(80), nullable=True),
        sa.Column("decided_role", sa.String(20), nullable=True),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_legality_reviews"),
    )
    op.create_index("ix_legality_reviews_offer_id", "legality_reviews", ["offer_id"])
    op.create_index("ix_legality_reviews_rule_status", "legality_reviews", ["rule", "status"])


def downgrade() -> None:
    op.drop_index("ix_legality_reviews_rule_status", table_name="legality_reviews")
    op.drop_index("ix_legality_reviews_offer_id", table_name="legality_reviews")
    op.drop_table("legality_reviews")
