"""`jobcenter recommend-batch [--chunk 200] [--top 20] [--no-wait]`: lists for every seeker, split across Celery.

Each chunk of seekers is one task; without ``JOBCENTER_CELERY_BROKER_URL`` the tasks run in this process. Every
list is recorded in the recommendation log (surface ``batch``). Prints one JSON object with the totals.
"""

from __future__ import annotations

import json
import time

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Compute and record recommendation lists for every seeker, one Celery task per chunk of seekers."

    def add_arguments(self, parser):
        parser.add_argument("--chunk", type=int, default=200, help="seekers per task (default 200)")
        parser.add_argument("--top", type=int, default=20, help="postings per seeker (default 20, at most 50)")
        parser.add_argument("--no-wait", action="store_true", help="send the tasks and return")
        parser.add_argument("--timeout", type=float, default=3600, help="seconds to wait for the workers")

    def handle(self, *args, chunk: int, top: int, no_wait: bool, timeout: float, **options):
        from jobcenter.recommendations.services import recommendation_batch_dispatch

        started = time.perf_counter()
        try:
            summary = recommendation_batch_dispatch(chunk=chunk, top=top, wait=not no_wait, timeout=timeout)
        except ValidationError as error:
            raise CommandError("; ".join(f"--{k}: {' '.join(v)}" for k, v in error.message_dict.items())) from error
        summary["seconds"] = round(time.perf_counter() - started, 2)
        self.stdout.write(json.dumps(summary, ensure_ascii=False))
