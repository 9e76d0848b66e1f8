"""Build the evaluation set: real offers, their hand labels, and variants with one injected violation."""

from __future__ import annotations

import copy
import hashlib
import json
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from tremplin.errors import DataUnavailable, InvalidInput
from tremplin.services.legality import params
from tremplin.services.legality.context import Ctx

HERE = Path(__file__).parent
TEMPLATE_FILES = {"tune": HERE / "templates_tune.json", "heldout": HERE / "templates_heldout.json"}
LABELS_FILE = HERE / "real_labels.json"
VARIANTS_PER_TEMPLATE = 4


@dataclass
class EvalItem:
    doc_id: str
    kind: str  # "real" or "variant"
    split: str  # "tune" or "heldout"
    offer: dict[str, Any]
    expected: set[str] = field(default_factory=set)  # categories that must be found
    allowed: set[str] = field(default_factory=set)  # categories that may be found (base labels, « also »)
    template: str | None = None
    category: str | None = None  # injected category (variants)
    negative: bool = False
    position: str | None = None
    labelled: bool = False


def split_of(offer_id: str) -> str:
    return "heldout" if int(hashlib.sha256(str(offer_id).encode()).hexdigest()[:8], 16) % 2 else "tune"


def sample_order(offer_id: str) -> str:
    return hashlib.sha256(f"legality-sample:{offer_id}".encode()).hexdigest()


def read_offers(path: Path) -> Iterator[dict[str, Any]]:
    """Offers of a JSONL file; a clear error for a missing or unreadable file."""
    if not path.exists():
        raise DataUnavailable(f"fichier d'offres introuvable : {path}",
                              hint="indiquez --offers CHEMIN ou TREMPLIN_DATA_MIRROR")
    with path.open("rb") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line.decode("utf-8"))
            except (UnicodeDecodeError, json.JSONDecodeError) as exc:
                raise InvalidInput(f"ligne {n} illisible ({exc.__class__.__name__})", field=str(path)) from None
            if isinstance(obj, dict):
                yield obj


def load_labels(path: Path = LABELS_FILE) -> dict[str, dict[str, Any]]:
    if not path.exists():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    return data.get("offers", {})


def load_templates(split: str) -> list[dict[str, Any]]:
    data = json.loads(TEMPLATE_FILES[split].read_text(encoding="utf-8"))
    return data["templates"]


#: Names an extra template set may not take (they are sections of the evaluation result).
RESERVED_SET_NAMES = frozenset({"tune", "heldout", "real_offers", "targets", "command", "ruleset_version",
                                "offers_file", "template_sets"})
PLACEHOLDERS = frozenset({"hourly_below", "monthly_below", "annual_below_k", "fee_amount"})
_POSITIONS = frozenset({"description", "start", "middle", "end", "title", "description_replace", "none"})
_SET_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")


@dataclass
class TemplateSet:
    """An extra set of wordings (same format as ``templates_heldout.json``), injected into held-out offers."""

    name: str
    path: Path
    templates: list[dict[str, Any]]
    #: templates whose text is also a tuning or held-out wording (such variants are not independent)
    shared_wordings: list[str] = field(default_factory=list)


