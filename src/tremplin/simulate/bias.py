"""Known employer biases, set in a YAML scenario.

A scenario states, for a group of candidates and a set of occupations, how much an employer's
odds of retaining a candidate are multiplied (``odds_ratio`` < 1 is a penalty). The simulator
adds ``log(odds_ratio)`` to the employer's utility of every applicant concerned, and writes the
effect applied to each application in ``truth/applications_truth.parquet`` so that a fairness
audit can be checked against what was really done.

Example::

    name: Biais de démonstration
    description: Pénalités connues, pour vérifier les audits d'équité.
    biases:
      - id: femmes_batiment
        attribute: sex          # sex | age | qpv | rqth | nationality_group
        group: F                # sex: F or M; qpv, rqth: true; nationality_group: FR, UE, hors UE
        occupations: [F, I]     # ROME prefixes (grand domaine, domaine or code); empty = all
        odds_ratio: 0.5
      - id: seniors
        attribute: age
        group: {min: 50}        # age: {min: A} and/or {max: B} (age at the application date)
        odds_ratio: 0.6
    offers:
      below_smic_share: 0.0     # share of offers paid below the SMIC (for legality controls)
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tremplin.errors import InvalidInput

ATTRIBUTES = ("sex", "age", "qpv", "rqth", "nationality_group")
_PREFIX = re.compile(r"^[A-N](\d{1,4})?$")
BUILTIN_DIR = Path(__file__).parent / "scenarios"


@dataclass(frozen=True)
class Bias:
    id: str
    attribute: str
    group: Any  # "F"/"M", True, "UE"..., or (min_age, max_age)
    occupations: tuple[str, ...]
    odds_ratio: float

    @property
    def log_odds(self) -> float:
        return math.log(self.odds_ratio)

    def describe(self) -> str:
        if self.attribute == "age":
            lo, hi = self.group
            who = f"âge {'≥ ' + str(lo) if lo is not None else ''}{' et ' if lo is not None and hi is not None else ''}{'≤ ' + str(hi) if hi is not None else ''}"
        else:
            who = f"{self.attribute} = {self.group}"
        where = ", ".join(self.occupations) if self.occupations else "tous métiers"
        return f"{self.id} : {who} ; métiers {where} ; rapport de cotes {self.odds_ratio:g}"


@dataclass(frozen=True)
class Scenario:
    name: str = "neutre"
    description: str = "Aucun biais d'employeur."
    biases: tuple[Bias, ...] = ()
    below_smic_share: float = 0.0
    source: str = "intégré"
    raw: dict = field(default_factory=dict, compare=False)

    def to_dict(self) -> dict:
        return {
            "name": self.name,
            "description": self.description,
            "source": self.source,
            "biases": [
                {
                    "id": b.id,
                    "attribute": b.attribute,
                    "group": list(b.group) if isinstance(b.group, tuple) else b.group,
                    "occupations": list(b.occupations),
                    "odds_ratio": b.odds_ratio,
                    "log_odds": b.log_odds,
                }
                for b in self.biases
            ],
            "offers": {"below_smic_share": self.below_smic_share},
        }


def _fail(message: str, where: str) -> InvalidInput:
    return InvalidInput(message, field=f"scénario de biais ({where})")


def _parse_group(attribute: str, group: Any, where: str) -> Any:
    if attribute == "sex":
        if group not in ("F", "M"):
            raise _fail("« group » doit valoir F ou M pour l'attribut sex", where)
        return group
    if attribute in ("qpv", "rqth"):
        if not isinstance(group, bool):
            raise _fail(f"« group » doit valoir true ou false pour l'attribut {attribute}", where)
        return group
    if attribute == "nationality_group":
        if group not in ("FR", "UE", "hors UE"):
            raise _fail("« group » doit valoir FR, UE ou « hors UE » pour nationality_group", where)
        return group
    # age
    if not isinstance(group, dict) or not set(group) <= {"min", "max"} or not group:
        raise _fail("« group » doit être de la forme {min: 50} et/ou {max: 25} pour l'attribut age", where)
    lo, hi = group.get("min"), group.get("max")
    for value in (lo, hi):
        if value is not None and (not isinstance(value, int) or isinstance(value, bool) or not 15 <= value <= 70):
            raise _fail("les bornes d'âge doivent être des entiers entre 15 et 70", where)
    if lo is not None and hi is not None and lo > hi:
        raise _fail("la borne « min » de l'âge dépasse la borne « max »", where)
    return (lo, hi)


def parse_scenario(data: Any, source: str = "intégré") -> Scenario:
    """Validate a scenario read from YAML; raise InvalidInput (French) naming the faulty entry."""
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise _fail("le fichier doit contenir un dictionnaire YAML (name, description, biases, offers)", "racine")
    unknown = set(data) - {"name", "description", "biases", "offers"}
    if unknown:
        raise _fail(f"clé(s) inconnue(s) : {', '.join(sorted(map(str, unknown)))}", "racine")
    raw_biases = data.get("biases") or []
    if not isinstance(raw_biases, list):
        raise _fail("« biases » doit être une liste", "biases")
    biases = []
    seen = set()
    for i, item in enumerate(raw_biases):
        where = f"biases[{i}]"
        if not isinstance(item, dict):
            raise _fail("chaque biais doit être un dictionnaire", where)
        extra = set(item) - {"id", "attribute", "group", "occupations", "odds_ratio"}
        if extra:
            raise _fail(f"clé(s) inconnue(s) : {', '.join(sorted(map(str, extra)))}", where)
        bias_id = str(item.get("id") or f"biais_{i + 1}")
        if bias_id in seen:
            raise _fail(f"identifiant en double : {bias_id}", where)
        seen.add(bias_id)
        attribute = item.get("attribute")
        if attribute not in ATTRIBUTES:
            raise _fail(f"« attribute » doit être l'un de : {', '.join(ATTRIBUTES)}", where)
        if "group" not in item:
            raise _fail("« group » est obligatoire", where)
        group = _parse_group(attribute, item["group"], where)
        occupations = item.get("occupations") or []
        if isinstance(occupations, str):
            occupations = [occupations]
        if not isinstance(occupations, list) or not all(isinstance(o, str) and _PREFIX.match(o) for o in occupations):
            raise _fail(
                "« occupations » doit être une liste de préfixes ROME (ex. F, F17, F1701)", where
            )
        ratio = item.get("odds_ratio")
        if isinstance(ratio, bool) or not isinstance(ratio, int | float) or not 0 < float(ratio) <= 10:
            raise _fail("« odds_ratio » doit être un nombre strictement positif et au plus 10", where)
        biases.append(Bias(bias_id, attribute, group, tuple(occupations), float(ratio)))
    offers = data.get("offers") or {}
    if not isinstance(offers, dict) or set(offers) - {"below_smic_share"}:
        raise _fail("« offers » n'accepte que la clé below_smic_share", "offers")
    share = offers.get("below_smic_share", 0.0)
    if isinstance(share, bool) or not isinstance(share, int | float) or not 0 <= share <= 0.5:
        raise _fail("« below_smic_share » doit être un nombre entre 0 et 0.5", "offers")
    return Scenario(
        name=str(data.get("name") or "sans nom"),
        description=str(data.get("description") or ""),
        biases=tuple(biases),
        below_smic_share=float(share),
        source=source,
        raw=data,
    )


def builtin_names() -> list[str]:
    return sorted(p.stem for p in BUILTIN_DIR.glob("*.yaml"))


def load_scenario(spec: str | Path | None) -> Scenario:
    """A built-in scenario by name (``demo``, ``neutre``) or a YAML file path; ``None`` = ``demo``."""
    import yaml

    if spec is None:
        spec = "demo"
    spec_str = str(spec)
    path = Path(spec_str)
    if not path.suffix and (BUILTIN_DIR / f"{spec_str}.yaml").is_file():
        path = BUILTIN_DIR / f"{spec_str}.yaml"
        source = f"intégré : {spec_str}"
    else:
        source = str(path)
        if not path.is_file():
            raise InvalidInput(
                f"fichier de scénario introuvable : {spec_str}",
                field="--bias",
                hint=f"donnez un fichier YAML ou l'un des scénarios intégrés : {', '.join(builtin_names())}",
            )
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise InvalidInput("le scénario n'est pas encodé en UTF-8", field="--bias") from exc
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (ligne {mark.line + 1}, colonne {mark.column + 1})" if mark else ""
        raise InvalidInput(f"YAML mal formé{where} : {getattr(exc, 'problem', exc)}", field="--bias") from exc
    return parse_scenario(data, source=source)
