"""`jobcenter benefit ...` (needs jobcenter.benefits in INSTALLED_APPS)."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command


def run(*args: str) -> str:
    out = StringIO()
    call_command("benefit", *args, stdout=out)
    return out.getvalue()


EXAMPLE = ("job-seeking", "--separation-date", "2025-06-30", "--age", "52", "--insured-years", "4",
           "--average-daily-wage", "120000")


def test_readable_job_seeking_calculation():
    text = run(*EXAMPLE)
    assert "66,000원 (상한액 적용)" in text
    assert "210일" in text
    assert "13,860,000원" in text
    assert "기초일액 120,000원 × 60% = 72,000원" in text
    assert "고용보험법 제50조 및 별표 1" in text


def test_json_output_is_one_object_with_the_promised_keys():
    data = json.loads(run(*EXAMPLE, "--json"))
    assert data["eligible"] is True
    assert (data["daily_amount"], data["days"], data["total"], data["waiting_days"]) == (66000, 210, 13860000, 7)
    assert data["receipt_deadline"] == "2026-06-30"
    assert data["steps"] and data["basis"]


def test_disabled_daily_hours_reason_and_dates():
    data = json.loads(run("job-seeking", "--separation-date", "2024-05-31", "--age", "35", "--insured-from",
                          "2023-12-01", "--average-daily-wage", "40000", "--daily-hours", "4", "--disabled",
                          "--reason", "voluntary", "--json"))
    assert (data["daily_amount"], data["days"], data["eligible"]) == (31552, 120, False)
    data = json.loads(run("job-seeking", "--separation-date", "2025-06-30", "--age", "30", "--insured-days",
                          "1200", "--average-daily-wage", "100000", "--disabled", "--json"))
    assert data["days"] == 210


def test_not_available_for_work_flag():
    data = json.loads(run(*EXAMPLE, "--not-available-for-work", "--json"))
    assert data["eligible"] is False


@pytest.mark.parametrize(("args", "option"), [
    (("--age", "252"), "--age"),
    (("--average-daily-wage", "-5"), "--average-daily-wage"),
    (("--separation-date", "2025-06-31"), "--separation-date"),
    (("--separation-date", "2017-06-30"), "--separation-date"),
])
def test_bad_input_names_the_option(args, option):
    base = dict(zip(EXAMPLE[1::2], EXAMPLE[2::2]))
    base.update(dict(zip(args[::2], args[1::2])))
    flat = [item for pair in base.items() for item in pair]
    with pytest.raises(CommandError) as caught:
        run("job-seeking", *flat)
    assert str(caught.value).startswith(option)


def test_separation_before_insured_period_names_the_separation_date():
    with pytest.raises(CommandError, match="--separation-date"):
        run("job-seeking", "--separation-date", "2025-06-30", "--age", "40", "--insured-from", "2025-07-01",
            "--average-daily-wage", "100000")


def test_nesp_readable_and_json():
    args = ("nesp", "--application-date", "2025-03-01", "--age", "29", "--household-size", "4",
            "--household-monthly-income", "3000000", "--household-assets", "100000000", "--work-days-2y", "150",
            "--dependants", "2", "--plan-date", "2025-03-10", "--activity-reports", "1,0")
    text = run(*args)
    assert "Ⅰ유형 (요건심사형)" in text
    assert "월 700,000원 × 6개월 = 4,200,000원" in text
    data = json.loads(run(*args, "--json"))
    assert data["track"] == "type1_requirement" and data["total"] == 4_200_000
    assert [m["status"] for m in data["schedule"][:3]] == ["paid", "withheld", "pending"]


def test_nesp_error_names_the_option():
    with pytest.raises(CommandError, match="--household-monthly-income"):
        run("nesp", "--application-date", "2025-03-01", "--age", "40")


def test_recognition_schedule():
    text = run("recognition", "--claim-date", "2025-07-02", "--days", "120", "--daily-amount", "66000")
    assert "1차 2025-07-30: 22일" in text
    data = json.loads(run("recognition", "--claim-date", "2025-07-02", "--days", "120", "--json"))
    assert data["paid_days"] == 120
