"""What the simulator reads: referentials (through ``tremplin.referentials``) and the market and
services tables (through the local mirror ``TREMPLIN_DATA_MIRROR``).

Everything is normalised here into a few frames with fixed column names, so the rest of the
simulator does not depend on how the referentials or the mirror lay their files out.

* occupations: code, label, parent, domain (grand domaine letter), cadre (bool)
* appellations: ogr, label, code
* competences: code, ogr, label (the ROME code → competence link of the referentials)
* mobility: code, target
* texts: code, kind ('definition' | 'acces_metier'), position, text
* communes: code, name, departement, lat, lon, population, postcode, bassin, bassin_name
* market (optional): rome_naf (rome, naf, naf_label, hirings), tension (rome, bassin, oee, defm, tension)
* catalogue: list of dicts (services and trainings)
"""

from __future__ import annotations

import json
import logging
import warnings
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from tremplin.errors import DataUnavailable, InvalidInput

log = logging.getLogger(__name__)


class SimulationWarning(UserWarning):
    """A fallback was used (missing mirror table, missing population…)."""


@dataclass
class Sources:
    occupations: pd.DataFrame
    appellations: pd.DataFrame
    competences: pd.DataFrame
    mobility: pd.DataFrame
    texts: pd.DataFrame
    communes: pd.DataFrame
    rome_naf: pd.DataFrame | None = None
    tension: pd.DataFrame | None = None
    naf_labels: pd.DataFrame | None = None
    catalogue: list[dict] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    versions: dict = field(default_factory=dict)

    def warn(self, message: str) -> None:
        self.notes.append(message)
        warnings.warn(message, SimulationWarning, stacklevel=2)


# ------------------------------------------------------------------------------------------
# Referentials
# ------------------------------------------------------------------------------------------
def _pick(frame: pd.DataFrame, *names: str, required: bool = True) -> str | None:
    for name in names:
        if name in frame.columns:
            return name
    if required:
        raise DataUnavailable(
            f"colonne attendue absente du référentiel (une de : {', '.join(names)})",
            hint="mettez les référentiels à jour avec « tremplin data fetch »",
        )
    return None


def _as_frame(obj) -> pd.DataFrame:
    if isinstance(obj, pd.DataFrame):
        return obj
    rows = []
    for item in obj:
        if isinstance(item, dict):
            rows.append(item)
        elif hasattr(item, "model_dump"):
            rows.append(item.model_dump())
        elif hasattr(item, "_asdict"):
            rows.append(item._asdict())
        else:
            rows.append(vars(item))
    return pd.DataFrame(rows)


def _rome_frames() -> dict[str, pd.DataFrame]:
    try:
        from tremplin.referentials import rome
    except ImportError as exc:  # the referentials package is part of the product
        raise DataUnavailable("le module des référentiels ROME est indisponible") from exc
    return rome, rome.frames()


