from django.apps import AppConfig


class JobsConfig(AppConfig):
    name = "jobcenter.jobs"
    verbose_name = "Jobs"
