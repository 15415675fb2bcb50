"""구직급여 (job-seeking benefit, Employment Insurance Act Art. 40–50): eligibility, daily amount, days, total.

Every value comes from a dated rule version chosen by the **separation date** (이직일):

- daily amount = base daily wage (기초일액) × 60% (50% for separations before 2019-10-01), whole won, then the
  upper limit (상한액) and the lower limit (하한액) of that date;
- lower limit = hourly minimum wage of that year × daily prescribed hours (at most 8) × 80% (90% before
  2019-10-01), never below the transitional 60,120 KRW for separations from 2019-10-01 through 2022-12-31;
- benefit days from Annex 1 by insured period and age at separation (50+ and persons with a disability on the
  second row); the table before 2019-10-01 had three rows and is kept as its own version;
- 7 unpaid waiting days from the unemployment report, and a 12-month receipt window from the day after
  separation; total = days × daily amount.

Annex 1 is written here as rule data (it is statute, ten numbers) so the engine works without the shared data
folder; ``tests/rules/test_annex1.py`` compares it with ``law/benefit_days_annex1.csv`` when that file exists.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import ROUND_FLOOR, Decimal
from types import SimpleNamespace
from typing import Any

from jobcenter.rules import basis as B
from jobcenter.rules.dates import add_months, full_years, inclusive_days, period_end
from jobcenter.rules.errors import ErrorCollector
from jobcenter.rules.explain import Condition, Explanation, percent, won
from jobcenter.rules.inputs import reject_unknown, to_bool, to_choice, to_date, to_decimal, to_int
from jobcenter.rules.minimum_wage import hourly_minimum_wage
from jobcenter.rules.versions import DATA_FROM, RuleVersion, VersionedRule

AMENDMENT_2019 = dt.date(2019, 10, 1)
EMPLOYMENT_INSURANCE_START = dt.date(1995, 7, 1)
_IN_FORCE_BEFORE = "in force before 2018; the engine's data begins on 2018-01-01"

# ----------------------------------------------------------------------------------------------- rule data

BENEFIT_RATE: VersionedRule[Decimal] = VersionedRule(
    key="job_seeking.benefit_rate",
    label="구직급여 지급률 (기초일액 대비)",
    versions=[
        RuleVersion("job_seeking.benefit_rate.50pct", Decimal("0.5"), DATA_FROM, dt.date(2019, 9, 30),
                    B.EIA_46_1_FORMER, note=_IN_FORCE_BEFORE),
        RuleVersion("job_seeking.benefit_rate.60pct", Decimal("0.6"), AMENDMENT_2019, None, B.EIA_46_1,
                    note="raised from 50% by the amendment of 2019-08-27 (Act No. 16557), for separations "
                         "from 2019-10-01"),
    ],
)

UPPER_LIMIT: VersionedRule[int] = VersionedRule(
    key="job_seeking.upper_limit",
    label="구직급여일액 상한액",
    versions=[
        RuleVersion("job_seeking.upper_limit.2018", 60_000, dt.date(2018, 1, 1), dt.date(2018, 12, 31),
                    B.EIA_DECREE_68),
        RuleVersion("job_seeking.upper_limit.2019", 66_000, dt.date(2019, 1, 1), dt.date(2025, 12, 31),
                    B.EIA_DECREE_68,
                    note="from 2019-10-01 expressed as a base-wage cap of 110,000 KRW × 60%"),
        RuleVersion("job_seeking.upper_limit.2026", 68_100, dt.date(2026, 1, 1), None, B.EIA_DECREE_68,
                    verify=True, note="base-wage cap 113,500 KRW × 60%; read from secondary sources"),
    ],
)

LOWER_LIMIT_RATE: VersionedRule[Decimal] = VersionedRule(
    key="job_seeking.lower_limit_rate",
    label="하한액 비율 (최저기초일액 대비)",
    versions=[
        RuleVersion("job_seeking.lower_limit_rate.90pct", Decimal("0.9"), DATA_FROM, dt.date(2019, 9, 30),
                    B.EIA_46_1_2_FORMER, note=_IN_FORCE_BEFORE),
        RuleVersion("job_seeking.lower_limit_rate.80pct", Decimal("0.8"), AMENDMENT_2019, None, B.EIA_46_1_2,
                    note="lowered from 90% by the amendment of 2019-08-27 (Act No. 16557)"),
    ],
)

# The prescribed daily hours counted for the lower limit are capped at 8.
MAX_PRESCRIBED_HOURS = Decimal(8)

TRANSITIONAL_FLOOR: VersionedRule[int] = VersionedRule(
    key="job_seeking.transitional_floor",
    label="하한액 경과 규정 (8시간 기준 60,120원)",
    versions=[
        RuleVersion("job_seeking.transitional_floor.60120", 60_120, AMENDMENT_2019, dt.date(2022, 12, 31),
                    B.EIA_2019_TRANSITIONAL,
                    note="the 2019 floor (8,350 × 8 × 90%) kept until the 80% floor overtook it in 2023"),
    ],
)

# How the transitional 60,120 KRW applies below 8 prescribed hours is not in the facts we hold: we scale it by
# hours / 8 (i.e. the 2019 floor of 7,515 KRW an hour frozen), which keeps the floor proportional to hours the
# way the general rule is. A named version so it is listed for confirmation.
TRANSITIONAL_FLOOR_PART_TIME: VersionedRule[str] = VersionedRule(
    key="job_seeking.transitional_floor_part_time",
    label="하한액 경과 규정의 단시간 근로자 적용 (소정근로시간 비례)",
    versions=[
        RuleVersion("job_seeking.transitional_floor_part_time.proportional", "proportional", AMENDMENT_2019,
                    dt.date(2022, 12, 31), B.EIA_2019_TRANSITIONAL, verify=True,
                    note="60,120 × hours / 8 for fewer than 8 prescribed hours: an engine assumption"),
    ],
)


@dataclass(frozen=True)
class BenefitDaysTable:
    """Annex 1: benefit days by insured-period band (rows) and age group (columns).

    ``bands`` are the lower bounds in years of each insured-period band; ``rows`` maps an age-group key to the
    days for each band; ``row_labels`` are the statute's Korean headings.
    """

    bands: tuple[int, ...]
    band_labels: tuple[str, ...]
    rows: dict[str, tuple[int, ...]]
    row_labels: dict[str, str]

    def band_index(self, insured_years: Decimal) -> int:
        index = 0
        for i, lower in enumerate(self.bands):
            if insured_years >= lower:
                index = i
        return index

    def row_for(self, age: int, disabled: bool) -> str:
        if disabled or age >= 50:
            return "50_plus_or_disabled"
        if "under_50" in self.rows:
            return "under_50"
        return "under_30" if age < 30 else "30_to_49"

    def days(self, insured_years: Decimal, age: int, disabled: bool) -> int:
        return self.rows[self.row_for(age, disabled)][self.band_index(insured_years)]


_BAND_LABELS = ("1년 미만", "1년 이상 3년 미만", "3년 이상 5년 미만", "5년 이상 10년 미만", "10년 이상")

ANNEX1_2019 = BenefitDaysTable(
    bands=(0, 1, 3, 5, 10),
    band_labels=_BAND_LABELS,
    rows={
        "under_50": (120, 150, 180, 210, 240),
        "50_plus_or_disabled": (120, 180, 210, 240, 270),
    },
    row_labels={"under_50": "50세 미만", "50_plus_or_disabled": "50세 이상 및 장애인"},
)

# The table in force before 2019-10-01: three age groups, 90–240 days. Not in the shared facts file; recorded
# from the statute as it stood and marked for confirmation.
ANNEX1_FORMER = BenefitDaysTable(
    bands=(0, 1, 3, 5, 10),
    band_labels=_BAND_LABELS,
    rows={
        "under_30": (90, 90, 120, 150, 180),
        "30_to_49": (90, 120, 150, 180, 210),
        "50_plus_or_disabled": (90, 150, 180, 210, 240),
    },
    row_labels={
        "under_30": "30세 미만",
        "30_to_49": "30세 이상 50세 미만",
        "50_plus_or_disabled": "50세 이상 및 장애인",
    },
)

BENEFIT_DAYS: VersionedRule[BenefitDaysTable] = VersionedRule(
    key="job_seeking.benefit_days",
    label="소정급여일수 (별표 1)",
    versions=[
        RuleVersion("job_seeking.benefit_days.annex1_former", ANNEX1_FORMER, DATA_FROM, dt.date(2019, 9, 30),
                    B.EIA_FORMER_ANNEX1, verify=True, note=_IN_FORCE_BEFORE),
        RuleVersion("job_seeking.benefit_days.annex1_2019", ANNEX1_2019, AMENDMENT_2019, None, B.EIA_50),
    ],
)

WAITING_DAYS: VersionedRule[int] = VersionedRule(
    key="job_seeking.waiting_days",
    label="대기기간",
    versions=[RuleVersion("job_seeking.waiting_days.7", 7, DATA_FROM, None, B.EIA_49, note=_IN_FORCE_BEFORE)],
)

RECEIPT_MONTHS: VersionedRule[int] = VersionedRule(
    key="job_seeking.receipt_months",
    label="수급기간 (이직일 다음 날부터)",
    versions=[RuleVersion("job_seeking.receipt_months.12", 12, DATA_FROM, None, B.EIA_48, note=_IN_FORCE_BEFORE)],
)


@dataclass(frozen=True)
class UnitPeriodRequirement:
    minimum_days: int
    base_period_months: int


UNIT_PERIOD: VersionedRule[UnitPeriodRequirement] = VersionedRule(
    key="job_seeking.insured_unit_period",
    label="피보험단위기간 요건",
    versions=[
        RuleVersion("job_seeking.insured_unit_period.180_in_18m", UnitPeriodRequirement(180, 18), DATA_FROM, None,
                    B.EIA_40_1_1, note=_IN_FORCE_BEFORE),
    ],
)

# ------------------------------------------------------------------------------------ reasons for separation

SEPARATION_REASONS: dict[str, str] = {
    "involuntary": "비자발적 이직 (해고·권고사직·계약기간 만료·폐업 등)",
    "justified_resignation": "정당한 사유가 있는 자발적 이직 (시행규칙 별표 2)",
    "voluntary": "정당한 사유가 없는 자발적 이직",
    "misconduct": "중대한 귀책사유로 인한 해고",
}

# Summaries of the Enforcement Rule's Annex 2 (수급자격이 제한되지 아니하는 정당한 이직 사유). The person or the
# counselor states which applies; the engine does not judge the facts.
JUSTIFIED_REASONS: dict[str, str] = {
    "lower_working_conditions": "채용 시 조건보다 낮아진 근로조건 (이직 전 1년 이내 2개월 이상)",
    "wage_arrears": "임금 체불 (이직 전 1년 이내 2개월 이상)",
    "below_minimum_wage": "최저임금에 못 미치는 임금 (이직 전 1년 이내 2개월 이상)",
    "overtime_violation": "법정 연장근로 제한 위반 (이직 전 1년 이내 2개월 이상)",
    "discrimination": "종교·성별·장애·노조활동 등을 이유로 한 불합리한 차별",
    "harassment": "직장 내 성희롱·성폭력·괴롭힘",
    "closure_or_layoffs": "사업장의 도산·폐업이 확실하거나 대량 감원이 예정됨",
    "employer_recommendation": "경영상 필요 등에 따른 사업주의 퇴직 권고·인원 감축",
    "commute": "사업장 이전·전근·가족과 동거하기 위한 이사 등으로 통근 곤란 (왕복 3시간 이상)",
    "family_care": "부모·동거 친족의 질병·부상으로 30일 이상 간호 필요, 휴가·휴직 불허",
    "health": "체력 부족·질병·부상 등으로 업무 곤란, 업무 전환·휴직 불허",
    "pregnancy_childcare": "임신·출산·육아로 업무 곤란, 휴가·휴직 불허",
    "retirement_or_contract_end": "정년 도래 또는 계약기간 만료",
    "unlawful_business": "사업 내용이 법령에 위반됨",
    "other_annex2": "그 밖에 시행규칙 별표 2에 해당하는 사유",
}

# ------------------------------------------------------------------------------------------------- input


@dataclass(frozen=True)
class JobSeekingInput:
    """What the calculation needs. Give the insured period one way: ``insured_years``, ``insured_days`` (calendar
    days) or ``insured_from`` (the period then runs to the separation date).

    ``average_daily_wage`` is the base daily wage (기초일액: the average daily wage of the last 3 months).
    ``insured_unit_days`` are the paid days (피보험단위기간) in the 18 months before separation; without it the
    engine estimates them from the insured period and says so. ``claim_date`` (the unemployment report, 실업신고일)
    is optional and dates the waiting period and the payment run.
    """

    separation_date: dt.date
    age: int
    average_daily_wage: Decimal
    insured_years: Decimal | None = None
    insured_days: int | None = None
    insured_from: dt.date | None = None
    insured_unit_days: int | None = None
    disabled: bool = False
    daily_hours: Decimal = Decimal(8)
    reason: str = "involuntary"
    justified_reason: str | None = None
    available_for_work: bool = True
    claim_date: dt.date | None = None

    FIELDS = (
        "separation_date", "age", "average_daily_wage", "insured_years", "insured_days", "insured_from",
        "insured_unit_days", "disabled", "daily_hours", "reason", "justified_reason", "available_for_work",
        "claim_date",
    )

    @classmethod
    def from_mapping(cls, params: dict[str, Any]) -> JobSeekingInput:
        """Build from loosely typed values (JSON, form or CLI strings); :class:`InvalidInput` names every bad
        field at once. Unknown keys are errors too, so a misspelt field is not silently ignored."""
        errors = ErrorCollector()
        reject_unknown(params, set(cls.FIELDS), errors)
        g = params.get
        values = dict(
            separation_date=to_date(g("separation_date"), "separation_date", errors, required=True),
            age=to_int(g("age"), "age", errors, required=True),
            average_daily_wage=to_decimal(g("average_daily_wage"), "average_daily_wage", errors, required=True),
            insured_years=to_decimal(g("insured_years"), "insured_years", errors),
            insured_days=to_int(g("insured_days"), "insured_days", errors),
            insured_from=to_date(g("insured_from"), "insured_from", errors),
            insured_unit_days=to_int(g("insured_unit_days"), "insured_unit_days", errors),
            disabled=to_bool(g("disabled"), "disabled", errors, default=False),
            daily_hours=_default(to_decimal(g("daily_hours"), "daily_hours", errors), Decimal(8)),
            reason=to_choice(g("reason"), "reason", errors, choices=SEPARATION_REASONS, default="involuntary"),
            justified_reason=to_choice(g("justified_reason"), "justified_reason", errors,
                                       choices=JUSTIFIED_REASONS, default=None),
            available_for_work=to_bool(g("available_for_work"), "available_for_work", errors, default=True),
            claim_date=to_date(g("claim_date"), "claim_date", errors),
        )
        _check(SimpleNamespace(**values), errors)
        errors.raise_if_any()
        return cls(**values)  # type: ignore[arg-type]

    def validate(self) -> None:
        """Range and consistency checks; :class:`InvalidInput` naming each bad field."""
        errors = ErrorCollector()
        if not isinstance(self.separation_date, dt.date):
            errors.add("separation_date", "이직일은 날짜여야 합니다.")
        else:
            _check(self, errors)
        errors.raise_if_any()


def _check(v: Any, errors: ErrorCollector) -> None:
    """The checks of :meth:`JobSeekingInput.validate` on an object whose fields may be ``None`` where they could
    not be converted, so one answer names every bad field."""
    sep = v.separation_date
    age_ok = isinstance(v.age, int) and not isinstance(v.age, bool) and 15 <= v.age <= 100
    if v.age is not None and not age_ok:
        errors.add("age", f"이직일 현재 나이는 15~100세여야 합니다 (입력값 {v.age}).")
    if v.average_daily_wage is not None:
        wage = Decimal(v.average_daily_wage)
        if wage <= 0:
            errors.add("average_daily_wage", f"기초일액은 0원보다 커야 합니다 (입력값 {wage}).")
        elif wage > 10_000_000:
            errors.add("average_daily_wage",
                       "기초일액은 하루 평균임금입니다. 월급·연봉이 아니라 1일 금액을 입력하세요 (10,000,000원 이하).")
    if v.daily_hours is not None and not 0 < Decimal(v.daily_hours) <= 24:
        errors.add("daily_hours", f"1일 소정근로시간은 0시간 초과 24시간 이하여야 합니다 (입력값 {v.daily_hours}).")
    given = [name for name in ("insured_years", "insured_days", "insured_from") if getattr(v, name) is not None]
    if not given:
        if not any(name in errors.errors for name in ("insured_years", "insured_days", "insured_from")):
            errors.add("insured_years", "피보험기간을 입력하세요 (insured_years, insured_days, insured_from 중 하나).")
    elif len(given) > 1:
        errors.add(given[1], f"피보험기간은 한 가지 방법으로만 입력하세요 ({', '.join(given)} 중 하나).")
    if v.insured_years is not None and not 0 <= Decimal(v.insured_years) <= 60:
        errors.add("insured_years", f"피보험기간(년)은 0~60이어야 합니다 (입력값 {v.insured_years}).")
    if v.insured_days is not None and not 0 <= v.insured_days <= 60 * 366:
        errors.add("insured_days", f"피보험기간(일)은 0~{60 * 366}이어야 합니다 (입력값 {v.insured_days}).")
    if v.insured_from is not None:
        if sep is not None and sep < v.insured_from:
            errors.add("separation_date",
                       f"이직일({sep.isoformat()})이 피보험기간 시작일({v.insured_from.isoformat()})보다 "
                       "앞설 수 없습니다.")
        elif v.insured_from < EMPLOYMENT_INSURANCE_START:
            errors.add("insured_from", "고용보험은 1995-07-01에 시작되었습니다. 그 이후 날짜를 입력하세요.")
    if age_ok and len(given) == 1 and not errors and sep is not None:
        years = _insured_years_value(v)
        if years is not None and years > v.age - 13:
            errors.add(given[0], f"피보험기간({years:.1f}년)이 나이({v.age}세)에 비해 너무 깁니다.")
    if v.insured_unit_days is not None and sep is not None:
        window_days = inclusive_days(*_base_period(sep, UNIT_PERIOD.versions[-1].value.base_period_months))
        if not 0 <= v.insured_unit_days <= window_days:
            errors.add("insured_unit_days",
                       f"피보험단위기간은 0~{window_days}일(이직 전 18개월의 일수)이어야 합니다 "
                       f"(입력값 {v.insured_unit_days}).")
    if v.reason is not None and v.reason not in SEPARATION_REASONS:
        errors.add("reason", f"알 수 없는 이직 사유입니다: {v.reason!r}")
    if v.reason == "justified_resignation" and not v.justified_reason:
        errors.add("justified_reason", "정당한 이직 사유(시행규칙 별표 2)를 선택하세요.")
    if v.justified_reason is not None and v.justified_reason not in JUSTIFIED_REASONS:
        errors.add("justified_reason", f"알 수 없는 정당한 이직 사유입니다: {v.justified_reason!r}")
    if v.claim_date is not None and sep is not None and v.claim_date <= sep:
        errors.add("claim_date", "실업 신고일은 이직일 다음 날 이후여야 합니다.")


def _default(value: Any, default: Any) -> Any:
    return default if value is None else value


def _insured_years_value(inp: JobSeekingInput) -> Decimal | None:
    """The insured period in years as Annex 1 compares it (completed years when dates are given)."""
    if inp.insured_years is not None:
        return Decimal(inp.insured_years)
    if inp.insured_days is not None:
        return Decimal(inp.insured_days) / Decimal(365)
    if inp.insured_from is not None and inp.insured_from <= inp.separation_date:
        years = full_years(inp.insured_from, inp.separation_date)
        rest = inclusive_days(period_end(inp.insured_from, 12 * years) + dt.timedelta(days=1), inp.separation_date)
        return Decimal(years) + Decimal(rest) / Decimal(366)
    return None


def _base_period(separation_date: dt.date, months: int) -> tuple[dt.date, dt.date]:
    """The base period: the ``months`` months up to and including the separation date."""
    return add_months(separation_date, -months) + dt.timedelta(days=1), separation_date


def _floor_won(amount: Decimal) -> int:
    """Whole won, fractions dropped (원 미만 버림)."""
    return int(amount.to_integral_value(rounding=ROUND_FLOOR))


def _hours_text(hours: Decimal) -> str:
    return f"{format(hours.normalize(), 'f')}시간"


# ------------------------------------------------------------------------------------------------ result


@dataclass(frozen=True)
class ClaimTimeline:
    """Dates that follow from the unemployment report, if the person stays unemployed throughout."""

    claim_date: dt.date
    waiting_from: dt.date
    waiting_to: dt.date
    first_paid_day: dt.date
    last_paid_day: dt.date
    payable_days_within_window: int
    days_lost_to_window: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "claim_date": self.claim_date.isoformat(),
            "waiting_from": self.waiting_from.isoformat(),
            "waiting_to": self.waiting_to.isoformat(),
            "first_paid_day": self.first_paid_day.isoformat(),
            "last_paid_day": self.last_paid_day.isoformat(),
            "payable_days_within_window": self.payable_days_within_window,
            "days_lost_to_window": self.days_lost_to_window,
        }


@dataclass
class JobSeekingResult:
    """The answer: eligibility with each condition, the daily amount and how limits applied, days, total, the
    waiting period and receipt window, the steps and citations, and the rule versions used."""

    eligible: bool
    conditions: list[Condition]
    separation_date: dt.date
    base_daily_wage: Decimal
    benefit_rate: Decimal
    computed_daily_amount: int
    upper_limit: int
    lower_limit: int
    limit_applied: str | None
    daily_amount: int
    insured_years: Decimal
    insured_band: str
    age_group: str
    days: int
    total: int
    waiting_days: int
    receipt_start: dt.date
    receipt_deadline: dt.date
    timeline: ClaimTimeline | None
    explanation: Explanation
    versions: list[RuleVersion[Any]]
    warnings: list[str] = field(default_factory=list)

    @property
    def unconfirmed(self) -> list[RuleVersion[Any]]:
        return [v for v in self.versions if v.verify]

    def to_dict(self) -> dict[str, Any]:
        """One JSON-ready object: the figures first, then the reasoning."""
        return {
            "rule": "job_seeking_benefit",
            "eligible": self.eligible,
            "conditions": [c.to_dict() for c in self.conditions],
            "separation_date": self.separation_date.isoformat(),
            "base_daily_wage": _plain_number(self.base_daily_wage),
            "benefit_rate_percent": _plain_number(self.benefit_rate * 100),
            "computed_daily_amount": self.computed_daily_amount,
            "upper_limit": self.upper_limit,
            "lower_limit": self.lower_limit,
            "limit_applied": self.limit_applied,
            "daily_amount": self.daily_amount,
            "insured_years": _plain_number(self.insured_years.quantize(Decimal("0.01"))),
            "insured_band": self.insured_band,
            "age_group": self.age_group,
            "days": self.days,
            "total": self.total,
            "waiting_days": self.waiting_days,
            "receipt_start": self.receipt_start.isoformat(),
            "receipt_deadline": self.receipt_deadline.isoformat(),
            "timeline": self.timeline.to_dict() if self.timeline else None,
            "steps": [s.to_dict() for s in self.explanation.steps],
            "basis": [c.to_dict() for c in self.explanation.citations()],
            "rule_versions": [v.version_id for v in self.versions],
            "unconfirmed": [v.to_dict() for v in self.unconfirmed],
            "warnings": list(self.warnings),
        }


def _plain_number(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


# ------------------------------------------------------------------------------------------- calculation


class _Trace:
    """The rule versions a calculation used, first use first."""

    def __init__(self) -> None:
        self.used: dict[str, RuleVersion[Any]] = {}

    def use(self, version: RuleVersion[Any]) -> RuleVersion[Any]:
        self.used.setdefault(version.version_id, version)
        return version


def daily_limits(separation_date: dt.date, daily_hours: Decimal | int = 8) -> dict[str, Any]:
    """The upper and lower limit of the daily amount for a separation date and prescribed daily hours, with the
    versions behind them. Used by the calculation, the tests and the docs' table."""
    trace = _Trace()
    ex = Explanation()
    upper, lower = _limits(separation_date, Decimal(daily_hours), trace, ex)
    return {"upper_limit": upper, "lower_limit": lower, "versions": list(trace.used.values()), "steps": ex.steps}


