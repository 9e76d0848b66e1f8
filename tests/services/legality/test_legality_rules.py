"""The rule catalogue: R01–R25 complete and consistent, dated parameters, law references, contract rules."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from tremplin.errors import InvalidInput
from tremplin.services.legality import params
from tremplin.services.legality.rules import (
    CATEGORIES,
    EXCEPTIONS,
    KNOWN_ARTICLES,
    OTHER_SOURCES,
    RULES,
    RULESET_VERSION,
    catalogue,
    law_reference,
    verdict_of,
)

SRC = Path(__file__).resolve().parents[3] / "src" / "tremplin" / "services" / "legality"


def test_twenty_five_rules_with_articles_actions_and_categories():
    assert [r.id[:3] for r in RULES.values()] == [f"R{i:02d}" for i in range(1, 26)]
    for rule in RULES.values():
        assert rule.articles, rule.id
        assert rule.action.value in ("block", "review", "advise")
        assert set(rule.categories) <= set(CATEGORIES), rule.id
        assert all(e in EXCEPTIONS for e in rule.exceptions), rule.id
        assert all(p in params.PARAMETERS for p in rule.parameters), rule.id
        assert rule.version and rule.summary
    # every category of the issue is produced by at least one rule
    assert set(CATEGORIES) == {c for r in RULES.values() for c in r.categories}


def test_every_cited_article_is_known():
    cited = {a for r in RULES.values() for a in r.articles} | {a for e in EXCEPTIONS.values() for a in e.articles}
    for module in ("lexicon.py", "checks.py", "groups.py"):
        source = (SRC / module).read_text(encoding="utf-8")
        for group in re.findall(r"articles=\(([^)]*)\)", source):
            cited |= set(re.findall(r'"([^"]+)"', group))
    unknown = {a for a in cited if a not in KNOWN_ARTICLES and a not in OTHER_SOURCES}
    assert not unknown


def test_smic_is_a_dated_parameter_chosen_by_the_offer_date():
    assert params.smic_hourly(date(2026, 3, 1)).value == 12.02
    assert params.smic_hourly(date(2025, 12, 31)).value == 11.88
    assert params.smic_hourly(date(2024, 10, 31)).value == 11.65
    assert params.smic_hourly(date(2024, 11, 1)).value == 11.88
    assert params.smic_hourly(date(2026, 3, 1), "mayotte").value == 9.33
    assert params.smic_hourly(date(2010, 1, 1)) is None  # before the first stored value: the rule says so
    monthly = round(params.smic_hourly(date(2026, 1, 1)).value * params.MONTHLY_HOURS_35, 2)
    assert monthly == 1823.03
    assert params.value("trial_cdi_executive_months", date(2026, 1, 1)) == 4
    assert params.value("part_time_min_weekly_hours", date(2026, 1, 1)) == 24
    table = params.table()
    assert {"smic_hourly", "cdd_max_months", "internship_gratification_hourly"} <= {p["name"] for p in table}
    with pytest.raises(InvalidInput):
        params.parameter("nope")


def test_verdict_is_the_most_severe_action():
    assert verdict_of([]) == "ok"
    assert verdict_of(["advise", "review"]) == "review"
    assert verdict_of(["advise", "block", "review"]) == "block"


def test_law_reference_degrades_without_the_referential(home, monkeypatch):
    # The session may have installed the referentials elsewhere: point at an empty folder.
    from tremplin.settings import reset_settings

    monkeypatch.setenv("TREMPLIN_REFERENTIALS_PATH", str(home / "no-referentials"))
    reset_settings()
    ref = law_reference("L1142-1")
    assert ref.legiarti == "LEGIARTI000006900801" and ref.version_date == "2008-05-01"
    assert ref.text is None and "tremplin data fetch" in ref.source
    other = law_reference("C. éduc. L124-7")
    assert other.legiarti is None and "éducation" in other.title


def test_law_reference_reads_the_code_when_installed(referentials, home):
    ref = law_reference("L5331-2")
    assert ref.source.startswith("référentiel")
    assert "limite d'âge" in ref.text
    assert ref.legiarti == KNOWN_ARTICLES["L5331-2"][0]
    # the embedded metadata matches the code in force for every article we cite
    from tremplin.referentials import law

    for number, (legiarti, version) in KNOWN_ARTICLES.items():
        article = law.article(number)
        assert (article.legiarti, article.version_date) == (legiarti, version), number


def test_catalogue_and_contract_rules():
    from tremplin.governance import contract

    data = catalogue()
    assert len(data) == 25 and data[13]["id"] == "R14-SMIC"
    assert "SMIC" in data[13]["summary"]
    ruleset = contract.RuleSet(service="legality", rules=[r.as_contract_rule() for r in RULES.values()])
    assert ruleset.version.startswith("legality-rules-")
    r07 = ruleset.get("R07-AGE")
    assert r07.severity == "blocking" and {e.id for e in r07.exceptions} == {"EXC-APPRENTISSAGE", "EXC-AIDES-EMPLOI"}
    assert RULESET_VERSION.startswith("2026-03-27+")


def test_card_declares_the_rules():
    from tremplin.services.legality.card import CARD

    assert CARD.name == "legality" and len(CARD.rules) == 25
    assert CARD.risk_class == "not_ai" and CARD.ai_act.high_risk is False
