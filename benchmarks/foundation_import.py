"""Offers import throughput into SQLite and PostgreSQL.

The 2,797 real offers of ../shared/data/offers/offers_dev.jsonl are replicated with new ids to
50,000 lines (content otherwise identical), then imported with ``import_jsonl`` into a fresh
SQLite file and a fresh PostgreSQL database. Target: at least 2,000 offers/s on each.

    .venv/bin/python benchmarks/foundation_import.py [--offers 50000] [--postgres URL]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
import uuid
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from _machine import command, machine, save_result  # noqa: E402

SHARED = Path(os.environ.get("TREMPLIN_TEST_SHARED", HERE.parent.parent / "shared" / "data"))


def replicate(source: Path, target: Path, n: int) -> None:
    originals = [json.loads(line) for line in source.read_text(encoding="utf-8").splitlines() if line.strip()]
    with open(target, "w", encoding="utf-8") as out:
        for i in range(n):
            offer = dict(originals[i % len(originals)])
            offer["id"] = f"B{i:07d}"
            out.write(json.dumps(offer, ensure_ascii=False) + "\n")


def run(url: str, path: Path, n: int) -> dict:
    from tremplin.store.db import make_engine, migrate, session_scope
    from tremplin.store.offers import count_offers, import_jsonl

    engine = make_engine(url)
    migrate(engine)
    started = time.perf_counter()
    report = import_jsonl(path, engine=engine, batch_size=1000)
    elapsed = time.perf_counter() - started
    with session_scope(engine) as session:
        stored = count_offers(session)
    again_started = time.perf_counter()
    again = import_jsonl(path, engine=engine, batch_size=1000)
    again_elapsed = time.perf_counter() - again_started
    engine.dispose()
    assert stored == n and report.inserted == n and again.unchanged == n
    return {"offers": n, "seconds": round(elapsed, 2), "offers_per_second": round(n / elapsed),
            "reimport_unchanged_seconds": round(again_elapsed, 2),
            "reimport_offers_per_second": round(n / again_elapsed)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--offers", type=int, default=50_000)
    parser.add_argument("--postgres", default=os.environ.get("TREMPLIN_TEST_POSTGRES_URL",
                                                              "postgresql://postgres@127.0.0.1:5432/test"))
    args = parser.parse_args()
    from sqlalchemy import create_engine, text

    results = {"benchmark": "offers import", "target_offers_per_second": 2000, "command": command(),
               "machine": machine(), "data": f"{SHARED / 'offers/offers_dev.jsonl'} replicated with new ids"}
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "offers.jsonl"
        replicate(SHARED / "offers/offers_dev.jsonl", path, args.offers)
        results["file_mb"] = round(path.stat().st_size / 1e6, 1)
        results["sqlite"] = run(f"sqlite:///{tmp}/bench.db", path, args.offers)
        print("sqlite", results["sqlite"], flush=True)
        name = f"tremplin_bench_{uuid.uuid4().hex[:8]}"
        admin = create_engine(args.postgres.replace("postgresql://", "postgresql+psycopg://", 1),
                              isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        try:
            results["postgresql"] = run(f"{args.postgres.rsplit('/', 1)[0]}/{name}", path, args.offers)
            print("postgresql", results["postgresql"], flush=True)
        finally:
            with admin.connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            admin.dispose()
    results["target_met"] = all(results[b]["offers_per_second"] >= 2000 for b in ("sqlite", "postgresql"))
    out = save_result("foundation_import", results)
    print(f"written {out}")


if __name__ == "__main__":
    main()
