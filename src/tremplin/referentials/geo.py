"""Geography: communes, départements, régions, EPCI, bassins d'emploi, distances.

Sources (see docs/referentials.md): npm ``@etalab/decoupage-administratif`` (INSEE official
geographic code, populations, EPCI); commune coordinates from La Poste's postcode file and
bassins d'emploi per commune from France Travail files, both read from the data mirror when
present. Without coordinates, :func:`distance_km` says so instead of guessing::

    from tremplin.referentials import geo
    geo.commune("74010").name          # 'Annecy'
    geo.communes(departement="74")
    geo.distance_km("74010", "73065")
"""

from __future__ import annotations

import io
import json
import math
import re
import tarfile
from pathlib import Path
from typing import Any

import pandas as pd
from pydantic import BaseModel, ConfigDict

from tremplin.errors import DataUnavailable, InvalidInput, NotFound
from tremplin.referentials import _store

NAME = "geo"
INSEE_RE = re.compile(r"^(\d{5}|2[AB]\d{3})$")
EARTH_RADIUS_KM = 6371.0088


class Commune(BaseModel):
    model_config = ConfigDict(frozen=True)

    insee: str
    name: str
    departement: str
    departement_name: str = ""
    region: str
    region_name: str = ""
    epci: str | None = None  # SIREN of the EPCI
    epci_name: str | None = None
    population: int | None = None
    postcodes: list[str] = []
    latitude: float | None = None
    longitude: float | None = None
    bassin: str | None = None  # bassin d'emploi code
    bassin_name: str | None = None


class Area(BaseModel):
    """A département, région, EPCI or bassin d'emploi."""

    model_config = ConfigDict(frozen=True)

    code: str
    name: str
    kind: str
    population: int | None = None
    region: str | None = None


# ---------------------------------------------------------------- building (at fetch time)


def _tar_json(tarball: Path, wanted: set[str]) -> dict[str, Any]:
    out = {}
    with tarfile.open(tarball, "r:gz") as archive:
        for member in archive:
            base = member.name.split("/", 1)[-1]
            if base in wanted and member.isfile():
                out[base] = json.loads(archive.extractfile(member).read().decode("utf-8"))
    missing = wanted - set(out)
    if missing:
        raise DataUnavailable(f"fichiers absents du paquet {tarball.name} : {', '.join(sorted(missing))}",
                              hint="la structure du paquet a changé ; signalez-le")
    return out


def _read_mirror_csv(path: Path, **kwargs) -> pd.DataFrame:
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DataUnavailable(f"le fichier {path.name} du miroir n'est pas en UTF-8 (octet {exc.start})",
                              hint="utilisez le fichier d'origine") from exc
    try:
        return pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False, **kwargs)
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        raise DataUnavailable(f"le fichier {path.name} du miroir est illisible ou tronqué",
                              hint="remplacez-le par le fichier d'origine") from exc


