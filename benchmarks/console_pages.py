"""Console pages: weight (HTML + the stylesheet and script, before images) and server time per page.

    .venv/bin/python benchmarks/console_pages.py [--repeat 20]

Runs the app in-process (TestClient) on a temporary SQLite database with the demo accounts and two
hand-written offers checked by the legality service; writes benchmarks/results/console_pages.json.
The budget from the issue is 200 kB per page before images.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from _machine import command, machine, save_result  # noqa: E402

BUDGET = 200_000
PAGES = {
    None: ["/", "/a-propos-de-l-ia", "/registre", "/registre/legality", "/recherche", "/accessibilite", "/connexion"],
    "counsellor": ["/console", "/console/offres", "/console/offres/BENCH-1", "/console/cv", "/console/demandeurs"],
    "jobseeker": ["/mon-dossier"],
    "recruiter": ["/recruteur/verifier"],
    "auditor": ["/gouvernance/journal", "/gouvernance/audits"],
    "administrator": ["/gouvernance/services", "/gouvernance/auto-evaluation", "/gouvernance/auto-evaluation/legality"],
}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    os.environ["TREMPLIN_HOME"] = tempfile.mkdtemp(prefix="tremplin-bench-console-")
    os.environ.pop("TREMPLIN_DATABASE_URL", None)

    from fastapi.testclient import TestClient

    from tremplin.api.app import create_app
    from tremplin.domain import Offer
    from tremplin.store.db import migrate, session_scope
    from tremplin.web import casefiles
    from tremplin.web.demo import prepare_console

    migrate()
    with session_scope() as db:
        casefiles.store_offer(db, Offer(id="BENCH-1", intitule="Serveuse", description=(
            "Brasserie recherche une serveuse de 20 à 30 ans, de nationalité française. Photo exigée.")))
        casefiles.store_offer(db, Offer(id="BENCH-2", intitule="Cuisinier / Cuisinière (H/F)",
                                        description="Restaurant recherche un cuisinier ou une cuisinière."))
        prepared = prepare_console(db, jobseeker_id="BENCH-DE-1")
    accounts = prepared["accounts"]
    static = sum(p.stat().st_size for p in (HERE.parent / "src/tremplin/web/static").iterdir())
    client = TestClient(create_app())
    rows = []
    for role, paths in PAGES.items():
        client.cookies.clear()
        if role:
            page = client.get("/connexion").text
            token = re.search(r'name="csrf_token" value="([0-9a-f]+)"', page).group(1)
            login, password = accounts[role]
            client.post("/connexion", data={"csrf_token": token, "login": login, "password": password})
        for path in paths:
            client.get(path)  # warm
            times, size, status = [], 0, 0
            for _ in range(args.repeat):
                started = time.perf_counter()
                response = client.get(path)
                times.append((time.perf_counter() - started) * 1000)
                size, status = len(response.content), response.status_code
            rows.append({"path": path, "role": role or "public", "status": status, "html_bytes": size,
                         "page_bytes_with_css_js": size + static, "median_ms": round(statistics.median(times), 2),
                         "p95_ms": round(sorted(times)[int(0.95 * (len(times) - 1))], 2)})
    result = {
        "command": command(),
        "machine": machine(),
        "budget_bytes": BUDGET,
        "static_bytes": static,
        "max_page_bytes": max(r["page_bytes_with_css_js"] for r in rows),
        "all_within_budget": all(r["page_bytes_with_css_js"] < BUDGET for r in rows),
        "pages": rows,
        "notes": "Server time measured in-process (TestClient, SQLite); network time not included.",
    }
    out = save_result("console_pages", result)
    for r in rows:
        print(f"{r['path']:45s} {r['role']:14s} {r['status']} {r['page_bytes_with_css_js']:>7d} o  {r['median_ms']:7.1f} ms")
    print(f"max {result['max_page_bytes']} o (budget {BUDGET}) -> {out}")


if __name__ == "__main__":
    main()