def _limits(sep: dt.date, hours: Decimal, trace: _Trace, ex: Explanation) -> tuple[int, int]:
    cap = trace.use(UPPER_LIMIT.at(sep, field="separation_date"))
    wage = trace.use(hourly_minimum_wage(sep, field="separation_date"))
    rate = trace.use(LOWER_LIMIT_RATE.at(sep, field="separation_date"))
    counted_hours = min(hours, MAX_PRESCRIBED_HOURS)
    lower = _floor_won(Decimal(wage.value) * counted_hours * rate.value)
    hours_note = "" if hours <= MAX_PRESCRIBED_HOURS else f" (소정근로시간 {_hours_text(hours)} 중 최대 8시간만 반영)"
    ex.add(
        "lower_limit.formula",
        f"하한액: {sep.year}년 최저임금 {won(wage.value)} × {_hours_text(counted_hours)} × {percent(rate.value)} "
        f"= {won(lower)}{hours_note}",
        lower,
        (rate.basis, wage.basis),
        (wage.version_id, rate.version_id),
    )
    transitional = TRANSITIONAL_FLOOR.find(sep)
    if transitional is not None:
        trace.use(transitional)
        floor_value = transitional.value
        versions = [transitional.version_id]
        if counted_hours < MAX_PRESCRIBED_HOURS:
            part_time = trace.use(TRANSITIONAL_FLOOR_PART_TIME.at(sep, field="separation_date"))
            versions.append(part_time.version_id)
            floor_value = _floor_won(Decimal(transitional.value) * counted_hours / MAX_PRESCRIBED_HOURS)
        if floor_value > lower:
            ex.add(
                "lower_limit.transitional",
                f"경과 규정: 2022년까지 하한액은 {won(floor_value)}"
                + (f" (60,120원 × {_hours_text(counted_hours)}/8시간)" if counted_hours < MAX_PRESCRIBED_HOURS else "")
                + f" 아래로 내려가지 않으므로 하한액 {won(floor_value)}",
                floor_value,
                (transitional.basis,),
                versions,
            )
            lower = floor_value
    ex.add(
        "upper_limit",
        f"{sep.isoformat()} 이직자의 구직급여일액 상한액: {won(cap.value)}",
        cap.value,
        (cap.basis,),
        (cap.version_id,),
    )
    return cap.value, lower


