"""Job matching: offers for a jobseeker, candidates for an offer, without congestion (VADORE-like).

Public API::

    from tremplin.services.matching import recommend_offers, recommend_candidates, record_feedback

    recs = recommend_offers("e13191-J0000001", top=20)            # Recommendations
    recs.items[0].offer_id, recs.items[0].reasons, recs.notices
    recs.proposals                                                # ready to journal (or pass session=…)
    recommend_candidates("e13191-O0000042", top=20, session=db)   # journaled
    record_feedback(db, jobseeker_id, offer_id, "pas_interesse", actor_id=…, actor_role="jobseeker")
    set_filters(db, jobseeker_id, max_distance_km=20, contract_types=["CDI"], actor_id=…, actor_role=…)

Three stages (see docs/matching.md): stage 1 candidates (:mod:`.candidates`), stage 2 two-head
ranker (:mod:`.model`, trained by :func:`train`), stage 3 congestion (:mod:`.congestion`).
"""

from .service import (
    BatchResult,
    FeedbackRecord,
    Filters,
    Recommendations,
    Suggestion,
    batch,
    clear_caches,
    get_engine,
    get_filters,
    load_model,
    read_meta,
    recommend_candidates,
    recommend_offers,
    record_feedback,
    record_recommendations,
    resolve_market,
    set_filters,
    train,
)

__all__ = [
    "BatchResult",
    "FeedbackRecord",
    "Filters",
    "Recommendations",
    "Suggestion",
    "batch",
    "clear_caches",
    "get_engine",
    "get_filters",
    "load_model",
    "read_meta",
    "recommend_candidates",
    "recommend_offers",
    "record_feedback",
    "record_recommendations",
    "resolve_market",
    "set_filters",
    "train",
]
