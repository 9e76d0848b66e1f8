"""The counsellor's day, and the recruiter's offer check before publication."""

from __future__ import annotations

from fastapi import APIRouter, Request

from tremplin.domain import Offer
from tremplin.web import casefiles, gateway
from tremplin.web.forms import clean_text, read_form, require_user
from tremplin.web.highlight import segments
from tremplin.web.render import FormErrors, render
from tremplin.web.routes.offers import CATEGORY_LABELS, _finding_spans

router = APIRouter()


@router.get("/console")
def counsellor_home(request: Request):
    require_user(request, "counsellor", "administrator")
    from tremplin.store.db import session_scope

    with session_scope() as db:
        reviews = casefiles.items(db, kind="offer_review", status="open", limit=50)
        review_count = casefiles.count_items(db, "offer_review")
        cvs = casefiles.items(db, kind="cv_profile", status="open", limit=50)
        proposals = casefiles.items(db, kind="offer_suggestion", status="open", limit=50) + casefiles.items(
            db, kind="occupation", status="open", limit=50
        )
        unchecked = casefiles.count_unchecked_offers(db)
    return render(request, "console/journee.html", title="Ma journée", reviews=reviews, review_count=review_count,
                  cvs=cvs, proposals=proposals, unchecked=unchecked, verdicts=gateway.VERDICT_LABELS)


@router.get("/recruteur/verifier")
def recruiter_form(request: Request):
    require_user(request, "recruiter", "counsellor")
    return render(request, "console/verifier.html", title="Vérifier une offre avant publication")


@router.post("/recruteur/verifier")
async def recruiter_check(request: Request):
    """A recruiter checks a draft: the findings are shown, nothing is stored or journaled (no decision)."""
    require_user(request, "recruiter", "counsellor")
    form = await read_form(request)
    values = {"intitule": clean_text(form.get("intitule"), max_length=300),
              "description": clean_text(form.get("description"), max_length=20_000)}
    errors = FormErrors()
    if not values["intitule"]:
        errors.add("intitule", "Indiquez l'intitulé du poste.")
    if len(values["description"]) < 20:
        errors.add("description", "Collez la description de l'offre (au moins 20 caractères).")
    result, unavailable = None, None
    if not errors:
        try:
            raw, _mode = gateway.run_legality(
                Offer(id="brouillon", intitule=values["intitule"], description=values["description"]))
            result = gateway._as_dict(raw)
            result["findings"] = [gateway._as_dict(f) for f in result.get("findings") or []]
        except gateway.Unavailable as exc:
            unavailable = exc
    findings = (result or {}).get("findings") or []
    return render(
        request, "console/verifier.html", status_code=422 if errors else 200,
        title="Vérifier une offre avant publication", errors=errors, values=values, result=result,
        findings=findings, unavailable=unavailable, categories=CATEGORY_LABELS, verdicts=gateway.VERDICT_LABELS,
        title_segments=segments(values["intitule"], _finding_spans(findings, "intitule")),
        description_segments=segments(values["description"], _finding_spans(findings, "description")),
    )
