from django.contrib import admin
from django.db import models

from jobcenter.jobs.models import (
    Application,
    ApplicationStatusChange,
    JobPosting,
    PostingStatusChange,
)


class ReadOnlyHistoryInline(admin.TabularInline):
    """A status history is a record of what happened: shown, never added to or edited by hand."""

    extra = 0
    can_delete = False
    fields = ("changed_at", "from_status", "to_status", "changed_by", "note")
    readonly_fields = fields
    ordering = ("changed_at", "id")

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class PostingStatusChangeInline(ReadOnlyHistoryInline):
    model = PostingStatusChange


class ApplicationStatusChangeInline(ReadOnlyHistoryInline):
    model = ApplicationStatusChange


@admin.register(JobPosting)
class JobPostingAdmin(admin.ModelAdmin):
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    list_display = (
        "title", "company", "status", "occupation", "region", "employment_type", "wage_min", "wage_max",
        "posted_on", "closes_on", "source",
    )
    list_filter = ("status", "employment_type", "source", "wage_unit", "posted_on", "closes_on")
    search_fields = ("title", "description", "company__name", "occupation__name", "occupation__code", "source_key")
    autocomplete_fields = (
        "company", "workplace", "occupation", "required_certifications", "education_level", "region",
    )
    # Status changes go through the services so history is written; the admin shows the status, not edits it.
    readonly_fields = ("status", "created_by", "created_at", "updated_at")
    list_select_related = ("company", "occupation", "region")
    date_hierarchy = "posted_on"
    inlines = (PostingStatusChangeInline,)


@admin.register(Application)
class ApplicationAdmin(admin.ModelAdmin):
    list_display = ("seeker", "posting", "status", "created_at", "updated_at")
    list_filter = ("status", "created_at")
    search_fields = ("seeker__display_name", "seeker__user__email", "posting__title", "posting__company__name")
    autocomplete_fields = ("posting", "seeker")
    readonly_fields = ("status", "created_at", "updated_at")
    list_select_related = ("seeker", "posting")
    inlines = (ApplicationStatusChangeInline,)


class ReadOnlyHistoryAdmin(admin.ModelAdmin):
    list_filter = ("to_status", "changed_at")
    date_hierarchy = "changed_at"

    def get_readonly_fields(self, request, obj=None):
        return [f.name for f in self.model._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(PostingStatusChange)
class PostingStatusChangeAdmin(ReadOnlyHistoryAdmin):
    list_display = ("changed_at", "posting", "from_status", "to_status", "changed_by", "note")
    search_fields = ("posting__title", "changed_by__email", "note")
    list_select_related = ("posting", "changed_by")


@admin.register(ApplicationStatusChange)
class ApplicationStatusChangeAdmin(ReadOnlyHistoryAdmin):
    list_display = ("changed_at", "application", "from_status", "to_status", "changed_by", "note")
    search_fields = ("application__posting__title", "application__seeker__display_name", "changed_by__email", "note")
    list_select_related = ("application__posting", "application__seeker", "changed_by")
