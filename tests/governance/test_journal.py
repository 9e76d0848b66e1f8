"""The hash-chained journal: tampering is detected, purge keeps it verifiable, concurrent writers never fork it."""

from __future__ import annotations

import csv
import io
import json
import threading
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import text

from tremplin.domain import Decision, Proposal
from tremplin.errors import InvalidInput
from tremplin.governance import contract, journal
from tremplin.store.db import session_scope


def _fill(engine, n: int = 6, *, created: list[str] | None = None) -> list[str]:
    ids = []
    with session_scope(engine) as s:
        for i in range(n):
            p = Proposal(service="matching", service_version="2.0", output={"rank": i}, rules_fired=[f"M{i}"])
            contract.record_proposal(s, p, input_payload={"i": i}, subject_id=f"JS-{i}")
            ids.append(p.id)
    return ids


def _drop_guards(engine) -> None:
    """What an attacker with database rights would do first."""
    with engine.begin() as conn:
        if engine.dialect.name == "postgresql":
            conn.execute(text("DROP TRIGGER journal_entries_guard ON journal_entries"))
        else:
            conn.execute(text("DROP TRIGGER journal_entries_no_update"))
            conn.execute(text("DROP TRIGGER journal_entries_no_delete"))


def test_intact_journal_verifies(engine):
    _fill(engine)
    with session_scope(engine) as s:
        report = journal.verify(s)
    assert report.ok and report.checked == 6 and report.first_seq == 1 and report.last_seq == 6


def test_database_refuses_updates_and_deletes(engine):
    _fill(engine, 2)
    with pytest.raises(Exception, match="ajout seul"):
        with engine.begin() as conn:
            conn.execute(text("UPDATE journal_entries SET service = 'x' WHERE seq = 1"))
    with pytest.raises(Exception, match="suppression"):
        with engine.begin() as conn:
            conn.execute(text("DELETE FROM journal_entries WHERE seq = 1"))


def test_edited_content_is_detected(engine):
    _fill(engine)
    _drop_guards(engine)
    with engine.begin() as conn:
        content = conn.execute(text("SELECT content FROM journal_entries WHERE seq = 3")).scalar_one()
        conn.execute(text("UPDATE journal_entries SET content = :c WHERE seq = 3"),
                     {"c": content.replace('"rank":2', '"rank":9')})
    with session_scope(engine) as s:
        report = journal.verify(s)
    assert not report.ok and report.broken_seq == 3 and "modifié" in report.problem


def test_edited_copied_column_is_detected(engine):
    _fill(engine)
    _drop_guards(engine)
    with engine.begin() as conn:
        conn.execute(text("UPDATE journal_entries SET subject_ref = 'ps_000000000000000000000000' WHERE seq = 4"))
    with session_scope(engine) as s:
        report = journal.verify(s)
    assert not report.ok and report.broken_seq == 4 and "subject_ref" in report.problem


def test_rehashed_edit_is_detected_by_the_next_record(engine):
    """An attacker who recomputes the edited record's hash still breaks the link to the next one."""
    _fill(engine)
    _drop_guards(engine)
    with engine.begin() as conn:
        prev, content = conn.execute(text("SELECT prev_hash, content FROM journal_entries WHERE seq = 2")).one()
        forged = content.replace('"rank":1', '"rank":5')
        conn.execute(text("UPDATE journal_entries SET content = :c, hash = :h WHERE seq = 2"),
                     {"c": forged, "h": journal.chain_hash(prev, forged)})
    with session_scope(engine) as s:
        report = journal.verify(s)
    assert not report.ok and report.broken_seq == 3 and "chaînage" in report.problem


def test_deleted_record_is_detected(engine):
    _fill(engine)
    _drop_guards(engine)
    with engine.begin() as conn:
        conn.execute(text("DELETE FROM journal_entries WHERE seq = 4"))
    with session_scope(engine) as s:
        report = journal.verify(s)
    assert not report.ok and report.broken_seq == 4 and "manque" in report.problem


def test_deleted_tail_is_detected(engine):
    _fill(engine)
    _drop_guards(engine)
    with engine.begin() as conn:
        conn.execute(text("DELETE FROM journal_entries WHERE seq >= 5"))
    with session_scope(engine) as s:
        report = journal.verify(s)
    assert not report.ok and report.broken_seq == 5 and "disparu" in report.problem


