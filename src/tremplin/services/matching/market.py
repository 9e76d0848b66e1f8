"""A market as arrays: jobseekers and offers turned into numbers once, for vectorised matching.

Built from the checked tables (:mod:`.schema`). Protected attributes are never put here:
they stay in ``Tables.protected`` and are read only by training (bias correction) and audits.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd
import scipy.sparse as sp

from .occupations import Occupations
from .schema import Tables

EARTH_RADIUS_KM = 6371.0088  # same constant as tremplin.referentials.geo
CONTRACT_BITS = {"CDI": 1, "CDD": 2, "MIS": 4, "SAI": 8, "LIB": 16}
DEFAULT_RADIUS_KM = 25.0
NO_DIPLOMA_LEVEL = 2.0


def haversine_km(lat1, lon1, lat2, lon2) -> np.ndarray:
    p1, p2 = np.radians(lat1), np.radians(lat2)
    dp, dl = p2 - p1, np.radians(np.asarray(lon2) - np.asarray(lon1))
    h = np.sin(dp / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * np.arcsin(np.minimum(1.0, np.sqrt(h)))


@dataclass
class ListCSR:
    """Variable-length integer lists (offsets + values)."""

    offsets: np.ndarray
    values: np.ndarray

    @classmethod
    def build(cls, lists: list[np.ndarray]) -> ListCSR:
        lengths = np.fromiter((len(x) for x in lists), dtype=np.int64, count=len(lists))
        offsets = np.zeros(len(lists) + 1, dtype=np.int64)
        np.cumsum(lengths, out=offsets[1:])
        values = np.concatenate(lists).astype(np.int64) if len(lists) and offsets[-1] else np.zeros(0, np.int64)
        return cls(offsets, values)

    def owners(self) -> np.ndarray:
        return np.repeat(np.arange(len(self.offsets) - 1), np.diff(self.offsets))

    def row(self, i: int) -> np.ndarray:
        return self.values[self.offsets[i]:self.offsets[i + 1]]

    def positions(self, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(position in ``rows``, index into ``values``) for every value of the given rows."""
        rows = np.asarray(rows, dtype=np.int64)
        lo, hi = self.offsets[rows], self.offsets[rows + 1]
        cnt = hi - lo
        owner = np.repeat(np.arange(len(rows)), cnt)
        within = np.arange(int(cnt.sum())) - np.repeat(np.cumsum(cnt) - cnt, cnt)
        return owner, lo[owner] + within

    def take(self, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(position in ``rows``, value) for every value of the given rows."""
        owner, pos = self.positions(rows)
        return owner, self.values[pos]


def _coordinates(frame: pd.DataFrame) -> tuple[np.ndarray, np.ndarray, int]:
    """Latitude/longitude, completed from the commune referential where only the commune is given."""
    lat = np.array(pd.to_numeric(frame["latitude"], errors="coerce"), dtype=float)
    lon = np.array(pd.to_numeric(frame["longitude"], errors="coerce"), dtype=float)
    missing = (np.isnan(lat) | np.isnan(lon)) & frame["commune_code"].notna().to_numpy()
    if missing.any():
        from tremplin.referentials import geo

        communes = geo.frames()["communes"]
        aliases = geo.frames().get("aliases")
        table = communes.set_index("insee")[["latitude", "longitude"]]
        codes = frame["commune_code"].to_numpy(dtype=object)[missing]
        if aliases is not None and len(aliases):
            alias = dict(zip(aliases["old"].astype(str), aliases["insee"].astype(str), strict=False))
            codes = np.array([c if c in table.index else alias.get(c, c) for c in codes], dtype=object)
        found = table.reindex(codes)
        lat[missing] = found["latitude"].to_numpy(dtype=float)
        lon[missing] = found["longitude"].to_numpy(dtype=float)
    unknown = int((np.isnan(lat) | np.isnan(lon)).sum())
    return lat, lon, unknown


def _skill_matrix(lists, occ: Occupations) -> sp.csr_matrix:
    lengths = np.fromiter((len(x) for x in lists), dtype=np.int64, count=len(lists))
    flat = [str(v) for x in lists for v in x]
    cols = occ.competence_indices(flat)
    rows = np.repeat(np.arange(len(lists)), lengths)
    ok = cols >= 0
    m = sp.csr_matrix((np.ones(int(ok.sum()), dtype=np.float32), (rows[ok], cols[ok])),
                      shape=(len(lists), len(occ.comp_vocab)))
    m.sum_duplicates()
    m.data[:] = 1.0
    return m


def _bool(series: pd.Series, default: float = np.nan) -> np.ndarray:
    values = pd.to_numeric(series, errors="coerce").to_numpy(dtype=float)
    return np.where(np.isnan(values), default, values)


def _dates(series: pd.Series) -> np.ndarray:
    return pd.to_datetime(series, errors="coerce").to_numpy(dtype="datetime64[D]")


@dataclass
class Jobseekers:
    ids: np.ndarray
    pos: dict[str, int]
    lat: np.ndarray
    lon: np.ndarray
    radius: np.ndarray  # km, NaN = not declared
    desired: ListCSR  # code indices
    past: ListCSR  # code indices
    past_months: np.ndarray  # aligned with past.values
    skills: sp.csr_matrix  # jobseekers × competences (0/1)
    contracts: np.ndarray  # bitmask, 0 = no preference declared
    full_time_only: np.ndarray  # 1/0/NaN
    salary: np.ndarray  # desired monthly gross, NaN unknown
    education: np.ndarray  # level, NO_DIPLOMA_LEVEL when empty
    licence: np.ndarray  # 1/0
    english: np.ndarray  # 1/0
    registered: np.ndarray  # datetime64[D], NaT unknown
    exit_on: np.ndarray
    departement: np.ndarray
    from_text: np.ndarray  # desired codes were derived from the free-text target job
    empty_profile: np.ndarray  # no experience and no competences declared
    titles: list[list[str]] = field(default_factory=list)

    @property
    def n(self) -> int:
        return len(self.ids)


@dataclass
class Offers:
    ids: np.ndarray
    pos: dict[str, int]
    code: np.ndarray
    fiche: np.ndarray
    lat: np.ndarray
    lon: np.ndarray
    contract: np.ndarray  # bit, 0 unknown
    contract_label: np.ndarray
    hours: np.ndarray
    full_time: np.ndarray  # 1/0/NaN
    salary: np.ndarray  # monthly minimum, NaN when not shown
    education: np.ndarray  # required level, NaN none
    experience: np.ndarray  # months required, NaN unknown
    skills: sp.csr_matrix  # offers × competences
    licence: np.ndarray  # 1/0/NaN
    english: np.ndarray
    posts: np.ndarray
    created: np.ndarray
    closed: np.ndarray  # NaT = open
    open_status: np.ndarray  # bool: not closed by status
    company: np.ndarray
    title: np.ndarray
    departement: np.ndarray
    skill_codes: list[list[str]] = field(default_factory=list)
    skill_labels: list[list[str]] = field(default_factory=list)

    @property
    def n(self) -> int:
        return len(self.ids)


@dataclass
class Market:
    """Jobseekers and offers as arrays, plus the tables they came from."""

    tables: Tables
    occ: Occupations
    js: Jobseekers
    offers: Offers
    notes: list[str] = field(default_factory=list)
    interactions: pd.DataFrame | None = None  # jobseeker (row), offer (row), type, date

    @property
    def fingerprint(self) -> str:
        return self.tables.fingerprint

    def as_of(self) -> np.datetime64:
        """The reference date: the latest date found in the data."""
        candidates = [self.offers.created, self.offers.closed, self.js.registered, self.js.exit_on]
        if self.interactions is not None and len(self.interactions):
            candidates.append(self.interactions["date"].to_numpy(dtype="datetime64[D]"))
        best = None
        for arr in candidates:
            arr = arr[~np.isnat(arr)]
            if len(arr):
                m = arr.max()
                best = m if best is None or m > best else best
        return best if best is not None else np.datetime64("today", "D")

    def active_jobseekers(self, start: np.datetime64 | None = None, end: np.datetime64 | None = None) -> np.ndarray:
        """Rows of jobseekers registered during [start, end): registered before end, not gone before start."""
        js = self.js
        mask = np.ones(js.n, dtype=bool)
        if end is not None:
            mask &= np.isnat(js.registered) | (js.registered < end)
        if start is not None:
            mask &= np.isnat(js.exit_on) | (js.exit_on >= start)
        else:
            mask &= np.isnat(js.exit_on)
        return np.flatnonzero(mask)

    def open_offers(self, start: np.datetime64 | None = None, end: np.datetime64 | None = None) -> np.ndarray:
        """Rows of offers open at some time during [start, end); without dates, the offers open now."""
        of = self.offers
        mask = np.ones(of.n, dtype=bool)
        if end is not None:
            mask &= np.isnat(of.created) | (of.created < end)
        if start is not None:
            mask &= np.isnat(of.closed) | (of.closed >= start)
        else:
            mask &= np.isnat(of.closed) & of.open_status
        return np.flatnonzero(mask)


def build_market(tables: Tables, occ: Occupations | None = None) -> Market:
    from . import occupations

    occ = occ or occupations.load()
    notes = list(tables.notes)
    jf, of = tables.jobseekers, tables.offers

    # every code of the data gets an index first (unknown codes appended once)
    all_codes = set(of["rome_code"])
    for col in ("desired_rome_codes", "past_rome_codes"):
        for lst in jf[col]:
            all_codes.update(lst)
    text_codes = _codes_from_text(jf)
    for c in text_codes.values():
        all_codes.add(c)
    occ.code_indices(sorted(all_codes), grow=True)
    unknown = [c for c in sorted(all_codes) if c in occ.extra]
    if unknown:
        notes.append(f"{len(unknown)} codes ROME inconnus du référentiel installé (sans liens de proximité) : "
                     + ", ".join(unknown[:5]) + ("…" if len(unknown) > 5 else ""))

    # ---- jobseekers
    ids = jf["jobseeker_id"].to_numpy(dtype=object)
    lat, lon, unknown_places = _coordinates(jf)
    if unknown_places:
        notes.append(f"{unknown_places} demandeurs sans lieu de résidence connu : distance non prise en compte pour eux")
    desired_lists, from_text = [], np.zeros(len(jf), dtype=bool)
    for i, lst in enumerate(jf["desired_rome_codes"]):
        if not lst and i in text_codes:
            lst = [text_codes[i]]
            from_text[i] = True
        desired_lists.append(occ.code_indices(lst, grow=False))
    desired = ListCSR.build(desired_lists)
    past = ListCSR.build([occ.code_indices(lst, grow=False) for lst in jf["past_rome_codes"]])
    months = []
    for codes, m in zip(jf["past_rome_codes"], jf["past_months"], strict=True):
        months.append(np.asarray(m, dtype=float) if m else np.full(len(codes), 12.0))
    past_months = np.concatenate(months) if months and past.offsets[-1] else np.zeros(0)
    skills = _skill_matrix(jf["skills"].tolist(), occ)
    contracts = np.zeros(len(jf), dtype=np.int64)
    for i, lst in enumerate(jf["desired_contract_types"]):
        for c in lst:
            contracts[i] |= CONTRACT_BITS.get(c, 0)
    english = np.array([any("angl" in str(x).lower() or str(x).lower() in ("en", "english") for x in lst)
                        for lst in jf["languages"]], dtype=float)
    education = pd.to_numeric(jf["education_level"], errors="coerce").to_numpy(dtype=float)
    education = np.where(np.isnan(education), NO_DIPLOMA_LEVEL, education)
    empty = (np.diff(past.offsets) == 0) & (np.diff(skills.indptr) == 0)
    js = Jobseekers(
        ids=ids, pos={k: i for i, k in enumerate(ids)}, lat=lat, lon=lon,
        radius=pd.to_numeric(jf["mobility_radius_km"], errors="coerce").to_numpy(dtype=float),
        desired=desired, past=past, past_months=past_months, skills=skills, contracts=contracts,
        full_time_only=_bool(jf["full_time_only"]), salary=pd.to_numeric(jf["desired_salary_monthly"]).to_numpy(float),
        education=education, licence=_bool(jf["driving_licence"], 0.0), english=english,
        registered=_dates(jf["registered_on"]), exit_on=_dates(jf["exit_on"]),
        departement=jf["departement"].to_numpy(dtype=object), from_text=from_text, empty_profile=empty,
        titles=[list(t) for t in jf["past_titles"]],
    )

    # ---- offers
    oids = of["offer_id"].to_numpy(dtype=object)
    olat, olon, unknown_offers = _coordinates(of)
    if unknown_offers:
        notes.append(f"{unknown_offers} offres sans lieu de travail connu : proposées sans distance, et jamais "
                     "à qui a fixé une distance maximale")
    code = occ.code_indices(of["rome_code"].tolist(), grow=False)
    contract_label = of["contract_type"].to_numpy(dtype=object)
    contract = np.array([CONTRACT_BITS.get(c, 0) if c else 0 for c in contract_label], dtype=np.int64)
    hours = pd.to_numeric(of["weekly_hours"], errors="coerce").to_numpy(dtype=float)
    full_time = _bool(of["full_time"])
    full_time = np.where(np.isnan(full_time) & ~np.isnan(hours), (hours >= 35).astype(float), full_time)
    shown = _bool(of["salary_shown"], 1.0)
    salary = pd.to_numeric(of["salary_min_monthly"], errors="coerce").to_numpy(dtype=float)
    salary = np.where(shown > 0, salary, np.nan)
    skills_o = _skill_matrix(of["skills"].tolist(), occ)
    skill_labels = []
    for codes_, labels_ in zip(of["skills"], of["skill_labels"], strict=True):
        if labels_:
            skill_labels.append(list(labels_))
        else:
            idx = occ.competence_indices(codes_)
            skill_labels.append([occ.comp_labels[k] if k >= 0 else str(c) for k, c in zip(idx, codes_, strict=True)])
    posts = pd.to_numeric(of["posts"], errors="coerce").to_numpy(dtype=float)
    posts = np.where(np.isnan(posts), 1.0, posts)
    status = of["status"].fillna("").astype(str).str.lower()
    open_status = ~status.isin(["pourvue", "retiree", "expiree", "fermee", "closed", "filled"]).to_numpy()
    titles = of["intitule"].fillna(of["appellation_label"]).fillna("").to_numpy(dtype=object)
    offers = Offers(
        ids=oids, pos={k: i for i, k in enumerate(oids)}, code=code, fiche=occ.parent[code], lat=olat, lon=olon,
        contract=contract, contract_label=contract_label, hours=hours, full_time=full_time, salary=salary,
        education=pd.to_numeric(of["education_required"], errors="coerce").to_numpy(float),
        experience=pd.to_numeric(of["experience_required_months"], errors="coerce").to_numpy(float),
        skills=skills_o, licence=_bool(of["licence_required"]), english=_bool(of["english_required"]),
        posts=posts, created=_dates(of["created_on"]), closed=_dates(of["closed_on"]), open_status=open_status,
        company=of["company_id"].fillna(of["company_name"]).to_numpy(dtype=object), title=titles,
        departement=of["departement"].to_numpy(dtype=object),
        skill_codes=[list(x) for x in of["skills"]], skill_labels=skill_labels,
    )
    inter = None
    if tables.interactions is not None:
        it = tables.interactions
        inter = pd.DataFrame({
            "j": it["jobseeker_id"].map(js.pos).to_numpy(dtype=np.int64),
            "o": it["offer_id"].map(offers.pos).to_numpy(dtype=np.int64),
            "type": it["type"].to_numpy(dtype=object),
            "date": it["date"].to_numpy(dtype="datetime64[D]"),
        })
    return Market(tables=tables, occ=occ, js=js, offers=offers, notes=notes, interactions=inter)


def _codes_from_text(jf: pd.DataFrame) -> dict[int, str]:
    """ROME code of the free-text target job, for jobseekers who declared no code (referential search)."""
    need = jf["desired_rome_codes"].map(len).eq(0) & jf["target_job"].notna()
    if not need.any():
        return {}
    from tremplin.referentials import rome

    out: dict[int, str] = {}
    cache: dict[str, str | None] = {}
    for i, text in zip(np.flatnonzero(need.to_numpy()), jf.loc[need, "target_job"], strict=True):
        key = str(text).strip().lower()
        if key not in cache:
            found = rome.search_appellations(str(text), limit=1) if key else []
            cache[key] = found[0].code if found else None
        if cache[key]:
            out[int(i)] = cache[key]
    return out


def describe(market: Market) -> dict[str, Any]:
    return {"jobseekers": market.js.n, "offers": market.offers.n,
            "interactions": 0 if market.interactions is None else len(market.interactions),
            "source": market.tables.source, "fingerprint": market.fingerprint, "notes": market.notes}
