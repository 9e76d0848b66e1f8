"""The append-only, hash-chained journal.

Every record holds the canonical JSON of its content and ``hash = SHA-256(prev_hash + "\\n" +
content)``; ``content`` itself contains the record's sequence number, so editing, deleting or
reordering any record breaks the chain at that point, and :func:`verify` names the first
broken record.

Appends are serialised by a row lock on ``journal_head`` (an UPDATE first: PostgreSQL row
lock, SQLite write lock), held until the caller's transaction ends, so concurrent writers
never fork the chain. Purging old records (retention, at least 6 months) moves an *anchor*
(last purged sequence number and hash) and appends a ``purge`` record that repeats it: the
rest of the chain stays verifiable from the anchor.

A chain rewritten whole, head included, is consistent with itself: only a copy of earlier heads
kept outside the database shows it. Every successful verification (and every server start)
writes the head to a *witness* file (``TREMPLIN_JOURNAL_WITNESS``, to be kept on other storage);
:func:`verify` checks the chain against every head the witness holds.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from sqlalchemy import bindparam, delete, func, insert, select, update
from sqlalchemy.orm import Session

from tremplin.errors import InvalidInput
from tremplin.governance.pseudonymise import canonical_json

GENESIS = "0" * 64
KINDS = ("proposal", "decision", "switch", "purge", "audit", "assessment", "vault", "note")


def now_iso(moment: datetime | None = None) -> str:
    """Fixed-width UTC timestamp (sortable as text): 2025-01-31T12:00:00.000000Z."""
    moment = (moment or datetime.now(UTC)).astimezone(UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def parse_iso(text: str) -> datetime:
    return datetime.strptime(text, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)


def chain_hash(prev_hash: str, content: str) -> str:
    return hashlib.sha256((prev_hash + "\n" + content).encode("utf-8")).hexdigest()


class JournalRecord(BaseModel):
    seq: int
    kind: str
    record_id: str
    created_at: str
    prev_hash: str
    hash: str
    data: dict[str, Any]

    @classmethod
    def from_row(cls, row) -> JournalRecord:
        return cls(
            seq=row.seq,
            kind=row.kind,
            record_id=row.record_id,
            created_at=row.created_at,
            prev_hash=row.prev_hash,
            hash=row.hash,
            data=json.loads(row.content),
        )


def _tables():
    from tremplin.store.tables.governance import JournalEntryRow, JournalHeadRow

    return JournalEntryRow, JournalHeadRow


def _core():
    Entry, Head = _tables()
    return Entry.__table__, Head.__table__


@lru_cache(maxsize=1)
def _statements() -> dict[str, Any]:
    """Core statements built once (building them costs more than running them on SQLite)."""
    entries, head_t = _core()
    one = head_t.c.id == 1
    return {
        "lock": update(head_t).where(one).values(seq=head_t.c.seq + 1),
        "touch": update(head_t).where(one).values(seq=head_t.c.seq),
        "unlock": update(head_t).where(one).values(seq=head_t.c.seq - 1),
        "read_head": select(head_t.c.seq, head_t.c.hash).where(one),
        "set_hash": update(head_t).where(one).values(hash=bindparam("new_hash")),
        "insert": insert(entries),
        "by_key": select(entries).where(entries.c.idempotency_key == bindparam("key")),
        "by_ref": select(entries).where(entries.c.kind == bindparam("kind"), entries.c.ref_id == bindparam("ref"))
        .order_by(entries.c.seq.desc()).limit(1),
        "by_id": select(entries).where(entries.c.kind == bindparam("kind"), entries.c.record_id == bindparam("rid"))
        .order_by(entries.c.seq.desc()).limit(1),
    }


def find_by_key(session: Session, idempotency_key: str) -> JournalRecord | None:
    row = session.connection().execute(_statements()["by_key"], {"key": idempotency_key}).first()
    return JournalRecord.from_row(row) if row is not None else None


def find(session: Session, kind: str, record_id: str) -> JournalRecord | None:
    """The latest record of this kind and id (a proposal, a decision…)."""
    row = session.connection().execute(_statements()["by_id"], {"kind": kind, "rid": record_id}).first()
    return JournalRecord.from_row(row) if row is not None else None


def latest_by_ref(session: Session, kind: str, ref_id: str) -> JournalRecord | None:
    """The latest record of this kind pointing to ``ref_id`` (e.g. the decision in force on a proposal)."""
    row = session.connection().execute(_statements()["by_ref"], {"kind": kind, "ref": ref_id}).first()
    return JournalRecord.from_row(row) if row is not None else None


def lock(session: Session) -> None:
    """Take the journal's append lock now (held until the transaction ends), to check then append safely."""
    session.connection().execute(_statements()["touch"])


