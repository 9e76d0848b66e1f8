"""Matching as a service: offers for a jobseeker, candidates for an offer, feedback, filters, batch.

Public entry points (re-exported by the package): :func:`recommend_offers`,
:func:`recommend_candidates`, :func:`record_recommendations`, :func:`record_feedback`,
:func:`set_filters`, :func:`get_filters`, :func:`batch`, :func:`train`, :func:`load_model`.

**Where the market comes from** (:func:`resolve_market`): the ``market`` argument (a folder of
tables, see docs/matching.md), else ``TREMPLIN_MATCHING_MARKET``, else the latest simulated
territory recorded in the database, else the folder the model was trained on.

**Governance.** Every call first asks :func:`tremplin.governance.contract.ensure_enabled`
(``rules_only``: the model is left out, rule M08 orders the list). Each suggestion is a
:class:`~tremplin.domain.Proposal`; with a database ``session`` they are journaled
(:func:`record_recommendations`), otherwise returned ready to journal (the console's gateway
does it). Feedback and counsellor changes are stored and, when they answer a proposal,
journaled as decisions.
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from uuid import uuid4

import numpy as np
from pydantic import BaseModel, Field

from tremplin.domain import Decision, Proposal, Reason
from tremplin.errors import DataUnavailable, InvalidInput, NotFound

from . import messages, rules
from .candidates import (
    EntriesByCode,
    OfferIndex,
    Pairs,
    PersonFilter,
    Stage1Params,
    candidates,
    candidates_for_offer,
    distance_limits,
    occupation_entries,
)
from .congestion import (
    CongestionParams,
    Prices,
    adjust,
    market_prices,
    paged_ranks,
    ranks_within,
    stored_params,
)
from .features import FEATURES, pair_features
from .market import CONTRACT_BITS, Market, build_market, haversine_km
from .model import MODEL_VERSION, MatchRanker, RankerParams
from .schema import load_tables

SERVICE = rules.SERVICE
MODEL_DIRNAME = "matching"
MODEL_FILE = "model.json"
FORMAT = 1
MARKET_ENV = "TREMPLIN_MATCHING_MARKET"
FEEDBACK_KINDS = ("pas_interesse", "ajout_conseiller", "retrait_conseiller")
MAX_TOP = 200
BLOCK = 4000


# --------------------------------------------------------------------------- results


class Suggestion(BaseModel):
    rank: int
    offer_id: str | None = None
    jobseeker_id: str | None = None
    title: str | None = None
    score: float | None = None  # combined score: mix × log P(apply) + (1 − mix) × log P(hire | apply)
    adjusted_score: float | None = None  # after stage 3 and feedback
    p_apply: float | None = None
    p_hire: float | None = None
    distance_km: float | None = None
    reasons: list[Reason] = Field(default_factory=list)
    explanation: str = ""
    added_by_counsellor: bool = False
    proposal_id: str | None = None


class Recommendations(BaseModel):
    direction: str  # "offers" (for a jobseeker) or "candidates" (for an offer)
    subject_id: str
    items: list[Suggestion]
    notices: list[str] = Field(default_factory=list)
    mode: str = "model"
    model_version: str | None = None
    ruleset_version: str = rules.RULESET.version
    rules_fired: list[str] = Field(default_factory=list)
    candidates_considered: int = 0
    market: dict[str, Any] = Field(default_factory=dict)
    proposals: list[Proposal] = Field(default_factory=list)
    journaled: bool = False

    def summary(self) -> dict[str, Any]:
        key = "offer_id" if self.direction == "offers" else "jobseeker_id"
        return {
            "direction": self.direction, "subject_id": self.subject_id, "mode": self.mode,
            "model_version": self.model_version, "notices": self.notices,
            "results": [{"rank": s.rank, key: getattr(s, key), "title": s.title,
                         "score": None if s.adjusted_score is None else round(s.adjusted_score, 4),
                         "relevance": None if s.score is None else round(s.score, 4),
                         "distance_km": None if s.distance_km is None else round(s.distance_km, 1),
                         "reasons": [{"label": r.label, "weight": r.weight} for r in s.reasons],
                         "added_by_counsellor": s.added_by_counsellor, "proposal_id": s.proposal_id}
                        for s in self.items],
        }


# --------------------------------------------------------------------------- model storage


def model_dir() -> Path:
    from tremplin.settings import get_settings

    return get_settings().models_dir / MODEL_DIRNAME


def save_model(ranker: MatchRanker, meta: dict[str, Any]) -> Path:
    """Write the model with its metadata atomically (readers see the old or the new one)."""
    directory = model_dir()
    directory.mkdir(parents=True, exist_ok=True)
    body = {"format": FORMAT, "meta": meta, "ranker": ranker.to_dict()}
    text = json.dumps(body, ensure_ascii=False)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    tmp = directory / f".{MODEL_FILE}.{os.getpid()}.tmp"
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, directory / MODEL_FILE)
    (directory / "meta.json").write_text(json.dumps({**meta, "sha256": digest}, ensure_ascii=False, indent=2),
                                         encoding="utf-8")
    _MODEL_CACHE.clear()
    return directory / MODEL_FILE


def read_meta() -> dict[str, Any] | None:
    path = model_dir() / "meta.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        raise DataUnavailable(f"métadonnées du modèle d'appariement illisibles ({path}) : {exc}",
                              hint="relancez « tremplin match train »") from exc


_MODEL_CACHE: dict[tuple, tuple[MatchRanker, dict]] = {}
_LOCK = threading.RLock()


def load_model(required: bool = True) -> tuple[MatchRanker, dict[str, Any]] | None:
    """The trained model of the configured models directory (cached while the file is unchanged)."""
    path = model_dir() / MODEL_FILE
    try:
        stat = path.stat()
    except FileNotFoundError:
        if required:
            raise DataUnavailable("aucun modèle d'appariement n'est installé", hint="lancez « tremplin match train »") from None
        return None
    key = (str(path), stat.st_mtime_ns, stat.st_size)
    with _LOCK:
        if key in _MODEL_CACHE:
            return _MODEL_CACHE[key]
    try:
        body = json.loads(path.read_text(encoding="utf-8"))
        if body.get("format") != FORMAT:
            raise DataUnavailable("modèle d'appariement d'un format ancien", hint="relancez « tremplin match train »")
        ranker = MatchRanker.from_dict(body["ranker"])
    except (OSError, ValueError, KeyError) as exc:
        raise DataUnavailable(f"modèle d'appariement illisible ({path}) : {exc}", hint="relancez « tremplin match train »") \
            from exc
    rules.check_features(ranker.features)
    meta = body.get("meta") or {}
    with _LOCK:
        _MODEL_CACHE.clear()
        _MODEL_CACHE[key] = (ranker, meta)
    return ranker, meta


# --------------------------------------------------------------------------- market


def _latest_territory_dir() -> Path | None:
    try:
        from sqlalchemy import inspect, select

        from tremplin.store.db import session_scope
        from tremplin.store.tables.territory import SimTerritoryRow

        with session_scope() as session:
            if not inspect(session.get_bind()).has_table("sim_territories"):
                return None
            row = session.execute(select(SimTerritoryRow).where(SimTerritoryRow.status == "complete")
                                  .order_by(SimTerritoryRow.created_at.desc()).limit(1)).scalar_one_or_none()
            if row is None or not row.files_dir:
                return None
            return Path(row.files_dir)
    except Exception:  # noqa: BLE001 - no database yet: no territory
        return None


def resolve_market(market: str | Path | None = None) -> Path:
    """The folder of the market's tables (see the module docstring for the order)."""
    if market:
        return Path(market)
    env = os.environ.get(MARKET_ENV)
    if env:
        return Path(env)
    found = _latest_territory_dir()
    if found is not None:
        if not found.is_dir():
            raise DataUnavailable(f"les fichiers du territoire simulé ont disparu ({found})",
                                  hint="relancez « tremplin simulate » ou indiquez --market DOSSIER")
        return found
    meta = read_meta()
    if meta and meta.get("market") and Path(meta["market"]).is_dir():
        return Path(meta["market"])
    raise DataUnavailable("aucun marché à apparier : ni dossier indiqué, ni territoire simulé en base",
                          hint=f"indiquez --market DOSSIER (tables jobseekers et offers) ou {MARKET_ENV}, "
                               "ou lancez « tremplin simulate »")


