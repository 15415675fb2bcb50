"""`jobcenter bench matching [--sizes 10000,100000,1000000] [--queries 200] [--batch 500] [--json]`.

The recommendation engine's speed on synthetic open postings generated from the reference data
(``jobcenter.matching.bench``): index build time and memory, p50/p95 of a seeker's top 20 with explanations,
batch throughput in one process, and the packaged embedders' throughput. Reads files only, never the database.
`make bench` runs it at the sizes of the matching issue. (`jobcenter bench-portal` times the portal's pages.)
"""

from __future__ import annotations

import json as jsonlib
from datetime import datetime, timezone

from django.core.management.base import BaseCommand, CommandError

from jobcenter.conf import machine_description


class Command(BaseCommand):
    help = "Speed benchmarks: `bench matching` (recommendation engine at 10k/100k/1M synthetic postings)."
    requires_system_checks: list = []
    requires_migrations_checks = False

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="what", required=True)
        matching = sub.add_parser("matching", help="recommendation engine on synthetic postings")
        matching.add_argument("--sizes", default="10000,100000,1000000",
                              help="comma-separated numbers of open postings (default 10000,100000,1000000)")
        matching.add_argument("--queries", type=int, default=200, help="seekers timed one by one per size")
        matching.add_argument("--batch", type=int, default=500, help="seekers in the batch-throughput run")
        matching.add_argument("--embedders", default="use,e5",
                              help="embedders whose throughput is measured ('' for none)")
        matching.add_argument("--seed", type=int, default=7)
        matching.add_argument("--json", action="store_true", help="print the figures as one JSON object")
        matching.add_argument("--data-dir", default=None)

    def handle(self, *args, what: str, **options):
        if what != "matching":  # pragma: no cover - argparse rejects it first
            raise CommandError(f"unknown benchmark {what!r}")
        from jobcenter.matching.bench import SyntheticWorld, measure_embedders, measure_size_isolated
        from jobcenter.matching.recommend import Recommender
        from jobcenter.matching.taxonomy_index import load_knowledge_base

        try:
            sizes = [int(x.replace("_", "")) for x in options["sizes"].split(",") if x.strip()]
        except ValueError as error:
            raise CommandError(f"--sizes: whole numbers separated by commas ({error})") from error
        if not sizes or min(sizes) < 1:
            raise CommandError("--sizes: at least one positive number of postings")
        if options["queries"] < 1 or options["batch"] < 1:
            raise CommandError("--queries and --batch must be at least 1")
        knowledge_base = load_knowledge_base("keco", data_dir=options["data_dir"])
        world = SyntheticWorld(knowledge_base, seed=options["seed"])
        started = datetime.now(timezone.utc)
        quiet = options["json"]

        def progress(line: str) -> None:
            if not quiet:
                self.stderr.write(line)

        def make():
            return Recommender(knowledge_base=knowledge_base, today=world.today)

        rows = [measure_size_isolated(make, world, size, queries=options["queries"], batch=options["batch"],
                             progress=progress) for size in sizes]
        names = tuple(x.strip() for x in options["embedders"].split(",") if x.strip())
        sample = world.postings(500)
        embedders = measure_embedders([p.title for p in sample], [f"{p.title} {p.description}" for p in sample],
                                      names) if names else {}
        report = {"date": started.strftime("%Y-%m-%d %H:%M UTC"), "machine": machine_description(),
                  "knowledge_base": f"{knowledge_base.scheme}: {len(knowledge_base)} occupations "
                                    f"({knowledge_base.source})",
                  "engine_version": make().model_version, "sizes": rows, "embedders": embedders}
        if quiet:
            self.stdout.write(jsonlib.dumps(report, ensure_ascii=False))
            return
        self.stdout.write(f"# bench matching — {report['date']} — {report['machine']}")
        self.stdout.write(f"# {report['knowledge_base']}; scorer {report['engine_version']}")
        self.stdout.write("| open postings | index build | index memory | top-20 p50 | top-20 p95 | max | batch "
                          "| candidates (median) | text index |")
        self.stdout.write("|---|---|---|---|---|---|---|---|---|")
        for r in rows:
            self.stdout.write(f"| {r['postings']:,} | {r['build_s']} s | {r['index_mib']} MiB | {r['p50_ms']} ms "
                              f"| {r['p95_ms']} ms | {r['max_ms']} ms | {r['batch_per_s']} seekers/s "
                              f"| {r['candidates_p50']:,.0f} | {r['text_index']} |")
        for name, figures in embedders.items():
            self.stdout.write(f"embedder {name}: titles {figures['titles']['per_s']} texts/s, titles with "
                              f"descriptions {figures['postings']['per_s']} texts/s")
