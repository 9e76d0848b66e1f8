"""The service on a small simulated territory: offers, candidates, reasons, governance, freedom of choice."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from tremplin.errors import InvalidInput, NotFound, ServiceDisabled


def _engine():
    from tremplin.services.matching import get_engine

    return get_engine()


def _person_with_many_offers(engine, minimum=5):
    from tremplin.services.matching.candidates import candidates

    for row in engine.active_rows[:400]:
        pairs = candidates(engine.market, np.array([row]), engine.index, engine.stage1)
        if len(pairs) >= minimum:
            return str(engine.market.js.ids[row]), pairs
    raise AssertionError("no jobseeker with enough candidates")


def test_offers_for_a_jobseeker_are_ranked_explained_and_journaled(matching_db):
    from sqlalchemy import select

    from tremplin.governance.pseudonymise import pseudonym
    from tremplin.services.matching import recommend_offers
    from tremplin.store.db import session_scope
    from tremplin.store.tables.governance import JournalEntryRow

    engine = _engine()
    jid, pairs = _person_with_many_offers(engine)
    with session_scope() as session:
        recs = recommend_offers(jid, top=4, session=session)
    assert recs.mode == "model" and recs.journaled and 1 <= len(recs.items) <= 4
    assert [i.rank for i in recs.items] == list(range(1, len(recs.items) + 1))
    allowed = {str(engine.market.offers.ids[o]) for o in pairs.o}
    assert {i.offer_id for i in recs.items} <= allowed  # only stage-1 candidates, only open offers
    for item in recs.items:
        assert engine.index.open[engine.market.offers.pos[item.offer_id]]
        labels = [r.label for r in item.reasons]
        assert any(lbl.startswith("à ") or lbl == "sur place" for lbl in labels), labels  # distance always said
        assert any("métier" in lbl for lbl in labels), labels
        assert item.explanation.startswith("Pourquoi")
        assert all(r.weight is not None for r in item.reasons)
    with session_scope() as session:
        rows = session.execute(select(JournalEntryRow).where(JournalEntryRow.kind == "proposal",
                                                             JournalEntryRow.service == "matching")).scalars().all()
    assert len(rows) == len(recs.items)
    assert {r.subject_ref for r in rows} == {pseudonym(jid)}  # pseudonymised, never the raw id
    assert all(jid not in r.content for r in rows)


def test_ranking_follows_the_model_and_stage3(matching_env):
    from tremplin.services.matching import recommend_offers

    engine = _engine()
    jid, pairs = _person_with_many_offers(engine, minimum=8)
    recs = recommend_offers(jid, top=20)
    assert not recs.journaled and len(recs.proposals) == len(recs.items)  # ready for the caller to journal
    scores = [i.adjusted_score for i in recs.items]
    page = recs.items[:10]
    assert [i.adjusted_score for i in page] == sorted([i.adjusted_score for i in page], reverse=True)
    assert all(s is not None for s in scores) and engine.prices() is not None


def test_bad_input(matching_env):
    from tremplin.services.matching import recommend_candidates, recommend_offers

    with pytest.raises(NotFound, match="demandeur inconnu"):
        recommend_offers("nobody")
    with pytest.raises(NotFound, match="offre inconnue"):
        recommend_candidates("no-offer")
    jid = str(_engine().market.js.ids[0])
    for top in (0, 500, "abc"):
        with pytest.raises(InvalidInput, match="top"):
            recommend_offers(jid, top=top)
    with pytest.raises(InvalidInput):
        recommend_offers("  ")


def test_freedom_of_choice_filters_feedback_and_counsellor(matching_db):
    from tremplin.services.matching import get_filters, recommend_offers, record_feedback, set_filters
    from tremplin.store.db import session_scope

    engine = _engine()
    jid, pairs = _person_with_many_offers(engine, minimum=6)
    with session_scope() as s:
        first = recommend_offers(jid, top=20, session=s, record=False)
    top_offer = first.items[0].offer_id
    # « pas intéressé »: gone, journaled as a rejection of the proposal
    with session_scope() as s:
        recs = recommend_offers(jid, top=20, session=s)
        proposal = next(i.proposal_id for i in recs.items if i.offer_id == top_offer)
        fb = record_feedback(s, jid, top_offer, "pas_interesse", actor_id=jid, actor_role="jobseeker",
                             proposal_id=proposal)
    assert fb.decision_id
    with session_scope() as s:
        after = recommend_offers(jid, top=20, session=s, record=False)
    assert top_offer not in {i.offer_id for i in after.items}
    assert "M03" in after.rules_fired
    # maximum distance and contract: hard rules
    with session_scope() as s:
        set_filters(s, jid, max_distance_km=8, contract_types=["CDI"], actor_id=jid, actor_role="jobseeker")
        assert get_filters(s, jid).max_distance_km == 8
    with session_scope() as s:
        filtered = recommend_offers(jid, top=50, session=s, record=False)
    of = engine.market.offers
    for item in filtered.items:
        o = of.pos[item.offer_id]
        assert item.distance_km is not None and item.distance_km <= 8
        assert of.contract_label[o] == "CDI"
    assert any("vos critères" in n for n in filtered.notices)
    # a counsellor adds an offer (kept on top only if it respects the person's filters) and removes another
    with session_scope() as s:
        set_filters(s, jid, actor_id="c1", actor_role="counsellor")  # filters cleared
        base = recommend_offers(jid, top=50, session=s, record=False)
        candidate = base.items[-1].offer_id
        record_feedback(s, jid, candidate, "ajout_conseiller", actor_id="c1", actor_role="counsellor", reason="vu en RDV")
        with pytest.raises(InvalidInput, match="motif"):
            record_feedback(s, jid, base.items[0].offer_id, "retrait_conseiller", actor_id="c1", actor_role="counsellor")
        with pytest.raises(InvalidInput, match="conseiller"):
            record_feedback(s, jid, base.items[0].offer_id, "ajout_conseiller", actor_id=jid, actor_role="jobseeker")
        removed = base.items[0].offer_id
        record_feedback(s, jid, removed, "retrait_conseiller", actor_id="c1", actor_role="counsellor",
                        reason="employeur injoignable")
    with session_scope() as s:
        final = recommend_offers(jid, top=50, session=s, record=False)
    assert final.items[0].offer_id == candidate and final.items[0].added_by_counsellor
    assert "Ajoutée par votre conseiller" in final.items[0].explanation
    assert removed not in {i.offer_id for i in final.items}
    with session_scope() as s:
        with pytest.raises(NotFound):
            record_feedback(s, jid, "no-offer", actor_id=jid, actor_role="jobseeker")
        with pytest.raises(InvalidInput, match="code ROME"):
            set_filters(s, jid, rome_codes=["cuisine"], actor_id=jid, actor_role="jobseeker")


def test_switches_rules_only_and_off(matching_db):
    from tremplin.governance import oversight
    from tremplin.services.matching import recommend_offers
    from tremplin.store.db import session_scope

    jid, _pairs = _person_with_many_offers(_engine())
    with session_scope() as s:
        oversight.set_mode(s, "matching", "rules_only", actor_id="admin", actor_role="administrator", reason="contrôle")
    recs = recommend_offers(jid, top=5)
    assert recs.mode == "rules_only" and "M08" in recs.rules_fired
    assert all(i.score is None and i.reasons and i.reasons[0].weight is None for i in recs.items)
    assert all(p.mode == "rules_only" for p in recs.proposals)
    levels = [r.source for r in recs.items[0].reasons]
    assert "occupation" in levels
    with session_scope() as s:
        oversight.set_mode(s, "matching", "off", actor_id="admin", actor_role="administrator", reason="incident")
    with pytest.raises(ServiceDisabled):
        recommend_offers(jid, top=5)


def test_candidates_for_an_offer(matching_env):
    from tremplin.services.matching import recommend_candidates, record_feedback
    from tremplin.store.db import session_scope

    engine = _engine()
    entries = engine.entries()
    best, best_n = None, 0
    for o in engine.open_rows[:200]:
        n = len(entries.lookup(int(engine.market.offers.code[o]))[0])
        if n > best_n:
            best, best_n = o, n
    offer_id = str(engine.market.offers.ids[best])
    recs = recommend_candidates(offer_id, top=10)
    assert recs.direction == "candidates" and recs.items
    people = [i.jobseeker_id for i in recs.items]
    assert len(set(people)) == len(people)
    assert all(engine.active_mask[engine.market.js.pos[p]] for p in people)
    assert all(i.reasons for i in recs.items)
    with session_scope() as s:
        record_feedback(s, people[0], offer_id, "pas_interesse", actor_id=people[0], actor_role="jobseeker")
    again = recommend_candidates(offer_id, top=10)
    assert people[0] not in {i.jobseeker_id for i in again.items}  # a person who declined is not shortlisted


def test_empty_profile_falls_back_and_says_so(matching_env, tmp_path, monkeypatch):
    """A jobseeker with no experience, no competence, only a target job in words and a commune."""
    from tremplin.services.matching import clear_caches, recommend_offers

    source = matching_env
    js = pd.read_parquet(source / "jobseekers.parquet")
    offers = pd.read_parquet(source / "offers.parquet")
    open_offer = offers[offers["status"] == "ouverte"].iloc[0]
    label = open_offer["appellation_label"]
    extra = {c: None for c in js.columns}
    extra.update({"jobseeker_id": "EMPTY", "commune_code": open_offer["commune_code"], "latitude": None,
                  "longitude": None, "past_rome_codes": [], "past_titles": [], "past_months": [],
                  "past_appellation_codes": [], "skills": [], "languages": [], "desired_rome_codes": [],
                  "desired_contract_types": []})
    js = pd.concat([js, pd.DataFrame([extra])], ignore_index=True)
    js["target_job"] = None
    js.loc[js["jobseeker_id"] == "EMPTY", "target_job"] = label
    market = tmp_path / "market"
    market.mkdir()
    js.to_parquet(market / "jobseekers.parquet")
    offers.loc[offers["offer_id"] == open_offer["offer_id"], ["latitude", "longitude", "commune_code"]] = None
    offers.to_parquet(market / "offers.parquet")
    monkeypatch.setenv("TREMPLIN_MATCHING_MARKET", str(market))
    clear_caches()
    recs = recommend_offers("EMPTY", top=10)
    notices = " ".join(recs.notices)
    assert "profil incomplet" in notices and "déduit du texte" in notices
    assert "M05" in recs.rules_fired
    assert recs.items, notices
    nowhere = [i for i in recs.items if i.offer_id == open_offer["offer_id"]]
    assert nowhere  # the offer of the declared job, without a place: proposed without distance, and said so
    assert nowhere[0].distance_km is None
    assert any("sans lieu de travail" in r.label for r in nowhere[0].reasons)
    clear_caches()


def test_batch_lists_every_jobseeker(matching_env, tmp_path):
    from tremplin.services.matching import batch, get_engine

    out = tmp_path / "lists.parquet"
    result = batch(5, out=out)
    engine = get_engine()
    frame = pd.read_parquet(out)
    assert result.mode == "model" and result.sinkhorn["converged"] is not None
    assert frame.groupby("jobseeker_id")["rank"].max().max() <= 5
    assert set(frame["jobseeker_id"]) <= {str(x) for x in engine.market.js.ids[engine.active_rows]}
    assert result.lists == frame["jobseeker_id"].nunique() and result.lists > len(engine.active_rows) // 2
    ranks = frame.groupby("jobseeker_id")["rank"].apply(list)
    assert all(r == list(range(1, len(r) + 1)) for r in ranks)


def test_console_gateway_journals_one_proposal_per_offer(matching_env):
    """The console's door (tremplin.web.gateway) gets journaled proposals, and refusals become decisions."""
    from types import SimpleNamespace

    from tremplin.governance import contract
    from tremplin.store.db import session_scope
    from tremplin.web import gateway

    jid, _pairs = _person_with_many_offers(_engine())
    with session_scope() as db:
        pairs = gateway.suggest_offers(db, jid, top=3)
        assert 1 <= len(pairs) <= 3
        for proposal, item in pairs:
            stored = contract.find_proposal(db, proposal.id)
            assert stored.service == "matching" and stored.output["offer_id"] == item["offer_id"]
            assert stored.reasons and stored.explanation
        proposal, item = pairs[0]
        decision = gateway.matching_feedback(db, jid, item["offer_id"], actor=SimpleNamespace(id=jid, role="jobseeker"),
                                             reason="horaires impossibles", proposal_id=proposal.id)
        assert decision.outcome == "reject" and "pas intéressé" in decision.reason