def load_occupations() -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    rome, frames = _rome_frames()
    codes = frames["codes"]
    c_code = _pick(codes, "code_rome", "code")
    c_label = _pick(codes, "libelle_rome", "label", "libelle")
    c_parent = _pick(codes, "code_rome_parent", "parent", required=False)
    c_cadre = _pick(codes, "executive", "emploi_cadre", "cadre", required=False)
    occ = pd.DataFrame(
        {
            "code": codes[c_code].astype(str),
            "label": codes[c_label].astype(str),
            "parent": codes[c_parent].astype(str) if c_parent else codes[c_code].astype(str),
        }
    )
    occ["cadre"] = codes[c_cadre].astype(str).str.upper().isin(["O", "OUI", "TRUE", "1"]).to_numpy() if c_cadre else False
    occ["domain"] = occ["code"].str[0]
    occ = occ.drop_duplicates("code").sort_values("code").reset_index(drop=True)

    app = frames["appellations"]
    a_ogr = _pick(app, "code_ogr", "ogr", "code_appellation")
    a_label = _pick(app, "libelle_appellation_court", "libelle_appellation_long", "libelle", "label")
    a_code = _pick(app, "code_rome", "code")
    appellations = pd.DataFrame(
        {"ogr": app[a_ogr].astype(str), "label": app[a_label].astype(str), "code": app[a_code].astype(str)}
    )
    c_rare = _pick(app, "rare", "peu_usite", required=False)
    if c_rare:  # rarely used titles make odd offers
        appellations = appellations[~app[c_rare].astype(str).str.upper().isin(["O", "TRUE", "1"]).to_numpy()]
    appellations = appellations[appellations["code"].isin(occ["code"])].sort_values(["code", "ogr"]).reset_index(drop=True)

    mob = frames["mobility"]
    m_src = _pick(mob, "code_rome", "code", "source")
    m_tgt = _pick(mob, "code_rome_cible", "target", "cible")
    mobility = pd.DataFrame({"code": mob[m_src].astype(str), "target": mob[m_tgt].astype(str)})
    mobility = mobility[mobility["code"].isin(occ["code"]) & mobility["target"].isin(occ["code"])]
    mobility = mobility.drop_duplicates().sort_values(["code", "target"]).reset_index(drop=True)

    tx = frames["texts"]
    t_code = _pick(tx, "code_rome", "code")
    t_kind = _pick(tx, "libelle_type_texte", "kind", "type")
    t_pos = _pick(tx, "position_phrase", "position", required=False)
    t_text = _pick(tx, "libelle_texte", "text", "texte")
    texts = pd.DataFrame(
        {
            "code": tx[t_code].astype(str),
            "kind": tx[t_kind].astype(str),
            "position": pd.to_numeric(tx[t_pos], errors="coerce").fillna(0).astype(int) if t_pos else 0,
            "text": tx[t_text].astype(str).str.strip(),
        }
    ).sort_values(["code", "kind", "position"]).reset_index(drop=True)

    comp = frames.get("competences")
    links = frames.get("code_competences")
    competences = None
    if links is not None and comp is not None and len(links):
        c_lab = _pick(comp, "label", "libelle_competence", "libelle")
        labels = comp.set_index(comp["code_ogr"].astype(str))[c_lab]
        competences = pd.DataFrame({"code": links["code"].astype(str), "ogr": links["code_ogr"].astype(str)})
        competences["label"] = competences["ogr"].map(labels)
        competences = competences.dropna(subset=["label"])
    elif comp is not None and "code_rome" in comp.columns:
        c_ogr = _pick(comp, "code_ogr", "ogr", "code_competence")
        c_lab = _pick(comp, "libelle_competence", "libelle", "label")
        competences = pd.DataFrame(
            {"code": comp["code_rome"].astype(str), "ogr": comp[c_ogr].astype(str), "label": comp[c_lab].astype(str)}
        )
    if competences is None or competences.empty:
        rows = []
        for code in occ["code"]:
            got = rome.competences(code)
            frame = _as_frame(got)
            if frame.empty:
                continue
            c_ogr = _pick(frame, "code_ogr", "ogr", "code")
            c_lab = _pick(frame, "libelle_competence", "libelle", "label")
            rows.append(pd.DataFrame({"code": code, "ogr": frame[c_ogr].astype(str), "label": frame[c_lab].astype(str)}))
        competences = pd.concat(rows, ignore_index=True) if rows else pd.DataFrame(columns=["code", "ogr", "label"])
    competences = competences.drop_duplicates(["code", "ogr"]).sort_values(["code", "ogr"]).reset_index(drop=True)
    return occ, appellations, competences, mobility, texts


def _geo():
    try:
        from tremplin.referentials import geo
    except ImportError as exc:
        raise DataUnavailable("le module des référentiels géographiques est indisponible") from exc
    return geo


