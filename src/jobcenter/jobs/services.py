"""Writes for job postings and applications. Every status change goes through a transition table and leaves a
history row saying who changed what, when and why."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from jobcenter.accounts.models import User
from jobcenter.accounts.roles import Role
from jobcenter.accounts.selectors import user_holds_any_role
from jobcenter.employers.models import Company, CompanyMember, Workplace
from jobcenter.jobs.models import (
    APPLICATION_TRANSITIONS,
    POSTING_TRANSITIONS,
    Application,
    ApplicationStatus,
    ApplicationStatusChange,
    JobPosting,
    PostingStatus,
    PostingStatusChange,
)
from jobcenter.seekers.models import SeekerProfile
from jobcenter.seekers.services import resident_number_reject

# Fields a caller may set on a posting; status moves only through posting_transition.
POSTING_FIELDS = {
    "workplace",
    "source",
    "source_key",
    "title",
    "description",
    "occupation",
    "occupation_confidence",
    "required_certifications",
    "qualifications_text",
    "education_level",
    "education_text",
    "experience_months",
    "employment_type",
    "wage_min",
    "wage_max",
    "wage_unit",
    "working_hours",
    "region",
    "address",
    "latitude",
    "longitude",
    "posted_on",
    "closes_on",
    "openings",
    "how_to_apply",
    "url",
}

# Moves an employer makes; the applicant alone may withdraw.
EMPLOYER_APPLICATION_STATUSES = {
    ApplicationStatus.REVIEWED,
    ApplicationStatus.INTERVIEW,
    ApplicationStatus.OFFERED,
    ApplicationStatus.HIRED,
    ApplicationStatus.REJECTED,
}


def _today() -> date:
    return timezone.localdate()


def _is_back_office(user: User | None) -> bool:
    """Staff and administrators manage any posting; counselors advise but do not act for employers."""
    return user_holds_any_role(user, Role.STAFF, Role.ADMINISTRATOR)


def _is_member(user: User | None, company_id: int) -> bool:
    return bool(user) and CompanyMember.objects.filter(company_id=company_id, user=user).exists()


def _check_may_manage(*, user: User | None, company_id: int) -> None:
    """``None`` is the system itself (scheduled expiry, imports); people must belong to the company or be staff."""
    if user is None or _is_back_office(user) or _is_member(user, company_id):
        return
    raise PermissionDenied(_("You do not manage job postings of this company."))


def _merge_errors(errors: dict[str, list[str]], exc: ValidationError) -> None:
    for field, messages in exc.message_dict.items():
        # Our own field checks already explain the database constraints they mirror.
        if field == NON_FIELD_ERRORS and errors:
            continue
        errors.setdefault(field, []).extend(m for m in messages if m not in errors.get(field, []))


def _posting_validate(posting: JobPosting) -> None:
    """Field rules with messages naming the field, then the model's own validation."""
    errors: dict[str, list[str]] = {}
    if not (posting.description or "").strip():
        # Imported list items may lack one (Work24 lists carry no description); a posting written here may not.
        errors.setdefault("description", []).append(_("Describe the job: duties, conditions, what the work is like."))
    for field in ("wage_min", "wage_max", "experience_months"):
        value = getattr(posting, field)
        if value is not None and value < 0:
            errors.setdefault(field, []).append(_("This cannot be negative."))
    if (
        posting.wage_min is not None
        and posting.wage_max is not None
        and "wage_min" not in errors
        and posting.wage_min > posting.wage_max
    ):
        errors.setdefault("wage_max", []).append(_("The maximum wage cannot be less than the minimum wage."))
    if posting.openings is not None and posting.openings < 1:
        errors.setdefault("openings", []).append(_("There must be at least one opening."))
    if posting.posted_on and posting.closes_on and posting.closes_on < posting.posted_on:
        errors.setdefault("closes_on", []).append(_("The closing date cannot be before the posting date."))
    if posting.occupation_id and not posting.occupation.is_assignable:
        errors.setdefault("occupation", []).append(
            _("Choose an occupation, not an occupation group (%(name)s).") % {"name": posting.occupation.name}
        )
    if posting.workplace_id and posting.workplace.company_id != posting.company_id:
        errors.setdefault("workplace", []).append(_("This workplace belongs to another company."))
    try:
        posting.full_clean(exclude=["created_by"])
    except ValidationError as exc:
        _merge_errors(errors, exc)
    if errors:
        raise ValidationError(errors)


def _copy_place(posting: JobPosting, fields: dict[str, Any]) -> None:
    """Search and matching read place from the posting row: copy it from the workplace (or the region)."""
    workplace: Workplace | None = posting.workplace
    if workplace is not None and "workplace" in fields:
        if "region" not in fields:
            posting.region = workplace.region
        if "latitude" not in fields and "longitude" not in fields:
            posting.latitude, posting.longitude = workplace.latitude, workplace.longitude
        if "address" not in fields and workplace.address:
            posting.address = workplace.address
    if posting.latitude is None and posting.longitude is None and posting.region is not None:
        posting.latitude, posting.longitude = posting.region.latitude, posting.region.longitude


