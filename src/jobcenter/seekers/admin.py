from django.contrib import admin

from jobcenter.seekers.models import (
    Education,
    JobPreference,
    ProtectedAttributes,
    SeekerCertificate,
    SeekerProfile,
    TrainingRecord,
    WorkExperience,
)


class WorkExperienceInline(admin.TabularInline):
    model = WorkExperience
    extra = 0
    fields = ("title", "employer_name", "start_date", "end_date", "occupation", "occupation_confidence")
    autocomplete_fields = ("occupation",)


class EducationInline(admin.TabularInline):
    model = Education
    extra = 0
    autocomplete_fields = ("level",)


class SeekerCertificateInline(admin.TabularInline):
    model = SeekerCertificate
    extra = 0
    autocomplete_fields = ("certification",)


class TrainingRecordInline(admin.TabularInline):
    model = TrainingRecord
    extra = 0
    autocomplete_fields = ("course",)


class JobPreferenceInline(admin.StackedInline):
    model = JobPreference
    extra = 0
    autocomplete_fields = ("desired_occupations", "regions")


@admin.register(SeekerProfile)
class SeekerProfileAdmin(admin.ModelAdmin):
    # Protected attributes are deliberately not an inline here: only administrators see them, on their own page.
    list_display = ("display_name", "user", "email", "home_region", "discoverable", "source", "created_at")
    list_filter = ("discoverable", "recommendations_enabled", "source")
    search_fields = ("display_name", "email", "phone", "user__email", "source_key")
    autocomplete_fields = ("user", "home_region")
    readonly_fields = ("created_at", "updated_at")
    list_select_related = ("user", "home_region")
    inlines = (JobPreferenceInline, WorkExperienceInline, EducationInline, SeekerCertificateInline, TrainingRecordInline)


@admin.register(ProtectedAttributes)
class ProtectedAttributesAdmin(admin.ModelAdmin):
    """Sex, birth year and disability: administrators only, whatever permissions a group holds."""

    list_display = ("seeker", "sex", "birth_year", "has_disability")
    list_filter = ("sex", "has_disability")
    search_fields = ("seeker__display_name", "seeker__user__email")
    autocomplete_fields = ("seeker",)

    def has_module_permission(self, request):
        return request.user.is_active and request.user.is_superuser

    def has_view_permission(self, request, obj=None):
        return request.user.is_active and request.user.is_superuser

    def has_add_permission(self, request):
        return request.user.is_active and request.user.is_superuser

    def has_change_permission(self, request, obj=None):
        return request.user.is_active and request.user.is_superuser

    def has_delete_permission(self, request, obj=None):
        return request.user.is_active and request.user.is_superuser


@admin.register(WorkExperience)
class WorkExperienceAdmin(admin.ModelAdmin):
    list_display = ("title", "seeker", "employer_name", "occupation", "occupation_confidence", "start_date", "end_date")
    list_filter = ("occupation__scheme",)
    search_fields = ("title", "employer_name", "seeker__display_name", "occupation__name")
    autocomplete_fields = ("seeker", "occupation")
    list_select_related = ("seeker", "occupation")


@admin.register(Education)
class EducationAdmin(admin.ModelAdmin):
    list_display = ("seeker", "level", "level_text", "institution", "major", "end_date")
    list_filter = ("level",)
    search_fields = ("seeker__display_name", "institution", "major", "level_text")
    autocomplete_fields = ("seeker", "level")
    list_select_related = ("seeker", "level")


@admin.register(SeekerCertificate)
class SeekerCertificateAdmin(admin.ModelAdmin):
    list_display = ("name", "seeker", "certification", "issuer", "acquired_on")
    list_filter = ("certification__kind",)
    search_fields = ("name", "seeker__display_name", "certification__name", "issuer")
    autocomplete_fields = ("seeker", "certification")
    list_select_related = ("seeker", "certification")


@admin.register(TrainingRecord)
class TrainingRecordAdmin(admin.ModelAdmin):
    list_display = ("course_name", "seeker", "provider", "start_date", "end_date", "completed")
    list_filter = ("completed",)
    search_fields = ("course_name", "provider", "seeker__display_name")
    autocomplete_fields = ("seeker", "course")
    list_select_related = ("seeker",)


@admin.register(JobPreference)
class JobPreferenceAdmin(admin.ModelAdmin):
    list_display = ("seeker", "desired_wage", "desired_wage_unit", "max_commute_km", "available_from")
    list_filter = ("desired_wage_unit",)
    search_fields = ("seeker__display_name", "seeker__user__email")
    autocomplete_fields = ("seeker", "desired_occupations", "regions")
    list_select_related = ("seeker",)
