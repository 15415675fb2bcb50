"""`jobcenter chat [--json]`: ask the policy chatbot, one question per line on standard input.

With ``--json`` each answer is one JSON object a line (``question``, ``answer``, ``citations``, ``in_scope``,
``handoff``, ``lang``, ``intent``, ``passages``, ``backend``, ``version``, ``latency_ms``). Needs no database: nothing
is logged and "my data" questions get the sign-in answer.
"""

from __future__ import annotations

import sys

from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Ask the policy chatbot: one question per line on stdin (--json: one JSON object per line out)."
    requires_system_checks: list = []
    requires_migrations_checks = False
    stealth_options = ("stdin",)

    def add_arguments(self, parser):
        parser.add_argument("--json", action="store_true", help="one JSON object per answer line")
        parser.add_argument("--embedder", default="use", help="dense model (use | e5 | hash)")

    def handle(self, *args, json: bool = False, embedder: str = "use", **options):
        import json as jsonlib

        from jobcenter.chatbot import services
        from jobcenter.chatbot.engine.bot import ChatBot
        from jobcenter.conf import var_dir

        bot = services._bot if services._bot is not None and embedder == "use" else \
            ChatBot.from_knowledge_base(cache_dir=var_dir() / "cache", embedder=embedder)
        stdin = options.get("stdin") or sys.stdin
        for line in stdin:
            question = line.strip()
            if not question:
                continue
            answer = bot.answer(question).as_dict()
            if json:
                self.stdout.write(jsonlib.dumps(answer, ensure_ascii=False))
            else:
                self.stdout.write(answer["answer"])
                for citation in answer["citations"]:
                    self.stdout.write(f"  [{citation['label']}]")
                self.stdout.write("")
