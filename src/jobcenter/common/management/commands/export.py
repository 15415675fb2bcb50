"""`jobcenter export postings|seekers [--output FILE]`: JSON lines of schema.org JobPosting or JSON Resume."""

from __future__ import annotations

import json
import sys

from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Export postings as schema.org JobPosting JSON-LD or seekers as JSON Resume, one JSON object per line."

    def add_arguments(self, parser):
        parser.add_argument("kind", choices=["postings", "seekers"])
        parser.add_argument("--output", "-o", default="-", help="file to write (default: standard output)")
        parser.add_argument("--source", default=None, help="only records from this source (e.g. jsonld)")
        parser.add_argument("--status", default=None, help="postings only: only this status (e.g. open)")

    def handle(self, *args, kind: str, output: str, source: str | None, status: str | None, **options):
        if kind == "postings":
            from jobcenter.jobs.imports import postings_export_jsonld
            from jobcenter.jobs.models import JobPosting

            qs = JobPosting.objects.select_related("company", "occupation", "region__parent", "education_level")
            qs = qs.prefetch_related("required_certifications").order_by("id")
            if source:
                qs = qs.filter(source=source)
            if status:
                qs = qs.filter(status=status)
            rows = postings_export_jsonld(qs.iterator(chunk_size=500))
        else:
            from jobcenter.seekers.imports import seekers_export_jsonresume
            from jobcenter.seekers.models import SeekerProfile

            qs = SeekerProfile.objects.select_related("home_region__parent", "preference").order_by("id")
            if source:
                qs = qs.filter(source=source)
            rows = seekers_export_jsonresume(qs)
        out = sys.stdout if output == "-" else open(output, "w", encoding="utf-8")
        try:
            n = 0
            for row in rows:
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
                n += 1
        finally:
            if out is not sys.stdout:
                out.close()
        self.stderr.write(f"exported {n} {kind}")
