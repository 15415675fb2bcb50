"""`jobcenter import KIND PATH`: load reference data, postings or seekers from files or the Work24 Open API."""

from __future__ import annotations

import sys
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from jobcenter.common.imports import ImportReport
from jobcenter.interchange.errors import FormatError

MAX_ERRORS_SHOWN = 50


class Command(BaseCommand):
    help = "Import reference data, postings or seekers. Every rejected record is reported with its line and reason."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="kind", required=True, metavar="KIND")
        p = sub.add_parser("work24-dictionary", help="Korean Dictionary of Occupations (Work24 Open API JSON lines)")
        p.add_argument("path")
        p.add_argument("--force", action="store_true", help="import even if this exact file was imported before")
        p = sub.add_parser("esco", help="ESCO v1.1 CSV folder (occupations.csv, ISCOGroups.csv)")
        p.add_argument("path")
        p.add_argument("--force", action="store_true")
        p = sub.add_parser("postings", help="schema.org JobPosting JSON-LD (JSON lines or a list)")
        p.add_argument("path")
        p.add_argument("--source", default="jsonld", help="natural-key namespace of this feed (default: jsonld)")
        p = sub.add_parser("work24-postings", help="Work24/WorkNet recruitment XML (list or detail response)")
        p.add_argument("path")
        p = sub.add_parser("seekers", help="JSON Resume with an x-jobcenter block (JSON lines or a list)")
        p.add_argument("path")
        p.add_argument("--source", default="jsonresume")
        p = sub.add_parser("work24-api", help="postings from the live Work24 Open API (needs JOBCENTER_WORK24_AUTH_KEY)")
        p.add_argument("--pages", type=int, default=1)
        p.add_argument("--display", type=int, default=100)
        p.add_argument("--region", default=None)
        p.add_argument("--keyword", default=None)
        for action in sub.choices.values():
            action.add_argument("--no-progress", action="store_true", help="no progress bar")

    def handle(self, *args, kind: str, **options):
        show = not options.get("no_progress") and sys.stderr.isatty()
        try:
            report = self._run(kind, options, show)
        except FormatError as exc:
            raise CommandError(str(exc)) from exc
        except FileNotFoundError as exc:
            raise CommandError(f"no such file or folder: {exc.filename}") from exc
        self._print(report)
        if report.rejected:
            # Valid records were kept; a non-zero exit tells scripts that some were not.
            raise CommandError(f"{len(report.rejected)} record(s) rejected", returncode=2)

    def _run(self, kind: str, options: dict, show: bool) -> ImportReport:
        if kind in {"work24-dictionary", "esco", "postings", "work24-postings", "seekers"}:
            path = Path(options["path"])
            if not path.exists():
                raise CommandError(f"no such file or folder: {path}")
        if kind == "work24-dictionary":
            from jobcenter.taxonomy.services import work24_dictionary_import

            return work24_dictionary_import(path=path, show_progress=show, force=options["force"])
        if kind == "esco":
            from jobcenter.taxonomy.services import esco_import

            return esco_import(directory=path, show_progress=show, force=options["force"])
        if kind == "postings":
            from jobcenter.jobs.imports import postings_import_jsonld

            return postings_import_jsonld(path=path, source=options["source"], show_progress=show)
        if kind == "work24-postings":
            from jobcenter.jobs.imports import postings_import_work24_xml

            return postings_import_work24_xml(path=path, show_progress=show)
        if kind == "seekers":
            from jobcenter.seekers.imports import seekers_import_jsonresume

            return seekers_import_jsonresume(path=path, source=options["source"], show_progress=show)
        if kind == "work24-api":
            if not settings.WORK24_AUTH_KEY:
                raise CommandError("set JOBCENTER_WORK24_AUTH_KEY to use the live Work24 Open API")
            from jobcenter.jobs.imports import postings_import_work24_api

            return postings_import_work24_api(
                auth_key=settings.WORK24_AUTH_KEY, pages=options["pages"], display=options["display"],
                filters={k: options[k] for k in ("region", "keyword") if options.get(k)}, show_progress=show,
            )
        raise CommandError(f"unknown import kind {kind!r}")

    def _print(self, report: ImportReport) -> None:
        self.stdout.write(report.summary())
        for i, line in enumerate(report.error_lines()):
            if i == MAX_ERRORS_SHOWN:
                self.stderr.write(f"... and {len(report.rejected) - MAX_ERRORS_SHOWN} more (see the ImportRun in the back office)")
                break
            self.stderr.write(line)
