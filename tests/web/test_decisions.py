"""Decisions from the console: overrides need reasons, double submits record once, switches and journal."""

from __future__ import annotations

import re

from .helpers import csrf_of, idem_of, journal_decisions, offer_decisions


def _decision_form(client, offer_id):
    page = client.get(f"/console/offres/{offer_id}")
    assert page.status_code == 200
    html = page.text
    action = f'action="/console/offres/{offer_id}/decision"'
    start = html.index(action)
    form = html[start: html.index("</form>", start)]
    return html, csrf_of(form), idem_of(form)


def test_offer_page_highlights_the_findings(client, sign_in, offer_review):
    sign_in("counsellor")
    html = client.get("/console/offres/OF-1").text
    assert re.search(r"<mark[^>]*>âgé de 20 à 30 ans<span class=\"repere\"> \[1\]</span></mark>", html)
    assert re.search(r"<mark[^>]*>photo<span class=\"repere\"> \[2\]</span></mark>", html)
    assert "L1132-1" in html and "Constat 1" in html and "Constat 2" in html
    home = client.get("/console").text
    assert "Serveur / Serveuse (H/F)" in home  # waiting for review on the counsellor's day


def test_override_without_reason_is_refused_with_a_field_message(client, sign_in, offer_review):
    sign_in("counsellor")
    _html, csrf, idem = _decision_form(client, "OF-1")
    response = client.post("/console/offres/OF-1/decision", data={
        "csrf_token": csrf, "idempotency_key": idem, "item_id": offer_review["item_id"],
        "constat_1": "confirm", "constat_2": "override", "motif_2": ""})
    assert response.status_code == 422
    assert 'href="#champ-motif_2"' in response.text
    assert 'id="erreur-motif_2"' in response.text and 'aria-describedby="aide-motif_2 erreur-motif_2"' in response.text
    assert offer_decisions("OF-1") == []


def test_override_with_reason_is_journaled_once_even_if_submitted_twice(client, sign_in, offer_review):
    from tremplin.store.db import session_scope
    from tremplin.web import gateway

    sign_in("counsellor")
    _html, csrf, idem = _decision_form(client, "OF-1")
    data = {"csrf_token": csrf, "idempotency_key": idem, "item_id": offer_review["item_id"],
            "constat_1": "confirm", "constat_2": "override",
            "motif_2": "Casting de figurants : la photo est une exigence justifiée par le rôle."}
    first = client.post("/console/offres/OF-1/decision", data=data, follow_redirects=False)
    assert first.status_code == 303 and first.headers["location"].endswith("message=decision")
    second = client.post("/console/offres/OF-1/decision", data=data, follow_redirects=False)
    assert second.status_code == 303 and second.headers["location"].endswith("message=deja")
    decisions = offer_decisions("OF-1")
    assert sorted(d.data["outcome"] for d in decisions) == ["accept", "reject"]
    [rejected] = [d for d in decisions if d.data["outcome"] == "reject"]
    assert "figurants" in rejected.data["reason"]
    with session_scope() as db:
        statuses = {r["rule"]: r["status"] for r in gateway.legality_reviews(db, "OF-1")}
        rates = gateway.legality_override_rates(db)
    assert statuses == {"R07-AGE": "confirmed", "R11-CANDIDATE-DATA": "overridden"}
    assert {r["rule"]: r["overridden"] for r in rates["rules"]} == {"R07-AGE": 0, "R11-CANDIDATE-DATA": 1}
    page = client.get("/console/offres/OF-1").text
    assert "Décision prise" in page and "figurants" in page and "Constat écarté" in page
    with session_scope() as db:
        from tremplin.web import casefiles

        assert casefiles.get_item(db, offer_review["item_id"]).status == "modify"  # off the day's list


def test_confirming_every_finding_is_an_acceptance(client, sign_in, offer_review):
    from tremplin.store.db import session_scope
    from tremplin.web import casefiles

    sign_in("counsellor")
    _html, csrf, idem = _decision_form(client, "OF-1")
    response = client.post("/console/offres/OF-1/decision", data={
        "csrf_token": csrf, "idempotency_key": idem, "item_id": offer_review["item_id"],
        "constat_1": "confirm", "constat_2": "confirm"}, follow_redirects=False)
    assert response.status_code == 303
    assert sorted(d.data["outcome"] for d in offer_decisions("OF-1")) == ["accept", "accept"]
    with session_scope() as db:
        assert casefiles.get_item(db, offer_review["item_id"]).status == "accept"
        assert casefiles.items(db, kind="offer_review", status="open") == []


