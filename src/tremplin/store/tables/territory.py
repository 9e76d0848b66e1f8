"""Simulated territories (``tremplin simulate``): jobseekers, protected attributes (own table),
companies, offer outcomes, interactions, service participations, e-mails.

Offers themselves go to the shared ``offers`` table (France Travail v2 payload) with
``source = "simulation:<territory id>"``. Every row carries its ``territory_id``; a territory
is replaced as a whole, in one transaction.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, DateTime, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from tremplin.store.base import Base, JSONType


class SimTerritoryRow(Base):
    __tablename__ = "sim_territories"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(200), default="")
    departements: Mapped[str] = mapped_column(String(200))
    seed: Mapped[int] = mapped_column(Integer)
    start_on: Mapped[date] = mapped_column(Date)
    end_on: Mapped[date] = mapped_column(Date)
    config: Mapped[dict] = mapped_column(JSONType)
    counts: Mapped[dict] = mapped_column(JSONType)
    files_dir: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(20), default="complete")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class SimJobseekerRow(Base):
    __tablename__ = "sim_jobseekers"

    territory_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    commune_code: Mapped[str] = mapped_column(String(5))
    bassin: Mapped[str] = mapped_column(String(10))
    education_level: Mapped[int | None] = mapped_column(Integer, nullable=True)
    experience_months: Mapped[int] = mapped_column(Integer)
    main_rome_code: Mapped[str] = mapped_column(String(5))
    registered_on: Mapped[date] = mapped_column(Date)
    exit_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    exit_reason: Mapped[str] = mapped_column(String(40))
    profile: Mapped[dict] = mapped_column(JSONType)  # skills, past occupations, criteria, languages...


class SimProtectedAttributesRow(Base):
    """Protected attributes, apart from the profile; read only by fairness audits."""

    __tablename__ = "sim_protected_attributes"

    territory_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    jobseeker_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    sex: Mapped[str] = mapped_column(String(1))
    birth_year: Mapped[int] = mapped_column(Integer)
    age_band: Mapped[str] = mapped_column(String(20))
    rqth: Mapped[bool] = mapped_column(Boolean)
    qpv: Mapped[bool] = mapped_column(Boolean)
    nationality_group: Mapped[str] = mapped_column(String(10))


class SimCompanyRow(Base):
    __tablename__ = "sim_companies"

    territory_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    naf_code: Mapped[str] = mapped_column(String(6))
    size_band: Mapped[str] = mapped_column(String(10))
    commune_code: Mapped[str] = mapped_column(String(5))
    is_temp_agency: Mapped[bool] = mapped_column(Boolean)


class SimOfferOutcomeRow(Base):
    __tablename__ = "sim_offer_outcomes"

    territory_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    offer_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    status: Mapped[str] = mapped_column(String(12))
    created_on: Mapped[date] = mapped_column(Date)
    closed_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    filled_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    n_applications: Mapped[int] = mapped_column(Integer)
    n_hires: Mapped[int] = mapped_column(Integer)


class SimInteractionRow(Base):
    """Applications and hires (``type`` application | hire)."""

    __tablename__ = "sim_interactions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    territory_id: Mapped[str] = mapped_column(String(64))
    jobseeker_id: Mapped[str] = mapped_column(String(64))
    offer_id: Mapped[str] = mapped_column(String(64))
    type: Mapped[str] = mapped_column(String(12))
    date: Mapped[date] = mapped_column(Date)

    __table_args__ = (
        Index("ix_sim_interactions_jobseeker", "territory_id", "jobseeker_id"),
        Index("ix_sim_interactions_offer", "territory_id", "offer_id"),
    )


class SimServiceRow(Base):
    __tablename__ = "sim_services"

    territory_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    id: Mapped[str] = mapped_column(String(80), primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    title: Mapped[str] = mapped_column(Text)
    description: Mapped[str] = mapped_column(Text, default="")
    eligibility: Mapped[list] = mapped_column(JSONType)
    source: Mapped[str] = mapped_column(Text, default="")


class SimParticipationRow(Base):
    __tablename__ = "sim_participations"

    territory_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    jobseeker_id: Mapped[str] = mapped_column(String(64), index=True)
    service_id: Mapped[str] = mapped_column(String(80))
    start_on: Mapped[date] = mapped_column(Date)
    end_on: Mapped[date] = mapped_column(Date)
    target_rome_fiche: Mapped[str | None] = mapped_column(String(5), nullable=True)


class SimEmailRow(Base):
    __tablename__ = "sim_emails"

    territory_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    jobseeker_id: Mapped[str] = mapped_column(String(64), index=True)
    received_at: Mapped[datetime] = mapped_column(DateTime)
    subject: Mapped[str] = mapped_column(Text, default="")
    body: Mapped[str] = mapped_column(Text, default="")


