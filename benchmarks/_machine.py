"""Machine description written next to every benchmark figure."""

from __future__ import annotations

import json
import os
import platform
import sys
from datetime import UTC, datetime
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results"


def machine() -> dict:
    cpu = platform.processor() or ""
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as handle:
            cpu = next((line.split(":", 1)[1].strip() for line in handle if line.startswith("model name")), cpu)
    except OSError:
        pass
    memory_gb = None
    try:
        with open("/proc/meminfo", encoding="utf-8") as handle:
            memory_gb = round(int(handle.readline().split()[1]) / 1024 / 1024, 1)
    except (OSError, ValueError, IndexError):
        pass
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gb": memory_gb,
        "python": sys.version.split()[0],
        "platform": platform.platform(),
        "load_average_1min": round(os.getloadavg()[0], 2),  # other work sharing the cores while measuring
        "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
    }


def command() -> str:
    return " ".join([os.path.relpath(sys.executable), *sys.argv])


def save_result(target: str | Path, data: dict) -> Path:
    """Write a benchmark's figures as JSON: ``target`` is a name in benchmarks/results/ or a path."""
    path = Path(target) if isinstance(target, Path) else RESULTS / f"{target}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return path
