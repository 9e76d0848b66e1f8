"""What every CLI verb shares: --format/--quiet options, output, errors, progress bars.

Conventions: JSON goes to stdout, messages to stderr; exit code 0 success, 1 failure,
2 bad input.
"""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable, Iterable, Iterator
from enum import StrEnum
from typing import Annotated, Any, TypeVar

import typer


class OutputFormat(StrEnum):
    text = "text"
    json = "json"
    jsonl = "jsonl"


FormatOption = Annotated[
    OutputFormat,
    typer.Option("--format", "-f", help="Format de sortie : text (lisible), json ou jsonl (une ligne par élément)."),
]
QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help="N'affiche ni messages ni barre de progression.")]

T = TypeVar("T")


def _json_default(value: Any) -> Any:
    if hasattr(value, "model_dump"):
        return value.model_dump(mode="json")
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, set | frozenset | tuple):
        return list(value)
    return str(value)


def dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, default=_json_default)


def emit(data: Any, fmt: OutputFormat, render: Callable[[Any], str] | None = None) -> None:
    """Print a result: JSON on stdout, or a human rendering."""
    if fmt == OutputFormat.json:
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=_json_default) + "\n")
    elif fmt == OutputFormat.jsonl:
        items = data if isinstance(data, list) else [data]
        for item in items:
            sys.stdout.write(dumps(item) + "\n")
    else:
        sys.stdout.write((render(data) if render else dumps(data)) + "\n")


def say(message: str, quiet: bool = False) -> None:
    """A message for the person at the terminal (stderr, so stdout stays parseable)."""
    if not quiet:
        sys.stderr.write(message + "\n")


def handle_errors(func: Callable[..., T]) -> Callable[..., T]:
    """Turn Tremplin errors into a French message on stderr and the right exit code."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        from tremplin.errors import TremplinError

        try:
            return func(*args, **kwargs)
        except TremplinError as exc:
            sys.stderr.write(f"Erreur : {exc}\n")
            raise typer.Exit(exc.exit_code) from None
        except FileNotFoundError as exc:
            sys.stderr.write(f"Erreur : fichier introuvable : {exc.filename}\n")
            raise typer.Exit(2) from None
        except KeyboardInterrupt:
            sys.stderr.write("Interrompu.\n")
            raise typer.Exit(130) from None

    return wrapper


def progress(items: Iterable[T], *, total: int | None = None, label: str = "", quiet: bool = False) -> Iterator[T]:
    """Iterate with a progress bar on stderr, unless quiet or stderr is not a terminal."""
    if quiet or not sys.stderr.isatty():
        yield from items
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    columns = [TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn()]
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(label, total=total)
        for item in items:
            yield item
            bar.advance(task)
