"""Speed of the full legality check (``check_offer``) on one core, on real offers.

    .venv/bin/python benchmarks/legality_speed.py [--offers PATH] [--repeat 5]

Reads the offers once (default: the data mirror's offers/offers_dev.jsonl, never copied into the
repository), warms up, then checks every offer ``--repeat`` times in one process (one core). Reports
offers per second in wall-clock time and in CPU time of this process: the machine is shared, and
the CPU-time figure is the one core's throughput when other work competes for it (load average
recorded). Also the same for the JSON serialisation the CLI adds. Writes
benchmarks/results/legality_speed.json. Target: at least 1,000 offers/s on one core.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _machine import command, machine, save_result  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser()
    default = Path(os.environ.get("TREMPLIN_DATA_MIRROR", ROOT.parent / "shared" / "data")) / "offers" / \
        "offers_dev.jsonl"
    parser.add_argument("--offers", type=Path, default=default)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--output", type=Path, default=ROOT / "benchmarks" / "results" / "legality_speed.json")
    args = parser.parse_args()

    from tremplin.services.legality import RULESET_VERSION, check_offer

    offers = [json.loads(line) for line in args.offers.read_text(encoding="utf-8").splitlines() if line.strip()]
    for offer in offers[:100]:  # warm-up: lazy lexicons, regex compilation, law metadata
        check_offer(offer).to_dict()
    walls, cpus, walls_json, cpus_json = [], [], [], []
    for _ in range(args.repeat):
        w, c = time.perf_counter(), time.process_time()
        for offer in offers:
            check_offer(offer)
        walls.append(len(offers) / (time.perf_counter() - w))
        cpus.append(len(offers) / (time.process_time() - c))
        w, c = time.perf_counter(), time.process_time()
        for offer in offers:
            json.dumps(check_offer(offer).to_dict(), ensure_ascii=False)
        walls_json.append(len(offers) / (time.perf_counter() - w))
        cpus_json.append(len(offers) / (time.process_time() - c))
    avg_chars = statistics.mean(len(o.get("description") or "") for o in offers)
    result = {
        "benchmark": "legality_speed",
        "command": command(),
        "data": f"{len(offers)} real offers ({args.offers.name}), description {avg_chars:.0f} characters on average",
        "ruleset_version": RULESET_VERSION,
        "repeat": args.repeat,
        "offers_per_second_cpu_time": {"median": round(statistics.median(cpus)), "best": round(max(cpus))},
        "offers_per_second_wall_clock": {"median": round(statistics.median(walls)), "best": round(max(walls))},
        "with_json_output_cpu_time": {"median": round(statistics.median(cpus_json))},
        "with_json_output_wall_clock": {"median": round(statistics.median(walls_json))},
        "target_offers_per_second": 1000,
        "target_met_cpu_time": statistics.median(cpus) >= 1000,
        "machine": machine(),
        "note": "one process, one core; CPU time excludes the time other processes held the core",
    }
    save_result(args.output, result)
    print(json.dumps(result, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
