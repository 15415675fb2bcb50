"""Time the portal's search page, posting page and recommendation pages on the current database (the demo data:
``jobcenter setup-demo``), through Django's test client, and print median / p95 / max in milliseconds.

    jobcenter bench-portal [--requests 50] [--warmup 5]

The test client runs the whole Django stack (middleware, views, templates, database) in-process, without a
network or a web server, so the figures are the application's own time per page.
"""

from __future__ import annotations

import statistics
import time

from django.core.management.base import BaseCommand, CommandError

from jobcenter.conf import machine_description


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))
    return ordered[index]


class Command(BaseCommand):
    help = "Time the search page (several queries), posting pages and recommendation pages; print median/p95 ms."

    def add_arguments(self, parser):
        parser.add_argument("--requests", type=int, default=50, help="timed requests per case (default 50)")
        parser.add_argument("--warmup", type=int, default=5, help="untimed requests first (default 5)")

    def handle(self, *args, requests: int, warmup: int, **options):
        from django.conf import settings
        from django.db import connection
        from django.test import Client
        from django.test.utils import setup_test_environment
        from django.urls import reverse

        from jobcenter.accounts.models import User
        from jobcenter.jobs import selectors as job_selectors
        from jobcenter.taxonomy.models import Region

        setup_test_environment()  # lets the test client's host in; nothing else changes for reads
        postings = list(job_selectors.posting_list().values_list("pk", flat=True)[:200])
        if len(postings) < 20:
            raise CommandError("Fewer than 20 open postings: load the demo data first (`jobcenter setup-demo`).")
        province = Region.objects.filter(level=Region.Level.PROVINCE).order_by("code").first()
        search = reverse("posting-list")
        cases = [
            ("search: no filters", search, {}),
            ("search: q=용접", search, {"q": "용접"}),
            ("search: q=배관 용접원 (two words, relevance)", search, {"q": "배관 용접원"}),
            ("search: q=관리 + region + sort=newest", search, {"q": "관리", "region": province.code, "sort": "newest"}),
            ("search: region + sort=wage", search, {"region": province.code, "sort": "wage"}),
            ("search: type + wage_min + sort=closing", search,
             {"employment_type": "FULL_TIME", "wage_min": "2500000", "sort": "closing"}),
            ("search: occupation group, page 2", search, {"occupation": "KECO:8", "page": "2"}),
            ("search: htmx fragment q=기사", search, {"q": "기사", "_htmx": "1"}),
        ]
        anonymous = Client()
        seeker_client = Client()
        seeker = User.objects.filter(email="seeker@demo.jobcenter.kr").first()
        if seeker is not None:
            seeker_client.force_login(seeker)

        results = []
        for name, url, params in cases:
            headers = {"HX-Request": "true"} if params.pop("_htmx", None) else {}
            results.append((name, self._time(anonymous, url, params, headers, requests, warmup)))
        posting_urls = [reverse("posting-detail", args=[pk]) for pk in postings]
        results.append(("posting page (anonymous)", self._time_many(anonymous, posting_urls, requests, warmup)))
        if seeker is not None:
            results.append(
                ("posting page (seeker, distance line)", self._time_many(seeker_client, posting_urls, requests, warmup))
            )
            # AI recommendations (each view is a real one: it is recorded in the recommendation log). The page
            # defers the next-step suggestions to an htmx fragment, timed on its own.
            results.append(("recommendations page (seeker)",
                            self._time(seeker_client, reverse("recommendations:mine"), {}, {}, requests, warmup)))
            results.append(("recommendations next steps (htmx)",
                            self._time(seeker_client, reverse("recommendations:next-steps"), {},
                                       {"HX-Request": "true"}, requests, warmup)))
        employer = User.objects.filter(email="employer@demo.jobcenter.kr").first()
        own = job_selectors.company_posting_list(user=employer).filter(pk__in=postings).first() if employer else None
        if own is not None:
            employer_client = Client()
            employer_client.force_login(employer)
            results.append(("recommended candidates (employer)",
                            self._time(employer_client, reverse("recommendations:candidates", args=[own.pk]), {},
                                       {}, requests, warmup)))

        self.stdout.write(f"Portal pages, {requests} requests each after {warmup} warm-up, "
                          f"database {connection.vendor}, DEBUG={settings.DEBUG}")
        self.stdout.write(f"machine: {machine_description()}")
        self.stdout.write(f"{'case':45} {'median ms':>10} {'p95 ms':>8} {'max ms':>8}")
        for name, timings in results:
            self.stdout.write(
                f"{name:45} {statistics.median(timings):10.1f} {_percentile(timings, 0.95):8.1f} {max(timings):8.1f}"
            )

    def _time(self, client, url, params, headers, requests, warmup) -> list[float]:
        timings = []
        for i in range(warmup + requests):
            start = time.perf_counter()
            response = client.get(url, params, headers=headers)
            elapsed = (time.perf_counter() - start) * 1000
            if response.status_code != 200:
                raise CommandError(f"{url} {params} answered {response.status_code}")
            if i >= warmup:
                timings.append(elapsed)
        return timings

    def _time_many(self, client, urls, requests, warmup) -> list[float]:
        timings = []
        for i in range(warmup + requests):
            url = urls[i % len(urls)]
            start = time.perf_counter()
            response = client.get(url)
            elapsed = (time.perf_counter() - start) * 1000
            if response.status_code != 200:
                raise CommandError(f"{url} answered {response.status_code}")
            if i >= warmup:
                timings.append(elapsed)
        return timings