def _stat_key(directory: Path) -> tuple:
    files = []
    for name in ("jobseekers", "offers"):
        for suffix in (".parquet", ".csv"):
            p = directory / f"{name}{suffix}"
            if p.is_file():
                st = p.stat()
                files.append((p.name, st.st_size, st.st_mtime_ns))
    return tuple(files)


# --------------------------------------------------------------------------- engine


@dataclass
class Engine:
    """A market ready to serve: arrays, open offers, model, prices (computed once, lazily)."""

    market: Market
    directory: Path
    ranker: MatchRanker | None
    meta: dict[str, Any]
    stage1: Stage1Params = field(default_factory=Stage1Params)
    congestion: CongestionParams = field(default_factory=CongestionParams)
    _prices: Prices | None = None
    _entries: EntriesByCode | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def __post_init__(self):
        self.open_rows = self.market.open_offers()
        self.index = OfferIndex(self.market, self.open_rows)
        self.active_rows = self.market.active_jobseekers()
        self.active_mask = np.zeros(self.market.js.n, dtype=bool)
        self.active_mask[self.active_rows] = True

    @property
    def model_version(self) -> str | None:
        return self.meta.get("version") if self.ranker is not None else None

    def cache_key(self) -> str:
        parts = [self.market.fingerprint, str(self.meta.get("sha256") or self.meta.get("created_at") or ""),
                 json.dumps(self.stage1.__dict__, sort_keys=True), json.dumps(self.congestion.__dict__, sort_keys=True)]
        return hashlib.sha256("|".join(parts).encode()).hexdigest()[:20]

    def entries(self) -> EntriesByCode:
        with self._lock:
            if self._entries is None:
                self._entries = EntriesByCode(self.market, self.active_rows, self.stage1)
            return self._entries

    def prices(self, progress: Callable | None = None) -> Prices | None:
        """Market-wide transport prices (stage 3), from the cache folder or computed once."""
        if self.ranker is None:
            return None
        with self._lock:
            if self._prices is not None:
                return self._prices
            path = _cache_dir() / f"prices-{self.cache_key()}.npz"
            if path.is_file():
                try:
                    data = np.load(path)
                    self._prices = Prices(offer=data["offer"], person=data["person"], converged=bool(data["converged"]),
                                          iterations=int(data["iterations"]))
                    return self._prices
                except (OSError, ValueError, KeyError):
                    pass
            j, o, s = self.score_all(progress)
            prices = market_prices(j, o, s, self.market.offers.posts, self.market.js.n, self.market.offers.n,
                                   self.congestion)
            self._store_prices(prices)
            return prices

    def _store_prices(self, prices: Prices) -> None:
        """Keep the prices in memory and in the cache folder (the next process reuses them)."""
        path = _cache_dir() / f"prices-{self.cache_key()}.npz"
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.stem}.{os.getpid()}.tmp.npz")
        np.savez(tmp, offer=prices.offer, person=prices.person, converged=prices.converged,
                 iterations=prices.iterations)
        os.replace(tmp, path)
        self._prices = prices

    def score_all(self, progress: Callable | None = None, filters: dict[int, PersonFilter] | None = None):
        """Stage 1 and 2 for every active jobseeker: (jobseeker rows, offer rows, scores), block by block."""
        js_, os_, ss_ = [], [], []
        blocks = range(0, len(self.active_rows), BLOCK)
        for start in (progress(blocks) if progress else blocks):
            rows = self.active_rows[start:start + BLOCK]
            pairs = candidates(self.market, rows, self.index, self.stage1, filters)
            if not len(pairs):
                continue
            score, _pa, _ph = self.ranker.score(pair_features(self.market, pairs))
            js_.append(pairs.j)
            os_.append(pairs.o)
            ss_.append(score.astype(np.float32))
        if not js_:
            return np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0, np.float32)
        return np.concatenate(js_), np.concatenate(os_), np.concatenate(ss_)


def _cache_dir() -> Path:
    from tremplin.settings import get_settings

    return get_settings().cache_dir / "matching"


_ENGINES: dict[tuple, Engine] = {}