def append(
    session: Session,
    *,
    kind: str,
    record_id: str,
    data: dict[str, Any],
    ref_id: str | None = None,
    service: str | None = None,
    subject_ref: str | None = None,
    actor_ref: str | None = None,
    idempotency_key: str | None = None,
    created_at: str | None = None,
) -> tuple[JournalRecord, bool]:
    """Append one record; returns ``(record, created)``.

    With an ``idempotency_key`` already in the journal, nothing is written and the existing
    record is returned with ``created=False`` (double submits never duplicate).
    """
    if kind not in KINDS:
        raise ValueError(f"unknown journal kind {kind!r}")
    st = _statements()
    conn = session.connection()  # Core statements: the ORM adds nothing here and costs most of the time
    # Take the lock first (UPDATE before any read), then read the head under the lock.
    conn.execute(st["lock"])
    seq, prev_hash = conn.execute(st["read_head"]).one()
    if idempotency_key is not None:
        existing = find_by_key(session, idempotency_key)
        if existing is not None:
            conn.execute(st["unlock"])
            return existing, False
    created_at = created_at or now_iso()
    columns = {
        "seq": seq,
        "kind": kind,
        "record_id": record_id,
        "ref_id": ref_id,
        "service": service,
        "subject_ref": subject_ref,
        "actor_ref": actor_ref,
        "created_at": created_at,
        "idempotency_key": idempotency_key,
    }
    content = canonical_json({**data, **columns})
    digest = chain_hash(prev_hash, content)
    conn.execute(st["insert"], {**columns, "content": content, "prev_hash": prev_hash, "hash": digest})
    conn.execute(st["set_hash"], {"new_hash": digest})
    record = JournalRecord(seq=seq, kind=kind, record_id=record_id, created_at=created_at, prev_hash=prev_hash,
                           hash=digest, data=json.loads(content))
    return record, True


# --------------------------------------------------------------------------- reading


def iter_records(
    session: Session,
    *,
    kind: str | None = None,
    service: str | None = None,
    subject_ref: str | None = None,
    actor_ref: str | None = None,
    since: str | None = None,
    until: str | None = None,
    after_seq: int = 0,
    limit: int | None = None,
    batch: int = 1000,
) -> Iterator[JournalRecord]:
    """Records in chain order, with optional filters; reads in batches (constant memory)."""
    Entry, _ = _tables()
    last = after_seq
    returned = 0
    while True:
        query = select(Entry.__table__).where(Entry.seq > last)
        if kind:
            query = query.where(Entry.kind == kind)
        if service:
            query = query.where(Entry.service == service)
        if subject_ref:
            query = query.where(Entry.subject_ref == subject_ref)
        if actor_ref:
            query = query.where(Entry.actor_ref == actor_ref)
        if since:
            query = query.where(Entry.created_at >= since)
        if until:
            query = query.where(Entry.created_at < until)
        size = batch if limit is None else min(batch, limit - returned)
        if size <= 0:
            return
        rows = session.connection().execute(query.order_by(Entry.seq).limit(size)).all()
        if not rows:
            return
        for row in rows:
            yield JournalRecord.from_row(row)
        returned += len(rows)
        last = rows[-1].seq


def list_records(session: Session, *, limit: int = 100, offset_seq: int = 0, **filters) -> list[JournalRecord]:
    """A page of records (for the console and the API)."""
    return list(iter_records(session, after_seq=offset_seq, limit=limit, **filters))


def head(session: Session) -> dict[str, Any]:
    Entry, Head = _tables()
    seq, digest, anchor_seq, anchor_hash = session.execute(
        select(Head.seq, Head.hash, Head.anchor_seq, Head.anchor_hash).where(Head.id == 1)
    ).one()
    count = session.execute(select(func.count()).select_from(Entry)).scalar_one()
    return {"seq": seq, "hash": digest, "anchor_seq": anchor_seq, "anchor_hash": anchor_hash, "records": count}


