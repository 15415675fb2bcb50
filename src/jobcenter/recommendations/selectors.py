"""Reads for recommendations: what the engine is fitted on, who may see which candidate list, and what a seeker
saved or hid. The querysets that feed the engine never touch ``ProtectedAttributes``."""

from __future__ import annotations

import datetime as dt

from django.db.models import Count, Max, Prefetch, Q, QuerySet
from django.utils import timezone

from jobcenter.accounts.selectors import user_is_back_office
from jobcenter.employers.models import CompanyMember
from jobcenter.jobs.models import Application, ApplicationStatus, JobPosting, PostingStatus
from jobcenter.recommendations.models import RecommendationFeedback
from jobcenter.seekers.models import (
    Education,
    JobPreference,
    SeekerCertificate,
    SeekerProfile,
    TrainingRecord,
    WorkExperience,
)

# --------------------------------------------------------------------------------------------- engine inputs


def _open_q(today: dt.date) -> Q:
    # The same rule as the public listing (jobs.selectors): open, and not past its closing date in Seoul.
    return Q(status=PostingStatus.OPEN) & (Q(closes_on__isnull=True) | Q(closes_on__gte=today))


def posting_queryset() -> QuerySet[JobPosting]:
    """Postings with everything ``adapters.posting_doc`` reads, in a fixed number of queries."""
    return JobPosting.objects.select_related(
        "company", "occupation", "education_level", "region__parent", "workplace"
    ).prefetch_related("required_certifications")


def open_posting_list(*, today: dt.date | None = None) -> QuerySet[JobPosting]:
    """The postings the engine may recommend: open and not expired."""
    return posting_queryset().filter(_open_q(today or timezone.localdate())).order_by("pk")


def open_postings_version(*, today: dt.date | None = None) -> tuple:
    """A cheap fingerprint of the open postings: changes when one is added, closed, expires or is edited."""
    today = today or timezone.localdate()
    row = JobPosting.objects.filter(_open_q(today)).aggregate(n=Count("pk"), last=Max("updated_at"), top=Max("pk"))
    return today, row["n"], row["last"], row["top"]


def seeker_queryset() -> QuerySet[SeekerProfile]:
    """Profiles with everything ``adapters.seeker_doc`` reads. ``protected_attributes`` is deliberately absent."""
    return SeekerProfile.objects.select_related("home_region__parent").prefetch_related(
        Prefetch("work_experiences", queryset=WorkExperience.objects.select_related("occupation")),
        Prefetch("educations", queryset=Education.objects.select_related("level")),
        Prefetch("certificates", queryset=SeekerCertificate.objects.select_related("certification")),
        Prefetch("training_records", queryset=TrainingRecord.objects.only("id", "seeker_id", "course_name")),
        Prefetch("preference", queryset=JobPreference.objects.prefetch_related("desired_occupations")),
    )


def candidate_seeker_list() -> QuerySet[SeekerProfile]:
    """Every profile may be recommended to an employer; who is shown by name is decided per viewer
    (``identity_visible_ids``)."""
    return seeker_queryset().order_by("pk")


def batch_seeker_ids() -> list[int]:
    """The seekers a batch computes lists for: every profile with recommendations turned on, in id order."""
    return list(SeekerProfile.objects.filter(recommendations_enabled=True).order_by("pk").values_list("pk", flat=True))


def seekers_version() -> tuple:
    """A cheap fingerprint of the seeker profiles and the parts of them the engine reads."""
    parts = []
    for model in (SeekerProfile, WorkExperience, SeekerCertificate, Education, TrainingRecord, JobPreference):
        row = model.objects.aggregate(n=Count("pk"), top=Max("pk"))
        parts += [row["n"], row["top"]]
    parts.append(SeekerProfile.objects.aggregate(last=Max("updated_at"))["last"])
    return tuple(parts)


def upcoming_course_list(*, today: dt.date | None = None):
    """Training courses that have not started yet (the ones a next step can point to)."""
    from jobcenter.training.models import TrainingCourse

    today = today or timezone.localdate()
    return (
        TrainingCourse.objects.filter(start_date__gte=today)
        .select_related("occupation", "region")
        .prefetch_related("certifications")
        .order_by("start_date", "pk")
    )


# --------------------------------------------------------------------------------------------- feedback


def _active_feedback(seeker: SeekerProfile, action: str) -> QuerySet[RecommendationFeedback]:
    return RecommendationFeedback.objects.filter(seeker=seeker, action=action, undone_at__isnull=True)


def hidden_posting_ids(*, seeker: SeekerProfile) -> set[int]:
    return set(_active_feedback(seeker, RecommendationFeedback.Action.HIDDEN).values_list("posting_id", flat=True))


def saved_posting_ids(*, seeker: SeekerProfile) -> set[int]:
    return set(_active_feedback(seeker, RecommendationFeedback.Action.SAVED).values_list("posting_id", flat=True))


def saved_feedback_list(*, seeker: SeekerProfile) -> QuerySet[RecommendationFeedback]:
    """The seeker's saved postings, newest first, whatever their status now (the page says when one closed)."""
    return _active_feedback(seeker, RecommendationFeedback.Action.SAVED).select_related(
        "posting__company", "posting__region__parent", "posting__occupation"
    )


def applied_posting_ids(*, seeker: SeekerProfile) -> dict[int, int]:
    """posting id → application id, for the seeker's applications that are not withdrawn."""
    rows = Application.objects.filter(seeker=seeker).exclude(status=ApplicationStatus.WITHDRAWN)
    return dict(rows.values_list("posting_id", "pk"))


# --------------------------------------------------------------------------------------------- candidates


def posting_for_candidates(*, user, posting_id: int) -> JobPosting:
    """A posting whose candidate list the user may see: their own company's (any status but removed), or any for
    counselors, staff and administrators. Anyone else gets ``JobPosting.DoesNotExist``, as for a missing id."""
    if not getattr(user, "is_authenticated", False):
        raise JobPosting.DoesNotExist(posting_id)
    qs = posting_queryset().filter(pk=posting_id).exclude(status=PostingStatus.REMOVED)
    if not user_is_back_office(user):
        qs = qs.filter(company__in=CompanyMember.objects.filter(user=user).values("company_id"))
    return qs.get()


def candidate_applications(*, posting: JobPosting, seeker_ids) -> dict[int, int]:
    """seeker id → application id, for the candidates who applied to this posting (withdrawn ones excluded:
    withdrawing takes the résumé back)."""
    rows = Application.objects.filter(posting=posting, seeker_id__in=list(seeker_ids)).exclude(
        status=ApplicationStatus.WITHDRAWN
    )
    return dict(rows.values_list("seeker_id", "pk"))


def identity_visible_ids(*, posting: JobPosting, profiles) -> set[int]:
    """The candidates whose name and contacts the posting's employer may see: those who applied to this posting
    and those who chose to be discoverable. Everyone else is shown only as an anonymised summary."""
    profiles = list(profiles)
    applied = set(candidate_applications(posting=posting, seeker_ids=[p.pk for p in profiles]))
    return {p.pk for p in profiles if p.discoverable or p.pk in applied}