def get_engine(market: str | Path | None = None, *, with_model: bool = True) -> Engine:
    directory = resolve_market(market).resolve()
    if not directory.is_dir():
        raise InvalidInput(f"dossier de marché introuvable : {directory}", field="market")
    loaded = load_model(required=False) if with_model else None
    ranker, meta = loaded if loaded else (None, {})
    key = (str(directory), _stat_key(directory), meta.get("sha256"), meta.get("created_at"))
    with _LOCK:
        engine = _ENGINES.get(key)
        if engine is not None:
            return engine
    tables = load_tables(directory, with_interactions=False, with_protected=False)
    engine = Engine(market=build_market(tables), directory=directory, ranker=ranker, meta=meta,
                    stage1=Stage1Params(**(meta.get("stage1") or {})),
                    congestion=stored_params(meta.get("congestion")))
    with _LOCK:
        _ENGINES.clear()  # one market at a time in memory
        _ENGINES[key] = engine
    return engine


def clear_caches() -> None:
    with _LOCK:
        _ENGINES.clear()
        _MODEL_CACHE.clear()


# --------------------------------------------------------------------------- feedback and filters (database)


@dataclass
class PersonState:
    filter: PersonFilter | None = None
    added: list[str] = field(default_factory=list)  # offer ids added by a counsellor
    described: list[str] = field(default_factory=list)  # the filters, in French


def _tables_ready(session) -> bool:
    from sqlalchemy import inspect

    return inspect(session.get_bind()).has_table("matching_feedback")


def _person_state(session, engine: Engine, jobseeker_id: str) -> PersonState:
    from sqlalchemy import select

    from tremplin.store.tables.matching import MatchingFeedbackRow, MatchingFilterRow

    state = PersonState()
    if session is None or not _tables_ready(session):
        return state
    market, occ = engine.market, engine.market.occ
    frow = session.get(MatchingFilterRow, jobseeker_id)
    feedback = session.execute(select(MatchingFeedbackRow).where(MatchingFeedbackRow.jobseeker_id == jobseeker_id)
                               .order_by(MatchingFeedbackRow.created_at)).scalars().all()
    if frow is None and not feedback:
        return state
    pf = PersonFilter()
    if frow is not None:
        if frow.max_distance_km is not None:
            pf.max_distance_km = float(frow.max_distance_km)
            state.described.append(f"à moins de {frow.max_distance_km:g} km")
        bits = 0
        for c in frow.contract_types or []:
            bits |= CONTRACT_BITS.get(c, 0)
        pf.contract_bits = bits
        if frow.contract_types:
            state.described.append("contrats " + ", ".join(frow.contract_types))
        pf.full_time_only = frow.full_time_only
        if frow.full_time_only:
            state.described.append("temps plein")
        if frow.rome_codes:
            idx = occ.code_indices(frow.rome_codes, grow=False)
            pf.codes = frozenset(int(i) for i in idx if i >= 0)
            state.described.append("métiers " + ", ".join(frow.rome_codes))
    excluded: set[int] = set()
    latest_counsellor: dict[str, str] = {}
    for row in feedback:
        o = market.offers.pos.get(row.offer_id)
        if row.kind == "pas_interesse":
            if o is not None:
                excluded.add(o)
                code = int(market.offers.code[o])
                pf.code_penalty[code] = pf.code_penalty.get(code, 0) + 1
                comp = market.offers.company[o]
                if comp:
                    pf.company_penalty[str(comp)] = pf.company_penalty.get(str(comp), 0) + 1
        else:
            latest_counsellor[row.offer_id] = row.kind
    for offer_id, kind in latest_counsellor.items():
        o = market.offers.pos.get(offer_id)
        if kind == "retrait_conseiller" and o is not None:
            excluded.add(o)
        elif kind == "ajout_conseiller" and o is not None and o not in excluded:
            state.added.append(offer_id)
    pf.excluded_offers = frozenset(excluded)
    state.filter = pf
    return state


def _all_filters(session, engine: Engine, offer_row: int | None = None) -> dict[int, PersonFilter]:
    """Every person's hard filters (and, for one offer, who declined it or had it removed)."""
    from sqlalchemy import select

    from tremplin.store.tables.matching import MatchingFeedbackRow, MatchingFilterRow

    out: dict[int, PersonFilter] = {}
    if session is None or not _tables_ready(session):
        return out
    market = engine.market
    for frow in session.execute(select(MatchingFilterRow)).scalars():
        j = market.js.pos.get(frow.jobseeker_id)
        if j is None:
            continue
        bits = 0
        for c in frow.contract_types or []:
            bits |= CONTRACT_BITS.get(c, 0)
        codes = market.occ.code_indices(frow.rome_codes or [], grow=False)
        out[j] = PersonFilter(max_distance_km=frow.max_distance_km, contract_bits=bits, full_time_only=frow.full_time_only,
                              codes=frozenset(int(i) for i in codes if i >= 0))
    query = select(MatchingFeedbackRow).order_by(MatchingFeedbackRow.created_at)
    if offer_row is not None:
        query = query.where(MatchingFeedbackRow.offer_id == str(market.offers.ids[offer_row]))
    latest: dict[tuple[int, int], str] = {}
    for row in session.execute(query).scalars():
        j, o = market.js.pos.get(row.jobseeker_id), market.offers.pos.get(row.offer_id)
        if j is None or o is None:
            continue
        if row.kind == "pas_interesse":
            latest[(j, o)] = "pas_interesse"
        elif latest.get((j, o)) != "pas_interesse":
            latest[(j, o)] = row.kind
    for (j, o), kind in latest.items():
        if kind in ("pas_interesse", "retrait_conseiller"):
            f = out.setdefault(j, PersonFilter())
            out[j] = PersonFilter(max_distance_km=f.max_distance_km, contract_bits=f.contract_bits,
                                  full_time_only=f.full_time_only, codes=f.codes,
                                  excluded_offers=f.excluded_offers | {o})
    return out


def _with_session(session, fn):
    if session is not None:
        return fn(session)
    try:
        from tremplin.store.db import session_scope

        with session_scope() as own:
            return fn(own)
    except DataUnavailable:
        raise
    except Exception:  # noqa: BLE001 - no database at all: nothing stored, no filters
        return fn(None)


# --------------------------------------------------------------------------- scoring helpers


def _mode(session) -> str:
    from tremplin.governance import contract

    return contract.ensure_enabled(SERVICE, session) if session is not None else contract.ensure_enabled(SERVICE)