# --------------------------------------------------------------------------- verification


class VerifyReport(BaseModel):
    ok: bool
    checked: int
    first_seq: int | None = None
    last_seq: int | None = None
    head_seq: int
    head_hash: str
    anchor_seq: int
    broken_seq: int | None = None  # the first record that fails
    problem: str | None = None  # French, for people

    def message(self) -> str:
        if self.ok:
            span = f" (n° {self.first_seq} à {self.last_seq})" if self.checked else ""
            return f"Journal intègre : {self.checked} enregistrement(s) vérifié(s){span}, empreinte de tête {self.head_hash[:16]}…"
        return f"Journal ALTÉRÉ : {self.problem}"


_COPIED = ("kind", "record_id", "ref_id", "service", "subject_ref", "actor_ref", "created_at", "idempotency_key")


def verify(session: Session, *, batch: int = 2000, witness: Path | None = None,
           witness_heads: list[tuple[int, str, str]] | None = None) -> VerifyReport:
    """Recompute the whole chain from the anchor; report the first record that does not fit.

    With ``witness``, every head written there must still be in the chain (or purged)."""
    Entry, Head = _tables()
    head_seq, head_hash, anchor_seq, anchor_hash = session.execute(
        select(Head.seq, Head.hash, Head.anchor_seq, Head.anchor_hash).where(Head.id == 1)
    ).one()
    expected_seq = anchor_seq + 1
    prev = anchor_hash
    checked = 0
    first = None
    purges: list[tuple[int, int, str]] = []  # (seq of purge record, anchor seq, anchor hash)

    def broken(seq: int | None, problem: str) -> VerifyReport:
        return VerifyReport(ok=False, checked=checked, first_seq=first, last_seq=expected_seq - 1, head_seq=head_seq,
                            head_hash=head_hash, anchor_seq=anchor_seq, broken_seq=seq, problem=problem)

    # Records below the anchor should have been purged; one left there was re-inserted or the anchor moved.
    stray = session.execute(select(func.min(Entry.seq)).where(Entry.seq <= anchor_seq)).scalar_one()
    if stray is not None:
        return broken(stray, f"l'enregistrement n° {stray} se trouve avant l'ancre de purge (n° {anchor_seq})")

    last = anchor_seq
    while True:
        rows = session.connection().execute(
            select(Entry.__table__).where(Entry.__table__.c.seq > last).order_by(Entry.__table__.c.seq).limit(batch)
        ).all()
        if not rows:
            break
        for row in rows:
            if row.seq != expected_seq:
                return broken(expected_seq, f"l'enregistrement n° {expected_seq} manque (le suivant trouvé est le n° {row.seq})")
            if row.prev_hash != prev:
                return broken(row.seq, f"l'enregistrement n° {row.seq} ne suit pas le précédent (chaînage rompu)")
            if chain_hash(prev, row.content) != row.hash:
                return broken(row.seq, f"le contenu de l'enregistrement n° {row.seq} a été modifié (empreinte différente)")
            try:
                content = json.loads(row.content)
            except ValueError:
                return broken(row.seq, f"l'enregistrement n° {row.seq} est illisible")
            if content.get("seq") != row.seq:
                return broken(row.seq, f"l'enregistrement n° {row.seq} a été déplacé (il portait le n° {content.get('seq')})")
            for column in _COPIED:
                if content.get(column) != getattr(row, column):
                    return broken(row.seq, f"la colonne « {column} » de l'enregistrement n° {row.seq} a été modifiée")
            if row.kind == "purge":
                purges.append((row.seq, content.get("anchor_seq"), content.get("anchor_hash")))
            if first is None:
                first = row.seq
            prev = row.hash
            checked += 1
            expected_seq += 1
        last = rows[-1].seq

    if expected_seq - 1 != head_seq:
        if expected_seq - 1 < head_seq:
            return broken(expected_seq, f"les enregistrements n° {expected_seq} à {head_seq} ont disparu (fin du journal)")
        return broken(head_seq + 1, f"l'enregistrement n° {head_seq + 1} est après la tête déclarée du journal")
    if prev != head_hash:
        return broken(head_seq, "l'empreinte de tête ne correspond pas au dernier enregistrement")
    if anchor_seq > 0:
        # The anchor must be the one recorded by the latest purge inside the chain.
        if not purges or purges[-1][1] != anchor_seq or purges[-1][2] != anchor_hash:
            return broken(anchor_seq + 1, f"l'ancre de purge (n° {anchor_seq}) ne correspond à aucune purge journalisée")
    if witness is not None:
        mismatch = witness_mismatch(session, witness, witness_heads)
        if mismatch:
            return broken(*mismatch)
    return VerifyReport(ok=True, checked=checked, first_seq=first, last_seq=expected_seq - 1 if checked else None,
                        head_seq=head_seq, head_hash=head_hash, anchor_seq=anchor_seq)


