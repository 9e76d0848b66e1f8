"""Offers repository: streamed JSONL import (batched, idempotent), reads and listings.

Import rules:

- one France Travail « Offres d'emploi v2 » offer per line; blank lines are skipped;
- a line that is not UTF-8, not JSON, not an object or not a valid offer is reported with its
  line number and reason, and skipped: nothing of it is stored;
- offers are written in batches, one transaction per batch; should the database refuse a
  batch, its offers are retried one by one so that only the faulty record is left out;
- same ``id`` = the same offer: an import updates it, and ``revision`` grows only when the
  content changed (re-importing the same file changes nothing).
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from sqlalchemy import Engine, func, select, update
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session

from tremplin.domain import Offer
from tremplin.errors import InvalidInput, NotFound
from tremplin.store.tables.core import OfferRow

ROME_RE = re.compile(r"^[A-N]\d{4}$")
INSEE_RE = re.compile(r"^(\d{5}|2[AB]\d{3})$")
MAX_ERRORS_KEPT = 1000
MAX_LINE_BYTES = 5 * 1024 * 1024


@dataclass
class ImportReport:
    file: str = ""
    read: int = 0  # non-blank lines
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    invalid: int = 0
    duplicates_in_file: int = 0  # same id seen again later in the file (the last one wins)
    errors: list[dict[str, Any]] = field(default_factory=list)  # first MAX_ERRORS_KEPT {line, reason}
    seconds: float = 0.0

    @property
    def stored(self) -> int:
        return self.inserted + self.updated + self.unchanged

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["offers_per_second"] = round(self.stored / self.seconds, 1) if self.seconds else None
        return data


class RecordError(ValueError):
    """A line that cannot become an offer; the message is the French reason."""


_PYDANTIC_FR = {
    "missing": "champ obligatoire absent",
    "string_type": "chaîne de caractères attendue",
    "string_too_short": "valeur vide ou trop courte",
    "string_too_long": "valeur trop longue",
    "int_type": "nombre entier attendu",
    "int_parsing": "nombre entier attendu",
    "float_type": "nombre attendu",
    "float_parsing": "nombre attendu",
    "bool_type": "booléen attendu (true ou false)",
    "bool_parsing": "booléen attendu (true ou false)",
    "list_type": "liste attendue",
    "dict_type": "objet attendu",
    "model_type": "objet attendu",
    "model_attributes_type": "objet attendu",
}


def _validation_reason(exc: ValidationError) -> str:
    parts = []
    for err in exc.errors()[:3]:
        where = ".".join(str(p) for p in err.get("loc", ()) if not str(p).startswith(("LieuTravail", "Salaire", "str")))
        message = _PYDANTIC_FR.get(err.get("type", ""), err.get("msg", ""))
        if err.get("type") == "value_error":
            message = str(err.get("ctx", {}).get("error", message))
        parts.append(f"{where or 'offre'} : {message}")
    more = len(exc.errors()) - 3
    return "offre invalide (" + " ; ".join(parts) + (f" ; et {more} autre(s)" if more > 0 else "") + ")"


def parse_record(data: Any) -> tuple[Offer, dict[str, Any]]:
    """Validate one decoded JSON value as an offer; return the offer and the columns to store."""
    if not isinstance(data, dict):
        raise RecordError(f"objet JSON attendu, reçu {type(data).__name__}")
    try:
        offer = Offer.model_validate(data)
    except ValidationError as exc:
        raise RecordError(_validation_reason(exc)) from None
    rome = offer.romeCode
    if rome is not None and not ROME_RE.match(rome):
        raise RecordError(f"romeCode « {rome} » mal formé (attendu une lettre A–N et 4 chiffres, ex. M1805)")
    commune = offer.commune_code
    if commune is not None and not INSEE_RE.match(commune):
        raise RecordError(f"lieuTravail.commune « {commune} » n'est pas un code commune INSEE (5 caractères)")
    source = data.get("_source") or (offer.origineOffre.origine if offer.origineOffre else None)
    columns = {
        "id": offer.id,
        "intitule": offer.intitule or "",
        "rome_code": rome,
        "commune_code": commune,
        "type_contrat": (offer.typeContrat or None) and offer.typeContrat[:16],
        "date_creation": (offer.dateCreation or None) and offer.dateCreation[:40],
        "source": str(source)[:80] if source is not None else None,
        "payload": data,
    }
    return offer, columns


def _decode_lines(path: Path) -> Iterator[tuple[int, Any]]:
    """(line number, decoded JSON or RecordError) for every non-blank line, streamed."""
    with open(path, "rb") as handle:
        for number, raw in enumerate(handle, start=1):
            if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            if not raw.strip():
                continue
            if len(raw) > MAX_LINE_BYTES:
                yield number, RecordError(f"ligne de {len(raw)} octets, au-delà de la limite de {MAX_LINE_BYTES}")
                continue
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                yield number, RecordError(
                    f"texte non UTF-8 (octet 0x{raw[exc.start]:02x} en position {exc.start + 1}) : "
                    "réenregistrez le fichier en UTF-8")
                continue
            if "\\u0000" in text:
                yield number, RecordError("caractère nul (\\u0000) dans le texte : refusé (PostgreSQL ne le stocke pas)")
                continue
            try:
                yield number, json.loads(text)
            except json.JSONDecodeError as exc:
                hint = " (ligne tronquée ?)" if exc.pos >= len(text.rstrip()) else ""
                yield number, RecordError(f"JSON invalide, colonne {exc.colno} : {exc.msg}{hint}")


def iter_offers(path: str | Path) -> Iterator[tuple[int, Offer]]:
    """(line number, offer) for every valid line of a JSONL file, streamed; invalid lines are skipped."""
    for number, data in _decode_lines(Path(path)):
        if isinstance(data, RecordError):
            continue
        try:
            offer, _payload = parse_record(data)
        except RecordError:
            continue
        yield number, offer


def _write_batch(session: Session, batch: dict[str, tuple[int, dict[str, Any]]], now: datetime) -> tuple[int, int, int]:
    """Insert new offers, update changed ones (revision + 1), leave identical ones alone."""
    ids = list(batch)
    existing = dict(session.execute(select(OfferRow.id, OfferRow.payload).where(OfferRow.id.in_(ids))).all())
    inserts, updates, unchanged = [], [], 0
    for offer_id, (_line, columns) in batch.items():
        if offer_id not in existing:
            inserts.append({**columns, "revision": 1, "imported_at": now})
        elif existing[offer_id] == columns["payload"]:
            unchanged += 1
        else:
            updates.append(columns)
    if inserts:
        session.execute(OfferRow.__table__.insert(), inserts)
    if updates:
        for columns in updates:
            session.execute(
                update(OfferRow).where(OfferRow.id == columns["id"])
                .values(**{k: v for k, v in columns.items() if k != "id"}, revision=OfferRow.revision + 1,
                        imported_at=now)
            )
    return len(inserts), len(updates), unchanged


def save_offer(session: Session, offer: Offer, *, source: str | None = None) -> str:
    """Insert or update one offer (same columns and revision rule as an import); returns what happened:
    ``inserted``, ``updated`` or ``unchanged``."""
    _offer, columns = parse_record(offer.to_ft())
    if source is not None:
        columns["source"] = source[:80]
    counts = _write_batch(session, {offer.id: (0, columns)}, datetime.now(UTC))
    session.flush()
    return ("inserted", "updated", "unchanged")[counts.index(1)]


def import_records(records: Iterable[tuple[int, Any]], *, engine: Engine | None = None, batch_size: int = 1000,
                   on_error: Callable[[int, str], None] | None = None, report: ImportReport | None = None,
                   tick: Callable[[int], None] | None = None) -> ImportReport:
    """Import (line number, decoded JSON or RecordError) pairs; see the module docstring for the rules."""
    from tremplin.store.db import get_engine, session_scope

    engine = engine or get_engine()
    report = report or ImportReport()
    started = time.perf_counter()

    def fail(line: int, reason: str) -> None:
        report.invalid += 1
        if len(report.errors) < MAX_ERRORS_KEPT:
            report.errors.append({"line": line, "reason": reason})
        if on_error:
            on_error(line, reason)

    def flush(batch: dict[str, tuple[int, dict[str, Any]]]) -> None:
        now = datetime.now(UTC)
        try:
            with session_scope(engine) as session:
                counts = _write_batch(session, batch, now)
        except (IntegrityError, DBAPIError):
            # The database refused something in the batch: isolate the faulty record(s).
            counts = [0, 0, 0]
            for offer_id, item in sorted(batch.items(), key=lambda kv: kv[1][0]):
                try:
                    with session_scope(engine) as session:
                        one = _write_batch(session, {offer_id: item}, now)
                except (IntegrityError, DBAPIError) as exc:
                    reason = str(getattr(exc, "orig", exc)).splitlines()[0][:200]
                    fail(item[0], f"refusée par la base de données : {reason}")
                    continue
                counts = [a + b for a, b in zip(counts, one, strict=True)]
        report.inserted += counts[0]
        report.updated += counts[1]
        report.unchanged += counts[2]
        if tick:
            tick(len(batch))

    batch: dict[str, tuple[int, dict[str, Any]]] = {}
    for line, value in records:
        report.read += 1
        if isinstance(value, RecordError):
            fail(line, str(value))
            continue
        try:
            _offer, columns = parse_record(value)
        except RecordError as exc:
            fail(line, str(exc))
            continue
        if columns["id"] in batch:
            report.duplicates_in_file += 1
            del batch[columns["id"]]  # keep insertion order meaningful: the last one wins
        batch[columns["id"]] = (line, columns)
        if len(batch) >= batch_size:
            flush(batch)
            batch = {}
    if batch:
        flush(batch)
    report.seconds = round(time.perf_counter() - started, 3)
    return report


def import_jsonl(path: str | Path, *, engine: Engine | None = None, batch_size: int = 1000,
                 on_error: Callable[[int, str], None] | None = None, progress: bool = False) -> ImportReport:
    """Stream a JSONL file of offers into the database (any size: memory use is one batch)."""
    path = Path(path)
    if not path.exists():
        raise InvalidInput(f"fichier introuvable : {path}", field="file")
    if path.is_dir():
        raise InvalidInput(f"{path} est un dossier, un fichier JSONL est attendu", field="file")
    report = ImportReport(file=str(path))
    if progress:
        return _import_with_bar(path, engine, batch_size, on_error, report)
    return import_records(_decode_lines(path), engine=engine, batch_size=batch_size, on_error=on_error, report=report)


def _import_with_bar(path: Path, engine, batch_size, on_error, report: ImportReport) -> ImportReport:
    import sys

    if not sys.stderr.isatty():
        return import_records(_decode_lines(path), engine=engine, batch_size=batch_size, on_error=on_error,
                              report=report)
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    with Progress(TextColumn("Import des offres"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                  console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("import", total=_estimate(path))
        result = import_records(_decode_lines(path), engine=engine, batch_size=batch_size, on_error=on_error,
                                report=report, tick=lambda n: bar.advance(task, n))
        bar.update(task, total=result.stored, completed=result.stored)
        return result


def _estimate(path: Path) -> int:
    """Rough number of offers (for the progress bar only): size / mean size of the first lines."""
    with open(path, "rb") as handle:
        head = handle.read(1 << 20)
    lines = head.count(b"\n") or 1
    return max(1, int(path.stat().st_size / (len(head) / lines)))


# ---------------------------------------------------------------- reads


def get_offer(session: Session, offer_id: str) -> Offer:
    row = session.get(OfferRow, offer_id)
    if row is None:
        raise NotFound(f"offre « {offer_id} » introuvable", field="id")
    return Offer.model_validate(row.payload)


def get_row(session: Session, offer_id: str) -> OfferRow:
    row = session.get(OfferRow, offer_id)
    if row is None:
        raise NotFound(f"offre « {offer_id} » introuvable", field="id")
    return row


def list_offers(session: Session, *, rome: str | None = None, commune: str | None = None, limit: int = 50,
                offset: int = 0) -> tuple[int, list[OfferRow]]:
    """(total matching, one page of rows ordered by id)."""
    if not 1 <= limit <= 500:
        raise InvalidInput("limit doit être compris entre 1 et 500", field="limit")
    if offset < 0:
        raise InvalidInput("offset doit être positif ou nul", field="offset")
    query = select(OfferRow)
    count = select(func.count()).select_from(OfferRow)
    if rome:
        value = rome.strip().upper()
        if not ROME_RE.match(value):
            raise InvalidInput(f"code ROME « {rome} » mal formé (ex. M1805)", field="rome")
        query = query.where(OfferRow.rome_code == value)
        count = count.where(OfferRow.rome_code == value)
    if commune:
        value = commune.strip().upper()
        if not INSEE_RE.match(value):
            raise InvalidInput(f"code commune INSEE « {commune} » mal formé (5 caractères, ex. 74010)", field="commune")
        query = query.where(OfferRow.commune_code == value)
        count = count.where(OfferRow.commune_code == value)
    total = session.execute(count).scalar_one()
    rows = session.execute(query.order_by(OfferRow.id).limit(limit).offset(offset)).scalars().all()
    return total, list(rows)


def count_offers(session: Session) -> int:
    return session.execute(select(func.count()).select_from(OfferRow)).scalar_one()
