"""Speed of occupation coding: model load, batch throughput, single-title latency (warm).

Needs a trained model under TREMPLIN_HOME (``tremplin train rome``) and real titles: the
offers of TREMPLIN_DATA_MIRROR/offers/offers_dev.jsonl (distinct titles, so no cache helps).

    .venv/bin/python benchmarks/rome_speed.py [--titles 1000] [--single 300]

Writes benchmarks/results/rome_speed.json. Targets (issue #6): ≥ 500 titles/s in batch,
p95 < 10 ms for one title, model load < 2 s.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _machine import command, machine, save_result  # noqa: E402


def _titles(limit: int) -> list[str]:
    from tremplin.settings import get_settings

    mirror = get_settings().data_mirror
    if mirror is None:
        raise SystemExit("TREMPLIN_DATA_MIRROR must point at the shared data folder")
    titles: dict[str, None] = {}
    with open(Path(mirror) / "offers" / "offers_dev.jsonl", encoding="utf-8") as handle:
        for line in handle:
            titles.setdefault(json.loads(line)["intitule"], None)
    return list(titles)[:limit]


def _load_seconds_cold() -> tuple[float, float]:
    """In a fresh interpreter: (imports of numpy/scipy/scikit-learn, then reading the model)."""
    code = (
        "import time; t0=time.perf_counter(); from tremplin.services.rome_coding import service; "
        "import sklearn.ensemble, sklearn.feature_extraction.text, sklearn.isotonic; t1=time.perf_counter(); "
        "service.load_model(); t2=time.perf_counter(); print(t1-t0, t2-t1)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    imports, load = out.stdout.strip().splitlines()[-1].split()
    return float(imports), float(load)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--titles", type=int, default=1000)
    parser.add_argument("--single", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    from tremplin.services.rome_coding import code_occupation, code_occupations, read_meta
    from tremplin.services.rome_coding.service import load_model

    cold = [_load_seconds_cold() for _ in range(args.repeat)]
    imports = [c[0] for c in cold]
    loads = [c[1] for c in cold]
    load_model()
    titles = _titles(args.titles)
    code_occupations(titles[:50], mode="on")  # warm-up
    batch_rates, batch_cpu_rates = [], []
    for _ in range(args.repeat):
        started, cpu = time.perf_counter(), time.process_time()
        code_occupations(titles, mode="on")
        batch_rates.append(len(titles) / (time.perf_counter() - started))
        batch_cpu_rates.append(len(titles) / (time.process_time() - cpu))
    latencies, cpu_latencies = [], []
    for title in titles[: args.single]:
        started, cpu = time.perf_counter(), time.thread_time()
        code_occupation(title, mode="on")
        latencies.append((time.perf_counter() - started) * 1000)
        cpu_latencies.append((time.thread_time() - cpu) * 1000)
    latencies.sort()
    cpu_latencies.sort()
    p95 = latencies[int(0.95 * (len(latencies) - 1))]
    cpu_p95 = cpu_latencies[int(0.95 * (len(cpu_latencies) - 1))]
    meta = read_meta() or {}
    result = {
        "benchmark": "rome_speed",
        "command": command(),
        "machine": machine(),
        "model_version": meta.get("model_version"),
        "model_uses_embeddings": meta.get("use_embeddings"),
        "distinct_titles": len(titles),
        "batch_titles_per_second": {"best": round(max(batch_rates), 1), "median": round(statistics.median(batch_rates), 1)},
        "single_title_ms": {"p50": round(statistics.median(latencies), 2), "p95": round(p95, 2),
                            "max": round(latencies[-1], 2), "n": len(latencies)},
        "cpu_time": {
            "what": "CPU time of this process (wall-clock figures above depend on the other work sharing the "
                    "2 cores, see machine.load_average_1min); equals wall time on an idle core",
            "batch_titles_per_cpu_second": round(statistics.median(batch_cpu_rates), 1),
            "single_title_cpu_ms": {"p50": round(statistics.median(cpu_latencies), 2), "p95": round(cpu_p95, 2)},
        },
        "model_load_seconds": {"best": round(min(loads), 3), "median": round(statistics.median(loads), 3),
                               "what": "reading and checking the model file in a fresh process, libraries imported"},
        "library_import_seconds": {"best": round(min(imports), 3), "median": round(statistics.median(imports), 3),
                                   "what": "importing tremplin's service, numpy, scipy, scikit-learn"},
        "targets": {"batch_titles_per_second": 500, "single_title_p95_ms": 10, "model_load_seconds": 2},
        "note": "single-title calls pass mode='on' (the administrator switch is read once per call otherwise, "
                "a database query); batch = one call of code_occupations over all titles",
    }
    save_result("rome_speed", result)
    print(json.dumps(result, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