def benefit_days(
    separation_date: dt.date, insured_years: Decimal | int | float, age: int, disabled: bool = False
) -> int:
    """Annex 1 days for a separation date, insured period in years, age at separation and disability."""
    table = BENEFIT_DAYS.at(separation_date, field="separation_date").value
    return table.days(Decimal(str(insured_years)), age, disabled)


def receipt_deadline(separation_date: dt.date) -> dt.date:
    """Last day of the receipt window: 12 months from the day after separation (Art. 48)."""
    months = RECEIPT_MONTHS.at(separation_date, field="separation_date").value
    return period_end(separation_date + dt.timedelta(days=1), months)


def calculate_job_seeking_benefit(inp: JobSeekingInput) -> JobSeekingResult:
    """Calculate the job-seeking benefit for one separation, explaining every step.

    Raises :class:`~jobcenter.rules.errors.InvalidInput` naming the field for bad input, including a separation
    date for which no rule version is recorded (before 2018, or a year whose values are not yet published).
    """
    inp.validate()
    sep = inp.separation_date
    trace = _Trace()
    ex = Explanation()
    warnings: list[str] = []

    # Every version must exist for this date before anything is explained.
    rate = trace.use(BENEFIT_RATE.at(sep, field="separation_date"))
    table_version = trace.use(BENEFIT_DAYS.at(sep, field="separation_date"))
    waiting = trace.use(WAITING_DAYS.at(sep, field="separation_date"))
    receipt_months = trace.use(RECEIPT_MONTHS.at(sep, field="separation_date"))
    unit_rule = trace.use(UNIT_PERIOD.at(sep, field="separation_date"))
    UPPER_LIMIT.at(sep, field="separation_date")
    hourly_minimum_wage(sep, field="separation_date")

    insured_years = _insured_years_value(inp)
    assert insured_years is not None  # validate() guarantees one form of the insured period

    # --- eligibility
    conditions = _conditions(inp, insured_years, unit_rule, ex)
    eligible = all(c.met for c in conditions)

    # --- daily amount
    base = Decimal(inp.average_daily_wage)
    computed = _floor_won(base * rate.value)
    ex.add(
        "daily_amount.rate",
        f"기초일액 {_won_decimal(base)} × {percent(rate.value)} = {won(computed)}"
        + (" (원 미만 버림)" if base * rate.value != computed else ""),
        computed,
        (rate.basis, B.EIA_45),
        (rate.version_id,),
    )
    upper, lower = _limits(sep, Decimal(inp.daily_hours), trace, ex)
    amount = computed
    limit_applied: str | None = None
    # The upper limit caps the base daily wage (Art. 45(5), Decree Art. 68) and so the amount computed from it;
    # the lower limit then replaces any amount below it (Art. 46(2)), and that provision has no exception. So when
    # the lower limit exceeds the upper limit (minimum-wage rises outpacing the cap, as 2026 would have without
    # the new 68,100 KRW cap), the lower limit is paid: capping first and flooring last gives exactly that, and
    # nobody is paid less than the statutory minimum because of a cap meant for high earners.
    if amount > upper:
        amount = upper
        limit_applied = "upper"
        ex.add("daily_amount.upper_limit", f"상한액 {won(upper)} 적용 ({won(computed)} > {won(upper)})", upper,
               (B.EIA_DECREE_68,))
    if amount < lower:
        amount = lower
        limit_applied = "lower"
        if lower > upper:
            ex.add(
                "daily_amount.lower_over_upper",
                f"하한액 {won(lower)}이 상한액 {won(upper)}보다 높아 하한액 적용 (최저구직급여일액 우선)",
                lower,
                (B.EIA_46_2,),
            )
            warnings.append("이 이직일에는 하한액이 상한액보다 높아 모든 수급자에게 하한액이 적용됩니다.")
        else:
            ex.add("daily_amount.lower_limit", f"하한액 {won(lower)} 적용 ({won(computed)} < {won(lower)})", lower,
                   (B.EIA_46_2,))
    if limit_applied is None:
        ex.add("daily_amount.within_limits",
               f"{won(computed)}은 하한액 {won(lower)}과 상한액 {won(upper)} 사이이므로 그대로 적용", computed)
    ex.add("daily_amount", f"구직급여일액: {won(amount)}", amount, (B.EIA_46,))

    # --- benefit days
    table: BenefitDaysTable = table_version.value
    row = table.row_for(inp.age, inp.disabled)
    band = table.band_index(insured_years)
    days = table.rows[row][band]
    who = f"이직일 현재 {inp.age}세" + (", 장애인" if inp.disabled else "")
    ex.add(
        "benefit_days",
        f"소정급여일수: 피보험기간 {_years_text(insured_years, inp)} → '{table.band_labels[band]}', "
        f"{who} → '{table.row_labels[row]}' 구분: {days}일",
        days,
        (table_version.basis,),
        (table_version.version_id,),
    )

    # --- total, waiting period, receipt window
    total = days * amount
    ex.add("total", f"총액: {won(amount)} × {days}일 = {won(total)}", total, (B.EIA_46, B.EIA_50))
    ex.add(
        "waiting_period",
        f"대기기간: 실업 신고일부터 {waiting.value}일은 구직급여를 지급하지 않습니다 (소정급여일수에 포함되지 않음)",
        waiting.value,
        (waiting.basis,),
        (waiting.version_id,),
    )
    start = sep + dt.timedelta(days=1)
    deadline = period_end(start, receipt_months.value)
    ex.add(
        "receipt_window",
        f"수급기간: {start.isoformat()}부터 {deadline.isoformat()}까지 ({receipt_months.value}개월). "
        "이 기간이 지나면 남은 일수는 받을 수 없으므로 이직 후 바로 신청하세요",
        deadline,
        (receipt_months.basis,),
        (receipt_months.version_id,),
    )

    timeline = None
    if inp.claim_date is not None:
        timeline = _timeline(inp.claim_date, waiting.value, days, deadline)
        ex.add(
            "timeline",
            f"실업 신고일 {timeline.claim_date.isoformat()} 기준: 대기기간 {timeline.waiting_from.isoformat()}"
            f"~{timeline.waiting_to.isoformat()}, 지급 {timeline.first_paid_day.isoformat()}"
            f"~{timeline.last_paid_day.isoformat()} (계속 실업 상태일 때)",
            timeline.to_dict(),
            (waiting.basis, receipt_months.basis),
        )
        if timeline.days_lost_to_window:
            warnings.append(
                f"수급기간이 {deadline.isoformat()}에 끝나 {timeline.days_lost_to_window}일분은 받을 수 없습니다 "
                f"(받을 수 있는 일수 {timeline.payable_days_within_window}일)."
            )

    if not eligible:
        warnings.append("수급 요건을 충족하지 못한 항목이 있습니다. 금액은 요건을 충족할 경우의 계산입니다.")
    if any(c.assumed for c in conditions):
        warnings.append("일부 요건은 입력값이 없어 추정했습니다. 고용센터에서 실제 기록으로 확인하세요.")
    versions = list(trace.used.values())
    unconfirmed = [v for v in versions if v.verify]
    if unconfirmed:
        warnings.append(
            "확인이 필요한 규정 값을 사용했습니다: " + ", ".join(v.version_id for v in unconfirmed)
        )

    return JobSeekingResult(
        eligible=eligible,
        conditions=conditions,
        separation_date=sep,
        base_daily_wage=base,
        benefit_rate=rate.value,
        computed_daily_amount=computed,
        upper_limit=upper,
        lower_limit=lower,
        limit_applied=limit_applied,
        daily_amount=amount,
        insured_years=insured_years,
        insured_band=table.band_labels[band],
        age_group=table.row_labels[row],
        days=days,
        total=total,
        waiting_days=waiting.value,
        receipt_start=start,
        receipt_deadline=deadline,
        timeline=timeline,
        explanation=ex,
        versions=versions,
        warnings=warnings,
    )


