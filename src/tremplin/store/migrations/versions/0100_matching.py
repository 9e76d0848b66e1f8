"""Matching: feedback on suggestions (not interested, counsellor additions and removals) and jobseekers' filters.

Revision ID: matching_0001
Revises: 0002_access
"""

import sqlalchemy as sa
from alembic import op

from tremplin.store.base import JSONType

revision = "matching_0001"
down_revision = "0002_access"
branch_labels = ("matching",)
depends_on = None


def upgrade() -> None:
    op.create_table(
        "matching_feedback",
        sa.Column("id", sa.String(32), nullable=False),
        sa.Column("jobseeker_id", sa.String(64), nullable=False),
        sa.Column("offer_id", sa.String(64), nullable=False),
        sa.Column("kind", sa.String(24), nullable=False),
        sa.Column("actor_ref", sa.String(80), nullable=False),
        sa.Column("actor_role", sa.String(20), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("proposal_id", sa.String(64), nullable=True),
        sa.Column("decision_id", sa.String(64), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_matching_feedback"),
    )
    op.create_index("ix_matching_feedback_jobseeker", "matching_feedback", ["jobseeker_id", "created_at"])
    op.create_index("ix_matching_feedback_offer", "matching_feedback", ["offer_id"])
    op.create_table(
        "matching_filters",
        sa.Column("jobseeker_id", sa.String(64), nullable=False),
        sa.Column("max_distance_km", sa.Float(), nullable=True),
        sa.Column("contract_types", JSONType, nullable=False),
        sa.Column("full_time_only", sa.Boolean(), nullable=True),
        sa.Column("rome_codes", JSONType, nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(80), nullable=False),
        sa.Column("updated_role", sa.String(20), nullable=False),
        sa.PrimaryKeyConstraint("jobseeker_id", name="pk_matching_filters"),
    )


def downgrade() -> None:
    op.drop_table("matching_filters")
    op.drop_index("ix_matching_feedback_offer", table_name="matching_feedback")
    op.drop_index("ix_matching_feedback_jobseeker", table_name="matching_feedback")
    op.drop_table("matching_feedback")
