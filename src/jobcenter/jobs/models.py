"""Job postings (aligned with schema.org JobPosting) and applications, each with a recorded status history."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from jobcenter.seekers.models import WageUnit


class PostingStatus(models.TextChoices):
    DRAFT = "draft", _("draft")
    OPEN = "open", _("open")
    CLOSED = "closed", _("closed")
    EXPIRED = "expired", _("expired")
    REMOVED = "removed", _("removed")


POSTING_TRANSITIONS: dict[str, set[str]] = {
    PostingStatus.DRAFT: {PostingStatus.OPEN, PostingStatus.REMOVED},
    PostingStatus.OPEN: {PostingStatus.CLOSED, PostingStatus.EXPIRED, PostingStatus.REMOVED},
    # Extending a closed or expired posting re-opens it after re-validation.
    PostingStatus.CLOSED: {PostingStatus.OPEN, PostingStatus.REMOVED},
    PostingStatus.EXPIRED: {PostingStatus.OPEN, PostingStatus.REMOVED},
    PostingStatus.REMOVED: set(),
}


class EmploymentTypeCode(models.TextChoices):
    FULL_TIME = "FULL_TIME", _("full-time")
    PART_TIME = "PART_TIME", _("part-time")
    CONTRACTOR = "CONTRACTOR", _("contractor")
    TEMPORARY = "TEMPORARY", _("temporary")
    INTERN = "INTERN", _("intern")
    VOLUNTEER = "VOLUNTEER", _("volunteer")
    PER_DIEM = "PER_DIEM", _("per diem")
    OTHER = "OTHER", _("other")


class JobPosting(models.Model):
    company = models.ForeignKey("employers.Company", on_delete=models.PROTECT, related_name="postings")
    workplace = models.ForeignKey(
        "employers.Workplace", null=True, blank=True, on_delete=models.SET_NULL, related_name="postings"
    )
    # Natural key for imports: (source, source_key), e.g. ("jsonld", "P00012") or ("work24", wantedAuthNo).
    source = models.CharField(max_length=32, default="portal")
    source_key = models.CharField(max_length=64, blank=True)
    title = models.CharField(_("title"), max_length=255)
    description = models.TextField(_("description"), blank=True)
    occupation = models.ForeignKey(
        "taxonomy.Occupation", null=True, blank=True, on_delete=models.SET_NULL, related_name="postings"
    )
    occupation_confidence = models.FloatField(null=True, blank=True)
    required_certifications = models.ManyToManyField(
        "taxonomy.Certification", blank=True, related_name="required_by_postings"
    )
    # The licence names as the employer wrote them, including ones not on the certification list.
    qualifications_text = models.CharField(_("required licences as written"), max_length=512, blank=True)
    education_level = models.ForeignKey(
        "taxonomy.EducationLevel", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    education_text = models.CharField(max_length=128, blank=True)
    experience_months = models.PositiveIntegerField(_("months of experience"), default=0)
    employment_type = models.CharField(
        _("employment type"), max_length=16, choices=EmploymentTypeCode.choices, default=EmploymentTypeCode.FULL_TIME
    )
    wage_min = models.PositiveIntegerField(_("minimum wage offered (KRW)"), null=True, blank=True)
    wage_max = models.PositiveIntegerField(_("maximum wage offered (KRW)"), null=True, blank=True)
    wage_unit = models.CharField(max_length=8, choices=WageUnit.choices, default=WageUnit.MONTH)
    working_hours = models.CharField(_("working hours"), max_length=255, blank=True)
    region = models.ForeignKey("taxonomy.Region", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    address = models.CharField(max_length=255, blank=True)
    # Copied from the workplace at write time so search and matching read one row.
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    posted_on = models.DateField(_("posted on"))
    closes_on = models.DateField(_("closes on"), null=True, blank=True)
    openings = models.PositiveIntegerField(_("openings"), default=1)
    how_to_apply = models.TextField(_("how to apply"), blank=True)
    url = models.URLField(max_length=500, blank=True)
    status = models.CharField(max_length=16, choices=PostingStatus.choices, default=PostingStatus.DRAFT)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-posted_on", "-id"]
        indexes = [
            models.Index(fields=["status", "closes_on"]),
            models.Index(fields=["occupation", "status"]),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["source", "source_key"], condition=~models.Q(source_key=""), name="posting_source_key_unique"
            ),
            models.CheckConstraint(
                condition=models.Q(wage_min__isnull=True)
                | models.Q(wage_max__isnull=True)
                | models.Q(wage_min__lte=models.F("wage_max")),
                name="posting_wage_ordered",
            ),
            models.CheckConstraint(
                condition=models.Q(closes_on__isnull=True) | models.Q(closes_on__gte=models.F("posted_on")),
                name="posting_dates_ordered",
            ),
            models.CheckConstraint(condition=models.Q(openings__gte=1), name="posting_openings_positive"),
        ]

    def __str__(self) -> str:
        return self.title


class PostingStatusChange(models.Model):
    posting = models.ForeignKey(JobPosting, on_delete=models.CASCADE, related_name="status_history")
    from_status = models.CharField(max_length=16, choices=PostingStatus.choices, blank=True)
    to_status = models.CharField(max_length=16, choices=PostingStatus.choices)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    changed_at = models.DateTimeField(auto_now_add=True)
    note = models.CharField(max_length=255, blank=True)

    class Meta:
        ordering = ["changed_at", "id"]


class ApplicationStatus(models.TextChoices):
    APPLIED = "applied", _("applied")
    REVIEWED = "reviewed", _("reviewed")
    INTERVIEW = "interview", _("interview")
    OFFERED = "offered", _("offered")
    HIRED = "hired", _("hired")
    REJECTED = "rejected", _("rejected")
    WITHDRAWN = "withdrawn", _("withdrawn")


APPLICATION_TRANSITIONS: dict[str, set[str]] = {
    ApplicationStatus.APPLIED: {ApplicationStatus.REVIEWED, ApplicationStatus.INTERVIEW, ApplicationStatus.REJECTED,
                                ApplicationStatus.WITHDRAWN},
    ApplicationStatus.REVIEWED: {ApplicationStatus.INTERVIEW, ApplicationStatus.REJECTED, ApplicationStatus.WITHDRAWN},
    ApplicationStatus.INTERVIEW: {ApplicationStatus.OFFERED, ApplicationStatus.REJECTED, ApplicationStatus.WITHDRAWN},
    ApplicationStatus.OFFERED: {ApplicationStatus.HIRED, ApplicationStatus.REJECTED, ApplicationStatus.WITHDRAWN},
    ApplicationStatus.HIRED: set(),
    ApplicationStatus.REJECTED: set(),
    ApplicationStatus.WITHDRAWN: set(),
}


class Application(models.Model):
    posting = models.ForeignKey(JobPosting, on_delete=models.PROTECT, related_name="applications")
    seeker = models.ForeignKey("seekers.SeekerProfile", on_delete=models.CASCADE, related_name="applications")
    status = models.CharField(max_length=16, choices=ApplicationStatus.choices, default=ApplicationStatus.APPLIED)
    cover_note = models.TextField(_("message to the employer"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [models.UniqueConstraint(fields=["posting", "seeker"], name="one_application_per_posting")]

    def __str__(self) -> str:
        return f"{self.seeker} → {self.posting}"


class ApplicationStatusChange(models.Model):
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="status_history")
    from_status = models.CharField(max_length=16, choices=ApplicationStatus.choices, blank=True)
    to_status = models.CharField(max_length=16, choices=ApplicationStatus.choices)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    changed_at = models.DateTimeField(auto_now_add=True)
    note = models.CharField(max_length=255, blank=True)

    class Meta:
        ordering = ["changed_at", "id"]
