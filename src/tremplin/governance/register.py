"""Public algorithm register, model cards and AI Act Annex IV skeletons, generated from the cards.

Register fields are the union proposed in the governance reference (§ 3.4): CRPA L312-1-3,
Etalab inventory, the Dutch *Algoritmeregister* publication standard and AI Act Annex VIII
section C. Figures (decisions per year, override rate, per-group metrics, footprint, FRIA
summary) come from the journal and the stored reports, never typed by hand.

Deployer-level fields (organisation, contact, public URL) come from ``TREMPLIN_HOME/register.yaml``
when it exists (keys: organisation, department, contact, register_url, dpo_contact).
"""

from __future__ import annotations

import json
import warnings
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from tremplin.governance import cards as cards_mod
from tremplin.governance.contract import ServiceCard
from tremplin.governance.explain import CONTEST, mention_explicite

DEPLOYER_DEFAULTS = {
    "organisation": "Organisme déployeur (à renseigner dans register.yaml)",
    "department": "",
    "contact": "",
    "register_url": "",
    "dpo_contact": "",
}
CATEGORY = {"high": "Système d'IA à haut risque (A)", "limited": "Algorithme à impact (B)",
            "minimal": "Autre algorithme (C)", "not_ai": "Autre algorithme (C)"}
STATUS_NL = {"en service": "In gebruik", "en développement": "In ontwikkeling", "retiré": "Buiten gebruik"}


def deployer_config() -> dict[str, str]:
    from tremplin.settings import get_settings

    path = get_settings().home / "register.yaml"
    config = dict(DEPLOYER_DEFAULTS)
    if path.exists():
        import yaml

        loaded = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        config.update({k: str(v) for k, v in loaded.items() if k in DEPLOYER_DEFAULTS and v is not None})
    return config


def _usage(session: Session | None, service: str) -> dict[str, Any]:
    """Decisions in the last 365 days and the override rate, from the journal."""
    if session is None:
        return {"decisions_per_year": None, "override_rate": None}
    from tremplin.governance import journal, oversight

    since = journal.now_iso(datetime.now(UTC) - timedelta(days=365))
    rates = oversight.override_rates(session, service=service, since=since)
    overall = next((s for s in rates["services"] if s["service"] == service), None)
    return {
        "decisions_per_year": overall["decisions"] if overall else 0,
        "override_rate": overall["override_rate"] if overall else None,
    }


