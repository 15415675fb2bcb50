"""Where things live on disk, resolved once from the environment (no Django imports)."""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent


def project_root() -> Path:
    """The checkout root when running from a source tree (src/ layout), else the working directory."""
    candidate = PACKAGE_DIR.parent.parent
    if (candidate / "pyproject.toml").exists():
        return candidate
    return Path.cwd()


def data_dir() -> Path | None:
    """The shared reference-data folder: JOBCENTER_DATA_DIR, else ../shared/data beside the checkout.

    Returns None when neither exists: the project then runs on its built-in reference set.
    """
    configured = os.environ.get("JOBCENTER_DATA_DIR")
    if configured:
        path = Path(configured).expanduser()
        return path if path.is_dir() else None
    default = project_root().parent / "shared" / "data"
    return default if default.is_dir() else None


def var_dir() -> Path:
    path = Path(os.environ.get("JOBCENTER_VAR_DIR", project_root() / "var"))
    path.mkdir(parents=True, exist_ok=True)
    return path


def machine_description() -> str:
    """This machine for benchmark reports: cores, CPU model, RAM and Python ("2 cores (AMD EPYC), 24 GB RAM,
    Python 3.11.7"). Reads /proc where there is one."""
    import platform

    cpu = platform.processor() or "unknown CPU"
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    ram = ""
    try:
        with open("/proc/meminfo", encoding="utf-8") as handle:
            kb = int(handle.readline().split()[1])
            ram = f", {kb / 1024 / 1024:.0f} GB RAM"
    except (OSError, ValueError, IndexError):
        pass
    return f"{os.cpu_count()} cores ({cpu}){ram}, Python {platform.python_version()}"
