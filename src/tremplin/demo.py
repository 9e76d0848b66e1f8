"""The main job: everything the demo needs, step by step.

Each step is safe to run again: referentials and models already current are kept, the
territory of the same seed and size is reused, the console accounts are reset.
Everything about people, companies and offers in the demo territory is SIMULATED.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from tremplin.commands._common import say


def _step(number: int, title: str, quiet: bool) -> Callable[[], None]:
    """Print a step title; return a function that prints its duration when called."""
    started = time.perf_counter()
    say(f"{number}. {title}…", quiet)
    return lambda: say(f"   fait en {time.perf_counter() - started:.0f} s", quiet)


def _territory(jobseekers: int, seed: int, quiet: bool):
    """The demo territory of this size and seed, simulated once and reused afterwards."""
    from tremplin.settings import get_settings
    from tremplin.simulate import SimulationConfig, load_territory, simulate_territory

    config = SimulationConfig(departements=["74"], jobseekers=jobseekers, seed=seed)
    out = get_settings().home / "territories" / f"demo-74-{jobseekers}-{seed}"
    config.out = out
    if (out / "manifest.json").exists():
        say(f"   territoire simulé déjà présent : {out}", quiet)
        return load_territory(out)
    result = simulate_territory(config, progress=lambda message: say(f"   {message}", quiet))
    return load_territory(result.out_dir)


def prepare_demo(*, jobseekers: int = 3000, seed: int = 7, quiet: bool = False) -> dict[str, Any]:
    from tremplin.store.db import migrate, session_scope

    done = _step(1, "Base de données (migrations)", quiet)
    migrate()
    done()

    done = _step(2, "Référentiels (ROME 4.0, géographie, Code du travail, fiches)", quiet)
    from tremplin.referentials.fetch import ensure

    ensure(step=lambda _name, message: say(f"   {message}", quiet))
    done()

    done = _step(3, f"Territoire simulé (Haute-Savoie, {jobseekers} demandeurs d'emploi, graine {seed})", quiet)
    territory = _territory(jobseekers, seed, quiet)
    done()

    done = _step(4, "Codage ROME : entraînement sur le référentiel", quiet)
    from tremplin.services import rome_coding

    try:
        rome_coding.load_model()
        say("   modèle déjà entraîné", quiet)
    except Exception:  # noqa: BLE001 - any missing or stale model is retrained
        rome_coding.train()
    done()

    done = _step(5, "Recherche d'information : index des fiches et du Code du travail", quiet)
    from tremplin.services.search.index import build_index

    build_index(progress=None)
    done()

    done = _step(6, "Mise en relation : entraînement sur l'historique simulé", quiet)
    from tremplin.services import matching

    matching.train(territory.path, say=lambda message: say(f"   {message}", quiet))
    done()

    done = _step(7, "Console : comptes de démonstration et contrôle de légalité des offres", quiet)
    from tremplin.web.demo import prepare_console

    with session_scope() as session:
        console = prepare_console(session)
    done()

    say("\nComptes de démonstration (identifiant / mot de passe) :", quiet)
    for role, (login, password) in console["accounts"].items():
        say(f"  {role:15} {login} / {password}", quiet)
    return {"territory": str(getattr(territory, "path", "")), **console}