def register_entry(card: ServiceCard, session: Session | None = None, deployer: dict[str, str] | None = None) -> dict[str, Any]:
    """One register entry (a flat, documented dict; see docs/governance.md for each field)."""
    deployer = deployer or deployer_config()
    card = cards_mod.effective_card(session, card)
    usage = _usage(session, card.name)
    assessment = cards_mod.latest_report(session, card.name, "assessment") if session is not None else None
    fria = None
    if assessment:
        payload = assessment["payload"]
        fria = {"version": assessment["version"], "score": payload.get("score"),
                "summary": payload.get("fria_summary"), "open_actions": len(payload.get("open_actions", []))}
    footprint = card.footprint.model_dump() if card.footprint else None
    return {
        "id": card.name,
        "name": card.title,
        "short_description": card.short_description or card.purpose[:350],
        "organisation": deployer["organisation"],
        "department": deployer["department"] or card.owner,
        "owner": card.owner,
        "contact": card.contact or deployer["contact"],
        "status": card.status,
        "status_nl": STATUS_NL[card.status],
        "start_date": card.start_date.isoformat() if card.start_date else None,
        "version": card.version,
        "publication_category": CATEGORY[card.risk_class],
        "risk_class": card.risk_class,
        "annex_iii_point": card.ai_act.annex_iii_point,
        "high_risk": card.ai_act.high_risk,
        "profiling": card.ai_act.profiling,
        "art_6_3_assessment": card.ai_act.art_6_3_assessment,
        "classification_reasoning": card.ai_act.reasoning,
        "purpose": card.purpose,
        "affected_public": card.persons_concerned,
        "intended_users": card.intended_users,
        "decisions_per_year": usage["decisions_per_year"],
        "automation_level": card.automation_level,
        "human_intervention": card.decision_support,
        "human_oversight_measures": card.human_oversight,
        "override_rate": usage["override_rate"],
        "legal_basis": card.legal_basis,
        "data": [
            {"name": d.name, "source": d.source, "description": d.description, "used_for": d.used_for,
             "personal_data": "pseudonymisées" if d.personal_data else "aucune",
             "special_category": d.special_category}
            for d in card.data
        ],
        "algorithm_type": card.model.type,
        "model_version": card.model.version,
        "optimises_for": card.model.optimises_for,
        "operations": card.operations,
        "parameters": [p.model_dump() for p in card.parameters],
        "rules": [
            {"id": r.id, "title": r.title, "source": r.cite(), "action": r.action, "version": r.version,
             "parameters": r.parameters, "exceptions": [e.description for e in r.exceptions]}
            for r in card.rules
        ],
        "performance": card.metrics,
        "performance_source": card.metrics_source,
        "group_metrics": [g.model_dump() for g in card.group_metrics],
        "discrimination_safeguards": card.discrimination_safeguards,
        "risks": [r.model_dump() for r in card.risks],
        "known_limits": card.known_limits,
        "impact_assessments": [i.model_dump() for i in card.impact_assessments],
        "fria": fria,
        "supplier": card.supplier,
        "source_code_url": card.source_code_url,
        "environmental_footprint": footprint,
        "appeal_routes": CONTEST,
        "crpa_mention": mention_explicite(card, contact=card.contact or deployer["contact"] or None,
                                         register_url=deployer["register_url"] or None),
        "eu_database_url": card.eu_database_url,
        "last_review_date": card.review_date.isoformat(),
        "generated_at": datetime.now(UTC).isoformat(timespec="seconds"),
    }


def build_register(session: Session | None = None, names: list[str] | None = None) -> dict[str, Any]:
    """The whole register as JSON-able data; services without a card are listed as skipped."""
    deployer = deployer_config()
    skipped = []
    entries = []
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        loaded = cards_mod.load_cards(names)
    for w in caught:
        skipped.append(str(w.message))
    for card in loaded.values():
        entries.append(register_entry(card, session, deployer))
    from tremplin import __version__

    return {
        "schema": "tremplin-register/1",
        "organisation": deployer["organisation"],
        "generated_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "tremplin_version": __version__,
        "entries": entries,
        "skipped": skipped,
    }


# --------------------------------------------------------------------------- rendering


def _jinja(html: bool = True):
    """HTML: everything escaped. Markdown: plain text (escaping would print &#39; for every apostrophe)."""
    from jinja2 import Environment, select_autoescape

    if html:
        env = Environment(autoescape=select_autoescape(default=True, default_for_string=True), trim_blocks=True,
                          lstrip_blocks=True)
    else:
        env = Environment(autoescape=False, trim_blocks=False, lstrip_blocks=True)
    env.filters["pct"] = lambda v: "—" if v is None else f"{v:.1%}".replace(".", ",")
    env.filters["num"] = lambda v: "—" if v is None else (f"{v:.3g}".replace(".", ",") if isinstance(v, float) else str(v))
    env.filters["yesno"] = lambda v: "oui" if v else "non"
    return env


