from django.apps import AppConfig


class TaxonomyConfig(AppConfig):
    name = "jobcenter.taxonomy"
    verbose_name = "Taxonomy"
