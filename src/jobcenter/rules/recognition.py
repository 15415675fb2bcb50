"""실업인정 (unemployment recognition): the recognition dates of a claim and the job-search activities each needs.

A recipient proves unemployment on days the job centre sets, every 1 to 4 weeks (Employment Insurance Act
Art. 44; normally every 4 weeks). Each recognition covers the days from the day after the previous recognition
(the first: from the unemployment report) through the recognition day, and pays the benefit days in it that
are past the 7-day waiting period, until the benefit days run out or the receipt window closes.

Job-search activities required per recognition (facts file, marked verify): at least 1 per 4-week cycle in the
early recognitions and at least 2 from the 5th on, one of them a real application or interview. For cycles
shorter than 4 weeks the engine scales the count by weeks / 4, rounding up, with at least 1 (an engine
assumption, listed for confirmation with the counts themselves).
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from typing import Any

from jobcenter.rules import basis as B
from jobcenter.rules.dates import inclusive_days
from jobcenter.rules.errors import ErrorCollector
from jobcenter.rules.explain import Citation, Explanation, won
from jobcenter.rules.inputs import reject_unknown, to_date, to_int
from jobcenter.rules.versions import DATA_FROM, RuleVersion, VersionedRule

CYCLE_WEEKS: VersionedRule[tuple[int, int]] = VersionedRule(
    key="recognition.cycle_weeks",
    label="실업인정 주기 (주)",
    versions=[RuleVersion("recognition.cycle_weeks.1_to_4", (1, 4), DATA_FROM, None, B.EIA_44,
                          note="in force before 2018; normally 4 weeks")],
)


@dataclass(frozen=True)
class ActivityRequirement:
    early_count: int
    later_count: int
    later_from_ordinal: int
    per_weeks: int

    def required(self, ordinal: int, cycle_weeks: int) -> tuple[int, bool]:
        """Activities required at recognition ``ordinal`` for a cycle of ``cycle_weeks`` weeks, and whether one
        of them must be a real application or interview."""
        later = ordinal >= self.later_from_ordinal
        per_cycle = self.later_count if later else self.early_count
        count = max(1, math.ceil(per_cycle * cycle_weeks / self.per_weeks))
        return count, later


ACTIVITY_RULE_BASIS = Citation(
    "고용노동부 실업인정 업무처리 기준 (재취업활동 인정 기준)", "", "실업인정 회차별 재취업활동 횟수", verify=True
)

ACTIVITIES: VersionedRule[ActivityRequirement] = VersionedRule(
    key="recognition.activities",
    label="실업인정 회차별 재취업활동 횟수",
    versions=[
        RuleVersion("recognition.activities.1_then_2_from_5th", ActivityRequirement(1, 2, 5, 4), DATA_FROM, None,
                    ACTIVITY_RULE_BASIS, verify=True,
                    note="counts from the facts file (verify); effective date not recorded; scaling for cycles "
                         "shorter than 4 weeks is an engine assumption"),
    ],
)


@dataclass(frozen=True)
class RecognitionInput:
    """A claim: the unemployment report date, the benefit days, the cycle and (optionally) the first cycle's
    length, the receipt deadline and the daily amount (to show what each recognition pays)."""

    claim_date: dt.date
    days: int
    cycle_weeks: int = 4
    first_cycle_weeks: int | None = None
    receipt_deadline: dt.date | None = None
    daily_amount: int | None = None
    waiting_days: int = 7

    FIELDS = ("claim_date", "days", "cycle_weeks", "first_cycle_weeks", "receipt_deadline", "daily_amount")

    @classmethod
    def from_mapping(cls, params: dict[str, Any]) -> RecognitionInput:
        errors = ErrorCollector()
        reject_unknown(params, set(cls.FIELDS), errors)
        g = params.get
        values = dict(
            claim_date=to_date(g("claim_date"), "claim_date", errors, required=True),
            days=to_int(g("days"), "days", errors, required=True, minimum=1, maximum=270),
            cycle_weeks=to_int(g("cycle_weeks"), "cycle_weeks", errors, minimum=1, maximum=4),
            first_cycle_weeks=to_int(g("first_cycle_weeks"), "first_cycle_weeks", errors, minimum=1, maximum=4),
            receipt_deadline=to_date(g("receipt_deadline"), "receipt_deadline", errors),
            daily_amount=to_int(g("daily_amount"), "daily_amount", errors, minimum=0),
        )
        errors.raise_if_any()
        if values["cycle_weeks"] is None:
            values["cycle_weeks"] = 4
        return cls(**values)  # type: ignore[arg-type]

    def validate(self) -> None:
        errors = ErrorCollector()
        low, high = CYCLE_WEEKS.at(self.claim_date, field="claim_date").value
        if not low <= self.cycle_weeks <= high:
            errors.add("cycle_weeks", f"실업인정 주기는 {low}~{high}주입니다 (입력값 {self.cycle_weeks}).")
        if self.first_cycle_weeks is not None and not low <= self.first_cycle_weeks <= high:
            errors.add("first_cycle_weeks", f"첫 실업인정까지의 기간은 {low}~{high}주입니다.")
        if not 1 <= self.days <= 270:
            errors.add("days", f"소정급여일수는 1~270일입니다 (입력값 {self.days}).")
        if self.receipt_deadline is not None and self.receipt_deadline < self.claim_date:
            errors.add("receipt_deadline", "수급기간 종료일이 실업 신고일보다 앞설 수 없습니다.")
        if self.daily_amount is not None and self.daily_amount < 0:
            errors.add("daily_amount", "구직급여일액은 0원 이상이어야 합니다.")
        errors.raise_if_any()


@dataclass(frozen=True)
class Recognition:
    ordinal: int
    date: dt.date
    period_from: dt.date
    period_to: dt.date
    payable_days: int
    amount: int | None
    required_activities: int
    application_or_interview_required: bool

    def to_dict(self) -> dict[str, Any]:
        return {
            "ordinal": self.ordinal,
            "date": self.date.isoformat(),
            "period_from": self.period_from.isoformat(),
            "period_to": self.period_to.isoformat(),
            "payable_days": self.payable_days,
            "amount": self.amount,
            "required_activities": self.required_activities,
            "application_or_interview_required": self.application_or_interview_required,
        }


@dataclass
class RecognitionSchedule:
    recognitions: list[Recognition]
    paid_days: int
    unpaid_days: int
    explanation: Explanation
    versions: list[RuleVersion[Any]]
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule": "unemployment_recognition_schedule",
            "recognitions": [r.to_dict() for r in self.recognitions],
            "count": len(self.recognitions),
            "paid_days": self.paid_days,
            "unpaid_days": self.unpaid_days,
            "steps": [s.to_dict() for s in self.explanation.steps],
            "basis": [c.to_dict() for c in self.explanation.citations()],
            "rule_versions": [v.version_id for v in self.versions],
            "unconfirmed": [v.to_dict() for v in self.versions if v.verify],
            "warnings": list(self.warnings),
        }


def recognition_schedule(inp: RecognitionInput) -> RecognitionSchedule:
    """The recognition dates of a claim, what each covers and pays, and the activities each needs.

    Assumes the person stays unemployed and attends every recognition; the job centre may set other dates.
    """
    inp.validate()
    cycle_rule = CYCLE_WEEKS.at(inp.claim_date, field="claim_date")
    activity_rule = ACTIVITIES.at(inp.claim_date, field="claim_date")
    ex = Explanation()
    first_weeks = inp.first_cycle_weeks or inp.cycle_weeks
    waiting_to = inp.claim_date + dt.timedelta(days=inp.waiting_days - 1)
    ex.add("recognition.cycle",
           f"실업인정은 {inp.cycle_weeks}주마다 (첫 실업인정은 실업 신고일부터 {first_weeks}주 후) 지정된 날에 받습니다",
           inp.cycle_weeks, (cycle_rule.basis,), (cycle_rule.version_id,))
    ex.add("recognition.waiting",
           f"대기기간 {inp.claim_date.isoformat()}~{waiting_to.isoformat()} ({inp.waiting_days}일)은 지급하지 않습니다",
           inp.waiting_days, (B.EIA_49,))

    recognitions: list[Recognition] = []
    remaining = inp.days
    period_from = inp.claim_date
    date = inp.claim_date + dt.timedelta(weeks=first_weeks)
    ordinal = 1
    while remaining > 0:
        if inp.receipt_deadline is not None and period_from > inp.receipt_deadline:
            break
        payable_from = max(period_from, waiting_to + dt.timedelta(days=1))
        payable_to = date if inp.receipt_deadline is None else min(date, inp.receipt_deadline)
        payable = min(remaining, inclusive_days(payable_from, payable_to))
        remaining -= payable
        weeks = inp.cycle_weeks if ordinal > 1 else first_weeks
        count, needs_application = activity_rule.value.required(ordinal, weeks)
        amount = payable * inp.daily_amount if inp.daily_amount is not None else None
        recognitions.append(Recognition(ordinal, date, period_from, date, payable, amount, count, needs_application))
        amount_text = f", {payable}일 × {won(inp.daily_amount)} = {won(amount)}" if amount is not None else ""
        ex.add(
            f"recognition.{ordinal}",
            f"{ordinal}차 실업인정 {date.isoformat()}: {period_from.isoformat()}~{date.isoformat()} 중 "
            f"{payable}일 지급{amount_text}; 재취업활동 {count}회 이상"
            + (" (그중 1회 이상은 실제 입사지원 또는 면접)" if needs_application else ""),
            payable,
            (B.EIA_44, activity_rule.basis),
            (activity_rule.version_id,),
        )
        period_from = date + dt.timedelta(days=1)
        date = date + dt.timedelta(weeks=inp.cycle_weeks)
        ordinal += 1

    warnings: list[str] = []
    if remaining > 0:
        warnings.append(
            f"수급기간이 {inp.receipt_deadline.isoformat() if inp.receipt_deadline else ''}에 끝나 "
            f"{remaining}일분은 받을 수 없습니다."
        )
    warnings.append("재취업활동 횟수는 확인이 필요한 기준입니다: " + activity_rule.version_id)
    return RecognitionSchedule(
        recognitions=recognitions,
        paid_days=inp.days - remaining,
        unpaid_days=remaining,
        explanation=ex,
        versions=[cycle_rule, activity_rule],
        warnings=warnings,
    )