REGISTER_HTML = """<!doctype html>
<html lang="fr">
<head><meta charset="utf-8"><title>Registre des algorithmes publics — {{ reg.organisation }}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.5}
section{border-top:2px solid #000091;margin-top:2rem}dt{font-weight:600}dd{margin:0 0 .6rem 0}
table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2rem .5rem;text-align:left}</style></head>
<body>
<h1>Registre des algorithmes publics</h1>
<p>{{ reg.organisation }} publie ici les règles et les principales caractéristiques des traitements
algorithmiques qui fondent des décisions individuelles (article L312-1-3 du code des relations entre le public
et l'administration). Document généré le {{ reg.generated_at }} à partir des fiches des services (Tremplin {{ reg.tremplin_version }}).</p>
<p>Version lisible par machine : <a href="register.json">register.json</a>.</p>
<ul>{% for e in reg.entries %}<li><a href="#{{ e.id }}">{{ e.name }}</a> — {{ e.publication_category }}</li>{% endfor %}</ul>
{% for e in reg.entries %}
<section id="{{ e.id }}">
<h2>{{ e.name }}</h2>
<p>{{ e.short_description }}</p>
<dl>
<dt>Statut</dt><dd>{{ e.status }}{% if e.start_date %} depuis {{ e.start_date }}{% endif %} — version {{ e.version }}</dd>
<dt>Responsable</dt><dd>{{ e.organisation }} — {{ e.department }}{% if e.contact %} — contact : {{ e.contact }}{% endif %}</dd>
<dt>Finalité</dt><dd>{{ e.purpose }}</dd>
<dt>Bases légales</dt><dd>{{ e.legal_basis | join(" ; ") }}</dd>
<dt>Personnes concernées</dt><dd>{{ e.affected_public | join(", ") or "—" }} (utilisateurs : {{ e.intended_users | join(", ") }})</dd>
<dt>Décisions par an</dt><dd>{{ e.decisions_per_year | num }}</dd>
<dt>Niveau d'automatisation</dt><dd>{{ e.automation_level }} — {{ e.human_intervention }}</dd>
<dt>Contrôle humain</dt><dd><ul>{% for m in e.human_oversight_measures %}<li>{{ m }}</li>{% endfor %}</ul>
Taux de décisions s'écartant de la proposition (12 derniers mois) : {{ e.override_rate | pct }}</dd>
<dt>Règlement européen sur l'IA</dt><dd>{{ e.publication_category }} ; annexe III : {{ e.annex_iii_point or "non" }} ;
profilage : {{ e.profiling | yesno }}. {{ e.classification_reasoning }} Article 6(3) : {{ e.art_6_3_assessment }}</dd>
<dt>Données traitées et sources</dt><dd><ul>{% for d in e.data %}<li>{{ d.name }} — {{ d.source }} ({{ d.used_for }} ; données personnelles : {{ d.personal_data }})</li>{% endfor %}</ul></dd>
<dt>Type d'algorithme</dt><dd>{{ e.algorithm_type }} (version {{ e.model_version }}){% if e.optimises_for %} — optimise : {{ e.optimises_for }}{% endif %}</dd>
<dt>Opérations effectuées</dt><dd><ol>{% for o in e.operations %}<li>{{ o }}</li>{% endfor %}</ol></dd>
{% if e.parameters %}<dt>Paramètres et pondérations</dt><dd><ul>{% for p in e.parameters %}<li>{{ p.name }}{% if p.weight %} : {{ p.weight }}{% endif %}{% if p.description %} — {{ p.description }}{% endif %}</li>{% endfor %}</ul></dd>{% endif %}
{% if e.rules %}<dt>Règles</dt><dd><table><tr><th>Règle</th><th>Intitulé</th><th>Source</th><th>Action</th></tr>
{% for r in e.rules %}<tr><td>{{ r.id }} (v{{ r.version }})</td><td>{{ r.title }}</td><td>{{ r.source }}</td><td>{{ r.action }}</td></tr>{% endfor %}</table></dd>{% endif %}
<dt>Performance</dt><dd>{% if e.performance %}<ul>{% for k, v in e.performance.items() %}<li>{{ k }} : {{ v | num }}</li>{% endfor %}</ul>{{ e.performance_source }}{% else %}non mesurée{% endif %}</dd>
<dt>Prévention des discriminations</dt><dd><ul>{% for s in e.discrimination_safeguards %}<li>{{ s }}</li>{% endfor %}</ul>
{% if e.group_metrics %}<table><tr><th>Attribut</th><th>Groupe</th><th>Mesure</th><th>Valeur</th><th>IC 95 %</th><th>Effectif</th></tr>
{% for g in e.group_metrics %}<tr><td>{{ g.attribute }}</td><td>{{ g.group }}</td><td>{{ g.metric }}</td><td>{{ g.value | num }}</td><td>{{ g.ci_low | num }} – {{ g.ci_high | num }}</td><td>{{ g.n | num }}</td></tr>{% endfor %}</table>{% else %}Audit par groupe : non encore réalisé.{% endif %}</dd>
<dt>Risques et mesures</dt><dd><ul>{% for r in e.risks %}<li>{{ r.description }}{% if r.mitigation %} — mesure : {{ r.mitigation }}{% endif %}</li>{% endfor %}{% for l in e.known_limits %}<li>Limite connue : {{ l }}</li>{% endfor %}</ul></dd>
<dt>Analyses d'impact</dt><dd><ul>{% for i in e.impact_assessments %}<li>{{ i.kind }} : {{ i.status }}{% if i.url %} (<a href="{{ i.url }}">lien</a>){% endif %}{% if i.reason_if_missing %} — {{ i.reason_if_missing }}{% endif %}</li>{% endfor %}
{% if e.fria %}<li>Auto-évaluation éthique et droits fondamentaux v{{ e.fria.version }} : score {{ e.fria.score | pct }}, {{ e.fria.open_actions }} action(s) ouverte(s). {{ e.fria.summary or "" }}</li>{% endif %}</ul></dd>
<dt>Empreinte environnementale</dt><dd>{% if e.environmental_footprint %}entraînement : {{ e.environmental_footprint.training_kgco2e | num }} kg CO₂e ; 1 000 prédictions : {{ e.environmental_footprint.per_1000_predictions_kgco2e | num }} kg CO₂e ({{ e.environmental_footprint.method }}){% else %}non mesurée{% endif %}</dd>
<dt>Fournisseur et code source</dt><dd>{{ e.supplier }} — <a href="{{ e.source_code_url }}">{{ e.source_code_url }}</a></dd>
<dt>Recours</dt><dd><ul>{% for a in e.appeal_routes %}<li>{{ a }}</li>{% endfor %}</ul></dd>
<dt>Mention explicite</dt><dd>{{ e.crpa_mention }}</dd>
<dt>Base de données de l'UE</dt><dd>{{ e.eu_database_url or "enregistrement à effectuer" }}</dd>
<dt>Dernière revue</dt><dd>{{ e.last_review_date }}</dd>
</dl>
</section>
{% endfor %}
</body></html>
"""

