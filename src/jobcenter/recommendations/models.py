"""What a job seeker told us about a recommended posting: saved it, or hid it ("not for me")."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class RecommendationFeedback(models.Model):
    """One action of a seeker on a posting. Undoing it keeps the row (``undone_at``): a "not for me" is an outcome
    the learned ranker trains on, so it stays recorded even after the person changes their mind."""

    class Action(models.TextChoices):
        SAVED = "saved", _("saved")
        HIDDEN = "hidden", _("hidden (not for me)")

    seeker = models.ForeignKey(
        "seekers.SeekerProfile", on_delete=models.CASCADE, related_name="recommendation_feedback"
    )
    posting = models.ForeignKey("jobs.JobPosting", on_delete=models.CASCADE, related_name="recommendation_feedback")
    action = models.CharField(max_length=16, choices=Action.choices)
    reason = models.CharField(_("reason"), max_length=500, blank=True)
    # The list the person acted on, when known: links the outcome to what the engine showed and why.
    log = models.ForeignKey(
        "audit.RecommendationLog", null=True, blank=True, on_delete=models.SET_NULL, related_name="feedback"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    undone_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-updated_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["seeker", "posting", "action"], name="recommendation_feedback_unique")
        ]
        indexes = [models.Index(fields=["seeker", "action", "undone_at"])]

    @property
    def active(self) -> bool:
        return self.undone_at is None

    def __str__(self) -> str:
        return f"{self.seeker_id} {self.action} {self.posting_id}"
