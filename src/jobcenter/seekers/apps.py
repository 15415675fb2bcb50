from django.apps import AppConfig


class SeekersConfig(AppConfig):
    name = "jobcenter.seekers"
    verbose_name = "Seekers"