MODEL_CARD_MD = """# Fiche modèle — {{ e.name }}

*Générée le {{ e.generated_at }} à partir de `tremplin.services.{{ e.id }}.card` et des rapports enregistrés.*

## Détails du modèle
- Service : `{{ e.id }}`, version {{ e.version }}
- Type : {{ e.algorithm_type }} (version {{ e.model_version }})
- Ce que le système optimise : {{ e.optimises_for or "non précisé" }}
- Responsable : {{ e.owner }}{% if e.contact %} ({{ e.contact }}){% endif %}
- Fournisseur : {{ e.supplier }} ; code source : {{ e.source_code_url }}
- Classification (règlement IA) : {{ e.publication_category }} ; annexe III {{ e.annex_iii_point or "—" }} ; profilage : {{ e.profiling | yesno }}

## Usage prévu
{{ e.purpose }}

- Utilisateurs : {{ e.intended_users | join(", ") }}
- Personnes concernées : {{ e.affected_public | join(", ") or "—" }}
- Niveau d'automatisation : {{ e.automation_level }}
{% if out_of_scope %}
Usages exclus :
{% for u in out_of_scope %}- {{ u }}
{% endfor %}{% endif %}

## Facteurs
Groupes examinés lors des audits d'équité : sexe, tranche d'âge, reconnaissance de handicap (RQTH), groupe de
nationalité, résidence en quartier prioritaire (QPV), et leurs croisements. Ces attributs ne sont jamais des entrées
du modèle ; ils sont conservés à part, dans un coffre dont chaque lecture est journalisée.

## Mesures
{% for k, v in e.performance.items() %}- {{ k }} : {{ v | num }}
{% else %}- non mesurées
{% endfor %}
{% if e.performance_source %}Source : {{ e.performance_source }}{% endif %}

## Données d'entraînement et d'évaluation
{% for d in e.data %}- {{ d.name }} ({{ d.used_for }}) — {{ d.source }}{% if d.description %} : {{ d.description }}{% endif %}
{% endfor %}

## Analyses quantitatives (par groupe et croisements)
{% if e.group_metrics %}| Attribut | Groupe | Mesure | Valeur | IC 95 % | Effectif |
|---|---|---|---|---|---|
{% for g in e.group_metrics %}| {{ g.attribute }} | {{ g.group }} | {{ g.metric }} | {{ g.value | num }} | {{ g.ci_low | num }} – {{ g.ci_high | num }} | {{ g.n | num }} |
{% endfor %}{% else %}Aucun audit enregistré (`tremplin audit {{ e.id }}`).
{% endif %}

## Considérations éthiques
{% for s in e.discrimination_safeguards %}- {{ s }}
{% endfor %}{% for r in e.risks %}- Risque : {{ r.description }}{% if r.mitigation %} — mesure : {{ r.mitigation }}{% endif %}
{% endfor %}

## Mises en garde et recommandations
{% for l in e.known_limits %}- {{ l }}
{% endfor %}
Contrôle humain :
{% for m in e.human_oversight_measures %}- {{ m }}
{% endfor %}

## Empreinte environnementale
{% if e.environmental_footprint %}- Entraînement : {{ e.environmental_footprint.training_kwh | num }} kWh, {{ e.environmental_footprint.training_kgco2e | num }} kg CO₂e
- Pour 1 000 prédictions : {{ e.environmental_footprint.per_1000_predictions_kwh | num }} kWh, {{ e.environmental_footprint.per_1000_predictions_kgco2e | num }} kg CO₂e
- Méthode : {{ e.environmental_footprint.method }}{% else %}Non mesurée.{% endif %}
"""

