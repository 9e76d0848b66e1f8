"""Pydantic models shared by every part of Tremplin. No I/O here."""

from tremplin.domain.catalog import CatalogItem
from tremplin.domain.company import Company
from tremplin.domain.decision import Decision, DecisionOutcome, Proposal, Reason
from tremplin.domain.document import Document
from tremplin.domain.email import Email
from tremplin.domain.jobseeker import Jobseeker, ProtectedAttributes, SearchCriteria
from tremplin.domain.offer import Offer

__all__ = [
    "CatalogItem",
    "Company",
    "Decision",
    "DecisionOutcome",
    "Document",
    "Email",
    "Jobseeker",
    "Offer",
    "Proposal",
    "ProtectedAttributes",
    "Reason",
    "SearchCriteria",
]