def test_a_second_form_on_a_decided_item_changes_nothing(client, sign_in, offer_review):
    sign_in("counsellor")
    _html, csrf, idem = _decision_form(client, "OF-1")
    base = {"csrf_token": csrf, "item_id": offer_review["item_id"], "constat_1": "confirm", "constat_2": "confirm"}
    client.post("/console/offres/OF-1/decision", data={**base, "idempotency_key": idem})
    client.post("/console/offres/OF-1/decision", data={**base, "idempotency_key": "f" * 32})  # another tab
    assert len(offer_decisions("OF-1")) == 2


def test_decision_item_must_belong_to_the_offer(client, sign_in, offer_review):
    from tremplin.domain import Offer
    from tremplin.store.db import session_scope
    from tremplin.web import casefiles

    with session_scope() as db:
        casefiles.store_offer(db, Offer(id="OF-2", intitule="Cuisinier", description="Poste de cuisinier."))
    sign_in("counsellor")
    _html, csrf, idem = _decision_form(client, "OF-1")
    response = client.post("/console/offres/OF-2/decision", data={
        "csrf_token": csrf, "idempotency_key": idem, "item_id": offer_review["item_id"]})
    assert response.status_code == 422
    assert offer_decisions("OF-1") == []


def test_administrator_switches_a_service_with_a_reason(client, sign_in):
    from tremplin.governance import journal, oversight
    from tremplin.store.db import session_scope

    sign_in("administrator")
    page = client.get("/gouvernance/services").text
    form = page[page.index('value="legality"') - 400:]
    csrf, idem = csrf_of(form), idem_of(form)
    refused = client.post("/gouvernance/services", data={"csrf_token": csrf, "idempotency_key": idem,
                                                         "service": "legality", "mode": "rules_only",
                                                         "motif-legality": ""})
    assert refused.status_code == 422 and 'href="#champ-motif-legality"' in refused.text
    ok = client.post("/gouvernance/services", data={"csrf_token": csrf, "idempotency_key": idem, "service": "legality",
                                                    "mode": "rules_only", "motif-legality": "Dérive constatée"},
                     follow_redirects=False)
    assert ok.status_code == 303
    with session_scope() as db:
        assert oversight.get_mode(db, "legality").mode == "rules_only"
        switches = list(journal.iter_records(db, kind="switch"))
    assert len(switches) == 1 and switches[0].data["reason"] == "Dérive constatée"
    assert "Règles seules" in client.get("/gouvernance/services").text


def test_journal_page_verifies_the_chain_and_spots_tampering(client, sign_in, offer_review):
    from sqlalchemy import select

    from tremplin.store.db import session_scope
    from tremplin.store.tables.governance import JournalEntryRow

    sign_in("auditor")
    page = client.get("/gouvernance/journal?verifier=1").text
    assert "Journal intègre" in page
    assert "proposition" in page
    from sqlalchemy import text

    with session_scope() as db:
        # An attacker with write access to the database first removes the append-only guard (SQLite here).
        db.execute(text("DROP TRIGGER journal_entries_no_update"))
        row = db.execute(select(JournalEntryRow).order_by(JournalEntryRow.seq).limit(1)).scalar_one()
        row.content = row.content.replace("block", "ok")
    page = client.get("/gouvernance/journal?verifier=1").text
    assert "Journal altéré" in page and "Premier enregistrement en cause : n° 1" in page


def test_cv_upload_checks_the_file(client, sign_in):
    sign_in("counsellor")
    page = client.get("/console/cv").text
    csrf, idem = csrf_of(page), idem_of(page)
    wrong = client.post("/console/cv", data={"csrf_token": csrf, "idempotency_key": idem, "jobseeker_id": "DE-0001"},
                        files={"cv": ("cv.exe", b"MZ...", "application/octet-stream")})
    assert wrong.status_code == 422 and 'id="erreur-cv"' in wrong.text and "cv.exe" in wrong.text
    empty = client.post("/console/cv", data={"csrf_token": csrf, "idempotency_key": idem, "jobseeker_id": "DE 1/../x"},
                        files={"cv": ("cv.txt", b"", "text/plain")})
    assert empty.status_code == 422
    assert 'id="erreur-jobseeker_id"' in empty.text and "est vide" in empty.text


