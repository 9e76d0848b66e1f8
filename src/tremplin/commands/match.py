"""CLI verbs of job matching.

- ``tremplin match offers JOBSEEKER_ID [--top 20] [--market DIR]``: offers for a jobseeker (journaled)
- ``tremplin match candidates OFFER_ID [--top 20] [--market DIR]``: a shortlist for an offer (journaled)
- ``tremplin match batch [--top 20] [--out lists.parquet] [--journal] [--reasons]``: every jobseeker of the market
- ``tremplin match train [--market DIR | --jobseekers F --offers F --interactions F [--protected F]]``
  (also ``tremplin train matching``)
- ``tremplin match feedback JOBSEEKER_ID OFFER_ID [--kind pas_interesse|ajout_conseiller|retrait_conseiller]``
- ``tremplin match filters JOBSEEKER_ID [--max-km 20] [--contract CDI] [--full-time] [--rome G1602] [--clear]``
- ``tremplin evaluate matching [--territory DIR] [--train-months 18] [--test-months 6]``

All support ``--format json`` (ids, scores, reasons) and ``--quiet``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from tremplin.commands._common import (
    FormatOption,
    OutputFormat,
    QuietOption,
    emit,
    handle_errors,
    progress,
    say,
)

MarketOption = Annotated[Path | None, typer.Option(
    "--market", help="Dossier des tables du marché (jobseekers, offers… en Parquet ou CSV). Par défaut : "
                     "TREMPLIN_MATCHING_MARKET, sinon le dernier territoire simulé.")]
TopOption = Annotated[int, typer.Option("--top", "-n", help="Nombre de suggestions (1 à 200).")]
TrainFiles = {
    "jobseekers": typer.Option("--jobseekers", help="Table des demandeurs (.parquet ou .csv)."),
    "offers": typer.Option("--offers", help="Table des offres."),
    "interactions": typer.Option("--interactions", help="Table des candidatures et embauches."),
    "protected": typer.Option("--protected", help="Attributs protégés (facultatif : correction des biais)."),
}


def _actor(actor: str | None) -> str:
    import getpass

    return actor or f"cli:{getpass.getuser()}"


def _session():
    from tremplin.store.db import migrate, session_scope

    migrate()
    return session_scope()


def _recommend(kind: str, subject_id: str, top: int, market, journal: bool, fmt) -> None:
    """Run one direction of matching (``offers`` for a jobseeker, ``candidates`` for an offer) and print it."""
    from tremplin.services import matching

    recommend = matching.recommend_offers if kind == "offers" else matching.recommend_candidates
    with _session() as session:
        recs = recommend(subject_id, top=top, market=market, session=session, record=journal)
    data = recs.summary()
    emit(data["results"] if fmt == OutputFormat.jsonl else data, fmt, _render_recs)


def _render_recs(data: dict) -> str:
    offers = data["direction"] == "offers"
    head = (f"Offres proposées au demandeur {data['subject_id']}" if offers
            else f"Candidats proposés pour l'offre {data['subject_id']}")
    lines = [head + (" (règles seules)" if data["mode"] == "rules_only" else "")]
    for notice in data.get("notices") or []:
        lines.append(f"  ({notice})")
    for r in data["results"]:
        who = r.get("offer_id") if offers else r.get("jobseeker_id")
        title = f" — {r['title']}" if offers and r.get("title") else ""
        score = f"  [{r['score']:.3f}]" if r.get("score") is not None else ""
        added = "  ★ ajoutée par votre conseiller" if r.get("added_by_counsellor") else ""
        lines.append(f"{r['rank']:>3}. {who}{title}{score}{added}")
        pros = [x["label"] for x in r["reasons"] if x["weight"] is None or x["weight"] >= 0]
        cons = [x["label"] for x in r["reasons"] if x["weight"] is not None and x["weight"] < 0]
        if pros:
            lines.append("       " + " ; ".join(pros))
        if cons:
            lines.append("       attention : " + " ; ".join(cons))
    if not data["results"]:
        lines.append("  aucune suggestion")
    return "\n".join(lines)


def _pct(v) -> str:
    return "—" if v is None else f"{v:.1%}"


def _num(v, digits: int = 3) -> str:
    return "—" if v is None else f"{v:.{digits}f}"


def _render_eval(r: dict) -> str:
    data = r.get("data") or {}
    lines = ["Évaluation de l'appariement" + (" — territoire SIMULÉ (chiffres non représentatifs du marché réel)"
                                              if data.get("simulated") else ""),
             f"Données : {data.get('source')} ({data.get('jobseekers')} demandeurs, {data.get('offers')} offres)",
             f"Entraînement : {r['training']['months']} mois jusqu'au {r['training']['until']} ; test : "
             f"{', '.join(r['test']['months'])}", ""]
    header = f"{'':15} {'R@10':>7} {'R@100':>7} {'nDCG@10':>8} {'Gini':>6} {'jamais':>7} {'>10×':>6} {'cand./poste':>11} {'min groupe':>10}"
    lines.append(header)
    for name, label in (("model", "modèle"), ("no_congestion", "sans étape 3"), ("baseline", "référence")):
        m = r[name]
        lines.append(f"{label:15} {_pct(m['recall_at_10']):>7} {_pct(m['recall_at_100']):>7} {_num(m['ndcg_at_10']):>8} "
                     f"{_num(m['gini_exposure']):>6} {_pct(m['share_never_recommended']):>7} "
                     f"{_pct(m['share_over_10x_capacity']):>6} {_num(m['expected_applicants_per_post']['mean'], 2):>11} "
                     f"{_num(m['groups'].get('min_ratio'), 2):>10}")
    lines.append("")
    for key, t in r["targets"].items():
        goal = f"≥ {t['target']}" if "target" in t else f"≤ {t['target_max']}"
        lines.append(f"  {key} : {_num(t['value'])} (objectif {goal})")
    if r.get("tradeoff"):
        lines.append("  compromis de l'étape 3 (force d'entrée dans la page → perte de rappel@10, baisse du Gini) :")
        lines.append("    " + " ; ".join(f"{t['strength']:g} → {t['recall_at_10_loss']:+.1%}, {t['gini_reduction']:+.1%}"
                                          for t in r["tradeoff"]))
    groups = r["model"].get("groups") or {}
    for attr in ("sex", "age_band", "qpv"):
        if attr in groups:
            lines.append(f"  rappel@10 par {attr} : " + " ; ".join(
                f"{g} {v['recall_at_10']:.1%} (×{v['ratio_to_best']:.2f}, {v['hires']} embauches)"
                for g, v in groups[attr].items()))
    bc = r.get("bias_check")
    if bc:
        lines.append("")
        lines.append("Biais connus du simulateur appris par la tête « embauche » (log-odds ; 0 = non appris) :")
        for bid, v in bc["learned_penalties"].items():
            lines.append(f"  {bid} : vrai {v['true_log_odds']:+.2f} ; corrigé {v['learned_de_biased']:+.2f} ; "
                         f"naïf {v['learned_naive']:+.2f} ({v['applications']} candidatures)")
        for name, a in (bc.get("audit") or {}).items():
            lines.append(f"  audit d'équité ({name}) : {a['verdict']} ; écarts signalés : {len(a['flagged'])}")
    return "\n".join(lines)


def register(root: typer.Typer, groups: dict[str, typer.Typer]) -> None:
    app = typer.Typer(help="Rapprochement des offres et des candidats (suggestions expliquées, sans congestion).",
                      no_args_is_help=True)
    root.add_typer(app, name="match")

    @app.command("offers")
    @handle_errors
    def offers_cmd(
        jobseeker_id: Annotated[str, typer.Argument(help="Identifiant du demandeur d'emploi.")],
        top: TopOption = 20,
        market: MarketOption = None,
        journal: Annotated[bool, typer.Option("--journal/--no-journal", help="Journaliser les suggestions.")] = True,
        fmt: FormatOption = OutputFormat.text,
        quiet: QuietOption = False,
    ):
        """Offres proposées à un demandeur d'emploi, avec leurs raisons."""
        _recommend("offers", jobseeker_id, top, market, journal, fmt)

    @app.command("candidates")
    @handle_errors
    def candidates_cmd(
        offer_id: Annotated[str, typer.Argument(help="Identifiant de l'offre.")],
        top: TopOption = 20,
        market: MarketOption = None,
        journal: Annotated[bool, typer.Option("--journal/--no-journal", help="Journaliser les suggestions.")] = True,
        fmt: FormatOption = OutputFormat.text,
        quiet: QuietOption = False,
    ):
        """Candidats proposés pour une offre (présélection préparée par un conseiller)."""
        _recommend("candidates", offer_id, top, market, journal, fmt)

    @app.command("batch")
    @handle_errors
    def batch_cmd(
        top: TopOption = 20,
        market: MarketOption = None,
        out: Annotated[Path | None, typer.Option("--out", "-o", help="Fichier des listes : .parquet, .csv ou .jsonl.")] = None,
        journal: Annotated[bool, typer.Option("--journal/--no-journal",
                                              help="Journaliser une proposition (la liste) par demandeur.")] = False,
        reasons: Annotated[bool, typer.Option("--reasons/--no-reasons", help="Ajouter les raisons (plus lent).")] = False,
        fmt: FormatOption = OutputFormat.text,
        quiet: QuietOption = False,
    ):
        """Les listes de tous les demandeurs inscrits du marché (étapes 1, 2 et 3)."""
        from tremplin.services.matching import batch

        say("Calcul des listes de tous les demandeurs du marché…", quiet)
        with _session() as session:
            result = batch(top, market=market, out=out, session=session, journal=journal, with_reasons=reasons,
                           progress=lambda items: progress(items, total=len(items), label="demandeurs (blocs)",
                                                           quiet=quiet))
        data = result.__dict__
        emit(data, fmt, lambda d: (
            f"{d['lists']} listes ({d['suggestions']} suggestions) pour {d['jobseekers']} demandeurs inscrits, "
            f"mode {d['mode']} ; temps : " + ", ".join(f"{k} {v} s" for k, v in d["timings"].items())
            + (f"\nÉcrit dans {d['out']}" if d["out"] else "")
            + "".join(f"\n({n})" for n in d["notices"])))

    def _train(market, jobseekers, offers, interactions, protected, until, debias, fmt, quiet):
        from tremplin.services.matching import train

        meta = train(market, jobseekers=jobseekers, offers=offers, interactions=interactions, protected=protected,
                     until=until, debias=debias, say=lambda m: say(m, quiet),
                     progress=lambda items: progress(items, total=len(items), label="mois", quiet=quiet))
        rep = meta["report"]

        def render(m):
            deb = rep["debiasing"]
            lines = [f"Modèle {m['version']} enregistré ({m.get('path')})",
                     f"  {rep['rows']['applications']} candidatures, {rep['rows']['hires']} embauches, "
                     f"{rep['rows']['pairs']} paires ; {rep['months']} mois ; {m['train_seconds']} s",
                     "  correction des biais : " + ("appliquée" if deb.get("applied") else f"non ({deb.get('reason')})")]
            for name, term in (deb.get("terms") or {}).items():
                lines.append(f"    {name} : rapport de cotes estimé dans l'historique {term['odds_ratio']:.2f} "
                             f"({term['applications']} candidatures)")
            lines += [f"  ({n})" for n in m.get("notes") or []]
            return "\n".join(lines)

        emit(meta, fmt, render)

    @app.command("train")
    @handle_errors
    def train_cmd(
        market: MarketOption = None,
        jobseekers: Annotated[Path | None, TrainFiles["jobseekers"]] = None,
        offers: Annotated[Path | None, TrainFiles["offers"]] = None,
        interactions: Annotated[Path | None, TrainFiles["interactions"]] = None,
        protected: Annotated[Path | None, TrainFiles["protected"]] = None,
        until: Annotated[str | None, typer.Option("--until", help="N'utiliser que l'historique avant cette date.")] = None,
        debias: Annotated[bool, typer.Option("--debias/--no-debias", help="Corriger les biais des embauches passées.")] = True,
        fmt: FormatOption = OutputFormat.text,
        quiet: QuietOption = False,
    ):
        """Entraîner le classement sur l'historique (tables documentées dans docs/matching.md)."""
        _train(market, jobseekers, offers, interactions, protected, until, debias, fmt, quiet)

    @groups["train"].command("matching")
    @handle_errors
    def train_matching(
        market: MarketOption = None,
        jobseekers: Annotated[Path | None, TrainFiles["jobseekers"]] = None,
        offers: Annotated[Path | None, TrainFiles["offers"]] = None,
        interactions: Annotated[Path | None, TrainFiles["interactions"]] = None,
        protected: Annotated[Path | None, TrainFiles["protected"]] = None,
        until: Annotated[str | None, typer.Option("--until", help="N'utiliser que l'historique avant cette date.")] = None,
        debias: Annotated[bool, typer.Option("--debias/--no-debias", help="Corriger les biais des embauches passées.")] = True,
        fmt: FormatOption = OutputFormat.text,
        quiet: QuietOption = False,
    ):
        """Entraîner l'appariement (comme « tremplin match train »)."""
        _train(market, jobseekers, offers, interactions, protected, until, debias, fmt, quiet)

    @app.command("feedback")
    @handle_errors
    def feedback_cmd(
        jobseeker_id: Annotated[str, typer.Argument(help="Identifiant du demandeur.")],
        offer_id: Annotated[str, typer.Argument(help="Identifiant de l'offre.")],
        kind: Annotated[str, typer.Option("--kind", help="pas_interesse, ajout_conseiller ou retrait_conseiller.")]
        = "pas_interesse",
        reason: Annotated[str | None, typer.Option("--reason", help="Motif (obligatoire pour un retrait).")] = None,
        proposal: Annotated[str | None, typer.Option("--proposal", help="Proposition journalisée concernée.")] = None,
        role: Annotated[str, typer.Option("--role", help="Rôle de la personne qui agit : jobseeker ou counsellor.")]
        = "counsellor",
        actor: Annotated[str | None, typer.Option("--actor", help="Identifiant de la personne qui agit.")] = None,
        market: MarketOption = None,
        fmt: FormatOption = OutputFormat.text,
        quiet: QuietOption = False,
    ):
        """Enregistrer « pas intéressé », un ajout ou un retrait par le conseiller."""
        from tremplin.services.matching import record_feedback

        with _session() as session:
            rec = record_feedback(session, jobseeker_id, offer_id, kind, actor_id=_actor(actor), actor_role=role,
                                  reason=reason, proposal_id=proposal, market=market)
        emit(rec.model_dump(mode="json"), fmt, lambda d: f"Enregistré : {d['kind']} pour {d['jobseeker_id']} / "
                                                         f"{d['offer_id']}" + (f" (décision {d['decision_id']})"
                                                                              if d.get("decision_id") else ""))

    @app.command("filters")
    @handle_errors
    def filters_cmd(
        jobseeker_id: Annotated[str, typer.Argument(help="Identifiant du demandeur.")],
        max_km: Annotated[float | None, typer.Option("--max-km", help="Distance maximale (km).")] = None,
        contract: Annotated[list[str] | None, typer.Option("--contract", help="Type de contrat accepté (répéter).")] = None,
        full_time: Annotated[bool | None, typer.Option("--full-time/--any-hours", help="Temps plein seulement.")] = None,
        rome: Annotated[list[str] | None, typer.Option("--rome", help="Métier (code ROME) accepté (répéter).")] = None,
        clear: Annotated[bool, typer.Option("--clear", help="Supprimer tous les critères.")] = False,
        role: Annotated[str, typer.Option("--role", help="jobseeker ou counsellor.")] = "counsellor",
        actor: Annotated[str | None, typer.Option("--actor", help="Identifiant de la personne qui agit.")] = None,
        fmt: FormatOption = OutputFormat.text,
        quiet: QuietOption = False,
    ):
        """Afficher ou fixer les critères stricts d'un demandeur (distance, contrats, temps plein, métiers)."""
        from tremplin.services.matching import get_filters, set_filters

        with _session() as session:
            if clear or any(v is not None for v in (max_km, contract, full_time, rome)):
                current = get_filters(session, jobseeker_id) if not clear else None
                f = set_filters(session, jobseeker_id,
                                max_distance_km=max_km if max_km is not None else (current.max_distance_km if current else None),
                                contract_types=contract if contract is not None else (current.contract_types if current else []),
                                full_time_only=full_time if full_time is not None else (current.full_time_only if current else None),
                                rome_codes=rome if rome is not None else (current.rome_codes if current else []),
                                actor_id=_actor(actor), actor_role=role)
            else:
                f = get_filters(session, jobseeker_id)
        emit(f.model_dump(mode="json"), fmt, lambda d: (
            f"Critères de {d['jobseeker_id']} : distance ≤ {d['max_distance_km'] or '—'} km ; contrats "
            f"{', '.join(d['contract_types']) or 'tous'} ; temps plein {'oui' if d['full_time_only'] else 'non exigé'} ; "
            f"métiers {', '.join(d['rome_codes']) or 'selon le profil'}"))

    @groups["evaluate"].command("matching")
    @handle_errors
    def evaluate_matching(
        territory: Annotated[Path | None, typer.Option("--territory", help="Dossier d'un territoire (tables + truth/). "
                                                       "Par défaut : le dernier territoire simulé en base.")] = None,
        train_months: Annotated[int, typer.Option("--train-months", help="Mois d'entraînement.")] = 18,
        test_months: Annotated[int, typer.Option("--test-months", help="Mois évalués ensuite.")] = 6,
        out: Annotated[Path | None, typer.Option("--out", help="Écrire aussi le rapport JSON dans ce fichier.")] = None,
        fmt: FormatOption = OutputFormat.text,
        quiet: QuietOption = False,
    ):
        """Évaluer l'appariement : découpage temporel, références, congestion, groupes, biais appris."""
        import json

        from tremplin.errors import InvalidInput
        from tremplin.services.matching.evaluation import EvalConfig, evaluate
        from tremplin.services.matching.market import build_market
        from tremplin.services.matching.schema import load_tables
        from tremplin.services.matching.service import _latest_territory_dir

        if train_months < 1 or test_months < 1:
            raise InvalidInput("--train-months et --test-months doivent être au moins 1", field="train_months")
        directory = territory or _latest_territory_dir()
        if directory is None:
            from tremplin.errors import DataUnavailable

            raise DataUnavailable("aucun territoire simulé en base", hint="lancez « tremplin simulate » ou indiquez --territory")
        tables = load_tables(directory, need_interactions=True)
        market = build_market(tables)
        report = evaluate(market, EvalConfig(train_months=train_months, test_months=test_months), directory=directory,
                          say=lambda m: say(m, quiet),
                          progress=lambda items: progress(items, total=len(items), label="mois", quiet=quiet))
        if out is not None:
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(json.dumps(report, ensure_ascii=False, indent=2, default=str), encoding="utf-8")
        emit(report, fmt, _render_eval)