def _split_fields(fields: dict[str, Any]) -> tuple[dict[str, Any], Any]:
    unknown = set(fields) - POSTING_FIELDS
    if unknown:
        raise TypeError(f"cannot set {', '.join(sorted(unknown))} on a job posting")
    fields = dict(fields)
    certifications = fields.pop("required_certifications", None)
    return fields, certifications


@transaction.atomic
def posting_create(
    *,
    company: Company,
    created_by: User | None = None,
    workplace: Workplace | None = None,
    **fields: Any,
) -> JobPosting:
    """A new draft posting. Publishing it (``posting_publish``) makes it public."""
    _check_may_manage(user=created_by, company_id=company.pk)
    fields, certifications = _split_fields(fields)
    fields.setdefault("posted_on", _today())
    posting = JobPosting(company=company, workplace=workplace, created_by=created_by, status=PostingStatus.DRAFT)
    for name, value in fields.items():
        setattr(posting, name, value)
    _copy_place(posting, {**fields, "workplace": workplace} if workplace is not None else fields)
    _posting_validate(posting)
    posting.save()
    if certifications:
        posting.required_certifications.set(certifications)
    PostingStatusChange.objects.create(
        posting=posting, from_status="", to_status=PostingStatus.DRAFT, changed_by=created_by
    )
    return posting


@transaction.atomic
def posting_update(*, posting: JobPosting, by: User | None, **fields: Any) -> JobPosting:
    """Edit a posting's content; its status changes only through the transition services."""
    _check_may_manage(user=by, company_id=posting.company_id)
    if posting.status == PostingStatus.REMOVED:
        raise ValidationError({"status": _("A removed posting cannot be edited.")})
    fields, certifications = _split_fields(fields)
    for name, value in fields.items():
        setattr(posting, name, value)
    _copy_place(posting, fields)
    _posting_validate(posting)
    posting.save()
    if certifications is not None:
        posting.required_certifications.set(certifications)
    return posting


@transaction.atomic
def posting_transition(
    *, posting: JobPosting, to_status: str, by: User | None, note: str = ""
) -> JobPosting:
    """Move a posting along ``POSTING_TRANSITIONS`` and record who did it. Opening needs a closing date that
    has not passed."""
    _check_may_manage(user=by, company_id=posting.company_id)
    locked = JobPosting.objects.select_for_update().get(pk=posting.pk)
    from_status = locked.status
    if to_status not in PostingStatus.values:
        raise ValidationError({"status": _("Unknown posting status: %(status)s") % {"status": to_status}})
    if to_status not in POSTING_TRANSITIONS[from_status]:
        raise ValidationError(
            {
                "status": _("A posting cannot go from %(from)s to %(to)s.")
                % {"from": PostingStatus(from_status).label, "to": PostingStatus(to_status).label}
            }
        )
    if to_status == PostingStatus.OPEN and posting.closes_on and posting.closes_on < _today():
        raise ValidationError({"closes_on": _("The closing date has passed; set a new one to open the posting.")})
    posting.status = to_status
    posting.save(update_fields=["status", "updated_at"])
    PostingStatusChange.objects.create(
        posting=posting, from_status=from_status, to_status=to_status, changed_by=by, note=note[:255]
    )
    return posting


@transaction.atomic
def posting_publish(*, posting: JobPosting, by: User | None) -> JobPosting:
    """Draft → open. A draft published later than it was written is dated the day it goes public."""
    if posting.status == PostingStatus.DRAFT:
        _check_may_manage(user=by, company_id=posting.company_id)
        today = _today()
        if posting.posted_on < today and (posting.closes_on is None or posting.closes_on >= today):
            posting.posted_on = today
            _posting_validate(posting)
            posting.save(update_fields=["posted_on", "updated_at"])
    return posting_transition(posting=posting, to_status=PostingStatus.OPEN, by=by)


@transaction.atomic
def posting_close(*, posting: JobPosting, by: User | None, note: str = "") -> JobPosting:
    return posting_transition(posting=posting, to_status=PostingStatus.CLOSED, by=by, note=note)


@transaction.atomic
def posting_remove(*, posting: JobPosting, by: User | None, note: str = "") -> JobPosting:
    return posting_transition(posting=posting, to_status=PostingStatus.REMOVED, by=by, note=note)


