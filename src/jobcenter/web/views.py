"""Server-rendered pages. Views are thin: they check who is asking, read through selectors, write through
services, and show the errors the services raise next to the field they name."""

from __future__ import annotations

from functools import wraps

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from jobcenter.accounts.roles import Role
from jobcenter.employers import services as employer_services
from jobcenter.employers.selectors import companies_for_user, user_is_company_member
from jobcenter.geo import round_km
from jobcenter.jobs import search
from jobcenter.jobs import selectors as job_selectors
from jobcenter.jobs import services as job_services
from jobcenter.jobs.models import (
    APPLICATION_TRANSITIONS,
    Application,
    ApplicationStatus,
    JobPosting,
    PostingStatus,
)
from jobcenter.seekers import services as seeker_services
from jobcenter.seekers.models import SeekerProfile
from jobcenter.seekers.selectors import seeker_profile_for_user, seeker_profile_get
from jobcenter.web import forms

PAGE_SIZE = 20


def _safe_next(request: HttpRequest, default: str) -> str:
    """The ``next`` the form posted when it points back into this site, else ``default``."""
    next_url = request.POST.get("next") or ""
    if next_url and url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return next_url
    return default


def role_required(role: Role):
    """Signed in and holding ``role`` (administrators pass everywhere); otherwise 403."""

    def decorator(view):
        @login_required
        @wraps(view)
        def wrapped(request: HttpRequest, *args, **kwargs):
            if not (request.user.has_role(role) or request.user.has_role(Role.ADMINISTRATOR)):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


seeker_required = role_required(Role.SEEKER)
employer_required = role_required(Role.EMPLOYER)


# --------------------------------------------------------------------------------------------- public


def home(request: HttpRequest) -> HttpResponse:
    latest = job_selectors.posting_list()[:6]
    return render(request, "web/home.html", {"latest": latest, "search_form": forms.PostingSearchForm()})


def _search_filters(form: forms.PostingSearchForm) -> dict:
    from jobcenter.taxonomy.selectors import occupation_match_exact

    data = form.cleaned_data
    filters = {
        "q": data.get("q"),
        "region": data["region"].code if data.get("region") else None,
        "employment_type": data.get("employment_type"),
        "wage_min": data.get("wage_min"),
        "education": data["education"].code if data.get("education") else None,
        "experience_max": data.get("experience_max"),
        "closes_after": data.get("closes_after"),
    }
    text = (data.get("occupation") or "").strip()
    if text:
        occupation = occupation_match_exact(text=text)
        filters["occupation"] = occupation.concept_id if occupation else text
    return filters


def posting_list(request: HttpRequest) -> HttpResponse:
    """The search page: a plain GET form, so it works without JavaScript; with htmx, changing a filter swaps in
    the results region and pushes the URL."""
    data = None
    if request.GET:
        data = request.GET.copy()
        if not data.get("sort"):
            # Show the order actually used: best match with keywords, else newest.
            data["sort"] = search.default_sort(data.get("q"))
    form = forms.PostingSearchForm(data)
    postings = JobPosting.objects.none()
    if form.is_bound:
        if form.is_valid():
            sort = form.cleaned_data.get("sort") or search.default_sort(form.cleaned_data.get("q"))
            try:
                within_km = form.cleaned_data.get("within_km")
                origin = None
                if within_km is not None or sort == "distance":
                    origin = search.home_point(seeker_profile_for_user(user=request.user))
                postings = search.posting_search(filters=_search_filters(form), sort=sort, within_km=within_km,
                                                 origin=origin)
            except ValidationError as exc:
                forms.add_service_errors(form, exc)
    else:
        postings = search.posting_search()
    paginator = Paginator(postings, PAGE_SIZE)
    page = paginator.get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    facets = _facet_links(search.facet_counts(postings), request) if paginator.count else {}
    # htmx (the form's filters changed) gets only the results region; a plain GET gets the whole page.
    partial = request.headers.get("HX-Request") == "true" and request.headers.get("HX-Boosted") != "true"
    response = render(
        request,
        "web/_search_results.html" if partial and not form.errors else "web/posting_list.html",
        {"form": form, "page": page, "paginator": paginator, "query": query.urlencode(), "facets": facets},
    )
    if partial and form.errors:
        # The messages belong next to the form's fields: swap the whole main region instead.
        response["HX-Retarget"] = "#main"
        response["HX-Reselect"] = "#main"
        response["HX-Reswap"] = "outerHTML"
    patch_vary_headers(response, ["HX-Request"])
    return response


