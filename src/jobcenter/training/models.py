"""Vocational training courses (e.g. 국민내일배움카드 courses), enough for search and recommendation."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class TrainingProvider(models.Model):
    name = models.CharField(max_length=255, unique=True)
    region = models.ForeignKey("taxonomy.Region", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    address = models.CharField(max_length=255, blank=True)

    def __str__(self) -> str:
        return self.name


class TrainingCourse(models.Model):
    class Support(models.TextChoices):
        NAEIL_CARD = "naeil_card", _("National Tomorrow Learning Card (국민내일배움카드)")
        NATIONAL_STRATEGIC = "national_strategic", _("K-Digital / national strategic industry course")
        EMPLOYER = "employer", _("employer-funded")
        NONE = "none", _("no public support")

    source = models.CharField(max_length=32, default="portal")
    source_key = models.CharField(max_length=64, blank=True)
    provider = models.ForeignKey(TrainingProvider, on_delete=models.PROTECT, related_name="courses")
    title = models.CharField(_("course title"), max_length=255)
    description = models.TextField(blank=True)
    occupation = models.ForeignKey(
        "taxonomy.Occupation", null=True, blank=True, on_delete=models.SET_NULL, related_name="training_courses"
    )
    skills = models.JSONField(default=list, blank=True)
    certifications = models.ManyToManyField("taxonomy.Certification", blank=True, related_name="training_courses")
    region = models.ForeignKey("taxonomy.Region", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    start_date = models.DateField()
    end_date = models.DateField()
    hours = models.PositiveIntegerField(default=0)
    cost = models.PositiveIntegerField(_("tuition (KRW)"), default=0)
    support = models.CharField(max_length=32, choices=Support.choices, default=Support.NAEIL_CARD)
    support_rate = models.PositiveSmallIntegerField(_("share paid by public support (%)"), default=0)
    capacity = models.PositiveIntegerField(default=20)

    class Meta:
        ordering = ["start_date", "title"]
        constraints = [
            models.UniqueConstraint(
                fields=["source", "source_key"], condition=~models.Q(source_key=""), name="course_source_key_unique"
            ),
            models.CheckConstraint(condition=models.Q(end_date__gte=models.F("start_date")), name="course_dates_ordered"),
            models.CheckConstraint(condition=models.Q(support_rate__lte=100), name="course_support_rate_max_100"),
        ]

    def __str__(self) -> str:
        return self.title
