"""Slows password guessing: after too many failed sign-ins for one login, or from one address, within a
window, sign-in is refused for a while. Kept in the process's memory (per worker): a deployment with
several workers or machines puts its SSO or a shared store in front."""

from __future__ import annotations

import threading
import time
from collections import defaultdict, deque

MAX_FAILURES = 5
WINDOW_SECONDS = 15 * 60

_lock = threading.Lock()
_failures: dict[str, deque[float]] = defaultdict(deque)


def _keys(login: str, address: str | None) -> list[str]:
    keys = [f"login:{login.strip().lower()}"]
    if address:
        keys.append(f"addr:{address}")
    return keys


def _prune(queue: deque[float], now: float) -> None:
    while queue and now - queue[0] > WINDOW_SECONDS:
        queue.popleft()


def blocked_for(login: str, address: str | None, *, limit: int = MAX_FAILURES) -> int:
    """Seconds left before this login (or address) may try again; 0 when allowed."""
    now = time.monotonic()
    wait = 0.0
    with _lock:
        for key in _keys(login, address):
            queue = _failures.get(key)
            if not queue:
                continue
            _prune(queue, now)
            # Addresses get more room than logins (several people behind one office address).
            allowed = limit if key.startswith("login:") else limit * 4
            if len(queue) >= allowed:
                wait = max(wait, WINDOW_SECONDS - (now - queue[-allowed]))
    return int(wait) + (1 if wait else 0)


def record_failure(login: str, address: str | None) -> None:
    now = time.monotonic()
    with _lock:
        for key in _keys(login, address):
            _failures[key].append(now)


def record_success(login: str) -> None:
    with _lock:
        _failures.pop(f"login:{login.strip().lower()}", None)


def reset() -> None:
    with _lock:
        _failures.clear()
