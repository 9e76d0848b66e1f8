"""The service contract: proposals, decisions, switches, on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest

from tremplin.domain import Decision, Proposal, Reason
from tremplin.errors import Conflict, InvalidInput, NotFound, ServiceDisabled
from tremplin.governance import contract, journal, oversight
from tremplin.governance.pseudonymise import is_pseudonym, pseudonym
from tremplin.store.db import session_scope


def _proposal(**kw) -> Proposal:
    base = dict(service="legality", service_version="1.0", ruleset_version="r1", output={"flag": True},
                reasons=[Reason(label="mention d'âge", weight=0.7, source="L1132-1")], rules_fired=["R07"])
    base.update(kw)
    return Proposal(**base)


def test_proposal_is_journaled_with_hash_and_pseudonym(engine):
    with session_scope(engine) as s:
        p = contract.record_proposal(s, _proposal(), input_payload={"text": "Cherche jeune vendeur"}, subject_id="JS-42")
    assert p.input_hash.startswith("hmac-sha256:")
    assert is_pseudonym(p.subject_ref) and p.subject_ref == pseudonym("JS-42")
    with session_scope(engine) as s:
        stored = contract.find_proposal(s, p.id)
        rows = journal.list_records(s)
    assert stored.output == {"flag": True} and stored.reasons[0].weight == 0.7
    assert len(rows) == 1 and "JS-42" not in rows[0].model_dump_json() and "vendeur" not in rows[0].model_dump_json()


def test_recording_the_same_proposal_twice_does_not_duplicate(engine):
    p = _proposal()
    with session_scope(engine) as s:
        contract.record_proposal(s, p)
        again = contract.record_proposal(s, p)
    assert again.id == p.id
    with session_scope(engine) as s:
        assert len(journal.list_records(s)) == 1


def test_decision_rules(engine):
    with session_scope(engine) as s:
        p = contract.record_proposal(s, _proposal(), subject_id="JS-1")
    with session_scope(engine) as s:
        with pytest.raises(NotFound):
            contract.record_decision(s, Decision(proposal_id="nope", actor_ref="c1", actor_role="counsellor", outcome="accept"))
    with pytest.raises(ValueError):
        Decision(proposal_id=p.id, actor_ref="c1", actor_role="counsellor", outcome="reject")
    bad = Decision.model_construct(id="d-bad", proposal_id=p.id, actor_ref="c1", actor_role="counsellor",
                                   outcome="reject", reason="  ", modified_output=None)
    with session_scope(engine) as s, pytest.raises(InvalidInput):
        contract.record_decision(s, bad)
    d = Decision(proposal_id=p.id, actor_ref="c1", actor_role="counsellor", outcome="reject", reason="offre légale")
    with session_scope(engine) as s:
        first = contract.record_decision(s, d)
        # a double submit of the same form (new id, same content) is not duplicated
        twin = Decision(proposal_id=p.id, actor_ref="c1", actor_role="counsellor", outcome="reject", reason="offre légale")
        second = contract.record_decision(s, twin)
        assert second.id == first.id == d.id
        # explicit idempotency key
        k1 = contract.record_decision(s, Decision(proposal_id=p.id, actor_ref="c1", actor_role="counsellor",
                                                  outcome="accept"), idempotency_key="form-77")
        k2 = contract.record_decision(s, Decision(proposal_id=p.id, actor_ref="c1", actor_role="counsellor",
                                                  outcome="accept"), idempotency_key="form-77")
        assert k1.id == k2.id
        with pytest.raises(Conflict):
            contract.record_decision(s, Decision(id=d.id, proposal_id=p.id, actor_ref="c1", actor_role="counsellor",
                                                 outcome="reject", reason="autre motif"))
        # changing one's mind is recorded each time: accept (above), reject, accept again
        contract.record_decision(s, Decision(proposal_id=p.id, actor_ref="c1", actor_role="counsellor",
                                             outcome="reject", reason="finalement non"))
        contract.record_decision(s, Decision(proposal_id=p.id, actor_ref="c1", actor_role="counsellor",
                                             outcome="accept"))
    with session_scope(engine) as s:
        decisions = contract.decisions_for(s, p.id)
        assert [x.outcome for x in decisions] == ["reject", "accept", "reject", "accept"]
        assert decisions[0].actor_ref == pseudonym("c1")
        assert journal.verify(s).ok


def test_switch_is_immediate_and_journaled(engine):
    assert contract.ensure_enabled("legality") == "on"
    with session_scope(engine) as s:
        oversight.set_mode(s, "legality", "rules_only", actor_id="admin1", actor_role="administrator", reason="dérive")
    assert contract.ensure_enabled("legality") == "rules_only"
    with session_scope(engine) as s:
        oversight.set_mode(s, "legality", "off", actor_id="admin1", actor_role="administrator", reason="incident")
    with pytest.raises(ServiceDisabled, match="incident"):
        contract.ensure_enabled("legality")
    assert contract.ensure_enabled("matching") == "on"
    with session_scope(engine) as s:
        switches = journal.list_records(s, kind="switch")
        assert [r.data["mode"] for r in switches] == ["rules_only", "off"]
        assert switches[1].data["reason"] == "incident" and switches[1].data["previous_mode"] == "rules_only"
        with pytest.raises(InvalidInput):
            oversight.set_mode(s, "legality", "on", actor_id="admin1", actor_role="administrator", reason="")


def test_concurrent_double_submit_is_recorded_once(engine):
    import threading

    with session_scope(engine) as s:
        p = contract.record_proposal(s, _proposal(), subject_id="JS-3")
    barrier = threading.Barrier(4)
    errors = []

    def submit() -> None:
        try:
            barrier.wait()
            with session_scope(engine) as s:
                contract.record_decision(s, Decision(proposal_id=p.id, actor_ref="c2", actor_role="counsellor",
                                                     outcome="reject", reason="déjà en formation"))
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=submit) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors
    with session_scope(engine) as s:
        assert len(contract.decisions_for(s, p.id)) == 1
        assert journal.verify(s).ok