def test_jobseeker_uploads_only_to_their_own_file(client, sign_in):
    sign_in("jobseeker")
    page = client.get("/console/cv").text
    assert 'name="jobseeker_id"' not in page  # the file is their own, not chosen


def test_administrator_fills_the_ethics_self_assessment(client, sign_in):
    from tremplin.governance import assessment
    from tremplin.store.db import session_scope

    sign_in("administrator")
    page = client.get("/gouvernance/auto-evaluation/legality")
    assert page.status_code == 200
    questions = [q for s in assessment.questionnaire("legality")["sections"] for q in s["questions"]]
    yes_no = [q["id"] for q in questions if q["kind"] == "yes_no"]
    data = {"csrf_token": csrf_of(page.text), "idempotency_key": idem_of(page.text)}
    missing = client.post("/gouvernance/auto-evaluation/legality", data=data)
    assert missing.status_code == 422 and f'href="#champ-{yes_no[0]}"' in missing.text
    answers = {qid: "oui" for qid in yes_no}
    answers[yes_no[1]] = "non"
    answers[f"{yes_no[1]}__note"] = "Base légale à citer dans la fiche."
    ok = client.post("/gouvernance/auto-evaluation/legality", data={**data, **answers}, follow_redirects=False)
    assert ok.status_code == 303
    again = client.post("/gouvernance/auto-evaluation/legality", data={**data, **answers}, follow_redirects=False)
    assert again.headers["location"].endswith("message=deja")
    with session_scope() as db:
        stored = assessment.read(db, "legality")
    assert stored["version"] == 1
    assert stored["answers"][yes_no[1]]["comment"] == "Base légale à citer dans la fiche."
    assert any(a["question"] == yes_no[1] for a in stored["open_actions"])
    page = client.get("/gouvernance/auto-evaluation/legality").text
    assert "Actions ouvertes" in page and 'value="non" checked' in page


def test_auditor_runs_a_fairness_audit_from_a_predictions_file(client, sign_in):
    import numpy as np

    from tremplin.domain import ProtectedAttributes
    from tremplin.governance import vault
    from tremplin.store.db import session_scope

    rng = np.random.default_rng(3)
    people = [f"DE-{i:04d}" for i in range(800)]
    sexes = ["F" if i % 2 else "M" for i in range(800)]
    with session_scope() as db:
        vault.store(db, [ProtectedAttributes(jobseeker_id=p, sex=s) for p, s in zip(people, sexes, strict=True)],
                    actor_id="admin-test", actor_role="administrator", purpose="jeu de test des audits")
    # Selection rate 25 % for women, 60 % for men: a disparity the audit must flag.
    selected = [int(rng.random() < (0.25 if s == "F" else 0.6)) for s in sexes]
    csv = "subject_id,y_pred\n" + "\n".join(f"{p},{y}" for p, y in zip(people, selected, strict=True))

    sign_in("auditor")
    page = client.get("/gouvernance/audits").text
    data = {"csrf_token": csrf_of(page), "idempotency_key": idem_of(page), "service": "matching"}
    short = client.post("/gouvernance/audits", data={**data, "purpose": "test"},
                        files={"predictions": ("p.csv", csv.encode(), "text/csv")})
    assert short.status_code == 422 and 'id="erreur-purpose"' in short.text
    wrong = client.post("/gouvernance/audits", data={**data, "purpose": "revue trimestrielle"},
                        files={"predictions": ("p.xlsx", b"PK", "application/octet-stream")})
    assert wrong.status_code == 422 and 'id="erreur-predictions"' in wrong.text
    ok = client.post("/gouvernance/audits", data={**data, "purpose": "revue trimestrielle"},
                     files={"predictions": ("p.csv", csv.encode(), "text/csv")}, follow_redirects=False)
    assert ok.status_code == 303, ok.text[-2000:]
    html = client.get(ok.headers["location"]).text
    assert "Disparités détectées" in html
    assert "revue trimestrielle" in html  # the vault read is logged with its purpose


