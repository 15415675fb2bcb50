"""One vocabulary for the whole service: every coded value carries its scheme and version.

A concept is addressed as ``SCHEME:code`` (``KECO:0234``, ``ESCO:<uri>``, ``KSIC:C``), the way JobTech's
taxonomy puts a concept id on every ad; free text is normalised to these once, at write time.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Scheme(models.TextChoices):
    KECO = "KECO", _("Korean Employment Classification of Occupations")
    ESCO = "ESCO", _("ESCO occupations")
    ISCO = "ISCO", _("ISCO-08")


class CodedConcept(models.Model):
    scheme = models.CharField(max_length=16)
    version = models.CharField(max_length=32)
    code = models.CharField(max_length=255)
    name = models.CharField(_("name"), max_length=255)
    name_en = models.CharField(_("English name"), max_length=255, blank=True)

    class Meta:
        abstract = True

    @property
    def concept_id(self) -> str:
        return f"{self.scheme}:{self.code}"

    def __str__(self) -> str:
        return f"{self.name} ({self.concept_id})"


class Occupation(CodedConcept):
    """A node of an occupation classification: a KECO group or 4-digit occupation, an ISCO group or an ESCO
    occupation. ``level`` says which; ``parent`` links the hierarchy (KECO 0111 → 011 → 01 → 0)."""

    class Level(models.TextChoices):
        MAJOR = "major", _("major group")
        MIDDLE = "middle", _("middle group")
        MINOR = "minor", _("minor group")
        UNIT = "unit", _("occupation")

    level = models.CharField(max_length=8, choices=Level.choices, default=Level.UNIT)
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT, related_name="children")
    isco_code = models.CharField(_("ISCO-08 group"), max_length=8, blank=True, db_index=True)
    description = models.TextField(blank=True)
    duties = models.TextField(blank=True)
    source = models.CharField(max_length=32, default="builtin")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["scheme", "code"], name="occupation_scheme_code_unique")]
        indexes = [models.Index(fields=["scheme", "level"])]
        ordering = ["scheme", "code"]

    @property
    def is_assignable(self) -> bool:
        """Only leaf occupations (KECO 4-digit, ESCO occupations) are put on postings and careers."""
        return self.level == self.Level.UNIT


class OccupationAlias(models.Model):
    """Another name for an occupation: a dictionary job name, a similar name, an ESCO alternative label."""

    class Kind(models.TextChoices):
        JOB_NAME = "job_name", _("dictionary job name")
        SIMILAR = "similar", _("similar name")
        ALTERNATIVE = "alternative", _("alternative label")
        COLLOQUIAL = "colloquial", _("colloquial title")
        TRANSLATION = "translation", _("translation")

    occupation = models.ForeignKey(Occupation, on_delete=models.CASCADE, related_name="aliases")
    label = models.CharField(max_length=255)
    normalized = models.CharField(max_length=255, db_index=True)
    language = models.CharField(max_length=8, default="ko")
    kind = models.CharField(max_length=16, choices=Kind.choices)
    source = models.CharField(max_length=32, default="builtin")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["occupation", "normalized", "kind"], name="alias_unique_per_occupation")
        ]

    def __str__(self) -> str:
        return self.label


class DictionaryJob(models.Model):
    """A job of the Korean Dictionary of Occupations (한국직업사전), filed under a KECO occupation."""

    job_code = models.CharField(max_length=16)
    seq = models.CharField(max_length=8, default="1")
    name = models.CharField(max_length=255)
    occupation = models.ForeignKey(Occupation, on_delete=models.PROTECT, related_name="dictionary_jobs")
    summary = models.TextField(blank=True)
    duties = models.TextField(blank=True)
    ksco_code = models.CharField(max_length=64, blank=True)
    ksic_code = models.CharField(max_length=64, blank=True)
    education_level = models.ForeignKey(
        "taxonomy.EducationLevel", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    skill_months = models.PositiveIntegerField(null=True, blank=True)
    related_jobs = models.JSONField(default=list, blank=True)
    inquiry_year = models.CharField(max_length=8, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["job_code", "seq"], name="dictionary_job_natural_key")]

    def __str__(self) -> str:
        return self.name


class Certification(models.Model):
    """A licence or certification (국가기술자격, 국가전문자격, 공인민간자격)."""

    class Kind(models.TextChoices):
        NATIONAL_TECHNICAL = "national_technical", _("national technical qualification")
        NATIONAL_PROFESSIONAL = "national_professional", _("national professional licence")
        PRIVATE_CERTIFIED = "private_certified", _("state-certified private qualification")
        OTHER = "other", _("other")

    scheme = models.CharField(max_length=16, default="KCERT")
    version = models.CharField(max_length=32, default="builtin-2026.11")
    name = models.CharField(_("name"), max_length=255, unique=True)
    normalized = models.CharField(max_length=255, unique=True)
    name_en = models.CharField(max_length=255, blank=True)
    grade = models.CharField(max_length=32, blank=True)
    issuer = models.CharField(max_length=255, blank=True)
    kind = models.CharField(max_length=32, choices=Kind.choices, default=Kind.OTHER)
    occupations = models.ManyToManyField(Occupation, through="OccupationCertification", related_name="certifications")

    class Meta:
        ordering = ["name"]

    @property
    def concept_id(self) -> str:
        return f"{self.scheme}:{self.name}"

    def __str__(self) -> str:
        return self.name


class OccupationCertification(models.Model):
    occupation = models.ForeignKey(Occupation, on_delete=models.CASCADE)
    certification = models.ForeignKey(Certification, on_delete=models.CASCADE)
    source = models.CharField(max_length=32, default="builtin")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["occupation", "certification"], name="occupation_certification_unique")
        ]


class Region(models.Model):
    """A province (시·도) or a city/county/district (시·군·구), with the coordinates of its hall."""

    class Level(models.TextChoices):
        PROVINCE = "province", _("province")
        CITY = "city", _("city / county")

    scheme = models.CharField(max_length=16, default="KR-ADM")
    version = models.CharField(max_length=32, default="builtin-2026.11")
    code = models.CharField(max_length=16, unique=True)
    name = models.CharField(max_length=64)
    name_en = models.CharField(max_length=64, blank=True)
    short_name = models.CharField(max_length=32, blank=True)
    level = models.CharField(max_length=8, choices=Level.choices)
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT, related_name="children")
    latitude = models.FloatField()
    longitude = models.FloatField()

    class Meta:
        ordering = ["code"]
        indexes = [models.Index(fields=["name"])]

    @property
    def concept_id(self) -> str:
        return f"{self.scheme}:{self.code}"

    @property
    def full_name(self) -> str:
        if self.parent_id and self.parent.name != self.name:
            return f"{self.parent.name} {self.name}"
        return self.name

    def __str__(self) -> str:
        return self.full_name


class EducationLevel(models.Model):
    scheme = models.CharField(max_length=16, default="KR-EDU")
    version = models.CharField(max_length=32, default="builtin-2026.11")
    code = models.CharField(max_length=32, unique=True)
    name = models.CharField(max_length=64)
    name_en = models.CharField(max_length=64, blank=True)
    years = models.PositiveSmallIntegerField(default=0)
    rank = models.PositiveSmallIntegerField(unique=True)
    aliases = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["rank"]

    @property
    def concept_id(self) -> str:
        return f"{self.scheme}:{self.code}"

    def __str__(self) -> str:
        return self.name


class EmploymentType(models.Model):
    """schema.org employmentType values with their Korean names."""

    scheme = models.CharField(max_length=16, default="SCHEMA.ORG")
    version = models.CharField(max_length=32, default="builtin-2026.11")
    code = models.CharField(max_length=32, unique=True)
    name = models.CharField(max_length=64)
    name_en = models.CharField(max_length=64, blank=True)

    class Meta:
        ordering = ["code"]

    @property
    def concept_id(self) -> str:
        return f"{self.scheme}:{self.code}"

    def __str__(self) -> str:
        return self.name


class Industry(models.Model):
    """KSIC industry sections (A–U)."""

    scheme = models.CharField(max_length=16, default="KSIC")
    version = models.CharField(max_length=32, default="10")
    code = models.CharField(max_length=8, unique=True)
    name = models.CharField(max_length=128)
    name_en = models.CharField(max_length=128, blank=True)

    class Meta:
        ordering = ["code"]
        verbose_name_plural = "industries"

    @property
    def concept_id(self) -> str:
        return f"{self.scheme}:{self.code}"

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class ImportRun(models.Model):
    """One run of an importer: what was read, what was kept, what was rejected and why."""

    class Status(models.TextChoices):
        RUNNING = "running", _("running")
        DONE = "done", _("done")
        FAILED = "failed", _("failed")

    kind = models.CharField(max_length=64)
    source = models.CharField(max_length=1024)
    sha256 = models.CharField(max_length=64, blank=True)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.RUNNING)
    started_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    created = models.PositiveIntegerField(default=0)
    updated = models.PositiveIntegerField(default=0)
    unchanged = models.PositiveIntegerField(default=0)
    rejected = models.PositiveIntegerField(default=0)
    errors = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["-started_at"]

    def __str__(self) -> str:
        return f"{self.kind} {self.source} ({self.status})"
