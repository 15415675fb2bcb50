"""Shared paths for the interchange tests (no Django)."""

from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
REPO_ROOT = Path(__file__).resolve().parents[2]


def data_dir() -> Path:
    """The shared reference data: $JOBCENTER_DATA_DIR, else ../shared/data beside the repository."""
    from jobcenter.conf import data_dir as configured

    return configured() or REPO_ROOT.parent / "shared" / "data"


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture
def shared_data() -> Path:
    path = data_dir()
    if not path.is_dir():
        pytest.skip(f"shared reference data not found at {path} (set JOBCENTER_DATA_DIR to its folder)")
    return path