def build_frames(tarball: Path, mirror_geo: Path | None) -> tuple[dict[str, pd.DataFrame], list[str], list[str]]:
    """Frames, names of the optional inputs used, and of those missing."""
    files = {"communes.json", "departements.json", "regions.json", "epci.json"}
    data = _tar_json(tarball, {f"data/{f}" for f in files})
    raw_communes = data["data/communes.json"]
    if len(raw_communes) < 30000:
        raise DataUnavailable(f"le paquet {tarball.name} ne contient que {len(raw_communes)} communes",
                              hint="paquet incomplet ; relancez « tremplin data fetch --only geo »")
    current = [c for c in raw_communes if c.get("type") in ("commune-actuelle", "arrondissement-municipal")]
    communes = pd.DataFrame({
        "insee": [c["code"] for c in current],
        "name": [c["nom"] for c in current],
        "kind": [c["type"] for c in current],
        "departement": [c.get("departement", "") for c in current],
        "region": [c.get("region", "") for c in current],
        "population": [c.get("population") for c in current],
        "postcodes": [";".join(c.get("codesPostaux", [])) for c in current],
        "parent": [c.get("commune", "") for c in current],  # for arrondissements municipaux
    })
    communes["population"] = pd.to_numeric(communes["population"], errors="coerce").astype("Int64")
    # Old codes (merged communes) and delegated communes point to the current commune.
    aliases = []
    current_codes = set(communes["insee"])
    for c in raw_communes:
        for old in c.get("anciensCodes", []) or []:
            if old not in current_codes:
                aliases.append((old, c["code"]))
        if c.get("type") in ("commune-deleguee", "commune-associee") and c.get("chefLieu"):
            if c["code"] not in current_codes:
                aliases.append((c["code"], c["chefLieu"]))
    alias_df = pd.DataFrame(aliases, columns=["old", "insee"]).drop_duplicates("old")

    epci_rows, members = [], []
    for e in data["data/epci.json"]:
        epci_rows.append({"code": e["code"], "name": e["nom"], "type": e.get("type", ""),
                          "financing": e.get("modeFinancement", ""), "population": e.get("populationTotale"),
                          "population_municipale": e.get("populationMunicipale"),
                          "members": len(e.get("membres", []))})
        members.extend((m["code"], e["code"]) for m in e.get("membres", []))
    epci = pd.DataFrame(epci_rows)
    member_df = pd.DataFrame(members, columns=["insee", "epci"]).drop_duplicates("insee")
    communes = communes.merge(member_df, on="insee", how="left")
    # arrondissements municipaux belong to their city's EPCI
    communes["epci"] = communes["epci"].fillna(communes["parent"].map(member_df.set_index("insee")["epci"]))

    pops = communes[communes["kind"] == "commune-actuelle"]
    departements = pd.DataFrame(data["data/departements.json"]).rename(columns={"nom": "name", "chefLieu": "chef_lieu"})
    departements = departements[["code", "name", "region", "chef_lieu", "zone"]]
    departements["population"] = departements["code"].map(pops.groupby("departement")["population"].sum()).astype("Int64")
    regions = pd.DataFrame(data["data/regions.json"]).rename(columns={"nom": "name", "chefLieu": "chef_lieu"})
    regions = regions[["code", "name", "chef_lieu", "zone"]]
    regions["population"] = regions["code"].map(pops.groupby("region")["population"].sum()).astype("Int64")

    used, missing = [], []
    communes["latitude"] = float("nan")
    communes["longitude"] = float("nan")
    laposte = mirror_geo / "laposte_hexasmal.csv" if mirror_geo else None
    if laposte and laposte.is_file():
        lp = _read_mirror_csv(laposte, sep=";")
        if not {"Code_commune_INSEE", "coordonnees_gps"} <= set(lp.columns):
            raise DataUnavailable(f"colonnes attendues absentes de {laposte.name}", hint="utilisez le fichier d'origine")
        coords = lp["coordonnees_gps"].str.split(",", n=1, expand=True)
        lp = pd.DataFrame({"insee": lp["Code_commune_INSEE"].str.strip(),
                           "lat": pd.to_numeric(coords[0], errors="coerce"),
                           "lon": pd.to_numeric(coords[1], errors="coerce")}).dropna()
        # map old codes onto current communes, then average the points of each commune
        lp["insee"] = lp["insee"].map(alias_df.set_index("old")["insee"]).fillna(lp["insee"])
        mean = lp.groupby("insee")[["lat", "lon"]].mean()
        communes["latitude"] = communes["insee"].map(mean["lat"])
        communes["longitude"] = communes["insee"].map(mean["lon"])
        # cities with arrondissements municipaux (Paris, Lyon, Marseille): mean of their arrondissements
        arr = communes[communes["kind"] == "arrondissement-municipal"].groupby("parent")[["latitude", "longitude"]].mean()
        for column in ("latitude", "longitude"):
            communes[column] = communes[column].fillna(communes["insee"].map(arr[column]))
        used.append("La Poste : coordonnées des communes (laposte_hexasmal.csv)")
    else:
        missing.append("coordonnées des communes (fichier La Poste laposte_hexasmal.csv absent du miroir)")

    communes["bassin"] = None
    communes["bassin_name"] = None
    lexique = mirror_geo / "lexique-bassins.csv" if mirror_geo else None
    lbb = mirror_geo / "lbb-pse_bassin-emploi_code-insee.csv" if mirror_geo else None
    bassins = pd.DataFrame(columns=["code", "name"])
    if lexique and lexique.is_file():
        lx = _read_mirror_csv(lexique)
        if not {"CODE_COMMUNE_INSEE", "BE19", "NOMBE19"} <= set(lx.columns):
            raise DataUnavailable(f"colonnes attendues absentes de {lexique.name}", hint="utilisez le fichier d'origine")
        lx = lx[lx["BE19"] != ""]
        lx_map = lx.drop_duplicates("CODE_COMMUNE_INSEE").set_index("CODE_COMMUNE_INSEE")
        bassins = lx[["BE19", "NOMBE19"]].drop_duplicates("BE19").rename(columns={"BE19": "code", "NOMBE19": "name"})
        communes["bassin"] = communes["insee"].map(lx_map["BE19"])
        used.append("France Travail : bassins d'emploi 2019 (lexique-bassins.csv)")
    if lbb and lbb.is_file():
        lb = _read_mirror_csv(lbb)
        if {"code_insee", "code_bassin_emploi"} <= set(lb.columns):
            lb_map = lb.drop_duplicates("code_insee").set_index("code_insee")["code_bassin_emploi"].str.zfill(4)
            communes["bassin"] = communes["bassin"].fillna(communes["insee"].map(lb_map))
            used.append("La Bonne Boite : bassin d'emploi par commune (lbb-pse_bassin-emploi_code-insee.csv)")
    if communes["bassin"].notna().any():
        # arrondissements and parents share a bassin; communes merged since 2019 take their old code's bassin
        communes["bassin"] = communes["bassin"].fillna(communes["parent"].map(communes.set_index("insee")["bassin"]))
        old_bassin = alias_df.assign(b=alias_df["old"].map(communes.set_index("insee")["bassin"]))
        if lexique and lexique.is_file():
            old_bassin["b"] = old_bassin["b"].fillna(old_bassin["old"].map(lx_map["BE19"]))
        first = old_bassin.dropna(subset=["b"]).drop_duplicates("insee").set_index("insee")["b"]
        communes["bassin"] = communes["bassin"].fillna(communes["insee"].map(first))
        communes["bassin_name"] = communes["bassin"].map(bassins.set_index("code")["name"]) if len(bassins) else None
    else:
        missing.append("bassins d'emploi (fichiers France Travail absents du miroir)")
    bassins = bassins.copy()
    if len(bassins):
        bassins["population"] = bassins["code"].map(
            communes[communes["kind"] == "commune-actuelle"].groupby("bassin")["population"].sum()).astype("Int64")
    communes["bassin"] = communes["bassin"].astype(object).where(communes["bassin"].notna(), None)
    communes["bassin_name"] = communes["bassin_name"].astype(object).where(communes["bassin_name"].notna(), None)

    frames = {"communes": communes.sort_values("insee").reset_index(drop=True), "aliases": alias_df,
              "departements": departements, "regions": regions, "epci": epci,
              "bassins": bassins.reset_index(drop=True)}
    return frames, used, missing


