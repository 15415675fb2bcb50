"""National Employment Support Program tracks, allowance and schedule; the 2019 allowance before it."""

from __future__ import annotations

import datetime as dt

import pytest

from jobcenter.rules import InvalidInput
from jobcenter.rules.median_income import STANDARD_MEDIAN_INCOME, standard_median_income
from jobcenter.rules.nesp import NespInput, assess_nesp


def assess(**params):
    return assess_nesp(NespInput.from_mapping(params))


def status(result, code):
    return next(t.status for t in result.tracks if t.code == code)


def test_type1_requirement_checked_with_allowance():
    # 4-person household, 3,000,000 / 6,097,773 = 49.20% of the 2025 median; 150 days of work in 2 years.
    r = assess(application_date="2025-03-01", age=40, household_size=4, household_monthly_income=3_000_000,
               household_assets=200_000_000, work_days_2y=150)
    assert r.track == "type1_requirement" and r.eligible
    assert r.median_income == 6_097_773
    assert r.to_dict()["income_ratio_percent"] == 49.2
    assert (r.monthly_allowance, r.months, r.total) == (500_000, 6, 3_000_000)


def test_without_work_experience_only_selection_is_open():
    r = assess(application_date="2025-03-01", age=45, household_income_ratio=50, household_assets=0,
               work_days_2y=30, work_hours_2y=200)
    assert status(r, "type1_requirement") == "not_eligible"
    assert r.track == "type1_selected" and status(r, "type1_selected") == "selectable"
    assert r.total == 3_000_000
    assert any("선발" in w for w in r.warnings)


def test_youth_above_60_percent_may_be_selected_up_to_120():
    r = assess(application_date="2025-03-01", age=27, household_income_ratio=100, household_assets=0,
               work_days_2y=200)
    assert r.track == "type1_selected"
    assert "nesp.type1_selected.youth_income_band.120" in [v.version_id for v in r.unconfirmed]


def test_adult_between_60_and_100_percent_gets_type2_without_allowance():
    r = assess(application_date="2025-03-01", age=45, household_income_ratio=90, household_assets=0,
               work_days_2y=200)
    assert r.track == "type2" and r.eligible
    assert (r.monthly_allowance, r.total) == (0, 0)


def test_adult_above_100_percent_has_no_track_but_youth_keeps_type2():
    assert assess(application_date="2025-03-01", age=45, household_income_ratio=150).track is None
    assert assess(application_date="2025-03-01", age=30, household_income_ratio=150).track == "type2"


@pytest.mark.parametrize("age", [14, 70])
def test_age_outside_15_to_69(age):
    r = assess(application_date="2025-03-01", age=age, household_income_ratio=40, work_days_2y=200)
    assert not r.eligible and r.track is None


def test_asset_limits_adult_and_youth():
    common = dict(application_date="2025-03-01", household_income_ratio=40, work_days_2y=200)
    assert assess(age=40, household_assets=450_000_000, **common).track != "type1_requirement"
    assert assess(age=30, household_assets=450_000_000, **common).track == "type1_requirement"  # youth: 500M


def test_a_job_seeking_benefit_recipient_cannot_receive_the_allowance():
    r = assess(application_date="2025-03-01", age=40, household_income_ratio=40, work_days_2y=200,
               receiving_job_seeking_benefit=True)
    assert r.track == "type2"


@pytest.mark.parametrize(("day", "dependants", "monthly"), [
    ("2023-06-01", 2, 500_000),  # no dependants' addition before 2024
    ("2024-01-01", 2, 700_000),
    ("2025-06-01", 4, 900_000),
    ("2025-06-01", 6, 900_000),  # capped at 400,000
])
def test_dependants_addition(day, dependants, monthly):
    r = assess(application_date=day, age=40, household_income_ratio=40, work_days_2y=200, dependants=dependants)
    assert r.monthly_allowance == monthly and r.total == monthly * 6


