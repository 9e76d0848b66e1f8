"""Speed and memory of information search: full index build, cached rebuild, warm query latency.

Needs the referentials installed (``tremplin data fetch``) and TREMPLIN_DATA_MIRROR pointing at the
shared data folder (vocabularies, prequalified queries used as the query sample).

    .venv/bin/python benchmarks/search_speed.py [--cold] [--queries 300] [--skip-build] [--encoder-sample 400]

- ``--cold``: build in a fresh TREMPLIN_HOME (no embedding or term cache; the referentials of the
  current home are reused through TREMPLIN_REFERENTIALS_PATH): the full build; then build again in
  the same home (the cached rebuild). Without ``--cold``, only the cached rebuild of the current
  TREMPLIN_HOME is measured. Every build records wall time, CPU time (user + system of the build
  process) and the load average before, during (sampled every 5 s) and after: on shared cores the
  wall time alone says little.
- ``--encoder-sample N``: encoder throughput on N documents of each source, embedded from scratch
  exactly as the build does (same texts, batches and threads), and the full-build time it implies
  (CPU seconds per document × documents per source) — a cheap estimate when a full cold build
  cannot be run on a quiet machine.
- queries: real query variants of the prequalified file (deduplicated, seeded sample) plus long
  chatty questions built from them, through :func:`tremplin.services.search.search` (the public
  function: switch check, hybrid retrieval, passages), after a warm-up on *other* variants (so no
  measured query is answered from the query-embedding cache). Wall and CPU time per query.

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
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _machine import command, machine, save_result  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results" / "search_speed.json"


def _load() -> dict:
    one, five, fifteen = os.getloadavg()
    return {"1min": round(one, 2), "5min": round(five, 2), "15min": round(fifteen, 2)}


class _LoadSampler(threading.Thread):
    """Samples the 1-minute load average every few seconds while a build runs."""

    def __init__(self, every: float = 5.0):
        super().__init__(daemon=True)
        self.every, self.samples, self._halt = every, [], threading.Event()

    def run(self) -> None:
        while not self._halt.wait(self.every):
            self.samples.append(os.getloadavg()[0])

    def stop(self) -> dict:
        self._halt.set()
        self.join()
        values = self.samples or [os.getloadavg()[0]]
        return {"samples": len(values), "mean": round(statistics.fmean(values), 2), "max": round(max(values), 2)}


def _build(home: Path, referentials: Path | None = None) -> dict:
    """``tremplin search build`` in a child process: wall and CPU time, peak memory, load, manifest."""
    env = {**os.environ, "TREMPLIN_HOME": str(home)}
    if referentials is not None:
        env["TREMPLIN_REFERENTIALS_PATH"] = str(referentials)
    tremplin = str(Path(sys.executable).with_name("tremplin"))
    load_before = _load()
    usage_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    sampler = _LoadSampler()
    sampler.start()
    started = time.perf_counter()
    done = subprocess.run([tremplin, "search", "build", "--format", "json", "--quiet"], env=env,
                          capture_output=True, text=True)
    wall = time.perf_counter() - started
    load_during = sampler.stop()
    if done.returncode != 0:
        raise SystemExit(f"build failed: {done.stderr[-2000:]}")
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (usage.ru_utime - usage_before.ru_utime) + (usage.ru_stime - usage_before.ru_stime)
    manifest = json.loads(done.stdout)
    return {
        "wall_s": round(wall, 1),
        "cpu_s": round(cpu, 1),
        "peak_rss_mb": round(usage.ru_maxrss / 1024, 0),  # largest child so far (this build or an earlier one)
        "documents": manifest["documents"],
        "embedded": manifest["dense"].get("embedded"),
        "from_cache": manifest["dense"].get("from_cache"),
        "timings": manifest["timings"],
        "load_average": {"before": load_before, "during_1min": load_during, "after": _load()},
    }


def _encoder_sample(per_source: int, seed: int = 3) -> dict:
    """Encoder throughput on a sample of each source, embedded from scratch as the build does."""
    from collections import Counter

    from tremplin.services.search.corpus import load_documents
    from tremplin.services.search.model import DenseIndex

    docs = load_documents()
    counts = Counter(d.source for d in docs)
    rng = random.Random(seed)
    dense = DenseIndex()
    dense.encoder.passages(["mise en route du moteur"])  # load the model outside the measure
    out: dict = {"per_source": {}, "threads": os.environ.get("OMP_NUM_THREADS", "(défaut du moteur)")}
    cpu_total = wall_total = 0.0
    for source, total in sorted(counts.items()):
        sample = rng.sample([d for d in docs if d.source == source], min(per_source, total))
        texts_started = time.process_time()
        texts = [dense.text_of(d) for d in sample]
        text_cpu = time.process_time() - texts_started
        tokens = [dense.encoder.token_count(t) for t in texts]
        load_before = os.getloadavg()[0]
        wall0, cpu0 = time.perf_counter(), time.process_time()
        DenseIndex(dense.encoder, dense.max_tokens).fit(sample)
        wall, cpu = time.perf_counter() - wall0, time.process_time() - cpu0
        per_doc_cpu, per_doc_wall = (cpu + text_cpu) / len(sample), (wall + text_cpu) / len(sample)
        out["per_source"][source] = {
            "documents_in_corpus": total, "sample": len(sample), "mean_tokens": round(statistics.fmean(tokens), 1),
            "docs_per_s": round(len(sample) / wall, 2), "cpu_s_per_doc": round(per_doc_cpu, 4),
            "text_preparation_cpu_s_per_doc": round(text_cpu / len(sample), 5),
            "load_average_1min": [round(load_before, 2), round(os.getloadavg()[0], 2)],
        }
        cpu_total += per_doc_cpu * total
        wall_total += per_doc_wall * total
    out["all_documents_embedding_cpu_s"] = round(cpu_total, 0)
    out["all_documents_embedding_wall_s_at_this_load"] = round(wall_total, 0)
    out["scope"] = ("estimation for the embedding stage only; add the lexical analysis and writing "
                   "(timings of a cached rebuild) for the whole build")
    return out


def _queries(n: int, seed: int = 7, warmup: int = 20) -> tuple[list[str], list[str], list[str]]:
    """(measured short variants, measured chatty questions, warm-up variants): disjoint sets."""
    from tremplin.services.search.evaluation import default_prequalified_path, load_clusters

    variants = list(dict.fromkeys(v for c in load_clusters(default_prequalified_path()) for v in c.variants))
    rng = random.Random(seed)
    drawn = rng.sample(variants, min(n + warmup, len(variants)))
    sample, warm = drawn[:n], drawn[n:]
    chatty = [f"Bonjour, je voudrais savoir, s'il vous plaît, ce qu'il en est exactement pour {a} et aussi "
              f"pour {b}, parce que mon employeur ne m'a rien expliqué. Merci d'avance." for a, b in
              zip(sample[: n // 10], sample[n // 10 : n // 5], strict=False)]
    return sample, chatty, warm


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
    short, chatty, warm = _queries(n)
    for q in warm:  # warm-up: model, caches (other queries than the measured ones)
        search(q)
    wall: dict[str, list[float]] = {"short": [], "chatty": []}
    cpu: dict[str, list[float]] = {"short": [], "chatty": []}
    load_before = _load()
    for name, queries in (("short", short), ("chatty", chatty)):
        for q in queries:
            t, c = time.perf_counter(), time.process_time()
            search(q, top=10)
            wall[name].append(time.perf_counter() - t)
            cpu[name].append(time.process_time() - c)
    return {
        "index_load_s": round(load_s, 2),
        "warmup_queries": len(warm),
        "all": _percentiles(wall["short"] + wall["chatty"]),
        "short_queries": _percentiles(wall["short"]),
        "chatty_queries": _percentiles(wall["chatty"]),
        "cpu": {"all": _percentiles(cpu["short"] + cpu["chatty"]), "short_queries": _percentiles(cpu["short"]),
                "chatty_queries": _percentiles(cpu["chatty"]),
                "note": "CPU time of the process (all its threads) per query"},
        "load_average": {"before": load_before, "after": _load()},
        "process_peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 0),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cold", action="store_true", help="full build in a fresh home, then cached rebuild")
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--skip-build", action="store_true", help="no cached rebuild (query latency only)")
    parser.add_argument("--skip-queries", action="store_true", help="no query latency")
    parser.add_argument("--encoder-sample", type=int, default=0, metavar="N",
                        help="encoder throughput on N documents per source, and the full build it implies")
    args = parser.parse_args()

    from tremplin.settings import get_settings

    result: dict = {"command": command(), "machine": machine()}
    settings = get_settings()
    home = settings.home
    if args.cold:
        referentials = settings.referentials_dir
        if not (referentials.is_dir() and any(referentials.iterdir())):
            raise SystemExit(f"no referentials in {referentials}: run « tremplin data fetch » first")
        home = Path(tempfile.mkdtemp(prefix="tremplin-search-bench-"))
        os.environ["TREMPLIN_REFERENTIALS_PATH"] = str(referentials)
        result["full_build"] = {**_build(home, referentials), "home": str(home)}
    if not args.skip_build:
        result["cached_rebuild"] = _build(home)
    os.environ["TREMPLIN_HOME"] = str(home)
    from tremplin.settings import reset_settings

    reset_settings()
    if args.encoder_sample:
        result["encoder_sample"] = _encoder_sample(args.encoder_sample)
    if not args.skip_queries:
        result["queries"] = _latency(args.queries)
    result["targets"] = {"full_build_s": 900, "cached_rebuild_s": 60, "p95_ms": 50, "memory_mb": 2048}
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    previous = json.loads(RESULTS.read_text(encoding="utf-8")) if RESULTS.is_file() else {}
    for key in ("full_build", "cached_rebuild", "encoder_sample", "queries"):
        if key not in result and key in previous:
            kept = previous[key]
            note = kept.get("note") if isinstance(kept, dict) else None
            if not (isinstance(note, str) and note.startswith("from an earlier run")):
                kept = {**kept, "note": f"from an earlier run of this benchmark ({previous.get('command')}, "
                        f"{previous.get('machine', {}).get('measured_at')})"}
            result[key] = kept
    save_result(RESULTS, result)
    print(json.dumps(result, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
