from django.apps import AppConfig


class EmployersConfig(AppConfig):
    name = "jobcenter.employers"
    verbose_name = "Employers"
