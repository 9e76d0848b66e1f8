"""The console with the matching service on a small simulated territory: offers proposed to a jobseeker
(accepted, refused with feedback to the service), and a shortlist of candidates for an offer."""

from __future__ import annotations

import pytest

from tests.services.matching.conftest import install_model, matching_model, matching_territory  # noqa: F401

from .helpers import csrf_of, idem_of, journal_decisions


@pytest.fixture
def matching_client(client, matching_territory, matching_model, monkeypatch):  # noqa: F811
    monkeypatch.setenv("TREMPLIN_MATCHING_MARKET", str(matching_territory))
    install_model(matching_model)
    return client


def _a_jobseeker_with_suggestions(territory):
    import pandas as pd

    from tremplin.services.matching import recommend_offers

    frame = pd.read_parquet(next(territory.rglob("jobseekers.parquet")), columns=["jobseeker_id"])
    for jobseeker_id in frame["jobseeker_id"].head(50):
        if len(recommend_offers(jobseeker_id, top=3).items) >= 2:
            return jobseeker_id
    pytest.fail("no jobseeker of the small territory gets two suggestions")


def test_offers_proposed_by_matching_are_accepted_or_refused(matching_client, sign_in, matching_territory):  # noqa: F811
    from sqlalchemy import select

    from tremplin.store.db import session_scope
    from tremplin.store.tables.matching import MatchingFeedbackRow

    client = matching_client
    from tremplin.web.accounts import create_user

    jobseeker_id = _a_jobseeker_with_suggestions(matching_territory)
    with session_scope() as db:  # the person has an account: their file is known to the console
        create_user(db, "personne.simulee", "jobseeker", password="Mot-de-passe-simule", subject_id=jobseeker_id)
    sign_in("counsellor")
    page = client.get(f"/console/demandeurs/{jobseeker_id}")
    assert page.status_code == 200
    start = page.text.index(f'action="/console/demandeurs/{jobseeker_id}/suggestions"')
    form = page.text[start: page.text.index("</form>", start)]
    asked = client.post(f"/console/demandeurs/{jobseeker_id}/suggestions",
                        data={"csrf_token": csrf_of(form), "idempotency_key": idem_of(form)}, follow_redirects=False)
    assert asked.status_code == 303
    with session_scope() as db:
        from tremplin.web import casefiles

        items = casefiles.items(db, kind="offer_suggestion", subject_id=jobseeker_id, status="open")
    assert len(items) >= 2
    html = client.get(f"/console/demandeurs/{jobseeker_id}").text
    assert "Offre : " in html and "Pourquoi cette proposition" in html

    def decide(item, **data):
        text = client.get(f"/console/demandeurs/{jobseeker_id}").text
        at = text.index(f'action="/console/demandeurs/{jobseeker_id}/propositions/{item.id}"')
        chunk = text[at: text.index("</form>", at)]
        return client.post(f"/console/demandeurs/{jobseeker_id}/propositions/{item.id}",
                           data={"csrf_token": csrf_of(chunk), "idempotency_key": idem_of(chunk), **data},
                           follow_redirects=False)

    assert decide(items[0], outcome="accept").status_code == 303
    assert decide(items[1], outcome="reject", motif="Trop loin sans véhicule").status_code == 303
    assert [d.data["outcome"] for d in journal_decisions(items[0].id)] == ["accept"]
    [refusal] = journal_decisions(items[1].id)
    assert refusal.data["outcome"] == "reject" and "Trop loin" in refusal.data["reason"]
    with session_scope() as db:
        feedback = db.execute(select(MatchingFeedbackRow)).scalars().all()
    assert [(f.kind, f.offer_id) for f in feedback] == [("retrait_conseiller", items[1].data["offer_id"])]


def test_shortlist_of_candidates_for_an_offer(matching_client, sign_in, matching_territory):  # noqa: F811
    import pandas as pd

    from tremplin.domain import Offer
    from tremplin.services.matching import recommend_candidates
    from tremplin.store.db import session_scope
    from tremplin.web import casefiles

    frame = pd.read_parquet(next(matching_territory.rglob("offers.parquet")), columns=["offer_id"])
    offer_id = next(o for o in frame["offer_id"].head(50) if recommend_candidates(o, top=3).items)
    with session_scope() as db:
        casefiles.store_offer(db, Offer(id=offer_id, intitule="Offre du territoire simulé"))
    client = matching_client
    sign_in("counsellor")
    page = client.get(f"/console/offres/{offer_id}").text
    start = page.index(f'action="/console/offres/{offer_id}/candidats"')
    form = page[start: page.index("</form>", start)]
    response = client.post(f"/console/offres/{offer_id}/candidats",
                           data={"csrf_token": csrf_of(form), "idempotency_key": idem_of(form)}, follow_redirects=False)
    assert response.status_code == 303
    html = client.get(f"/console/offres/{offer_id}").text
    assert html.count('href="/console/demandeurs/') >= 1 and "Candidats proposés" in html
