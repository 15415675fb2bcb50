from django.contrib import admin

from jobcenter.taxonomy.models import (
    Certification,
    DictionaryJob,
    EducationLevel,
    EmploymentType,
    ImportRun,
    Industry,
    Occupation,
    OccupationAlias,
    OccupationCertification,
    Region,
)


class OccupationAliasInline(admin.TabularInline):
    model = OccupationAlias
    extra = 0
    fields = ("label", "normalized", "language", "kind", "source")


class OccupationCertificationInline(admin.TabularInline):
    model = OccupationCertification
    extra = 0
    autocomplete_fields = ("certification",)


@admin.register(Occupation)
class OccupationAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "name_en", "scheme", "level", "version", "isco_code", "source")
    list_filter = ("scheme", "level", "version", "source")
    search_fields = ("code", "name", "name_en", "aliases__label", "isco_code")
    autocomplete_fields = ("parent",)
    list_select_related = ("parent",)
    inlines = (OccupationAliasInline, OccupationCertificationInline)


@admin.register(OccupationAlias)
class OccupationAliasAdmin(admin.ModelAdmin):
    list_display = ("label", "occupation", "kind", "language", "source")
    list_filter = ("kind", "language", "source")
    search_fields = ("label", "normalized", "occupation__name", "occupation__code")
    autocomplete_fields = ("occupation",)
    list_select_related = ("occupation",)


@admin.register(DictionaryJob)
class DictionaryJobAdmin(admin.ModelAdmin):
    list_display = ("job_code", "seq", "name", "occupation", "education_level", "inquiry_year")
    list_filter = ("inquiry_year", "education_level")
    search_fields = ("job_code", "name", "occupation__name", "occupation__code")
    autocomplete_fields = ("occupation", "education_level")
    list_select_related = ("occupation", "education_level")


@admin.register(Certification)
class CertificationAdmin(admin.ModelAdmin):
    list_display = ("name", "grade", "kind", "issuer", "scheme", "version")
    list_filter = ("kind", "scheme", "version")
    search_fields = ("name", "normalized", "name_en", "issuer")


@admin.register(OccupationCertification)
class OccupationCertificationAdmin(admin.ModelAdmin):
    list_display = ("occupation", "certification", "source")
    list_filter = ("source",)
    search_fields = ("occupation__name", "occupation__code", "certification__name")
    autocomplete_fields = ("occupation", "certification")
    list_select_related = ("occupation", "certification")


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "name_en", "level", "parent", "latitude", "longitude")
    list_filter = ("level", "version")
    search_fields = ("code", "name", "name_en", "short_name")
    autocomplete_fields = ("parent",)
    list_select_related = ("parent",)


@admin.register(EducationLevel)
class EducationLevelAdmin(admin.ModelAdmin):
    list_display = ("rank", "code", "name", "name_en", "years")
    list_filter = ("version",)
    search_fields = ("code", "name", "name_en")
    ordering = ("rank",)


@admin.register(EmploymentType)
class EmploymentTypeAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "name_en")
    list_filter = ("version",)
    search_fields = ("code", "name", "name_en")


@admin.register(Industry)
class IndustryAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "name_en", "version")
    list_filter = ("version",)
    search_fields = ("code", "name", "name_en")


@admin.register(ImportRun)
class ImportRunAdmin(admin.ModelAdmin):
    """What each import read, kept and rejected: a record, so nobody edits it."""

    list_display = ("started_at", "kind", "source", "status", "created", "updated", "unchanged", "rejected")
    list_filter = ("kind", "status")
    search_fields = ("kind", "source", "sha256")
    date_hierarchy = "started_at"

    def get_readonly_fields(self, request, obj=None):
        return [f.name for f in self.model._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
