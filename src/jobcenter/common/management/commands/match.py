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


def build_normalizer(scheme: str, labels: str, methods: str | None, data_dir: str | None, progress=None):
    """Load the knowledge base from files and fit the title normaliser (shared with `jobcenter eval`).

    ``progress``: where the fit reports its slow steps (a cold cache: vectors to embed, models to fine-tune)."""
    from jobcenter.conf import var_dir
    from jobcenter.matching.normalize import TitleNormalizer

    from jobcenter.matching.taxonomy_index import load_knowledge_base

    try:
        knowledge_base = load_knowledge_base(scheme, data_dir=data_dir)
    except LookupError as error:
        raise CommandError(str(error)) from error
    chosen = tuple(m.strip() for m in methods.split(",") if m.strip()) if methods else None
    try:
        normalizer = TitleNormalizer(scheme=scheme, labels=labels, methods=chosen, cache_dir=var_dir() / "cache",
                                     progress=progress)
        return normalizer.fit(knowledge_base), knowledge_base
    except ValueError as error:
        raise CommandError(str(error)) from error


def report_progress(command: BaseCommand, line: str) -> None:
    """A slow step of a cold fit, on the command's standard error (standard output carries the results);
    shared with `jobcenter eval`."""
    command.stderr.write(f"# {line}")
    command.stderr.flush()


#: How `match recommend` / `eval recommend` code free-text titles that are not an exact taxonomy name.
TITLE_MODES = {
    "exact": None,                          # exact (folded) names and aliases only
    "lexical": "exact,tfidf,duties,desc,stem,clf",  # the normaliser's lexical signals: no embedder, ~2.4 ms a title
    "normalizer": "",                       # the normaliser's default fusion (with dense embeddings)
}


def build_recommender(postings, *, today=None, titles: str = "lexical", data_dir: str | None = None,
                      **options):
    """Fit a Recommender on posting documents from files (shared with `jobcenter eval recommend`).

    ``titles``: a key of ``TITLE_MODES``. ``today`` defaults to the latest posting date (the snapshot's day).
    The normaliser's answers are cached under var/cache, so a second run does not normalise again.
    """
    from jobcenter.conf import var_dir
    from jobcenter.matching.recommend import Recommender
    from jobcenter.matching.taxonomy_index import load_knowledge_base

    if today is None:
        dates = [p.posted_on for p in postings if p.posted_on]
        today = max(dates) if dates else None
    knowledge_base = load_knowledge_base("keco", data_dir=data_dir)
    normalizer = None
    if TITLE_MODES.get(titles) is not None:
        normalizer, knowledge_base = build_normalizer("keco", "all", TITLE_MODES[titles] or None, data_dir)
    options.setdefault("cache_dir", var_dir() / "cache")
    return Recommender(normalizer=normalizer, knowledge_base=knowledge_base, today=today, **options).fit(postings)


class Command(BaseCommand):
    help = ("Match free text to taxonomy codes: `match titles` normalises job titles (one per line on stdin); "
            "`match recommend` ranks postings for seekers (files in, TSV out).")
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

        recommend = sub.add_parser("recommend", help="seekers × postings → TSV seeker_id, posting_id, rank, score")
        recommend.add_argument("--postings", required=True, help="schema.org JobPosting JSON lines")
        recommend.add_argument("--seekers", required=True, help="JSON Resume + x-jobcenter JSON lines")
        recommend.add_argument("--top", type=int, default=50)
        recommend.add_argument("--explain", action="store_true", help="add a JSON column with the explanation")
        recommend.add_argument("--no-congestion", action="store_true", help="rank on relevance alone")
        recommend.add_argument("--titles", choices=list(TITLE_MODES), default="lexical",
                               help="how uncoded titles get occupation codes: exact taxonomy names, the "
                                    "normaliser's lexical signals (default: no model, ~2.4 ms a title; nDCG@10 "
                                    "0.970 on recommend_dev) or its full fusion with embeddings (0.971; a cold "
                                    "cache first embeds the dictionary's 6,313 job texts, ~18 minutes)")
        recommend.add_argument("--today", default=None, help="YYYY-MM-DD (default: the latest datePosted)")
        recommend.add_argument("--output", "-o", default="-", help="TSV file (default: standard output)")
        recommend.add_argument("--data-dir", default=None,
                               help="reference data folder (default: JOBCENTER_DATA_DIR or ../shared/data)")

    def _progress(self, line: str) -> None:
        report_progress(self, line)

    def handle(self, *args, what: str, **options):
        if what == "titles":
            return self._titles(**options)
        if what == "recommend":
            return self._recommend(**options)
        raise CommandError(f"unknown target {what!r}")  # pragma: no cover - argparse rejects it first

    def _titles(self, *, scheme, labels, top, methods, evidence, input, data_dir, **_):
        normalizer, _kb = build_normalizer(scheme, labels, methods, data_dir, progress=self._progress)
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

    def _recommend(self, *, postings, seekers, top, explain, no_congestion, titles, today, output, data_dir, **_):
        import datetime

        from jobcenter.interchange.errors import FormatError
        from jobcenter.matching.recommend.io import read_postings, read_seekers

        try:
            day = datetime.date.fromisoformat(today) if today else None
        except ValueError as error:
            raise CommandError(f"--today: {error}") from error
        try:
            posting_docs, posting_errors = read_postings(postings)
            seeker_docs, seeker_errors = read_seekers(seekers, today=day)
        except (FormatError, OSError) as error:
            raise CommandError(str(error)) from error
        for error in [*posting_errors, *seeker_errors]:
            self.stderr.write(f"skipped: {error}")
        recommender = build_recommender(posting_docs, today=day, titles=titles, data_dir=data_dir)
        if not no_congestion:
            recommender.fit_seekers(seeker_docs)
        sink = self.stdout if output == "-" else open(output, "w", encoding="utf-8")
        try:
            header = ["seeker_id", "posting_id", "rank", "score"] + (["explain"] if explain else [])
            sink.write("\t".join(header) + ("\n" if sink is not self.stdout else ""))
            for seeker in seeker_docs:
                result = recommender.recommend_for_seeker(seeker, top=top, congestion=not no_congestion,
                                                          explain=explain)
                for match in result.items:
                    row = [seeker.id, match.item_id, str(match.rank), f"{match.score:.6f}"]
                    if explain:
                        row.append(json.dumps(match.explanation.as_dict(), ensure_ascii=False))
                    sink.write("\t".join(row) + ("\n" if sink is not self.stdout else ""))
        finally:
            if sink is not self.stdout:
                sink.close()
