"""Scale benchmark of the simulator (not a test).

    .venv/bin/python benchmarks/simulate_scale.py national   # 1,000,000 jobseekers, 300,000 offers, 24 months
    .venv/bin/python benchmarks/simulate_scale.py demo       # 3,000 jobseekers (the demo territory)

Needs the referentials (``tremplin data fetch``, or TREMPLIN_REFERENTIALS_PATH) and the mirror
(TREMPLIN_DATA_MIRROR) for the market tables. Writes benchmarks/results/simulate_<name>.json with
the command, the machine, wall time per step and peak resident memory (ru_maxrss).
The national run writes Parquet only (--no-db): database writing is measured on the demo size.
"""

from __future__ import annotations

import json
import os
import platform
import resource
import sys
import tempfile
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
from _machine import save_result  # noqa: E402

METRO = [f"{i:02d}" for i in range(1, 96) if i != 20] + ["2A", "2B"]
CASES = {
    "national": dict(departements=METRO, jobseekers=1_000_000, offers=300_000, months=24, write_db=False, cv_sample=0),
    "demo": dict(departements=["74"], jobseekers=3000, months=24, write_db=True, cv_sample=30),
}


def main(name: str) -> dict:
    from tremplin.simulate import SimulationConfig, simulate_territory

    case = CASES[name]
    with tempfile.TemporaryDirectory() as tmp:
        os.environ.setdefault("TREMPLIN_HOME", tmp)
        from tremplin.settings import reset_settings

        reset_settings()
        t0 = time.perf_counter()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            result = simulate_territory(SimulationConfig(seed=7, out=Path(tmp) / "t", **case))
        wall = time.perf_counter() - t0
        size = sum(p.stat().st_size for p in (Path(tmp) / "t").rglob("*") if p.is_file())
    usage = resource.getrusage(resource.RUSAGE_SELF)
    peak_kb = usage.ru_maxrss
    with open("/proc/loadavg") as fh:
        load = fh.read().split()[:3]
    out = {
        "benchmark": f"simulate_{name}",
        "command": f".venv/bin/python benchmarks/simulate_scale.py {name}",
        "machine": {"platform": platform.platform(), "cpus": os.cpu_count(), "python": platform.python_version()},
        "config": {k: (v if k != "departements" else f"{len(v)} départements") for k, v in case.items()},
        "wall_seconds": round(wall, 1),
        "cpu_seconds": round(usage.ru_utime + usage.ru_stime, 1),
        "peak_rss_gb": round(peak_kb / 1024 / 1024, 2),
        "load_average_at_end": load,
        "note": "2-core machine shared with other work; wall time depends on the load, cpu_seconds less so",
        "steps_seconds": result.timings,
        "counts": result.counts,
        "output_mb": round(size / 1e6, 1),
        "targets": {"national": "≤ 600 s and ≤ 8 GB", "demo": "< 30 s"}[name],
    }
    save_result(f"simulate_{name}", out)
    return out


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1] if len(sys.argv) > 1 else "demo"), ensure_ascii=False, indent=2))