def test_real_legality_check_from_the_offer_list(client, sign_in):
    from tremplin.domain import Offer
    from tremplin.store.db import session_scope
    from tremplin.web import casefiles

    with session_scope() as db:
        casefiles.store_offer(db, Offer(id="OF-R", intitule="Vendeuse", description=(
            "Boutique recherche une vendeuse de moins de 25 ans pour la saison. Envoyer CV avec photo.")))
    sign_in("counsellor")
    listing = client.get("/console/offres").text
    assert "1 offre pas encore contrôlée" in listing
    start = listing.index('action="/console/offres/controle"')
    form = listing[start: listing.index("</form>", start)]
    response = client.post("/console/offres/controle", data={"csrf_token": csrf_of(form), "idempotency_key": idem_of(form)},
                           follow_redirects=False)
    assert response.status_code == 303
    page = client.get("/console/offres/OF-R").text
    assert "<mark" in page and "Constat 1" in page
    assert "non contrôlée" not in client.get("/console/offres").text
    assert "Vendeuse" in client.get("/console").text  # now on the counsellor's day


def test_recruiter_check_shows_findings_without_storing(client, sign_in):
    from tremplin.governance import journal
    from tremplin.store.db import session_scope

    sign_in("recruiter")
    page = client.get("/recruteur/verifier").text
    empty = client.post("/recruteur/verifier", data={"csrf_token": csrf_of(page), "intitule": "", "description": "x"})
    assert empty.status_code == 422 and 'id="erreur-intitule"' in empty.text and 'id="erreur-description"' in empty.text
    result = client.post("/recruteur/verifier", data={
        "csrf_token": csrf_of(page), "intitule": "Serveuse",
        "description": "Restaurant recherche serveuse âgée de 18 à 25 ans, de nationalité française."})
    assert result.status_code == 200
    assert "Résultat" in result.text and "<mark>" in result.text and "L1132-1" in result.text
    with session_scope() as db:
        assert journal.head(db)["records"] == 0  # a draft check is not a decision: nothing journaled


def test_switched_off_service_is_said_in_french(client, sign_in):
    from tremplin.governance import oversight
    from tremplin.store.db import session_scope

    with session_scope() as db:
        oversight.set_mode(db, "legality", "off", actor_id="admin", actor_role="administrator", reason="maintenance")
    sign_in("recruiter")
    page = client.get("/recruteur/verifier").text
    result = client.post("/recruteur/verifier", data={"csrf_token": csrf_of(page), "intitule": "Serveuse",
                                                      "description": "Restaurant recherche une serveuse motivée."})
    assert "n'est pas disponible pour le moment" in result.text and "maintenance" in result.text


def _occupation_item(jobseeker_id: str, title: str) -> str:
    from tremplin.domain import Proposal, Reason
    from tremplin.governance import contract
    from tremplin.store.db import session_scope
    from tremplin.web import casefiles

    with session_scope() as db:
        proposal = Proposal(service="rome_coding", service_version="test",
                            output={"candidates": [{"code": "J1501", "label": "Aide-soignant / Aide-soignante"}]},
                            reasons=[Reason(label="appellation la plus proche : « Aide-soignant »", weight=0.9)])
        proposal = contract.record_proposal(db, proposal, input_payload={"text": title}, subject_id=jobseeker_id)
        casefiles.add_item(db, kind="occupation", proposal=proposal, subject_id=jobseeker_id, title=title)
    return proposal.id


def _proposal_form(client, jobseeker_id, item_id):
    html = client.get(f"/console/demandeurs/{jobseeker_id}").text
    start = html.index(f'action="/console/demandeurs/{jobseeker_id}/propositions/{item_id}"')
    form = html[start: html.index("</form>", start)]
    return csrf_of(form), idem_of(form)


