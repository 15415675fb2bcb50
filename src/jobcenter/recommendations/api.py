"""JSON API of recommendations, mounted at ``/api/v1/recommendations`` (``api.add_router("/recommendations",
"jobcenter.recommendations.api.router")``). Every list answered here is recorded in the recommendation log, as
on the pages."""

from __future__ import annotations

from typing import Any, Literal

from django.http import HttpRequest
from django.utils.translation import get_language
from ninja import Query, Router, Schema
from pydantic import Field

from jobcenter.accounts.roles import Role
from jobcenter.api.permissions import SIGNED_IN, require_role, require_seeker_profile
from jobcenter.api.schemas import PostingListItem, Problem, posting_item
from jobcenter.jobs import selectors as job_selectors
from jobcenter.jobs.models import JobPosting
from jobcenter.recommendations import selectors, services
from jobcenter.recommendations.models import RecommendationFeedback
from jobcenter.taxonomy.selectors import employment_type_labels

router = Router(tags=["recommendations"])

AI_NOTICE_KO = ("AI 추천: 프로필(경력, 학력, 자격, 훈련, 희망 조건)을 바탕으로 컴퓨터 프로그램이 제안한 목록입니다. "
                "성별·나이·장애 정보는 쓰지 않으며, 보여 드린 목록은 점검을 위해 기록됩니다.")
AI_NOTICE_EN = ("AI-assisted: a computer program suggests this list from the profile (work history, education, "
                "licences, training, preferences). Sex, age and disability are never used; every list shown is "
                "recorded so that it can be checked.")


def _notice() -> str:
    return AI_NOTICE_KO if (get_language() or "ko").startswith("ko") else AI_NOTICE_EN


class ReasonOut(Schema):
    kind: str
    positive: bool
    text: str = Field(..., description="the sentence in the request's language")
    text_ko: str
    text_en: str
    data: dict[str, Any]


class FeatureOut(Schema):
    feature: str
    contribution: float


class ExplanationOut(Schema):
    occupation_match: str = Field(..., description="same | minor_group | related | semantic | none")
    matched_licences: list[str]
    missing_licences: list[str]
    experience_months: int
    experience_required: int
    education_ok: bool | None
    distance_km: float | None
    within_commute: bool | None
    wage_gap: int | None = Field(None, description="best monthly wage offered minus the desired one (KRW)")
    stretch: bool
    gaps: list[str] = Field(..., description="hard constraints not met: commute, employment_type, licence")
    top_features: list[FeatureOut]
    reasons: list[ReasonOut]


class NextStepOut(Schema):
    kind: str = Field(..., description="licence | training")
    name: str
    additional_matches: int
    example_posting_ids: list[int]
    course_id: int | None
    text: str
    text_ko: str
    text_en: str


class JobRecommendation(Schema):
    rank: int
    score: float
    stretch: bool
    saved: bool
    application_id: int | None
    posting: PostingListItem
    explanation: ExplanationOut | None


class JobRecommendationsOut(Schema):
    enabled: bool = Field(..., description="false when the seeker turned AI recommendations off")
    ai_assisted: bool = True
    notice: str
    log_id: int | None
    engine: str
    model_version: str
    candidates: int
    items: list[JobRecommendation]
    next_steps: list[NextStepOut]


class CandidateOut(Schema):
    occupation: str
    experience_months: int
    licences: list[str]
    region: str = Field(..., description="home region at city level")
    identified: bool = Field(..., description="true once the seeker applied to this posting or is discoverable")
    display_name: str | None = None
    email: str | None = None
    phone: str | None = None
    application_id: int | None = None


class CandidateRecommendation(Schema):
    rank: int
    score: float
    stretch: bool
    candidate: CandidateOut
    explanation: ExplanationOut | None


class CandidateRecommendationsOut(Schema):
    ai_assisted: bool = True
    notice: str
    posting_id: int
    log_id: int | None
    engine: str
    model_version: str
    candidates: int
    items: list[CandidateRecommendation]


class FeedbackIn(Schema):
    posting_id: int
    action: Literal["save", "unsave", "hide", "unhide"]
    reason: str = Field("", max_length=500, description="why it is not for me (hide only; optional)")
    log_id: int | None = Field(None, description="the recommendation list the action was taken on")


class FeedbackOut(Schema):
    posting_id: int
    saved: bool
    hidden: bool


def _int_or_none(value) -> int | None:
    return int(value) if value not in (None, "") else None


