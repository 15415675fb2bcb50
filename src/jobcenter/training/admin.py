from django.contrib import admin

from jobcenter.training.models import TrainingCourse, TrainingProvider


@admin.register(TrainingProvider)
class TrainingProviderAdmin(admin.ModelAdmin):
    list_display = ("name", "region", "address")
    list_filter = ("region__level",)
    search_fields = ("name", "address")
    autocomplete_fields = ("region",)
    list_select_related = ("region",)


@admin.register(TrainingCourse)
class TrainingCourseAdmin(admin.ModelAdmin):
    list_display = ("title", "provider", "occupation", "region", "start_date", "end_date", "hours", "cost", "support")
    list_filter = ("support", "source", "start_date")
    search_fields = ("title", "description", "provider__name", "occupation__name", "source_key")
    autocomplete_fields = ("provider", "occupation", "certifications", "region")
    list_select_related = ("provider", "occupation", "region")
    date_hierarchy = "start_date"
