"""The Celery application: batch work split across worker processes and machines.

Without ``JOBCENTER_CELERY_BROKER_URL`` every task runs in the calling process (eager), so the demo and the tests
need no broker. With it (``redis://127.0.0.1:6379/0`` or ``amqp://…``), start workers with

    JOBCENTER_CELERY_BROKER_URL=redis://127.0.0.1:6379/0 .venv/bin/celery -A jobcenter.celery worker -c 2

Tasks hold no logic: each calls one service (DESIGN.md).
"""

from __future__ import annotations

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jobcenter.settings")

app = Celery("jobcenter")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
