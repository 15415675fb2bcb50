from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "jobcenter.web"
    verbose_name = "Web"
