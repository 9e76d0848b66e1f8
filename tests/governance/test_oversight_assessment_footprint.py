"""Override rates and their alerts, ethics self-assessment, footprint measurement."""

from __future__ import annotations

import pytest

from tremplin.domain import Decision, Proposal
from tremplin.errors import Forbidden, InvalidInput, NotFound
from tremplin.governance import assessment, cards, contract, footprint, oversight
from tremplin.store.db import session_scope


def _decide(s, service: str, counsellor: str, outcome: str) -> None:
    p = contract.record_proposal(s, Proposal(service=service, service_version="1", output={"x": 1}))
    contract.record_decision(s, Decision(proposal_id=p.id, actor_ref=counsellor, actor_role="counsellor",
                                         outcome=outcome, reason=None if outcome == "accept" else "autre choix",
                                         modified_output={"x": 2} if outcome == "modify" else None))


def test_override_rates_and_alerts(engine):
    with session_scope(engine) as s:
        for _ in range(40):
            _decide(s, "legality", "rubber-stamp", "accept")  # 0 % override: automation bias
        for i in range(40):
            _decide(s, "legality", "careful", "reject" if i % 4 == 0 else "accept")  # 25 %
        for i in range(35):
            _decide(s, "search", "c3", "modify" if i % 5 else "accept")  # 80 %: model out of touch
    with session_scope(engine) as s:
        rates = oversight.override_rates(s)
    by_service = {r["service"]: r for r in rates["services"]}
    assert by_service["legality"]["decisions"] == 80 and by_service["legality"]["override_rate"] == pytest.approx(10 / 80)
    assert by_service["legality"]["alert"] is None
    assert by_service["search"]["override_rate"] == pytest.approx(28 / 35) and "très élevé" in by_service["search"]["alert"]
    from tremplin.governance.pseudonymise import pseudonym

    by_actor = {r["actor_ref"]: r for r in rates["counsellors"]}
    assert "biais d'automatisation" in by_actor[pseudonym("rubber-stamp")]["alert"]
    assert by_actor[pseudonym("careful")]["alert"] is None
    assert len(rates["alerts"]) == 3


def test_only_administrators_switch(engine):
    with session_scope(engine) as s:
        with pytest.raises(Forbidden):
            oversight.set_mode(s, "search", "off", actor_id="c1", actor_role="counsellor", reason="essai")
        with pytest.raises(InvalidInput):
            oversight.set_mode(s, "nope", "off", actor_id="a", actor_role="administrator", reason="essai")


def _answers(level: str) -> dict:
    out = {}
    for q in assessment.QUESTIONNAIRE:
        if q.kind == "yes_no":
            out[q.id] = level
        else:
            out[q.id] = "Réponse détaillée et argumentée pour cette rubrique de l'analyse d'impact, avec exemples."
    return out


def test_assessment_scoring_versions_and_register(engine, fake_cards):
    full = assessment.from_answers("matching", _answers("oui"), "Équipe")
    assert assessment.score(full)["score"] == 1.0 and assessment.score(full)["open_actions"] == []
    partial_answers = _answers("oui")
    partial_answers["equite.audit"] = "non"
    partial_answers["humain.formation"] = "partiel"
    partial_answers["environnement.sobriete"] = "sans objet"
    partial_answers["fria.d_risques"] = "à voir"
    del partial_answers["transparence.registre"]
    result = assessment.score(assessment.from_answers("matching", partial_answers))
    actions = {a["question"]: a for a in result["open_actions"]}
    assert set(actions) == {"equite.audit", "humain.formation", "fria.d_risques", "transparence.registre"}
    assert actions["equite.audit"]["priority"] == "haute" and "tremplin audit" in actions["equite.audit"]["action"]
    assert 0.7 < result["score"] < 1.0 and not result["fria_complete"]
    equite = next(sec for sec in result["sections"] if sec["key"] == "equite")
    assert equite["score"] == pytest.approx(3 / 5)  # weights 2 + 2 + 1; « audit » (weight 2) answered non
    with pytest.raises(InvalidInput):
        assessment.score(assessment.from_answers("matching", {"equite.audit": "peut-être"}))
    with pytest.raises(InvalidInput):
        assessment.score(assessment.from_answers("matching", {"question.inventee": "oui"}))
    with session_scope(engine) as s:
        v1 = assessment.submit(s, assessment.from_answers("matching", partial_answers), actor_id="adm",
                               actor_role="administrator")
        v2 = assessment.submit(s, "matching", _answers("oui"), actor_id="adm", actor_role="administrator")
        with pytest.raises(Forbidden):
            assessment.submit(s, "matching", _answers("oui"), actor_id="js", actor_role="jobseeker")
    assert (v1["version"], v2["version"]) == (1, 2)
    with session_scope(engine) as s:
        assert assessment.read(s, "matching")["version"] == 2
        assert len(assessment.read(s, "matching", version=1)["open_actions"]) == 4
        with pytest.raises(NotFound):
            assessment.read(s, "ghost")
        from tremplin.governance.register import register_entry

        entry = register_entry(fake_cards, s)
    assert entry["fria"]["version"] == 2 and entry["fria"]["open_actions"] == 0


def test_assessment_yaml_round_trip(fake_cards):
    text = assessment.to_yaml(assessment.template("matching", fake_cards))
    assert "fria.f_mesures" in text and "L5312-1" in text  # hint from the card
    filled = text.replace("answer: null", "answer: oui", 3)
    parsed = assessment.parse_yaml(filled)
    assert sum(1 for a in parsed.answers.values() if a.answer == "oui") == 3
    with pytest.raises(InvalidInput):
        assessment.parse_yaml("service: [non fermé")


def test_footprint_measure_and_card(engine, fake_cards, monkeypatch):
    monkeypatch.setenv("TREMPLIN_FOOTPRINT_WATTS_PER_CORE", "10")
    monkeypatch.setattr(footprint, "_read_rapl", lambda: None)
    with footprint.measure("matching", "training") as m:
        total = sum(i * i for i in range(300_000))
    assert total > 0
    r = m.result
    assert r.method == "cpu-time" and r.cpu_seconds > 0 and r.kwh > 0
    expected = (r.cpu_seconds * 10 + r.peak_ram_gb * 0.375 * r.wall_seconds) / 3.6e6
    assert r.kwh == pytest.approx(expected) and r.kgco2e == pytest.approx(r.kwh * 56.039 / 1000)
    with footprint.measure("matching", "prediction", n_predictions=500) as p:
        sum(range(100_000))
    assert p.result.per_1000_kwh == pytest.approx(p.result.kwh * 2)
    with session_scope(engine) as s:
        footprint.record(s, r)
        footprint.record(s, p.result)
        card = cards.effective_card(s, fake_cards)
    assert card.footprint.training_kwh == pytest.approx(r.kwh)
    assert card.footprint.per_1000_predictions_kgco2e == pytest.approx(p.result.per_1000_kgco2e)
    assert "56.039" in card.footprint.method
