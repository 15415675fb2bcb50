from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "jobcenter.accounts"
    verbose_name = "Accounts"