def load_communes(departements: tuple[str, ...], notes: list[str]) -> pd.DataFrame:
    """Communes of the départements with coordinates, population and bassin d'emploi."""
    geo = _geo()
    frames = []
    table = None
    if hasattr(geo, "frames"):  # one table read instead of one object per commune
        table = geo.frames().get("communes")
        if table is not None and "kind" in table.columns:
            table = table[table["kind"] == "commune-actuelle"]
        if table is not None and "departement" not in table.columns:
            table = None
    for dep in departements:
        got = table[table["departement"] == dep] if table is not None else _as_frame(geo.communes(departement=dep))
        if got.empty:
            raise InvalidInput(f"département inconnu ou sans commune dans les référentiels : {dep}", field="--departement")
        got = got.copy()
        got["__dep"] = dep
        frames.append(got)
    raw = pd.concat(frames, ignore_index=True)
    c_code = _pick(raw, "code", "code_insee", "insee")
    c_name = _pick(raw, "nom", "name", "libelle")
    c_lat = _pick(raw, "latitude", "lat")
    c_lon = _pick(raw, "longitude", "lon", "lng")
    c_pop = _pick(raw, "population", required=False)
    c_cp = _pick(raw, "code_postal", "postcode", "codePostal", "codes_postaux", "codesPostaux", "postcodes", required=False)
    c_bassin = _pick(raw, "bassin", "bassin_emploi", "code_bassin", "code_bassin_emploi", "bassin_code", required=False)
    c_region = _pick(raw, "region", "code_region", "region_code", required=False)
    c_bname = _pick(raw, "bassin_name", "bassin_libelle", "nom_bassin", "bassin_emploi_libelle", "bassin_label", required=False)
    out = pd.DataFrame(
        {
            "code": raw[c_code].astype(str),
            "name": raw[c_name].astype(str),
            "departement": raw["__dep"].astype(str),
            "lat": pd.to_numeric(raw[c_lat], errors="coerce"),
            "lon": pd.to_numeric(raw[c_lon], errors="coerce"),
        }
    )
    out["region"] = raw[c_region].astype(str) if c_region else ""
    if c_pop:
        out["population"] = pd.to_numeric(raw[c_pop], errors="coerce")
    else:
        out["population"] = np.nan
    if c_cp:
        cp = raw[c_cp]
        out["postcode"] = cp.map(lambda v: (v[0] if len(v) else "") if isinstance(v, list | tuple | np.ndarray)
                                 else ("" if pd.isna(v) else str(v).split(";")[0]))
    else:
        out["postcode"] = ""
    if c_bassin:
        out["bassin"] = raw[c_bassin].astype("string").fillna("")
        out["bassin_name"] = raw[c_bname].astype("string").fillna("") if c_bname else ""
    else:
        out["bassin"], out["bassin_name"] = "", ""
        for fn_name in ("bassin_emploi", "bassin"):
            fn = getattr(geo, fn_name, None)
            if fn is None:
                continue
            for i, code in enumerate(out["code"]):
                b = fn(code)
                if b is None:
                    continue
                if isinstance(b, dict):
                    out.at[i, "bassin"] = str(b.get("code", ""))
                    out.at[i, "bassin_name"] = str(b.get("name") or b.get("nom") or b.get("libelle") or "")
                elif isinstance(b, tuple | list):
                    out.at[i, "bassin"], out.at[i, "bassin_name"] = str(b[0]), str(b[1]) if len(b) > 1 else ""
                else:
                    out.at[i, "bassin"] = str(getattr(b, "code", b))
                    out.at[i, "bassin_name"] = str(getattr(b, "name", getattr(b, "nom", "")))
            break
    out = out.drop_duplicates("code")
    missing_xy = out["lat"].isna() | out["lon"].isna()
    if missing_xy.any():
        notes.append(f"{int(missing_xy.sum())} commune(s) sans coordonnées ignorée(s) pour la résidence et les lieux de travail")
        out = out[~missing_xy]
    if out["population"].isna().all():
        notes.append("population des communes indisponible : résidence tirée uniformément entre communes")
        out["population"] = 1.0
    else:
        out["population"] = out["population"].fillna(out["population"].median())
    nob = out["bassin"].eq("")
    if nob.any():
        notes.append(f"{int(nob.sum())} commune(s) sans bassin d'emploi : rattachées à un bassin « {'{département}'}-hors-bassin »")
        out.loc[nob, "bassin"] = out.loc[nob, "departement"] + "XX"
    out["bassin_name"] = out["bassin_name"].where(out["bassin_name"].ne(""), out["bassin"])
    return out.sort_values("code").reset_index(drop=True)


