"""CV analysis: analysed CVs (profile, personal part kept apart, masked text).

Revision ID: cv_0001
Revises: 0002_access
"""

import sqlalchemy as sa
from alembic import op

from tremplin.store.base import JSONType

revision = "cv_0001"
down_revision = "0002_access"
branch_labels = ("cv",)
depends_on = None


def upgrade() -> None:
    op.create_table(
        "cv_analyses",
        sa.Column("id", sa.String(32), nullable=False),
        sa.Column("proposal_id", sa.String(64), nullable=False),
        sa.Column("owner_id", sa.String(64), nullable=True),
        sa.Column("created_by", sa.String(80), nullable=False),
        sa.Column("created_role", sa.String(20), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("status", sa.String(20), nullable=False, server_default="proposed"),
        sa.Column("media_type", sa.String(120), nullable=False),
        sa.Column("format", sa.String(10), nullable=False),
        sa.Column("size_bytes", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("proposed", JSONType, nullable=False),
        sa.Column("profile", JSONType, nullable=False),
        sa.Column("personal", JSONType, nullable=False),
        sa.Column("text", sa.Text(), nullable=False, server_default=""),
        sa.Column("corrections", sa.Integer(), nullable=False, server_default="0"),
        sa.PrimaryKeyConstraint("id", name="pk_cv_analyses"),
    )
    op.create_index("ix_cv_analyses_proposal_id", "cv_analyses", ["proposal_id"])
    op.create_index("ix_cv_analyses_owner_id", "cv_analyses", ["owner_id"])


def downgrade() -> None:
    op.drop_index("ix_cv_analyses_owner_id", table_name="cv_analyses")
    op.drop_index("ix_cv_analyses_proposal_id", table_name="cv_analyses")
    op.drop_table("cv_analyses")
