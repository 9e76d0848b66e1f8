"""Journal speed: appends per second (one transaction each, and batched), full verification, export;
fairness audit time; PII analysis per document. SQLite by default, PostgreSQL with --pg URL.

    .venv/bin/python benchmarks/governance_journal.py [--records 2000] [--pg postgresql://...]

Also measures, with tremplin.governance.footprint.measure, the energy and CO2e of PII analysis per
1,000 documents (method: CPU time × W per core × French grid intensity; see docs/governance.md).
"""

from __future__ import annotations

import argparse
import io
import json
import os
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from _machine import command, machine, save_result  # noqa: E402


def _journal(url: str | None, records: int) -> dict:
    from tremplin.domain import Decision, Proposal, Reason
    from tremplin.governance import contract, journal
    from tremplin.store.db import get_engine, migrate, session_scope

    engine = get_engine(url) if url else get_engine()
    migrate(engine)
    started = time.perf_counter()
    single = max(records // 10, 50)
    for i in range(single):
        with session_scope(engine) as s:
            contract.record_proposal(s, Proposal(service="matching", service_version="1", output={"i": i},
                                                 reasons=[Reason(label="x", weight=0.1)]), subject_id=f"JS-{i}")
    single_rate = single / (time.perf_counter() - started)
    started = time.perf_counter()
    with session_scope(engine) as s:
        for i in range(records):
            p = contract.record_proposal(s, Proposal(service="legality", service_version="1", output={"i": i}),
                                         subject_id=f"O-{i}")
            contract.record_decision(s, Decision(proposal_id=p.id, actor_ref="c", actor_role="counsellor",
                                                 outcome="accept"))
    batch_rate = 2 * records / (time.perf_counter() - started)
    with session_scope(engine) as s:
        started = time.perf_counter()
        report = journal.verify(s)
        verify_s = time.perf_counter() - started
        started = time.perf_counter()
        n = journal.export_jsonl(s, io.StringIO())
        export_s = time.perf_counter() - started
    assert report.ok
    return {"backend": engine.dialect.name, "appends_per_second_one_transaction_each": round(single_rate, 1),
            "appends_per_second_in_one_transaction": round(batch_rate, 1), "records": report.checked,
            "verify_seconds": round(verify_s, 3), "verify_records_per_second": round(report.checked / verify_s),
            "export_jsonl_seconds": round(export_s, 3), "exported": n}


def _audit() -> dict:
    import numpy as np
    import pandas as pd

    from tremplin.governance import fairness

    rng = np.random.default_rng(0)
    n = 20_000
    frame = pd.DataFrame({"subject_ref": [f"ps_{i:024x}" for i in range(n)], "y_pred": rng.integers(0, 2, n),
                          "y_true": rng.integers(0, 2, n), "score": rng.random(n),
                          "sex": rng.choice(["F", "M"], n), "age_band": rng.choice(["<26", "26-49", "50+"], n),
                          "disability_recognition": rng.random(n) < 0.08,
                          "nationality_group": rng.choice(["FR", "UE", "hors UE"], n, p=[0.85, 0.05, 0.1]),
                          "priority_neighbourhood": rng.random(n) < 0.12})
    started = time.perf_counter()
    report = fairness.audit_frame(fairness.prepare(frame), fairness.AuditConfig(n_boot=400))
    return {"rows": n, "groupings": len(report["sections"]), "n_boot": 400,
            "seconds": round(time.perf_counter() - started, 2)}


def _pii() -> dict:
    from tremplin.governance import footprint, pii

    started = time.perf_counter()
    pii.analyzer()
    load_s = time.perf_counter() - started
    docs = pii.load_sample()
    texts = [d["text"] for d in docs] * 3
    with footprint.measure("pii", "prediction", n_predictions=len(texts)) as m:
        for t in texts:
            pii.analyze(t)
    r = m.result
    return {"analyzer_load_seconds": round(load_s, 2), "documents": len(texts),
            "ms_per_document": round(r.wall_seconds / len(texts) * 1000, 1),
            "mean_characters": round(sum(map(len, texts)) / len(texts)),
            "per_1000_documents_kwh": r.per_1000_kwh, "per_1000_documents_gco2e": r.per_1000_kgco2e * 1000,
            "footprint_method": r.method, "cpu_seconds": round(r.cpu_seconds, 2)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--records", type=int, default=2000)
    parser.add_argument("--pg", default=None, help="PostgreSQL URL of an empty database")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as home:
        os.environ["TREMPLIN_HOME"] = home
        os.environ.pop("TREMPLIN_DATABASE_URL", None)
        results = {"benchmark": "governance journal, audit, PII", "command": command(), "machine": machine(),
                   "journal": [_journal(None, args.records)]}
        if args.pg:
            results["journal"].append(_journal(args.pg, args.records))
        results["audit"] = _audit()
        results["pii"] = _pii()
    save_result("governance_journal", results)
    print(json.dumps(results, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
