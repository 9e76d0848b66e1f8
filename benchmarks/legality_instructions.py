"""Instructions per offer of the legality check, counted by valgrind: a speed figure the machine's load cannot move.

    .venv/bin/python benchmarks/legality_instructions.py [--src OTHER/src …] [--offers PATH]

For each source tree (default: this checkout's src; ``--src`` repeatable, e.g. a ``git archive`` of an older
commit), runs ``check_offer`` under ``valgrind --tool=cachegrind --cache-sim=no`` twice in a fresh process: once on
the warm-up offers 0-199 only, once on the warm-up then offers 200-599 (real offers of the data mirror's
offers/offers_dev.jsonl, never copied into the repository). The difference of the two « I refs » counts divided by
400 is the instructions per offer, start-up and warm-up left out. Runs to about ± 0.5 % (the warm-up's count itself
moves by about 1.5 % between runs). Needs Debian's ``valgrind``. Writes benchmarks/results/legality_instructions.json.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _machine import command, machine, save_result  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
WARM, MEASURED = 200, 400

_WORKER = f"""
import json, sys
from tremplin.services.legality import RULESET_VERSION, check_offer
offers = []
with open(sys.argv[1], encoding="utf-8") as handle:
    for line in handle:
        if line.strip():
            offers.append(json.loads(line))
        if len(offers) == {WARM + MEASURED}:
            break
for offer in offers[:{WARM}]:
    check_offer(offer)
if sys.argv[2] == "full":
    for offer in offers[{WARM}:]:
        check_offer(offer)
print(RULESET_VERSION)
"""


def _count(src: Path, offers: Path, part: str) -> tuple[int, str]:
    env = dict(os.environ, PYTHONPATH=str(src), PYTHONHASHSEED="0")
    run = subprocess.run(["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
                          sys.executable, "-c", _WORKER, str(offers), part],
                         env=env, capture_output=True, text=True, check=True)
    refs = re.search(r"I\s+refs:\s+([\d,]+)", run.stderr)
    if refs is None:
        raise SystemExit(f"valgrind n'a pas donné de compte d'instructions :\n{run.stderr[-2000:]}")
    return int(refs.group(1).replace(",", "")), run.stdout.strip()


def main() -> None:
    parser = argparse.ArgumentParser()
    default = Path(os.environ.get("TREMPLIN_DATA_MIRROR", ROOT.parent / "shared" / "data")) / "offers" / \
        "offers_dev.jsonl"
    parser.add_argument("--offers", type=Path, default=default)
    parser.add_argument("--src", type=Path, action="append", help="source tree (folder holding « tremplin »)")
    parser.add_argument("--output", type=Path, default=ROOT / "benchmarks" / "results" / "legality_instructions.json")
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind est requis (paquet Debian « valgrind »)")
    if not args.offers.is_file():
        raise SystemExit(f"fichier d'offres introuvable : {args.offers}")
    trees = []
    for src in args.src or [ROOT / "src"]:
        warm, _ = _count(src.resolve(), args.offers, "warm")
        full, version = _count(src.resolve(), args.offers, "full")
        trees.append({"src": str(src), "ruleset_version": version,
                      "instructions_per_offer": round((full - warm) / MEASURED)})
        print(f"{src}: {trees[-1]['instructions_per_offer']:,} instructions par offre ({version})", flush=True)
    save_result(args.output, {
        "benchmark": "legality_instructions", "command": command(),
        "data": f"real offers {WARM}-{WARM + MEASURED - 1} of {args.offers.name} after a warm-up on offers 0-{WARM - 1}",
        "trees": trees, "machine": machine(),
        "note": "valgrind cachegrind « I refs », full run minus warm-up run, divided by the offers measured",
    })


if __name__ == "__main__":
    main()