def load_template_set(path: Path) -> TemplateSet:
    """Read and check an extra template file; a clear error names the file, the template and the problem."""
    from tremplin.services.legality.rules import CATEGORIES

    where = str(path)
    if not path.exists():
        raise InvalidInput(f"fichier de gabarits introuvable : {path}", field="--templates")
    if path.is_dir():
        raise InvalidInput(f"{path} est un dossier, pas un fichier de gabarits JSON", field="--templates")
    try:
        data = json.loads(path.read_bytes().decode("utf-8"))
    except UnicodeDecodeError:
        raise InvalidInput("le fichier de gabarits n'est pas en UTF-8", field=where) from None
    except json.JSONDecodeError as exc:
        raise InvalidInput(f"JSON invalide ligne {exc.lineno}, colonne {exc.colno} : {exc.msg}", field=where) from None
    if not isinstance(data, dict):
        raise InvalidInput("le fichier de gabarits doit être un objet JSON avec « set » et « templates »", field=where)
    name = data.get("set")
    if not isinstance(name, str) or not _SET_NAME.match(name):
        raise InvalidInput("« set » doit nommer le jeu (lettres, chiffres, « _ », « - », « . » ; 64 au plus)",
                           field=where)
    if name in RESERVED_SET_NAMES:
        raise InvalidInput(f"le nom de jeu « {name} » est réservé ; choisissez-en un autre (ex. « heldout2 »)",
                           field=where)
    templates = data.get("templates")
    if not isinstance(templates, list) or not templates:
        raise InvalidInput("« templates » doit être une liste non vide de gabarits", field=where)
    categories = set(CATEGORIES)
    seen: set[str] = set()
    for n, t in enumerate(templates, 1):
        label = f"gabarit n° {n}"
        if not isinstance(t, dict):
            raise InvalidInput(f"{label} : un gabarit doit être un objet JSON", field=where)
        tid = t.get("id")
        if not isinstance(tid, str) or not tid.strip():
            raise InvalidInput(f"{label} : « id » manquant ou vide", field=where)
        label = f"gabarit « {tid} »"
        if tid in seen:
            raise InvalidInput(f"{label} : identifiant en double", field=where)
        seen.add(tid)
        if t.get("category") not in categories:
            raise InvalidInput(f"{label} : catégorie inconnue « {t.get('category')} » (attendues : "
                               f"{', '.join(CATEGORIES)})", field=where)
        if t.get("kind") not in (None, "negative"):
            raise InvalidInput(f"{label} : « kind » vaut « negative » ou est absent", field=where)
        position = t.get("position", "description")
        if not isinstance(position, str) or not (position in _POSITIONS or (position.startswith("field:")
                                                                           and len(position) > 6)):
            raise InvalidInput(f"{label} : position inconnue « {position} »", field=where)
        text = t.get("text")
        if text is None and position != "none":
            raise InvalidInput(f"{label} : « text » manquant", field=where)
        if text is not None and (not isinstance(text, str) or not text.strip()):
            raise InvalidInput(f"{label} : « text » doit être un texte non vide", field=where)
        unknown = set(re.findall(r"\{(\w+)\}", text or "")) - PLACEHOLDERS
        if unknown:
            raise InvalidInput(f"{label} : emplacement(s) inconnu(s) {', '.join(sorted(unknown))} (connus : "
                               f"{', '.join(sorted(PLACEHOLDERS))})", field=where)
        if not isinstance(t.get("set", {}), dict):
            raise InvalidInput(f"{label} : « set » doit être un objet (champs à remplacer)", field=where)
        for key in ("unset", "also"):
            value = t.get(key, [])
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise InvalidInput(f"{label} : « {key} » doit être une liste de noms", field=where)
        if not set(t.get("also", [])) <= categories:
            raise InvalidInput(f"{label} : catégorie inconnue dans « also »", field=where)
    known = {t["text"] for split in TEMPLATE_FILES for t in load_templates(split) if "text" in t}
    shared = [t["id"] for t in templates if t.get("text") in known]
    return TemplateSet(name, path, templates, shared)


# ------------------------------------------------------------------------------- injection


def _offer_date(offer: dict[str, Any]) -> date:
    for key in ("dateCreation", "dateActualisation"):
        value = offer.get(key)
        if isinstance(value, str) and len(value) >= 10:
            try:
                return date.fromisoformat(value[:10])
            except ValueError:
                pass
    return date.today()


def _fr_amount(value: float, rng: random.Random, decimals: int) -> str:
    text = f"{value:.{decimals}f}"
    if decimals:
        text = text.replace(".", ",") if rng.random() < 0.7 else text
    if value >= 1000 and rng.random() < 0.5:
        intpart, _, dec = text.partition("," if "," in text else ".")
        intpart = f"{int(intpart):,}".replace(",", " ")
        text = intpart + (("," if "," in text else ".") + dec if dec else "")
    return text


def _fill(text: str, offer: dict[str, Any], rng: random.Random) -> str:
    on = _offer_date(offer)
    smic = params.smic_hourly(on) or params.smic_hourly(date(2026, 1, 1))
    factor = params.NET_TO_GROSS_FLOOR if re.search(r"\bnet(?:te)?s?\b", text) else 1.0  # a net amount below the net SMIC
    hourly = smic.value * factor * rng.uniform(0.70, 0.95)
    monthly = smic.value * factor * params.MONTHLY_HOURS_35 * rng.uniform(0.55, 0.90)
    annual_k = int(smic.value * params.MONTHLY_HOURS_35 * 12 * rng.uniform(0.6, 0.9) / 1000)
    values = {
        "hourly_below": _fr_amount(hourly, rng, 2),
        "monthly_below": _fr_amount(round(monthly, -1), rng, 0),
        "annual_below_k": str(annual_k),
        "fee_amount": str(rng.choice([29, 35, 49, 90, 120, 150, 250])),
    }
    return re.sub(r"\{(\w+)\}", lambda m: values.get(m.group(1), m.group(0)), text)


