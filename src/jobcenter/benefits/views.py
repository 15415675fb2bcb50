"""The calculator pages: a short form, pre-filled from the seeker's profile where the portal knows the answer,
and the result with its steps and citations. Open to everyone (it is published law); nothing is stored.

A counselor may open a calculator for a seeker (``?seeker=<id>``); the pre-fill then comes from that seeker's
profile. Pages that may show age or disability are not cached.
"""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from jobcenter.benefits.forms import JobSeekingForm, NespForm
from jobcenter.benefits.selectors import BenefitPrefill, seeker_benefit_prefill, user_is_counselor
from jobcenter.seekers.models import SeekerProfile

# Which pre-filled values each calculator uses.
_PREFILL_FIELDS = {
    "job_seeking": ("age", "disabled", "separation_date", "insured_from"),
    "nesp": ("age",),
}


def index(request: HttpRequest) -> HttpResponse:
    return render(request, "benefits/index.html", {"is_counselor": user_is_counselor(request.user)})


@never_cache
def job_seeking(request: HttpRequest) -> HttpResponse:
    return _calculator(request, "job_seeking", JobSeekingForm, "benefits/job_seeking.html")


@never_cache
def nesp(request: HttpRequest) -> HttpResponse:
    return _calculator(request, "nesp", NespForm, "benefits/nesp.html")


def _seeker_id(request: HttpRequest) -> int | None:
    raw = request.POST.get("seeker") if request.method == "POST" else request.GET.get("seeker")
    if raw in (None, ""):
        return None
    try:
        return int(raw)
    except (TypeError, ValueError):
        raise Http404("no such seeker") from None


def _calculator(request: HttpRequest, kind: str, form_class: type, template: str) -> HttpResponse:
    seeker_id = _seeker_id(request)
    try:
        prefill = seeker_benefit_prefill(user=request.user, seeker_id=seeker_id)
    except SeekerProfile.DoesNotExist:
        raise Http404("no such seeker") from None
    sources = {k: v for k, v in prefill.sources.items() if k in _PREFILL_FIELDS[kind]}
    result = None
    if request.method == "POST":
        form = form_class(request.POST)
        if form.is_valid():
            result = form.result
    else:
        initial: dict[str, Any] = {k: prefill.initial[k] for k in sources}
        if prefill.seeker is not None and seeker_id is not None:
            initial["seeker"] = prefill.seeker.pk
        form = form_class(initial=initial)
    context = {
        "form": form,
        "result": result,
        "data": result.to_dict() if result is not None else None,
        "prefill_sources": sources,
        "subject": _subject(prefill, seeker_id),
        "is_counselor": user_is_counselor(request.user),
    }
    return render(request, template, context)


def _subject(prefill: BenefitPrefill, seeker_id: int | None) -> SeekerProfile | None:
    """The seeker a counselor is calculating for (None when people calculate for themselves)."""
    return prefill.seeker if seeker_id is not None else None