ANNEX_IV_MD = """# Documentation technique (règlement (UE) 2024/1689, annexe IV) — {{ e.name }}

*Squelette généré le {{ e.generated_at }} avec ce que Tremplin sait du système ; les sections marquées
« À COMPLÉTER » doivent être rédigées, datées et signées par le fournisseur.*

## 1. Description générale du système d'IA
a) Destination : {{ e.purpose }} — Fournisseur : {{ e.supplier }} — Version : {{ e.version }} (modèle {{ e.model_version }}).
b) Interaction avec d'autres systèmes : API REST Tremplin (`/v1`), console web, journal commun. À COMPLÉTER (intégrations du déployeur).
c) Versions des logiciels : Tremplin {{ tremplin_version }} ; exigences de mise à jour : À COMPLÉTER.
d) Formes de mise sur le marché : logiciel libre installé par le déployeur (paquet Python, API, console).
e) Matériel : processeur standard, sans GPU.
f) Interface de l'utilisateur : console web (propositions, décisions, motifs) et API.
g) Notice d'utilisation : voir la fiche modèle et docs/governance.md.

Classification : {{ e.publication_category }} ; annexe III point {{ e.annex_iii_point or "—" }} ; profilage : {{ e.profiling | yesno }}.
Raisonnement : {{ e.classification_reasoning }}
Évaluation article 6(3) : {{ e.art_6_3_assessment }}

## 2. Éléments du système et processus de développement
a) Méthodes et étapes : modèle → règles métier versionnées → proposition → décision humaine.
b) Logique générale, choix de conception, ce que le système optimise : {{ e.algorithm_type }} ; {{ e.optimises_for or "À COMPLÉTER" }}.
   Opérations : {% for o in e.operations %}({{ loop.index }}) {{ o }} {% endfor %}

   Paramètres : {% for p in e.parameters %}{{ p.name }}{% if p.weight %} ({{ p.weight }}){% endif %}; {% else %}À COMPLÉTER{% endfor %}

   Règles : {% for r in e.rules %}{{ r.id }} « {{ r.title }} » ({{ r.source }}) ; {% else %}aucune règle déclarée{% endfor %}

c) Architecture : voir docs/architecture ; ressources de calcul : voir section empreinte.
d) Données (fiches de données) :
{% for d in e.data %}   - {{ d.name }} — {{ d.source }} — usage : {{ d.used_for }} — données personnelles : {{ d.personal_data }}{% if d.special_category %} — catégorie particulière (coffre d'audit){% endif %}
{% endfor %}
e) Mesures de contrôle humain (art. 14) :
{% for m in e.human_oversight_measures %}   - {{ m }}
{% endfor %}   - Interrupteur par service (actif / règles seules / désactivé), effet immédiat, journalisé.
   - Suivi des taux de dérogation (taux actuel : {{ e.override_rate | pct }}).
f) Changements prédéterminés : À COMPLÉTER.
g) Validation et tests : mesures {% for k, v in e.performance.items() %}{{ k }} = {{ v | num }} ; {% else %}À COMPLÉTER{% endfor %} {{ e.performance_source }}
   Impacts potentiellement discriminatoires : {% if e.group_metrics %}{{ e.group_metrics | length }} mesures par groupe enregistrées (voir fiche modèle).{% else %}audit à réaliser (`tremplin audit {{ e.id }}`).{% endif %}

   Journaux de tests datés et signés : À COMPLÉTER.
h) Cybersécurité : jetons d'accès hachés, rôles par route, journal chaîné par empreintes, pseudonymisation par clé hors base.

## 3. Surveillance, fonctionnement et contrôle
Limites connues :
{% for l in e.known_limits %}- {{ l }}
{% endfor %}
Risques prévisibles :
{% for r in e.risks %}- {{ r.description }}{% if r.mitigation %} — {{ r.mitigation }}{% endif %}
{% endfor %}

## 4. Pertinence des mesures de performance
À COMPLÉTER (justifier le choix des mesures au regard de la destination).

## 5. Système de gestion des risques (art. 9)
Auto-évaluation : {% if e.fria %}version {{ e.fria.version }}, score {{ e.fria.score | pct }}, {{ e.fria.open_actions }} action(s) ouverte(s).{% else %}non réalisée (`tremplin assess {{ e.id }}`).{% endif %}

## 6. Modifications au cours du cycle de vie
Historique des versions : voir le journal (`tremplin journal export`) et l'historique git.

## 7. Normes harmonisées appliquées
À COMPLÉTER.

## 8. Déclaration UE de conformité
À COMPLÉTER.

## 9. Surveillance après commercialisation (art. 72)
Journal chaîné (`tremplin journal verify`), taux de dérogation, audits d'équité périodiques. Conservation : au moins 6 mois.

Dernière revue : {{ e.last_review_date }}.
"""


