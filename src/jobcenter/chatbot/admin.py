from django.contrib import admin

from jobcenter.chatbot.models import ChatLog, CounselorRequest


@admin.register(ChatLog)
class ChatLogAdmin(admin.ModelAdmin):
    """Read-only: a log is a record of what the bot said."""

    list_display = ("created_at", "question", "intent", "in_scope", "handoff", "backend", "latency_ms", "user")
    list_filter = ("in_scope", "handoff", "intent", "lang", "backend", "created_at")
    search_fields = ("question", "answer")
    readonly_fields = [f.name for f in ChatLog._meta.fields]
    date_hierarchy = "created_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(CounselorRequest)
class CounselorRequestAdmin(admin.ModelAdmin):
    list_display = ("id", "created_at", "status", "question", "contact", "user", "assigned_to")
    list_filter = ("status", "created_at", "assigned_to")
    search_fields = ("question", "contact", "note")
    readonly_fields = ("created_at", "user", "contact", "question", "chat_log")
    fields = ("created_at", "user", "contact", "question", "chat_log", "status", "assigned_to", "note")
    raw_id_fields = ("assigned_to",)
