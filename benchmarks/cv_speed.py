"""Speed and memory of CV analysis on two-page PDF CVs (generated documents, fictitious people).

    .venv/bin/python benchmarks/cv_speed.py [--docs 40] [--throughput 200] [--memory 10000]

Needs the referentials (``tremplin data fetch`` or TREMPLIN_REFERENTIALS_PATH); the occupation
coding is measured too when a ROME model is installed under TREMPLIN_HOME (``tremplin train rome``).
Model and referential loading are excluded from the throughput (one warm-up parse first).

- throughput: CVs/s parsing two-page PDFs one after the other in one process, with and without
  occupation coding (target: ≥ 10 CVs/s);
- memory: resident set size (RSS, from /proc/self/statm) sampled while parsing ``--memory`` CVs;
  "stable" means no growth trend over the second half of the run (slope per 1,000 CVs reported).

Writes benchmarks/results/cv_speed.json.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _machine import command, machine, save_result  # noqa: E402

RESULTS = Path(__file__).resolve().parent / "results" / "cv_speed.json"


def rss_mb() -> float:
    with open("/proc/self/statm", encoding="ascii") as handle:
        pages = int(handle.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 1024 / 1024


def two_page_pdfs(n: int, seed: int) -> list[bytes]:
    """Generated PDF CVs long enough to fill two pages (more jobs and missions than average)."""
    from pypdf import PdfReader

    from tremplin.simulate.cvs import random_profiles, write_cvs

    out: list[bytes] = []
    batch = 0
    with tempfile.TemporaryDirectory() as tmp:
        while len(out) < n and batch < 20:
            profiles = random_profiles(n, seed + batch)
            for p in profiles:
                extra = random_profiles(3, seed + 1000 + batch)
                p["experiences"] = (p["experiences"] + [e for q in extra for e in q["experiences"]])[:6]
                for e in p["experiences"]:
                    e["missions"] = (e["missions"] * 3)[:4]
            written = write_cvs(profiles, Path(tmp) / str(batch), seed + batch, formats=("pdf",))
            for path, _truth in written:
                data = path.read_bytes()
                if len(PdfReader(io.BytesIO(data)).pages) == 2:
                    out.append(data)
            batch += 1
    return out[:n]


def throughput(docs: list[bytes], count: int, *, code: bool) -> dict:
    from tremplin.services.cv_analysis import parse_cv

    parse_cv(docs[0], "cv.pdf", mode="on", code_occupations=code)  # warm-up: models and referentials
    timings = []
    started = time.perf_counter()
    for i in range(count):
        t0 = time.perf_counter()
        parse_cv(docs[i % len(docs)], "cv.pdf", mode="on", code_occupations=code)
        timings.append(time.perf_counter() - t0)
    elapsed = time.perf_counter() - started
    timings.sort()
    return {
        "cvs": count,
        "seconds": round(elapsed, 2),
        "cvs_per_second": round(count / elapsed, 2),
        "median_ms": round(1000 * statistics.median(timings), 1),
        "p95_ms": round(1000 * timings[int(0.95 * (len(timings) - 1))], 1),
    }


def memory(docs: list[bytes], count: int, *, code: bool) -> dict:
    from tremplin.services.cv_analysis import parse_cv

    every = max(1, min(250, count // 20))
    parse_cv(docs[0], "cv.pdf", mode="on", code_occupations=code)
    samples = [(0, round(rss_mb(), 1))]
    started = time.perf_counter()
    for i in range(1, count + 1):
        parse_cv(docs[i % len(docs)], "cv.pdf", mode="on", code_occupations=code)
        if i % every == 0:
            samples.append((i, round(rss_mb(), 1)))
    half = [s for s in samples if s[0] >= count // 2]
    xs = [s[0] for s in half]
    ys = [s[1] for s in half]
    mean_x, mean_y = statistics.fmean(xs), statistics.fmean(ys)
    slope = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True)) / max(
        sum((x - mean_x) ** 2 for x in xs), 1e-9)
    return {
        "cvs": count,
        "seconds": round(time.perf_counter() - started, 1),
        "rss_mb_after_warmup": samples[0][1],
        "rss_mb_at_half": half[0][1],
        "rss_mb_end": samples[-1][1],
        "rss_mb_max": max(s[1] for s in samples),
        "slope_mb_per_1000_cvs_second_half": round(slope * 1000, 3),
        "samples": samples,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=40, help="distinct two-page PDFs")
    parser.add_argument("--throughput", type=int, default=200, help="CVs parsed for the throughput")
    parser.add_argument("--memory", type=int, default=10_000, help="CVs parsed for the memory run")
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()

    from tremplin.services.cv_analysis import resources

    t0 = time.perf_counter()
    resources.title_vocabulary()
    resources.places()
    resources.competence_index()
    load_seconds = time.perf_counter() - t0
    docs = two_page_pdfs(args.docs, args.seed)
    if not docs:
        raise SystemExit("no two-page PDF could be generated")
    try:
        resources.occupation_coder()([("Aide-soignante", None)], mode="on")
        rome = True
    except Exception:  # noqa: BLE001 - no model installed: measured without coding only
        rome = False
    result = {
        "command": command(),
        "machine": machine(),
        "data": f"{len(docs)} distinct two-page PDF CVs generated by tremplin.simulate.cvs (fictitious people)",
        "referential_and_model_loading_seconds": round(load_seconds, 2),
        "throughput_without_rome": throughput(docs, args.throughput, code=False),
        "throughput_with_rome": throughput(docs, args.throughput, code=True) if rome else None,
        "rome_model_installed": rome,
        "target_cvs_per_second": 10,
    }
    print(json.dumps({k: result[k] for k in ("throughput_without_rome", "throughput_with_rome")}), flush=True)
    result["memory"] = memory(docs, args.memory, code=rome)
    result["memory"]["with_rome"] = rome
    save_result(RESULTS, result)
    summary = {k: v for k, v in result.items() if k != "memory"}
    summary["memory"] = {k: v for k, v in result["memory"].items() if k != "samples"}
    print(json.dumps(summary, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