def test_reordered_records_are_detected(engine):
    _fill(engine)
    _drop_guards(engine)
    with engine.begin() as conn:
        conn.execute(text("UPDATE journal_entries SET seq = 1000 WHERE seq = 2"))
        conn.execute(text("UPDATE journal_entries SET seq = 2 WHERE seq = 3"))
        conn.execute(text("UPDATE journal_entries SET seq = 3 WHERE seq = 1000"))
    with session_scope(engine) as s:
        report = journal.verify(s)
    assert not report.ok and report.broken_seq == 2


def _age_records(engine, seqs: range, days: int) -> None:
    """Make records look old (test-only: rewrites timestamps and re-chains, as if written back then)."""
    _drop_guards(engine)
    old = datetime.now(UTC) - timedelta(days=days)
    with engine.begin() as conn:
        rows = conn.execute(text("SELECT seq, content FROM journal_entries ORDER BY seq")).all()
        prev = journal.GENESIS
        for seq, content in rows:
            data = json.loads(content)
            if seq in seqs:
                data["created_at"] = journal.now_iso(old + timedelta(seconds=seq))
            new = journal.canonical_json(data)
            digest = journal.chain_hash(prev, new)
            conn.execute(text("UPDATE journal_entries SET content=:c, created_at=:t, prev_hash=:p, hash=:h WHERE seq=:s"),
                         {"c": new, "t": data["created_at"], "p": prev, "h": digest, "s": seq})
            prev = digest
        conn.execute(text("UPDATE journal_head SET hash=:h WHERE id=1"), {"h": prev})


def test_purge_respects_retention_and_keeps_the_chain_verifiable(engine, monkeypatch):
    from tremplin.settings import reset_settings

    monkeypatch.setenv("TREMPLIN_JOURNAL_RETENTION_DAYS", "190")
    reset_settings()
    _fill(engine, 8)
    _age_records(engine, range(1, 5), days=400)
    with session_scope(engine) as s:
        assert journal.verify(s).ok
        with pytest.raises(InvalidInput, match="trop récente"):
            journal.purge(s, datetime.now(UTC) - timedelta(days=30), actor_ref="admin", actor_role="administrator")
    with session_scope(engine) as s:
        report = journal.purge(s, datetime.now(UTC) - timedelta(days=200), actor_ref="admin", actor_role="administrator")
    assert report.purged == 4 and report.anchor_seq == 4
    with session_scope(engine) as s:
        v = journal.verify(s)
        assert v.ok, v.problem
        assert v.first_seq == 5 and v.last_seq == 9  # 4 kept + the purge record
        assert journal.list_records(s, kind="purge")[0].data["anchor_seq"] == 4
    # the anchor cannot be moved silently to hide more deletions
    with engine.begin() as conn:
        h5 = conn.execute(text("SELECT hash FROM journal_entries WHERE seq = 5")).scalar_one()
        conn.execute(text("UPDATE journal_head SET anchor_seq = 5, anchor_hash = :h WHERE id = 1"), {"h": h5})
        conn.execute(text("DELETE FROM journal_entries WHERE seq = 5"))
    with session_scope(engine) as s:
        v = journal.verify(s)
    assert not v.ok and "ancre" in v.problem


def _cut_tail_consistently(engine, keep: int) -> None:
    """Delete the records after ``keep`` and move the head onto the last one kept: the chain that remains
    is consistent with itself, as after a careful attacker."""
    _drop_guards(engine)
    with engine.begin() as conn:
        conn.execute(text("DELETE FROM journal_entries WHERE seq > :k"), {"k": keep})
        digest = conn.execute(text("SELECT hash FROM journal_entries WHERE seq = :k"), {"k": keep}).scalar_one()
        conn.execute(text("UPDATE journal_head SET seq = :k, hash = :h WHERE id = 1"), {"k": keep, "h": digest})


def test_a_consistent_rewrite_is_caught_only_by_the_witness(engine, tmp_path):
    witness = tmp_path / "elsewhere" / "witness.jsonl"
    _fill(engine, 6)
    with session_scope(engine) as s:
        journal.write_witness(s, witness)
        journal.write_witness(s, witness)  # the same head is written once
    assert len(witness.read_text().splitlines()) == 1
    _cut_tail_consistently(engine, keep=4)
    with session_scope(engine) as s:
        assert journal.verify(s).ok  # the chain alone cannot tell
        report = journal.verify(s, witness=witness)
    assert not report.ok and report.broken_seq == 5 and "n° 6" in report.problem and "disparu" in report.problem


