"""Environmental footprint: energy and CO2e per training run and per 1,000 predictions.

Method (documented in docs/governance.md), chosen because it works offline and inside
containers where RAPL energy counters are usually not readable:

    energy (kWh) = [CPU time (s) × W per busy core + RAM (GB) × W per GB × wall time (s)] × PUE / 3.6e6
    CO2e (kg)    = energy (kWh) × grid intensity (g/kWh) / 1000

- CPU time is the process's user + system time (all threads), so idle waiting is not counted.
- W per busy core: default 5 W (order of magnitude of a CPU's TDP divided by its cores: e.g. AMD
  EPYC 7763, 280 W / 64 cores = 4.4 W; Intel Core i7-12700, 65 W base / 12 cores = 5.4 W).
  CodeCarbon's fallback likewise derives CPU power from TDP when no counter is available.
- RAM: 0.375 W per GB (CodeCarbon v2 heuristic, 3 W per 8 GB), on the process's peak resident memory.
- PUE: 1.0 by default (set the data centre's figure).
- French grid: 56.039 gCO2/kWh, the figure CodeCarbon ships for France (Our World in Data, 2023).

When the Linux RAPL package counter is readable, its measured energy is used instead of the
CPU-time estimate (method ``rapl``); it covers the whole CPU package, not only this process.
Every parameter can be changed with TREMPLIN_FOOTPRINT_* environment variables.
"""

from __future__ import annotations

import os
import resource
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from pydantic import BaseModel

FRANCE_GCO2_PER_KWH = 56.039
WATTS_PER_CORE = 5.0
WATTS_PER_GB_RAM = 0.375
RAPL = Path("/sys/class/powercap/intel-rapl:0/energy_uj")


def _env_float(name: str, default: float) -> float:
    value = os.environ.get(name)
    try:
        return float(value) if value else default
    except ValueError:
        return default


class Measurement(BaseModel):
    service: str
    kind: str  # training, prediction
    method: str
    cpu_seconds: float
    wall_seconds: float
    peak_ram_gb: float
    kwh: float
    kgco2e: float
    n_predictions: int | None = None
    grid_gco2_per_kwh: float
    watts_per_core: float
    pue: float
    measured_at: str

    @property
    def per_1000_kwh(self) -> float | None:
        return self.kwh / self.n_predictions * 1000 if self.n_predictions else None

    @property
    def per_1000_kgco2e(self) -> float | None:
        return self.kgco2e / self.n_predictions * 1000 if self.n_predictions else None


class _Handle:
    def __init__(self) -> None:
        self.result: Measurement | None = None
        self.n_predictions: int | None = None


def _read_rapl() -> int | None:
    try:
        return int(RAPL.read_text().strip())
    except (OSError, ValueError):
        return None


def estimate(cpu_seconds: float, wall_seconds: float, peak_ram_gb: float, *, rapl_joules: float | None = None) -> dict:
    watts_per_core = _env_float("TREMPLIN_FOOTPRINT_WATTS_PER_CORE", WATTS_PER_CORE)
    watts_per_gb = _env_float("TREMPLIN_FOOTPRINT_WATTS_PER_GB", WATTS_PER_GB_RAM)
    pue = _env_float("TREMPLIN_FOOTPRINT_PUE", 1.0)
    grid = _env_float("TREMPLIN_FOOTPRINT_GCO2_PER_KWH", FRANCE_GCO2_PER_KWH)
    ram_joules = peak_ram_gb * watts_per_gb * wall_seconds
    if rapl_joules is not None and rapl_joules > 0:
        method = "rapl"
        joules = (rapl_joules + ram_joules) * pue
    else:
        method = "cpu-time"
        joules = (cpu_seconds * watts_per_core + ram_joules) * pue
    kwh = joules / 3.6e6
    return {"method": method, "kwh": kwh, "kgco2e": kwh * grid / 1000, "grid_gco2_per_kwh": grid,
            "watts_per_core": watts_per_core, "pue": pue}


@contextmanager
def measure(service: str, kind: str = "prediction", *, n_predictions: int | None = None,
            save: bool = False) -> Iterator[_Handle]:
    """Measure the block: ``with measure("matching", "training") as m: ...``, then ``m.result``.

    For predictions, pass ``n_predictions`` (or set ``m.n_predictions`` inside the block) to get
    the figure per 1,000 predictions. ``save=True`` stores it on the service card.
    """
    if kind not in ("training", "prediction"):
        raise ValueError("kind must be 'training' or 'prediction'")
    handle = _Handle()
    handle.n_predictions = n_predictions
    start_cpu = time.process_time()
    start_wall = time.perf_counter()
    start_rapl = _read_rapl()
    try:
        yield handle
    finally:
        cpu = time.process_time() - start_cpu
        wall = time.perf_counter() - start_wall
        end_rapl = _read_rapl()
        rapl_j = (end_rapl - start_rapl) / 1e6 if start_rapl is not None and end_rapl is not None and end_rapl >= start_rapl else None
        peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # kB on Linux
        figures = estimate(cpu, wall, peak_kb / 1024 / 1024, rapl_joules=rapl_j)
        handle.result = Measurement(service=service, kind=kind, cpu_seconds=cpu, wall_seconds=wall,
                                    peak_ram_gb=peak_kb / 1024 / 1024, n_predictions=handle.n_predictions,
                                    measured_at=datetime.now(UTC).isoformat(timespec="seconds"), **figures)
        if save:
            from tremplin.store.db import session_scope

            with session_scope() as session:
                record(session, handle.result)


def record(session, measurement: Measurement) -> dict:
    """Store a measurement on the service card (the newest training and prediction figures are kept together)."""
    from tremplin.governance import cards

    previous = cards.latest_report(session, measurement.service, "footprint")
    payload = dict(previous["payload"]) if previous else {}
    payload["method"] = (f"{measurement.method} ; {measurement.watts_per_core} W/cœur ; "
                         f"{measurement.grid_gco2_per_kwh} gCO2/kWh (France) ; PUE {measurement.pue}")
    payload["measured_on"] = measurement.measured_at
    if measurement.kind == "training":
        payload["training_kwh"] = measurement.kwh
        payload["training_kgco2e"] = measurement.kgco2e
    elif measurement.n_predictions:
        payload["per_1000_predictions_kwh"] = measurement.per_1000_kwh
        payload["per_1000_predictions_kgco2e"] = measurement.per_1000_kgco2e
    payload.setdefault("history", [])
    payload["history"] = (payload["history"] + [measurement.model_dump()])[-20:]
    return cards.save_report(session, measurement.service, "footprint", payload)
