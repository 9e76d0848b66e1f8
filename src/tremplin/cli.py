"""The one Typer app: ``tremplin <verb>``. Verbs live in ``tremplin.commands``."""

from __future__ import annotations

import importlib

import typer

app = typer.Typer(
    name="tremplin",
    help="Tremplin : services d'IA éthiques pour le service public de l'emploi.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
evaluate_app = typer.Typer(help="Mesure la qualité d'un service sur des données indiquées.", no_args_is_help=True)
train_app = typer.Typer(help="Entraîne les modèles d'un service.", no_args_is_help=True)
app.add_typer(evaluate_app, name="evaluate")
app.add_typer(train_app, name="train")

# Order matters only for the help listing.
COMMAND_MODULES = [
    "run",  # demo, serve
    "data",  # data fetch / status, import
    "simulate",
    "governance",  # journal, explain, audit, register, oversight, assess, users
    "rome",
    "legality",
    "cv",
    "search",
    "match",
]

for _name in COMMAND_MODULES:
    importlib.import_module(f"tremplin.commands.{_name}").register(
        app, {"evaluate": evaluate_app, "train": train_app}
    )


def main() -> None:
    app()


if __name__ == "__main__":
    main()
