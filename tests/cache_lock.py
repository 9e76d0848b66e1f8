"""One lock per cached test artefact under ``.cache/``: the two pytest-xdist workers build each
artefact once, the second waiting for the first instead of writing over it."""

from __future__ import annotations

import fcntl
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def cache_lock(path: Path) -> Iterator[None]:
    """Hold an exclusive lock named after ``path`` (a file or directory of ``.cache/``)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path.parent / f"{path.name}.lock", "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
