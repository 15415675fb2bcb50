from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "jobcenter.audit"
    verbose_name = "Audit"
