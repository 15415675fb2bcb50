from django.contrib import admin

from jobcenter.audit.models import RecommendationLog


@admin.register(RecommendationLog)
class RecommendationLogAdmin(admin.ModelAdmin):
    """What was shown to whom and why: an audit record, read-only."""

    list_display = ("created_at", "subject_type", "subject_id", "viewer", "engine", "model_version", "candidates")
    list_filter = ("subject_type", "engine", "model_version")
    search_fields = ("inputs_digest", "viewer__email", "engine", "model_version")
    date_hierarchy = "created_at"
    list_select_related = ("viewer",)

    def get_readonly_fields(self, request, obj=None):
        return [f.name for f in self.model._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
