"""CLI verbs of the offer legality control.

``tremplin legality check|rules|decide|reviews|overrides`` and ``tremplin evaluate legality``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from tremplin.commands._common import FormatOption, OutputFormat, QuietOption, dumps, emit, handle_errors, say

SEVERITY_FR = {"block": "À BLOQUER", "review": "À EXAMINER", "advise": "CONSEIL", "ok": "CONFORME"}


def _line(report: dict[str, Any]) -> dict[str, Any]:
    """The JSON line of one offer: the contract of the issue plus warnings and versions."""
    return {
        "id": report["id"],
        "verdict": report["verdict"],
        "findings": [
            {k: f[k] for k in ("rule", "category", "articles", "severity", "field", "span", "text", "explanation",
                               "suggestion")}
            | ({"exception": f["exception"]} if f.get("exception") else {})
            for f in report["findings"]
        ],
        "warnings": report["warnings"],
        "ruleset_version": report["ruleset_version"],
        "checked_on": report["checked_on"],
    }


def _render(report: dict[str, Any]) -> str:
    head = f"Offre {report['id'] or '(sans identifiant)'} — {SEVERITY_FR[report['verdict']]}"
    lines = [head]
    for f in report["findings"]:
        where = f"{f['field']}"
        if f["span"]:
            where += f" [{f['span'][0]}–{f['span'][1]}]"
        lines.append(f"  • {SEVERITY_FR[f['severity']]} {f['rule']} ({f['category']}) — {where}")
        if f["text"]:
            lines.append(f"    « {' '.join(f['text'].split())[:160]} »")
        lines.append(f"    {f['explanation']}")
        if f["suggestion"]:
            lines.append(f"    Suggestion : {f['suggestion']}")
    for w in report["warnings"]:
        lines.append(f"  ! {w['message']}" + (f" ({w['field']})" if w.get("field") else ""))
    if not report["findings"]:
        lines.append("  Aucun problème détecté.")
    return "\n".join(lines)


def _iter_jsonl(path: str, encoding: str, max_line: int, errors: list[str]):
    """Offers of a JSONL file (``-`` for standard input); bad lines are reported, not fatal."""
    stream = sys.stdin.buffer if path == "-" else open(path, "rb")  # noqa: SIM115
    try:
        for n, raw in enumerate(stream, 1):
            if len(raw) > max_line:
                errors.append(f"ligne {n} : trop longue ({len(raw)} octets, maximum {max_line}) — ignorée")
                continue
            if n == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            if not raw.strip():
                continue
            try:
                text = raw.decode(encoding)
            except UnicodeDecodeError as exc:
                errors.append(f"ligne {n} : encodage invalide ({encoding} attendu, octet {exc.start + 1}) — relancez "
                              "avec --encoding cp1252 si le fichier vient d'un tableur Windows")
                continue
            try:
                obj = json.loads(text)
            except json.JSONDecodeError as exc:
                errors.append(f"ligne {n} : JSON invalide ({exc.msg}, colonne {exc.colno})")
                continue
            if not isinstance(obj, dict):
                errors.append(f"ligne {n} : une offre doit être un objet JSON, pas {type(obj).__name__}")
                continue
            yield n, obj
    finally:
        if stream is not sys.stdin.buffer:
            stream.close()


def _parse_date(value: str | None):
    if value is None:
        return None
    from datetime import date

    from tremplin.errors import InvalidInput

    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InvalidInput(f"date « {value} » invalide", field="--date", hint="format AAAA-MM-JJ") from None


def register(root: typer.Typer, groups: dict[str, typer.Typer]) -> None:
    app = typer.Typer(help="Contrôle de légalité des offres d'emploi (règles R01–R25, avec l'article de loi).",
                      no_args_is_help=True)
    root.add_typer(app, name="legality")

    @app.command("check")
    @handle_errors
    def check(
        file: Annotated[str | None, typer.Argument(help="Fichier JSONL d'offres (format France Travail v2), "
                                                        "« - » pour l'entrée standard.")] = None,
        text: Annotated[str | None, typer.Option("--text", help="Contrôler un texte seul (sans champs).")] = None,
        on: Annotated[str | None, typer.Option("--date", help="Date dont les paramètres légaux s'appliquent "
                                                              "(AAAA-MM-JJ ; par défaut celle de l'offre).")] = None,
        encoding: Annotated[str, typer.Option("--encoding", help="Encodage du fichier.")] = "utf-8",
        fail_on: Annotated[str, typer.Option("--fail-on", help="Code de sortie 1 si une offre a ce verdict ou "
                                                               "plus grave : block, review ou never.")] = "never",
        fmt: FormatOption = OutputFormat.text,
        quiet: QuietOption = False,
    ) -> None:
        """Contrôle des offres : verdict et constats (règle, article, passage, explication, correction)."""
        from tremplin.errors import InvalidInput
        from tremplin.services.legality import check_offer, check_text
        from tremplin.services.legality.rules import SEVERITY_ORDER
        from tremplin.settings import get_settings

        if (file is None) == (text is None):
            raise InvalidInput("indiquez un fichier d'offres ou --text, pas les deux", field="FILE",
                               hint="tremplin legality check offres.jsonl | tremplin legality check --text \"…\"")
        if fail_on not in ("block", "review", "never"):
            raise InvalidInput(f"--fail-on « {fail_on} » inconnu", field="--fail-on", hint="block, review ou never")
        as_of = _parse_date(on)
        worst = "ok"
        if text is not None:
            report = check_text(text, as_of=as_of).to_dict()
            worst = report["verdict"]
            if fmt == OutputFormat.text:
                emit(report, fmt, _render)
            else:
                emit(_line(report), fmt)
        else:
            if file != "-" and not Path(file).exists():
                raise InvalidInput(f"fichier introuvable : {file}", field="FILE")
            try:
                "".encode(encoding)
            except LookupError:
                raise InvalidInput(f"encodage « {encoding} » inconnu", field="--encoding") from None
            errors: list[str] = []
            count = 0
            verdicts: dict[str, int] = {}
            collected = []
            for _n, offer in _iter_jsonl(file, encoding, get_settings().max_upload_bytes, errors):
                report = check_offer(offer, as_of=as_of).to_dict()
                count += 1
                verdicts[report["verdict"]] = verdicts.get(report["verdict"], 0) + 1
                if SEVERITY_ORDER[report["verdict"]] > SEVERITY_ORDER[worst]:
                    worst = report["verdict"]
                if fmt == OutputFormat.jsonl:
                    sys.stdout.write(dumps(_line(report)) + "\n")
                elif fmt == OutputFormat.json:
                    collected.append(_line(report))
                else:
                    sys.stdout.write(_render(report) + "\n\n")
            if fmt == OutputFormat.json:
                emit(collected, fmt)
            for e in errors:
                sys.stderr.write(f"Erreur : {e}\n")
            summary = ", ".join(f"{SEVERITY_FR[k].lower()} : {v}" for k, v in sorted(verdicts.items()))
            say(f"{count} offre(s) contrôlée(s){' — ' + summary if summary else ''}"
                f"{f' ; {len(errors)} ligne(s) ignorée(s)' if errors else ''}.", quiet)
            if errors and count == 0:
                raise typer.Exit(2)
            if errors:
                raise typer.Exit(2)
        if fail_on != "never" and SEVERITY_ORDER[worst] >= SEVERITY_ORDER[fail_on]:
            raise typer.Exit(1)

    @app.command("rules")
    @handle_errors
    def rules(
        parameters: Annotated[bool, typer.Option("--parameters", help="Afficher les paramètres légaux datés.")] = False,
        law: Annotated[bool, typer.Option("--law", help="Joindre le texte des articles (référentiel droit).")] = False,
        fmt: FormatOption = OutputFormat.text,
        quiet: QuietOption = False,
    ) -> None:
        """Les règles R01–R25 : articles, niveau d'action, exceptions, version."""
        from tremplin.services.legality import params
        from tremplin.services.legality.rules import RULESET_VERSION, catalogue

        data: dict[str, Any] = {"ruleset_version": RULESET_VERSION, "rules": catalogue(with_law=law)}
        if parameters:
            data["parameters"] = params.table()

        def render(d: dict[str, Any]) -> str:
            out = [f"Règles du contrôle de légalité (version {d['ruleset_version']})"]
            for r in d["rules"]:
                out.append(f"{r['id']} [{r['action'].upper()}] {r['title']} — {', '.join(r['articles'])}")
                out.append(f"    {r['summary']}")
                for e in r["exceptions"]:
                    out.append(f"    exception : {e}")
            for p in d.get("parameters", []):
                vals = "; ".join(f"{v['from']} : {v['value']}" for v in p["values"])
                out.append(f"{p['name']} ({p['unit']}) — {vals}")
            return "\n".join(out)

        emit(data, fmt, render)

    @app.command("decide")
    @handle_errors
    def decide_cmd(
        offer_id: Annotated[str, typer.Argument(help="Identifiant de l'offre.")],
        rule: Annotated[str, typer.Option("--rule", help="Règle du constat, ex. R08-SEX.")],
        outcome: Annotated[str, typer.Option("--outcome", help="confirm (confirmer) ou override (écarter).")],
        actor: Annotated[str, typer.Option("--actor", help="Identifiant du conseiller qui décide.")],
        reason: Annotated[str | None, typer.Option("--reason", help="Motif (obligatoire pour écarter).")] = None,
        role: Annotated[str, typer.Option("--role", help="counsellor ou administrator.")] = "counsellor",
        offer_file: Annotated[Path | None, typer.Option("--offer", help="Fichier JSON de l'offre si elle n'a "
                                                                        "pas encore été soumise.")] = None,
        fmt: FormatOption = OutputFormat.text,
        quiet: QuietOption = False,
    ) -> None:
        """Un conseiller confirme ou écarte un constat « à bloquer » ou « à examiner » (journalisé)."""
        from tremplin.errors import InvalidInput
        from tremplin.services.legality.oversight import decide
        from tremplin.store.db import migrate, session_scope

        offer = None
        if offer_file is not None:
            try:
                offer = json.loads(offer_file.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
                raise InvalidInput(f"offre illisible : {exc}", field="--offer") from None
        migrate()
        with session_scope() as session:
            if offer is None:
                offer = _stored_offer(session, offer_id)
            result = decide(session, offer_id, rule, outcome, actor_id=actor, actor_role=role, reason=reason,
                            offer=offer)
        emit(result, fmt, lambda r: f"Constat {r['rule']} de l'offre {r['offer_id']} : {r['status']}"
                                    + (f" (motif : {r['reason']})" if r.get("reason") else ""))

    @app.command("reviews")
    @handle_errors
    def reviews_cmd(
        offer_id: Annotated[str, typer.Argument(help="Identifiant de l'offre.")],
        fmt: FormatOption = OutputFormat.text,
        quiet: QuietOption = False,
    ) -> None:
        """Les constats d'une offre soumis aux conseillers, et leur décision."""
        from tremplin.services.legality.oversight import reviews_for
        from tremplin.store.db import migrate, session_scope

        migrate()
        with session_scope() as session:
            rows = reviews_for(session, offer_id)
        emit(rows, fmt, lambda rs: "\n".join(f"{r['rule']} [{r['severity']}] {r['status']} — « {r['text'][:80]} »"
                                             for r in rs) or "Aucun constat soumis pour cette offre.")

    @app.command("overrides")
    @handle_errors
    def overrides_cmd(fmt: FormatOption = OutputFormat.text, quiet: QuietOption = False) -> None:
        """Taux d'infirmation par règle (constats écartés par les conseillers), avec alertes."""
        from tremplin.services.legality.oversight import override_rates
        from tremplin.store.db import migrate, session_scope

        migrate()
        with session_scope() as session:
            data = override_rates(session)

        def render(d: dict[str, Any]) -> str:
            out = [f"Taux d'infirmation par règle ({d['total']['decided']} décision(s))"]
            for r in d["rules"]:
                rate = "—" if r["override_rate"] is None else f"{r['override_rate']:.1%}"
                out.append(f"{r['rule']:24s} décidés {r['decided']:4d}  écartés {r['overridden']:4d}  "
                           f"en attente {r['pending']:4d}  taux {rate}")
                if r["alert"]:
                    out.append(f"    ALERTE : {r['alert']}")
            if not d["rules"]:
                out.append("Aucun constat soumis.")
            return "\n".join(out)

        emit(data, fmt, render)

    @groups["train"].command("legality-sentences")
    @handle_errors
    def train_sentences(
        offers: Annotated[Path | None, typer.Option("--offers", help="Fichier JSONL des offres réelles dont la "
                                                                     "moitié « tune » donne les exemples négatifs "
                                                                     "(par défaut le miroir : "
                                                                     "offers/offers_dev.jsonl).")] = None,
        output: Annotated[Path | None, typer.Option("--output", help="Fichier de poids à écrire (par défaut "
                                                                     "MODELES/legality/sentence_model.json, celui "
                                                                     "que le contrôle lit).")] = None,
        folds: Annotated[int, typer.Option("--folds", help="Parties de la validation croisée qui choisit le "
                                                           "seuil.", min=2, max=10)] = 5,
        until: Annotated[str | None, typer.Option("--until", help="Dernier jeu de gabarits appris (par exemple "
                                                                  "heldout14), pour mesurer le détecteur sur les "
                                                                  "jeux écrits après lui.")] = None,
        fmt: FormatOption = OutputFormat.text,
        quiet: QuietOption = False,
    ) -> None:
        """Entraîne le détecteur de phrases appris du contrôle de légalité (désactivé par défaut)."""
        from tremplin.services.legality.sentence_training import train_installed

        meta = train_installed(_offers_file(offers), output=output, folds=folds, until=until, log=lambda m: say(m, quiet))

        def render(m: dict[str, Any]) -> str:
            cv = m["cross_validation"]
            return (f"Détecteur de phrases {m['version']} écrit dans {m['path']} ({m['features']} caractéristiques, "
                    f"{m['examples']} exemples, {m['seconds']} s).\n"
                    f"Seuils par catégorie : {_thresholds_text(m['thresholds'])}.\n"
                    f"Validation croisée : précision sur les gabarits {cv['template_precision']}, rappel "
                    f"{cv['template_recall']}, offres réelles signalées {cv['real_offers_flagged_share']:.2%}, "
                    f"précision estimée des ajouts sur un jeu neuf {cv['estimated_added_precision']}.\n"
                    "Il ne sert que si TREMPLIN_LEGALITY_SENTENCE_MODEL=1 ; mesurez-le d'abord : tremplin evaluate "
                    f"legality --sentence-model {m['path']} --templates NOUVEAU_JEU.json")

        emit(meta, fmt, render)

    @groups["evaluate"].command("legality")
    @handle_errors
    def evaluate(
        offers: Annotated[Path | None, typer.Option("--offers", help="Fichier JSONL des offres réelles (par défaut "
                                                                     "le miroir : offers/offers_dev.jsonl).")] = None,
        variants: Annotated[int, typer.Option("--variants", help="Variantes par gabarit.", min=1, max=50)] = 4,
        templates: Annotated[list[Path] | None, typer.Option(
            "--templates", help="Jeu de gabarits supplémentaire (JSON au format de templates_heldout.json, nommé par "
                                "sa clé « set ») : injecté dans la moitié held-out des offres, résultats à part. "
                                "Répétable.")] = None,
        save: Annotated[bool, typer.Option("--save", help="Enregistrer les métriques sur la fiche du service.")]
        = False,
        sentence_model: Annotated[Path | None, typer.Option(
            "--sentence-model", help="Fichier de poids du détecteur de phrases appris (« tremplin train "
                                     "legality-sentences ») : mesure règles + détecteur, comparées aux règles seules."
        )] = None,
        fmt: FormatOption = OutputFormat.text,
        quiet: QuietOption = False,
    ) -> None:
        """Précision et rappel par catégorie (offres réelles étiquetées et variantes), part d'offres bloquées."""
        from tremplin.errors import DataUnavailable, InvalidInput
        from tremplin.services.legality.eval.metrics import evaluate as run

        path = _offers_file(offers)
        from tremplin.services.legality.eval.build import load_template_set

        sets = [load_template_set(Path(t)) for t in templates or ()]
        model = None
        if sentence_model is not None:
            from tremplin.services.legality.sentence_model import load

            try:
                model = load(sentence_model)
            except DataUnavailable as exc:  # a file named on the command line is the caller's input
                raise InvalidInput(exc.message, field="--sentence-model", hint=exc.hint) from None
        say(f"Évaluation sur {path}…", quiet)
        result = run(path, variants_per_template=variants, template_sets=sets, sentence_model=model)
        result["command"] = f"tremplin evaluate legality --offers {path} --variants {variants}" + "".join(
            f" --templates {t}" for t in templates or ()) + (f" --sentence-model {sentence_model}" if model else "")
        if save:
            from tremplin.governance.cards import save_report
            from tremplin.store.db import migrate, session_scope

            migrate()
            metrics = {
                "precision_heldout": result["heldout"]["all"]["precision"],
                "recall_discrimination_fee_pay_heldout": result["heldout"]["all"]["recall_discrimination_fee_pay"],
                "precision_tune": result["tune"]["all"]["precision"],
                "share_real_offers_blocked": result["real_offers"]["share_block"],
                "share_real_offers_reviewed": result["real_offers"]["share_review"],
            }
            for tset in sets:
                metrics[f"precision_{tset.name}"] = result[tset.name]["all"]["precision"]
                metrics[f"recall_discrimination_fee_pay_{tset.name}"] = \
                    result[tset.name]["all"]["recall_discrimination_fee_pay"]
            with session_scope() as session:
                save_report(session, "legality", "metrics", {"metrics": metrics, "source": result["command"]})

        def render(r: dict[str, Any]) -> str:
            out = [f"Contrôle de légalité — règles {r['ruleset_version']}", f"Offres : {r['offers_file']}"]
            names = {"tune": "formulations de réglage (tune)", "heldout": "formulations tenues à l'écart (held-out)"}
            for split in r.get("template_sets", ("tune", "heldout")):
                name = names.get(split) or f"jeu supplémentaire « {split} » ({r[split]['templates_file']})"
                s = r[split]
                a = s["all"]
                out.append(f"\n{name} : {s['variants_count']} variantes (dont {s['negatives_count']} négatives), "
                           f"{s['real_labelled_count']} offres réelles étiquetées")
                if s.get("wordings_shared_with_tune_or_heldout"):
                    out.append(f"  ATTENTION : {len(s['wordings_shared_with_tune_or_heldout'])} gabarit(s) reprennent "
                               "mot pour mot une formulation tune ou held-out")
                out.append(f"  précision {a['precision']}  rappel {a['recall']}  rappel discrimination+frais+SMIC "
                           f"{a['recall_discrimination_fee_pay']}")
                for cat, v in a["per_category"].items():
                    if v["positives"] or v["false_positives"] or v["true_positives"]:
                        out.append(f"    {cat:30s} P={v['precision']}  R={v['recall']}  "
                                   f"(VP {v['true_positives']}, FP {v['false_positives']}, positifs {v['positives']})")
            ro = r["real_offers"]
            out.append(f"\nOffres réelles non modifiées : {ro['count']} — bloquées {ro['share_block']:.2%}, "
                       f"à examiner {ro['share_review']:.2%}")
            if "sentence_model" in r:
                out.append(_render_sentence_model(r["sentence_model"]))
            out.append(f"Cibles : {json.dumps(r['targets'], ensure_ascii=False)}")
            return "\n".join(out)

        shown = dict(result)
        if fmt != OutputFormat.text:
            for split in ("tune", "heldout"):
                for part in ("all", "variants", "real_labelled"):
                    shown[split][part] = {k: v for k, v in shown[split][part].items() if k != "errors"}
            for tset in sets:  # a one-shot set keeps its list of errors (« all » and « variants » are the same)
                shown[tset.name] = {k: v for k, v in shown[tset.name].items() if k != "variants"}
        emit(shown, fmt, render)


def _offers_file(offers: Path | None) -> Path:
    """The real offers file given, or the mirror's."""
    from tremplin.errors import DataUnavailable
    from tremplin.settings import get_settings

    if offers is not None:
        return offers
    mirror = get_settings().data_mirror
    if mirror is None:
        raise DataUnavailable("aucun fichier d'offres : indiquez --offers ou TREMPLIN_DATA_MIRROR", field="--offers")
    return Path(mirror) / "offers" / "offers_dev.jsonl"


def _thresholds_text(thresholds: dict[str, float | None]) -> str:
    """« age 0,79, sex 0,91 ; désactivées : fee » — the thresholds of a sentence detector, as the commands show them."""
    on = ", ".join(f"{c} {t:.2f}".replace(".", ",") for c, t in thresholds.items() if t is not None)
    off = ", ".join(c for c, t in thresholds.items() if t is None)
    return f"{on or 'aucune catégorie'}" + (f" ; désactivées : {off}" if off else "")


def _render_sentence_model(sm: dict[str, Any]) -> str:
    """Rules alone vs rules + learned detector, as ``tremplin evaluate legality --sentence-model`` shows it."""
    out = [f"\nDétecteur de phrases appris {sm['model_version']} (seuils : {_thresholds_text(sm['thresholds'])}) : "
           "règles seules → règles + détecteur"]
    rows = list(sm["per_set"].items()) + ([("jeux supplémentaires réunis", sm["pooled_extra_sets"])]
                                          if "pooled_extra_sets" in sm else [])
    for name, s in rows:
        r, m = s["rules"], s["rules_plus_model"]
        out.append(f"  {name} : rappel discrimination+frais+SMIC {r['recall_discrimination_fee_pay']} → "
                   f"{m['recall_discrimination_fee_pay']} ({s['recall_discrimination_fee_pay_gain_points']:+} "
                   f"points), précision {r['precision']} → {m['precision']}, {s['added_categories']} catégorie(s) "
                   "ajoutée(s)")
    for split, label in (("heldout", "moitié held-out"), ("tune", "moitié tune (phrases apprises)")):
        r = sm["real_offers"]["rules"]["by_split"].get(split)
        m = sm["real_offers"]["rules_plus_model"]["by_split"].get(split)
        if r and m:
            out.append(f"  offres réelles, {label} : bloquées {r['share_block']:.2%} → {m['share_block']:.2%}, "
                       f"à examiner {r['share_review']:.2%} → {m['share_review']:.2%}")
    return "\n".join(out)


def _stored_offer(session, offer_id: str) -> dict[str, Any] | None:
    """The offer as imported (table ``offers``), when it is there."""
    try:
        from tremplin.store.tables.core import OfferRow
    except ImportError:  # pragma: no cover - core table always present
        return None
    row = session.get(OfferRow, offer_id)
    return dict(row.payload) if row is not None else None
