"""Offers: the domain model round-trips every real offer; import is streamed, idempotent, safe."""

import json

import pytest
from sqlalchemy import select

OFFERS = "offers/offers_dev.jsonl"


def test_every_real_offer_parses_and_round_trips_exactly(shared_data):
    from tremplin.domain import Offer

    count = 0
    with open(shared_data / OFFERS, encoding="utf-8") as handle:
        for line in handle:
            data = json.loads(line)
            assert Offer.model_validate(data).to_ft() == data, data["id"]
            count += 1
    assert count == 2797


def _write(path, lines):
    path.write_bytes(b"".join((line if isinstance(line, bytes) else line.encode()) + b"\n" for line in lines))
    return path


def _rows(engine):
    from tremplin.store.db import session_scope
    from tremplin.store.tables.core import OfferRow

    with session_scope(engine) as session:
        return {r.id: r for r in session.execute(select(OfferRow)).scalars()}


def test_import_real_offers_then_reimport_changes_nothing(engine, shared_data):
    from tremplin.store.offers import import_jsonl

    first = import_jsonl(shared_data / OFFERS, engine=engine, batch_size=500)
    assert (first.read, first.inserted, first.invalid) == (2797, 2797, 0)
    rows = _rows(engine)
    assert len(rows) == 2797
    assert sum(1 for r in rows.values() if r.rome_code) == 1513
    again = import_jsonl(shared_data / OFFERS, engine=engine, batch_size=700)
    assert (again.inserted, again.updated, again.unchanged) == (0, 0, 2797)
    assert all(r.revision == 1 for r in _rows(engine).values())


def test_stored_payload_is_the_original_offer(engine, shared_data):
    from tremplin.store.db import session_scope
    from tremplin.store.offers import get_offer, import_jsonl

    import_jsonl(shared_data / OFFERS, engine=engine)
    with open(shared_data / OFFERS, encoding="utf-8") as handle:
        originals = [json.loads(next(handle)) for _ in range(20)]
    with session_scope(engine) as session:
        for data in originals:
            assert get_offer(session, data["id"]).to_ft() == data


def test_update_increments_revision_only_on_change(engine, tmp_path):
    from tremplin.store.offers import import_jsonl

    v1 = _write(tmp_path / "v1.jsonl", [json.dumps({"id": "A1", "intitule": "Boulanger"}),
                                        json.dumps({"id": "B2", "intitule": "Maçon"})])
    v2 = _write(tmp_path / "v2.jsonl", [json.dumps({"id": "A1", "intitule": "Boulanger (H/F)", "romeCode": "D1102"}),
                                        json.dumps({"id": "B2", "intitule": "Maçon"})])
    import_jsonl(v1, engine=engine)
    report = import_jsonl(v2, engine=engine)
    assert (report.inserted, report.updated, report.unchanged) == (0, 1, 1)
    rows = _rows(engine)
    assert rows["A1"].revision == 2 and rows["A1"].intitule == "Boulanger (H/F)" and rows["A1"].rome_code == "D1102"
    assert rows["B2"].revision == 1
    import_jsonl(v2, engine=engine)
    assert _rows(engine)["A1"].revision == 2


def test_saving_one_offer_follows_the_import_rules(engine):
    from tremplin.domain import Offer
    from tremplin.store.db import session_scope
    from tremplin.store.offers import RecordError, save_offer

    with session_scope(engine) as session:
        assert save_offer(session, Offer(id="C3", intitule="Cariste"), source="console") == "inserted"
    with session_scope(engine) as session:
        assert save_offer(session, Offer(id="C3", intitule="Cariste"), source="console") == "unchanged"
        assert save_offer(session, Offer(id="C3", intitule="Cariste (H/F)", romeCode="N1101")) == "updated"
    row = _rows(engine)["C3"]
    assert (row.revision, row.intitule, row.rome_code) == (2, "Cariste (H/F)", "N1101")
    assert "_source" not in row.payload
    with session_scope(engine) as session, pytest.raises(RecordError, match="romeCode"):
        save_offer(session, Offer(id="C4", intitule="Cariste", romeCode="N11"))
    assert "C4" not in _rows(engine)


