"""`jobcenter eval-chatbot FILE [--json]`: evaluate the policy chatbot on a questions file.

FILE is ``src/jobcenter/chatbot/eval/questions.jsonl`` (one JSON object per line). Prints answer accuracy, retrieval
hit@3 (and each retrieval signal alone, measured in the same run), out-of-scope precision and recall, per-kind and
per-language breakdowns and median/p95 answer latency. Reads files only; needs no database. The logic is in
``jobcenter.chatbot.engine.evaluate``. (``jobcenter eval chatbot FILE`` runs this once the lead wires it into the
``eval`` command.)
"""

from __future__ import annotations

import time
from datetime import UTC, datetime

from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Evaluate the policy chatbot on a questions JSONL file."
    requires_system_checks: list = []
    requires_migrations_checks = False

    def add_arguments(self, parser):
        parser.add_argument("file", help="questions JSONL (src/jobcenter/chatbot/eval/questions.jsonl)")
        parser.add_argument("--json", action="store_true", help="print the figures as one JSON object")
        parser.add_argument("--embedder", default="use", help="dense model (use | e5 | hash)")
        parser.add_argument("--fusion", default="weighted", choices=["weighted", "rrf"])
        parser.add_argument("--rows", action="store_true", help="with --json: include one row per question")

    def handle(self, *args, file: str, json: bool = False, embedder: str = "use", fusion: str = "weighted",
               rows: bool = False, **options):
        import json as jsonlib

        from jobcenter.chatbot.engine.bot import ChatBot
        from jobcenter.chatbot.engine.evaluate import (
            evaluate,
            format_report,
            load_questions,
        )
        from jobcenter.conf import var_dir

        try:
            questions = load_questions(file)
        except (OSError, ValueError) as exc:
            raise CommandError(f"cannot read {file}: {exc}") from exc
        started = time.perf_counter()
        bot = ChatBot.from_knowledge_base(cache_dir=var_dir() / "cache", embedder=embedder, fusion=fusion, llm_url="")
        build_s = time.perf_counter() - started
        report = evaluate(bot, questions)
        report["index_build_s"] = round(build_s, 2)
        report["date"] = datetime.now(UTC).isoformat(timespec="seconds")
        try:
            from jobcenter.conf import machine_description

            report["machine"] = machine_description()
        except ImportError:  # pragma: no cover - the common app is optional here
            report["machine"] = ""
        if json:
            if not rows:
                report.pop("rows", None)
            self.stdout.write(jsonlib.dumps(report, ensure_ascii=False))
        else:
            self.stdout.write(format_report(report))
            self.stdout.write(f"index build: {report['index_build_s']} s   date: {report['date']}   "
                              f"machine: {report['machine']}")
