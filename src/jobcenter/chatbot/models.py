"""Every chatbot conversation is logged for audit and for improving the knowledge base; personal data in the
question is masked before it is stored (``engine.privacy.mask``). Counselor requests are the bot's hand-off."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ChatLog(models.Model):
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                             related_name="+")
    session_key = models.CharField(max_length=64, blank=True)
    question = models.TextField(_("question (masked)"))
    lang = models.CharField(max_length=8, blank=True)
    intent = models.CharField(max_length=32, blank=True)
    passages = models.JSONField(_("retrieved passages"), default=list, blank=True)
    answer = models.TextField(blank=True)
    citations = models.JSONField(default=list, blank=True)
    in_scope = models.BooleanField(default=True)
    handoff = models.BooleanField(default=False)
    backend = models.CharField(max_length=64, blank=True)
    version = models.CharField(max_length=128, blank=True)
    latency_ms = models.FloatField(default=0)

    class Meta:
        ordering = ("-created_at", "-id")
        verbose_name = _("chat log")
        verbose_name_plural = _("chat logs")

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.question[:40]}"


class CounselorRequest(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", _("open")
        ASSIGNED = "assigned", _("assigned")
        CLOSED = "closed", _("closed")

    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                             related_name="counselor_requests")
    contact = models.CharField(_("contact (masked unless signed in)"), max_length=255, blank=True)
    question = models.TextField(_("question (masked)"), blank=True)
    chat_log = models.ForeignKey(ChatLog, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.OPEN, db_index=True)
    assigned_to = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="assigned_counselor_requests")
    note = models.TextField(blank=True)

    class Meta:
        ordering = ("-created_at", "-id")
        verbose_name = _("counselor request")
        verbose_name_plural = _("counselor requests")

    def __str__(self) -> str:
        return f"#{self.pk} {self.get_status_display()} {self.question[:40]}"