def test_invalid_lines_are_reported_with_number_and_reason_and_skipped(engine, tmp_path):
    from tremplin.store.offers import import_jsonl

    path = _write(tmp_path / "mixed.jsonl", [
        json.dumps({"id": "ok1", "intitule": "Serveur"}),
        "{pas du json",
        json.dumps(["une", "liste"]),
        json.dumps({"intitule": "sans identifiant"}),
        json.dumps({"id": "r1", "romeCode": "Z99"}),
        b'{"id": "latin1", "intitule": "caf\xe9"}',
        "",
        json.dumps({"id": "ok2", "nombrePostes": 2}),
        '{"id": "cut", "intitule": "tron',
    ])
    seen = []
    report = import_jsonl(path, engine=engine, on_error=lambda line, reason: seen.append((line, reason)))
    assert report.read == 8 and report.inserted == 2 and report.invalid == 6
    lines = [e["line"] for e in report.errors]
    assert lines == [2, 3, 4, 5, 6, 9] == [line for line, _ in seen]
    reasons = {e["line"]: e["reason"] for e in report.errors}
    assert "JSON invalide" in reasons[2]
    assert "objet JSON attendu" in reasons[3]
    assert "id : champ obligatoire absent" in reasons[4]
    assert "romeCode « Z99 » mal formé" in reasons[5]
    assert "non UTF-8" in reasons[6]
    assert "tronquée" in reasons[9]
    assert set(_rows(engine)) == {"ok1", "ok2"}


def test_duplicate_ids_in_one_file_keep_the_last(engine, tmp_path):
    from tremplin.store.offers import import_jsonl

    path = _write(tmp_path / "dup.jsonl", [json.dumps({"id": "D", "intitule": "premier"}),
                                           json.dumps({"id": "D", "intitule": "second"})])
    report = import_jsonl(path, engine=engine)
    assert report.duplicates_in_file == 1 and report.inserted == 1
    assert _rows(engine)["D"].intitule == "second"


def test_a_record_the_database_refuses_is_left_out_alone(engine, tmp_path, monkeypatch):
    """A batch refused by the database is retried record by record: only the faulty one is skipped."""
    from sqlalchemy.exc import IntegrityError

    from tremplin.store import offers

    real = offers._write_batch

    def picky(session, batch, now):
        if "BAD" in batch:
            raise IntegrityError("insert", {}, Exception("contrainte violée"))
        return real(session, batch, now)

    monkeypatch.setattr(offers, "_write_batch", picky)
    path = _write(tmp_path / "x.jsonl", [json.dumps({"id": i}) for i in ("A", "BAD", "C")])
    report = offers.import_jsonl(path, engine=engine, batch_size=10)
    assert report.inserted == 2 and report.invalid == 1
    assert report.errors[0]["line"] == 2 and "refusée par la base" in report.errors[0]["reason"]
    assert set(_rows(engine)) == {"A", "C"}


def test_nul_characters_are_refused_on_every_backend(engine, tmp_path):
    from tremplin.store.offers import import_jsonl

    path = _write(tmp_path / "nul.jsonl", ['{"id": "N", "description": "a\\u0000b"}'])
    report = import_jsonl(path, engine=engine)
    assert report.invalid == 1 and "caractère nul" in report.errors[0]["reason"]


def test_list_offers_filters_and_pages(engine, shared_data):
    from tremplin.errors import InvalidInput
    from tremplin.store.db import session_scope
    from tremplin.store.offers import import_jsonl, list_offers

    import_jsonl(shared_data / OFFERS, engine=engine)
    with session_scope(engine) as session:
        total, rows = list_offers(session, rome="M1805", limit=5)
        assert total >= 5 and len(rows) == 5 and all(r.rome_code == "M1805" for r in rows)
        total2, page2 = list_offers(session, rome="m1805", limit=5, offset=5)
        assert total2 == total and not {r.id for r in rows} & {r.id for r in page2}
        with pytest.raises(InvalidInput):
            list_offers(session, commune="123")


def test_missing_file_and_directory_are_bad_input(engine, tmp_path):
    from tremplin.errors import InvalidInput
    from tremplin.store.offers import import_jsonl

    with pytest.raises(InvalidInput, match="introuvable"):
        import_jsonl(tmp_path / "absent.jsonl", engine=engine)
    with pytest.raises(InvalidInput, match="dossier"):
        import_jsonl(tmp_path, engine=engine)