# ---------------------------------------------------------------- reading


def _installed() -> _store.Installed:
    return _store.load(NAME)


def frames() -> dict[str, pd.DataFrame]:
    """communes, aliases (old code → current), departements, regions, epci, bassins."""
    installed = _installed()
    return {n[:-8]: installed.frame(n[:-8]) for n in installed.manifest.get("files", {}) if n.endswith(".parquet")}


def info() -> dict[str, Any]:
    return dict(_installed().manifest)


def _lookups(installed: _store.Installed) -> dict[str, Any]:
    def build() -> dict[str, Any]:
        communes = installed.frame("communes")
        return {
            "communes": {r["insee"]: r for r in communes.to_dict("records")},
            "aliases": dict(zip(installed.frame("aliases")["old"], installed.frame("aliases")["insee"], strict=True)),
            "departements": {r["code"]: r for r in installed.frame("departements").to_dict("records")},
            "regions": {r["code"]: r for r in installed.frame("regions").to_dict("records")},
            "epci": {r["code"]: r for r in installed.frame("epci").to_dict("records")},
            "bassins": {r["code"]: r for r in installed.frame("bassins").to_dict("records")},
        }

    return installed.derived("lookups", build)


def _clean(value: Any) -> Any:
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA:
        return None
    return value


def _commune(row: dict, lk: dict[str, Any]) -> Commune:
    dep = lk["departements"].get(row["departement"], {})
    reg = lk["regions"].get(row["region"], {})
    epci = _clean(row.get("epci"))
    return Commune(
        insee=row["insee"], name=row["name"], departement=row["departement"], departement_name=dep.get("name", ""),
        region=row["region"], region_name=reg.get("name", ""), epci=epci,
        epci_name=lk["epci"].get(epci, {}).get("name") if epci else None,
        population=_clean(row.get("population")),
        postcodes=[p for p in (row.get("postcodes") or "").split(";") if p],
        latitude=_clean(row.get("latitude")), longitude=_clean(row.get("longitude")),
        bassin=_clean(row.get("bassin")), bassin_name=_clean(row.get("bassin_name")),
    )