def _won_decimal(amount: Decimal) -> str:
    if amount == amount.to_integral_value():
        return won(int(amount))
    return f"{amount.quantize(Decimal('0.01')):,}원"


def _years_text(years: Decimal, inp: JobSeekingInput) -> str:
    if inp.insured_days is not None:
        return f"{inp.insured_days:,}일"
    if inp.insured_from is not None:
        return f"{inp.insured_from.isoformat()}~{inp.separation_date.isoformat()}"
    return f"{format(Decimal(inp.insured_years).normalize(), 'f')}년"


def _conditions(
    inp: JobSeekingInput, insured_years: Decimal, unit_rule: RuleVersion[UnitPeriodRequirement], ex: Explanation
) -> list[Condition]:
    requirement = unit_rule.value
    first, last = _base_period(inp.separation_date, requirement.base_period_months)
    window_days = inclusive_days(first, last)
    conditions: list[Condition] = []

    if inp.insured_unit_days is not None:
        unit_days = inp.insured_unit_days
        met = unit_days >= requirement.minimum_days
        conditions.append(Condition(
            "insured_unit_period",
            "피보험단위기간 180일 이상",
            met,
            f"기준기간 {first.isoformat()}~{last.isoformat()} 중 피보험단위기간 {unit_days}일 "
            f"{'≥' if met else '<'} {requirement.minimum_days}일",
            (unit_rule.basis,),
        ))
    else:
        if inp.insured_from is not None:
            estimate = inclusive_days(max(inp.insured_from, first), last)
        elif inp.insured_days is not None:
            estimate = min(inp.insured_days, window_days)
        else:
            estimate = min(int(insured_years * 365), window_days)
        met = estimate >= requirement.minimum_days
        conditions.append(Condition(
            "insured_unit_period",
            "피보험단위기간 180일 이상",
            met,
            f"피보험단위기간을 입력하지 않아 추정: 피보험기간이 이직일까지 이어졌고 모든 날이 보수 지급의 기초가 "
            f"된 날이라고 보면 기준기간 {first.isoformat()}~{last.isoformat()} 중 약 {estimate}일 "
            f"{'≥' if met else '<'} {requirement.minimum_days}일 (무급 휴일·휴직이 있으면 실제 일수는 더 적음)",
            (unit_rule.basis,),
            assumed=True,
        ))

    reason = inp.reason
    if reason == "involuntary":
        conditions.append(Condition("separation_reason", "이직 사유", True,
                                    f"{SEPARATION_REASONS[reason]}: 수급자격 제한 사유가 아님",
                                    (B.EIA_40_1_3, B.EIA_58)))
    elif reason == "justified_resignation":
        label = JUSTIFIED_REASONS.get(inp.justified_reason or "", "")
        conditions.append(Condition("separation_reason", "이직 사유", True,
                                    f"자발적 이직이지만 정당한 사유가 있음: {label}",
                                    (B.EIA_40_1_3, B.EIA_58, B.EIA_RULE_ANNEX2)))
    elif reason == "voluntary":
        conditions.append(Condition("separation_reason", "이직 사유", False,
                                    "정당한 사유 없는 자발적 이직은 수급자격이 제한됩니다. 시행규칙 별표 2의 "
                                    "정당한 사유(임금 체불, 통근 곤란, 질병 등)에 해당하는지 확인하세요",
                                    (B.EIA_40_1_3, B.EIA_58, B.EIA_RULE_ANNEX2)))
    else:
        conditions.append(Condition("separation_reason", "이직 사유", False,
                                    "중대한 귀책사유로 해고된 경우 수급자격이 제한됩니다",
                                    (B.EIA_40_1_3, B.EIA_58)))

    conditions.append(Condition(
        "available_for_work",
        "근로의 의사와 능력, 적극적 재취업 노력",
        bool(inp.available_for_work),
        "근로의 의사와 능력이 있고 재취업 활동을 함" if inp.available_for_work
        else "근로의 의사나 능력이 없거나 재취업 활동을 하지 않으면 구직급여를 받을 수 없습니다",
        (B.EIA_40_1_2, B.EIA_40_1_4),
    ))
    for c in conditions:
        ex.add(f"eligibility.{c.code}", f"{c.label}: {'충족' if c.met else '미충족'} — {c.explanation}", c.met,
               c.basis)
    return conditions


def _timeline(claim_date: dt.date, waiting_days: int, days: int, deadline: dt.date) -> ClaimTimeline:
    waiting_to = claim_date + dt.timedelta(days=waiting_days - 1)
    first_paid = waiting_to + dt.timedelta(days=1)
    last_paid = first_paid + dt.timedelta(days=days - 1)
    payable = min(days, inclusive_days(first_paid, deadline))
    return ClaimTimeline(
        claim_date=claim_date,
        waiting_from=claim_date,
        waiting_to=waiting_to,
        first_paid_day=first_paid,
        last_paid_day=last_paid,
        payable_days_within_window=payable,
        days_lost_to_window=days - payable,
    )
