"""Unemployment recognition schedule: dates, days paid at each, activities required."""

from __future__ import annotations

import datetime as dt

import pytest

from jobcenter.rules import InvalidInput
from jobcenter.rules.recognition import RecognitionInput, recognition_schedule


def schedule(**params):
    return recognition_schedule(RecognitionInput.from_mapping(params))


def test_four_weekly_schedule_pays_every_benefit_day():
    s = schedule(claim_date="2025-07-02", days=120, daily_amount=66000)
    dates = [r.date for r in s.recognitions]
    assert dates[:3] == [dt.date(2025, 7, 30), dt.date(2025, 8, 27), dt.date(2025, 9, 24)]
    # First recognition covers 07-02…07-30 (29 days) less the 7 waiting days; then 28 days each.
    assert [r.payable_days for r in s.recognitions] == [22, 28, 28, 28, 14]
    assert s.paid_days == 120 and s.unpaid_days == 0
    assert s.recognitions[0].amount == 22 * 66000
    assert sum(r.amount for r in s.recognitions) == 120 * 66000


def test_activities_required_rise_from_the_fifth_recognition():
    s = schedule(claim_date="2025-07-02", days=210)
    counts = [(r.ordinal, r.required_activities, r.application_or_interview_required) for r in s.recognitions]
    assert counts[:4] == [(1, 1, False), (2, 1, False), (3, 1, False), (4, 1, False)]
    assert all(required == 2 and application for ordinal, required, application in counts[4:])
    assert s.to_dict()["unconfirmed"], "the activity counts are a (verify) version"


def test_two_weekly_cycle():
    s = schedule(claim_date="2025-07-02", days=30, cycle_weeks=2)
    assert [r.date for r in s.recognitions] == [dt.date(2025, 7, 16), dt.date(2025, 7, 30), dt.date(2025, 8, 13)]
    assert [r.payable_days for r in s.recognitions] == [8, 14, 8]
    assert all(r.required_activities == 1 for r in s.recognitions)


def test_first_cycle_can_differ():
    s = schedule(claim_date="2025-07-02", days=60, first_cycle_weeks=1)
    assert s.recognitions[0].date == dt.date(2025, 7, 9)
    assert s.recognitions[0].payable_days == 1  # 07-02…07-09, of which 07-02…07-08 are waiting days
    assert s.recognitions[1].date == dt.date(2025, 8, 6)


def test_receipt_deadline_cuts_the_schedule():
    s = schedule(claim_date="2026-05-01", days=120, receipt_deadline="2026-06-30")
    assert s.paid_days == 54  # 2026-05-08 … 2026-06-30: 24 days in May, 30 in June
    assert s.unpaid_days == 66
    assert any("받을 수 없습니다" in w for w in s.warnings)


@pytest.mark.parametrize(("field", "value"), [("cycle_weeks", 5), ("cycle_weeks", 0), ("days", 0),
                                              ("days", 400), ("claim_date", "2025-02-29")])
def test_bad_input_names_the_field(field, value):
    with pytest.raises(InvalidInput) as caught:
        schedule(**{"claim_date": "2025-07-02", "days": 120, field: value})
    assert field in caught.value.errors
