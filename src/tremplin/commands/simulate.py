"""``tremplin simulate``: generate a simulated territory (database + Parquet + truth/)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from tremplin.commands._common import FormatOption, OutputFormat, QuietOption, emit, handle_errors, say


def _render(result: dict) -> str:
    lines = [f"Territoire simulé {result['territory_id']} écrit dans {result['out_dir']}"]
    for name, n in result["counts"].items():
        if not name.startswith("truth/"):
            lines.append(f"  {name:<22} {n:>10,}".replace(",", " "))
    if result.get("db_written"):
        lines.append("  (également enregistré en base de données)")
    for note in result.get("notes") or []:
        lines.append(f"  attention : {note}")
    if result.get("report_markdown"):
        lines.append("")
        lines.append(result["report_markdown"])
    return "\n".join(lines)


def register(root: typer.Typer, groups: dict[str, typer.Typer]) -> None:
    @root.command("simulate")
    @handle_errors
    def simulate(
        departement: Annotated[list[str], typer.Option("--departement", "-d", help="Code(s) INSEE du ou des départements (répétable ou « 73,74 »).")] = ["74"],  # noqa: B006
        jobseekers: Annotated[int, typer.Option("--jobseekers", "-n", help="Nombre de demandeurs d'emploi sur la période.")] = 3000,
        months: Annotated[int, typer.Option("--months", "-m", help="Durée simulée en mois.")] = 24,
        seed: Annotated[int, typer.Option("--seed", help="Graine : même graine ⇒ mêmes fichiers, octet pour octet.")] = 7,
        bias: Annotated[str | None, typer.Option("--bias", help="Scénario de biais : fichier YAML ou « demo » / « neutre » (défaut : demo).")] = None,
        out: Annotated[Path | None, typer.Option("--out", help="Dossier de sortie (défaut : TREMPLIN_HOME/territories/<id>).")] = None,
        offers: Annotated[int | None, typer.Option("--offers", help="Nombre d'offres (défaut : 0,3 par demandeur sur 24 mois).")] = None,
        start: Annotated[str, typer.Option("--start", help="Date de début AAAA-MM-JJ.")] = "2023-01-01",
        cv_sample: Annotated[int, typer.Option("--cv-sample", help="Nombre de demandeurs dont on produit un CV.")] = 30,
        no_db: Annotated[bool, typer.Option("--no-db", help="N'écrit que les fichiers Parquet, pas la base.")] = False,
        report: Annotated[bool, typer.Option("--report", help="Affiche et enregistre le rapport de réalisme (report.md).")] = False,
        report_from: Annotated[Path | None, typer.Option("--report-from", help="Rapport de réalisme d'un territoire existant, sans simuler.")] = None,
        fmt: FormatOption = OutputFormat.text,
        quiet: QuietOption = False,
    ) -> None:
        """Génère un territoire SIMULÉ (demandeurs, entreprises, offres, candidatures, embauches, services, e-mails, CV)
        sur des référentiels réels, avec sa vérité terrain dans truth/."""
        import json
        import warnings
        from datetime import date

        from tremplin.errors import InvalidInput

        if report_from is not None:
            from tremplin.simulate.files import load_territory
            from tremplin.simulate.report import build_report, render_markdown

            territory = load_territory(report_from)
            rep = build_report(territory)
            md = render_markdown(rep)
            (territory.path / "report.md").write_text(md, encoding="utf-8")
            (territory.path / "report.json").write_text(json.dumps(rep, ensure_ascii=False, indent=2), encoding="utf-8")
            emit(rep if fmt != OutputFormat.text else md, fmt, render=lambda m: m)
            return

        try:
            start_date = date.fromisoformat(start)
        except ValueError:
            raise InvalidInput("date attendue au format AAAA-MM-JJ", field="--start") from None
        deps = [d for item in departement for d in item.replace(";", ",").split(",") if d.strip()]
        from tremplin.simulate import SimulationConfig, simulate_territory
        from tremplin.simulate.sources import SimulationWarning

        config = SimulationConfig(
            departements=deps, jobseekers=jobseekers, months=months, seed=seed, start=start_date, offers=offers,
            bias=bias, out=out, write_db=not no_db, cv_sample=cv_sample,
        )
        resolved = config.validate()  # every parameter checked before any work
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", SimulationWarning)
            result = simulate_territory(resolved, progress=lambda step: say(f"… {step}", quiet))
        data = result.to_dict()
        if report:
            from tremplin.simulate.files import load_territory
            from tremplin.simulate.report import build_report, render_markdown

            territory = load_territory(result.out_dir)
            rep = build_report(territory)
            md = render_markdown(rep)
            (territory.path / "report.md").write_text(md, encoding="utf-8")
            (territory.path / "report.json").write_text(json.dumps(rep, ensure_ascii=False, indent=2), encoding="utf-8")
            data["report"] = rep
            data["report_markdown"] = md
        if fmt == OutputFormat.text:
            emit(data, fmt, render=_render)
        else:
            data.pop("report_markdown", None)
            emit(data, fmt)
