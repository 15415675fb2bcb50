"""Properties that hold for every input (hypothesis)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from jobcenter.rules.job_seeking import (
    BENEFIT_DAYS,
    JobSeekingInput,
    benefit_days,
    calculate_job_seeking_benefit,
    daily_limits,
)

separation_dates = st.dates(min_value=dt.date(2018, 1, 1), max_value=dt.date(2026, 12, 31))
wages = st.decimals(min_value=Decimal("1"), max_value=Decimal("2000000"), places=2, allow_nan=False)
hours = st.sampled_from([Decimal(h) for h in ("1", "2", "3.5", "4", "6", "7.5", "8", "9", "12")])
insured_years = st.decimals(min_value=Decimal(0), max_value=Decimal(40), places=2, allow_nan=False)
ages = st.integers(min_value=55, max_value=100)


@settings(max_examples=300, deadline=None)
@given(day=separation_dates, wage=wages, daily_hours=hours, age=ages, years=insured_years,
       disabled=st.booleans())
def test_daily_amount_lies_between_that_days_floor_and_cap_and_total_is_days_times_amount(
    day, wage, daily_hours, age, years, disabled
):
    result = calculate_job_seeking_benefit(JobSeekingInput(
        separation_date=day, age=age, average_daily_wage=wage, insured_years=years, daily_hours=daily_hours,
        disabled=disabled))
    limits = daily_limits(day, daily_hours)
    assert limits["lower_limit"] <= result.daily_amount <= limits["upper_limit"]
    assert (result.lower_limit, result.upper_limit) == (limits["lower_limit"], limits["upper_limit"])
    assert result.total == result.days * result.daily_amount
    assert result.days == benefit_days(day, years, age, disabled)


@given(day=separation_dates, a=insured_years, b=insured_years, age=st.integers(15, 100), disabled=st.booleans())
def test_days_never_decrease_with_a_longer_insured_period(day, a, b, age, disabled):
    shorter, longer = sorted((a, b))
    assert benefit_days(day, shorter, age, disabled) <= benefit_days(day, longer, age, disabled)


@given(day=separation_dates, years=insured_years, young=st.integers(15, 49), old=st.integers(50, 100))
def test_the_50_plus_row_never_gives_fewer_days(day, years, young, old):
    assert benefit_days(day, years, old, False) >= benefit_days(day, years, young, False)
    assert benefit_days(day, years, young, True) >= benefit_days(day, years, young, False)


@given(day=separation_dates, years=insured_years, a=st.integers(15, 100), b=st.integers(15, 100))
def test_days_never_decrease_with_age(day, years, a, b):
    younger, older = sorted((a, b))
    assert benefit_days(day, years, younger, False) <= benefit_days(day, years, older, False)


def test_every_annex_table_is_monotone_in_both_directions():
    for version in BENEFIT_DAYS.versions:
        table = version.value
        rows = list(table.rows.values())
        for row in rows:
            assert list(row) == sorted(row)
        for lower, upper in zip(rows, rows[1:]):
            assert all(x <= y for x, y in zip(lower, upper))


@settings(max_examples=100, deadline=None)
@given(day=separation_dates, wage=st.integers(1, 1_000_000), age=st.integers(15, 100),
       years=st.integers(0, 2))
def test_strings_and_python_values_give_the_same_answer(day, wage, age, years):
    direct = calculate_job_seeking_benefit(JobSeekingInput(
        separation_date=day, age=age, average_daily_wage=Decimal(wage), insured_years=Decimal(years)))
    loose = calculate_job_seeking_benefit(JobSeekingInput.from_mapping(
        {"separation_date": day.isoformat(), "age": str(age), "average_daily_wage": f"{wage:,}",
         "insured_years": str(years)}))
    assert direct.to_dict() == loose.to_dict()
