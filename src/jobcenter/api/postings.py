"""Job postings: the public listing and detail, and a company's view of the applications to its posting."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from ninja import Field, Query, Router, Schema

from jobcenter.api.permissions import PUBLIC, SIGNED_IN
from jobcenter.api.schemas import (
    PostingApplication,
    PostingDetail,
    PostingPage,
    Problem,
    posting_application,
    posting_detail,
    posting_item,
)
from jobcenter.jobs.selectors import POSTING_FILTERS, application_list_for_posting, posting_get, posting_list
from jobcenter.taxonomy.selectors import employment_type_labels

router = Router(tags=["postings"])


class PostingQuery(Schema):
    q: str | None = Field(None, description="words in the title, description, company or occupation name")
    occupation: str | None = Field(
        None, description="occupation or group concept id (KECO:8173, KECO:81) or bare KECO code"
    )
    region: str | None = Field(None, description="region code; a province includes its cities")
    employment_type: str | None = Field(None, description="schema.org employmentType, e.g. FULL_TIME")
    wage_min: int | None = Field(None, ge=0, description="lowest acceptable wage in KRW, in wage_unit")
    wage_unit: str | None = Field(None, description="unit of wage_min: HOUR, DAY, WEEK, MONTH (default), YEAR")
    education: str | None = Field(None, description="education level code: postings asking at most this")
    experience_max: int | None = Field(None, ge=0, description="months of experience the seeker has")
    closes_after: dt.date | None = Field(None, description="still open on this date")
    company: int | None = Field(None, ge=1, description="company id")
    page: int = Field(1, ge=1)
    page_size: int = Field(20, ge=1, le=100)


_KNOWN_PARAMS = set(PostingQuery.model_fields)


@router.get(
    "/postings",
    response={200: PostingPage, 422: Problem},
    auth=PUBLIC,  # public: open postings are published information
    summary="Search open job postings",
)
def postings_list(request: HttpRequest, params: Query[PostingQuery]):
    # A misspelt filter would otherwise be ignored silently and return everything.
    unknown = sorted(set(request.GET) - _KNOWN_PARAMS)
    if unknown:
        raise ValidationError({key: "unknown query parameter" for key in unknown})
    filters = {key: value for key, value in params.dict().items() if key in POSTING_FILTERS}
    qs = posting_list(filters=filters)
    count = qs.count()
    start = (params.page - 1) * params.page_size
    labels = employment_type_labels()
    items = [posting_item(p, labels) for p in qs[start : start + params.page_size]]
    return {"count": count, "page": params.page, "page_size": params.page_size, "items": items}


@router.get(
    "/postings/{int:posting_id}",
    response={200: PostingDetail, 404: Problem},
    auth=PUBLIC,  # public: open postings are published information; drafts are checked in posting_get
    summary="One job posting, with its schema.org JSON-LD",
)
def postings_detail(request: HttpRequest, posting_id: int):
    # Object check: posting_get shows a non-public posting only to its company's members and back-office
    # roles; anyone else gets 404.
    posting = posting_get(posting_id=posting_id, user=request.user)
    return posting_detail(posting, employment_type_labels(), base_url=request.build_absolute_uri("/"))


@router.get(
    "/postings/{int:posting_id}/applications",
    response={200: list[PostingApplication], 401: Problem, 403: Problem, 404: Problem},
    auth=SIGNED_IN,
    summary="Applications to a posting (the posting company's members, counselors, staff)",
)
def postings_applications(request: HttpRequest, posting_id: int):
    # Object check: PermissionDenied (403) unless a member of the posting's company or a back-office role.
    return [posting_application(a) for a in application_list_for_posting(user=request.user, posting_id=posting_id)]
