"""The engines are plain Python: importing every module of jobcenter.matching and jobcenter.nlp loads no Django."""

from __future__ import annotations

import subprocess
import sys

CHECK = """
import importlib, pkgutil, sys
import jobcenter.matching, jobcenter.nlp
names = []
for package in (jobcenter.matching, jobcenter.nlp):
    for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
        importlib.import_module(info.name)
        names.append(info.name)
assert names, "no modules found"
leaked = sorted(m for m in sys.modules if m == "django" or m.startswith("django."))
print("LEAKED" if leaked else "CLEAN", len(names), leaked[:5])
"""


def test_engines_import_no_django():
    result = subprocess.run([sys.executable, "-c", CHECK], capture_output=True, text=True, timeout=120,
                            env={"PATH": "", "PYTHONDONTWRITEBYTECODE": "1"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("CLEAN"), result.stdout
