"""Speed and memory of information search: full index build, cached rebuild, warm query latency.

Needs the referentials installed (``tremplin data fetch``) and TREMPLIN_DATA_MIRROR pointing at the
shared data folder (vocabularies, prequalified queries used as the query sample).

    .venv/bin/python benchmarks/search_speed.py [--cold] [--queries 1000]

- ``--cold``: build in a fresh TREMPLIN_HOME (no embedding or term cache): the full build;
  then build again in the same home (the cached rebuild). Without ``--cold``, only the cached
  rebuild of the current TREMPLIN_HOME is measured.
- queries: real query variants of the prequalified file (deduplicated, seeded sample) plus long
  chatty questions built from them, through :func:`tremplin.services.search.search` (the public
  function: switch check, hybrid retrieval, passages), after a warm-up.

Writes benchmarks/results/search_speed.json. Targets (issue #8): full build < 15 min, cached
rebuild < 1 min, p95 query < 50 ms warm, memory < 2 GB.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _machine import command, machine  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results" / "search_speed.json"


def _build(home: Path) -> dict:
    """``tremplin search build`` in a child process: wall time, peak memory, manifest."""
    env = {**os.environ, "TREMPLIN_HOME": str(home)}
    tremplin = str(Path(sys.executable).with_name("tremplin"))
    started = time.perf_counter()
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    done = subprocess.run([tremplin, "search", "build", "--format", "json", "--quiet"], env=env,
                          capture_output=True, text=True)
    wall = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"build failed: {done.stderr[-2000:]}")
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    manifest = json.loads(done.stdout)
    return {
        "wall_s": round(wall, 1),
        "peak_rss_mb": round(max(peak_kb, before) / 1024, 0),
        "documents": manifest["documents"],
        "embedded": manifest["dense"].get("embedded"),
        "from_cache": manifest["dense"].get("from_cache"),
        "timings": manifest["timings"],
        "load_average_1min_after": round(os.getloadavg()[0], 2),
    }


def _queries(n: int, seed: int = 7) -> tuple[list[str], list[str]]:
    from tremplin.services.search.evaluation import default_prequalified_path, load_clusters

    variants = list(dict.fromkeys(v for c in load_clusters(default_prequalified_path()) for v in c.variants))
    rng = random.Random(seed)
    sample = rng.sample(variants, min(n, len(variants)))
    chatty = [f"Bonjour, je voudrais savoir, s'il vous plaît, ce qu'il en est exactement pour {a} et aussi "
              f"pour {b}, parce que mon employeur ne m'a rien expliqué. Merci d'avance." for a, b in
              zip(sample[: n // 10], sample[n // 10 : n // 5], strict=False)]
    return sample, chatty


def _percentiles(values: list[float]) -> dict:
    values = sorted(values)

    def pct(p: float) -> float:
        return round(values[min(len(values) - 1, int(round(p * (len(values) - 1))))] * 1000, 2)

    return {"n": len(values), "p50_ms": pct(0.5), "p95_ms": pct(0.95), "p99_ms": pct(0.99),
            "mean_ms": round(statistics.fmean(values) * 1000, 2), "max_ms": round(values[-1] * 1000, 2)}


def _latency(n: int) -> dict:
    from tremplin.services.search import search
    from tremplin.services.search.index import load_index

    started = time.perf_counter()
    load_index()
    load_s = time.perf_counter() - started
    short, chatty = _queries(n)
    for q in short[:20]:  # warm-up: model, caches
        search(q)
    timings = {"short": [], "chatty": []}
    for name, queries in (("short", short), ("chatty", chatty)):
        for q in queries:
            t = time.perf_counter()
            search(q, top=10)
            timings[name].append(time.perf_counter() - t)
    everything = timings["short"] + timings["chatty"]
    return {
        "index_load_s": round(load_s, 2),
        "all": _percentiles(everything),
        "short_queries": _percentiles(timings["short"]),
        "chatty_queries": _percentiles(timings["chatty"]),
        "process_peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 0),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cold", action="store_true", help="full build in a fresh home, then cached rebuild")
    parser.add_argument("--queries", type=int, default=1000)
    parser.add_argument("--skip-build", action="store_true", help="only the query latency of the current index")
    args = parser.parse_args()

    from tremplin.settings import get_settings

    result: dict = {"command": command(), "machine": machine()}
    home = get_settings().home
    if args.cold:
        home = Path(tempfile.mkdtemp(prefix="tremplin-search-bench-"))
        result["full_build"] = _build(home)
    if not args.skip_build:
        result["cached_rebuild"] = _build(home)
    os.environ["TREMPLIN_HOME"] = str(home)
    from tremplin.settings import reset_settings

    reset_settings()
    result["queries"] = _latency(args.queries)
    result["targets"] = {"full_build_s": 900, "cached_rebuild_s": 60, "p95_ms": 50, "memory_mb": 2048}
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    previous = json.loads(RESULTS.read_text(encoding="utf-8")) if RESULTS.is_file() else {}
    for key in ("full_build", "cached_rebuild"):
        if key not in result and key in previous:
            result[key] = {**previous[key], "note": "from an earlier run of this benchmark"}
    RESULTS.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
