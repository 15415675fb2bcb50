"""Job seekers: the profile the matching engine reads, with the minimum personal data it needs.

Protected attributes (sex, birth year, disability) live apart in ``ProtectedAttributes``: no ranking feature
reads them; they exist only for fairness audits and for benefit rules that the law ties to age or disability.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


class WageUnit(models.TextChoices):
    HOUR = "HOUR", _("per hour")
    DAY = "DAY", _("per day")
    WEEK = "WEEK", _("per week")
    MONTH = "MONTH", _("per month")
    YEAR = "YEAR", _("per year")


class SeekerProfile(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE, related_name="seeker_profile"
    )
    # Natural key of a profile that came from elsewhere (JSON Resume "id"); blank for portal sign-ups.
    source = models.CharField(max_length=32, default="portal")
    source_key = models.CharField(max_length=64, blank=True)
    display_name = models.CharField(_("name"), max_length=100)
    email = models.EmailField(_("contact e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=32, blank=True)
    home_region = models.ForeignKey(
        "taxonomy.Region", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    home_latitude = models.FloatField(null=True, blank=True)
    home_longitude = models.FloatField(null=True, blank=True)
    summary = models.TextField(_("about me"), blank=True)
    discoverable = models.BooleanField(
        _("employers may find my profile"),
        default=False,
        help_text=_("Until you apply or turn this on, employers see only an anonymised summary."),
    )
    recommendations_enabled = models.BooleanField(_("show AI-assisted recommendations"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["source", "source_key"], condition=~models.Q(source_key=""), name="seeker_source_key_unique"
            )
        ]

    def __str__(self) -> str:
        return self.display_name


class ProtectedAttributes(models.Model):
    """Kept apart from the profile; never read by ranking. Used for fairness audits and age/disability rules."""

    class Sex(models.TextChoices):
        FEMALE = "F", _("female")
        MALE = "M", _("male")
        UNDISCLOSED = "", _("not disclosed")

    seeker = models.OneToOneField(SeekerProfile, on_delete=models.CASCADE, related_name="protected_attributes")
    sex = models.CharField(max_length=1, choices=Sex.choices, blank=True)
    birth_year = models.PositiveSmallIntegerField(null=True, blank=True)
    has_disability = models.BooleanField(null=True, blank=True)

    class Meta:
        verbose_name_plural = "protected attributes"


class WorkExperience(models.Model):
    seeker = models.ForeignKey(SeekerProfile, on_delete=models.CASCADE, related_name="work_experiences")
    title = models.CharField(_("job title"), max_length=255)
    employer_name = models.CharField(_("employer"), max_length=255, blank=True)
    start_date = models.DateField(_("from"), null=True, blank=True)
    end_date = models.DateField(_("to"), null=True, blank=True, help_text=_("Leave empty if you still work there."))
    duties = models.TextField(_("duties"), blank=True)
    # The normalised occupation, kept beside the free text the person wrote.
    occupation = models.ForeignKey(
        "taxonomy.Occupation", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    occupation_confidence = models.FloatField(null=True, blank=True)

    class Meta:
        ordering = ["-start_date", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__isnull=True)
                | models.Q(start_date__isnull=True)
                | models.Q(end_date__gte=models.F("start_date")),
                name="work_experience_dates_ordered",
            )
        ]

    def __str__(self) -> str:
        return self.title


class Education(models.Model):
    seeker = models.ForeignKey(SeekerProfile, on_delete=models.CASCADE, related_name="educations")
    level = models.ForeignKey("taxonomy.EducationLevel", null=True, blank=True, on_delete=models.SET_NULL)
    level_text = models.CharField(_("level as written"), max_length=128, blank=True)
    institution = models.CharField(_("school"), max_length=255, blank=True)
    major = models.CharField(_("major"), max_length=255, blank=True)
    end_date = models.DateField(_("graduated on"), null=True, blank=True)

    class Meta:
        ordering = ["-end_date", "id"]


class SeekerCertificate(models.Model):
    seeker = models.ForeignKey(SeekerProfile, on_delete=models.CASCADE, related_name="certificates")
    name = models.CharField(_("certificate"), max_length=255)
    # Normalised to the certification list where the name is known.
    certification = models.ForeignKey(
        "taxonomy.Certification", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    issuer = models.CharField(_("issuer"), max_length=255, blank=True)
    acquired_on = models.DateField(_("acquired on"), null=True, blank=True)

    class Meta:
        ordering = ["name"]


class TrainingRecord(models.Model):
    seeker = models.ForeignKey(SeekerProfile, on_delete=models.CASCADE, related_name="training_records")
    course_name = models.CharField(_("course"), max_length=255)
    provider = models.CharField(_("provider"), max_length=255, blank=True)
    course = models.ForeignKey(
        "training.TrainingCourse", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    start_date = models.DateField(null=True, blank=True)
    end_date = models.DateField(null=True, blank=True)
    completed = models.BooleanField(null=True, blank=True)

    class Meta:
        ordering = ["-start_date", "id"]


class JobPreference(models.Model):
    seeker = models.OneToOneField(SeekerProfile, on_delete=models.CASCADE, related_name="preference")
    desired_occupations = models.ManyToManyField("taxonomy.Occupation", blank=True, related_name="+")
    # What the person typed, kept even when it could not be normalised.
    desired_occupation_texts = models.JSONField(default=list, blank=True)
    regions = models.ManyToManyField("taxonomy.Region", blank=True, related_name="+")
    max_commute_km = models.FloatField(
        _("maximum commute (km)"), null=True, blank=True, validators=[MinValueValidator(0)]
    )
    desired_wage = models.PositiveIntegerField(_("desired wage (KRW)"), null=True, blank=True)
    desired_wage_unit = models.CharField(max_length=8, choices=WageUnit.choices, default=WageUnit.MONTH)
    employment_types = models.JSONField(default=list, blank=True)
    available_from = models.DateField(_("available from"), null=True, blank=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(max_commute_km__isnull=True) | models.Q(max_commute_km__gte=0),
                name="preference_commute_non_negative",
            )
        ]