# ------------------------------------------------------------------------------------------
# Mirror tables (market, services, real offers)
# ------------------------------------------------------------------------------------------
def mirror_dir() -> Path | None:
    from tremplin.settings import get_settings

    path = get_settings().data_mirror
    return Path(path) if path else None


def _mirror_file(*parts: str) -> Path | None:
    base = mirror_dir()
    if base is None:
        return None
    path = base.joinpath(*parts)
    return path if path.is_file() else None


def load_market(notes: list[str]) -> tuple[pd.DataFrame | None, pd.DataFrame | None, pd.DataFrame | None]:
    naf_path = _mirror_file("market", "rome_naf_mapping.csv")
    tension_path = _mirror_file("market", "cities-tension-utf8.csv")
    labels_path = _mirror_file("market", "naf_labels.csv")
    rome_naf = tension = labels = None
    if naf_path:
        raw = pd.read_csv(naf_path, dtype=str)
        rome_naf = pd.DataFrame(
            {
                "rome": raw["rome_id"].str.strip(),
                "naf": raw["naf_id"].str.strip(),
                "naf_label": raw["naf_label"].fillna(""),
                "hirings": pd.to_numeric(raw["hirings"], errors="coerce").fillna(0.0),
            }
        )
        rome_naf = rome_naf[rome_naf["hirings"] > 0].sort_values(["rome", "naf"]).reset_index(drop=True)
    else:
        notes.append(
            "table des embauches ROME × NAF absente (TREMPLIN_DATA_MIRROR/market/rome_naf_mapping.csv) : "
            "secteurs et métiers des offres tirés uniformément"
        )
    if tension_path:
        raw = pd.read_csv(tension_path, sep=";", dtype=str)
        tension = pd.DataFrame(
            {
                "rome": raw["ROME"].str.strip(),
                "bassin": raw["cbassin"].str.strip(),
                "oee": pd.to_numeric(raw["oee"].str.replace(",", "."), errors="coerce"),
                "defm": pd.to_numeric(raw["defm_abc"].str.replace(",", "."), errors="coerce"),
                "tension": pd.to_numeric(raw["ind_tension_d"], errors="coerce"),
            }
        )
    else:
        notes.append("indicateurs de tension absents (TREMPLIN_DATA_MIRROR/market/cities-tension-utf8.csv) : pas de comparaison dans le rapport")
    if labels_path:
        labels = pd.read_csv(labels_path, sep="|", dtype=str).rename(columns={"naf_id": "naf", "naf_label": "naf_label"})
    return rome_naf, tension, labels


def load_real_offers() -> list[dict] | None:
    """The real offers of the mirror (report only)."""
    path = _mirror_file("offers", "offers_dev.jsonl")
    if not path:
        return None
    rows = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if line:
                try:
                    rows.append(json.loads(line))
                except json.JSONDecodeError:
                    continue
    return rows


def load_sources(departements: tuple[str, ...]) -> Sources:
    notes: list[str] = []
    occ, appellations, competences, mobility, texts = load_occupations()
    if competences.empty:
        raise DataUnavailable(
            "le lien métier → compétences du ROME est vide", hint="mettez les référentiels à jour avec « tremplin data fetch »"
        )
    communes = load_communes(departements, notes)
    rome_naf, tension, naf_labels = load_market(notes)
    from tremplin.simulate.services import load_catalogue

    regions = communes["region"].replace("", np.nan).dropna()
    catalogue = load_catalogue(notes, region=regions.mode().iat[0] if len(regions) else None)
    src = Sources(
        occupations=occ,
        appellations=appellations,
        competences=competences,
        mobility=mobility,
        texts=texts,
        communes=communes,
        rome_naf=rome_naf,
        tension=tension,
        naf_labels=naf_labels,
        catalogue=catalogue,
    )
    for note in notes:
        src.warn(note)
    return src