def _facet_links(facets: dict, request: HttpRequest) -> list[tuple[str, list[dict]]]:
    """Each facet value with the search URL that narrows the current search to it."""
    titles = {"occupation": _("Occupation group"), "region": _("Region"), "employment_type": _("Employment type")}
    out = []
    for name, values in facets.items():
        links = []
        for facet in values:
            query = request.GET.copy()
            query.pop("page", None)
            query[facet.param] = facet.value
            current = request.GET.get(facet.param) == facet.value
            links.append({"label": facet.label, "count": facet.count, "url": f"?{query.urlencode()}", "current": current})
        out.append((titles[name], links))
    return out


def occupation_suggest(request: HttpRequest) -> HttpResponse:
    """Autocomplete fragment: occupations matching what was typed in the field named by ``field``."""
    from jobcenter.taxonomy.selectors import occupation_search

    field = request.GET.get("field", "q")
    text = (request.GET.get(field) or "").strip()
    occupations = occupation_search(q=text, limit=8) if len(text) >= 1 else []
    return render(
        request,
        "web/_occupation_suggestions.html",
        {"occupations": occupations, "target": request.GET.get("target", ""), "text": text},
    )


def posting_detail(request: HttpRequest, posting_id: int) -> HttpResponse:
    try:
        posting = job_selectors.posting_get(posting_id=posting_id, user=request.user)
    except JobPosting.DoesNotExist:
        gone = job_selectors.posting_tombstone_get(posting_id=posting_id)
        if gone is None:
            raise Http404 from None
        return render(request, "web/posting_gone.html", {"posting": gone}, status=410)

    is_public = job_selectors.posting_is_public(posting)
    distance = None
    if request.user.is_authenticated and request.user.has_role(Role.SEEKER):
        distance = search.posting_distance_km(profile=seeker_profile_for_user(user=request.user), posting=posting)
    context = {
        "distance_km": round_km(distance) if distance is not None else None,
        "posting": posting,
        "is_public": is_public,
        "jsonld": job_selectors.posting_jsonld(posting, base_url=request.build_absolute_uri("/")) if is_public else None,
        "is_member": user_is_company_member(user=request.user, company_id=posting.company_id),
        "application": None,
        "apply_form": None,
    }
    if request.user.is_authenticated and request.user.has_role(Role.SEEKER):
        context["application"] = (
            job_selectors.application_list_for_seeker(user=request.user).filter(posting_id=posting.pk).first()
        )
        if context["application"] is None and is_public:
            context["apply_form"] = forms.ApplyForm()
    return render(request, "web/posting_detail.html", context)


@require_POST
@seeker_required
def posting_apply(request: HttpRequest, posting_id: int) -> HttpResponse:
    try:
        posting = job_selectors.posting_get(posting_id=posting_id, user=request.user)
    except JobPosting.DoesNotExist:
        raise Http404 from None
    profile = seeker_profile_for_user(user=request.user)
    if profile is None:
        messages.error(request, _("Fill in your profile before applying."))
        return redirect("seeker-profile")
    form = forms.ApplyForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            messages.error(request, " ".join(errors))
        return redirect("posting-detail", posting_id=posting.pk)
    try:
        job_services.application_create(posting=posting, seeker=profile, cover_note=form.cleaned_data["cover_note"])
    except ValidationError as exc:
        for text in exc.messages:
            messages.error(request, text)
        return redirect("posting-detail", posting_id=posting.pk)
    messages.success(request, _("Your application was sent."))
    return redirect("seeker-applications")


# --------------------------------------------------------------------------------------------- sign-up