def test_2019_allowance_is_the_earlier_version():
    r = assess(application_date="2019-05-01", age=40, household_income_ratio=45)
    assert r.track == "esp_2019"
    assert (r.monthly_allowance, r.months, r.total) == (300_000, 3, 900_000)
    assert not assess(application_date="2019-05-01", age=40, household_income_ratio=25).eligible
    assert not assess(application_date="2020-12-31", age=40, household_income_ratio=61).eligible
    assert assess(application_date="2021-01-01", age=40, household_income_ratio=45, work_days_2y=100).total == 3_000_000


def test_2019_income_from_the_2019_median():
    # 2019, 2 persons: 1,500,000 / 2,906,528 = 51.61%.
    r = assess(application_date="2019-05-01", age=40, household_size=2, household_monthly_income=1_500_000)
    assert r.to_dict()["income_ratio_percent"] == 51.61 and r.eligible
    assert "median_income.standard.2019" in [v.version_id for v in r.unconfirmed]


def test_payment_schedule_against_monthly_reports():
    r = assess(application_date="2025-03-01", age=40, household_income_ratio=40, work_days_2y=200,
               plan_date="2025-03-10", activity_reports=[True, False, True])
    months = r.to_dict()["schedule"]
    assert [m["status"] for m in months] == ["paid", "withheld", "paid", "pending", "pending", "pending"]
    assert months[0]["period_from"] == "2025-03-10" and months[0]["period_to"] == "2025-04-09"
    assert months[5]["period_to"] == "2025-09-09"
    assert r.to_dict()["paid_so_far"] == 1_000_000


def test_reports_as_text():
    r = assess(application_date="2025-03-01", age=40, household_income_ratio=40, work_days_2y=200,
               plan_date="2025-03-10", activity_reports="1,1,0")
    assert [m.report_accepted for m in r.schedule[:3]] == [True, True, False]


@pytest.mark.parametrize(("params", "field"), [
    (dict(age=40), "household_monthly_income"),
    (dict(age=40, household_monthly_income=1_000_000), "household_size"),
    (dict(age=40, household_income_ratio=40, household_monthly_income=1), "household_income_ratio"),
    (dict(age=-1, household_income_ratio=40), "age"),
    (dict(age=40, household_income_ratio=-3), "household_income_ratio"),
    (dict(age=40, household_income_ratio=40, household_assets=-1), "household_assets"),
    (dict(age=40, household_income_ratio=40, dependants=-1), "dependants"),
    (dict(age=40, household_income_ratio=40, plan_date="2025-02-01"), "plan_date"),
    (dict(age=40, household_income_ratio=40, work_days_2y=200, plan_date="2025-03-10",
          activity_reports=[True] * 7), "activity_reports"),
    (dict(age=40, household_size=7, household_monthly_income=1_000_000), "household_size"),
])
def test_bad_input_names_the_field(params, field):
    with pytest.raises(InvalidInput) as caught:
        assess(application_date="2025-03-01", **params)
    assert field in caught.value.errors


@pytest.mark.parametrize("day", ["2018-12-31", "2027-01-01"])
def test_application_dates_without_recorded_rules(day):
    with pytest.raises(InvalidInput) as caught:
        assess(application_date=day, age=40, household_size=1, household_monthly_income=1_000_000)
    assert "application_date" in caught.value.errors


def test_median_income_table():
    assert standard_median_income(dt.date(2025, 5, 1), 4)[0] == 6_097_773
    assert standard_median_income(dt.date(2024, 5, 1), 1)[0] == 2_228_445
    assert standard_median_income(dt.date(2021, 5, 1), 6)[0] == 6_628_603
    # 8 persons in 2020: the 7-person amount plus the 7−6 difference.
    assert standard_median_income(dt.date(2020, 5, 1), 8)[0] == 8_273_062
    years = [v.value.year for v in STANDARD_MEDIAN_INCOME.versions]
    assert years == list(range(2019, 2027))
    marked = {v.value.year for v in STANDARD_MEDIAN_INCOME.versions if v.verify}
    assert marked == {2019, 2026}
    for version in STANDARD_MEDIAN_INCOME.versions:
        amounts = [version.value.by_size[n] for n in sorted(version.value.by_size)]
        assert amounts == sorted(amounts)
