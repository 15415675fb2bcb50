from django.apps import AppConfig


class CommonConfig(AppConfig):
    name = "jobcenter.common"
    verbose_name = "Common"

    def ready(self) -> None:
        # The Celery app finds the apps' tasks.py once Django is ready; `shared_task`s bind to it.
        from jobcenter.celery import app  # noqa: F401