def test_proposal_decisions_need_reasons_and_letters_stay_private(client, sign_in):
    first = _occupation_item("DE-0001", "Métier pour « aide soignante »")
    second = _occupation_item("DE-0001", "Métier pour « ASH »")
    sign_in("counsellor")
    page = client.get("/console/demandeurs/DE-0001").text
    assert "appellation la plus proche" in page and "Pourquoi cette proposition" in page
    url = f"/console/demandeurs/DE-0001/propositions/{second}"
    csrf, idem = _proposal_form(client, "DE-0001", second)
    nothing = client.post(url, data={"csrf_token": csrf, "idempotency_key": idem})
    assert nothing.status_code == 422 and 'id="erreur-outcome"' in nothing.text
    bad_modify = client.post(url, data={"csrf_token": csrf, "idempotency_key": idem, "outcome": "modify",
                                        "valeur": "J15", "motif": "Plutôt agent de service"})
    assert bad_modify.status_code == 422 and 'id="erreur-valeur"' in bad_modify.text
    no_reason = client.post(url, data={"csrf_token": csrf, "idempotency_key": idem, "outcome": "reject", "motif": ""})
    assert no_reason.status_code == 422 and 'id="erreur-motif"' in no_reason.text
    modified = client.post(url, data={"csrf_token": csrf, "idempotency_key": idem, "outcome": "modify",
                                      "valeur": "j1301", "motif": "Plutôt agent de service hospitalier"},
                           follow_redirects=False)
    assert modified.status_code == 303
    [decision] = journal_decisions(second)
    assert decision.data["outcome"] == "modify" and decision.data["modified_output"]["chosen_code"] == "J1301"
    csrf, idem = _proposal_form(client, "DE-0001", first)
    client.post(f"/console/demandeurs/DE-0001/propositions/{first}",
                data={"csrf_token": csrf, "idempotency_key": idem, "outcome": "accept"})
    [accepted] = journal_decisions(first)
    assert accepted.data["outcome"] == "accept"
    letter_url = f"/console/demandeurs/DE-0001/decisions/{accepted.record_id}"
    letter = client.get(letter_url)
    assert letter.status_code == 200 and "contester" in letter.text.lower()

    sign_in("jobseeker")  # the person concerned reads their letter
    own = client.get(letter_url)
    assert own.status_code == 200 and "R311-3-1-2" in own.text
    sign_in("other_jobseeker")
    assert client.get(letter_url).status_code == 403
    assert client.get(f"/console/demandeurs/DE-0002/decisions/{accepted.record_id}").status_code == 404


CV = """Sam Martin
sam.martin@example.org

Cuisinier

EXPÉRIENCES PROFESSIONNELLES
2019 - 2023 : Commis de cuisine, Hôtel du Lac, Annecy

FORMATION
2018 : CAP Cuisine, Lycée hôtelier de Thonon

LANGUES
Anglais : B1
"""


def test_cv_upload_and_correction_go_through_the_cv_service(client, sign_in):
    from sqlalchemy import select

    from tremplin.store.db import session_scope
    from tremplin.store.tables.cv import CVAnalysisRow

    sign_in("counsellor")
    page = client.get("/console/cv").text
    response = client.post("/console/cv", data={"csrf_token": csrf_of(page), "idempotency_key": idem_of(page),
                                                 "jobseeker_id": "DE-0001"},
                           files={"cv": ("cv-sam.txt", CV.encode("utf-8"), "text/plain")}, follow_redirects=False)
    assert response.status_code == 303, response.text[-1500:]
    cv_url = response.headers["location"].split("?")[0]
    html = client.get(cv_url).text
    assert "Commis de cuisine" in html and "sam.martin@example.org" in html  # document beside the profile
    start = html.index('id="champ-formulaire"')
    form = html[start: html.index("</form>", start)]
    fields = dict(re.findall(r'name="([a-z0-9_]+)" type="text" value="([^"]*)"', form))
    assert fields["target_job"] == "Cuisinier"
    data = {"csrf_token": csrf_of(form), "idempotency_key": idem_of(form), **fields, "motif": "",
            "target_job": "Cuisinier de collectivité"}
    refused = client.post(cv_url, data=data)
    assert refused.status_code == 422 and 'id="erreur-motif"' in refused.text
    ok = client.post(cv_url, data={**data, "motif": "Précision de la personne"}, follow_redirects=False)
    assert ok.status_code == 303
    again = client.post(cv_url, data={**data, "motif": "Précision de la personne"}, follow_redirects=False)
    assert again.headers["location"].endswith("message=deja")
    with session_scope() as db:
        row = db.execute(select(CVAnalysisRow)).scalar_one()
        assert row.owner_id == "DE-0001" and row.status == "corrected" and row.corrections == 1
        assert row.profile["target_job"]["value"] == "Cuisinier de collectivité"
        proposal_id = row.proposal_id
    [decision] = journal_decisions(proposal_id)
    assert decision.data["outcome"] == "modify" and "métier recherché" in decision.data["reason"]
    assert "Cuisinier de collectivité" in client.get("/console/demandeurs/DE-0001").text
    sign_in("other_jobseeker")
    assert client.get(cv_url).status_code == 403
    sign_in("jobseeker")
    assert "Cuisinier de collectivité" in client.get(cv_url).text
