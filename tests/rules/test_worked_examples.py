"""Worked examples a counselor can check by hand; the comment above each gives the arithmetic."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from jobcenter.rules import InvalidInput
from jobcenter.rules.job_seeking import JobSeekingInput, calculate_job_seeking_benefit, receipt_deadline


def calc(**params):
    return calculate_job_seeking_benefit(JobSeekingInput.from_mapping(params))


def test_issue_example_capped_at_66000():
    # 120,000 × 60% = 72,000 → cap 66,000; 4 years, age 52 → 210 days; 66,000 × 210 = 13,860,000.
    r = calc(separation_date="2025-06-30", age=52, insured_years=4, average_daily_wage=120000)
    assert r.eligible
    assert r.computed_daily_amount == 72_000
    assert r.daily_amount == 66_000 and r.limit_applied == "upper"
    assert r.days == 210
    assert r.total == 13_860_000
    assert r.waiting_days == 7
    assert r.receipt_deadline == dt.date(2026, 6, 30)
    texts = [s.text for s in r.explanation.steps]
    assert "기초일액 120,000원 × 60% = 72,000원" in texts
    assert "상한액 66,000원 적용 (72,000원 > 66,000원)" in texts
    assert "총액: 66,000원 × 210일 = 13,860,000원" in texts


def test_low_wage_gets_the_floor():
    # 80,000 × 60% = 48,000 < floor 10,030 × 8 × 80% = 64,192; 2 years, age 30 → 150 days; 64,192 × 150.
    r = calc(separation_date="2025-03-31", age=30, insured_years=2, average_daily_wage=80000)
    assert (r.computed_daily_amount, r.daily_amount, r.limit_applied) == (48_000, 64_192, "lower")
    assert (r.days, r.total) == (150, 9_628_800)


def test_within_limits_is_paid_as_computed():
    # 105,000 × 60% = 63,000, between 61,568 and 66,000 in 2023; 7 years, age 45 → 210 days.
    r = calc(separation_date="2023-08-31", age=45, insured_years=7, average_daily_wage=105000)
    assert (r.daily_amount, r.limit_applied, r.days, r.total) == (63_000, None, 210, 13_230_000)


def test_the_day_before_the_2019_amendment():
    # 100,000 × 50% = 50,000 < 8,350 × 8 × 90% = 60,120; former table, age 45, 6 years → 180 days.
    r = calc(separation_date="2019-09-30", age=45, insured_years=6, average_daily_wage=100000)
    assert (r.computed_daily_amount, r.daily_amount, r.days, r.total) == (50_000, 60_120, 180, 10_821_600)


def test_the_day_of_the_2019_amendment():
    # 100,000 × 60% = 60,000 < transitional floor 60,120; new table, age 45, 6 years → 210 days.
    r = calc(separation_date="2019-10-01", age=45, insured_years=6, average_daily_wage=100000)
    assert (r.computed_daily_amount, r.daily_amount, r.days, r.total) == (60_000, 60_120, 210, 12_625_200)


def test_2018_cap_and_former_table():
    # 150,000 × 50% = 75,000 → cap 60,000; age 55, 12 years → 240 days (former table).
    r = calc(separation_date="2018-06-30", age=55, insured_years=12, average_daily_wage=150000)
    assert (r.daily_amount, r.days, r.total) == (60_000, 240, 14_400_000)


def test_part_time_worker_2024():
    # 40,000 × 60% = 24,000 < 9,860 × 4 × 80% = 31,552; half a year → 120 days.
    r = calc(separation_date="2024-05-31", age=35, insured_years="0.5", average_daily_wage=40000, daily_hours=4)
    assert (r.daily_amount, r.days, r.total) == (31_552, 120, 3_786_240)


def test_2026_uses_the_marked_cap():
    # 130,000 × 60% = 78,000 → cap 68,100 (verify); 10 years, age 40 → 240 days.
    r = calc(separation_date="2026-03-31", age=40, insured_years=10, average_daily_wage=130000)
    assert (r.daily_amount, r.days, r.total) == (68_100, 240, 16_344_000)
    assert [v.version_id for v in r.unconfirmed] == ["job_seeking.upper_limit.2026"]
    assert r.to_dict()["unconfirmed"][0]["verify"] is True


def test_fractional_wage_is_rounded_down_to_the_won():
    # 105,001.50 × 60% = 63,000.9 → 63,000 (원 미만 버림), between the 2023 floor 61,568 and the cap 66,000.
    r = calc(separation_date="2023-06-30", age=40, insured_years=3, average_daily_wage="105,001.5")
    assert (r.computed_daily_amount, r.daily_amount) == (63_000, 63_000)
    assert "(원 미만 버림)" in r.explanation.steps[3].text


def test_disability_uses_the_second_row():
    r = calc(separation_date="2025-06-30", age=30, insured_years=3, average_daily_wage=100000, disabled=True)
    assert r.days == 210 and r.age_group == "50세 이상 및 장애인"


def test_insured_period_from_dates_counts_completed_years():
    # 2020-07-01 … 2025-06-30 is exactly 5 years → '5년 이상 10년 미만'.
    r = calc(separation_date="2025-06-30", age=40, insured_from="2020-07-01", average_daily_wage=100000)
    assert r.days == 210
    r = calc(separation_date="2025-06-29", age=40, insured_from="2020-07-01", average_daily_wage=100000)
    assert r.days == 180  # one day short of five years


def test_insured_period_in_days():
    r = calc(separation_date="2025-06-30", age=40, insured_days=365, average_daily_wage=100000)
    assert r.days == 150
    r = calc(separation_date="2025-06-30", age=40, insured_days=364, average_daily_wage=100000)
    assert r.days == 120


@pytest.mark.parametrize(("reason", "justified", "eligible"), [
    ("involuntary", None, True),
    ("justified_resignation", "wage_arrears", True),
    ("voluntary", None, False),
    ("misconduct", None, False),
])
def test_reason_for_separation(reason, justified, eligible):
    params = dict(separation_date="2025-06-30", age=40, insured_years=3, average_daily_wage=100000, reason=reason)
    if justified:
        params["justified_reason"] = justified
    r = calc(**params)
    assert r.eligible is eligible
    # The figures are still shown (what would be paid if the reason is accepted), with a warning when not eligible.
    assert r.total == r.days * r.daily_amount
    assert any("충족하지 못한" in w for w in r.warnings) is (not eligible)


def test_insured_unit_period_threshold():
    base = dict(separation_date="2025-06-30", age=40, insured_years=1, average_daily_wage=100000)
    assert not calc(**base, insured_unit_days=179).eligible
    met = calc(**base, insured_unit_days=180)
    assert met.eligible and not met.conditions[0].assumed


def test_short_insured_period_estimates_unit_days_as_not_met():
    r = calc(separation_date="2025-06-30", age=40, insured_days=150, average_daily_wage=100000)
    assert not r.eligible and r.conditions[0].assumed


def test_not_available_for_work_is_not_eligible():
    r = calc(separation_date="2025-06-30", age=40, insured_years=3, average_daily_wage=100000,
             available_for_work=False)
    assert not r.eligible


@pytest.mark.parametrize(("separation", "deadline"), [
    (dt.date(2025, 6, 30), dt.date(2026, 6, 30)),
    (dt.date(2024, 2, 28), dt.date(2025, 2, 28)),  # from 2024-02-29: no 2025-02-29, so the month's last day
    (dt.date(2025, 1, 30), dt.date(2026, 1, 30)),
    (dt.date(2025, 12, 31), dt.date(2026, 12, 31)),
])
def test_receipt_deadline_is_12_months_from_the_day_after_separation(separation, deadline):
    assert receipt_deadline(separation) == deadline


def test_claim_timeline_and_days_lost_to_the_receipt_window():
    # Separated 2025-01-31, reported unemployed only on 2025-11-01: the window closes 2026-01-31.
    r = calc(separation_date="2025-01-31", age=55, insured_years=12, average_daily_wage=100000,
             claim_date="2025-11-01")
    t = r.timeline
    assert (t.waiting_from, t.waiting_to, t.first_paid_day) == (
        dt.date(2025, 11, 1), dt.date(2025, 11, 7), dt.date(2025, 11, 8))
    assert t.payable_days_within_window == 85  # 2025-11-08 … 2026-01-31
    assert t.days_lost_to_window == 270 - 85
    assert any("받을 수 없습니다" in w for w in r.warnings)


def test_to_dict_has_the_promised_keys():
    data = calc(separation_date="2025-06-30", age=52, insured_years=4, average_daily_wage=120000).to_dict()
    for key in ("eligible", "daily_amount", "days", "total", "waiting_days", "receipt_deadline", "steps", "basis"):
        assert key in data
    assert data["receipt_deadline"] == "2026-06-30"
    assert all("label" in c for c in data["basis"])


def test_engine_input_can_be_given_directly_as_python_types():
    r = calculate_job_seeking_benefit(JobSeekingInput(
        separation_date=dt.date(2025, 6, 30), age=52, average_daily_wage=Decimal(120000), insured_years=Decimal(4)))
    assert r.total == 13_860_000
    with pytest.raises(InvalidInput):
        calculate_job_seeking_benefit(JobSeekingInput(
            separation_date=dt.date(2025, 6, 30), age=12, average_daily_wage=Decimal(1), insured_years=Decimal(4)))
