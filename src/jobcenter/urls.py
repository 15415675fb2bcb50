from django.contrib import admin
from django.urls import include, path

from jobcenter.api.api import api

admin.site.site_header = "jobcenter back office"
admin.site.site_title = "jobcenter"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/v1/", api.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include("jobcenter.web.urls")),
]
