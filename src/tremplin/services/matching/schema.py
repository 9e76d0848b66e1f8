"""The documented tables matching reads (jobseekers, offers, interactions, protected attributes).

Any public employment service can train and run matching on its own history: the tables are
read from Parquet or CSV files, checked column by column, and normalised to one internal shape.
The schema is documented in ``docs/matching.md``; a malformed table is refused with a French
message naming the table, the column and the row at fault, before any work is done.

CSV conventions: UTF-8, comma-separated, one header line; lists are a JSON array
(``["G1602", "G1603"]``) or values separated by ``;`` (``G1602;G1603``); booleans are
``true/false``, ``1/0``, ``oui/non``; dates are ISO ``AAAA-MM-JJ``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from tremplin.errors import InvalidInput

ROME_RE = re.compile(r"^[A-N]\d{4}$")
INSEE_RE = re.compile(r"^(\d{5}|2[AB]\d{3})$")
CONTRACT_TYPES = ("CDI", "CDD", "MIS", "SAI", "LIB", "DIN", "CCE", "FRA", "DDI", "TTI", "DDT")
INTERACTION_TYPES = ("application", "hire")


@dataclass(frozen=True)
class Column:
    name: str
    kind: str  # id, str, rome, insee, int, float, bool, date, list_str, list_rome, list_int, contract, list_contract
    required: bool = False
    description: str = ""  # French, for the documentation
    minimum: float | None = None
    maximum: float | None = None


@dataclass(frozen=True)
class Table:
    name: str
    columns: tuple[Column, ...]
    key: str | None = None
    description: str = ""

    def column(self, name: str) -> Column:
        for c in self.columns:
            if c.name == name:
                return c
        raise KeyError(name)


JOBSEEKERS = Table("jobseekers", key="jobseeker_id", description="une ligne par demandeur d'emploi", columns=(
    Column("jobseeker_id", "id", True, "identifiant du demandeur (unique)"),
    Column("commune_code", "insee", False, "commune de résidence (code INSEE) ; sert à situer la personne sans coordonnées"),
    Column("latitude", "float", False, "latitude de la résidence (degrés)", -90, 90),
    Column("longitude", "float", False, "longitude de la résidence (degrés)", -180, 180),
    Column("departement", "str", False, "département (blocage du calcul par marché)"),
    Column("bassin", "str", False, "bassin d'emploi (blocage du calcul par marché)"),
    Column("desired_rome_codes", "list_rome", False, "métiers recherchés (codes ROME 4.0), le premier est le principal"),
    Column("target_job", "str", False, "métier recherché en texte libre (utilisé si aucun code n'est déclaré)"),
    Column("past_rome_codes", "list_rome", False, "métiers exercés (codes ROME 4.0)"),
    Column("past_months", "list_int", False, "mois d'expérience dans chaque métier exercé (aligné sur past_rome_codes)"),
    Column("past_titles", "list_str", False, "intitulés des postes occupés"),
    Column("skills", "list_str", False, "compétences détenues (codes OGR des compétences ROME)"),
    Column("languages", "list_str", False, "langues parlées"),
    Column("education_level", "int", False, "niveau de formation (nomenclature 2019, 3 à 8 ; vide = sans diplôme)", 1, 8),
    Column("experience_months", "int", False, "expérience professionnelle totale (mois)", 0, 900),
    Column("driving_licence", "bool", False, "permis B"),
    Column("vehicle", "bool", False, "véhicule personnel"),
    Column("mobility_radius_km", "float", False, "rayon de mobilité déclaré (km)", 0, 1000),
    Column("desired_contract_types", "list_contract", False, "types de contrat souhaités (CDI, CDD, MIS, SAI, LIB…)"),
    Column("full_time_only", "bool", False, "ne cherche qu'un temps plein"),
    Column("desired_salary_monthly", "float", False, "salaire mensuel brut souhaité (euros)", 0, 100000),
    Column("registered_on", "date", False, "date d'inscription"),
    Column("exit_on", "date", False, "date de sortie des listes (vide = inscrit)"),
))

OFFERS = Table("offers", key="offer_id", description="une ligne par offre d'emploi", columns=(
    Column("offer_id", "id", True, "identifiant de l'offre (unique)"),
    Column("rome_code", "rome", True, "métier de l'offre (code ROME 4.0)"),
    Column("intitule", "str", False, "intitulé de l'offre"),
    Column("appellation_label", "str", False, "appellation ROME de l'offre"),
    Column("company_id", "str", False, "identifiant de l'employeur"),
    Column("company_name", "str", False, "nom de l'employeur"),
    Column("commune_code", "insee", False, "commune du lieu de travail (code INSEE)"),
    Column("latitude", "float", False, "latitude du lieu de travail", -90, 90),
    Column("longitude", "float", False, "longitude du lieu de travail", -180, 180),
    Column("departement", "str", False, "département du lieu de travail"),
    Column("bassin", "str", False, "bassin d'emploi du lieu de travail"),
    Column("contract_type", "contract", False, "type de contrat (CDI, CDD, MIS, SAI, LIB…)"),
    Column("contract_months", "float", False, "durée du contrat (mois)", 0, 600),
    Column("weekly_hours", "float", False, "durée hebdomadaire (heures)", 0, 80),
    Column("full_time", "bool", False, "temps plein"),
    Column("salary_min_monthly", "float", False, "salaire mensuel brut minimum (euros)", 0, 100000),
    Column("salary_shown", "bool", False, "salaire affiché dans l'offre"),
    Column("education_required", "int", False, "niveau de formation exigé (3 à 8 ; vide = aucun)", 1, 8),
    Column("experience_required_months", "int", False, "expérience exigée (mois)", 0, 600),
    Column("skills", "list_str", False, "compétences demandées (codes OGR ROME)"),
    Column("skill_labels", "list_str", False, "libellés des compétences (alignés sur skills)"),
    Column("licence_required", "bool", False, "permis B exigé"),
    Column("english_required", "bool", False, "anglais exigé"),
    Column("posts", "int", False, "nombre de postes (1 par défaut)", 1, 10000),
    Column("created_on", "date", False, "date de publication"),
    Column("closed_on", "date", False, "date de clôture (vide = ouverte)"),
    Column("status", "str", False, "état (ouverte, pourvue, retiree, expiree) ; vide = ouverte si closed_on est vide"),
))

INTERACTIONS = Table("interactions", description="une ligne par candidature ou embauche", columns=(
    Column("jobseeker_id", "id", True, "demandeur"),
    Column("offer_id", "id", True, "offre"),
    Column("type", "str", True, "« application » (candidature) ou « hire » (embauche)"),
    Column("date", "date", True, "date de la candidature, ou de l'embauche"),
))

PROTECTED = Table("protected_attributes", key="jobseeker_id",
                  description="attributs protégés, à part ; lus seulement pour corriger et auditer les biais", columns=(
    Column("jobseeker_id", "id", True, "demandeur"),
    Column("sex", "str", False, "F ou M"),
    Column("birth_year", "int", False, "année de naissance", 1900, 2100),
    Column("age_band", "str", False, "tranche d'âge"),
    Column("qpv", "bool", False, "résident d'un quartier prioritaire de la politique de la ville"),
    Column("rqth", "bool", False, "reconnaissance de la qualité de travailleur handicapé"),
    Column("nationality_group", "str", False, "FR, UE, hors UE"),
))

TABLES = {t.name: t for t in (JOBSEEKERS, OFFERS, INTERACTIONS, PROTECTED)}

_TRUE = {"true", "1", "oui", "yes", "vrai", "t", "y", "o"}
_FALSE = {"false", "0", "non", "no", "faux", "f", "n", ""}


# --------------------------------------------------------------------------- reading


def find_table_file(directory: Path, name: str) -> Path | None:
    for suffix in (".parquet", ".csv"):
        path = directory / f"{name}{suffix}"
        if path.is_file():
            return path
    return None


def read_raw(path: Path) -> pd.DataFrame:
    """A table file as a DataFrame (values kept as read: CSV cells stay strings)."""
    path = Path(path)
    suffix = path.suffix.lower()
    try:
        if suffix == ".parquet":
            return pd.read_parquet(path)
        if suffix == ".csv":
            return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise InvalidInput(f"le fichier {path.name} n'est pas encodé en UTF-8 (octet {exc.start})", field=path.name) from exc
    except Exception as exc:  # noqa: BLE001 - pyarrow and the csv parser raise many kinds
        raise InvalidInput(f"fichier {path.name} illisible : {exc}", field=path.name) from exc
    raise InvalidInput(f"format de fichier non pris en charge : {path.name}", field=path.name,
                       hint="fichiers .parquet ou .csv")


@dataclass
class _Ctx:
    table: Table
    source: str
    csv: bool

    def where(self, column: str, index: int) -> str:
        row = f"ligne {index + 2} du fichier" if self.csv else f"enregistrement {index + 1}"
        return f"table « {self.table.name} » ({self.source}), colonne « {column} », {row}"

    def fail(self, column: str, index: int, expected: str, value: Any) -> InvalidInput:
        shown = str(value)
        if len(shown) > 60:
            shown = shown[:57] + "…"
        return InvalidInput(f"{self.where(column, index)} : {expected}, valeur « {shown} »", field=column)


def _is_missing(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and np.isnan(value):
        return True
    if isinstance(value, str) and value.strip() == "":
        return True
    try:
        return bool(pd.isna(value)) if np.ndim(value) == 0 else False
    except (TypeError, ValueError):
        return False


def _first_bad(mask: np.ndarray) -> int:
    return int(np.flatnonzero(mask)[0])


def _as_list(value: Any, ctx: _Ctx, column: str, index: int) -> list:
    if _is_missing(value) if np.ndim(value) == 0 else False:
        return []
    if isinstance(value, str):
        text = value.strip()
        if text.startswith("["):
            try:
                parsed = json.loads(text)
            except ValueError:
                raise ctx.fail(column, index, "liste JSON mal formée", value) from None
            if not isinstance(parsed, list):
                raise ctx.fail(column, index, "liste attendue", value)
            return parsed
        return [p.strip() for p in re.split(r"[;|]", text) if p.strip()]
    if isinstance(value, list | tuple | np.ndarray):
        return list(value)
    raise ctx.fail(column, index, "liste attendue", value)


def _missing_mask(series: pd.Series) -> np.ndarray:
    mask = series.isna().to_numpy(dtype=bool).copy()
    if series.dtype == object or pd.api.types.is_string_dtype(series.dtype):
        values = series.to_numpy(dtype=object)
        is_str = np.fromiter((isinstance(v, str) for v in values), dtype=bool, count=len(values))
        if is_str.any():
            idx = np.flatnonzero(is_str)
            mask[idx] |= np.fromiter((values[i].strip() == "" for i in idx), dtype=bool, count=len(idx))
    return mask


def _check_pattern(texts: pd.Series, pattern: re.Pattern) -> np.ndarray:
    """Mask of the texts that do not match the pattern."""
    return ~texts.str.fullmatch(pattern.pattern).fillna(False).to_numpy(dtype=bool)


def _column(series: pd.Series, col: Column, ctx: _Ctx) -> pd.Series:
    """Check and convert one column; raises InvalidInput naming the first bad row."""
    series = series.reset_index(drop=True)
    kind = col.kind
    if kind.startswith("list_"):
        return _list_column(series, col, ctx)
    missing = _missing_mask(series)
    if col.required and missing.any():
        raise ctx.fail(col.name, _first_bad(missing), "valeur obligatoire manquante", "")
    values = series.to_numpy(dtype=object)
    if kind in ("id", "str"):
        out = series.astype(object).where(~missing, None)
        present = ~missing
        if present.any():
            out[present] = series[present].astype(str).str.strip()
        return out
    if kind in ("rome", "insee", "contract"):
        out = pd.Series([None] * len(series), dtype=object)
        present = ~missing
        if present.any():
            text = series[present].astype(str).str.strip().str.upper()
            if kind == "insee":
                text = text.where(~text.str.fullmatch(r"\d{4}"), "0" + text)  # CSV readers lose the leading zero
            if kind == "contract":
                bad = ~text.isin(CONTRACT_TYPES).to_numpy()
                expected = f"type de contrat attendu ({', '.join(CONTRACT_TYPES[:5])}…)"
            else:
                bad = _check_pattern(text, ROME_RE if kind == "rome" else INSEE_RE)
                expected = "code ROME attendu (une lettre A à N puis 4 chiffres)" if kind == "rome" else \
                    "code INSEE de commune attendu (5 caractères)"
            if bad.any():
                i = int(np.flatnonzero(present)[_first_bad(bad)])
                raise ctx.fail(col.name, i, expected, values[i])
            out[present] = text.to_numpy(dtype=object)
        return out
    if kind in ("int", "float"):
        if series.dtype.kind in "iufb":
            nums = series.to_numpy(dtype=float)
        else:
            text = series.astype(object).where(~missing, None)
            text = text.map(lambda v: v.strip().replace(",", ".") if isinstance(v, str) else v)
            nums = pd.to_numeric(text, errors="coerce").to_numpy(dtype=float)
        bad = np.isnan(nums) & ~missing
        if bad.any():
            i = _first_bad(bad)
            raise ctx.fail(col.name, i, "nombre entier attendu" if kind == "int" else "nombre attendu", values[i])
        if kind == "int":
            frac = ~np.isnan(nums) & (np.abs(nums - np.round(nums)) > 1e-9)
            if frac.any():
                i = _first_bad(frac)
                raise ctx.fail(col.name, i, "nombre entier attendu", values[i])
        for bound, cmp, word in ((col.minimum, np.less, "au moins"), (col.maximum, np.greater, "au plus")):
            if bound is not None:
                with np.errstate(invalid="ignore"):
                    out_of = cmp(nums, bound) & ~np.isnan(nums)
                if out_of.any():
                    i = _first_bad(out_of)
                    raise ctx.fail(col.name, i, f"valeur {word} {bound:g} attendue", values[i])
        return pd.Series(nums)
    if kind == "bool":
        if series.dtype.kind == "b":
            return pd.Series(series.to_numpy(dtype=float))
        if series.dtype.kind in "iuf":
            nums = series.to_numpy(dtype=float)
            bad = ~np.isnan(nums) & ~np.isin(nums, (0.0, 1.0))
            if bad.any():
                i = _first_bad(bad)
                raise ctx.fail(col.name, i, "booléen attendu (true/false, oui/non, 1/0)", values[i])
            return pd.Series(nums)
        text = series.astype(object).map(lambda v: str(v).strip().lower() if not isinstance(v, bool | np.bool_) else
                                          ("true" if v else "false"))
        out = np.where(text.isin(_TRUE), 1.0, np.where(text.isin(_FALSE), 0.0, np.nan))
        out[missing] = np.nan
        bad = np.isnan(out) & ~missing
        if bad.any():
            i = _first_bad(bad)
            raise ctx.fail(col.name, i, "booléen attendu (true/false, oui/non, 1/0)", values[i])
        return pd.Series(out)
    if kind == "date":
        if series.dtype.kind == "M":
            return pd.Series(series.to_numpy(dtype="datetime64[D]"))
        raw = series.astype(object).where(~missing, None)
        converted = pd.to_datetime(raw, errors="coerce", format="ISO8601") if raw.map(
            lambda v: isinstance(v, str)).any() else pd.to_datetime(raw, errors="coerce")
        bad = converted.isna().to_numpy() & ~missing
        if bad.any():
            i = _first_bad(bad)
            raise ctx.fail(col.name, i, "date attendue (AAAA-MM-JJ)", values[i])
        return pd.Series(converted.to_numpy(dtype="datetime64[D]"))
    raise ValueError(f"unknown column kind {kind}")


def _list_column(series: pd.Series, col: Column, ctx: _Ctx) -> pd.Series:
    values = series.to_numpy(dtype=object)
    lists = []
    for i, v in enumerate(values):
        if isinstance(v, list | tuple | np.ndarray):
            lists.append(list(v))
        elif v is None or (isinstance(v, float) and np.isnan(v)):
            lists.append([])
        else:
            lists.append(_as_list(v, ctx, col.name, i))
    lengths = np.fromiter((len(x) for x in lists), dtype=np.int64, count=len(lists))
    offsets = np.zeros(len(lists) + 1, dtype=np.int64)
    np.cumsum(lengths, out=offsets[1:])
    flat = pd.Series([x for lst in lists for x in lst], dtype=object)
    row_of = np.repeat(np.arange(len(lists)), lengths)
    keep = ~_missing_mask(flat) if len(flat) else np.zeros(0, bool)
    kind = col.kind
    if kind == "list_int":
        nums = pd.to_numeric(flat, errors="coerce").to_numpy(dtype=float) if len(flat) else np.zeros(0)
        bad = keep & (np.isnan(nums) | (nums < 0) | (np.abs(nums - np.round(nums)) > 1e-9))
        if bad.any():
            k = _first_bad(bad)
            raise ctx.fail(col.name, int(row_of[k]), "liste de nombres entiers positifs attendue", flat.iat[k])
        items = np.round(nums).astype(np.int64) if len(nums) else np.zeros(0, np.int64)
    else:
        text = flat.astype(str).str.strip() if len(flat) else flat
        if kind in ("list_rome", "list_contract") and len(text):
            text = text.str.upper()
            if kind == "list_rome":
                bad = keep & _check_pattern(text, ROME_RE)
                expected = "liste de codes ROME attendue (une lettre A à N puis 4 chiffres)"
            else:
                bad = keep & ~text.isin(CONTRACT_TYPES).to_numpy()
                expected = f"liste de types de contrat attendue ({', '.join(CONTRACT_TYPES[:5])}…)"
            if bad.any():
                k = _first_bad(bad)
                raise ctx.fail(col.name, int(row_of[k]), expected, flat.iat[k])
        items = text.to_numpy(dtype=object) if len(text) else np.zeros(0, dtype=object)
    if len(flat) and not keep.all():
        items, row_of = items[keep], row_of[keep]
        lengths = np.bincount(row_of, minlength=len(lists))
        np.cumsum(lengths, out=offsets[1:])
    out = [items[offsets[i]:offsets[i + 1]].tolist() for i in range(len(lists))]
    return pd.Series(out, dtype=object)


def validate(frame: pd.DataFrame, table: Table, source: str = "", *, csv: bool = False) -> pd.DataFrame:
    """The table checked and normalised (only documented columns kept, missing optional ones added empty)."""
    ctx = _Ctx(table, source or table.name, csv)
    frame = frame.reset_index(drop=True)
    absent = [c.name for c in table.columns if c.required and c.name not in frame.columns]
    if absent:
        raise InvalidInput(f"colonne obligatoire « {absent[0]} » absente de la table « {table.name} » ({ctx.source})",
                           field=absent[0], hint="schéma dans docs/matching.md")
    out = {}
    for col in table.columns:
        if col.name in frame.columns:
            out[col.name] = _column(frame[col.name], col, ctx)
        else:
            out[col.name] = _empty(col, len(frame))
    result = pd.DataFrame(out)
    if table.key:
        dup = result[table.key].duplicated().to_numpy()
        if dup.any():
            i = _first_bad(dup)
            raise ctx.fail(table.key, i, "identifiant en double", result[table.key].iat[i])
    if table is INTERACTIONS:
        bad = ~result["type"].isin(INTERACTION_TYPES).to_numpy()
        if bad.any():
            i = _first_bad(bad)
            raise ctx.fail("type", i, "« application » ou « hire » attendu", result["type"].iat[i])
    if table is JOBSEEKERS:
        codes, months = result["past_rome_codes"], result["past_months"]
        for i, (c, m) in enumerate(zip(codes, months, strict=True)):
            if m and len(m) != len(c):
                raise ctx.fail("past_months", i, f"{len(c)} valeurs attendues (une par métier de past_rome_codes)",
                               json.dumps(m))
    if table is OFFERS:
        skills, labels = result["skills"], result["skill_labels"]
        for i, (s, lab) in enumerate(zip(skills, labels, strict=True)):
            if lab and len(lab) != len(s):
                raise ctx.fail("skill_labels", i, f"{len(s)} libellés attendus (un par compétence de skills)", len(lab))
    return result


def _empty(col: Column, n: int) -> pd.Series:
    if col.kind.startswith("list_"):
        return pd.Series([[] for _ in range(n)], dtype=object)
    if col.kind in ("int", "float", "bool"):
        return pd.Series(np.full(n, np.nan))
    if col.kind == "date":
        return pd.Series(np.full(n, np.datetime64("NaT"), dtype="datetime64[D]"))
    return pd.Series([None] * n, dtype=object)


def load_table(path: Path, table: Table) -> pd.DataFrame:
    path = Path(path)
    raw = read_raw(path)
    return validate(raw, table, path.name, csv=path.suffix.lower() == ".csv")


# --------------------------------------------------------------------------- a set of tables


@dataclass
class Tables:
    """The tables of one market, checked and normalised."""

    jobseekers: pd.DataFrame
    offers: pd.DataFrame
    interactions: pd.DataFrame | None = None
    protected: pd.DataFrame | None = None
    source: str = ""
    files: dict[str, str] = field(default_factory=dict)  # table -> path
    fingerprint: str = ""
    notes: list[str] = field(default_factory=list)


def fingerprint_files(paths: list[Path]) -> str:
    import hashlib

    digest = hashlib.sha256()
    for p in sorted(paths, key=lambda p: p.name):
        stat = p.stat()
        digest.update(f"{p.name}:{stat.st_size}:{stat.st_mtime_ns}".encode())
        with open(p, "rb") as fh:  # first and last MiB: enough to tell versions apart, fast on big files
            digest.update(fh.read(1 << 20))
            if stat.st_size > 2 << 20:
                fh.seek(-(1 << 20), 2)
                digest.update(fh.read())
    return digest.hexdigest()[:16]


def load_tables(directory: Path | None = None, *, jobseekers: Path | None = None, offers: Path | None = None,
                interactions: Path | None = None, protected: Path | None = None,
                need_interactions: bool = False, with_interactions: bool = True,
                with_protected: bool = True) -> Tables:
    """Read and check the tables of a market: a directory holding ``jobseekers``, ``offers`` and, when
    present, ``interactions`` and ``protected_attributes`` (``.parquet`` or ``.csv``), or explicit files."""
    paths: dict[str, Path | None] = {"jobseekers": jobseekers, "offers": offers, "interactions": interactions,
                                     "protected_attributes": protected}
    if directory is not None:
        directory = Path(directory)
        if not directory.is_dir():
            raise InvalidInput(f"dossier introuvable : {directory}", field="market")
        for name in paths:
            if paths[name] is None:
                paths[name] = find_table_file(directory, name)
    if not with_interactions and not need_interactions:
        paths["interactions"] = None
    if not with_protected:
        paths["protected_attributes"] = None  # serving never reads them
    for name in ("jobseekers", "offers") + (("interactions",) if need_interactions else ()):
        if paths[name] is None:
            where = f" dans {directory}" if directory is not None else ""
            raise InvalidInput(f"table « {name} » introuvable{where} ({name}.parquet ou {name}.csv attendu)", field=name,
                               hint="schéma dans docs/matching.md")
        if not Path(paths[name]).is_file():
            raise InvalidInput(f"fichier introuvable : {paths[name]}", field=name)
    js = load_table(paths["jobseekers"], JOBSEEKERS)
    of = load_table(paths["offers"], OFFERS)
    notes: list[str] = []
    inter = None
    if paths["interactions"] is not None:
        inter = load_table(paths["interactions"], INTERACTIONS)
        known_j = inter["jobseeker_id"].isin(js["jobseeker_id"])
        known_o = inter["offer_id"].isin(of["offer_id"])
        dropped = int((~(known_j & known_o)).sum())
        if dropped:
            notes.append(f"{dropped} interactions ignorées : demandeur ou offre absent des tables")
            inter = inter[known_j & known_o].reset_index(drop=True)
    prot = load_table(paths["protected_attributes"], PROTECTED) if paths["protected_attributes"] is not None else None
    used = [Path(p) for p in paths.values() if p is not None]
    return Tables(jobseekers=js, offers=of, interactions=inter, protected=prot,
                  source=str(directory) if directory is not None else ", ".join(str(p) for p in used),
                  files={k: str(v) for k, v in paths.items() if v is not None}, fingerprint=fingerprint_files(used),
                  notes=notes)