def _rules_order(pairs: Pairs) -> np.ndarray:
    """Rule M08: closest occupation first (sought before exercised), then nearest."""
    d = np.where(np.isnan(pairs.dist), 1e6, pairs.dist)
    return np.lexsort((d, -pairs.level_desired, -pairs.level))


def _context(market: Market, j: int, o: int) -> dict[str, Any]:
    of, occ = market.offers, market.occ
    person = set(market.js.skills[j].indices.tolist())
    codes = of.skill_codes[o]
    idx = occ.competence_indices(codes)
    common = [of.skill_labels[o][k] for k, c in enumerate(idx) if c >= 0 and c in person and k < len(of.skill_labels[o])]
    fiche = int(of.fiche[o])
    return {"common_skills": common, "fiche_label": occ.labels[fiche] if fiche < len(occ.labels) else None,
            "contract": of.contract_label[o] or ""}


def _pairs_for_added(engine: Engine, row: int, offer_ids: list[str], pf: PersonFilter | None) -> Pairs:
    """Pairs for offers a counsellor added (kept only if open and within the person's own filters)."""
    market = engine.market
    rows = [market.offers.pos[o] for o in offer_ids if o in market.offers.pos]
    rows = [o for o in rows if engine.index.open[o]]
    if not rows:
        return Pairs.empty()
    o = np.array(rows, np.int64)
    j = np.full(len(o), row, np.int64)
    ej, ec, el, ev = occupation_entries(market, np.array([row]), engine.stage1)
    level = np.zeros(len(o), np.int8)
    level_d = np.zeros(len(o), np.int8)
    lookup = {int(c): (int(lv), int(d)) for c, lv, d in zip(ec, el, ev, strict=True)}
    for k, orow in enumerate(o):
        lv, d = lookup.get(int(market.offers.code[orow]), (0, 0))
        level[k], level_d[k] = lv, d
    dist = haversine_km(market.js.lat[j], market.js.lon[j], market.offers.lat[o], market.offers.lon[o])
    pairs = Pairs(j, o, level, level_d, dist)
    if pf is not None:
        from .candidates import apply_filters

        keep = apply_filters(market, pairs, {row: pf})
        if pf.max_distance_km is not None:
            keep &= ~np.isnan(dist) & (dist <= pf.max_distance_km)
        pairs = pairs.take(np.flatnonzero(keep))
    return pairs


def _feedback_penalty(market: Market, pairs: Pairs, pf: PersonFilter | None) -> np.ndarray:
    """Rule M03: offers of an occupation or employer the person declined move down."""
    out = np.zeros(len(pairs))
    if pf is None or (not pf.code_penalty and not pf.company_penalty):
        return out
    for k, o in enumerate(pairs.o):
        n = pf.code_penalty.get(int(market.offers.code[o]), 0)
        out[k] -= min(rules.CODE_PENALTY * n, rules.CODE_PENALTY_MAX)
        comp = market.offers.company[o]
        if comp and pf.company_penalty.get(str(comp)):
            out[k] -= rules.COMPANY_PENALTY
    return out


def _check_top(top: int) -> int:
    try:
        top = int(top)
    except (TypeError, ValueError):
        raise InvalidInput("top doit être un nombre entier", field="top") from None
    if top < 1 or top > MAX_TOP:
        raise InvalidInput(f"top doit être compris entre 1 et {MAX_TOP}", field="top")
    return top


def _proposal(recs_mode: str, engine: Engine, output: dict, reasons: list[Reason], rules_fired: list[str],
              explanation: str) -> Proposal:
    return Proposal(service=SERVICE, service_version=engine.model_version or MODEL_VERSION,
                    ruleset_version=rules.RULESET.version, mode="model" if recs_mode == "model" else "rules_only",
                    output=output, reasons=reasons, rules_fired=rules_fired, explanation=explanation)


# --------------------------------------------------------------------------- offers for a jobseeker


def recommend_offers(jobseeker_id: str, top: int = 20, *, session=None, market: str | Path | None = None,
                     record: bool | None = None) -> Recommendations:
    """The offers proposed to a jobseeker, best first, each with its reasons.

    With ``session`` the suggestions are journaled (unless ``record=False``); without, they are
    returned as proposals ready to be journaled by the caller that shows them to a person.
    """
    top = _check_top(top)
    if not jobseeker_id or not str(jobseeker_id).strip():
        raise InvalidInput("identifiant de demandeur vide", field="jobseeker_id")
    mode = _mode(session)
    engine = get_engine(market)
    mkt = engine.market
    row = mkt.js.pos.get(str(jobseeker_id))
    if row is None:
        raise NotFound(f"demandeur inconnu « {jobseeker_id} » dans le marché {engine.directory.name}",
                       field="jobseeker_id")
    state = _with_session(session, lambda s: _person_state(s, engine, str(jobseeker_id)))
    pf = state.filter
    notices, fired = [], []
    use_model = mode == "on" and engine.ranker is not None
    if not use_model:
        notices.append(messages.NOTICES["rules_only"].format(
            why=messages.NOTICES["model_suspended"] if mode == "rules_only" else messages.NOTICES["model_missing"]))
        fired.append("M08")
    js = mkt.js
    if js.empty_profile[row]:
        notices.append(messages.NOTICES["empty_profile"])
        fired.append("M05")
    if js.from_text[row]:
        notices.append(messages.NOTICES["from_text"].format(text=mkt.tables.jobseekers["target_job"].iat[row]))
    if np.isnan(js.lat[row]):
        notices.append(messages.NOTICES["no_place"])
    if np.diff(js.desired.offsets)[row] == 0 and np.diff(js.past.offsets)[row] == 0 and not (pf and pf.codes):
        notices.append(messages.NOTICES["no_occupation"])
    if state.described:
        notices.append(messages.NOTICES["filters"].format(what=", ".join(state.described)))
        fired.append("M02")
    if pf is not None and (pf.excluded_offers or pf.code_penalty):
        fired.append("M03")
    filters = {row: pf} if pf is not None else None
    pairs = candidates(mkt, np.array([row], np.int64), engine.index, engine.stage1, filters)
    fired.append("M06")
    added_pairs = _pairs_for_added(engine, row, state.added, pf)
    if len(added_pairs):
        fired.append("M04")
        keep = ~np.isin(pairs.o, added_pairs.o)
        pairs = Pairs.concat([added_pairs, pairs.take(np.flatnonzero(keep))])
    n_added = len(added_pairs)
    X = pair_features(mkt, pairs)
    score = p_apply = p_hire = None
    if use_model and len(pairs):
        score, p_apply, p_hire = engine.ranker.score(X)
        prices = engine.prices()
        penalised = score + _feedback_penalty(mkt, pairs, pf)
        offer_prices = prices.offer[pairs.o] if prices is not None else np.zeros(len(pairs))
        rank, adjusted = paged_ranks(pairs.j, pairs.o, penalised, offer_prices, engine.congestion)
        fired.append("M07")
        order = np.argsort(rank, kind="stable")
    else:
        adjusted = None
        order = _rules_order(pairs)
    if n_added:
        order = np.concatenate([np.arange(n_added), order[order >= n_added]])
    chosen = order[:top]
    contrib = engine.ranker.contributions(X[chosen]) if use_model and len(chosen) else None
    if len(pairs) == 0:
        notices.append(messages.NOTICES["none"])
    elif len(pairs) < top:
        notices.append(messages.NOTICES["few"].format(n=len(pairs)))
    items, proposals = [], []
    fired_sorted = sorted(set(fired))
    for rank, k in enumerate(chosen, 1):
        o = int(pairs.o[k])
        ctx = _context(mkt, row, o)
        reasons_ = messages.reasons(X[k], None if contrib is None else contrib[rank - 1], ctx)
        added = bool(k < n_added)
        if np.isnan(pairs.dist[k]):
            reasons_.append(Reason(label=messages.NOTICES["no_location_offer"], weight=None, source="lieu"))
        text = messages.explanation(reasons_, added)
        item = Suggestion(rank=rank, offer_id=str(mkt.offers.ids[o]), title=str(mkt.offers.title[o]) or None,
                          **_pair_figures(k, pairs, score, adjusted, p_apply, p_hire),
                          reasons=reasons_, explanation=text, added_by_counsellor=added)
        items.append(item)
        output = {"direction": "offres", "offer_id": item.offer_id, "title": item.title, "rank": rank,
                  "score": item.adjusted_score, "distance_km": item.distance_km, "added_by_counsellor": added}
        proposals.append(_proposal("model" if use_model else "rules_only", engine, output, reasons_, fired_sorted, text))
    return _finish("offers", str(jobseeker_id), items, proposals, notices, fired_sorted, use_model, engine, pairs,
                   session, record)


