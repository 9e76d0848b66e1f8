"""``tremplin demo`` and ``tremplin serve``."""

from __future__ import annotations

from typing import Annotated

import typer

from tremplin.commands._common import QuietOption, handle_errors, say


def register(root: typer.Typer, groups: dict[str, typer.Typer]) -> None:
    @root.command()
    @handle_errors
    def serve(
        host: Annotated[str, typer.Option(help="Adresse d'écoute.")] = "127.0.0.1",
        port: Annotated[int, typer.Option(help="Port d'écoute.")] = 8000,
        quiet: QuietOption = False,
    ) -> None:
        """Sert l'API et la console sur http://HOST:PORT (base migrée au démarrage)."""
        import uvicorn

        from tremplin.api.app import create_app
        from tremplin.store.db import migrate

        migrate()
        _witness_journal(quiet)
        say(f"Tremplin est servi sur http://{host}:{port}/ (API : http://{host}:{port}/v1/docs)", quiet)
        uvicorn.run(create_app(), host=host, port=port, log_level="warning" if quiet else "info")

    @root.command()
    @handle_errors
    def demo(
        jobseekers: Annotated[int, typer.Option(help="Taille du territoire simulé (demandeurs d'emploi).")] = 3000,
        seed: Annotated[int, typer.Option(help="Graine de la simulation.")] = 7,
        no_serve: Annotated[bool, typer.Option("--no-serve", help="Prépare tout sans lancer le serveur.")] = False,
        host: Annotated[str, typer.Option(help="Adresse d'écoute.")] = "127.0.0.1",
        port: Annotated[int, typer.Option(help="Port d'écoute.")] = 8000,
        quiet: QuietOption = False,
    ) -> None:
        """Prépare la démonstration (données, territoire simulé, services entraînés) puis sert la console."""
        from tremplin.demo import prepare_demo

        prepare_demo(jobseekers=jobseekers, seed=seed, quiet=quiet)
        if not no_serve:
            serve(host=host, port=port, quiet=quiet)


def _witness_journal(quiet: bool) -> None:
    """At each start, compare the journal with the heads kept outside the database, then write its head."""
    from tremplin.governance import journal
    from tremplin.settings import get_settings
    from tremplin.store.db import session_scope

    path = get_settings().journal_witness_file
    with session_scope() as session:
        heads = journal.read_witness(path)
        mismatch = journal.witness_mismatch(session, path, heads)
        if mismatch:
            say(f"ATTENTION — journal : {mismatch[1]} (témoin {path}). Lancez « tremplin journal verify ».", False)
            return
        journal.write_witness(session, path, known=heads)