def signup(request: HttpRequest) -> HttpResponse:
    return render(request, "web/signup.html")


def _signup(request: HttpRequest, form_class, register, template: str, next_url: str) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("home")
    form = form_class(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            user = register(form.cleaned_data)
        except ValidationError as exc:
            forms.add_service_errors(form, exc)
        else:
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            messages.success(request, _("Welcome! Your account is ready."))
            return redirect(next_url)
    return render(request, template, {"form": form})


def signup_seeker(request: HttpRequest) -> HttpResponse:
    def register(data):
        user, _profile = seeker_services.seeker_register(
            email=data["email"],
            password=data["password1"],
            display_name=data["display_name"],
            preferred_language=get_language() or "ko",
        )
        return user

    return _signup(request, forms.SeekerSignUpForm, register, "web/signup_seeker.html", "seeker-profile")


def signup_employer(request: HttpRequest) -> HttpResponse:
    def register(data):
        user, _company = employer_services.employer_register(
            email=data["email"],
            password=data["password1"],
            company_name=data["company_name"],
            business_number=data["business_number"],
            first_name=data["display_name"],
            preferred_language=get_language() or "ko",
        )
        return user

    return _signup(request, forms.EmployerSignUpForm, register, "web/signup_employer.html", "employer-postings")


# --------------------------------------------------------------------------------------------- seeker pages


def _profile_or_404(request: HttpRequest) -> SeekerProfile:
    profile = seeker_profile_for_user(user=request.user)
    if profile is None:
        raise Http404
    return profile


def desired_occupation_names(preference) -> list[str]:
    """What the person wrote, then the desired occupations no written text stands for (chosen by code)."""
    from jobcenter.taxonomy.selectors import occupation_match_exact

    texts = list(preference.desired_occupation_texts or [])
    named = {occupation.pk for occupation in (occupation_match_exact(text=t) for t in texts) if occupation}
    return texts + [o.name for o in preference.desired_occupations.all() if o.pk not in named]


def _preference_summary(profile: SeekerProfile) -> dict | None:
    """The job preference in words for the profile page; ``None`` when nothing is set."""
    from jobcenter.jobs.models import EmploymentTypeCode

    preference = getattr(profile, "preference", None)
    if preference is None:
        return None
    occupations = desired_occupation_names(preference)
    labels = dict(EmploymentTypeCode.choices)
    summary = {
        "occupations": occupations,
        "regions": [region.full_name for region in preference.regions.all()],
        "max_commute_km": preference.max_commute_km,
        "desired_wage": preference.desired_wage,
        "desired_wage_unit": preference.get_desired_wage_unit_display(),
        "employment_types": [str(labels.get(code, code)) for code in preference.employment_types or []],
        "available_from": preference.available_from,
    }
    return summary if any(value for key, value in summary.items() if key != "desired_wage_unit") else None


def _profile_page_context(profile: SeekerProfile, **bound_forms) -> dict:
    """The profile page: the résumé with edit and delete per item, preferences, and the add forms (empty, or
    the one that was just posted with its errors)."""
    context = {
        "profile": profile,
        "editable": True,
        "preference": _preference_summary(profile),
        "experience_form": forms.WorkExperienceForm(prefix="experience"),
        "certificate_form": forms.CertificateForm(prefix="certificate"),
        "education_form": forms.EducationForm(prefix="education"),
        "training_form": forms.TrainingForm(prefix="training"),
    }
    context.update(bound_forms)
    return context


@seeker_required
def seeker_profile(request: HttpRequest) -> HttpResponse:
    """The seeker's own profile: basic fields, preferences, and forms to add a job, a licence, a school and a
    course."""
    profile = seeker_profile_for_user(user=request.user)
    if profile is None:
        return redirect("seeker-profile-edit")
    return render(request, "web/me_profile.html", _profile_page_context(profile))


@seeker_required
def seeker_profile_edit(request: HttpRequest) -> HttpResponse:
    profile = seeker_profile_for_user(user=request.user)
    if profile is None:
        initial = {"display_name": request.user.get_full_name(), "email": request.user.email,
                   "recommendations_enabled": True}
    else:
        initial = {
            "display_name": profile.display_name,
            "email": profile.email,
            "phone": profile.phone,
            "home_region": profile.home_region,
            "summary": profile.summary,
            "discoverable": profile.discoverable,
            "recommendations_enabled": profile.recommendations_enabled,
        }
    form = forms.ProfileForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            if profile is None:
                seeker_services.seeker_profile_create(user=request.user, **form.cleaned_data)
            else:
                seeker_services.seeker_profile_update(profile=profile, **form.cleaned_data)
        except ValidationError as exc:
            forms.add_service_errors(form, exc)
        else:
            messages.success(request, _("Your profile was saved."))
            return redirect("seeker-profile")
    return render(request, "web/me_profile_edit.html", {"form": form, "profile": profile})


def _profile_item_add(
    request: HttpRequest, form_class, prefix: str, service, field_map: dict | None = None
) -> HttpResponse:
    profile = _profile_or_404(request)
    form = form_class(request.POST, prefix=prefix)
    if form.is_valid():
        try:
            service(seeker=profile, **form.cleaned_data)
        except ValidationError as exc:
            forms.add_service_errors(form, exc, field_map)
        else:
            messages.success(request, _("Added to your profile."))
            return redirect("seeker-profile")
    context = _profile_page_context(profile, **{f"{prefix}_form": form})
    return render(request, "web/me_profile.html", context, status=400)


@require_POST
@seeker_required
def seeker_experience_add(request: HttpRequest) -> HttpResponse:
    return _profile_item_add(request, forms.WorkExperienceForm, "experience", seeker_services.work_experience_add)


@require_POST
@seeker_required
def seeker_certificate_add(request: HttpRequest) -> HttpResponse:
    return _profile_item_add(request, forms.CertificateForm, "certificate", seeker_services.certificate_add)


@require_POST
@seeker_required
def seeker_education_add(request: HttpRequest) -> HttpResponse:
    return _profile_item_add(
        request, forms.EducationForm, "education", seeker_services.education_add, {"level_text": "level"}
    )


@require_POST
@seeker_required
def seeker_training_add(request: HttpRequest) -> HttpResponse:
    return _profile_item_add(request, forms.TrainingForm, "training", seeker_services.training_record_add)


@login_required
def seeker_profile_detail(request: HttpRequest, profile_id: int) -> HttpResponse:
    """A résumé page by id: its owner and counselors, staff and administrators; anyone else gets 404."""
    try:
        profile = seeker_profile_get(user=request.user, profile_id=profile_id)
    except SeekerProfile.DoesNotExist:
        raise Http404 from None
    return render(request, "web/seeker_detail.html", {"profile": profile})


def _withdrawable(application: Application) -> bool:
    return ApplicationStatus.WITHDRAWN in APPLICATION_TRANSITIONS[application.status]


@seeker_required
def seeker_applications(request: HttpRequest) -> HttpResponse:
    applications = list(job_selectors.application_list_for_seeker(user=request.user))
    for application in applications:
        application.withdrawable = _withdrawable(application)
    return render(request, "web/me_applications.html", {"applications": applications})


def _own_application_or_404(request: HttpRequest, application_id: int) -> Application:
    try:
        return job_selectors.application_list_for_seeker(user=request.user).get(pk=application_id)
    except Application.DoesNotExist:
        raise Http404 from None


@seeker_required
def seeker_application_detail(request: HttpRequest, application_id: int) -> HttpResponse:
    application = _own_application_or_404(request, application_id)
    application.withdrawable = _withdrawable(application)
    return render(request, "web/me_application_detail.html", {"application": application})


@require_POST
@seeker_required
def seeker_application_withdraw(request: HttpRequest, application_id: int) -> HttpResponse:
    application = _own_application_or_404(request, application_id)
    try:
        job_services.application_withdraw(application=application, by=request.user)
    except ValidationError as exc:
        for text in exc.messages:
            messages.error(request, text)
    else:
        messages.success(request, _("Your application was withdrawn."))
    return redirect("seeker-applications")


# --------------------------------------------------------------------------------------------- employer pages


def _own_posting_or_404(request: HttpRequest, posting_id: int) -> JobPosting:
    """A posting of one of the user's companies; another company's posting is not found (404)."""
    try:
        return job_selectors.company_posting_list(user=request.user).get(pk=posting_id)
    except JobPosting.DoesNotExist:
        raise Http404 from None


@employer_required
def employer_postings(request: HttpRequest) -> HttpResponse:
    companies = list(companies_for_user(user=request.user))
    postings = (
        job_selectors.company_posting_list(user=request.user)
        .annotate(application_count=Count("applications", distinct=True))
        .order_by("-updated_at", "-id")
    )
    status = request.GET.get("status", "")
    if status in PostingStatus.values:
        postings = postings.filter(status=status)
    page = Paginator(postings, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "web/employer_postings.html",
        {
            "companies": companies,
            "page": page,
            "status": status,
            "statuses": PostingStatus.choices,
            "extend_form": forms.ExtendForm(),
            "query": f"status={status}" if status else "",
        },
    )


def _posting_form_page(request: HttpRequest, posting: JobPosting | None) -> HttpResponse:
    companies = companies_for_user(user=request.user)
    if not companies.exists():
        raise PermissionDenied(_("Your account does not belong to a company yet."))
    initial = {}
    if posting is not None:
        initial = {
            "company": posting.company_id,
            "title": posting.title,
            "description": posting.description,
            "occupation_text": posting.occupation.name if posting.occupation else "",
            "employment_type": posting.employment_type,
            "wage_min": posting.wage_min,
            "wage_max": posting.wage_max,
            "wage_unit": posting.wage_unit,
            "experience_months": posting.experience_months,
            "education_level": posting.education_level,
            "region": posting.region,
            "workplace": posting.workplace_id,
            "working_hours": posting.working_hours,
            "closes_on": posting.closes_on,
            "openings": posting.openings,
            "how_to_apply": posting.how_to_apply,
            **forms.PostingForm.licence_initial(posting),
        }
    form = forms.PostingForm(request.POST or None, initial=initial, companies=companies)
    if posting is not None:
        form.fields["company"].disabled = True
    if request.method == "POST" and form.is_valid():
        try:
            if posting is None:
                posting = job_services.posting_create(
                    company=form.cleaned_data["company"], created_by=request.user, **form.service_fields()
                )
                messages.success(request, _("The posting was saved as a draft. Publish it when it is ready."))
            else:
                job_services.posting_update(posting=posting, by=request.user, **form.service_fields())
                messages.success(request, _("The posting was saved."))
        except ValidationError as exc:
            forms.add_service_errors(form, exc, forms.PostingForm.SERVICE_FIELDS)
        else:
            return redirect("employer-postings")
    status = 400 if form.is_bound and form.errors else 200
    return render(request, "web/employer_posting_form.html", {"form": form, "posting": posting}, status=status)


@employer_required
def employer_posting_create(request: HttpRequest) -> HttpResponse:
    return _posting_form_page(request, None)


@employer_required
def employer_posting_edit(request: HttpRequest, posting_id: int) -> HttpResponse:
    posting = _own_posting_or_404(request, posting_id)
    if posting.status == PostingStatus.REMOVED:
        raise Http404
    return _posting_form_page(request, posting)


def _posting_action(request: HttpRequest, posting_id: int, action, success: str) -> HttpResponse:
    posting = _own_posting_or_404(request, posting_id)
    try:
        action(posting)
    except ValidationError as exc:
        for text in exc.messages:
            messages.error(request, f"{posting.title}: {text}")
    else:
        messages.success(request, success % {"title": posting.title})
    return redirect(_safe_next(request, reverse("employer-postings")))


@require_POST
@employer_required
def employer_posting_publish(request: HttpRequest, posting_id: int) -> HttpResponse:
    return _posting_action(
        request, posting_id, lambda p: job_services.posting_publish(posting=p, by=request.user),
        _("“%(title)s” is now open."),
    )


@require_POST
@employer_required
def employer_posting_close(request: HttpRequest, posting_id: int) -> HttpResponse:
    return _posting_action(
        request, posting_id, lambda p: job_services.posting_close(posting=p, by=request.user),
        _("“%(title)s” was closed."),
    )


@require_POST
@employer_required
def employer_posting_extend(request: HttpRequest, posting_id: int) -> HttpResponse:
    form = forms.ExtendForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Enter the new closing date."))
        return redirect("employer-postings")
    return _posting_action(
        request,
        posting_id,
        lambda p: job_services.posting_extend(posting=p, by=request.user, closes_on=form.cleaned_data["closes_on"]),
        _("“%(title)s” now closes on the new date."),
    )


@require_POST
@employer_required
def employer_posting_duplicate(request: HttpRequest, posting_id: int) -> HttpResponse:
    posting = _own_posting_or_404(request, posting_id)
    copy = job_services.posting_duplicate(posting=posting, by=request.user)
    messages.success(request, _("A draft copy was made; edit it and publish it."))
    return redirect("employer-posting-edit", posting_id=copy.pk)


def _move_forms(applications) -> None:
    for application in applications:
        allowed = [s for s in APPLICATION_TRANSITIONS[application.status] if s != ApplicationStatus.WITHDRAWN]
        application.move_form = (
            forms.ApplicationMoveForm(allowed=allowed, prefix=f"a{application.pk}") if allowed else None
        )


@employer_required
def employer_posting_applications(request: HttpRequest, posting_id: int) -> HttpResponse:
    """The hiring pipeline of one posting. Another company's posting answers 403."""
    try:
        applications = list(job_selectors.application_list_for_posting(user=request.user, posting_id=posting_id))
        posting = job_selectors.posting_get(posting_id=posting_id, user=request.user)
    except JobPosting.DoesNotExist:
        raise Http404 from None
    _move_forms(applications)
    counts = {value: 0 for value in ApplicationStatus.values}
    for application in applications:
        counts[application.status] += 1
    return render(
        request,
        "web/employer_posting_applications.html",
        {
            "posting": posting,
            "applications": applications,
            "counts": [(label, counts[value]) for value, label in ApplicationStatus.choices],
        },
    )


def _company_application_or_404(request: HttpRequest, application_id: int) -> Application:
    try:
        application = job_selectors.application_get(user=request.user, application_id=application_id)
    except Application.DoesNotExist:
        raise Http404 from None
    if not user_is_company_member(user=request.user, company_id=application.posting.company_id):
        # The applicant can read their own application, but not through the employer's pages.
        raise Http404
    return application


@employer_required
def employer_application_detail(request: HttpRequest, application_id: int) -> HttpResponse:
    """One applicant's résumé and history, for the company they applied to (applying shares the résumé)."""
    application = _company_application_or_404(request, application_id)
    _move_forms([application])
    return render(
        request, "web/employer_application_detail.html", {"application": application, "profile": application.seeker}
    )


@require_POST
@employer_required
def employer_application_move(request: HttpRequest, application_id: int) -> HttpResponse:
    application = _company_application_or_404(request, application_id)
    allowed = [s for s in APPLICATION_TRANSITIONS[application.status] if s != ApplicationStatus.WITHDRAWN]
    form = forms.ApplicationMoveForm(request.POST, allowed=allowed, prefix=f"a{application.pk}")
    if form.is_valid():
        try:
            job_services.application_move(
                application=application,
                to_status=form.cleaned_data["to_status"],
                by=request.user,
                note=form.cleaned_data["note"],
            )
        except ValidationError as exc:
            for text in exc.messages:
                messages.error(request, text)
        else:
            messages.success(
                request,
                _("%(name)s: moved to %(status)s.")
                % {"name": application.seeker.display_name, "status": application.get_status_display()},
            )
    else:
        for errors in form.errors.values():
            messages.error(request, " ".join(errors))
    return redirect(
        _safe_next(request, reverse("employer-posting-applications", kwargs={"posting_id": application.posting_id}))
    )