# --------------------------------------------------------------------------- candidates for an offer


def recommend_candidates(offer_id: str, top: int = 20, *, session=None, market: str | Path | None = None,
                         record: bool | None = None) -> Recommendations:
    """A shortlist of jobseekers for an offer (what a counsellor prepares for a recruiter)."""
    top = _check_top(top)
    if not offer_id or not str(offer_id).strip():
        raise InvalidInput("identifiant d'offre vide", field="offer_id")
    mode = _mode(session)
    engine = get_engine(market)
    mkt = engine.market
    o = mkt.offers.pos.get(str(offer_id))
    if o is None:
        raise NotFound(f"offre inconnue « {offer_id} » dans le marché {engine.directory.name}", field="offer_id")
    notices, fired = [], ["M02", "M03"]
    if not engine.index.open[o]:
        notices.append(messages.NOTICES["closed_offer"])
    if np.isnan(mkt.offers.lat[o]):
        notices.append(messages.NOTICES["no_location_offer"])
    use_model = mode == "on" and engine.ranker is not None
    if not use_model:
        notices.append(messages.NOTICES["rules_only"].format(
            why=messages.NOTICES["model_suspended"] if mode == "rules_only" else messages.NOTICES["model_missing"]))
        fired.append("M08")
    filters = _with_session(session, lambda s: _all_filters(s, engine, o))
    pairs = candidates_for_offer(mkt, o, engine.entries(), engine.stage1, filters, js_mask=engine.active_mask)
    X = pair_features(mkt, pairs)
    score = p_apply = p_hire = adjusted = None
    if use_model and len(pairs):
        score, p_apply, p_hire = engine.ranker.score(X)
        prices = engine.prices()
        adjusted = adjust(score, prices.person[pairs.j], engine.congestion, candidates=True) if prices is not None \
            else score.copy()
        fired.append("M07")
        order = np.argsort(-adjusted, kind="stable")
    else:
        order = _rules_order(pairs)
    chosen = order[:top]
    contrib = engine.ranker.contributions(X[chosen]) if use_model and len(chosen) else None
    if len(pairs) == 0:
        notices.append("aucun demandeur inscrit ne correspond à cette offre")
    items, proposals = [], []
    fired_sorted = sorted(set(fired))
    for rank, k in enumerate(chosen, 1):
        j = int(pairs.j[k])
        reasons_ = messages.reasons(X[k], None if contrib is None else contrib[rank - 1], _context(mkt, j, o))
        text = messages.explanation(reasons_)
        item = Suggestion(rank=rank, jobseeker_id=str(mkt.js.ids[j]), offer_id=str(offer_id),
                          title=str(mkt.offers.title[o]) or None,
                          **_pair_figures(k, pairs, score, adjusted, p_apply, p_hire),
                          reasons=reasons_, explanation=text)
        items.append(item)
        output = {"direction": "candidats", "offer_id": str(offer_id), "jobseeker_id": item.jobseeker_id, "rank": rank,
                  "score": item.adjusted_score, "distance_km": item.distance_km}
        proposals.append(_proposal("model" if use_model else "rules_only", engine, output, reasons_, fired_sorted, text))
    return _finish("candidates", str(offer_id), items, proposals, notices, fired_sorted, use_model, engine, pairs,
                   session, record)


def _pair_figures(k: int, pairs, score, adjusted, p_apply, p_hire) -> dict[str, float | None]:
    """The scores of pair ``k`` as a suggestion shows them (None where the model did not run)."""
    def at(values):
        return None if values is None else float(values[k])

    return {"score": at(score), "adjusted_score": at(adjusted), "p_apply": at(p_apply), "p_hire": at(p_hire),
            "distance_km": None if np.isnan(pairs.dist[k]) else float(pairs.dist[k])}