def test_a_rehashed_chain_no_longer_matches_the_witnessed_head(engine, tmp_path):
    witness = tmp_path / "witness.jsonl"
    _fill(engine, 5)
    with session_scope(engine) as s:
        journal.write_witness(s, witness)
    _age_records(engine, range(2, 3), days=3)  # record 2 rewritten, every later hash recomputed
    with session_scope(engine) as s:
        assert journal.verify(s).ok
        report = journal.verify(s, witness=witness)
    assert not report.ok and report.broken_seq == 5 and "réécrite" in report.problem


def test_a_long_witness_is_checked_past_its_first_batch(engine, tmp_path):
    """The witness grows by one head per verification; heads are looked up in batches of 500, and a
    rewritten record witnessed late in the file must still be caught."""
    _fill(engine, 3)
    with session_scope(engine) as s:
        stored = {seq: digest for seq, digest in s.execute(text("SELECT seq, hash FROM journal_entries")).all()}
    witness = tmp_path / "witness.jsonl"
    lines = [json.dumps({"seq": 1 + n % 3, "hash": stored[1 + n % 3], "at": "t"}) for n in range(1200)]
    witness.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with session_scope(engine) as s:
        assert journal.verify(s, witness=witness).ok
    lines[1100] = json.dumps({"seq": 2, "hash": "f" * 64, "at": "plus tard"})
    witness.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with session_scope(engine) as s:
        report = journal.verify(s, witness=witness)
    assert not report.ok and report.broken_seq == 2 and "plus tard" in report.problem


def test_witnessed_heads_that_were_purged_are_not_held_against_the_chain(engine, tmp_path, monkeypatch):
    from tremplin.settings import reset_settings

    monkeypatch.setenv("TREMPLIN_JOURNAL_RETENTION_DAYS", "190")
    monkeypatch.setenv("TREMPLIN_JOURNAL_WITNESS", str(tmp_path / "witness.jsonl"))
    reset_settings()
    _fill(engine, 3)
    _age_records(engine, range(1, 4), days=400)
    with session_scope(engine) as s:
        assert journal.verify_and_witness(s).ok  # writes head n° 3
    _fill(engine, 2)
    with session_scope(engine) as s:
        journal.purge(s, datetime.now(UTC) - timedelta(days=200), actor_ref="admin", actor_role="administrator")
    with session_scope(engine) as s:
        report = journal.verify_and_witness(s)
        assert report.ok, report.problem
    heads = [json.loads(line)["seq"] for line in (tmp_path / "witness.jsonl").read_text().splitlines()]
    assert heads == [3, 6]


def test_an_unreadable_witness_file_is_named(engine, tmp_path):
    witness = tmp_path / "witness.jsonl"
    witness.write_text('{"seq": 1, "hash": "%s"}\nnot json\n' % ("a" * 64), encoding="utf-8")
    _fill(engine, 2)
    with session_scope(engine) as s, pytest.raises(InvalidInput, match="ligne 2"):
        journal.verify(s, witness=witness)


def test_export_jsonl_and_csv(engine):
    ids = _fill(engine, 3)
    with session_scope(engine) as s:
        contract.record_decision(s, Decision(proposal_id=ids[0], actor_ref="c9", actor_role="counsellor",
                                             outcome="modify", modified_output={"rank": 7}, reason="proche"))
        out = io.StringIO()
        assert journal.export_jsonl(s, out) == 4
        lines = [json.loads(line) for line in out.getvalue().splitlines()]
        assert lines[3]["outcome"] == "modify" and lines[3]["reason"] == "proche" and lines[3]["seq"] == 4
        out = io.StringIO()
        assert journal.export_csv(s, out, kind="decision") == 1
        rows = list(csv.DictReader(io.StringIO(out.getvalue())))
        assert rows[0]["outcome"] == "modify" and json.loads(rows[0]["modified_output"]) == {"rank": 7}


def test_concurrent_writers_never_fork_the_chain(engine):
    errors: list[BaseException] = []

    def worker(k: int) -> None:
        try:
            for i in range(10):
                with session_scope(engine) as s:
                    contract.record_proposal(s, Proposal(service="search", service_version="1", output={"k": k, "i": i}))
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=worker, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors
    with session_scope(engine) as s:
        report = journal.verify(s)
        assert report.ok and report.checked == 40