def normalise_insee(code: Any) -> str:
    if not isinstance(code, str | int):
        raise InvalidInput("un code commune INSEE doit être une chaîne", field="insee")
    value = str(code).strip().upper()
    if value.isdigit() and len(value) == 4:
        value = "0" + value  # tableurs drop the leading zero of 01001
    if not INSEE_RE.match(value):
        raise InvalidInput(
            f"code commune INSEE « {code} » mal formé : attendu 5 caractères (ex. 74010, ou 2A004 en Corse) ; "
            "ce n'est pas le code postal",
            field="insee",
        )
    return value


def commune(insee: str) -> Commune:
    """A commune by INSEE code (old codes of merged communes lead to the current commune)."""
    lk = _lookups(_installed())
    value = normalise_insee(insee)
    value = lk["aliases"].get(value, value) if value not in lk["communes"] else value
    row = lk["communes"].get(value)
    if row is None:
        raise NotFound(f"commune INSEE « {value} » inconnue du code officiel géographique installé", field="insee",
                       hint="vérifiez le code (le code INSEE n'est pas le code postal)")
    return _commune(row, lk)


def communes(*, departement: str | None = None, region: str | None = None, epci: str | None = None,
             bassin: str | None = None, include_arrondissements: bool = False) -> list[Commune]:
    """Current communes, optionally filtered (sorted by INSEE code)."""
    installed = _installed()
    lk = _lookups(installed)
    frame = installed.frame("communes")
    mask = pd.Series(True, index=frame.index)
    if not include_arrondissements:
        mask &= frame["kind"] == "commune-actuelle"
    for column, value in (("departement", departement), ("region", region), ("epci", epci), ("bassin", bassin)):
        if value is not None:
            value = str(value).strip().upper() if column == "departement" else str(value).strip()
            if column == "departement" and value.isdigit() and len(value) == 1:
                value = "0" + value
            mask &= frame[column] == value
    return [_commune(r, lk) for r in frame[mask].to_dict("records")]


def _area(kind: str, table: str, code: str) -> Area:
    lk = _lookups(_installed())
    value = str(code).strip().upper()
    row = lk[table].get(value) or (lk[table].get("0" + value) if table == "departements" and len(value) == 1 else None)
    if row is None:
        labels = {"departements": "département", "regions": "région", "epci": "EPCI", "bassins": "bassin d'emploi"}
        raise NotFound(f"{labels[table]} « {code} » inconnu", field="code")
    return Area(code=row["code"], name=row["name"], kind=kind, population=_clean(row.get("population")),
                region=row.get("region"))


def departement(code: str) -> Area:
    return _area("departement", "departements", code)


def region(code: str) -> Area:
    return _area("region", "regions", code)


def epci(siren: str) -> Area:
    return _area("epci", "epci", siren)


def bassin(code: str) -> Area:
    return _area("bassin", "bassins", code)


def bassins() -> list[Area]:
    return [Area(code=r["code"], name=r["name"], kind="bassin", population=_clean(r.get("population")))
            for r in _installed().frame("bassins").to_dict("records")]


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def coordinates(insee: str) -> tuple[float, float]:
    """(latitude, longitude) of a commune; DataUnavailable when the referential has none for it."""
    place = commune(insee)
    if place.latitude is None or place.longitude is None:
        source = _installed().manifest.get("missing") or []
        reason = "le référentiel a été installé sans le fichier La Poste" if source else "absente du fichier La Poste"
        raise DataUnavailable(
            f"coordonnées inconnues pour la commune {place.insee} ({place.name}) : {reason}",
            hint="installez la géographie avec TREMPLIN_DATA_MIRROR pointant vers un dossier geo/laposte_hexasmal.csv",
        )
    return place.latitude, place.longitude


def distance_km(a: str, b: str) -> float:
    """Great-circle distance in kilometres between two communes (INSEE codes)."""
    lat1, lon1 = coordinates(a)
    lat2, lon2 = coordinates(b)
    return round(haversine_km(lat1, lon1, lat2, lon2), 3)