def _insert(description: str, sentence: str, where: str) -> str:
    if where == "start" or not description.strip():
        return f"{sentence}\n{description}"
    if where == "end":
        return f"{description.rstrip()}\n{sentence}"
    # middle: after the sentence end closest to the middle
    mid = len(description) // 2
    cut = None
    for m in re.finditer(r"[.!?]\s+|\n", description):
        if cut is None or abs(m.end() - mid) < abs(cut - mid):
            cut = m.end()
    if cut is None:
        space = description.rfind(" ", 0, mid)
        cut = space + 1 if space >= 0 else len(description)
        return f"{description[:cut]}\n{sentence}\n{description[cut:]}"
    return f"{description[:cut]}{sentence} {description[cut:]}"


# Bases on which an injected text would be lawful are not used for that category.
_EXCLUDE_CONTEXT = {
    "age": ("EXC-APPRENTISSAGE", "EXC-AIDES-EMPLOI"),
    "minors": ("EXC-APPRENTISSAGE", "EXC-MINEURS-SCOLAIRES"),
    "pay": ("EXC-SMIC-REDUIT", "EXC-VRP"),
    "sex": ("EXC-R1142-1",),
    "appearance": ("EXC-R1142-1",),
    "candidate_data": ("EXC-PROFESSION-REGLEMENTEE", "EXC-EMPLOI-PUBLIC", "EXC-PERMIS-JUSTIFIE", "EXC-R1142-1"),
    "working_time": ("EXC-REMPLACEMENT",),
    "origin": ("EXC-EMPLOI-PUBLIC",),
    "religion": ("EXC-EMPLOI-PUBLIC", "EXC-EXIGENCE-ESSENTIELLE"),
    "opinions": ("EXC-EXIGENCE-ESSENTIELLE",),
    "fee": ("EXC-AGENTS-ARTISTES-SPORTIFS",),
}


def _base_ok(base: dict[str, Any], template: dict[str, Any], labels: set[str]) -> bool:
    category = template["category"]
    if template.get("kind") != "negative" and category in labels:
        return False
    ctx = Ctx(base)
    for exc in _EXCLUDE_CONTEXT.get(category, ()):
        if ctx.exc(exc):
            return False
    if category == "pay" and ctx.field_full_time is False:
        return False
    if category == "pay_transparency" and template.get("kind") != "negative":
        # The base must state its pay only in the salary field (removed by the template), not in its text.
        text = " ".join(f.folded for f in ctx.free_fields if not f.name.startswith("salaire"))
        if not isinstance(base.get("salaire"), dict | str) or re.search(r"\d\s?(?:€|euros?|k€)|smic", text):
            return False
    if category == "internship" and ctx.is_internship is False and "stag" in ctx.all:
        return False
    if category in ("contract", "misleading") and "set" not in template and ctx.contract_family not in ("cdi", None):
        return template["category"] != "contract"
    return True


def _side_effects(template: dict[str, Any]) -> set[str]:
    """Categories an injection may legitimately create besides its own (accepted as co-detections).

    An amount, a duration or a contract type written into an offer that already states its own also contradicts
    the offer's structured fields: « misleading » (R06) is then a correct finding too.
    """
    extra: set[str] = set()
    category = template["category"]
    if category in ("pay", "working_time", "contract", "internship", "pay_transparency"):
        extra.add("misleading")
    if "typeContrat" in (template.get("set") or {}):
        extra.add("misleading")
    if category == "misleading":
        extra.update({"pay", "working_time"})
    text = template.get("text", "")
    if re.search(r"d[ée]butant|exp[ée]riment|exp[ée]rience", text, re.I):
        extra.add("misleading")  # an experience statement can contradict the offer's experience field
    if re.search(r"entrepreneur|ind[ée]pendant|int[ée]rim|\bCDD\b|\bCDI\b|mission|contrat", text, re.I):
        extra.add("misleading")  # a contract or status statement can contradict the offer's contract type
    return extra


