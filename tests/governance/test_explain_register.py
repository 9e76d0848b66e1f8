"""Explanations (R311-3-1-2, art. 86), explicit mention, register and generated documents."""

from __future__ import annotations

import json

import pytest

from tremplin.domain import Decision, Proposal, Reason
from tremplin.errors import NotFound
from tremplin.governance import cards, contract
from tremplin.governance.access import Actor
from tremplin.governance.explain import explain_decision, mention_explicite
from tremplin.store.db import session_scope


def _decided(engine, *, outcome="modify", reason="l'offre est trop loin de chez elle", mode="model"):
    with session_scope(engine) as s:
        p = contract.record_proposal(s, Proposal(
            service="matching", service_version="9.9-test", ruleset_version="r-2025", mode=mode,
            output={"offre": "178QZKP", "score": 0.82},
            reasons=[Reason(label="métier recherché identique", weight=0.5, source="ROME"),
                     Reason(label="distance 42 km", weight=-0.2, source="géographie"),
                     Reason(label="expérience de 3 ans", weight=0.3)],
            rules_fired=["M01"]), input_payload={"profil": "..."}, subject_id="JS-7")
        d = contract.record_decision(s, Decision(proposal_id=p.id, actor_ref="conseil-12", actor_role="counsellor",
                                                 outcome=outcome, reason=reason,
                                                 modified_output={"offre": "179ABCD"} if outcome == "modify" else None))
    return p, d


def test_letter_has_what_the_law_requires(engine, fake_cards):
    _p, d = _decided(engine)
    with session_scope(engine) as s:
        e = explain_decision(s, d.id)
    sections = {sec.key: "\n".join(sec.paragraphs) for sec in e.sections}
    # 1° degree and mode of contribution
    assert "une personne l'examine" in sections["contribution"] or "propose" in sections["contribution"]
    assert "a modifié la proposition" in sections["contribution"] and "trop loin" in sections["contribution"]
    # 2° data and their sources
    assert "profil professionnel du demandeur" in sections["data"] and "dossier France Travail" in sections["data"]
    # 3° parameters and their weight in this case, ordered by size, with shares
    params = sections["parameters"]
    assert params.index("métier recherché identique") < params.index("expérience de 3 ans") < params.index("distance 42 km")
    assert "50 %" in params and "20 %" in params and "sens contraire" in params
    assert "M01" in params and "Respect du rayon de recherche" in params
    # 4° operations
    assert "Calcul d'un score de pertinence" in sections["operations"]
    # AI Act art. 86: role of the AI and main elements of the decision
    assert "préparé une proposition" in sections["ai_act"] and "179ABCD" in sections["ai_act"]
    assert "4(a)" in sections["ai_act"]
    # how to contest
    assert "réexamen" in sections["contest"] and "CADA" in sections["contest"] and "Défenseur des droits" in sections["contest"]
    assert e.letter.startswith("Objet : explication de la décision") and e.mention in e.letter
    assert [w["label"] for w in e.weights][:1] == ["métier recherché identique"]


def test_rules_only_mode_is_told(engine, fake_cards):
    _p, d = _decided(engine, outcome="accept", reason=None, mode="rules_only")
    with session_scope(engine) as s:
        e = explain_decision(s, d.id)
    text = e.letter
    assert "le modèle était suspendu" in text and "a accepté la proposition" in text


def test_mention_explicite(fake_cards):
    m = mention_explicite(fake_cards, register_url="https://exemple.fr/algorithmes")
    assert "traitement algorithmique" in m and "Proposer à un demandeur d'emploi" in m
    assert "L311-3-1" in m and "CADA" in m and "https://exemple.fr/algorithmes" in m


def test_jobseeker_gets_only_their_own_explanation(engine, fake_cards):
    _p, d = _decided(engine)
    with session_scope(engine) as s:
        assert explain_decision(s, d.id, actor=Actor(id="u7", role="jobseeker", subject_id="JS-7")).decision_id == d.id
        with pytest.raises(NotFound):
            explain_decision(s, d.id, actor=Actor(id="u8", role="jobseeker", subject_id="JS-8"))
        with pytest.raises(NotFound):
            explain_decision(s, d.id, actor=Actor(id="r1", role="recruiter"))
        assert explain_decision(s, d.id, actor=Actor(id="c1", role="counsellor")).decision_id == d.id


def test_register_from_cards(engine, fake_cards, tmp_path):
    _decided(engine)
    from tremplin.governance.register import write_register

    with pytest.warns(cards.MissingCardWarning, match="ghost"):
        assert cards.load_card("ghost") is None
    with session_scope(engine) as s:
        result = write_register(tmp_path / "reg", s)
    assert result["services"] == ["matching"] and any("ghost" in w for w in result["skipped"])
    reg = json.loads((tmp_path / "reg" / "register.json").read_text(encoding="utf-8"))
    entry = reg["entries"][0]
    for field in ("id", "name", "short_description", "organisation", "contact", "status", "publication_category",
                  "annex_iii_point", "profiling", "art_6_3_assessment", "purpose", "affected_public",
                  "decisions_per_year", "automation_level", "human_intervention", "override_rate", "legal_basis", "data",
                  "algorithm_type", "operations", "parameters", "performance", "group_metrics",
                  "discrimination_safeguards", "risks", "impact_assessments", "supplier", "source_code_url",
                  "environmental_footprint", "appeal_routes", "crpa_mention", "eu_database_url", "last_review_date",
                  "version"):
        assert field in entry, field
    assert entry["decisions_per_year"] == 1 and entry["override_rate"] == 1.0
    assert entry["publication_category"].startswith("Système d'IA à haut risque")
    html = (tmp_path / "reg" / "register.html").read_text(encoding="utf-8")
    assert "Rapprochement offres et candidats" in html and "<script" not in html
    model_card = (tmp_path / "reg" / "model-card-matching.md").read_text(encoding="utf-8")
    assert "## Analyses quantitatives" in model_card and "LightGBM" in model_card
    annex = (tmp_path / "reg" / "annex-iv-matching.md").read_text(encoding="utf-8")
    assert "annexe IV" in annex and "4(a)" in annex and "À COMPLÉTER" in annex


def test_register_html_escapes_card_text(fake_cards, monkeypatch):
    from tremplin.governance.register import build_register, render_html

    evil = fake_cards.model_copy(update={"title": "<script>alert(1)</script>"})
    monkeypatch.setattr(cards, "load_cards", lambda names=None: {"matching": evil})
    html = render_html(build_register(None))
    assert "<script>alert" not in html and "&lt;script&gt;" in html
