"""Upper and lower limits of the daily amount for every year 2018–2026, and the 2019-10-01 switch."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from jobcenter.rules import job_seeking as js
from jobcenter.rules.job_seeking import JobSeekingInput, calculate_job_seeking_benefit, daily_limits
from jobcenter.rules.versions import RuleVersion

# (separation date, cap, 8-hour floor, how the floor is reached) — each checkable by hand from the facts file.
YEARS = [
    (dt.date(2018, 6, 30), 60_000, 54_216),  # 7,530 × 8 × 90%
    (dt.date(2019, 3, 31), 66_000, 60_120),  # 8,350 × 8 × 90%
    (dt.date(2019, 12, 31), 66_000, 60_120),  # 8,350 × 8 × 80% = 53,440 → transitional 60,120
    (dt.date(2020, 6, 30), 66_000, 60_120),  # 8,590 × 8 × 80% = 54,976 → 60,120
    (dt.date(2021, 6, 30), 66_000, 60_120),  # 8,720 × 8 × 80% = 55,808 → 60,120
    (dt.date(2022, 12, 31), 66_000, 60_120),  # 9,160 × 8 × 80% = 58,624 → 60,120 (last day of the rule)
    (dt.date(2023, 1, 1), 66_000, 61_568),  # 9,620 × 8 × 80%
    (dt.date(2024, 6, 30), 66_000, 63_104),  # 9,860 × 8 × 80%
    (dt.date(2025, 6, 30), 66_000, 64_192),  # 10,030 × 8 × 80%
    (dt.date(2026, 6, 30), 68_100, 66_048),  # 10,320 × 8 × 80%; cap 68,100 is a (verify) version
]


@pytest.mark.parametrize(("day", "cap", "floor"), YEARS)
def test_cap_and_floor_for_each_year(day, cap, floor):
    limits = daily_limits(day, 8)
    assert (limits["upper_limit"], limits["lower_limit"]) == (cap, floor)


def test_2026_cap_is_a_marked_version():
    limits = daily_limits(dt.date(2026, 1, 1))
    cap = next(v for v in limits["versions"] if v.version_id.startswith("job_seeking.upper_limit"))
    assert cap.version_id == "job_seeking.upper_limit.2026" and cap.verify
    assert not js.UPPER_LIMIT.at(dt.date(2025, 12, 31)).verify


def test_cap_changes_on_new_years_day():
    assert daily_limits(dt.date(2018, 12, 31))["upper_limit"] == 60_000
    assert daily_limits(dt.date(2019, 1, 1))["upper_limit"] == 66_000
    assert daily_limits(dt.date(2025, 12, 31))["upper_limit"] == 66_000
    assert daily_limits(dt.date(2026, 1, 1))["upper_limit"] == 68_100


def _calc(day: dt.date, wage: int, **kw) -> js.JobSeekingResult:
    params = dict(separation_date=day, age=40, average_daily_wage=Decimal(wage), insured_years=Decimal(6))
    params.update(kw)
    return calculate_job_seeking_benefit(JobSeekingInput(**params))


def test_rate_switches_from_50_to_60_percent_on_2019_10_01():
    before = _calc(dt.date(2019, 9, 30), 110_000)
    after = _calc(dt.date(2019, 10, 1), 110_000)
    assert before.benefit_rate == Decimal("0.5") and before.computed_daily_amount == 55_000
    assert after.benefit_rate == Decimal("0.6") and after.computed_daily_amount == 66_000


def test_floor_rate_switches_from_90_to_80_percent_on_2019_10_01_with_the_transitional_floor():
    before = _calc(dt.date(2019, 9, 30), 50_000)
    after = _calc(dt.date(2019, 10, 1), 50_000)
    assert before.lower_limit == 60_120  # 8,350 × 8 × 90%
    assert after.lower_limit == 60_120  # 8,350 × 8 × 80% = 53,440, held at 60,120 by the transitional rule
    codes_after = [s.code for s in after.explanation.steps]
    assert "lower_limit.transitional" in codes_after
    assert "80%" in next(s.text for s in after.explanation.steps if s.code == "lower_limit.formula")
    assert "90%" in next(s.text for s in before.explanation.steps if s.code == "lower_limit.formula")


def test_transitional_floor_ends_with_2022():
    assert daily_limits(dt.date(2022, 12, 31))["lower_limit"] == 60_120
    assert daily_limits(dt.date(2023, 1, 1))["lower_limit"] == 61_568


@pytest.mark.parametrize(("day", "hours", "floor"), [
    (dt.date(2024, 6, 30), 4, 31_552),  # 9,860 × 4 × 80%
    (dt.date(2025, 6, 30), Decimal("6.5"), 52_156),  # 10,030 × 6.5 × 80%
    (dt.date(2025, 6, 30), 10, 64_192),  # hours above 8 count as 8
    (dt.date(2021, 6, 30), 4, 30_060),  # 8,720 × 4 × 80% = 27,904 → transitional 60,120 × 4/8 (verify)
])
def test_floor_follows_prescribed_hours(day, hours, floor):
    assert daily_limits(day, hours)["lower_limit"] == floor


def test_part_time_transitional_floor_is_reported_as_unconfirmed():
    result = _calc(dt.date(2021, 6, 30), 30_000, daily_hours=Decimal(4))
    assert result.daily_amount == 30_060
    assert "job_seeking.transitional_floor_part_time.proportional" in [v.version_id for v in result.unconfirmed]


def test_when_the_floor_exceeds_the_cap_the_floor_is_paid(monkeypatch):
    # Had the 2026 cap stayed at 66,000, the floor (66,048) would have exceeded it. Art. 46(2) has no exception:
    # the engine pays the floor, to everyone, and says why.
    stale_cap = RuleVersion("test.upper_limit.2026.stale", 66_000, dt.date(2026, 1, 1), None,
                            js.UPPER_LIMIT.versions[-1].basis)
    monkeypatch.setattr(js.UPPER_LIMIT, "versions", [*js.UPPER_LIMIT.versions[:-1], stale_cap])
    for wage in (50_000, 110_000, 500_000):
        result = _calc(dt.date(2026, 6, 30), wage)
        assert result.upper_limit == 66_000 and result.lower_limit == 66_048
        assert result.daily_amount == 66_048 and result.limit_applied == "lower"
        assert "daily_amount.lower_over_upper" in [s.code for s in result.explanation.steps]