def _finish(direction: str, subject_id: str, items, proposals, notices, fired_sorted, use_model: bool, engine, pairs,
            session, record: bool | None) -> Recommendations:
    """Both directions end the same way: the list, its provenance, and its journaling when a session is given."""
    recs = Recommendations(direction=direction, subject_id=subject_id, items=items, notices=notices,
                           mode="model" if use_model else "rules_only", model_version=engine.model_version,
                           rules_fired=fired_sorted, candidates_considered=int(len(pairs)),
                           market={"source": str(engine.directory), "fingerprint": engine.market.fingerprint,
                                   "open_offers": int(len(engine.open_rows))},
                           proposals=proposals)
    if session is not None and record is not False:
        record_recommendations(session, recs)
    return recs


def record_recommendations(session, recs: Recommendations) -> Recommendations:
    """Journal every suggestion as a proposal (subject: the jobseeker concerned)."""
    from tremplin.governance import contract

    stored = []
    for item, proposal in zip(recs.items, recs.proposals, strict=True):
        person = recs.subject_id if recs.direction == "offers" else item.jobseeker_id
        features = {"rank": item.rank, "score": item.adjusted_score, "distance_km": item.distance_km}
        saved = contract.record_proposal(session, proposal, input_payload={
            "direction": recs.direction, "subject": recs.subject_id, "offer_id": item.offer_id,
            "market": recs.market.get("fingerprint"), "model": recs.model_version}, subject_id=person, features=features)
        item.proposal_id = saved.id
        stored.append(saved)
    recs.proposals = stored
    recs.journaled = True
    return recs


# --------------------------------------------------------------------------- feedback, counsellor changes, filters


class FeedbackRecord(BaseModel):
    id: str
    jobseeker_id: str
    offer_id: str
    kind: str
    reason: str | None = None
    proposal_id: str | None = None
    decision_id: str | None = None
    created_at: datetime


def _require_tables(session) -> None:
    if not _tables_ready(session):
        raise DataUnavailable("tables de l'appariement absentes de la base", hint="lancez « tremplin db upgrade »")


def record_feedback(session, jobseeker_id: str, offer_id: str, kind: str = "pas_interesse", *, actor_id: str,
                    actor_role: str, reason: str | None = None, proposal_id: str | None = None,
                    market: str | Path | None = None) -> FeedbackRecord:
    """Store « pas intéressé », a counsellor's addition or removal; journal a decision when it answers a proposal.

    - ``pas_interesse``: the offer is no longer proposed to the person (rule M03);
    - ``ajout_conseiller``: the offer is put at the top of the person's list (rule M04);
    - ``retrait_conseiller``: the offer is no longer proposed (rule M04), a reason is required.
    """
    from tremplin.governance import contract
    from tremplin.governance.pseudonymise import pseudonym
    from tremplin.store.tables.matching import MatchingFeedbackRow

    if kind not in FEEDBACK_KINDS:
        raise InvalidInput(f"type de retour inconnu « {kind} »", field="kind", hint=", ".join(FEEDBACK_KINDS))
    if kind != "pas_interesse" and actor_role not in ("counsellor", "administrator"):
        raise InvalidInput("seul un conseiller peut ajouter ou retirer une suggestion", field="kind")
    if kind == "retrait_conseiller" and not (reason and reason.strip()):
        raise InvalidInput("un motif est obligatoire pour retirer une suggestion", field="reason")
    if reason is not None and len(reason) > 2000:
        raise InvalidInput("motif trop long (2 000 caractères au plus)", field="reason")
    _require_tables(session)
    engine = get_engine(market)
    if str(jobseeker_id) not in engine.market.js.pos:
        raise NotFound(f"demandeur inconnu « {jobseeker_id} »", field="jobseeker_id")
    if str(offer_id) not in engine.market.offers.pos:
        raise NotFound(f"offre inconnue « {offer_id} »", field="offer_id")
    decision_id = None
    if proposal_id:
        proposal = contract.find_proposal(session, proposal_id)
        if proposal.service != SERVICE or (proposal.output or {}).get("offer_id") != str(offer_id):
            raise InvalidInput("la proposition indiquée ne concerne pas cette offre", field="proposal_id")
        if kind in ("pas_interesse", "retrait_conseiller"):
            why = "pas intéressé" if kind == "pas_interesse" else "retirée par le conseiller"
            decision = contract.record_decision(session, Decision(
                proposal_id=proposal_id, actor_ref=actor_id, actor_role=actor_role, outcome="reject",
                reason=f"{why}{' : ' + reason.strip() if reason and reason.strip() else ''}"))
            decision_id = decision.id
    row = MatchingFeedbackRow(id=uuid4().hex, jobseeker_id=str(jobseeker_id), offer_id=str(offer_id), kind=kind,
                              actor_ref=pseudonym(actor_id), actor_role=actor_role,
                              reason=(reason or "").strip() or None, proposal_id=proposal_id, decision_id=decision_id,
                              created_at=datetime.now(UTC))
    session.add(row)
    session.flush()
    return FeedbackRecord(id=row.id, jobseeker_id=row.jobseeker_id, offer_id=row.offer_id, kind=row.kind,
                          reason=row.reason, proposal_id=proposal_id, decision_id=decision_id, created_at=row.created_at)


class Filters(BaseModel):
    jobseeker_id: str
    max_distance_km: float | None = Field(default=None, ge=0, le=1000)
    contract_types: list[str] = Field(default_factory=list)
    full_time_only: bool | None = None
    rome_codes: list[str] = Field(default_factory=list)
    updated_at: datetime | None = None


