"""A/B speed of the legality check: two source trees measured in turn, in the same conditions.

    .venv/bin/python benchmarks/legality_speed_ab.py --base /work/main/src [--test src] [--rounds 10] [--offers PATH]

The machine is shared: other work comes and goes, and two runs minutes apart are not comparable. This script
starts one worker process per source tree (``--base``, ``--test``: folders holding the ``tremplin`` package), each
reads the offers (default: the data mirror's offers/offers_dev.jsonl, never copied into the repository) and checks
them all once to warm up; then, round after round, each worker in turn checks every offer once (``check_offer``,
one core) while the other waits, the order alternating between rounds. Reports offers per second in CPU time of the
worker per round, the medians, and the median of the per-round ratios test/base (the figure to quote: both sides of
a ratio ran one after the other). Writes benchmarks/results/legality_speed_ab.json.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _machine import command, machine, save_result  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]

_WORKER = """
import json, sys, time
sys.path.insert(0, sys.argv[1])
from tremplin.services.legality import RULESET_VERSION, check_offer
offers = [json.loads(line) for line in open(sys.argv[2], encoding="utf-8") if line.strip()]
for offer in offers:
    check_offer(offer)
print(json.dumps({"ready": RULESET_VERSION}), flush=True)
for _ in sys.stdin:
    start = time.process_time()
    for offer in offers:
        check_offer(offer)
    print(len(offers) / (time.process_time() - start), flush=True)
"""


def _worker(src: Path, offers: Path) -> tuple[subprocess.Popen, str]:
    env = dict(os.environ, PYTHONHASHSEED="0")
    env.pop("PYTHONPATH", None)
    proc = subprocess.Popen([sys.executable, "-c", _WORKER, str(src), str(offers)], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True, env=env)
    ready = json.loads(proc.stdout.readline())
    return proc, ready["ready"]


def _round(proc: subprocess.Popen) -> float:
    proc.stdin.write("go\n")
    proc.stdin.flush()
    return float(proc.stdout.readline())


def main() -> None:
    parser = argparse.ArgumentParser()
    default = Path(os.environ.get("TREMPLIN_DATA_MIRROR", ROOT.parent / "shared" / "data")) / "offers" / \
        "offers_dev.jsonl"
    parser.add_argument("--base", type=Path, required=True, help="source folder of the reference (e.g. main's src)")
    parser.add_argument("--test", type=Path, default=ROOT / "src", help="source folder measured against it")
    parser.add_argument("--offers", type=Path, default=default)
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--output", type=Path, default=ROOT / "benchmarks" / "results" / "legality_speed_ab.json")
    args = parser.parse_args()

    workers = {name: _worker(src.resolve(), args.offers) for name, src in (("base", args.base), ("test", args.test))}
    speeds: dict[str, list[float]] = {"base": [], "test": []}
    for n in range(args.rounds):
        for name in ("base", "test") if n % 2 == 0 else ("test", "base"):
            speeds[name].append(_round(workers[name][0]))
    for proc, _ in workers.values():
        proc.stdin.close()
        proc.wait()
    ratios = [t / b for b, t in zip(speeds["base"], speeds["test"], strict=True)]
    offers_count = sum(1 for line in args.offers.read_text(encoding="utf-8").splitlines() if line.strip())
    result = {
        "benchmark": "legality_speed_ab",
        "command": command(),
        "data": f"{offers_count} real offers ({args.offers.name})",
        "base": {"src": str(args.base), "ruleset_version": workers["base"][1],
                 "offers_per_second_cpu_time": [round(s) for s in speeds["base"]],
                 "median": round(statistics.median(speeds["base"]))},
        "test": {"src": str(args.test), "ruleset_version": workers["test"][1],
                 "offers_per_second_cpu_time": [round(s) for s in speeds["test"]],
                 "median": round(statistics.median(speeds["test"]))},
        "ratio_test_over_base": {"per_round": [round(r, 3) for r in ratios], "median": round(statistics.median(ratios), 3)},
        "machine": machine(),
        "note": "one worker process per source tree, one core each, never both at once; CPU time of the worker; "
                "the order alternates between rounds",
    }
    save_result(args.output, result)
    print(json.dumps(result, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
