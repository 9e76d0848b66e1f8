"""Simulated territories: jobseekers, protected attributes (own table), companies, offer outcomes,
interactions, services, participations, e-mails.

Revision ID: territory_0001
Revises: 0002_access
"""

import sqlalchemy as sa
from alembic import op

from tremplin.store.base import JSONType

revision = "territory_0001"
down_revision = "0002_access"
branch_labels = ("territory",)
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sim_territories",
        sa.Column("id", sa.String(64), nullable=False),
        sa.Column("name", sa.String(200), nullable=False, server_default=""),
        sa.Column("departements", sa.String(200), nullable=False),
        sa.Column("seed", sa.Integer(), nullable=False),
        sa.Column("start_on", sa.Date(), nullable=False),
        sa.Column("end_on", sa.Date(), nullable=False),
        sa.Column("config", JSONType, nullable=False),
        sa.Column("counts", JSONType, nullable=False),
        sa.Column("files_dir", sa.Text(), nullable=False, server_default=""),
        sa.Column("status", sa.String(20), nullable=False, server_default="complete"),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_sim_territories"),
    )
    op.create_table(
        "sim_jobseekers",
        sa.Column("territory_id", sa.String(64), nullable=False),
        sa.Column("id", sa.String(64), nullable=False),
        sa.Column("commune_code", sa.String(5), nullable=False),
        sa.Column("bassin", sa.String(10), nullable=False),
        sa.Column("education_level", sa.Integer(), nullable=True),
        sa.Column("experience_months", sa.Integer(), nullable=False),
        sa.Column("main_rome_code", sa.String(5), nullable=False),
        sa.Column("registered_on", sa.Date(), nullable=False),
        sa.Column("exit_on", sa.Date(), nullable=True),
        sa.Column("exit_reason", sa.String(40), nullable=False),
        sa.Column("profile", JSONType, nullable=False),
        sa.PrimaryKeyConstraint("territory_id", "id", name="pk_sim_jobseekers"),
    )
    op.create_table(
        "sim_protected_attributes",
        sa.Column("territory_id", sa.String(64), nullable=False),
        sa.Column("jobseeker_id", sa.String(64), nullable=False),
        sa.Column("sex", sa.String(1), nullable=False),
        sa.Column("birth_year", sa.Integer(), nullable=False),
        sa.Column("age_band", sa.String(20), nullable=False),
        sa.Column("rqth", sa.Boolean(), nullable=False),
        sa.Column("qpv", sa.Boolean(), nullable=False),
        sa.Column("nationality_group", sa.String(10), nullable=False),
        sa.PrimaryKeyConstraint("territory_id", "jobseeker_id", name="pk_sim_protected_attributes"),
    )
    op.create_table(
        "sim_companies",
        sa.Column("territory_id", sa.String(64), nullable=False),
        sa.Column("id", sa.String(64), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("naf_code", sa.String(6), nullable=False),
        sa.Column("size_band", sa.String(10), nullable=False),
        sa.Column("commune_code", sa.String(5), nullable=False),
        sa.Column("is_temp_agency", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("territory_id", "id", name="pk_sim_companies"),
    )
    op.create_table(
        "sim_offer_outcomes",
        sa.Column("territory_id", sa.String(64), nullable=False),
        sa.Column("offer_id", sa.String(64), nullable=False),
        sa.Column("status", sa.String(12), nullable=False),
        sa.Column("created_on", sa.Date(), nullable=False),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.Column("filled_on", sa.Date(), nullable=True),
        sa.Column("n_applications", sa.Integer(), nullable=False),
        sa.Column("n_hires", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("territory_id", "offer_id", name="pk_sim_offer_outcomes"),
    )
    op.create_table(
        "sim_interactions",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("territory_id", sa.String(64), nullable=False),
        sa.Column("jobseeker_id", sa.String(64), nullable=False),
        sa.Column("offer_id", sa.String(64), nullable=False),
        sa.Column("type", sa.String(12), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_sim_interactions"),
    )
    op.create_index("ix_sim_interactions_jobseeker", "sim_interactions", ["territory_id", "jobseeker_id"])
    op.create_index("ix_sim_interactions_offer", "sim_interactions", ["territory_id", "offer_id"])
    op.create_table(
        "sim_services",
        sa.Column("territory_id", sa.String(64), nullable=False),
        sa.Column("id", sa.String(80), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False, server_default=""),
        sa.Column("eligibility", JSONType, nullable=False),
        sa.Column("source", sa.Text(), nullable=False, server_default=""),
        sa.PrimaryKeyConstraint("territory_id", "id", name="pk_sim_services"),
    )
    op.create_table(
        "sim_participations",
        sa.Column("territory_id", sa.String(64), nullable=False),
        sa.Column("id", sa.String(64), nullable=False),
        sa.Column("jobseeker_id", sa.String(64), nullable=False),
        sa.Column("service_id", sa.String(80), nullable=False),
        sa.Column("start_on", sa.Date(), nullable=False),
        sa.Column("end_on", sa.Date(), nullable=False),
        sa.Column("target_rome_fiche", sa.String(5), nullable=True),
        sa.PrimaryKeyConstraint("territory_id", "id", name="pk_sim_participations"),
    )
    op.create_index("ix_sim_participations_jobseeker_id", "sim_participations", ["jobseeker_id"])
    op.create_table(
        "sim_emails",
        sa.Column("territory_id", sa.String(64), nullable=False),
        sa.Column("id", sa.String(64), nullable=False),
        sa.Column("jobseeker_id", sa.String(64), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.Column("subject", sa.Text(), nullable=False, server_default=""),
        sa.Column("body", sa.Text(), nullable=False, server_default=""),
        sa.PrimaryKeyConstraint("territory_id", "id", name="pk_sim_emails"),
    )
    op.create_index("ix_sim_emails_jobseeker_id", "sim_emails", ["jobseeker_id"])


def downgrade() -> None:
    for name in ("sim_emails", "sim_participations", "sim_services", "sim_interactions", "sim_offer_outcomes",
                 "sim_companies", "sim_protected_attributes", "sim_jobseekers", "sim_territories"):
        op.drop_table(name)
