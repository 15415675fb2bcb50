from django.contrib import admin

from jobcenter.recommendations.models import RecommendationFeedback


@admin.register(RecommendationFeedback)
class RecommendationFeedbackAdmin(admin.ModelAdmin):
    """Saved and hidden postings: outcomes for the learned ranker; read-only in the back office."""

    list_display = ("updated_at", "action", "seeker", "posting", "reason", "undone_at")
    list_filter = ("action",)
    search_fields = ("reason", "posting__title")
    list_select_related = ("seeker", "posting")
    raw_id_fields = ("seeker", "posting", "log")

    def get_readonly_fields(self, request, obj=None):
        return [f.name for f in self.model._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