def _next_step(step) -> dict:
    korean = (get_language() or "ko").startswith("ko")
    return {
        "kind": step.kind, "name": step.name, "additional_matches": step.additional_matches,
        "example_posting_ids": [int(i) for i in step.example_item_ids],
        "course_id": _int_or_none(getattr(step, "course_id", None)),
        "text": step.text_ko if korean else step.text_en, "text_ko": step.text_ko, "text_en": step.text_en,
    }


class JobsQuery(Schema):
    top: int = Field(20, ge=1, le=services.MAX_TOP)
    next_steps: bool = Field(True, description="include the next best steps (licences, courses)")


@router.get("/jobs", response={200: JobRecommendationsOut, 401: Problem, 403: Problem}, auth=SIGNED_IN,
            summary="AI-assisted job recommendations for me, explained, with next best steps")
def jobs(request: HttpRequest, query: Query[JobsQuery]):
    profile = require_seeker_profile(request)  # role/object check: only the caller's own profile, never an id
    result = services.recommend_jobs_for_seeker(seeker=profile, viewer=request.user, top=query.top, surface="api",
                                                with_next_steps=query.next_steps)
    labels = employment_type_labels()
    return {
        "enabled": result.enabled, "notice": _notice(), "log_id": result.log.pk if result.log else None,
        "engine": result.engine, "model_version": result.model_version, "candidates": result.candidates,
        "items": [{
            "rank": item.rank, "score": item.match.score, "stretch": item.stretch, "saved": item.saved,
            "application_id": item.application_id, "posting": posting_item(item.posting, labels),
            "explanation": services.explanation_data(item.explanation),
        } for item in result.items],
        "next_steps": [_next_step(s) for s in result.next_steps],
    }


class CandidatesQuery(Schema):
    top: int = Field(20, ge=1, le=services.MAX_TOP)


@router.get("/postings/{posting_id}/candidates",
            response={200: CandidateRecommendationsOut, 401: Problem, 403: Problem, 404: Problem}, auth=SIGNED_IN,
            summary="AI-assisted candidates for one of my company's postings (anonymised until they apply or opt in)")
def candidates(request: HttpRequest, posting_id: int, query: Query[CandidatesQuery]):
    # Role check (403), then the object check: another company's posting is 404, as for a missing id.
    require_role(request, Role.EMPLOYER, Role.COUNSELOR, Role.STAFF, Role.ADMINISTRATOR)
    posting = selectors.posting_for_candidates(user=request.user, posting_id=posting_id)
    result = services.recommend_candidates_for_posting(posting=posting, viewer=request.user, top=query.top,
                                                       surface="api")
    items = []
    for item in result.items:
        candidate = {**item.summary, "identified": item.identity_visible}
        if item.identity_visible:
            candidate.update(display_name=item.profile.display_name, email=item.profile.email,
                             phone=item.profile.phone, application_id=item.application_id)
        items.append({
            "rank": item.rank, "score": item.match.score,
            "stretch": bool(item.explanation and item.explanation.stretch), "candidate": candidate,
            "explanation": services.explanation_data(item.explanation, anonymised=not item.identity_visible),
        })
    return {"notice": _notice(), "posting_id": posting.pk, "log_id": result.log.pk if result.log else None,
            "engine": result.engine, "model_version": result.model_version, "candidates": result.candidates,
            "items": items}


@router.post("/feedback", response={200: FeedbackOut, 401: Problem, 403: Problem, 404: Problem, 422: Problem},
             auth=SIGNED_IN, summary="Save, unsave, hide (not for me) or unhide a posting")
def feedback(request: HttpRequest, payload: FeedbackIn):
    profile = require_seeker_profile(request)  # role/object check: feedback is always the caller's own
    if payload.action in ("save", "hide"):
        posting = job_selectors.posting_get(posting_id=payload.posting_id, user=request.user)  # 404 if not visible
    else:
        row = RecommendationFeedback.objects.filter(seeker=profile, posting_id=payload.posting_id).first()
        if row is None:
            raise JobPosting.DoesNotExist(payload.posting_id)
        posting = row.posting
    if payload.action == "save":
        services.recommendation_save(seeker=profile, posting=posting, log_id=payload.log_id)
    elif payload.action == "unsave":
        services.recommendation_unsave(seeker=profile, posting=posting)
    elif payload.action == "hide":
        services.recommendation_hide(seeker=profile, posting=posting, reason=payload.reason, log_id=payload.log_id)
    else:
        services.recommendation_unhide(seeker=profile, posting=posting)
    return {"posting_id": posting.pk, "saved": posting.pk in selectors.saved_posting_ids(seeker=profile),
            "hidden": posting.pk in selectors.hidden_posting_ids(seeker=profile)}

