"""Tool-style entry points: keyword arguments in (strings or JSON types), one JSON-serialisable dict out.

Made for the chatbot (a language model calling a tool) and any other caller that speaks JSON. They never raise
for bad input: the answer is ``{"ok": false, "errors": {field: message}}`` so the caller can ask the person for
exactly that field. On success the answer is ``{"ok": true, ...}`` with the figures, ``steps`` (Korean, to read
out), ``basis`` (citations) and ``unconfirmed`` (rule values still to be confirmed against the law: say so when
quoting them). ``TOOL_SPECS`` describes each tool's parameters as JSON Schema, ready for a tool-calling API.

Example::

    >>> from jobcenter.rules.tools import answer_job_seeking_benefit
    >>> answer = answer_job_seeking_benefit(separation_date="2025-06-30", age=52, insured_years=4,
    ...                                     average_daily_wage=120000)
    >>> answer["daily_amount"], answer["days"], answer["total"]
    (66000, 210, 13860000)
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from jobcenter.rules.errors import InvalidInput
from jobcenter.rules.job_seeking import (
    JUSTIFIED_REASONS,
    SEPARATION_REASONS,
    JobSeekingInput,
    calculate_job_seeking_benefit,
)
from jobcenter.rules.nesp import NespInput, assess_nesp
from jobcenter.rules.recognition import RecognitionInput, recognition_schedule


def _answer(build: Callable[[], dict[str, Any]]) -> dict[str, Any]:
    try:
        return {"ok": True, **build()}
    except InvalidInput as exc:
        return {"ok": False, "errors": dict(exc.errors)}


def answer_job_seeking_benefit(**params: Any) -> dict[str, Any]:
    """구직급여: eligibility, daily amount, benefit days, total, waiting period and receipt deadline.

    Parameters are those of :class:`~jobcenter.rules.job_seeking.JobSeekingInput` (``separation_date``,
    ``age``, ``average_daily_wage`` and one of ``insured_years`` / ``insured_days`` / ``insured_from`` are
    required). Values may be strings ("2025-06-30", "120,000").
    """
    return _answer(lambda: calculate_job_seeking_benefit(JobSeekingInput.from_mapping(params)).to_dict())


def answer_nesp(**params: Any) -> dict[str, Any]:
    """국민취업지원제도 (or the 2019 allowance before 2021): the track that applies, the job-seeking promotion
    allowance and, with ``plan_date``, its monthly payment schedule. Parameters: those of
    :class:`~jobcenter.rules.nesp.NespInput`."""
    return _answer(lambda: assess_nesp(NespInput.from_mapping(params)).to_dict())


def answer_recognition_schedule(**params: Any) -> dict[str, Any]:
    """실업인정일 schedule for a claim: dates, days paid at each, job-search activities required. Parameters:
    those of :class:`~jobcenter.rules.recognition.RecognitionInput`."""
    return _answer(lambda: recognition_schedule(RecognitionInput.from_mapping(params)).to_dict())


_DATE = {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}

TOOL_SPECS: list[dict[str, Any]] = [
    {
        "name": "answer_job_seeking_benefit",
        "description": (
            "구직급여(실업급여) 계산: 수급 요건, 구직급여일액(상·하한 적용), 소정급여일수, 총액, 대기기간, 수급기간. "
            "Employment Insurance Act rules in force on the separation date, with steps and citations."
        ),
        "function": answer_job_seeking_benefit,
        "parameters": {
            "type": "object",
            "properties": {
                "separation_date": {**_DATE, "description": "이직일 (YYYY-MM-DD)"},
                "age": {"type": "integer", "minimum": 15, "maximum": 100, "description": "이직일 현재 나이"},
                "average_daily_wage": {"type": "number", "exclusiveMinimum": 0,
                                       "description": "기초일액: 이직 전 3개월 평균임금의 1일 금액 (원)"},
                "insured_years": {"type": "number", "minimum": 0, "description": "피보험기간 (년)"},
                "insured_days": {"type": "integer", "minimum": 0, "description": "피보험기간 (일)"},
                "insured_from": {**_DATE, "description": "피보험기간 시작일 (이직일까지)"},
                "insured_unit_days": {"type": "integer", "minimum": 0,
                                      "description": "이직 전 18개월 중 피보험단위기간 (보수 지급 기초 일수)"},
                "disabled": {"type": "boolean", "description": "장애인 여부"},
                "daily_hours": {"type": "number", "exclusiveMinimum": 0, "maximum": 24,
                                "description": "1일 소정근로시간 (기본 8)"},
                "reason": {"type": "string", "enum": list(SEPARATION_REASONS), "description": "이직 사유"},
                "justified_reason": {"type": "string", "enum": list(JUSTIFIED_REASONS),
                                     "description": "정당한 자발적 이직 사유 (reason=justified_resignation일 때)"},
                "available_for_work": {"type": "boolean", "description": "근로 의사·능력이 있고 재취업 활동 중"},
                "claim_date": {**_DATE, "description": "실업 신고일 (선택)"},
            },
            "required": ["separation_date", "age", "average_daily_wage"],
        },
    },
    {
        "name": "answer_nesp",
        "description": (
            "국민취업지원제도 유형(Ⅰ유형 요건심사형/선발형, Ⅱ유형)과 구직촉진수당 금액·지급 일정. "
            "Before 2021: the 2019 Employment Success Package allowance."
        ),
        "function": answer_nesp,
        "parameters": {
            "type": "object",
            "properties": {
                "application_date": {**_DATE, "description": "신청일"},
                "age": {"type": "integer", "minimum": 0, "maximum": 120},
                "household_size": {"type": "integer", "minimum": 1, "description": "가구원 수"},
                "household_monthly_income": {"type": "number", "minimum": 0, "description": "가구 월소득 (원)"},
                "household_income_ratio": {"type": "number", "minimum": 0,
                                           "description": "가구소득의 기준 중위소득 대비 % (금액 대신)"},
                "household_assets": {"type": "number", "minimum": 0, "description": "가구 재산 합계 (원)"},
                "work_days_2y": {"type": "integer", "minimum": 0, "description": "최근 2년 취업 일수"},
                "work_hours_2y": {"type": "integer", "minimum": 0, "description": "최근 2년 취업 시간"},
                "dependants": {"type": "integer", "minimum": 0, "description": "부양가족 수"},
                "receiving_job_seeking_benefit": {"type": "boolean", "description": "구직급여 수급 중 여부"},
                "plan_date": {**_DATE, "description": "취업활동계획 수립일 (지급 일정 계산용)"},
                "activity_reports": {"type": "array", "items": {"type": "boolean"},
                                     "description": "월별 활동 보고 인정 여부"},
            },
            "required": ["application_date", "age"],
        },
    },
    {
        "name": "answer_recognition_schedule",
        "description": "실업인정일 일정과 회차별 재취업활동 횟수, 회차별 지급 일수.",
        "function": answer_recognition_schedule,
        "parameters": {
            "type": "object",
            "properties": {
                "claim_date": {**_DATE, "description": "실업 신고일"},
                "days": {"type": "integer", "minimum": 1, "maximum": 270, "description": "소정급여일수"},
                "cycle_weeks": {"type": "integer", "minimum": 1, "maximum": 4, "description": "실업인정 주기 (주)"},
                "first_cycle_weeks": {"type": "integer", "minimum": 1, "maximum": 4},
                "receipt_deadline": {**_DATE, "description": "수급기간 종료일"},
                "daily_amount": {"type": "integer", "minimum": 0, "description": "구직급여일액 (원)"},
            },
            "required": ["claim_date", "days"],
        },
    },
]

TOOLS: dict[str, Callable[..., dict[str, Any]]] = {spec["name"]: spec["function"] for spec in TOOL_SPECS}


def tool_schemas() -> list[dict[str, Any]]:
    """``TOOL_SPECS`` without the Python callables: what to send to a tool-calling model API."""
    return [{k: v for k, v in spec.items() if k != "function"} for spec in TOOL_SPECS]