@transaction.atomic
def posting_extend(*, posting: JobPosting, by: User | None, closes_on: date) -> JobPosting:
    """Move the closing date; a closed or expired posting re-opens once the new date validates."""
    _check_may_manage(user=by, company_id=posting.company_id)
    if posting.status == PostingStatus.REMOVED:
        raise ValidationError({"status": _("A removed posting cannot be extended.")})
    if closes_on is None:
        raise ValidationError({"closes_on": _("Enter the new closing date.")})
    if closes_on < _today():
        raise ValidationError({"closes_on": _("The new closing date cannot be in the past.")})
    posting.closes_on = closes_on
    _posting_validate(posting)
    posting.save(update_fields=["closes_on", "updated_at"])
    if posting.status in (PostingStatus.CLOSED, PostingStatus.EXPIRED):
        posting_transition(
            posting=posting,
            to_status=PostingStatus.OPEN,
            by=by,
            note=_("extended to %(date)s") % {"date": closes_on.isoformat()},
        )
    return posting


@transaction.atomic
def postings_expire_due(*, today: date | None = None) -> int:
    """Open postings whose closing date has passed become expired (by the system). Returns how many."""
    today = today or _today()
    count = 0
    due = JobPosting.objects.select_for_update().filter(status=PostingStatus.OPEN, closes_on__lt=today)
    for posting in due:
        posting.status = PostingStatus.EXPIRED
        posting.save(update_fields=["status", "updated_at"])
        PostingStatusChange.objects.create(
            posting=posting,
            from_status=PostingStatus.OPEN,
            to_status=PostingStatus.EXPIRED,
            changed_by=None,
            note=_("closing date passed"),
        )
        count += 1
    return count


@transaction.atomic
def posting_duplicate(*, posting: JobPosting, by: User | None) -> JobPosting:
    """A new draft with the same content, dated today; a closing date already past is dropped."""
    _check_may_manage(user=by, company_id=posting.company_id)
    today = _today()
    copied = {
        name: getattr(posting, name)
        for name in POSTING_FIELDS - {"workplace", "source", "source_key", "required_certifications", "posted_on"}
    }
    copied["posted_on"] = today
    if posting.closes_on and posting.closes_on < today:
        copied["closes_on"] = None
    copy = posting_create(
        company=posting.company,
        created_by=by,
        workplace=posting.workplace,
        required_certifications=list(posting.required_certifications.all()),
        **copied,
    )
    return copy


def _posting_accepts_applications(posting: JobPosting) -> bool:
    return posting.status == PostingStatus.OPEN and (posting.closes_on is None or posting.closes_on >= _today())


@transaction.atomic
def application_create(*, posting: JobPosting, seeker: SeekerProfile, cover_note: str = "") -> Application:
    """Apply to an open posting, once."""
    resident_number_reject({"cover_note": cover_note})
    if not _posting_accepts_applications(posting):
        raise ValidationError({"posting": _("This posting is not open for applications.")})
    if Application.objects.filter(posting=posting, seeker=seeker).exists():
        raise ValidationError({"posting": _("You have already applied to this posting.")})
    try:
        with transaction.atomic():
            application = Application.objects.create(posting=posting, seeker=seeker, cover_note=cover_note)
    except IntegrityError as exc:  # a second request that raced the check above
        raise ValidationError({"posting": _("You have already applied to this posting.")}) from exc
    ApplicationStatusChange.objects.create(
        application=application, from_status="", to_status=ApplicationStatus.APPLIED, changed_by=seeker.user
    )
    return application


def _check_may_move(*, application: Application, to_status: str, by: User | None) -> None:
    if to_status == ApplicationStatus.WITHDRAWN:
        if by is None or application.seeker.user_id != by.pk:
            raise PermissionDenied(_("Only the applicant may withdraw an application."))
        return
    if by is None or not (_is_back_office(by) or _is_member(by, application.posting.company_id)):
        raise PermissionDenied(_("Only the employer may move this application."))


@transaction.atomic
def application_move(
    *, application: Application, to_status: str, by: User | None, note: str = ""
) -> Application:
    """Move an application along ``APPLICATION_TRANSITIONS``: the employer reviews, interviews, offers, hires or
    rejects; the applicant withdraws. Every move is recorded."""
    if to_status not in ApplicationStatus.values or to_status == ApplicationStatus.APPLIED:
        raise ValidationError({"status": _("Unknown application status: %(status)s") % {"status": to_status}})
    _check_may_move(application=application, to_status=to_status, by=by)
    resident_number_reject({"note": note})
    from_status = Application.objects.select_for_update().values_list("status", flat=True).get(pk=application.pk)
    if to_status not in APPLICATION_TRANSITIONS[from_status]:
        raise ValidationError(
            {
                "status": _("An application cannot go from %(from)s to %(to)s.")
                % {"from": ApplicationStatus(from_status).label, "to": ApplicationStatus(to_status).label}
            }
        )
    application.status = to_status
    application.save(update_fields=["status", "updated_at"])
    ApplicationStatusChange.objects.create(
        application=application, from_status=from_status, to_status=to_status, changed_by=by, note=note[:255]
    )
    return application


@transaction.atomic
def application_withdraw(*, application: Application, by: User | None) -> Application:
    return application_move(application=application, to_status=ApplicationStatus.WITHDRAWN, by=by)
