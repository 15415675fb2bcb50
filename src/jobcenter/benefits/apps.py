from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BenefitsConfig(AppConfig):
    name = "jobcenter.benefits"
    label = "benefits"
    verbose_name = _("급여·지원제도 계산")
    default_auto_field = "django.db.models.BigAutoField"
