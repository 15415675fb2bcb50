"""The profile builder's pages beyond adding items: editing and deleting each item, job preferences, importing a
JSON Resume file, and the certificate autocomplete. Thin like the other views: forms check shape, the seeker
services write and refuse, and their errors are shown next to the field they name."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any, Callable

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from jobcenter.seekers import services as seeker_services
from jobcenter.seekers.models import SeekerProfile
from jobcenter.web import forms
from jobcenter.web.views import _profile_or_404, desired_occupation_names, seeker_required


@dataclass(frozen=True)
class ProfileItem:
    """One kind of résumé item: how the pages find, show, edit and delete it."""

    label: Any  # lazy text: "job", "certificate", ...
    related: str  # the profile's related manager
    form: type
    instance_arg: str  # the update/delete services' keyword for the item
    update: Callable
    delete: Callable
    initial: Callable[[Any], dict]
    describe: Callable[[Any], str]
    field_map: dict | None = None


PROFILE_ITEMS: dict[str, ProfileItem] = {
    "experience": ProfileItem(
        label=gettext_lazy("Job"),
        related="work_experiences",
        form=forms.WorkExperienceForm,
        instance_arg="experience",
        update=seeker_services.work_experience_update,
        delete=seeker_services.work_experience_delete,
        initial=lambda i: {"title": i.title, "employer_name": i.employer_name, "start_date": i.start_date,
                           "end_date": i.end_date, "duties": i.duties},
        describe=lambda i: i.title,
    ),
    "certificate": ProfileItem(
        label=gettext_lazy("Certificate or licence"),
        related="certificates",
        form=forms.CertificateForm,
        instance_arg="certificate",
        update=seeker_services.certificate_update,
        delete=seeker_services.certificate_delete,
        initial=lambda i: {"name": i.name, "issuer": i.issuer, "acquired_on": i.acquired_on},
        describe=lambda i: i.name,
    ),
    "education": ProfileItem(
        label=gettext_lazy("Education"),
        related="educations",
        form=forms.EducationForm,
        instance_arg="education",
        update=seeker_services.education_update,
        delete=seeker_services.education_delete,
        initial=lambda i: {"level": i.level, "institution": i.institution, "major": i.major,
                           "end_date": i.end_date},
        describe=lambda i: i.institution or i.level_text,
        field_map={"level_text": "level"},
    ),
    "training": ProfileItem(
        label=gettext_lazy("Training"),
        related="training_records",
        form=forms.TrainingForm,
        instance_arg="record",
        update=seeker_services.training_record_update,
        delete=seeker_services.training_record_delete,
        initial=lambda i: {"course_name": i.course_name, "provider": i.provider, "start_date": i.start_date,
                           "end_date": i.end_date, "completed": i.completed},
        describe=lambda i: i.course_name,
    ),
}


def _own_item_or_404(profile: SeekerProfile, kind: str, item_id: int):
    """An item of the person's own profile; another person's item is simply not found."""
    spec = PROFILE_ITEMS.get(kind)
    if spec is None:
        raise Http404
    item = getattr(profile, spec.related).filter(pk=item_id).first()
    if item is None:
        raise Http404
    return spec, item


@seeker_required
def seeker_item_edit(request: HttpRequest, kind: str, item_id: int) -> HttpResponse:
    profile = _profile_or_404(request)
    spec, item = _own_item_or_404(profile, kind, item_id)
    form = spec.form(request.POST or None, initial=spec.initial(item))
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        if kind == "education":
            data.setdefault("level_text", "")
        try:
            spec.update(**{spec.instance_arg: item}, **data)
        except ValidationError as exc:
            forms.add_service_errors(form, exc, spec.field_map)
        else:
            messages.success(request, _("Your profile was saved."))
            return redirect("seeker-profile")
    status = 400 if form.is_bound and form.errors else 200
    return render(
        request,
        "web/me_item_edit.html",
        {"form": form, "kind": kind, "label": spec.label, "item_name": spec.describe(item)},
        status=status,
    )


@require_POST
@seeker_required
def seeker_item_delete(request: HttpRequest, kind: str, item_id: int) -> HttpResponse:
    profile = _profile_or_404(request)
    spec, item = _own_item_or_404(profile, kind, item_id)
    name = spec.describe(item)
    spec.delete(**{spec.instance_arg: item})
    messages.success(request, _("“%(name)s” was removed from your profile.") % {"name": name})
    return redirect("seeker-profile")


# --------------------------------------------------------------------------------------------- preferences


def _preference_initial(profile: SeekerProfile) -> tuple[dict, int]:
    """The stored preference as form values, and how many occupation boxes to show (one spare)."""
    preference = getattr(profile, "preference", None)
    if preference is None:
        return {}, forms.PreferenceForm.OCCUPATION_BOXES
    texts = desired_occupation_names(preference)
    initial = {f"desired_occupation_{i}": text for i, text in enumerate(texts, start=1)}
    initial.update(
        {
            "regions": list(preference.regions.all()),
            "max_commute_km": preference.max_commute_km,
            "desired_wage": preference.desired_wage,
            "desired_wage_unit": preference.desired_wage_unit,
            "employment_types": list(preference.employment_types or []),
            "available_from": preference.available_from,
        }
    )
    return initial, len(texts) + 1


@seeker_required
def seeker_preferences(request: HttpRequest) -> HttpResponse:
    """What work the person looks for: occupations (autocomplete), regions, commute, wage, types, start date."""
    profile = _profile_or_404(request)
    initial, boxes = _preference_initial(profile)
    if request.method == "POST":
        boxes = max(boxes, sum(1 for key in request.POST if key.startswith("desired_occupation_")))
    form = forms.PreferenceForm(
        request.POST if request.method == "POST" else None, initial=initial, occupation_boxes=boxes
    )
    if request.method == "POST" and form.is_valid():
        try:
            seeker_services.preference_update(seeker=profile, **form.service_fields())
        except ValidationError as exc:
            forms.add_service_errors(form, exc, forms.PreferenceForm.SERVICE_FIELDS)
        else:
            messages.success(request, _("Your job preferences were saved."))
            return redirect("seeker-profile")
    status = 400 if form.is_bound and form.errors else 200
    return render(request, "web/me_preferences.html", {"form": form, "profile": profile}, status=status)


# --------------------------------------------------------------------------------------------- JSON Resume

# JSON Resume field paths → words people know. Unknown paths are shown as they are.
_SECTION_LABELS = {
    "basics": gettext_lazy("Basic information"),
    "work": gettext_lazy("Job"),
    "education": gettext_lazy("Education"),
    "certificates": gettext_lazy("Certificate"),
    "x-jobcenter": gettext_lazy("Preferences"),
    "x-jobcenter.training": gettext_lazy("Training"),
}
_FIELD_LABELS = {
    "id": gettext_lazy("identifier"),
    "name": gettext_lazy("name"),
    "email": gettext_lazy("e-mail"),
    "phone": gettext_lazy("phone"),
    "position": gettext_lazy("position"),
    "startDate": gettext_lazy("start date"),
    "endDate": gettext_lazy("end date"),
    "date": gettext_lazy("date"),
    "summary": gettext_lazy("summary"),
    "institution": gettext_lazy("school"),
    "area": gettext_lazy("major"),
    "studyType": gettext_lazy("level"),
    "issuer": gettext_lazy("issuer"),
    "provider": gettext_lazy("provider"),
    "completed": gettext_lazy("completed"),
    "desiredOccupations": gettext_lazy("desired occupations"),
    "maxCommuteKm": gettext_lazy("longest commute"),
    "desiredMonthlyWage": gettext_lazy("desired monthly wage"),
    "desiredWage": gettext_lazy("desired wage"),
    "employmentTypes": gettext_lazy("employment types"),
    "availableFrom": gettext_lazy("available from"),
    "x-occupationCode": gettext_lazy("occupation code"),
}
_PATH_ITEM = re.compile(r"^(?P<section>[A-Za-z\-]+(?:\.training)?)(?:\[(?P<index>\d+)\])?(?:\.(?P<rest>.+))?$")


def resume_field_label(path: str | None) -> str:
    """``work[1].startDate`` → "Job 2 · start date" (in the page's language)."""
    if not path:
        return _("The file")
    match = _PATH_ITEM.match(path)
    if not match:
        return path
    section, index, rest = match["section"], match["index"], match["rest"]
    parts = [str(_SECTION_LABELS.get(section, section))]
    if index is not None:
        parts[0] = f"{parts[0]} {int(index) + 1}"
    if rest:
        leaf = rest.rsplit(".", 1)[-1].split("[", 1)[0]
        parts.append(str(_FIELD_LABELS.get(leaf, rest)))
    return " · ".join(parts)


def _resume_message(message: str) -> str:
    """The parser speaks plain English; the common messages are said in the page's language."""
    if "resident registration number" in message:
        return _("This looks like a resident registration number. The file was refused so that it is never "
                 "stored; remove the number from the file and upload it again.")
    if message == "is required":
        return _("is required")
    return message


class ResumeFileError(Exception):
    def __init__(self, errors: list[tuple[str, str]]):
        super().__init__(errors)
        self.errors = errors


def _read_resume(upload) -> Any:
    """The uploaded file as a parsed ``SeekerRecord``; ``ResumeFileError`` with (field, message) pairs else."""
    from jobcenter.interchange.jsonresume import parse_seeker

    raw = upload.read()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ResumeFileError([(_("The file"), _("The file is not UTF-8 text; save it as UTF-8 JSON."))]) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ResumeFileError(
            [(_("The file"), _("The file is not valid JSON (line %(line)s, column %(column)s: %(reason)s).")
              % {"line": exc.lineno, "column": exc.colno, "reason": exc.msg})]
        ) from None
    if isinstance(data, list):
        if len(data) != 1:
            raise ResumeFileError([(_("The file"), _("The file holds %(count)s résumés; upload one.") % {"count": len(data)})])
        data = data[0]
    if not isinstance(data, dict):
        raise ResumeFileError([(_("The file"), _("The file is JSON but not a résumé (a JSON object)."))])
    # The portal knows whose profile this is: a résumé without an "id" (most JSON Resume files) is fine.
    data = {"id": "upload", **data}
    result = parse_seeker(data)
    if isinstance(result, list):
        raise ResumeFileError([(resume_field_label(e.field), _resume_message(e.message)) for e in result])
    return result


@seeker_required
def seeker_resume_import(request: HttpRequest) -> HttpResponse:
    """Upload a JSON Resume file and merge it into the profile (nothing already entered is lost or doubled)."""
    profile = _profile_or_404(request)
    posted = request.method == "POST"
    form = forms.ResumeImportForm(request.POST if posted else None, request.FILES if posted else None)
    file_errors: list[tuple[str, str]] = []
    if request.method == "POST" and form.is_valid():
        try:
            record = _read_resume(form.cleaned_data["file"])
            added = seeker_services.seeker_profile_import_jsonresume(seeker=profile, record=record)
        except ResumeFileError as exc:
            file_errors = exc.errors
        except ValidationError as exc:
            file_errors = [
                (resume_field_label(field) if field != "__all__" else _("The file"), " ".join(texts))
                for field, texts in (exc.message_dict.items() if hasattr(exc, "error_dict") else [("__all__", exc.messages)])
            ]
        else:
            messages.success(
                request,
                _("Imported: %(work)s jobs, %(education)s schools, %(certificates)s certificates, %(training)s "
                  "courses added; %(skipped)s already in your profile.") % added,
            )
            return redirect("seeker-profile")
        if file_errors:
            form.add_error("file", _("The file could not be imported; see the list of problems below."))
    status = 400 if form.is_bound and (form.errors or file_errors) else 200
    return render(
        request, "web/me_import.html", {"form": form, "file_errors": file_errors, "profile": profile}, status=status
    )


# --------------------------------------------------------------------------------------------- autocomplete


def certification_suggest(request: HttpRequest) -> HttpResponse:
    """Autocomplete fragment: licences on the certification list matching what was typed in ``field``."""
    from jobcenter.taxonomy.selectors import certification_search

    field = request.GET.get("field", "q")
    text = (request.GET.get(field) or "").strip()
    certifications = certification_search(q=text, limit=8) if text else []
    return render(
        request,
        "web/_certification_suggestions.html",
        {"certifications": certifications, "target": request.GET.get("target", ""), "text": text},
    )