def set_filters(session, jobseeker_id: str, *, max_distance_km: float | None = None,
                contract_types: list[str] | None = None, full_time_only: bool | None = None,
                rome_codes: list[str] | None = None, actor_id: str, actor_role: str) -> Filters:
    """The jobseeker's own hard filters (rule M02), replaced as a whole."""
    from tremplin.governance.pseudonymise import pseudonym
    from tremplin.store.tables.matching import MatchingFilterRow

    from .schema import CONTRACT_TYPES, ROME_RE

    if max_distance_km is not None and not (0 < float(max_distance_km) <= 1000):
        raise InvalidInput("la distance maximale doit être comprise entre 0 et 1 000 km", field="max_distance_km")
    contracts = [str(c).strip().upper() for c in contract_types or [] if str(c).strip()]
    bad = [c for c in contracts if c not in CONTRACT_TYPES]
    if bad:
        raise InvalidInput(f"type de contrat inconnu « {bad[0]} »", field="contract_types",
                           hint=", ".join(CONTRACT_TYPES[:5]))
    codes = [str(c).strip().upper() for c in rome_codes or [] if str(c).strip()]
    bad = [c for c in codes if not ROME_RE.match(c)]
    if bad:
        raise InvalidInput(f"code ROME mal formé « {bad[0]} » (une lettre A à N puis 4 chiffres)", field="rome_codes")
    _require_tables(session)
    try:
        engine = get_engine(None)
    except DataUnavailable:
        engine = None  # no market yet: the filters are kept for later
    if engine is not None and str(jobseeker_id) not in engine.market.js.pos:
        raise NotFound(f"demandeur inconnu « {jobseeker_id} »", field="jobseeker_id")
    row = session.get(MatchingFilterRow, str(jobseeker_id))
    now = datetime.now(UTC)
    if row is None:
        row = MatchingFilterRow(jobseeker_id=str(jobseeker_id), contract_types=[], rome_codes=[], updated_at=now,
                                updated_by="", updated_role="")
        session.add(row)
    row.max_distance_km = None if max_distance_km is None else float(max_distance_km)
    row.contract_types = contracts
    row.full_time_only = full_time_only
    row.rome_codes = codes
    row.updated_at = now
    row.updated_by = pseudonym(actor_id)
    row.updated_role = actor_role
    session.flush()
    return Filters(jobseeker_id=str(jobseeker_id), max_distance_km=row.max_distance_km, contract_types=contracts,
                   full_time_only=full_time_only, rome_codes=codes, updated_at=now)


def get_filters(session, jobseeker_id: str) -> Filters:
    from tremplin.store.tables.matching import MatchingFilterRow

    if not _tables_ready(session):
        return Filters(jobseeker_id=str(jobseeker_id))
    row = session.get(MatchingFilterRow, str(jobseeker_id))
    if row is None:
        return Filters(jobseeker_id=str(jobseeker_id))
    return Filters(jobseeker_id=row.jobseeker_id, max_distance_km=row.max_distance_km,
                   contract_types=list(row.contract_types or []), full_time_only=row.full_time_only,
                   rome_codes=list(row.rome_codes or []), updated_at=row.updated_at)


# --------------------------------------------------------------------------- batch


@dataclass
class BatchResult:
    jobseekers: int
    lists: int
    suggestions: int
    mode: str
    timings: dict[str, float]
    sinkhorn: dict[str, Any]
    out: str | None = None
    notices: list[str] = field(default_factory=list)


def batch_lists(engine: Engine, top: int = 20, *, progress: Callable | None = None, filters=None,
                use_model: bool = True) -> tuple[dict[str, np.ndarray], dict[str, Any]]:
    """Every active jobseeker's top list (stage 1, 2 and 3) as arrays: j, o, rank, score, adjusted."""
    t0 = time.perf_counter()
    market = engine.market
    timings: dict[str, float] = {}
    rank_all = None
    if use_model and engine.ranker is not None:
        j, o, s = engine.score_all(progress, filters)
        timings["stage1_2_s"] = round(time.perf_counter() - t0, 2)
        t1 = time.perf_counter()
        prices = market_prices(j, o, s, market.offers.posts, market.js.n, market.offers.n, engine.congestion)
        with engine._lock:
            engine._store_prices(prices)  # the market's prices: single requests and later processes reuse them
        timings["stage3_s"] = round(time.perf_counter() - t1, 2)
        rank_all, adjusted = paged_ranks(j, o, s.astype(float), prices.offer[o], engine.congestion)
        info = dict(prices.info)
    else:
        parts = []
        blocks = range(0, len(engine.active_rows), BLOCK)
        for start in (progress(blocks) if progress else blocks):
            parts.append(candidates(market, engine.active_rows[start:start + BLOCK], engine.index, engine.stage1, filters))
        pairs = Pairs.concat(parts)
        j, o = pairs.j, pairs.o
        d = np.where(np.isnan(pairs.dist), 1e6, pairs.dist)
        s = (pairs.level.astype(float) * 1000 + pairs.level_desired * 100 - np.minimum(d, 99)).astype(np.float32)
        adjusted = s.astype(float)
        info = {}
        timings["stage1_s"] = round(time.perf_counter() - t0, 2)
    t2 = time.perf_counter()
    if rank_all is None:
        rank_all = ranks_within(j, o, adjusted)
    keep = np.flatnonzero(rank_all <= top)
    keep = keep[np.lexsort((rank_all[keep], j[keep]))]
    timings["lists_s"] = round(time.perf_counter() - t2, 2)
    return {"j": j[keep], "o": o[keep], "rank": rank_all[keep], "score": s[keep], "adjusted": adjusted[keep]}, \
        {"timings": timings, "sinkhorn": info}




