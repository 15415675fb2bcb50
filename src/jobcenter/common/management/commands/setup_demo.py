from django.core.management.base import BaseCommand

from jobcenter.common.demo import DEMO_ACCOUNTS, DEMO_PASSWORD, demo_data_load
from jobcenter.common.reference import reference_setup


class Command(BaseCommand):
    help = "Load reference data and deterministic demo data (idempotent), then print the demo accounts."

    def add_arguments(self, parser):
        parser.add_argument("--builtin-only", action="store_true", help="ignore the shared data folder")

    def handle(self, *args, builtin_only: bool, **options):
        reference_setup(use_shared_data=not builtin_only, show_progress=self.stderr.isatty(), echo=self.stdout.write)
        report = demo_data_load()
        made = ", ".join(f"{n} {what}" for what, n in report.created.items()) or "nothing new (already loaded)"
        self.stdout.write(f"demo data: {made}")
        self.stdout.write("\nDemo accounts (password for all: %s)" % DEMO_PASSWORD)
        for email, role, name in DEMO_ACCOUNTS:
            self.stdout.write(f"  {role:<14} {email:<32} {name}")
