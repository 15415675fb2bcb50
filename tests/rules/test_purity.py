"""The rules engine knows nothing of Django (DESIGN.md: engines are pure Python)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import jobcenter.rules

RULES_DIR = Path(jobcenter.rules.__file__).parent


def test_no_module_of_the_engine_imports_django():
    offenders = []
    for path in sorted(RULES_DIR.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            else:
                continue
            offenders += [f"{path.name}: {name}" for name in names if name.split(".")[0] in {"django", "ninja"}]
    assert not offenders


def test_the_engine_imports_and_calculates_with_django_unavailable():
    # A fresh interpreter where `import django` fails: the engine must import and answer anyway.
    code = (
        "import sys; sys.modules['django'] = None\n"
        "import jobcenter.rules, jobcenter.rules.tools as t\n"
        "from jobcenter.rules.versions import all_rules; all_rules()\n"
        "a = t.answer_job_seeking_benefit(separation_date='2025-06-30', age=52, insured_years=4,"
        " average_daily_wage=120000)\n"
        "assert a['total'] == 13860000, a\n"
        "assert not [m for m in sys.modules if m.startswith('django') and sys.modules[m] is not None]\n"
    )
    completed = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert completed.returncode == 0, completed.stderr