def test_batch_can_journal_one_list_per_jobseeker(matching_env):
    from sqlalchemy import func, select

    from tremplin.services.matching import batch
    from tremplin.store.db import session_scope
    from tremplin.store.tables.governance import JournalEntryRow

    with session_scope() as s:
        result = batch(2, session=s, journal=True)
    with session_scope() as s:
        n = s.execute(select(func.count()).select_from(JournalEntryRow).where(
            JournalEntryRow.kind == "proposal", JournalEntryRow.service == "matching")).scalar_one()
    assert n == result.lists > 0


def test_market_defaults_to_the_latest_simulated_territory(matching_env, monkeypatch):
    from datetime import UTC, date, datetime

    from tremplin.errors import DataUnavailable
    from tremplin.services.matching import resolve_market
    from tremplin.store.db import session_scope
    from tremplin.store.tables.territory import SimTerritoryRow

    monkeypatch.delenv("TREMPLIN_MATCHING_MARKET")
    with session_scope() as s:
        s.add(SimTerritoryRow(id="sim-74-test", name="test", departements="74", seed=5, start_on=date(2023, 1, 1),
                              end_on=date(2024, 1, 1), config={}, counts={}, files_dir=str(matching_env),
                              status="complete", created_at=datetime.now(UTC)))
    assert resolve_market() == matching_env
    with session_scope() as s:
        s.get(SimTerritoryRow, "sim-74-test").files_dir = str(matching_env / "gone")
    with pytest.raises(DataUnavailable, match="disparu"):
        resolve_market()
