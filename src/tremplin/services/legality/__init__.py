"""Offer legality control: unlawful and misleading job offers, with the article of law.

Public API (what the offer import, the console and the API call)::

    from tremplin.services.legality import check_offer, check_text
    report = check_offer(offer_dict_or_Offer)
    report.verdict            # "block" | "review" | "advise" | "ok"
    report.findings[0].rule   # "R08-SEX", with articles, span, explanation, suggestion

Human oversight (journal, decisions, override rates) is in
:mod:`tremplin.services.legality.oversight`.
"""

from tremplin.services.legality.findings import Finding, LegalityReport
from tremplin.services.legality.rules import CATEGORIES, RULES, RULESET_VERSION
from tremplin.services.legality.service import (
    SERVICE_NAME,
    SERVICE_VERSION,
    check_many,
    check_offer,
    check_text,
)

__all__ = [
    "CATEGORIES",
    "Finding",
    "LegalityReport",
    "RULES",
    "RULESET_VERSION",
    "SERVICE_NAME",
    "SERVICE_VERSION",
    "check_many",
    "check_offer",
    "check_text",
]
