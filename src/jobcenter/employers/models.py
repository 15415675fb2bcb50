from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from jobcenter.employers.validators import validate_business_number


class Company(models.Model):
    class SizeBand(models.TextChoices):
        MICRO = "micro", _("1–4 employees")
        SMALL = "small", _("5–49 employees")
        MEDIUM = "medium", _("50–299 employees")
        LARGE = "large", _("300 or more employees")
        UNKNOWN = "unknown", _("unknown")

    name = models.CharField(_("company name"), max_length=255)
    # Stored as 10 digits without hyphens; imported postings may name an organisation without one.
    business_number = models.CharField(
        _("business registration number"),
        max_length=10,
        unique=True,
        null=True,
        blank=True,
        validators=[validate_business_number],
    )
    # Natural key of an organisation known only by its source (e.g. a JSON-LD hiringOrganization name).
    source = models.CharField(max_length=32, default="portal")
    source_key = models.CharField(max_length=255, blank=True)
    industry = models.ForeignKey("taxonomy.Industry", null=True, blank=True, on_delete=models.SET_NULL)
    size_band = models.CharField(max_length=16, choices=SizeBand.choices, default=SizeBand.UNKNOWN)
    website = models.URLField(blank=True)
    description = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name_plural = "companies"
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["source", "source_key"],
                condition=~models.Q(source_key=""),
                name="company_source_key_unique",
            )
        ]

    def __str__(self) -> str:
        return self.name


class Workplace(models.Model):
    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="workplaces")
    name = models.CharField(_("workplace name"), max_length=255)
    address = models.CharField(_("address"), max_length=255, blank=True)
    postal_code = models.CharField(max_length=8, blank=True)
    region = models.ForeignKey("taxonomy.Region", null=True, blank=True, on_delete=models.SET_NULL)
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)

    class Meta:
        ordering = ["company", "name"]
        constraints = [
            models.UniqueConstraint(fields=["company", "name"], name="workplace_name_unique_per_company"),
            models.CheckConstraint(
                condition=models.Q(latitude__isnull=True) | models.Q(latitude__gte=-90, latitude__lte=90),
                name="workplace_latitude_range",
            ),
            models.CheckConstraint(
                condition=models.Q(longitude__isnull=True) | models.Q(longitude__gte=-180, longitude__lte=180),
                name="workplace_longitude_range",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.company.name} — {self.name}"


class CompanyMember(models.Model):
    class Role(models.TextChoices):
        OWNER = "owner", _("owner")
        RECRUITER = "recruiter", _("recruiter")

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="members")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="company_memberships")
    role = models.CharField(max_length=16, choices=Role.choices, default=Role.RECRUITER)
    joined_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["company", "user"], name="company_member_unique")]

    def __str__(self) -> str:
        return f"{self.user} @ {self.company}"