def make_variant(base: dict[str, Any], template: dict[str, Any], rng: random.Random) -> tuple[dict[str, Any], str]:
    offer = copy.deepcopy(base)
    for key in template.get("unset", []):
        offer.pop(key, None)
    for key, value in (template.get("set") or {}).items():
        offer[key] = copy.deepcopy(value)
    text = _fill(template.get("text", ""), offer, rng)
    position = template.get("position", "description")
    if position == "description":
        position = rng.choice(["start", "middle", "end"])
    if position in ("start", "middle", "end"):
        offer["description"] = _insert(offer.get("description") or "", text, position)
    elif position == "title":
        offer["intitule"] = text
    elif position == "description_replace":
        offer["description"] = text
    elif position.startswith("field:"):
        name = position.split(":", 1)[1]
        if name == "salaire":
            offer["salaire"] = {"libelle": text}
        else:
            offer[name] = text
    return offer, position


def build(offers_path: Path, *, variants_per_template: int = VARIANTS_PER_TEMPLATE, seed: int = 20260327,
          labels_path: Path = LABELS_FILE, extra: list[TemplateSet] | None = None
          ) -> tuple[list[EvalItem], list[dict[str, Any]]]:
    """(labelled real offers + variants, every real offer) for the evaluation.

    Each extra template set is injected into the labelled held-out offers, by the same protocol as the held-out
    wordings, with its own random stream (the tune and held-out variants do not change when a set is added); its
    variants carry the set's name as their ``split``.
    """
    all_offers = list(read_offers(offers_path))
    labels = load_labels(labels_path)
    by_id = {str(o.get("id")): o for o in all_offers}
    items: list[EvalItem] = []
    bases: dict[str, list[tuple[dict[str, Any], set[str]]]] = {"tune": [], "heldout": []}
    for offer_id, entry in sorted(labels.items()):
        offer = by_id.get(offer_id)
        if offer is None:
            continue
        cats = set(entry.get("categories", {}))
        split = entry.get("split") or split_of(offer_id)
        items.append(EvalItem(f"real:{offer_id}", "real", split, offer, expected=set(cats), labelled=True))
        bases[split].append((offer, cats))
    rng = random.Random(seed)
    # Wordings added in session 2 (« tu2… ») draw from their own random stream, after the others: the session-1
    # tune and held-out variants stay exactly the ones measured then.
    tune = load_templates("tune")
    later = [t for t in tune if t["id"].startswith("tu2")]
    first = [t for t in tune if not t["id"].startswith("tu2")]
    if bases["tune"]:
        items.extend(_variants("tune", first, bases["tune"], variants_per_template, rng))
    if bases["heldout"]:
        items.extend(_variants("heldout", load_templates("heldout"), bases["heldout"], variants_per_template, rng))
    if bases["tune"] and later:
        items.extend(_variants("tune", later, bases["tune"], variants_per_template, random.Random(f"{seed}:tu2")))
    for tset in extra or ():
        items.extend(_variants(tset.name, tset.templates, bases["heldout"], variants_per_template,
                               random.Random(f"{seed}:{tset.name}"), tag=f"{tset.name}~"))
    return items, all_offers


def _variants(split: str, templates: list[dict[str, Any]], pool: list[tuple[dict[str, Any], set[str]]],
              per_template: int, rng: random.Random, tag: str = "") -> list[EvalItem]:
    items: list[EvalItem] = []
    for template in templates:
        candidates = [b for b in pool if _base_ok(b[0], template, b[1])]
        if not candidates:
            continue
        chosen = rng.sample(candidates, min(per_template, len(candidates)))
        for k, (base, base_labels) in enumerate(chosen):
            offer, position = make_variant(base, template, rng)
            offer["id"] = f"{base.get('id')}~{tag}{template['id']}~{k}"
            negative = template.get("kind") == "negative"
            expected = set() if negative else {template["category"]}
            allowed = set(base_labels) | set(template.get("also", [])) | _side_effects(template)
            items.append(EvalItem(offer["id"], "variant", split, offer, expected=expected, allowed=allowed,
                                  template=template["id"], category=template["category"], negative=negative,
                                  position=position))
    return items