# --------------------------------------------------------------------------- witness outside the database


def read_witness(path: Path) -> list[tuple[int, str, str]]:
    """The heads written to ``path`` as (seq, hash, written at); a missing file holds none."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return []
    except (OSError, UnicodeDecodeError) as exc:
        raise InvalidInput(f"fichier témoin du journal illisible ({path}) : {exc}") from None
    heads = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            seq, digest, written_at = int(item["seq"]), str(item["hash"]), str(item.get("at", "?"))
        except (ValueError, KeyError, TypeError):
            raise InvalidInput(f"fichier témoin du journal ({path}), ligne {number} : attendu un objet JSON "
                               "avec « seq » et « hash »") from None
        if len(digest) != 64:
            raise InvalidInput(f"fichier témoin du journal ({path}), ligne {number} : empreinte mal formée")
        heads.append((seq, digest, written_at))
    return heads


def witness_mismatch(session: Session, path: Path,
                     heads: list[tuple[int, str, str]] | None = None) -> tuple[int, str] | None:
    """The first head written to ``path`` that the chain no longer holds, as (seq, problem), or None.

    Cheap: it does not recompute the chain (:func:`verify` does), and it reads the stored hashes of the
    witnessed heads in batches, since the witness grows by one line per verification. ``heads`` saves
    re-reading a witness the caller has already read."""
    Entry, Head = _tables()
    head_seq, anchor_seq = session.execute(select(Head.seq, Head.anchor_seq).where(Head.id == 1)).one()
    live = [h for h in (read_witness(path) if heads is None else heads) if h[0] > anchor_seq]  # older: purged
    for start in range(0, len(live), 500):
        chunk = live[start:start + 500]
        stored = dict(session.execute(select(Entry.seq, Entry.hash)
                                      .where(Entry.seq.in_([seq for seq, _, _ in chunk if seq <= head_seq]))).all())
        for seq, digest, written_at in chunk:
            if seq > head_seq:
                return head_seq + 1, (f"la tête n° {seq} consignée le {written_at} a disparu : fin du journal "
                                      "supprimée ou chaîne réécrite")
            if stored.get(seq) != digest:
                return seq, (f"l'enregistrement n° {seq} ne correspond plus à l'empreinte consignée le {written_at} : "
                             "chaîne réécrite")
    return None


def write_witness(session: Session, path: Path, known: list[tuple[int, str, str]] | None = None) -> dict[str, Any]:
    """Append the current head to the witness file unless it is already the last one written
    (``known``: the witness as the caller has just read it)."""
    current = head(session)
    known = read_witness(path) if known is None else known
    if known and known[-1][:2] == (current["seq"], current["hash"]):
        return current
    path.parent.mkdir(parents=True, exist_ok=True)
    line = json.dumps({"seq": current["seq"], "hash": current["hash"], "at": now_iso()}) + "\n"
    with open(path, "a", encoding="utf-8") as handle:
        handle.write(line)
        handle.flush()
        os.fsync(handle.fileno())
    return current


def verify_and_witness(session: Session) -> VerifyReport:
    """What the verify command, API and console do: check the chain against the configured witness,
    then, when it is intact, write its head there."""
    from tremplin.settings import get_settings

    path = get_settings().journal_witness_file
    heads = read_witness(path)
    report = verify(session, witness=path, witness_heads=heads)
    if report.ok:
        write_witness(session, path, known=heads)
    return report


# --------------------------------------------------------------------------- retention


class PurgeReport(BaseModel):
    purged: int
    anchor_seq: int
    anchor_hash: str
    before: str
    purge_record_seq: int | None = None


def retention_cutoff(now: datetime | None = None) -> datetime:
    from tremplin.settings import get_settings

    return (now or datetime.now(UTC)) - timedelta(days=get_settings().journal_retention_days)


def purge(session: Session, before: datetime, *, actor_ref: str, actor_role: str, reason: str = "") -> PurgeReport:
    """Delete the records created before ``before`` (only a prefix of the chain), keeping it verifiable.

    ``before`` may not be later than today minus the retention period (``journal_retention_days``,
    at least 183 days, AI Act art. 19 and 26(6)).
    """
    from tremplin.settings import get_settings

    if before.tzinfo is None:
        before = before.replace(tzinfo=UTC)
    cutoff = retention_cutoff()
    if before > cutoff:
        days = get_settings().journal_retention_days
        raise InvalidInput(
            f"la date {before.date().isoformat()} est trop récente : le journal se conserve {days} jours",
            field="before",
            hint=f"date au plus tard le {cutoff.date().isoformat()}",
        )
    Entry, Head = _tables()
    # Lock the head as an append does, so no record slips in between.
    session.execute(update(Head).where(Head.id == 1).values(seq=Head.seq))
    limit_text = now_iso(before)
    first_kept = session.execute(select(func.min(Entry.seq)).where(Entry.created_at >= limit_text)).scalar_one()
    _, _, anchor_seq, anchor_hash = session.execute(
        select(Head.seq, Head.hash, Head.anchor_seq, Head.anchor_hash).where(Head.id == 1)
    ).one()
    if first_kept is None:
        last_purged = session.execute(select(func.max(Entry.seq))).scalar_one()
    else:
        last_purged = first_kept - 1
    if last_purged is None or last_purged <= anchor_seq:
        return PurgeReport(purged=0, anchor_seq=anchor_seq, anchor_hash=anchor_hash, before=limit_text)
    new_anchor_hash = session.execute(select(Entry.hash).where(Entry.seq == last_purged)).scalar_one()
    session.execute(update(Head).where(Head.id == 1).values(anchor_seq=last_purged, anchor_hash=new_anchor_hash))
    result = session.execute(delete(Entry).where(Entry.seq <= last_purged))
    purged = result.rowcount or 0
    record, _ = append(
        session,
        kind="purge",
        record_id=f"purge-{last_purged}",
        actor_ref=actor_ref,
        data={
            "actor_role": actor_role,
            "anchor_seq": last_purged,
            "anchor_hash": new_anchor_hash,
            "purged": purged,
            "before": limit_text,
            "reason": reason,
            "retention_days": get_settings().journal_retention_days,
        },
    )
    return PurgeReport(purged=purged, anchor_seq=last_purged, anchor_hash=new_anchor_hash, before=limit_text,
                       purge_record_seq=record.seq)


# --------------------------------------------------------------------------- export

EXPORT_COLUMNS = [
    "seq", "kind", "record_id", "ref_id", "created_at", "service", "service_version", "ruleset_version", "mode",
    "subject_ref", "input_hash", "output", "rules_fired", "reasons", "explanation", "actor_ref", "actor_role",
    "outcome", "modified_output", "reason", "prev_hash", "hash",
]


def export_rows(records: Iterator[JournalRecord]) -> Iterator[dict[str, Any]]:
    for record in records:
        yield {**record.data, "seq": record.seq, "prev_hash": record.prev_hash, "hash": record.hash}


def export_jsonl(session: Session, out: io.TextIOBase, **filters) -> int:
    count = 0
    for item in export_rows(iter_records(session, **filters)):
        out.write(json.dumps(item, ensure_ascii=False, sort_keys=True) + "\n")
        count += 1
    return count


def export_csv(session: Session, out: io.TextIOBase, **filters) -> int:
    writer = csv.DictWriter(out, fieldnames=EXPORT_COLUMNS + ["details"], extrasaction="ignore")
    writer.writeheader()
    count = 0
    for item in export_rows(iter_records(session, **filters)):
        flat = {}
        for column in EXPORT_COLUMNS:
            value = item.get(column)
            flat[column] = canonical_json(value) if isinstance(value, dict | list) else ("" if value is None else value)
        others = {k: v for k, v in item.items() if k not in EXPORT_COLUMNS and k not in ("idempotency_key",)}
        flat["details"] = canonical_json(others) if others else ""
        writer.writerow(flat)
        count += 1
    return count
