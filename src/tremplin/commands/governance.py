"""Governance verbs: journal, explain, oversight, register, audit, vault, assess, footprint, users, pii.

The person at the terminal is the installation's operator: they act as an administrator
(or the role given with ``--role``), under the name given with ``--actor`` (default: the
system user), and every change they make is journaled under that name's pseudonym.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from tremplin.commands._common import FormatOption, OutputFormat, QuietOption, emit, handle_errors, say

ActorOption = Annotated[str | None, typer.Option("--actor", help="Qui agit (par défaut : l'utilisateur système).")]


def _actor(actor: str | None) -> str:
    import getpass

    return actor or f"cli:{getpass.getuser()}"


def _db():
    """Migrate (idempotent) and return a session context."""
    from tremplin.store.db import migrate, session_scope

    migrate()
    return session_scope()


# --------------------------------------------------------------------------- renderers


def _render_verify(r: dict) -> str:
    lines = [("✓ " if r["ok"] else "✗ ") + r["message"]]
    if r["anchor_seq"]:
        lines.append(f"  ancre de purge : enregistrements jusqu'au n° {r['anchor_seq']} purgés")
    return "\n".join(lines)


def _render_records(records: list[dict]) -> str:
    lines = []
    for r in records:
        d = r["data"]
        what = d.get("outcome") or d.get("mode") or d.get("verdict") or ""
        lines.append(f"{r['seq']:>7}  {r['created_at'][:19]}  {r['kind']:<10} {d.get('service') or '':<12} "
                     f"{r['record_id'][:32]:<32} {what}")
    return "\n".join(lines) or "(aucun enregistrement)"


def _render_rates(data: dict) -> str:
    lines = ["Taux de dérogation par service :"]
    for s in data["services"]:
        rate = "—" if s["override_rate"] is None else f"{s['override_rate']:.1%}"
        lines.append(f"  {s['service']:<12} {rate:>7} sur {s['decisions']} décision(s) "
                     f"(acceptées {s['accepted']}, modifiées {s['modified']}, refusées {s['rejected']})")
    if data["counsellors"]:
        lines.append("Par conseiller (pseudonyme) :")
        for s in data["counsellors"]:
            rate = "—" if s["override_rate"] is None else f"{s['override_rate']:.1%}"
            lines.append(f"  {s['service']:<12} {s['actor_ref']} {rate:>7} sur {s['decisions']}")
    for a in data["alerts"]:
        who = f" ({a['actor_ref']})" if a["actor_ref"] else ""
        lines.append(f"⚠ {a['service']}{who} : {a['alert']}")
    return "\n".join(lines)


def _render_audit(report: dict) -> str:
    lines = [f"Audit d'équité — {report['service']} — {report['n']} personne(s) — verdict : {report['verdict']}"]
    for section in report["sections"]:
        if "×" in section["attribute"]:
            continue
        lines.append(f"\n{section['label']} (référence : {section['reference']})")
        for g in section["groups"]:
            if g["suppressed"]:
                lines.append(f"  {g['group']:<14} groupe trop petit : non publié")
                continue
            vals = "  ".join(
                f"{m}={v['value']:.3f} [{v['ci_low']:.3f}–{v['ci_high']:.3f}]" if v["value"] is not None and v["ci_low"] is not None
                else f"{m}=—" for m, v in g["metrics"].items()
            )
            lines.append(f"  {g['group']:<14} n={g['n']:<6} {vals}")
    if report["flagged"]:
        lines.append("\nÉcarts signalés :")
        for f in report["flagged"]:
            ratio = f"{f['ratio']:.2f}" if f["ratio"] is not None else "—"
            lines.append(f"  {f['attribute']} : {f['group']} vs {f['reference']}, {f['metric']} : écart "
                         f"{f['difference']:+.3f} [{f['difference_ci'][0]:+.3f} ; {f['difference_ci'][1]:+.3f}], "
                         f"rapport {ratio}")
    inter = sum(1 for s in report["sections"] if "×" in s["attribute"])
    if inter:
        lines.append(f"\n({inter} croisements d'attributs calculés : voir --format json)")
    lines.append(report["note"])
    return "\n".join(lines)


def _render_pii_eval(r: dict) -> str:
    lines = [f"Évaluation de la détection des données personnelles — {r['documents']} textes, {r['entities']} entités "
             f"({r['data']})", f"{'entité':<14} {'préc.':>6} {'rappel':>7} {'F1':>6} {'attendues':>9} {'trouvées':>9}"]
    for name, m in r["per_entity"].items():
        lines.append(f"{name:<14} {m['precision']:>6.3f} {m['recall']:>7.3f} {m['f1']:>6.3f} {m['support']:>9} {m['predicted']:>9}")
    o = r["overall"]
    lines.append(f"{'ensemble':<14} {o['precision']:>6.3f} {o['recall']:>7.3f} {o['f1']:>6.3f} {o['support']:>9} {o['predicted']:>9}")
    for name, ok in r["targets"].items():
        lines.append(f"objectif rappel ≥ 0,95 sur {name} : {'atteint' if ok else 'NON atteint'}")
    lines.append(f"durée : {r['seconds']} s")
    return "\n".join(lines)


# --------------------------------------------------------------------------- registration


def register(root: typer.Typer, groups: dict[str, typer.Typer]) -> None:  # noqa: C901 - one place for all verbs
    journal_app = typer.Typer(help="Journal chaîné des propositions et décisions.", no_args_is_help=True)
    oversight_app = typer.Typer(help="Contrôle humain : interrupteurs des services, taux de dérogation.",
                                no_args_is_help=True)
    register_app = typer.Typer(help="Registre public des algorithmes, fiches modèles, documentation technique.",
                               no_args_is_help=True)
    vault_app = typer.Typer(help="Coffre des attributs protégés (audits d'équité) : chaque accès est tracé.",
                            no_args_is_help=True)
    assess_app = typer.Typer(help="Auto-évaluation éthique et analyse d'impact (AI Act art. 27).", no_args_is_help=True)
    footprint_app = typer.Typer(help="Empreinte environnementale des services.", no_args_is_help=True)
    users_app = typer.Typer(help="Utilisateurs de l'API : jetons d'accès.", no_args_is_help=True)
    token_app = typer.Typer(help="Jetons d'accès (stockés hachés).", no_args_is_help=True)
    pii_app = typer.Typer(help="Données personnelles : détection et pseudonymisation.", no_args_is_help=True)
    root.add_typer(journal_app, name="journal")
    root.add_typer(oversight_app, name="oversight")
    root.add_typer(register_app, name="register")
    root.add_typer(vault_app, name="vault")
    root.add_typer(assess_app, name="assess")
    root.add_typer(footprint_app, name="footprint")
    root.add_typer(users_app, name="users")
    users_app.add_typer(token_app, name="token")
    root.add_typer(pii_app, name="pii")

    # ------------------------------------------------------------------ journal

    @journal_app.command("verify")
    @handle_errors
    def journal_verify(fmt: FormatOption = OutputFormat.text, quiet: QuietOption = False) -> None:
        """Recalcule la chaîne d'empreintes ; signale le premier enregistrement modifié, supprimé ou déplacé."""
        from tremplin.governance import journal

        with _db() as session:
            report = journal.verify_and_witness(session)
        data = {**report.model_dump(), "message": report.message()}
        emit(data, fmt, _render_verify)
        if not report.ok:
            raise typer.Exit(1)

    @journal_app.command("list")
    @handle_errors
    def journal_list(
        kind: Annotated[str | None, typer.Option("--kind", help="proposal, decision, switch, purge, audit, assessment")] = None,
        service: Annotated[str | None, typer.Option("--service")] = None,
        after: Annotated[int, typer.Option("--after", help="À partir du numéro suivant celui-ci.")] = 0,
        limit: Annotated[int, typer.Option("--limit", min=1, max=10000)] = 50,
        fmt: FormatOption = OutputFormat.text,
        quiet: QuietOption = False,
    ) -> None:
        """Liste les enregistrements du journal."""
        from tremplin.governance import journal

        with _db() as session:
            records = [r.model_dump() for r in journal.list_records(session, limit=limit, offset_seq=after, kind=kind,
                                                                     service=service)]
        emit(records, fmt, _render_records)

    @journal_app.command("export")
    @handle_errors
    def journal_export(
        export_format: Annotated[str, typer.Option("--format", "-f", help="jsonl ou csv")] = "jsonl",
        out: Annotated[Path | None, typer.Option("--out", "-o", help="Fichier de sortie (par défaut : sortie standard).")] = None,
        kind: Annotated[str | None, typer.Option("--kind")] = None,
        service: Annotated[str | None, typer.Option("--service")] = None,
        since: Annotated[str | None, typer.Option("--since", help="Date ISO (AAAA-MM-JJ) incluse.")] = None,
        quiet: QuietOption = False,
    ) -> None:
        """Exporte le journal en JSONL ou CSV (identifiants pseudonymisés, entrées hachées)."""
        from tremplin.errors import InvalidInput
        from tremplin.governance import journal

        if export_format not in ("jsonl", "csv", "json"):
            raise InvalidInput("format d'export inconnu", field="--format", hint="jsonl ou csv")
        since_iso = _date_to_iso(since) if since else None
        handle = open(out, "w", encoding="utf-8", newline="") if out else sys.stdout
        try:
            with _db() as session:
                writer = journal.export_csv if export_format == "csv" else journal.export_jsonl
                count = writer(session, handle, kind=kind, service=service, since=since_iso)
        finally:
            if out:
                handle.close()
        say(f"{count} enregistrement(s) exporté(s)" + (f" dans {out}" if out else ""), quiet)

    @journal_app.command("purge")
    @handle_errors
    def journal_purge(
        before: Annotated[str, typer.Option("--before", help="Date ISO : purge ce qui est antérieur.")],
        reason: Annotated[str, typer.Option("--reason", help="Motif (inscrit au journal).")] = "durée de conservation échue",
        actor: ActorOption = None,
        fmt: FormatOption = OutputFormat.text,
        quiet: QuietOption = False,
    ) -> None:
        """Purge les enregistrements plus anciens que la durée de conservation ; la chaîne reste vérifiable."""
        from datetime import UTC, datetime

        from tremplin.errors import InvalidInput
        from tremplin.governance import journal
        from tremplin.governance.pseudonymise import pseudonym

        try:
            moment = datetime.fromisoformat(before)
        except ValueError:
            raise InvalidInput(f"date invalide « {before} »", field="--before", hint="AAAA-MM-JJ") from None
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)
        with _db() as session:
            report = journal.purge(session, moment, actor_ref=pseudonym(_actor(actor)), actor_role="administrator",
                                   reason=reason)
        emit(report.model_dump(), fmt, lambda r: f"{r['purged']} enregistrement(s) purgé(s) ; ancre au n° {r['anchor_seq']}.")

    @journal_app.command("head")
    @handle_errors
    def journal_head(fmt: FormatOption = OutputFormat.text, quiet: QuietOption = False) -> None:
        """Tête du journal (numéro, empreinte) : à consigner hors de la base pour ancrer la chaîne."""
        from tremplin.governance import journal

        with _db() as session:
            data = journal.head(session)
        emit(data, fmt, lambda h: f"n° {h['seq']} — empreinte {h['hash']} — {h['records']} enregistrement(s)")

    # ------------------------------------------------------------------ explain

    @root.command("explain")
    @handle_errors
    def explain(
        decision_id: Annotated[str, typer.Argument(help="Identifiant de la décision.")],
        mention: Annotated[bool, typer.Option("--mention", help="Affiche seulement la mention explicite.")] = False,
        fmt: FormatOption = OutputFormat.text,
        quiet: QuietOption = False,
    ) -> None:
        """Lettre d'explication d'une décision (CRPA R311-3-1-2, AI Act art. 86) et mention explicite."""
        from tremplin.governance.explain import explain_decision

        with _db() as session:
            explanation = explain_decision(session, decision_id)
        emit(explanation.model_dump(), fmt, lambda e: e["mention"] if mention else e["letter"])

    # ------------------------------------------------------------------ oversight

    @oversight_app.command("status")
    @handle_errors
    def oversight_status(fmt: FormatOption = OutputFormat.text, quiet: QuietOption = False) -> None:
        """État de chaque service : actif, règles seules ou désactivé."""
        from tremplin.governance import oversight

        with _db() as session:
            states = [s.model_dump() for s in oversight.list_modes(session)]
        emit(states, fmt, lambda rows: "\n".join(
            f"{r['service']:<12} {r['label']}" + (f" — {r['reason']}" if r["reason"] else "") for r in rows))

    @oversight_app.command("set")
    @handle_errors
    def oversight_set(
        service: Annotated[str, typer.Argument(help="Service : rome_coding, legality, cv_analysis, search, matching.")],
        mode: Annotated[str, typer.Argument(help="on, rules_only ou off.")],
        reason: Annotated[str, typer.Option("--reason", help="Motif (obligatoire, inscrit au journal).")],
        actor: ActorOption = None,
        fmt: FormatOption = OutputFormat.text,
        quiet: QuietOption = False,
    ) -> None:
        """Active, réduit aux règles seules ou désactive un service, immédiatement (sans redéploiement)."""
        from tremplin.governance import oversight

        with _db() as session:
            state = oversight.set_mode(session, service, mode, actor_id=_actor(actor), actor_role="administrator",
                                       reason=reason)
        emit(state.model_dump(), fmt, lambda s: f"{s['service']} : {s['label']} (motif : {s['reason']})")

    @oversight_app.command("rates")
    @handle_errors
    def oversight_rates(
        service: Annotated[str | None, typer.Option("--service")] = None,
        since: Annotated[str | None, typer.Option("--since", help="Date ISO de début.")] = None,
        low: Annotated[float, typer.Option("--low", help="Seuil d'alerte bas.")] = 0.02,
        high: Annotated[float, typer.Option("--high", help="Seuil d'alerte haut.")] = 0.5,
        min_decisions: Annotated[int, typer.Option("--min-decisions")] = 30,
        fmt: FormatOption = OutputFormat.text,
        quiet: QuietOption = False,
    ) -> None:
        """Taux de dérogation par service et par conseiller, avec alertes (biais d'automatisation…)."""
        from tremplin.governance import oversight

        with _db() as session:
            data = oversight.override_rates(session, service=service, since=_date_to_iso(since) if since else None,
                                            low=low, high=high, min_decisions=min_decisions)
        emit(data, fmt, _render_rates)

    # ------------------------------------------------------------------ register

    @register_app.command("build")
    @handle_errors
    def register_build(
        out: Annotated[Path, typer.Option("--out", "-o", help="Dossier de sortie.")] = Path("register"),
        fmt: FormatOption = OutputFormat.text,
        quiet: QuietOption = False,
    ) -> None:
        """Génère register.html, register.json, une fiche modèle et un squelette annexe IV par service."""
        from tremplin.governance.register import write_register

        with _db() as session:
            result = write_register(out, session)
        for skipped in result["skipped"]:
            say(f"attention : {skipped}", quiet)
        emit(result, fmt, lambda r: f"{len(r['services'])} service(s) publiés dans {r['out']} : " + ", ".join(r["services"]))

    # ------------------------------------------------------------------ audit

    @root.command("audit")
    @handle_errors
    def audit(
        service: Annotated[str, typer.Argument(help="Service audité.")],
        input_path: Annotated[Path | None, typer.Option("--input", "-i", help="Table des prédictions (CSV, JSONL, Parquet) : subject_id|subject_ref, y_pred, y_true, score, rank.")] = None,
        purpose: Annotated[str, typer.Option("--purpose", help="Finalité de la lecture des attributs protégés (tracée).")] = "audit d'équité périodique",
        actor: ActorOption = None,
        role: Annotated[str, typer.Option("--role", help="auditor ou administrator")] = "auditor",
        tolerance: Annotated[float, typer.Option("--tolerance", help="Écart minimal signalé.")] = 0.05,
        min_group_size: Annotated[int, typer.Option("--min-group-size", help="Groupes plus petits : non publiés.")] = 20,
        n_boot: Annotated[int, typer.Option("--n-boot", min=50, max=10000)] = 400,
        intersections: Annotated[bool, typer.Option("--intersections/--no-intersections")] = True,
        out: Annotated[Path | None, typer.Option("--out", "-o", help="Écrit aussi le rapport JSON dans ce fichier.")] = None,
        fmt: FormatOption = OutputFormat.text,
        quiet: QuietOption = False,
    ) -> None:
        """Audit d'équité par groupe (taux de sélection, TPR, FPR, précision, calibration, exposition) ; le rapport va sur la fiche."""
        import json

        from tremplin.errors import InvalidInput
        from tremplin.governance import cards, fairness

        if service not in cards.service_names():
            raise InvalidInput(f"service inconnu « {service} »", field="service", hint=", ".join(cards.service_names()))
        config = fairness.AuditConfig(tolerance=tolerance, min_group_size=min_group_size, n_boot=n_boot,
                                      intersections=intersections)
        with _db() as session:
            if input_path is not None:
                predictions = fairness.load_predictions(input_path)
            else:
                adapter = fairness.service_adapter(service)
                if adapter is None:
                    raise InvalidInput(f"le service « {service} » ne fournit pas de données d'audit", field="--input",
                                       hint="donnez une table de prédictions avec --input")
                predictions = adapter(session)
            report = fairness.run_audit(session, service, predictions, actor_id=_actor(actor), actor_role=role,
                                        purpose=purpose, config=config)
        if out:
            out.write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
            say(f"rapport écrit dans {out}", quiet)
        emit(report, fmt, _render_audit)

    # ------------------------------------------------------------------ vault

    @vault_app.command("import")
    @handle_errors
    def vault_import(
        path: Annotated[Path, typer.Argument(help="CSV/JSONL : jobseeker_id, sex, birth_year|age_band, disability_recognition, nationality_group, priority_neighbourhood.")],
        purpose: Annotated[str, typer.Option("--purpose", help="Finalité (tracée).")] = "préparation d'un audit d'équité",
        actor: ActorOption = None,
        keep_days: Annotated[int, typer.Option("--keep-days", min=1, max=3650)] = 365,
        fmt: FormatOption = OutputFormat.text,
        quiet: QuietOption = False,
    ) -> None:
        """Charge des attributs protégés dans le coffre (identifiants pseudonymisés, écriture tracée)."""
        import math

        from tremplin.domain import ProtectedAttributes
        from tremplin.errors import InvalidInput
        from tremplin.governance import fairness, vault

        frame = fairness.load_predictions(path)
        if "jobseeker_id" not in frame:
            raise InvalidInput("colonne jobseeker_id manquante", field="jobseeker_id")
        records = []
        for i, row in enumerate(frame.to_dict(orient="records"), 1):
            clean = {k: (None if isinstance(v, float) and math.isnan(v) else v) for k, v in row.items()
                     if k in ProtectedAttributes.model_fields}
            clean["jobseeker_id"] = str(clean["jobseeker_id"])
            for flag in ("disability_recognition", "priority_neighbourhood"):
                if isinstance(clean.get(flag), str):
                    clean[flag] = clean[flag].strip().lower() in ("1", "true", "oui", "yes")
                elif clean.get(flag) is not None:
                    clean[flag] = bool(clean[flag])
            if clean.get("birth_year") is not None:
                clean["birth_year"] = int(clean["birth_year"])
            try:
                records.append(ProtectedAttributes(**clean))
            except ValueError as exc:
                raise InvalidInput(f"ligne {i} invalide : {exc}", field=str(path)) from None
        with _db() as session:
            count = vault.store(session, records, actor_id=_actor(actor), actor_role="administrator", purpose=purpose,
                                keep_days=keep_days)
        emit({"stored": count}, fmt, lambda d: f"{d['stored']} personne(s) enregistrée(s) dans le coffre")

    @vault_app.command("log")
    @handle_errors
    def vault_log(limit: Annotated[int, typer.Option("--limit")] = 50, fmt: FormatOption = OutputFormat.text,
                  quiet: QuietOption = False) -> None:
        """Qui a accédé au coffre, quand et pourquoi."""
        from tremplin.governance import vault

        with _db() as session:
            rows = [e.model_dump() for e in vault.access_log(session, limit=limit)]
        emit(rows, fmt, lambda rs: "\n".join(
            f"{r['at']:%Y-%m-%d %H:%M} {r['action']:<6} {r['actor_role']:<13} {r['actor_ref']} {r['subjects']:>6} pers. — {r['purpose']}"
            for r in rs) or "(aucun accès)")

    @vault_app.command("purge-expired")
    @handle_errors
    def vault_purge(actor: ActorOption = None, fmt: FormatOption = OutputFormat.text, quiet: QuietOption = False) -> None:
        """Supprime les attributs dont la date de conservation est passée."""
        from tremplin.governance import vault

        with _db() as session:
            count = vault.purge_expired(session, actor_id=_actor(actor), actor_role="administrator")
        emit({"deleted": count}, fmt, lambda d: f"{d['deleted']} fiche(s) supprimée(s)")

    # ------------------------------------------------------------------ assessment

    @assess_app.command("template")
    @handle_errors
    def assess_template(service: Annotated[str, typer.Argument()], fmt: FormatOption = OutputFormat.text,
                        quiet: QuietOption = False) -> None:
        """Écrit le questionnaire vierge (YAML, ou JSON avec --format json), avec les indications de la fiche."""
        import warnings

        from tremplin.errors import InvalidInput
        from tremplin.governance import assessment, cards

        if service not in cards.service_names():
            raise InvalidInput(f"service inconnu « {service} »", field="service")
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            card = cards.load_card(service)
        data = assessment.template(service, card)
        if fmt == OutputFormat.text:
            sys.stdout.write(assessment.to_yaml(data))
        else:
            emit(data, fmt)

    @assess_app.command("submit")
    @handle_errors
    def assess_submit(
        path: Annotated[Path, typer.Argument(help="Questionnaire rempli (YAML).")],
        actor: ActorOption = None,
        fmt: FormatOption = OutputFormat.text,
        quiet: QuietOption = False,
    ) -> None:
        """Enregistre une nouvelle version de l'auto-évaluation, calcule le score et les actions ouvertes."""
        from tremplin.governance import assessment

        inp = assessment.parse_yaml(path.read_text(encoding="utf-8"))
        with _db() as session:
            result = assessment.submit(session, inp, actor_id=_actor(actor), actor_role="administrator")
        emit(result, fmt, assessment.render_report)

    @assess_app.command("show")
    @handle_errors
    def assess_show(
        service: Annotated[str, typer.Argument()],
        version: Annotated[int | None, typer.Option("--version")] = None,
        yaml_out: Annotated[bool, typer.Option("--yaml", help="Réponses au format YAML (pour les reprendre).")] = False,
        fmt: FormatOption = OutputFormat.text,
        quiet: QuietOption = False,
    ) -> None:
        """Affiche la dernière (ou une) version de l'auto-évaluation d'un service."""
        from tremplin.governance import assessment

        with _db() as session:
            result = assessment.read(session, service, version)
        if yaml_out:
            sys.stdout.write(assessment.to_yaml({"service": service, "answered_by": result.get("answered_by", ""),
                                                 "questionnaire_version": result.get("questionnaire_version"),
                                                 "answers": result["answers"]}))
            return
        emit(result, fmt, assessment.render_report)

    # ------------------------------------------------------------------ footprint

    @footprint_app.command("show")
    @handle_errors
    def footprint_show(service: Annotated[str, typer.Argument()], fmt: FormatOption = OutputFormat.text,
                       quiet: QuietOption = False) -> None:
        """Dernières mesures d'énergie et de CO2e d'un service (entraînement, 1 000 prédictions)."""
        from tremplin.errors import NotFound
        from tremplin.governance import cards

        with _db() as session:
            stored = cards.latest_report(session, service, "footprint")
        if stored is None:
            raise NotFound(f"aucune mesure d'empreinte pour « {service} »", field="service")
        p = stored["payload"]

        def render(d: dict) -> str:
            def f(v):
                return "—" if v is None else f"{v:.3g}"

            return (f"{service} — mesuré le {d.get('measured_on')} ({d.get('method')})\n"
                    f"  entraînement : {f(d.get('training_kwh'))} kWh, {f(d.get('training_kgco2e'))} kg CO2e\n"
                    f"  1 000 prédictions : {f(d.get('per_1000_predictions_kwh'))} kWh, "
                    f"{f(d.get('per_1000_predictions_kgco2e'))} kg CO2e")

        emit(p, fmt, render)

    # ------------------------------------------------------------------ users / tokens

    @token_app.command("create")
    @handle_errors
    def token_create(
        role: Annotated[str, typer.Option("--role", help="counsellor, jobseeker, recruiter, auditor, administrator")],
        actor: Annotated[str, typer.Option("--actor", help="Identifiant de la personne (ou du système) titulaire.")],
        subject_id: Annotated[str | None, typer.Option("--subject-id", help="Pour un demandeur d'emploi : son dossier.")] = None,
        label: Annotated[str, typer.Option("--label")] = "",
        days: Annotated[int, typer.Option("--days", min=1, max=3650, help="Durée de validité.")] = 365,
        fmt: FormatOption = OutputFormat.text,
        quiet: QuietOption = False,
    ) -> None:
        """Crée un jeton d'accès à l'API ; il n'est affiché qu'une fois (seule son empreinte est gardée)."""
        from tremplin.governance.access import create_token

        with _db() as session:
            token = create_token(session, actor, role, label=label, subject_id=subject_id, valid_days=days)
        say("Conservez ce jeton : il ne pourra plus être affiché.", quiet)
        emit({"token": token, "actor": actor, "role": role, "subject_id": subject_id, "valid_days": days}, fmt,
             lambda d: d["token"])

    @token_app.command("list")
    @handle_errors
    def token_list(
        actor: Annotated[str | None, typer.Option("--actor")] = None,
        all_tokens: Annotated[bool, typer.Option("--all", help="Inclut les jetons révoqués.")] = False,
        fmt: FormatOption = OutputFormat.text,
        quiet: QuietOption = False,
    ) -> None:
        """Liste les jetons (identifiant, titulaire, rôle, validité) — jamais le jeton lui-même."""
        from tremplin.governance.access import list_tokens

        with _db() as session:
            rows = [t.model_dump() for t in list_tokens(session, actor_id=actor, include_revoked=all_tokens)]
        emit(rows, fmt, lambda rs: "\n".join(
            f"{r['token_id']}  {r['role']:<13} {r['actor_id']}" + (f" (dossier {r['subject_id']})" if r["subject_id"] else "")
            + (" RÉVOQUÉ" if r["revoked"] else "") for r in rs) or "(aucun jeton)")

    @token_app.command("revoke")
    @handle_errors
    def token_revoke(token_id: Annotated[str, typer.Argument(help="Identifiant (début de l'empreinte) ou jeton.")],
                     fmt: FormatOption = OutputFormat.text, quiet: QuietOption = False) -> None:
        """Révoque un jeton."""
        from tremplin.governance.access import revoke_token

        with _db() as session:
            info = revoke_token(session, token_id)
        emit(info.model_dump(), fmt, lambda d: f"jeton {d['token_id']} révoqué ({d['actor_id']}, {d['role']})")

    # ------------------------------------------------------------------ personal data

    @pii_app.command("scan")
    @handle_errors
    def pii_scan(
        text: Annotated[str | None, typer.Argument(help="Texte (ou --file).")] = None,
        file: Annotated[Path | None, typer.Option("--file")] = None,
        fmt: FormatOption = OutputFormat.text,
        quiet: QuietOption = False,
    ) -> None:
        """Détecte les données personnelles d'un texte français (NIR, téléphone, IBAN, SIRET, e-mail, adresse, nom)."""
        from tremplin.governance import pii

        content = _text_arg(text, file)
        found = [e.model_dump() for e in pii.analyze(content)]
        emit(found, fmt, lambda rs: "\n".join(f"{r['entity']:<12} {r['start']:>5}-{r['end']:<5} {r['score']:.2f} {r['text']}"
                                              for r in rs) or "(rien détecté)")

    @pii_app.command("anonymise")
    @handle_errors
    def pii_anonymise(
        text: Annotated[str | None, typer.Argument(help="Texte (ou --file).")] = None,
        file: Annotated[Path | None, typer.Option("--file")] = None,
        reversible: Annotated[bool, typer.Option("--reversible", help="Pseudonymes réversibles avec la clé.")] = False,
        fmt: FormatOption = OutputFormat.text,
        quiet: QuietOption = False,
    ) -> None:
        """Remplace les données personnelles par des pseudonymes (à clé) ; --reversible pour pouvoir les retrouver."""
        from tremplin.governance import pii

        result = pii.pseudonymise_text(_text_arg(text, file), reversible=reversible)
        emit(result.model_dump(), fmt, lambda r: r["text"])

    @pii_app.command("reveal")
    @handle_errors
    def pii_reveal(
        text: Annotated[str | None, typer.Argument(help="Texte pseudonymisé réversiblement (ou --file).")] = None,
        file: Annotated[Path | None, typer.Option("--file")] = None,
        fmt: FormatOption = OutputFormat.text,
        quiet: QuietOption = False,
    ) -> None:
        """Rétablit les valeurs d'un texte pseudonymisé avec --reversible (nécessite la clé)."""
        from tremplin.governance import pii

        restored = pii.reveal_text(_text_arg(text, file))
        emit({"text": restored}, fmt, lambda r: r["text"])

    @groups["evaluate"].command("pii")
    @handle_errors
    def evaluate_pii(
        sample: Annotated[Path | None, typer.Option("--sample", help="Échantillon annoté (JSONL) ; par défaut celui du dépôt.")] = None,
        out: Annotated[Path | None, typer.Option("--out", "-o", help="Écrit aussi les résultats (JSON).")] = None,
        fmt: FormatOption = OutputFormat.text,
        quiet: QuietOption = False,
    ) -> None:
        """Précision et rappel de la détection des données personnelles par type d'entité."""
        import json

        from tremplin.governance import pii

        result = pii.evaluate(sample)
        if out:
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(json.dumps(result, ensure_ascii=False, indent=2), encoding="utf-8")
        emit(result, fmt, _render_pii_eval)


def _text_arg(text: str | None, file: Path | None) -> str:
    from tremplin.errors import InvalidInput

    if file is not None:
        return file.read_text(encoding="utf-8")
    if text is None:
        if not sys.stdin.isatty():
            return sys.stdin.read()
        raise InvalidInput("donnez un texte, --file ou l'entrée standard", field="texte")
    return text


def _date_to_iso(value: str) -> str:
    from datetime import UTC, datetime

    from tremplin.errors import InvalidInput
    from tremplin.governance.journal import now_iso

    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise InvalidInput(f"date invalide « {value} »", field="--since", hint="AAAA-MM-JJ") from None
    return now_iso(moment if moment.tzinfo else moment.replace(tzinfo=UTC))
