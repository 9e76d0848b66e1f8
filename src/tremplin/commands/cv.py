"""CLI verbs of CV analysis: ``tremplin cv parse|generate`` and ``tremplin evaluate cv``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from tremplin.commands._common import FormatOption, OutputFormat, QuietOption, emit, handle_errors, say

FileArg = Annotated[Path, typer.Argument(help="Le CV : PDF (avec texte), DOCX, ODT, RTF ou TXT.")]


def _render(profile) -> str:
    """A French reading of the profile for the terminal."""
    lines = [f"Profil proposé (à vérifier) — CV {profile.format.upper()}, {profile.pages} page(s)"]
    ident, contact = profile.identity, profile.contact
    if ident.full_name:
        lines.append(f"Identité (tenue à part) : {ident.full_name.value}")
    bits = [e.value for e in contact.emails] + [p.value for p in contact.phones]
    if contact.postcode or contact.city:
        bits.append(" ".join(x.value for x in (contact.postcode, contact.city) if x))
    if bits:
        lines.append("Coordonnées (tenues à part) : " + " · ".join(bits))

    def rome(coding) -> str:
        if coding is None:
            return ""
        if coding.status == "coded" and coding.candidates:
            c = coding.candidates[0]
            return f"  [ROME {c.code} {c.label} — confiance {c.confidence:.2f}]"
        return f"  [ROME : {coding.message or 'non déterminé'}]"

    if profile.target_job:
        lines.append(f"Poste visé : {profile.target_job.value}{rome(profile.target_rome)}")
    if profile.experiences:
        lines.append("Expériences :")
        for exp in profile.experiences:
            d = exp.dates
            when = ""
            if d is not None:
                when = f"{d.start or '?'} → {'aujourd’hui' if d.current else (d.end or '?')} : "
            where = ", ".join(x.value for x in (exp.employer, exp.place) if x)
            title = exp.title.value if exp.title else "(intitulé non trouvé)"
            lines.append(f"  - {when}{title}{' — ' + where if where else ''}{rome(exp.rome)}")
            for mission in exp.missions[:6]:
                lines.append(f"      · {mission.value}")
    if profile.education:
        lines.append("Formation :")
        for ed in profile.education:
            level = f" (niveau {ed.level})" if ed.level else ""
            year = f"{ed.year} : " if ed.year else ""
            school = f" — {ed.school.value}" if ed.school else ""
            lines.append(f"  - {year}{ed.diploma.value if ed.diploma else '?'}{school}{level}")
    if profile.education_level:
        lines.append(f"Niveau de formation le plus élevé (nomenclature 2019) : {profile.education_level}")
    if profile.skills:
        shown = []
        for s in profile.skills:
            shown.append(f"{s.value} → {s.rome.label}" if s.rome else s.value)
        lines.append("Compétences : " + " ; ".join(shown))
    if profile.soft_skills:
        lines.append("Savoir-être (tels qu'écrits) : " + ", ".join(s.value for s in profile.soft_skills))
    if profile.languages:
        lines.append("Langues : " + ", ".join(
            f"{lang.language}" + (f" ({lang.cefr or lang.level_text})" if lang.cefr or lang.level_text else "")
            for lang in profile.languages))
    extra = []
    if profile.licences:
        extra.append("permis " + (", ".join(profile.licences.categories) or "non") +
                     (" (en cours)" if profile.licences.pending else ""))
    if profile.vehicle:
        extra.append("véhicule : " + ("oui" if profile.vehicle.has_vehicle else "non"))
    if profile.mobility:
        extra.append("mobilité : " + profile.mobility.text)
    if extra:
        lines.append("Permis et mobilité : " + " ; ".join(extra))
    if profile.interests:
        lines.append("Centres d'intérêt : " + ", ".join(i.value for i in profile.interests))
    for flag in profile.flags:
        lines.append(f"Signalement : {flag.message}")
    for warning in profile.warnings:
        lines.append(f"Avertissement : {warning}")
    return "\n".join(lines)


def register(root: typer.Typer, groups: dict[str, typer.Typer]) -> None:
    cv = typer.Typer(help="Analyse de CV : un CV devient un profil structuré, codé dans le ROME, à vérifier.",
                     no_args_is_help=True)
    root.add_typer(cv, name="cv")

    @cv.command("parse")
    @handle_errors
    def parse(
        file: FileArg,
        fmt: FormatOption = OutputFormat.text,
        json_resume: Annotated[bool, typer.Option("--json-resume", help="Sortie au format JSON Resume (extensions ROME).")] = False,
        no_rome: Annotated[bool, typer.Option("--no-rome", help="Ne pas coder les métiers dans le ROME.")] = False,
        with_text: Annotated[bool, typer.Option("--with-text", help="Inclure le texte lu (JSON).")] = False,
        quiet: QuietOption = False,
    ) -> None:
        """Lire un CV et afficher le profil proposé (rien n'est enregistré)."""
        from tremplin.errors import InvalidInput, PayloadTooLarge
        from tremplin.services.cv_analysis import parse_cv, to_json_resume
        from tremplin.settings import get_settings

        if not file.is_file():
            raise InvalidInput(f"fichier introuvable : {file}", field="FILE")
        limit = get_settings().max_upload_bytes
        size = file.stat().st_size
        if size > limit:
            raise PayloadTooLarge(f"le fichier fait {size} octets, au-delà de la limite de {limit} octets",
                                  field="FILE", hint="TREMPLIN_MAX_UPLOAD_BYTES règle la limite")
        profile = parse_cv(file.read_bytes(), file.name, code_occupations=not no_rome)
        if fmt != OutputFormat.text or json_resume:
            for warning in profile.warnings:
                say(f"Avertissement : {warning}", quiet)
        if json_resume:
            emit(to_json_resume(profile), OutputFormat.json if fmt == OutputFormat.text else fmt)
            return
        if fmt == OutputFormat.text:
            emit(profile, fmt, _render)
        else:
            emit(profile.model_dump(mode="json", exclude=None if with_text else {"text"}), fmt)

    @cv.command("generate")
    @handle_errors
    def generate(
        out: Annotated[Path, typer.Option("--out", help="Dossier où écrire les CV et leur vérité.")],
        n: Annotated[int, typer.Option("--n", min=1, max=100_000, help="Nombre de CV.")] = 20,
        seed: Annotated[int, typer.Option("--seed", help="Graine (mêmes graine et nombre → mêmes documents).")] = 7,
        formats: Annotated[str, typer.Option("--formats", help="Formats séparés par des virgules.")] = "pdf,docx,odt,rtf,txt",
        fmt: FormatOption = OutputFormat.text,
        quiet: QuietOption = False,
    ) -> None:
        """Écrire des CV fictifs générés (clairement marqués comme tels) avec leur vérité terrain."""
        from tremplin.errors import InvalidInput
        from tremplin.simulate.cvs import FORMATS, random_profiles, write_cvs

        chosen = tuple(f.strip().lower() for f in formats.split(",") if f.strip())
        bad = [f for f in chosen if f not in FORMATS]
        if bad or not chosen:
            raise InvalidInput(f"format(s) inconnu(s) : {', '.join(bad) or '(aucun)'}", field="--formats",
                               hint=f"formats possibles : {', '.join(FORMATS)}")
        written = write_cvs(random_profiles(n, seed), out, seed, formats=chosen)
        say(f"{len(written)} CV fictifs écrits dans {out} (documents générés, personnes inexistantes)", quiet)
        emit({"written": len(written), "out": str(out), "files": [p.name for p, _ in written]}, fmt,
             lambda d: f"{d['written']} CV générés dans {d['out']}")

    @groups["evaluate"].command("cv")
    @handle_errors
    def evaluate(
        n: Annotated[int, typer.Option("--n", min=1, max=100_000, help="Nombre de CV générés.")] = 200,
        seed: Annotated[int, typer.Option("--seed")] = 7,
        hand_dir: Annotated[Path | None, typer.Option("--hand-dir", help="Dossier des CV écrits à la main "
                                                       "(fichier + .truth.json).")] = None,
        keep: Annotated[Path | None, typer.Option("--keep", help="Garder les CV générés dans ce dossier.")] = None,
        no_rome: Annotated[bool, typer.Option("--no-rome", help="Sans codage ROME (plus rapide).")] = False,
        report: Annotated[Path | None, typer.Option("--report", help="Écrire le rapport JSON dans ce fichier.")] = None,
        save: Annotated[bool, typer.Option("--save", help="Enregistrer les chiffres dans la fiche du service "
                                           "(registre des algorithmes).")] = False,
        fmt: FormatOption = OutputFormat.text,
        quiet: QuietOption = False,
    ) -> None:
        """Précision, rappel et F1 par champ sur des CV générés (tous formats et mises en page) et écrits à la main."""
        import json
        import platform
        import sys
        import tempfile

        from tremplin.commands._common import progress
        from tremplin.governance.contract import ensure_enabled
        from tremplin.services.cv_analysis.evaluation import evaluate_files, truth_pairs
        from tremplin.simulate.cvs import random_profiles, write_cvs

        mode = ensure_enabled("cv_analysis")
        default_hand = Path(__file__).resolve().parents[3] / "tests" / "data" / "cv"
        hand = hand_dir or (default_hand if default_hand.is_dir() else None)
        with tempfile.TemporaryDirectory(prefix="tremplin-cv-") as tmp:
            target = keep or Path(tmp)
            say(f"Génération de {n} CV fictifs (graine {seed}) dans {target}…", quiet)
            written = write_cvs(random_profiles(n, seed), target, seed)
            say("Analyse des CV générés…", quiet)
            generated = evaluate_files(written, mode=mode, code_occupations=not no_rome,
                                       progress=lambda it: progress(it, total=len(written), label="CV", quiet=quiet))
            result = {
                "command": "tremplin " + " ".join(sys.argv[1:]) if sys.argv and "tremplin" in sys.argv[0] else
                f"tremplin evaluate cv --n {n} --seed {seed}",
                "machine": {"python": platform.python_version(), "platform": platform.platform(),
                            "processor": platform.processor() or platform.machine()},
                "generated": {"notice": "CV générés par tremplin.simulate.cvs : personnes fictives, documents "
                                        "produits par programme (pas des CV réels)", "n": n, "seed": seed,
                              **generated.summary()},
            }
        if hand is not None:
            for key, folder in (("handwritten", hand), ("handwritten_held_out", hand / "held_out")):
                pairs = truth_pairs(folder) if folder.is_dir() else []
                if pairs:
                    say(f"Analyse des {len(pairs)} CV écrits à la main ({folder})…", quiet)
                    scored = evaluate_files(pairs, mode=mode, code_occupations=not no_rome)
                    result[key] = {"directory": str(folder), "n": len(pairs), **scored.summary()}
        if save:
            from tremplin.governance.cards import save_report
            from tremplin.store.db import migrate, session_scope

            migrate()
            fields = result["generated"]["fields"]
            metrics = {f"f1_{name.replace('.', '_').replace('+', '_')}_generes": fields[name]["exact"]["f1"]
                       for name in ("contact.name", "contact.email", "contact.phone", "experience.title+dates",
                                    "education.diploma+year", "languages.language") if fields[name]["exact"]["f1"]}
            for key in ("handwritten", "handwritten_held_out"):
                if key in result:
                    f1 = result[key]["fields"]["experience.title+dates"]["exact"]["f1"]
                    if f1 is not None:
                        metrics[f"f1_experience_title_dates_{'manuscrits' if key == 'handwritten' else 'controle'}"] = f1
            rome = result["generated"]["rome"]["top1_accuracy_when_coded"]
            if rome is not None:
                metrics["rome_top1_experiences_generes"] = rome
            with session_scope() as session:
                save_report(session, "cv_analysis", "metrics", {"metrics": metrics, "source": result["command"]})
            say("Chiffres enregistrés dans la fiche du service.", quiet)
        if report is not None:
            report.parent.mkdir(parents=True, exist_ok=True)
            report.write_text(json.dumps(result, ensure_ascii=False, indent=2), encoding="utf-8")
            say(f"Rapport écrit dans {report}", quiet)
        emit(result, fmt, _render_report)


def _render_report(result: dict) -> str:
    out = []
    for key, title in (("generated", "CV générés (documents fictifs)"), ("handwritten", "CV écrits à la main"),
                       ("handwritten_held_out", "CV écrits à la main, tenus à l'écart du réglage")):
        part = result.get(key)
        if not part:
            continue
        out.append(f"== {title} : {part['documents']} documents, {part['failures']} en échec, {part['seconds']} s")
        out.append(f"{'champ':28s} {'P exact':>8s} {'R exact':>8s} {'F1 exact':>9s} {'F1 partiel':>11s} {'effectif':>9s}")
        for name, scores in part["fields"].items():
            e, p = scores["exact"], scores["partial"]

            def f(x):
                return "—" if x is None else f"{x:.3f}"

            out.append(f"{name:28s} {f(e['precision']):>8s} {f(e['recall']):>8s} {f(e['f1']):>9s} "
                       f"{f(p['f1']):>11s} {e['support']:>9d}")
        rome = part["rome"]
        out.append(f"ROME top-1 des expériences : {rome['top1_accuracy_when_coded']} quand codé "
                   f"({rome['coded']}/{rome['matched_experiences']} codées), {rome['top1_accuracy_all']} sur toutes ; "
                   f"fiche parente quand codé : {rome['top1_parent_fiche_when_coded']}")
        if key == "generated":
            for name, t in part["targets"].items():
                out.append(f"  objectif F1 ≥ {t['target']} pour {name} : {t['f1']} — {'atteint' if t['met'] else 'NON atteint'}")
    return "\n".join(out)
