"""Annex 1 (소정급여일수): all ten cells, the band edges, the former table, and the shared CSV when present."""

from __future__ import annotations

import csv
import datetime as dt
from decimal import Decimal

import pytest

from jobcenter.conf import data_dir
from jobcenter.rules.job_seeking import ANNEX1_2019, BENEFIT_DAYS, benefit_days

AFTER = dt.date(2025, 6, 30)
BEFORE = dt.date(2019, 9, 30)

# (insured years, age, disabled, days) — one row per cell of the statute's table, read off the law.
CELLS = [
    (Decimal("0.5"), 30, False, 120),
    (Decimal("2"), 30, False, 150),
    (Decimal("4"), 30, False, 180),
    (Decimal("7"), 30, False, 210),
    (Decimal("12"), 30, False, 240),
    (Decimal("0.5"), 55, False, 120),
    (Decimal("2"), 55, False, 180),
    (Decimal("4"), 55, False, 210),
    (Decimal("7"), 55, False, 240),
    (Decimal("12"), 55, False, 270),
]


@pytest.mark.parametrize(("years", "age", "disabled", "days"), CELLS)
def test_each_cell_of_annex1(years, age, disabled, days):
    assert benefit_days(AFTER, years, age, disabled) == days


@pytest.mark.parametrize(("years", "expected_under_50", "expected_50_plus"), [
    (Decimal("0"), 120, 120),
    (Decimal("0.999"), 120, 120),
    (Decimal("1"), 150, 180),
    (Decimal("2.999"), 150, 180),
    (Decimal("3"), 180, 210),
    (Decimal("5"), 210, 240),
    (Decimal("9.99"), 210, 240),
    (Decimal("10"), 240, 270),
    (Decimal("35"), 240, 270),
])
def test_band_edges_are_inclusive_at_the_lower_bound(years, expected_under_50, expected_50_plus):
    assert benefit_days(AFTER, years, 49, False) == expected_under_50
    assert benefit_days(AFTER, years, 50, False) == expected_50_plus


@pytest.mark.parametrize("years", [Decimal("0.5"), Decimal("2"), Decimal("4"), Decimal("7"), Decimal("12")])
def test_a_person_with_a_disability_is_on_the_second_row_at_any_age(years):
    assert benefit_days(AFTER, years, 25, True) == benefit_days(AFTER, years, 60, False)


def test_the_former_table_applies_to_separations_before_2019_10_01():
    # Three age groups before the 2019 amendment: under 30, 30–49, 50+ and persons with a disability.
    assert benefit_days(BEFORE, Decimal("0.5"), 25, False) == 90
    assert benefit_days(BEFORE, Decimal("2"), 25, False) == 90
    assert benefit_days(BEFORE, Decimal("2"), 35, False) == 120
    assert benefit_days(BEFORE, Decimal("2"), 55, False) == 150
    assert benefit_days(BEFORE, Decimal("12"), 25, False) == 180
    assert benefit_days(BEFORE, Decimal("12"), 35, False) == 210
    assert benefit_days(BEFORE, Decimal("12"), 35, True) == 240
    assert benefit_days(dt.date(2019, 10, 1), Decimal("0.5"), 25, False) == 120
    assert BENEFIT_DAYS.at(BEFORE).verify, "the former table is not in the facts file: it must be marked verify"


def _shared_csv():
    folder = data_dir()
    if folder is None:
        return None
    path = folder / "law" / "benefit_days_annex1.csv"
    return path if path.exists() else None


@pytest.mark.skipif(
    _shared_csv() is None,
    reason="law/benefit_days_annex1.csv is not on this machine (no JOBCENTER_DATA_DIR or ../shared/data); "
    "the engine's built-in copy of Annex 1 is still tested cell by cell above",
)
def test_the_built_in_annex1_matches_the_shared_csv():
    rows = {"50세 미만": "under_50", "50세 이상 및 장애인": "50_plus_or_disabled"}
    with _shared_csv().open(encoding="utf-8") as handle:
        records = list(csv.DictReader(handle))
    assert len(records) == 10
    for record in records:
        band = ANNEX1_2019.band_labels.index(record["insured_period"])
        row = rows[record["age_group"]]
        assert ANNEX1_2019.rows[row][band] == int(record["benefit_days"]), record
