"""`jobcenter match titles --scheme keco|esco [--labels all|preferred] [--top 10]`: titles → occupation codes.

Reads one job title per line on standard input (or ``--input FILE``) and writes, in input order, one JSON
object per line: ``{"query": "...", "candidates": [{"code": "0234", "label": "...", "score": 0.91}, ...]}``.
For ``keco`` the code is the 4-digit KECO code, for ``esco`` the ESCO occupation URI. Reads reference files
only (``JOBCENTER_DATA_DIR``, else the built-in reference set); never touches the database.
"""

from __future__ import annotations

import json
import sys

from django.core.management.base import BaseCommand, CommandError


def build_normalizer(scheme: str, labels: str, methods: str | None, data_dir: str | None):
    """Load the knowledge base from files and fit the title normaliser (shared with `jobcenter eval`)."""
    from jobcenter.conf import var_dir
    from jobcenter.matching.normalize import TitleNormalizer

    from jobcenter.matching.taxonomy_index import load_knowledge_base

    try:
        knowledge_base = load_knowledge_base(scheme, data_dir=data_dir)
    except LookupError as error:
        raise CommandError(str(error)) from error
    chosen = tuple(m.strip() for m in methods.split(",") if m.strip()) if methods else None
    try:
        normalizer = TitleNormalizer(scheme=scheme, labels=labels, methods=chosen, cache_dir=var_dir() / "cache")
        return normalizer.fit(knowledge_base), knowledge_base
    except ValueError as error:
        raise CommandError(str(error)) from error


class Command(BaseCommand):
    help = "Match free text to taxonomy codes: `match titles` normalises job titles (one per line on stdin)."
    requires_system_checks: list = []
    requires_migrations_checks = False

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="what", required=True)
        titles = sub.add_parser("titles", help="job titles (one per line) → ranked occupation codes (JSON lines)")
        titles.add_argument("--scheme", choices=["keco", "esco"], default="keco")
        titles.add_argument("--labels", choices=["all", "preferred"], default="all",
                            help="'preferred': rank on the scheme's preferred labels only (JobBERT protocol)")
        titles.add_argument("--top", type=int, default=10)
        titles.add_argument("--methods", default=None,
                            help="signals to fuse, comma-separated from exact,tfidf,bm25,use,e5 "
                                 "(default: the measured best set)")
        titles.add_argument("--evidence", action="store_true", help="add each candidate's evidence")
        titles.add_argument("--input", "-i", default="-", help="file of titles (default: standard input)")
        titles.add_argument("--data-dir", default=None,
                            help="reference data folder (default: JOBCENTER_DATA_DIR or ../shared/data)")

    def handle(self, *args, what: str, **options):
        if what == "titles":
            return self._titles(**options)
        raise CommandError(f"unknown target {what!r}")  # pragma: no cover - argparse rejects it first

    def _titles(self, *, scheme, labels, top, methods, evidence, input, data_dir, **_):
        normalizer, _kb = build_normalizer(scheme, labels, methods, data_dir)
        source = sys.stdin if input == "-" else open(input, encoding="utf-8")
        try:
            for line in source:
                query = line.rstrip("\r\n")
                if not query.strip():
                    continue
                candidates = normalizer.rank(query, top=top)
                row = {"query": query, "candidates": [c.as_dict(with_evidence=evidence) for c in candidates]}
                self.stdout.write(json.dumps(row, ensure_ascii=False))
                self.stdout.flush()
        finally:
            if source is not sys.stdin:
                source.close()
