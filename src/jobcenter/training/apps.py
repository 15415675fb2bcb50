from django.apps import AppConfig


class TrainingConfig(AppConfig):
    name = "jobcenter.training"
    verbose_name = "Training"
