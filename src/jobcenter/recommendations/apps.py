from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RecommendationsConfig(AppConfig):
    name = "jobcenter.recommendations"
    label = "recommendations"
    verbose_name = _("AI-assisted recommendations")
    default_auto_field = "django.db.models.BigAutoField"
