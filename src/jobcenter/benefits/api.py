"""JSON API for the calculators: POST a JSON body, get the rule engine's result with steps and citations.

Mounted by the project at ``/api/v1/benefits`` (``api.add_router("/benefits", "jobcenter.benefits.api.router")``).
Invalid input is 422 with ``detail`` as a list of ``{loc, msg, type}`` whose ``loc`` ends with the field name —
both for type errors (caught by the schema) and for the rules' own checks (dates out of range, a separation
date before the insured period, negative wages…).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Literal

from django.http import HttpRequest
from ninja import Router, Schema, Status
from pydantic import ConfigDict, Field

from jobcenter.api.permissions import PUBLIC
from jobcenter.api.schemas import Problem
from jobcenter.rules import InvalidInput
from jobcenter.rules.job_seeking import JobSeekingInput, calculate_job_seeking_benefit
from jobcenter.rules.nesp import NespInput, assess_nesp
from jobcenter.rules.recognition import RecognitionInput, recognition_schedule

router = Router(tags=["benefits"])


class _In(Schema):
    # A misspelt field is an error, not silently ignored.
    model_config = ConfigDict(extra="forbid")


class JobSeekingIn(_In):
    separation_date: dt.date = Field(description="이직일")
    age: int = Field(description="이직일 현재 나이 (만)")
    average_daily_wage: Decimal = Field(description="기초일액 (원): 이직 전 3개월 1일 평균임금")
    insured_years: Decimal | None = Field(None, description="피보험기간 (년)")
    insured_days: int | None = Field(None, description="피보험기간 (일)")
    insured_from: dt.date | None = Field(None, description="피보험기간 시작일 (이직일까지)")
    insured_unit_days: int | None = Field(None, description="이직 전 18개월 중 피보험단위기간 (일)")
    disabled: bool = Field(False, description="장애인 여부")
    daily_hours: Decimal = Field(Decimal(8), description="1일 소정근로시간")
    reason: Literal["involuntary", "justified_resignation", "voluntary", "misconduct"] = "involuntary"
    justified_reason: str | None = Field(None, description="정당한 이직 사유 코드 (시행규칙 별표 2)")
    available_for_work: bool = True
    claim_date: dt.date | None = Field(None, description="실업 신고일")


class NespIn(_In):
    application_date: dt.date = Field(description="신청일")
    age: int
    household_size: int | None = None
    household_monthly_income: Decimal | None = None
    household_income_ratio: Decimal | None = Field(None, description="기준 중위소득 대비 가구소득 (%)")
    household_assets: Decimal | None = None
    work_days_2y: int | None = None
    work_hours_2y: int | None = None
    dependants: int = 0
    receiving_job_seeking_benefit: bool = False
    plan_date: dt.date | None = Field(None, description="취업활동계획 수립일")
    activity_reports: list[bool] | None = Field(None, description="월별 활동 보고 인정 여부")


class RecognitionIn(_In):
    claim_date: dt.date
    days: int
    cycle_weeks: int = 4
    first_cycle_weeks: int | None = None
    receipt_deadline: dt.date | None = None
    daily_amount: int | None = None


def _problem(exc: InvalidInput) -> Status:
    """The rules' field errors in the API's 422 shape (``loc`` ends with the field, as for schema errors)."""
    return Status(422, {
        "detail": [
            {"loc": ["body", field], "msg": message, "type": "value_error"} for field, message in exc.errors.items()
        ]
    })


@router.post(
    "/job-seeking",
    response={200: dict, 422: Problem},
    auth=PUBLIC,  # public: a calculator over published law, no personal data stored
    summary="구직급여: eligibility, daily amount, benefit days and total for a separation date",
)
def job_seeking(request: HttpRequest, payload: JobSeekingIn):
    try:
        result = calculate_job_seeking_benefit(JobSeekingInput.from_mapping(payload.dict(exclude_none=True)))
    except InvalidInput as exc:
        return _problem(exc)
    return result.to_dict()


@router.post(
    "/nesp",
    response={200: dict, 422: Problem},
    auth=PUBLIC,  # public: a calculator over published law, no personal data stored
    summary="국민취업지원제도: track, job-seeking promotion allowance and payment schedule",
)
def nesp(request: HttpRequest, payload: NespIn):
    try:
        result = assess_nesp(NespInput.from_mapping(payload.dict(exclude_none=True)))
    except InvalidInput as exc:
        return _problem(exc)
    return result.to_dict()


@router.post(
    "/recognition-schedule",
    response={200: dict, 422: Problem},
    auth=PUBLIC,  # public: a calculator over published law, no personal data stored
    summary="실업인정일 schedule: dates, days paid and job-search activities required",
)
def recognition(request: HttpRequest, payload: RecognitionIn):
    try:
        result = recognition_schedule(RecognitionInput.from_mapping(payload.dict(exclude_none=True)))
    except InvalidInput as exc:
        return _problem(exc)
    return result.to_dict()
