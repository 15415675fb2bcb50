from django.apps import AppConfig


class CommonConfig(AppConfig):
    name = "jobcenter.common"
    verbose_name = "Common"
