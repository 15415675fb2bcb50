from django.core.management.base import BaseCommand

from jobcenter.common.reference import reference_setup


class Command(BaseCommand):
    help = "Load the reference data: the built-in set, plus the shared data folder (JOBCENTER_DATA_DIR) when present."

    def add_arguments(self, parser):
        parser.add_argument("--builtin-only", action="store_true", help="ignore the shared data folder")

    def handle(self, *args, builtin_only: bool, **options):
        reference_setup(use_shared_data=not builtin_only, show_progress=self.stderr.isatty(), echo=self.stdout.write)
