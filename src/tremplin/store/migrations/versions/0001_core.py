"""Core tables: offers.

Revision ID: 0001_core
Revises:
"""

import sqlalchemy as sa
from alembic import op

from tremplin.store.base import JSONType

revision = "0001_core"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "offers",
        sa.Column("id", sa.String(64), nullable=False),
        sa.Column("intitule", sa.Text(), nullable=False, server_default=""),
        sa.Column("rome_code", sa.String(5), nullable=True),
        sa.Column("commune_code", sa.String(5), nullable=True),
        sa.Column("type_contrat", sa.String(16), nullable=True),
        sa.Column("date_creation", sa.String(40), nullable=True),
        sa.Column("source", sa.String(80), nullable=True),
        sa.Column("payload", JSONType, nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False, server_default="1"),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_offers"),
    )
    op.create_index("ix_offers_rome_code", "offers", ["rome_code"])
    op.create_index("ix_offers_commune_code", "offers", ["commune_code"])


def downgrade() -> None:
    op.drop_table("offers")
