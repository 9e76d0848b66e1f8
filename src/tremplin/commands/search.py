"""CLI verbs of information search.

- ``tremplin search "QUESTION" [--top 10] [--audience salarié] [--theme travail] [--format json]``
- ``tremplin search --file QUESTIONS.txt --format jsonl`` (one question per line, one JSON line each)
- ``tremplin search build`` (index the fiches and the Code du travail; embeddings cached)
- ``tremplin search status`` (what the installed index holds)
- ``tremplin evaluate search [--prequalified PATH]``, ``tremplin train search [--prequalified PATH]``

``search`` is both a verb and a group: anything that is not a sub-command name is a question
(``tremplin search ask "build"`` asks about the word « build »).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from typer.core import TyperGroup

from tremplin.commands._common import FormatOption, OutputFormat, QuietOption, dumps, emit, handle_errors, say

DEFAULT_COMMAND = "ask"


class _QuestionOrCommand(TyperGroup):
    """A group whose default sub-command receives the arguments when they name no sub-command."""

    def parse_args(self, ctx, args):
        if args and args[0] not in self.commands and args[0] not in ("--help", "-h"):
            args = [DEFAULT_COMMAND, *args]
        return super().parse_args(ctx, args)


def _mark(passage: str, spans: list, tty: bool) -> str:
    out, last = [], 0
    open_, close = ("\033[1m", "\033[0m") if tty else ("«", "»")
    for start, end in spans:
        if start < last:
            continue
        out += [passage[last:start], open_, passage[start:end], close]
        last = end
    out.append(passage[last:])
    return "".join(out)


def _render(data: dict) -> str:
    tty = sys.stdout.isatty()
    lines = [f"Question : {data['query']}"]
    for notice in data.get("notices") or []:
        lines.append(f"  ({notice})")
    if data.get("message"):
        lines.append(data["message"])
    for rank, r in enumerate(data.get("results") or [], 1):
        lines.append(f"{rank:>2}. {r['title']} — {r.get('source_label') or r['source']}  [{r['score']:.3f}]")
        lines.append(f"    {r['id']}")
        passage = _mark(r["passage"], r.get("highlights") or [], tty).replace("\n", "\n    ")
        lines.append(f"    {passage}")
    for d in data.get("definitions") or []:
        lines.append(f"Définition — {d['term']} : {d['definition']}")
    return "\n".join(lines)


def _render_build(manifest: dict) -> str:
    dense = manifest.get("dense") or {}
    t = manifest.get("timings") or {}
    lines = [
        f"Index construit : {manifest['documents']} documents "
        + ", ".join(f"{n} {s}" for s, n in sorted(manifest.get("by_source", {}).items())),
        f"  lexical : {manifest['lexical']['vocabulary']} termes ({t.get('lexical_s', '?')} s)",
    ]
    if dense.get("enabled"):
        lines.append(f"  sémantique : {dense.get('embedded', 0)} plongements calculés, {dense.get('from_cache', 0)} "
                     f"repris du cache ({t.get('dense_s', '?')} s)")
    else:
        lines.append("  sémantique : non construit (--no-dense)")
    vocab = manifest.get("vocabularies") or {}
    if vocab.get("sources"):
        lines.append("  vocabulaires : " + "; ".join(f"{k} ({v})" for k, v in vocab["sources"].items()))
    else:
        lines.append("  vocabulaires : aucun (ni miroir ni paquet npm) — pas d'expansion par synonymes")
    lines.append(f"  durée totale : {t.get('total_s', '?')} s")
    return "\n".join(lines)


def _render_eval(report: dict) -> str:
    res = report["resolution"]
    lines = [
        f"Requêtes préqualifiées : {report['clusters']} groupes, {report['queries']} variantes ({report['prequalified']})",
        f"Références : {res['references']} ; résolues {res['resolved']} (chemin {res['by_path']}, titre "
        f"{res['by_title']}) ; non résolues {res['unresolved_in_indexed_sources']} ; hors corpus "
        f"{res['out_of_corpus']}",
        "",
        f"{'méthode':<22}{'nDCG@10':>9}{'MRR@10':>9}{'rappel@10':>11}{'requêtes':>10}",
    ]
    for part, title in (("all", "tous les groupes"), ("test", "moitié test")):
        lines.append(f"-- {title}")
        for name, m in report[part].items():
            gain = m.get("gain_vs_best_single")
            extra = f"  ({gain:+.1%} vs meilleure méthode seule)" if gain is not None else ""
            lines.append(f"{name:<22}{m['ndcg@10']:>9.4f}{m['mrr@10']:>9.4f}{m['recall@10']:>11.4f}"
                         f"{m['queries']:>10}{extra}")
    if "fusion_tuned" in report:
        f = report["fusion_tuned"]
        lines.append("")
        lines.append(f"Fusion ajustée sur la moitié entraînement : {f['method']} w_lex={f['w_lex']} "
                     f"w_dense={f['w_dense']} k={f['k']} seuil={f['dense_floor']}")
    if "semantic_threshold" in report:
        t = report["semantic_threshold"]
        lines.append(f"Seuil sémantique (règle S04) {t['min_cosine']} : {t['share_below_threshold']:.1%} des documents "
                     f"pertinents du top 10 sémantique sont en dessous (médiane {t['relevant_cosine_median']})")
    if "no_reliable_answer" in report:
        n = report["no_reliable_answer"]
        lines.append(f"Pas de réponse fiable (règle S08) : {n['test_unanswered']} requêtes de la moitié test sans "
                     f"réponse ; questions hors sujet avec résultats : {n['off_topic_tuning']['with_results']}/"
                     f"{n['off_topic_tuning']['questions']} (liste de réglage), "
                     f"{n['off_topic_held_out']['with_results']}/{n['off_topic_held_out']['questions']} (liste tenue "
                     f"à l'écart) ; démarches courantes avec résultats : "
                     f"{n['everyday_admin_in_corpus']['with_results']}/{n['everyday_admin_in_corpus']['questions']}")
    return "\n".join(lines)


def _read_questions(path: Path) -> list[str]:
    from tremplin.errors import InvalidInput

    try:
        raw = path.read_bytes()
    except IsADirectoryError:
        raise InvalidInput(f"{path} est un dossier, un fichier texte est attendu", field="--file") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InvalidInput("le fichier de questions doit être en UTF-8 (une question par ligne)",
                           field="--file") from None
    return [line.strip() for line in text.splitlines() if line.strip()]


def register(root: typer.Typer, groups: dict[str, typer.Typer]) -> None:
    search_app = typer.Typer(
        cls=_QuestionOrCommand,
        help=(
            "Recherche dans les fiches service-public.fr, les fiches du ministère du Travail et le Code du travail. "
            "« tremplin search \"QUESTION\" [--top 10] [--audience salarié] [--format json] » répond à une "
            "question ; « tremplin search --file QUESTIONS.txt --format jsonl » à une question par ligne ; "
            "« tremplin search build » construit l'index."
        ),
        no_args_is_help=True,
    )
    root.add_typer(search_app, name="search")

    @search_app.command(DEFAULT_COMMAND)
    @handle_errors
    def ask(
        question: Annotated[list[str] | None, typer.Argument(help="La question, en langage courant.")] = None,
        top: Annotated[int, typer.Option("--top", "-n", help="Nombre de résultats (1 à 100).")] = 10,
        audience: Annotated[str | None, typer.Option(
            "--audience", help="Public : particulier, professionnel, salarié ou employeur.")] = None,
        theme: Annotated[str | None, typer.Option("--theme", help="Thème (texte contenu dans le fil d'Ariane).")] = None,
        file: Annotated[Path | None, typer.Option("--file", help="Fichier texte : une question par ligne.")] = None,
        method: Annotated[str, typer.Option("--method", help="hybrid (défaut), lexical ou dense.")] = "hybrid",
        fmt: FormatOption = OutputFormat.text,
        quiet: QuietOption = False,
    ) -> None:
        """Répond à une question (ou à chaque ligne de --file) : documents et passage surligné."""
        from tremplin.errors import InvalidInput, TremplinError
        from tremplin.services.search import search, search_many

        text = " ".join(question or []).strip()
        if file is None and not question:
            raise InvalidInput("donnez une question, ou --file FICHIER (une question par ligne)", field="question")
        if file is not None and question:
            raise InvalidInput("donnez soit une question, soit --file, pas les deux", field="question")
        if file is None:
            response = search(text, top=top, audience=audience, theme=theme, method=method)
            emit(response.contract(), fmt, _render)
            return
        questions = _read_questions(file)
        say(f"{len(questions)} questions lues dans {file}", quiet)
        responses = []
        for line in questions:
            try:
                data = next(iter(search_many([line], top=top, audience=audience, theme=theme,
                                             method=method))).contract()
            except TremplinError as exc:
                if exc.exit_code != 2:
                    raise
                data = {"query": line[:200], "results": [], "error": str(exc)}
            if fmt == OutputFormat.jsonl:
                sys.stdout.write(dumps(data) + "\n")
            else:
                responses.append(data)
        if fmt == OutputFormat.json:
            emit(responses, fmt)
        elif fmt == OutputFormat.text:
            sys.stdout.write("\n\n".join(_render(d) if "error" not in d else f"{d['query']} : {d['error']}"
                                         for d in responses) + "\n")

    @search_app.command("build")
    @handle_errors
    def build(
        no_dense: Annotated[bool, typer.Option("--no-dense", help="Index par mots seul (sans plongements).")] = False,
        fmt: FormatOption = OutputFormat.text,
        quiet: QuietOption = False,
    ) -> None:
        """Construit l'index de recherche (fiches et Code du travail) ; les plongements sont mis en cache."""
        from tremplin.services.search import build_index

        with _Bar(quiet) as bar:
            manifest = build_index(dense=not no_dense, progress=bar.update)
        emit(manifest, fmt, _render_build)

    @search_app.command("status")
    @handle_errors
    def status(fmt: FormatOption = OutputFormat.text, quiet: QuietOption = False) -> None:
        """Décrit l'index installé (documents, sources, date, paramètres)."""
        from tremplin.errors import DataUnavailable
        from tremplin.services.search import messages, read_manifest

        manifest = read_manifest()
        if manifest is None:
            raise DataUnavailable(messages.NO_INDEX, hint=messages.NO_INDEX_HINT)
        emit(manifest, fmt, lambda m: f"Index du {m['built_at']}\n" + _render_build(m))

    @groups["evaluate"].command("search")
    @handle_errors
    def evaluate_search(
        prequalified: Annotated[Path | None, typer.Option(
            "--prequalified", help="Requêtes préqualifiées (défaut : TREMPLIN_DATA_MIRROR/search/prequalified.data.json)."
        )] = None,
        seed: Annotated[int, typer.Option("--seed", help="Graine du partage des groupes de requêtes.")] = 20240611,
        fmt: FormatOption = OutputFormat.text,
        quiet: QuietOption = False,
    ) -> None:
        """nDCG@10, MRR@10 et rappel@10 des recherches par mots, sémantique et hybride."""
        from tremplin.services.search.evaluation import evaluate

        with _Bar(quiet) as bar:
            report = evaluate(prequalified, seed=seed, progress=lambda d, t: bar.update("requêtes", d, t))
        report.pop("tuned_params_object", None)
        emit(report, fmt, _render_eval)

    @groups["train"].command("search")
    @handle_errors
    def train_search(
        prequalified: Annotated[Path | None, typer.Option("--prequalified", help="Requêtes préqualifiées.")] = None,
        seed: Annotated[int, typer.Option("--seed", help="Graine du partage des groupes de requêtes.")] = 20240611,
        fmt: FormatOption = OutputFormat.text,
        quiet: QuietOption = False,
    ) -> None:
        """Ajuste les poids de fusion sur la moitié entraînement des groupes de requêtes et les enregistre."""
        from tremplin.services.search.training import train_fusion

        with _Bar(quiet) as bar:
            saved = train_fusion(prequalified, seed=seed, progress=lambda d, t: bar.update("requêtes", d, t))
        emit(saved, fmt, lambda s: f"Poids de fusion enregistrés dans {s['path']} : {s['params']}\n"
             f"nDCG@10 moitié test : {s['metrics']['test']}")


class _Bar:
    """A progress bar on stderr for named stages (quiet or not a terminal: a line per stage)."""

    LABELS = {"lexical": "Analyse du texte", "dense": "Plongements", "requêtes": "Requêtes"}

    def __init__(self, quiet: bool):
        self.quiet = quiet
        self.progress = None
        self.tasks: dict[str, int] = {}
        self.announced: set[str] = set()

    def __enter__(self) -> _Bar:
        if not self.quiet and sys.stderr.isatty():
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

            self.progress = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                                     TimeRemainingColumn(), console=Console(stderr=True), transient=True)
            self.progress.start()
        return self

    def update(self, stage: str, done: int, total: int) -> None:
        label = self.LABELS.get(stage, stage)
        if self.progress is not None:
            if stage not in self.tasks:
                self.tasks[stage] = self.progress.add_task(label, total=total)
            self.progress.update(self.tasks[stage], completed=done, total=total)
        elif stage not in self.announced:
            self.announced.add(stage)
            say(f"{label} : {total} éléments…", self.quiet)

    def __exit__(self, *exc) -> None:
        if self.progress is not None:
            self.progress.stop()