def render_html(register: dict[str, Any]) -> str:
    return _jinja().from_string(REGISTER_HTML).render(reg=register)


def render_model_card(entry: dict[str, Any], card: ServiceCard | None = None) -> str:
    return _jinja(html=False).from_string(MODEL_CARD_MD).render(e=entry, out_of_scope=card.out_of_scope_uses if card else [])


def render_annex_iv(entry: dict[str, Any]) -> str:
    from tremplin import __version__

    return _jinja(html=False).from_string(ANNEX_IV_MD).render(e=entry, tremplin_version=__version__)


def write_register(out_dir: Path, session: Session | None = None, names: list[str] | None = None) -> dict[str, Any]:
    """Write register.html, register.json, and per service model-card-<name>.md and annex-iv-<name>.md."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    register = build_register(session, names)
    files = []
    (out_dir / "register.json").write_text(json.dumps(register, ensure_ascii=False, indent=2), encoding="utf-8")
    files.append(out_dir / "register.json")
    (out_dir / "register.html").write_text(render_html(register), encoding="utf-8")
    files.append(out_dir / "register.html")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        declared = cards_mod.load_cards([e["id"] for e in register["entries"]])
    for entry in register["entries"]:
        mc = out_dir / f"model-card-{entry['id']}.md"
        mc.write_text(render_model_card(entry, declared.get(entry["id"])), encoding="utf-8")
        ax = out_dir / f"annex-iv-{entry['id']}.md"
        ax.write_text(render_annex_iv(entry), encoding="utf-8")
        files += [mc, ax]
    return {"out": str(out_dir), "files": [str(f) for f in files], "services": [e["id"] for e in register["entries"]],
            "skipped": register["skipped"]}