def batch(top: int = 20, *, market: str | Path | None = None, out: str | Path | None = None, session=None,
          journal: bool = False, with_reasons: bool = False, progress: Callable | None = None) -> BatchResult:
    """Every jobseeker of the market: top lists written to ``out`` (.parquet, .csv or .jsonl).

    With ``journal`` (and a session), one proposal per jobseeker is journaled (the whole list).
    """
    import pandas as pd

    top = _check_top(top)
    mode = _mode(session)
    t0 = time.perf_counter()
    engine = get_engine(market)
    use_model = mode == "on" and engine.ranker is not None
    filters = _with_session(session, lambda s: _all_filters(s, engine))
    lists, info = batch_lists(engine, top, progress=progress, filters=filters, use_model=use_model)
    mkt = engine.market
    frame = pd.DataFrame({"jobseeker_id": mkt.js.ids[lists["j"]], "rank": lists["rank"],
                          "offer_id": mkt.offers.ids[lists["o"]], "score": np.round(lists["adjusted"], 5),
                          "relevance": np.round(lists["score"].astype(float), 5)})
    if with_reasons and use_model and len(frame):
        pairs = Pairs(lists["j"], lists["o"], np.zeros(len(frame), np.int8), np.zeros(len(frame), np.int8),
                      haversine_km(mkt.js.lat[lists["j"]], mkt.js.lon[lists["j"]], mkt.offers.lat[lists["o"]],
                                   mkt.offers.lon[lists["o"]]))
        ej, ec, el, ev = occupation_entries(mkt, np.unique(lists["j"]), engine.stage1)
        key = pd.Series(np.arange(len(ej)), index=ej * (mkt.occ.n + 1) + ec)
        key = key[~key.index.duplicated()]
        hit = key.reindex(lists["j"] * (mkt.occ.n + 1) + mkt.offers.code[lists["o"]]).to_numpy()
        ok = ~np.isnan(hit)
        pairs.level[ok] = el[hit[ok].astype(np.int64)]
        pairs.level_desired[ok] = ev[hit[ok].astype(np.int64)]
        X = pair_features(mkt, pairs)
        contrib = engine.ranker.contributions(X)
        frame["reasons"] = [" ; ".join(r.label for r in messages.reasons(X[k], contrib[k],
                                                                          _context(mkt, int(pairs.j[k]), int(pairs.o[k]))))
                            for k in range(len(frame))]
    timings = dict(info["timings"])
    written = None
    if out is not None:
        path = Path(out)
        path.parent.mkdir(parents=True, exist_ok=True)
        t3 = time.perf_counter()
        if path.suffix.lower() == ".parquet":
            frame.to_parquet(path, index=False)
        elif path.suffix.lower() == ".csv":
            frame.to_csv(path, index=False)
        elif path.suffix.lower() in (".jsonl", ".ndjson"):
            frame.to_json(path, orient="records", lines=True, force_ascii=False)
        else:
            raise InvalidInput(f"format de sortie non pris en charge : {path.name}", field="out",
                               hint=".parquet, .csv ou .jsonl")
        timings["write_s"] = round(time.perf_counter() - t3, 2)
        written = str(path)
    if journal and session is not None and len(frame):
        from tremplin.governance import contract

        t4 = time.perf_counter()
        for jobseeker_id, part in frame.groupby("jobseeker_id", sort=False):
            proposal = _proposal("model" if use_model else "rules_only", engine,
                                 {"direction": "offres", "offers": part["offer_id"].tolist(),
                                  "scores": part["score"].tolist(), "batch": True},
                                 [], ["M02", "M03", "M06"] + (["M07"] if use_model else ["M08"]),
                                 f"{len(part)} offres proposées (traitement par lot)")
            contract.record_proposal(session, proposal, input_payload={"market": mkt.fingerprint,
                                                                       "jobseeker_id": jobseeker_id},
                                     subject_id=str(jobseeker_id))
        timings["journal_s"] = round(time.perf_counter() - t4, 2)
    timings["total_s"] = round(time.perf_counter() - t0, 2)
    notices = [] if use_model else [messages.NOTICES["rules_only"].format(
        why=messages.NOTICES["model_suspended"] if mode == "rules_only" else messages.NOTICES["model_missing"])]
    return BatchResult(jobseekers=int(len(engine.active_rows)), lists=int(frame["jobseeker_id"].nunique()),
                       suggestions=int(len(frame)), mode="model" if use_model else "rules_only", timings=timings,
                       sinkhorn={k: info["sinkhorn"].get(k) for k in ("iterations", "converged", "edges", "capacity_gap",
                                                                        "refine_rounds", "exposure_gap_before",
                                                                        "exposure_gap_after")},
                       out=written, notices=notices)


# --------------------------------------------------------------------------- training


def train(market: str | Path | None = None, *, jobseekers: Path | None = None, offers: Path | None = None,
          interactions: Path | None = None, protected: Path | None = None, until: str | None = None,
          params: RankerParams | None = None, stage1: Stage1Params | None = None,
          congestion: CongestionParams | None = None, debias: bool = True, save: bool = True,
          progress: Callable | None = None, say: Callable[[str], None] | None = None) -> dict[str, Any]:
    """Train the ranker on documented tables (a folder, or explicit files) and save it with its report."""
    from . import training

    say = say or (lambda _m: None)
    t0 = time.perf_counter()
    if market is None and jobseekers is None:
        directory = resolve_market(None)
    else:
        directory = Path(market) if market is not None else None
    tables = load_tables(directory, jobseekers=jobseekers, offers=offers, interactions=interactions,
                         protected=protected, need_interactions=True)
    say(f"Tables lues : {len(tables.jobseekers)} demandeurs, {len(tables.offers)} offres, "
        f"{len(tables.interactions)} interactions" + (", attributs protégés (correction des biais)"
                                                       if tables.protected is not None else ""))
    mkt = build_market(tables)
    stage1 = stage1 or Stage1Params()
    if until:
        try:
            cut = np.datetime64(until, "D")
        except ValueError:
            raise InvalidInput(f"date de fin d'entraînement invalide « {until} » (AAAA-MM-JJ)", field="until") from None
    else:
        cut = mkt.as_of() + 1
    ts = training.training_set(mkt, cut, stage1, progress=progress)
    say(f"Paires candidates : {len(ts.pairs)} ; candidatures couvertes par l'étape 1 : {ts.coverage:.1%}")
    ranker, report = training.fit(ts, mkt, params, debias=debias)
    hist_hash = hashlib.sha256(("|".join(sorted(tables.files.values())) + tables.fingerprint).encode()).hexdigest()
    meta = {
        "version": f"{MODEL_VERSION}+{datetime.now(UTC).strftime('%Y%m%d%H%M%S')}",
        "model_version": MODEL_VERSION,
        "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "market": str(directory.resolve()) if directory is not None else None,
        "files": tables.files,
        "training_data_hash": hist_hash,
        "until": str(cut),
        "features": list(FEATURES),
        "ruleset_version": rules.RULESET.version,
        "stage1": stage1.__dict__,
        "congestion": (congestion or CongestionParams()).__dict__,
        "params": ranker.params.__dict__,
        "report": {"rows": report.rows, "stage1_coverage_of_applications": round(report.coverage, 4),
                   "months": report.months, "debiasing": report.debiasing, "importance": report.importance,
                   "applicants_per_post": report.applicants_per_post},
        "notes": tables.notes + mkt.notes,
        "train_seconds": round(time.perf_counter() - t0, 1),
    }
    if save:
        path = save_model(ranker, meta)
        meta["path"] = str(path)
        clear_caches()
    return meta


__all__ = ["Recommendations", "Suggestion", "FeedbackRecord", "Filters", "BatchResult", "recommend_offers",
           "recommend_candidates", "record_recommendations", "record_feedback", "set_filters", "get_filters", "batch",
           "train", "load_model", "read_meta", "resolve_market", "get_engine", "clear_caches", "distance_limits"]
