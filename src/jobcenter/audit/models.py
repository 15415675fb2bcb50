"""What the service did and why: recommendation lists shown to people, kept for audit and improvement."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class RecommendationLog(models.Model):
    """Every recommendation list shown to a person: inputs digest, engine and model version, what was shown."""

    created_at = models.DateTimeField(auto_now_add=True)
    viewer = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    subject_type = models.CharField(max_length=32)  # "seeker" (jobs for a seeker) or "posting" (candidates)
    subject_id = models.PositiveBigIntegerField()
    inputs_digest = models.CharField(max_length=64)
    engine = models.CharField(max_length=64)
    model_version = models.CharField(max_length=64)
    candidates = models.PositiveIntegerField(default=0)
    items = models.JSONField(default=list)  # [{"id":..., "score":..., "rank":...}], what was shown in order
    # Where the list was shown ("web" page, "api") and with what options (top, congestion, language, exclusions).
    surface = models.CharField(max_length=16, blank=True)
    parameters = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["subject_type", "subject_id"])]
