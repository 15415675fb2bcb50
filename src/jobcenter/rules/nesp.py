"""국민취업지원제도 (National Employment Support Program) and its predecessor allowance of 2019.

Chosen by the **application date**:

- 2019-01-01 … 2020-12-31 — the Employment Success Package allowance the 2018 plan describes (취업성공패키지
  구직촉진수당): 300,000 KRW a month for 3 months to participants whose household income is 30–60% of the standard
  median income. Other conditions of that package are not modelled.
- from 2021-01-01 — the National Employment Support Program (구직자취업촉진법):

  * Type I, requirement-checked (요건심사형): age 15–69, household income ≤ 60% of the median, household assets
    ≤ 400 million KRW (youth 18–34: ≤ 500 million, verify), work experience of ≥ 100 days or ≥ 800 hours in
    the last 2 years → entitled to the job-seeking promotion allowance (구직촉진수당) of 500,000 KRW a month for
    up to 6 months, paid month by month against the activity report;
  * Type I, selected (선발형): the same without the work-experience requirement, or youth with household income
    ≤ 120% (verify), selected within the budget;
  * Type II: employment services with participation allowances for those above the Type I limits, household
    income ≤ 100% of the median, no income limit for youth (verify);
  * from 2024-01-01 (verify): 100,000 KRW a month per dependant, at most 400,000 KRW.

A person who is receiving the job-seeking benefit cannot receive the promotion allowance at the same time
(verify); Type II remains open.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from types import SimpleNamespace
from typing import Any

from jobcenter.rules import basis as B
from jobcenter.rules.dates import add_months, period_end
from jobcenter.rules.errors import ErrorCollector, InvalidInput
from jobcenter.rules.explain import Citation, Condition, Explanation, won
from jobcenter.rules.inputs import is_blank, reject_unknown, to_bool, to_date, to_decimal, to_int
from jobcenter.rules.median_income import standard_median_income
from jobcenter.rules.versions import RuleVersion, VersionedRule

NESP_START = dt.date(2021, 1, 1)
ESP_2019_START = dt.date(2019, 1, 1)


@dataclass(frozen=True)
class Allowance:
    monthly: int
    months: int


@dataclass(frozen=True)
class IncomeBand:
    """Household income as a percentage of the standard median income: ``low`` ≤ ratio ≤ ``high``."""

    low: Decimal
    high: Decimal | None  # None: no upper limit


@dataclass(frozen=True)
class WorkExperience:
    days: int
    hours: int
    within_years: int


@dataclass(frozen=True)
class DependantAddition:
    per_dependant: int
    monthly_cap: int


def _rule(key: str, label: str, *versions: RuleVersion[Any]) -> VersionedRule[Any]:
    return VersionedRule(key=key, label=label, versions=list(versions))


ESP_2019_ALLOWANCE = _rule(
    "esp_2019.allowance", "취업성공패키지 구직촉진수당 (2019)",
    RuleVersion("esp_2019.allowance.300k_x3", Allowance(300_000, 3), ESP_2019_START, dt.date(2020, 12, 31),
                B.ESP_2019, note="ends when the National Employment Support Program begins (2021-01-01)"),
)
ESP_2019_INCOME = _rule(
    "esp_2019.income_band", "취업성공패키지 구직촉진수당 소득 요건 (2019)",
    RuleVersion("esp_2019.income_band.30_60", IncomeBand(Decimal(30), Decimal(60)), ESP_2019_START,
                dt.date(2020, 12, 31), B.ESP_2019),
)
NESP_AGE = _rule(
    "nesp.age", "국민취업지원제도 참여 연령",
    RuleVersion("nesp.age.15_69", (15, 69), NESP_START, None, B.NESP_TYPE1),
)
NESP_YOUTH_AGE = _rule(
    "nesp.youth_age", "청년 연령 (국민취업지원제도)",
    RuleVersion("nesp.youth_age.18_34", (18, 34), NESP_START, None, B.NESP_TYPE1),
)
NESP_TYPE1_INCOME = _rule(
    "nesp.type1.income_band", "Ⅰ유형 가구소득 요건",
    RuleVersion("nesp.type1.income_band.60", IncomeBand(Decimal(0), Decimal(60)), NESP_START, None, B.NESP_TYPE1),
)
NESP_TYPE1_ASSETS = _rule(
    "nesp.type1.asset_limit", "Ⅰ유형 가구 재산 요건",
    RuleVersion("nesp.type1.asset_limit.400m", 400_000_000, NESP_START, None, B.NESP_TYPE1),
)
NESP_TYPE1_YOUTH_ASSETS = _rule(
    "nesp.type1.youth_asset_limit", "Ⅰ유형 청년 가구 재산 요건",
    RuleVersion("nesp.type1.youth_asset_limit.500m", 500_000_000, NESP_START, None, B.NESP_TYPE1, verify=True),
)
NESP_TYPE1_WORK = _rule(
    "nesp.type1.work_experience", "Ⅰ유형(요건심사형) 취업경험 요건",
    RuleVersion("nesp.type1.work_experience.100d_800h_2y", WorkExperience(100, 800, 2), NESP_START, None,
                B.NESP_TYPE1),
)
NESP_TYPE1_SELECTED_YOUTH_INCOME = _rule(
    "nesp.type1_selected.youth_income_band", "Ⅰ유형(선발형) 청년 가구소득 요건",
    RuleVersion("nesp.type1_selected.youth_income_band.120", IncomeBand(Decimal(0), Decimal(120)), NESP_START,
                None, B.NESP_TYPE1, verify=True),
)
NESP_TYPE1_ALLOWANCE = _rule(
    "nesp.type1.allowance", "구직촉진수당 (Ⅰ유형)",
    RuleVersion("nesp.type1.allowance.500k_x6", Allowance(500_000, 6), NESP_START, None, B.NESP_TYPE1),
)
NESP_DEPENDANT_ADDITION = _rule(
    "nesp.type1.dependant_addition", "구직촉진수당 부양가족 가산",
    RuleVersion("nesp.type1.dependant_addition.100k_cap_400k", DependantAddition(100_000, 400_000),
                dt.date(2024, 1, 1), None, B.NESP_TYPE1, verify=True),
)
NESP_TYPE2_INCOME = _rule(
    "nesp.type2.income_band", "Ⅱ유형 가구소득 요건 (청년은 소득 무관)",
    RuleVersion("nesp.type2.income_band.100", IncomeBand(Decimal(0), Decimal(100)), NESP_START, None,
                B.NESP_SERVICES, verify=True),
)
NESP_BENEFIT_EXCLUSION = _rule(
    "nesp.type1.job_seeking_benefit_exclusion", "구직급여 수급 중에는 구직촉진수당 제외",
    RuleVersion("nesp.type1.job_seeking_benefit_exclusion", True, NESP_START, None, B.NESP_TYPE1, verify=True,
                note="not in the shared facts file; the program's published guidance"),
)
NESP_SUCCESS_ALLOWANCE = _rule(
    "nesp.type1.success_allowance", "취업성공수당 (Ⅰ유형, 최대)",
    RuleVersion("nesp.type1.success_allowance.1_5m", 1_500_000, NESP_START, None, B.NESP_TYPE1, verify=True),
)

TRACK_LABELS = {
    "esp_2019": "취업성공패키지 구직촉진수당 (2019)",
    "type1_requirement": "국민취업지원제도 Ⅰ유형 (요건심사형)",
    "type1_selected": "국민취업지원제도 Ⅰ유형 (선발형)",
    "type2": "국민취업지원제도 Ⅱ유형",
}
STATUS_LABELS = {"eligible": "대상", "selectable": "선발 가능 (예산 범위)", "not_eligible": "대상 아님"}

# ------------------------------------------------------------------------------------------------- input


@dataclass(frozen=True)
class NespInput:
    """What the assessment needs. Household income either as ``household_income_ratio`` (percent of the
    standard median income) or as ``household_monthly_income`` with ``household_size``. ``plan_date`` (the
    individual employment activity plan, 취업활동계획) and ``activity_reports`` (one True/False per month, the
    monthly report accepted or not) produce the payment schedule."""

    application_date: dt.date
    age: int
    household_size: int | None = None
    household_monthly_income: Decimal | None = None
    household_income_ratio: Decimal | None = None
    household_assets: Decimal | None = None
    work_days_2y: int | None = None
    work_hours_2y: int | None = None
    dependants: int = 0
    receiving_job_seeking_benefit: bool = False
    plan_date: dt.date | None = None
    activity_reports: tuple[bool, ...] | None = None

    FIELDS = (
        "application_date", "age", "household_size", "household_monthly_income", "household_income_ratio",
        "household_assets", "work_days_2y", "work_hours_2y", "dependants", "receiving_job_seeking_benefit",
        "plan_date", "activity_reports",
    )

    @classmethod
    def from_mapping(cls, params: dict[str, Any]) -> NespInput:
        errors = ErrorCollector()
        reject_unknown(params, set(cls.FIELDS), errors)
        g = params.get
        values = dict(
            application_date=to_date(g("application_date"), "application_date", errors, required=True),
            age=to_int(g("age"), "age", errors, required=True),
            household_size=to_int(g("household_size"), "household_size", errors),
            household_monthly_income=to_decimal(g("household_monthly_income"), "household_monthly_income", errors),
            household_income_ratio=to_decimal(g("household_income_ratio"), "household_income_ratio", errors),
            household_assets=to_decimal(g("household_assets"), "household_assets", errors),
            work_days_2y=to_int(g("work_days_2y"), "work_days_2y", errors),
            work_hours_2y=to_int(g("work_hours_2y"), "work_hours_2y", errors),
            dependants=to_int(g("dependants"), "dependants", errors),
            receiving_job_seeking_benefit=to_bool(g("receiving_job_seeking_benefit"),
                                                  "receiving_job_seeking_benefit", errors, default=False),
            plan_date=to_date(g("plan_date"), "plan_date", errors),
            activity_reports=_reports(g("activity_reports"), errors),
        )
        _check(SimpleNamespace(**values), errors)
        errors.raise_if_any()
        if values["dependants"] is None:
            values["dependants"] = 0
        return cls(**values)  # type: ignore[arg-type]

    def validate(self) -> None:
        """Range and consistency checks; :class:`InvalidInput` naming each bad field."""
        errors = ErrorCollector()
        _check(self, errors)
        errors.raise_if_any()


def _check(v: Any, errors: ErrorCollector) -> None:
    """The checks of :meth:`NespInput.validate` on an object whose fields may be ``None`` where they could not
    be converted, so one answer names every bad field."""
    if v.age is not None and (isinstance(v.age, bool) or not isinstance(v.age, int) or not 0 <= v.age <= 120):
        errors.add("age", f"나이는 0~120세여야 합니다 (입력값 {v.age}).")
    if v.household_size is not None and not 1 <= v.household_size <= 20:
        errors.add("household_size", f"가구원 수는 1~20명이어야 합니다 (입력값 {v.household_size}).")
    if v.household_monthly_income is not None and Decimal(v.household_monthly_income) < 0:
        errors.add("household_monthly_income", "가구 월소득은 0원 이상이어야 합니다.")
    if v.household_income_ratio is not None and not 0 <= Decimal(v.household_income_ratio) <= 1000:
        errors.add("household_income_ratio", "가구소득 비율(기준 중위소득 대비 %)은 0~1000이어야 합니다.")
    if v.household_assets is not None and Decimal(v.household_assets) < 0:
        errors.add("household_assets", "가구 재산은 0원 이상이어야 합니다.")
    if v.work_days_2y is not None and not 0 <= v.work_days_2y <= 731:
        errors.add("work_days_2y", "최근 2년 취업 일수는 0~731일이어야 합니다.")
    if v.work_hours_2y is not None and not 0 <= v.work_hours_2y <= 731 * 24:
        errors.add("work_hours_2y", "최근 2년 취업 시간은 0 이상, 2년의 시간 수 이하여야 합니다.")
    if v.dependants is not None and not 0 <= v.dependants <= 20:
        errors.add("dependants", f"부양가족 수는 0~20명이어야 합니다 (입력값 {v.dependants}).")
    if v.household_income_ratio is not None and v.household_monthly_income is not None:
        errors.add("household_income_ratio",
                   "가구소득은 비율(household_income_ratio)과 금액(household_monthly_income) 중 하나만 입력하세요.")
    elif v.household_income_ratio is None and not {"household_income_ratio", "household_monthly_income"} & set(
        errors.errors
    ):
        if v.household_monthly_income is None:
            errors.add("household_monthly_income",
                       "가구 월소득(과 가구원 수) 또는 기준 중위소득 대비 비율(household_income_ratio)을 입력하세요.")
        elif v.household_size is None:
            errors.add("household_size", "가구 월소득으로 계산하려면 가구원 수를 입력하세요.")
    if v.plan_date is not None and v.application_date is not None and v.plan_date < v.application_date:
        errors.add("plan_date", "취업활동계획 수립일은 신청일보다 앞설 수 없습니다.")


def _reports(value: Any, errors: ErrorCollector) -> tuple[bool, ...] | None:
    """``[true, false]``, ``"1,0,1"`` or ``"yes no"``: one entry per month."""
    if is_blank(value):
        return None
    items: list[Any]
    if isinstance(value, str):
        items = [part for part in value.replace(",", " ").split() if part]
    elif isinstance(value, (list, tuple)):
        items = list(value)
    else:
        errors.add("activity_reports", "월별 활동 보고 결과를 목록(예: [true, false])으로 입력하세요.")
        return None
    reports = []
    for item in items:
        reports.append(to_bool(item, "activity_reports", errors, default=False))
    return tuple(reports)


# ------------------------------------------------------------------------------------------------ result


@dataclass(frozen=True)
class Track:
    code: str
    status: str  # eligible | selectable | not_eligible
    conditions: tuple[Condition, ...]

    @property
    def label(self) -> str:
        return TRACK_LABELS[self.code]

    @property
    def open(self) -> bool:
        return self.status in ("eligible", "selectable")

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "label": self.label,
            "status": self.status,
            "status_label": STATUS_LABELS[self.status],
            "conditions": [c.to_dict() for c in self.conditions],
        }


@dataclass(frozen=True)
class PaymentMonth:
    month: int
    period_from: dt.date
    period_to: dt.date
    report_accepted: bool | None
    amount: int | None  # None until the month's report is in

    def to_dict(self) -> dict[str, Any]:
        return {
            "month": self.month,
            "period_from": self.period_from.isoformat(),
            "period_to": self.period_to.isoformat(),
            "report_accepted": self.report_accepted,
            "amount": self.amount,
            "status": "pending" if self.report_accepted is None else ("paid" if self.report_accepted else "withheld"),
        }


@dataclass
class NespResult:
    eligible: bool
    track: str | None
    tracks: list[Track]
    income_ratio: Decimal
    median_income: int | None
    monthly_allowance: int
    base_monthly_allowance: int
    dependant_addition: int
    months: int
    total: int
    schedule: list[PaymentMonth]
    explanation: Explanation
    versions: list[RuleVersion[Any]]
    warnings: list[str] = field(default_factory=list)

    @property
    def unconfirmed(self) -> list[RuleVersion[Any]]:
        return [v for v in self.versions if v.verify]

    def to_dict(self) -> dict[str, Any]:
        paid = [m.amount for m in self.schedule if m.amount is not None]
        return {
            "rule": "nesp",
            "eligible": self.eligible,
            "track": self.track,
            "track_label": TRACK_LABELS.get(self.track or "", None),
            "tracks": [t.to_dict() for t in self.tracks],
            "income_ratio_percent": float(self.income_ratio.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)),
            "median_income": self.median_income,
            "monthly_allowance": self.monthly_allowance,
            "base_monthly_allowance": self.base_monthly_allowance,
            "dependant_addition": self.dependant_addition,
            "months": self.months,
            "total": self.total,
            "schedule": [m.to_dict() for m in self.schedule],
            "paid_so_far": sum(paid),
            "steps": [s.to_dict() for s in self.explanation.steps],
            "basis": [c.to_dict() for c in self.explanation.citations()],
            "rule_versions": [v.version_id for v in self.versions],
            "unconfirmed": [v.to_dict() for v in self.unconfirmed],
            "warnings": list(self.warnings),
        }


# ------------------------------------------------------------------------------------------- assessment


class _Trace:
    def __init__(self, day: dt.date) -> None:
        self.day = day
        self.used: dict[str, RuleVersion[Any]] = {}

    def at(self, rule: VersionedRule[Any]) -> RuleVersion[Any]:
        version = rule.at(self.day, field="application_date")
        self.used.setdefault(version.version_id, version)
        return version


def _pct(value: Decimal) -> str:
    return f"{value.quantize(Decimal('0.01'), rounding=ROUND_HALF_UP)}%"


def _cond(code: str, label: str, met: bool, explanation: str, basis: Citation, assumed: bool = False) -> Condition:
    return Condition(code, label, met, explanation, (basis,), assumed)


def assess_nesp(inp: NespInput) -> NespResult:
    """Which track of the program (or the 2019 allowance) applies on the application date, the allowance it
    pays and, given a plan date, its month-by-month payment schedule against the activity reports."""
    inp.validate()
    trace = _Trace(inp.application_date)
    ex = Explanation()
    warnings: list[str] = []
    if inp.application_date < NESP_START:
        trace.at(ESP_2019_ALLOWANCE)  # raises, naming application_date, before 2019
    else:
        trace.at(NESP_TYPE1_ALLOWANCE)

    ratio, median = _income_ratio(inp, trace, ex)

    if inp.application_date < NESP_START:
        tracks, allowance_version = _esp_2019(inp, ratio, trace)
        dependant_addition = 0
    else:
        tracks, allowance_version = _nesp(inp, ratio, trace, warnings)
        dependant_addition = 0
    for track in tracks:
        for c in track.conditions:
            ex.add(f"{track.code}.{c.code}", f"[{track.label}] {c.label}: {'충족' if c.met else '미충족'} — {c.explanation}",
                   c.met, c.basis)
        ex.add(f"{track.code}.status", f"{track.label}: {STATUS_LABELS[track.status]}", track.status)

    chosen = next((t for t in tracks if t.open), None)
    base_monthly = months = 0
    if chosen is not None and chosen.code in ("esp_2019", "type1_requirement", "type1_selected"):
        allowance: Allowance = allowance_version.value
        base_monthly, months = allowance.monthly, allowance.months
        if chosen.code != "esp_2019" and inp.dependants:
            addition_rule = NESP_DEPENDANT_ADDITION.find(inp.application_date)
            if addition_rule is not None:
                trace.used.setdefault(addition_rule.version_id, addition_rule)
                rule: DependantAddition = addition_rule.value
                dependant_addition = min(inp.dependants * rule.per_dependant, rule.monthly_cap)
                ex.add("allowance.dependants",
                       f"부양가족 가산: {inp.dependants}명 × {won(rule.per_dependant)} = "
                       f"{won(inp.dependants * rule.per_dependant)}"
                       + (f" → 상한 {won(rule.monthly_cap)}"
                          if inp.dependants * rule.per_dependant > rule.monthly_cap else ""),
                       dependant_addition, (addition_rule.basis,), (addition_rule.version_id,))
            else:
                ex.add("allowance.dependants", f"{inp.application_date.year}년 신청에는 부양가족 가산이 없습니다", 0)
        monthly = base_monthly + dependant_addition
        total = monthly * months
        monthly_text = (
            f"월 {won(base_monthly)} + 부양가족 가산 {won(dependant_addition)} = {won(monthly)}"
            if dependant_addition else f"월 {won(monthly)}"
        )
        ex.add("allowance.total",
               f"구직촉진수당: {monthly_text} × {months}개월 = {won(total)}",
               total, (allowance_version.basis,), (allowance_version.version_id,))
        if chosen.code == "type1_selected":
            warnings.append("선발형은 예산 범위에서 선발되어야 수당을 받습니다. 금액은 선발될 경우입니다.")
        if chosen.code != "esp_2019":
            success = trace.at(NESP_SUCCESS_ALLOWANCE)
            ex.add("allowance.success",
                   f"취업 후 일정 기간 근속하면 취업성공수당 최대 {won(success.value)} (별도, 확인 필요)",
                   success.value, (success.basis,), (success.version_id,))
    else:
        monthly = total = 0
        if chosen is not None and chosen.code == "type2":
            ex.add("allowance.type2",
                   "Ⅱ유형은 구직촉진수당이 아니라 단계별 참여수당을 지급합니다 (금액은 이 계산기에 없음, 확인 필요)",
                   0, (B.NESP_SERVICES,))
        else:
            ex.add("allowance.none", "해당하는 유형이 없어 수당이 없습니다", 0)

    schedule = _schedule(inp, monthly, months, ex, warnings)
    versions = list(trace.used.values())
    unconfirmed = [v for v in versions if v.verify]
    if unconfirmed:
        warnings.append("확인이 필요한 규정 값을 사용했습니다: " + ", ".join(v.version_id for v in unconfirmed))
    return NespResult(
        eligible=chosen is not None,
        track=chosen.code if chosen else None,
        tracks=tracks,
        income_ratio=ratio,
        median_income=median,
        monthly_allowance=monthly,
        base_monthly_allowance=base_monthly,
        dependant_addition=dependant_addition,
        months=months,
        total=total,
        schedule=schedule,
        explanation=ex,
        versions=versions,
        warnings=warnings,
    )


def _income_ratio(inp: NespInput, trace: _Trace, ex: Explanation) -> tuple[Decimal, int | None]:
    if inp.household_income_ratio is not None:
        ratio = Decimal(inp.household_income_ratio)
        ex.add("income.ratio", f"가구소득: 기준 중위소득의 {_pct(ratio)} (입력값)", ratio)
        return ratio, None
    assert inp.household_size is not None and inp.household_monthly_income is not None
    median, version = standard_median_income(inp.application_date, inp.household_size, field="application_date")
    trace.used.setdefault(version.version_id, version)
    income = Decimal(inp.household_monthly_income)
    ratio = income * 100 / Decimal(median)
    ex.add("income.ratio",
           f"{version.value.year}년 {inp.household_size}인 가구 기준 중위소득 {won(median)} 대비 가구 월소득 "
           f"{won(income)} = {_pct(ratio)}",
           ratio, (version.basis,), (version.version_id,))
    return ratio, median


def _within(ratio: Decimal, band: IncomeBand) -> bool:
    return ratio >= band.low and (band.high is None or ratio <= band.high)


def _esp_2019(inp: NespInput, ratio: Decimal, trace: _Trace) -> tuple[list[Track], RuleVersion[Any]]:
    allowance = trace.at(ESP_2019_ALLOWANCE)
    band_version = trace.at(ESP_2019_INCOME)
    band: IncomeBand = band_version.value
    met = _within(ratio, band)
    condition = _cond("income", "가구소득 기준 중위소득 30~60%", met,
                      f"{_pct(ratio)}는 {band.low}~{band.high}% {'범위 안' if met else '범위 밖'}", band_version.basis)
    return [Track("esp_2019", "eligible" if met else "not_eligible", (condition,))], allowance


def _nesp(inp: NespInput, ratio: Decimal, trace: _Trace, warnings: list[str]) -> tuple[list[Track], RuleVersion[Any]]:
    age_v = trace.at(NESP_AGE)
    youth_v = trace.at(NESP_YOUTH_AGE)
    income_v = trace.at(NESP_TYPE1_INCOME)
    work_v = trace.at(NESP_TYPE1_WORK)
    allowance_v = trace.at(NESP_TYPE1_ALLOWANCE)
    low, high = age_v.value
    youth_low, youth_high = youth_v.value
    youth = youth_low <= inp.age <= youth_high

    age = _cond("age", f"연령 {low}~{high}세", low <= inp.age <= high, f"{inp.age}세", age_v.basis)
    income60 = _cond("income", "가구소득 기준 중위소득 60% 이하", _within(ratio, income_v.value),
                     f"{_pct(ratio)}", income_v.basis)

    asset_v = trace.at(NESP_TYPE1_YOUTH_ASSETS if youth else NESP_TYPE1_ASSETS)
    if inp.household_assets is None:
        assets = _cond("assets", f"가구 재산 {won(asset_v.value)} 이하", True,
                       "재산을 입력하지 않아 충족한다고 보았습니다 (확인 필요)", asset_v.basis, assumed=True)
        warnings.append("가구 재산을 입력하지 않았습니다. 재산 요건은 고용센터에서 확인하세요.")
    else:
        value = Decimal(inp.household_assets)
        met = value <= asset_v.value
        assets = _cond("assets", f"가구 재산 {won(asset_v.value)} 이하" + (" (청년)" if youth else ""), met,
                       f"{won(value)}", asset_v.basis)

    experience: WorkExperience = work_v.value
    days, hours = inp.work_days_2y or 0, inp.work_hours_2y or 0
    work_met = days >= experience.days or hours >= experience.hours
    unknown = inp.work_days_2y is None and inp.work_hours_2y is None
    work = _cond("work_experience",
                 f"최근 {experience.within_years}년 내 취업경험 {experience.days}일 또는 {experience.hours}시간 이상",
                 work_met,
                 "입력하지 않음" if unknown else f"{days}일, {hours}시간", work_v.basis)

    exclusion_v = trace.at(NESP_BENEFIT_EXCLUSION)
    not_receiving = _cond("not_receiving_job_seeking_benefit", "구직급여를 받고 있지 않음",
                          not inp.receiving_job_seeking_benefit,
                          "구직급여 수급 중" if inp.receiving_job_seeking_benefit else "구직급여 수급 중 아님",
                          exclusion_v.basis)

    requirement_conditions = (age, income60, assets, work, not_receiving)
    requirement = Track("type1_requirement",
                        "eligible" if all(c.met for c in requirement_conditions) else "not_eligible",
                        requirement_conditions)

    youth_band_v = trace.at(NESP_TYPE1_SELECTED_YOUTH_INCOME) if youth else None
    youth_income_met = youth_band_v is not None and _within(ratio, youth_band_v.value)
    selected_income = _cond(
        "income",
        "가구소득 기준 중위소득 60% 이하" + (f" (청년은 {youth_band_v.value.high}% 이하)" if youth_band_v else ""),
        income60.met or youth_income_met,
        f"{_pct(ratio)}",
        youth_band_v.basis if youth_band_v else income_v.basis,
    )
    selected_conditions = (age, selected_income, assets, not_receiving)
    selected = Track("type1_selected",
                     "selectable" if all(c.met for c in selected_conditions) else "not_eligible",
                     selected_conditions)

    type2_v = trace.at(NESP_TYPE2_INCOME)
    type2_income = _cond("income", f"가구소득 기준 중위소득 {type2_v.value.high}% 이하 (청년은 소득 무관)",
                         youth or _within(ratio, type2_v.value),
                         "청년" if youth else f"{_pct(ratio)}", type2_v.basis)
    type2_conditions = (age, type2_income)
    type2 = Track("type2", "eligible" if all(c.met for c in type2_conditions) else "not_eligible", type2_conditions)
    return [requirement, selected, type2], allowance_v


def _schedule(inp: NespInput, monthly: int, months: int, ex: Explanation, warnings: list[str]) -> list[PaymentMonth]:
    if inp.plan_date is None:
        if inp.activity_reports:
            raise InvalidInput.single("plan_date", "월별 활동 보고로 지급 일정을 계산하려면 취업활동계획 수립일을 입력하세요.")
        return []
    if months == 0:
        warnings.append("수당 대상이 아니어서 지급 일정이 없습니다.")
        return []
    reports = inp.activity_reports or ()
    if len(reports) > months:
        raise InvalidInput.single("activity_reports", f"활동 보고는 최대 {months}개월분입니다 (입력 {len(reports)}개).")
    schedule = []
    for month in range(1, months + 1):
        start = add_months(inp.plan_date, month - 1)
        end = period_end(inp.plan_date, month)
        accepted = reports[month - 1] if month <= len(reports) else None
        amount = None if accepted is None else (monthly if accepted else 0)
        schedule.append(PaymentMonth(month, start, end, accepted, amount))
        if accepted is None:
            status = "활동 보고 후 지급 예정"
        elif accepted:
            status = f"활동 보고 확인 → {won(monthly)} 지급"
        else:
            status = "구직활동 의무 미이행 → 해당 월 미지급"
        ex.add(f"schedule.{month}", f"{month}회차 {start.isoformat()}~{end.isoformat()}: {status}", amount,
               (B.NESP_TYPE1,))
    return schedule
