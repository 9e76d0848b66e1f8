"""POST /v1/cv and corrections: roles, limits, checks, journal, nothing stored on failure (SQLite and PostgreSQL)."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from tests.services.cv_analysis import badfiles
from tests.services.cv_analysis.conftest import HAND

SOPHIE = (HAND / "sophie_martin_aide_soignante.txt").read_bytes()


@pytest.fixture
def api(referentials, engine):
    from tremplin.api.app import create_app
    from tremplin.governance.access import create_token
    from tremplin.store.db import session_scope

    with session_scope(engine) as session:
        tokens = {role: create_token(session, f"u-{role}", role, subject_id="js1" if role == "jobseeker" else None)
                  for role in ("counsellor", "recruiter", "administrator", "auditor", "jobseeker")}
    client = TestClient(create_app(with_console=False))
    return client, {role: {"Authorization": f"Bearer {t}"} for role, t in tokens.items()}, engine


def _counts(engine) -> tuple[int, int]:
    from tremplin.store.db import session_scope
    from tremplin.store.tables.cv import CVAnalysisRow
    from tremplin.store.tables.governance import JournalEntryRow

    with session_scope(engine) as session:
        rows = session.execute(select(func.count()).select_from(CVAnalysisRow)).scalar_one()
        journal = session.execute(select(func.count()).select_from(JournalEntryRow)
                                  .where(JournalEntryRow.service == "cv_analysis")).scalar_one()
    return rows, journal


def _upload(client, headers, data=SOPHIE, name="cv.txt", content_type="text/plain", **form):
    return client.post("/v1/cv", headers=headers, files={"file": (name, data, content_type)},
                       data={"rome": "false", **form})


def test_upload_correct_and_export(api):
    client, headers, engine = api
    response = _upload(client, headers["counsellor"], subject_id="js42")
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["owner_id"] == "js42" and body["status"] == "proposed"
    profile = body["profile"]
    assert profile["identity"]["full_name"]["value"] == "Sophie MARTIN"
    assert profile["experiences"][0]["title"]["value"] == "Aide-soignante"
    assert body["text"].startswith("Sophie MARTIN")
    assert _counts(engine) == (1, 1)  # one analysis, one proposal in the journal

    # The journal never holds the identity or the contact.
    from tremplin.governance.contract import find_proposal
    from tremplin.store.db import session_scope

    with session_scope(engine) as session:
        proposal = find_proposal(session, body["proposal_id"])
    journaled = str(proposal.output)
    assert "Sophie" not in journaled and "sophie.martin74" not in journaled and "06 12 34 56 78" not in journaled
    assert proposal.subject_ref != "js42" and proposal.input_hash

    # A correction without a reason is refused; with one it is a journaled decision.
    change = {"experiences.2.title": "Vendeuse en boulangerie-pâtisserie", "contact.phones.0": "07 00 00 00 00"}
    refused = client.post(f"/v1/cv/{body['id']}/corrections", headers=headers["counsellor"], json={"changes": change})
    assert refused.status_code == 422 and "motif" in refused.json()["detail"]
    done = client.post(f"/v1/cv/{body['id']}/corrections", headers=headers["counsellor"],
                       json={"changes": change, "reason": "intitulé exact et nouveau numéro"})
    assert done.status_code == 200, done.text
    corrected = done.json()["analysis"]
    assert corrected["status"] == "corrected" and corrected["corrections"] == 1
    assert corrected["profile"]["experiences"][2]["title"] == {
        "value": "Vendeuse en boulangerie-pâtisserie", "span": None, "confidence": 1.0}
    assert corrected["profile"]["contact"]["phones"][0]["value"] == "07 00 00 00 00"
    from tremplin.governance.contract import find_decision

    with session_scope(engine) as session:
        decision = find_decision(session, done.json()["decision_id"])
    assert decision.modified_output["changes"]["experiences.2.title"] == "Vendeuse en boulangerie-pâtisserie"
    assert decision.modified_output["changes"]["contact.phones.0"] == "[donnée personnelle modifiée]"
    assert _counts(engine) == (1, 2)

    fetched = client.get(f"/v1/cv/{body['id']}", headers=headers["administrator"]).json()
    assert fetched["profile"]["experiences"][2]["title"]["value"] == "Vendeuse en boulangerie-pâtisserie"
    resume = client.get(f"/v1/cv/{body['id']}/json-resume", headers=headers["counsellor"]).json()
    assert resume["basics"]["name"] == "Sophie MARTIN"
    assert resume["work"][2]["position"] == "Vendeuse en boulangerie-pâtisserie"


def test_roles_and_ownership(api):
    client, headers, engine = api
    assert client.post("/v1/cv", files={"file": ("cv.txt", SOPHIE, "text/plain")}).status_code == 401
    for role in ("recruiter", "auditor"):
        assert _upload(client, headers[role]).status_code == 403
    other = _upload(client, headers["jobseeker"], subject_id="someone-else")
    assert other.status_code == 403
    own = _upload(client, headers["jobseeker"])
    assert own.status_code == 201 and own.json()["owner_id"] == "js1"
    by_counsellor = _upload(client, headers["counsellor"], subject_id="js2").json()
    assert client.get(f"/v1/cv/{by_counsellor['id']}", headers=headers["jobseeker"]).status_code == 403
    assert client.get(f"/v1/cv/{own.json()['id']}", headers=headers["jobseeker"]).status_code == 200
    assert client.get("/v1/cv/unknown", headers=headers["counsellor"]).status_code == 404
    accepted = client.post(f"/v1/cv/{own.json()['id']}/corrections", headers=headers["jobseeker"],
                           json={"outcome": "accept"})
    assert accepted.status_code == 200 and accepted.json()["analysis"]["status"] == "accepted"


@pytest.mark.parametrize(
    ("name", "data", "content_type", "status", "detail"),
    [
        ("cv.pdf", b"%PDF-1.4\n" + bytes(range(256)) * 40, "application/pdf", 422, "PDF"),
        ("cv.pdf", SOPHIE, "application/pdf", 422, "extension .pdf"),
        ("cv.exe", b"MZ\x90\x00" * 10, "application/octet-stream", 422, "extension"),
        ("cv.txt", SOPHIE, "application/pdf", 422, "type déclaré"),
        ("cv.txt", bytes(range(0x80, 0x100)) * 4, "text/plain", 422, "encodage"),
        ("cv.docx", None, "application/octet-stream", 422, "décompression"),
        ("cv.pdf", None, "application/pdf", 422, "JavaScript"),
    ],
)
def test_bad_files_are_refused_and_nothing_is_stored(api, name, data, content_type, status, detail):
    client, headers, engine = api
    if data is None:
        data = badfiles.zip_bomb("docx", 30) if name.endswith(".docx") else badfiles.javascript_pdf()
    response = _upload(client, headers["counsellor"], data=data, name=name, content_type=content_type)
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    assert detail in response.json()["detail"]
    assert _counts(engine) == (0, 0)


def test_50_mb_upload_is_refused_before_reading(api):
    client, headers, engine = api
    big = b"a" * (50 * 1024 * 1024)
    response = _upload(client, headers["counsellor"], data=big)
    assert response.status_code == 413
    assert "limite" in response.json()["detail"]

    def chunks():  # no Content-Length: the stream itself is cut at the limit
        for _ in range(60):
            yield b"b" * (1024 * 1024)

    streamed = client.post("/v1/cv", headers={**headers["counsellor"],
                                              "content-type": "multipart/form-data; boundary=xyz"}, content=chunks())
    assert streamed.status_code == 413
    assert _counts(engine) == (0, 0)


def test_corrections_are_validated(api):
    client, headers, engine = api
    body = _upload(client, headers["counsellor"]).json()
    url = f"/v1/cv/{body['id']}/corrections"
    bad_path = client.post(url, headers=headers["counsellor"], json={"changes": {"sha256": "x"}, "reason": "r"})
    assert bad_path.status_code == 422 and "champ inconnu" in bad_path.json()["detail"]
    bad_value = client.post(url, headers=headers["counsellor"],
                            json={"changes": {"education_level": 12}, "reason": "r"})
    assert bad_value.status_code == 422 and "education_level" in bad_value.json()["detail"]
    removed = client.post(url, headers=headers["counsellor"],
                          json={"changes": {"skills.0": None}, "reason": "compétence en double"}).json()
    assert len(removed["analysis"]["profile"]["skills"]) == len(body["profile"]["skills"]) - 1
    rejected = client.post(url, headers=headers["counsellor"], json={"outcome": "reject", "reason": "pas mon CV"})
    assert rejected.json()["analysis"]["status"] == "rejected"
    assert _counts(engine) == (1, 3)
