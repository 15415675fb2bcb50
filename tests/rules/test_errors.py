"""Bad input gets a clear error naming the field."""

from __future__ import annotations

import pytest

from jobcenter.rules import InvalidInput
from jobcenter.rules.errors import NoRuleInForce
from jobcenter.rules.job_seeking import JobSeekingInput, calculate_job_seeking_benefit

GOOD = dict(separation_date="2025-06-30", age=52, insured_years=4, average_daily_wage=120000)


def errors_for(**changes):
    params = {**GOOD, **changes}
    params = {k: v for k, v in params.items() if v is not None}
    with pytest.raises(InvalidInput) as caught:
        calculate_job_seeking_benefit(JobSeekingInput.from_mapping(params))
    return caught.value.errors


def test_separation_before_the_insured_period():
    errors = errors_for(insured_years=None, insured_from="2025-07-01")
    assert list(errors) == ["separation_date"]
    assert "2025-07-01" in errors["separation_date"]


@pytest.mark.parametrize("wage", [-1, 0, "-120000"])
def test_negative_or_zero_wage(wage):
    assert "average_daily_wage" in errors_for(average_daily_wage=wage)


def test_a_monthly_wage_typed_as_daily_is_caught():
    assert "1일" in errors_for(average_daily_wage=350_000_000)["average_daily_wage"]


@pytest.mark.parametrize("age", [14, 101, -5])
def test_age_out_of_range(age):
    assert list(errors_for(age=age)) == ["age"]


@pytest.mark.parametrize("value", ["2025-02-30", "2025-13-01", "30/06/2025", "yesterday"])
def test_impossible_or_unreadable_dates(value):
    assert "separation_date" in errors_for(separation_date=value)


@pytest.mark.parametrize("value", ["2017-12-31", "2027-01-01"])
def test_dates_outside_the_recorded_rules(value):
    with pytest.raises(NoRuleInForce) as caught:
        calculate_job_seeking_benefit(JobSeekingInput.from_mapping({**GOOD, "separation_date": value}))
    assert list(caught.value.errors) == ["separation_date"]


def test_every_bad_field_is_reported_at_once():
    errors = errors_for(separation_date="2025-02-30", age=200, average_daily_wage=-1)
    assert {"separation_date", "age", "average_daily_wage"} <= set(errors)


def test_unknown_field_is_not_silently_ignored():
    assert "seperation_date" in errors_for(seperation_date="2025-06-30")


def test_missing_insured_period():
    assert "insured_years" in errors_for(insured_years=None)


def test_insured_period_given_two_ways():
    assert "insured_days" in errors_for(insured_days=1000)


def test_insured_period_longer_than_a_working_life():
    assert "insured_years" in errors_for(age=20, insured_years=15)


def test_insured_unit_days_beyond_the_base_period():
    assert "insured_unit_days" in errors_for(insured_unit_days=600)


def test_daily_hours_out_of_range():
    assert "daily_hours" in errors_for(daily_hours=0)
    assert "daily_hours" in errors_for(daily_hours=25)


def test_claim_date_on_or_before_separation():
    assert "claim_date" in errors_for(claim_date="2025-06-30")


def test_justified_resignation_needs_its_reason():
    assert "justified_reason" in errors_for(reason="justified_resignation")
    assert "justified_reason" in errors_for(reason="justified_resignation", justified_reason="bored")


def test_unknown_reason():
    assert "reason" in errors_for(reason="fired-for-fun")


def test_non_numeric_values():
    assert "age" in errors_for(age="fifty")
    assert "age" in errors_for(age="52.5")
    assert "insured_years" in errors_for(insured_years="four")


def test_insurance_start_before_1995():
    assert "insured_from" in errors_for(insured_years=None, insured_from="1990-01-01", age=60)
