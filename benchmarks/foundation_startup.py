"""Start-up time of ``tremplin --help`` (target: under 0.5 s). Median of several cold runs.

    .venv/bin/python benchmarks/foundation_startup.py [--runs 7]
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from _machine import command, machine, save_result  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    exe = Path(sys.executable).with_name("tremplin")
    timings = []
    subprocess.run([str(exe), "--help"], capture_output=True, check=True)  # warm the file cache once
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    for _ in range(args.runs):
        started = time.perf_counter()
        subprocess.run([str(exe), "--help"], capture_output=True, check=True)
        timings.append(time.perf_counter() - started)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = ((after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)) / args.runs
    imports = subprocess.run([sys.executable, "-X", "importtime", "-c", "import tremplin.cli"], capture_output=True,
                             text=True).stderr.splitlines()
    heavy = [line.split("|")[-1].strip() for line in imports
             if any(f" {m}" == line.split("|")[-1].rstrip()[: len(m) + 1] for m in ("pandas", "sklearn", "torch",
                                                                                    "numpy", "sqlalchemy", "spacy"))]
    results = {
        "benchmark": "tremplin --help start-up", "target_seconds": 0.5, "command": command(), "machine": machine(),
        "runs": args.runs, "median_seconds": round(statistics.median(timings), 3),
        "max_seconds": round(max(timings), 3),
        "cpu_seconds_per_run": round(cpu, 3), "heavy_modules_imported_by_cli": heavy,
    }
    results["target_met"] = results["median_seconds"] < 0.5
    save_result("foundation_startup", results)
    print(json.dumps(results, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
