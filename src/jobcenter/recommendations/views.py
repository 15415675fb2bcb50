"""The recommendation pages: "my recommendations" and saved postings for a seeker, recommended candidates per
posting for an employer. Views are thin: who is asking, one service call, a template."""

from __future__ import annotations

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from jobcenter.accounts.roles import Role
from jobcenter.accounts.selectors import user_holds_any_role, user_is_back_office
from jobcenter.jobs import selectors as job_selectors
from jobcenter.jobs.models import JobPosting
from jobcenter.recommendations import selectors, services
from jobcenter.recommendations.models import RecommendationFeedback
from jobcenter.seekers.selectors import seeker_profile_for_user

FEEDBACK_ACTIONS = ("save", "unsave", "hide", "unhide")


def _requires(*roles: Role):
    def decorator(view):
        @login_required
        @wraps(view)
        def wrapped(request: HttpRequest, *args, **kwargs):
            if not user_holds_any_role(request.user, *roles, Role.ADMINISTRATOR):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


seeker_required = _requires(Role.SEEKER)
# Employers see their own postings' candidates; counselors and staff any posting's (the selector decides).
candidates_allowed = _requires(Role.EMPLOYER, Role.COUNSELOR, Role.STAFF)


def _htmx(request: HttpRequest) -> bool:
    return request.headers.get("HX-Request") == "true"


def _back(request: HttpRequest) -> str:
    url = request.POST.get("next") or ""
    if url and url_has_allowed_host_and_scheme(url, allowed_hosts={request.get_host()},
                                               require_https=request.is_secure()):
        return url
    return reverse("recommendations:mine")


@seeker_required
def my_recommendations(request: HttpRequest) -> HttpResponse:
    profile = seeker_profile_for_user(user=request.user)
    if profile is None:
        messages.info(request, _("Fill in your profile first: recommendations are made from it."))
        return redirect("seeker-profile-edit")
    # The next steps take most of a second the first time: unless already known, the page fetches them after
    # it is shown (htmx), so the list itself answers fast.
    result = services.recommend_jobs_for_seeker(seeker=profile, viewer=request.user, surface="web",
                                                with_next_steps=False)
    return render(request, "recommendations/mine.html", {"profile": profile, "result": result})


@seeker_required
def next_steps(request: HttpRequest) -> HttpResponse:
    """The next-best-step suggestions: a fragment for htmx, a page without JavaScript."""
    profile = seeker_profile_for_user(user=request.user)
    if profile is None or not profile.recommendations_enabled:
        raise Http404
    log = request.GET.get("log") or ""
    steps = services.next_steps_for_seeker(seeker=profile, log_id=int(log) if log.isdigit() else None)
    if _htmx(request):
        if not steps:
            return HttpResponse("")
        return render(request, "recommendations/_next_steps.html", {"steps": steps})
    return render(request, "recommendations/next_steps.html", {"steps": steps})


@seeker_required
def saved(request: HttpRequest) -> HttpResponse:
    profile = seeker_profile_for_user(user=request.user)
    if profile is None:
        return redirect("seeker-profile-edit")
    rows = list(selectors.saved_feedback_list(seeker=profile))
    for row in rows:
        row.is_public = job_selectors.posting_is_public(row.posting)
        row.closed = not row.is_public
    applied = selectors.applied_posting_ids(seeker=profile)
    for row in rows:
        row.application_id = applied.get(row.posting_id)
    return render(request, "recommendations/saved.html", {"profile": profile, "rows": rows})


@require_POST
@seeker_required
def settings_toggle(request: HttpRequest) -> HttpResponse:
    profile = seeker_profile_for_user(user=request.user)
    if profile is None:
        raise Http404
    enabled = request.POST.get("enabled") == "1"
    services.recommendations_enabled_set(seeker=profile, enabled=enabled)
    if enabled:
        messages.success(request, _("AI-assisted recommendations are on."))
    else:
        messages.success(request, _("AI-assisted recommendations are off. Nothing is computed or recorded for you."))
    return redirect(_back(request))


def _log_id(request: HttpRequest) -> int | None:
    value = request.POST.get("log") or ""
    return int(value) if value.isdigit() else None


@require_POST
@seeker_required
def feedback(request: HttpRequest, posting_id: int, action: str) -> HttpResponse:
    """Save, unsave, hide ("not for me", with an optional reason) or unhide one posting. With htmx the answer is
    the fragment that replaces the item (or its buttons); without JavaScript, back to the list."""
    if action not in FEEDBACK_ACTIONS:
        raise Http404
    profile = seeker_profile_for_user(user=request.user)
    if profile is None:
        raise Http404
    if action in ("save", "hide"):
        try:  # only a posting the seeker may see can be saved or hidden
            posting = job_selectors.posting_get(posting_id=posting_id, user=request.user)
        except JobPosting.DoesNotExist:
            raise Http404 from None
    else:  # undoing works on anything the seeker once saved or hid, closed or not
        row = RecommendationFeedback.objects.filter(seeker=profile, posting_id=posting_id).select_related(
            "posting").first()
        if row is None:
            raise Http404
        posting = row.posting
    try:
        if action == "save":
            services.recommendation_save(seeker=profile, posting=posting, log_id=_log_id(request))
            text = _("Saved “%(title)s”.")
        elif action == "unsave":
            services.recommendation_unsave(seeker=profile, posting=posting)
            text = _("Removed “%(title)s” from your saved postings.")
        elif action == "hide":
            services.recommendation_hide(seeker=profile, posting=posting, reason=request.POST.get("reason", ""),
                                         log_id=_log_id(request))
            text = _("Hidden: “%(title)s” will not be recommended to you again.")
        else:
            services.recommendation_unhide(seeker=profile, posting=posting)
            text = _("“%(title)s” may be recommended to you again.")
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
        return redirect(_back(request))
    text = text % {"title": posting.title}
    if _htmx(request):
        context = {"posting": posting, "message": text, "log_id": _log_id(request),
                   "next": request.POST.get("next") or ""}
        if action == "hide":
            return render(request, "recommendations/_hidden.html", context)
        if action in ("save", "unsave"):
            context.update(saved=action == "save",
                           application_id=selectors.applied_posting_ids(seeker=profile).get(posting.pk),
                           hide_disabled=request.POST.get("hide_disabled") == "1",
                           closed=not job_selectors.posting_is_public(posting))
            return render(request, "recommendations/_actions.html", context)
        response = HttpResponse(status=204)
        response["HX-Refresh"] = "true"
        return response
    messages.success(request, text)
    return redirect(_back(request))


@candidates_allowed
def posting_candidates(request: HttpRequest, posting_id: int) -> HttpResponse:
    """Recommended candidates for one of the employer's postings: anonymised until a seeker applied or is
    discoverable."""
    try:
        posting = selectors.posting_for_candidates(user=request.user, posting_id=posting_id)
    except JobPosting.DoesNotExist:
        raise Http404 from None
    result = services.recommend_candidates_for_posting(posting=posting, viewer=request.user, surface="web")
    return render(request, "recommendations/candidates.html", {
        "posting": posting, "result": result, "back_office": user_is_back_office(request.user),
    })
