"""The signed-in user's own data. Every endpoint reads through the caller's own session user, never an id from
the request, so no one can see someone else's profile or applications here."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Router

from jobcenter.api.permissions import SIGNED_IN, require_company_member, require_seeker_profile
from jobcenter.api.schemas import (
    MyApplication,
    MyProfile,
    PostingListItem,
    Problem,
    my_application,
    my_profile,
    posting_item,
)
from jobcenter.jobs.selectors import application_list_for_seeker, company_posting_list
from jobcenter.taxonomy.selectors import employment_type_labels

router = Router(tags=["me"])


@router.get(
    "/me/profile",
    response={200: MyProfile, 401: Problem, 403: Problem},
    auth=SIGNED_IN,
    summary="My job-seeker profile (never includes protected attributes)",
)
def me_profile(request: HttpRequest):
    profile = require_seeker_profile(request)  # role/object check: 403 without a seeker profile of one's own
    return my_profile(profile, employment_type_labels())


@router.get(
    "/me/applications",
    response={200: list[MyApplication], 401: Problem, 403: Problem},
    auth=SIGNED_IN,
    summary="My applications with their status history",
)
def me_applications(request: HttpRequest):
    require_seeker_profile(request)  # role/object check: 403 without a seeker profile of one's own
    return [my_application(a) for a in application_list_for_seeker(user=request.user)]


@router.get(
    "/me/company-postings",
    response={200: list[PostingListItem], 401: Problem, 403: Problem},
    auth=SIGNED_IN,
    summary="All postings (any status) of the companies I am a member of",
)
def me_company_postings(request: HttpRequest):
    require_company_member(request)  # role/object check: 403 unless a member of some company
    # company_posting_list itself is limited to the caller's own companies.
    labels = employment_type_labels()
    return [posting_item(p, labels) for p in company_posting_list(user=request.user)]
