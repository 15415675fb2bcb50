from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView

from jobcenter.api.api import api

admin.site.site_header = "jobcenter back office"
admin.site.site_title = "jobcenter"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/v1/", api.urls),
    path("api/docs", RedirectView.as_view(pattern_name="api-v1:openapi-view"), name="api-docs"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("benefits/", include(("jobcenter.benefits.urls", "benefits"))),
    path("chat/", include(("jobcenter.chatbot.urls", "chatbot"))),
    path("", include(("jobcenter.recommendations.urls", "recommendations"))),
    path("", include("jobcenter.web.urls")),
]
