from django.contrib import admin
from django.db import models

from jobcenter.employers.models import Company, CompanyMember, Workplace


class WorkplaceInline(admin.TabularInline):
    model = Workplace
    extra = 0
    fields = ("name", "address", "postal_code", "region", "latitude", "longitude")
    autocomplete_fields = ("region",)


class CompanyMemberInline(admin.TabularInline):
    model = CompanyMember
    extra = 0
    fields = ("user", "role", "joined_at")
    readonly_fields = ("joined_at",)
    autocomplete_fields = ("user",)


@admin.register(Company)
class CompanyAdmin(admin.ModelAdmin):
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    list_display = ("name", "business_number", "industry", "size_band", "source", "created_at")
    list_filter = ("size_band", "source", "industry")
    search_fields = ("name", "business_number", "source_key")
    autocomplete_fields = ("industry",)
    readonly_fields = ("created_at", "updated_at")
    list_select_related = ("industry",)
    inlines = (WorkplaceInline, CompanyMemberInline)


@admin.register(Workplace)
class WorkplaceAdmin(admin.ModelAdmin):
    list_display = ("name", "company", "region", "address", "latitude", "longitude")
    list_filter = ("company__size_band", "region__level")
    search_fields = ("name", "address", "company__name", "company__business_number")
    autocomplete_fields = ("company", "region")
    list_select_related = ("company", "region")


@admin.register(CompanyMember)
class CompanyMemberAdmin(admin.ModelAdmin):
    list_display = ("user", "company", "role", "joined_at")
    list_filter = ("role",)
    search_fields = ("user__email", "company__name", "company__business_number")
    autocomplete_fields = ("user", "company")
    readonly_fields = ("joined_at",)
    list_select_related = ("user", "company")
