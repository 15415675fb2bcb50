"""Numeric questions the rules engine can answer: parse the figures from the text, call the rule, show the steps.

Pure Python. The parser reads what a person types ("52세, 가입 4년, 평균임금 12만원, 2025년 6월 30일 퇴사") into
the rules' parameters; ``route`` decides which rule answers and returns a ``ToolAnswer`` (the answer text with the
calculation steps, the rule basis, the tool called and its parameters), or None when the question is not one a
rule can answer with what it gives — then retrieval answers it from the documents.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

_NUM = r"\d[\d,]*(?:\.\d+)?"


def _to_number(text: str) -> float:
    return float(text.replace(",", ""))


@dataclass
class Params:
    year: int | None = None
    date: dt.date | None = None
    age: int | None = None
    insured_years: float | None = None
    wage: int | None = None
    disabled: bool = False
    hours: float | None = None
    dependants: int | None = None

    def as_dict(self) -> dict[str, Any]:
        return {k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in self.__dict__.items()
                if v not in (None, False)}


def _won(text: str, man: str | None) -> int:
    value = _to_number(text)
    return int(round(value * 10_000)) if man else int(round(value))


def parse_params(question: str) -> Params:
    q = question
    p = Params()
    m = re.search(r"(20\d{2})\s*[년.\-/]\s*(\d{1,2})\s*[월.\-/]\s*(\d{1,2})\s*일?", q)
    if m:
        try:
            p.date = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            p.year = p.date.year
        except ValueError:
            pass
    if p.year is None:
        m = re.search(r"(20\d{2})\s*년", q) or re.search(r"\b(20\d{2})\b", q) or re.search(r"\((20\d{2})\)", q)
        if m:
            p.year = int(m.group(1))
        else:
            m = re.search(r"(?<!\d)(\d{2})\s*년\s*(?:에|도)?\s*(?:퇴사|그만|이직)", q)
            if m:
                p.year = 2000 + int(m.group(1))
    m = re.search(r"(\d{2})\s*(?:세|살)\s*(미만)?", q) or re.search(r"(\d{2})[\s-]*(?:years?[\s-]old)()", q, re.IGNORECASE)
    if m:
        p.age = int(m.group(1)) - (1 if m.group(2) else 0)
    else:
        m = re.search(r"\b(?:aged?|I'm|I am)\s+(\d{2})\b", q, re.IGNORECASE) or re.search(r"\bage\s*(?:of\s*)?(\d{2})\b", q, re.IGNORECASE)
        if m:
            p.age = int(m.group(1))
    m = (re.search(r"(?:가입|고용보험)\s*(?:기간)?\s*(?:은|이|을)?\s*(?:딱\s*)?(\d+)\s*년(?:\s*(\d+)\s*개월)?", q)
         or re.search(r"(?<![\d년])(\d+)\s*년(?:\s*(\d+)\s*개월)?\s*(?:이상\s*)?(?:가입|들었|일했|근무)", q))
    if m:
        p.insured_years = int(m.group(1)) + (int(m.group(2)) / 12 if m.group(2) else 0)
    else:
        m = re.search(r"(?<![\d년])(\d+)\s*개월\s*(?:동안\s*)?(?:일하|일했|근무|가입)", q)
        if m:
            p.insured_years = int(m.group(1)) / 12
        else:
            m = (re.search(r"insured (?:for )?(\d+(?:\.\d+)?) years?", q, re.IGNORECASE)
                 or re.search(r"(\d+(?:\.\d+)?) (?:insured )?years? (?:of )?(?:insur|insured|employment insurance)", q, re.IGNORECASE))
            if m:
                p.insured_years = float(m.group(1))
    m = (re.search(rf"(?:평균\s*임금|기초\s*일액|임금|일액|일급)[^\d]{{0,12}}({_NUM})\s*(만)?\s*원", q)
         or re.search(rf"({_NUM})\s*(만)?\s*원\s*(?:이\s*)?(?:기초일액|평균임금)", q))
    if m:
        p.wage = _won(m.group(1), m.group(2))
    else:
        m = re.search(r"(?:wage|earn(?:ed|ing)?)[^\d]{0,20}(\d[\d,]*)\s*(?:KRW|won)?", q, re.IGNORECASE)
        if m:
            p.wage = int(_to_number(m.group(1)))
    p.disabled = bool(re.search(r"장애|disab", q, re.IGNORECASE))
    m = re.search(r"하루\s*(\d+(?:\.\d+)?)\s*시간", q) or re.search(r"(\d+(?:\.\d+)?)\s*hours? a day", q, re.IGNORECASE)
    if m:
        p.hours = float(m.group(1))
    m = re.search(r"부양\s*가족\s*(?:이|은)?\s*(\d+)\s*명", q) or re.search(r"(\d+|one|two|three|four|five) dependants?", q, re.IGNORECASE)
    if m:
        words = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5}
        p.dependants = int(words.get(m.group(1).lower(), m.group(1)) if not m.group(1).isdigit() else m.group(1))
    return p


@dataclass
class ToolAnswer:
    tool: str
    params: dict[str, Any]
    headline: str
    steps: list[str] = field(default_factory=list)
    basis: list[str] = field(default_factory=list)
    unconfirmed: list[str] = field(default_factory=list)
    doc_stem: str = "job-seeking-benefit-amount"
    section_hint: str = ""
    headline_en: str = ""

    def text(self, lang: str) -> str:
        lines = [self.headline_en if lang == "en" and self.headline_en else self.headline]
        if self.steps:
            lines.append("계산:" if lang == "ko" else "Calculation (rules engine, in Korean):")
            lines += [f"- {s}" for s in self.steps]
        if self.basis:
            lines.append(("근거: " if lang == "ko" else "Basis: ") + "; ".join(dict.fromkeys(self.basis)))
        if self.unconfirmed:
            lines.append("(확인 필요: " + ", ".join(self.unconfirmed) + ")" if lang == "ko"
                         else "(to be confirmed: " + ", ".join(self.unconfirmed) + ")")
        return "\n".join(lines)


def _fmt(n: float) -> str:
    return f"{int(n):,}"


def _kdate(d: dt.date) -> str:
    return f"{d.year}년 {d.month}월 {d.day}일"


def _reference_date(p: Params) -> dt.date:
    if p.date:
        return p.date
    if p.year:
        return dt.date(p.year, 12, 31) if p.year < dt.date.today().year else dt.date(p.year, 7, 1)
    return dt.date.today()


def _basis(raw: list) -> list[str]:
    return [str(b) for b in raw or []]


_WANTS_LOWER = re.compile(r"하한|최소|최저\s*(?:얼마|금액)|lower limit|minimum (?:daily )?(?:amount|benefit)", re.IGNORECASE)
_WANTS_UPPER = re.compile(r"상한|최대|최고|upper limit|maximum|cap\b", re.IGNORECASE)
_WANTS_MIN_WAGE = re.compile(r"최저\s*(?:시급|임금)|minimum wage", re.IGNORECASE)
_WANTS_DEADLINE = re.compile(r"언제까지|기한|마감|until when|deadline|by when", re.IGNORECASE)
_WANTS_DAYS = re.compile(r"며칠|몇\s*일|일수|몇\s*달|기간|how many days|how long", re.IGNORECASE)
_JOB_SEEKING = re.compile(r"구직급여|실업급여|실업\s*급|일액|하루|총|얼마|며칠|unemployment|job-seeking|benefit|per day|"
                          r"daily|how much|total", re.IGNORECASE)
_NESP = re.compile(r"구직촉진수당|국민취업지원|국취|job-seeking promotion|allowance", re.IGNORECASE)
# Other programmes: a question about them is not a job-seeking-benefit calculation even when it has a year.
_OTHER_PROGRAMME = re.compile(r"청년내일채움|내일배움|출산|육아|조기\s*재취업|취업성공|구직촉진|국민취업|국취|training|maternity"
                              r"|re-employment|savings", re.IGNORECASE)


def route(question: str) -> ToolAnswer | None:
    """The rule that answers the question, called with the parsed figures; None when no rule fits."""
    from jobcenter.rules import tools
    from jobcenter.rules.job_seeking import benefit_days, daily_limits, receipt_deadline
    from jobcenter.rules.minimum_wage import hourly_minimum_wage

    p = parse_params(question)
    other = bool(_OTHER_PROGRAMME.search(question))

    # 1. job-seeking benefit with a wage: daily amount (and days and total with age and insured period)
    if p.wage is not None and (p.year or p.date) and _JOB_SEEKING.search(question) and not other:
        call = {"separation_date": _reference_date(p).isoformat(), "average_daily_wage": p.wage,
                "age": p.age if p.age is not None else 40,
                "insured_years": p.insured_years if p.insured_years is not None else 1,
                "disabled": p.disabled}
        if p.hours:
            call["daily_hours"] = p.hours
        result = tools.answer_job_seeking_benefit(**call)
        if not result.get("ok"):
            return None
        full = p.age is not None and p.insured_years is not None
        wanted = ("daily_amount.rate", "lower_limit.formula", "lower_limit.transitional", "upper_limit",
                  "daily_amount.upper_limit", "daily_amount.lower_limit", "daily_amount")
        if full:
            wanted += ("benefit_days", "total")
        steps = [s for s in result["steps"] if s["code"] in wanted]
        if full:
            headline = (f"구직급여는 하루 {_fmt(result['daily_amount'])}원 × {result['days']}일 = "
                        f"총 {_fmt(result['total'])}원입니다.")
        else:
            headline = f"구직급여일액(하루 금액)은 {_fmt(result['daily_amount'])}원입니다."
        if not p.date:
            headline += f" ({_reference_date(p).year}년 이직 기준)"
        if not result.get("eligible", True):
            headline += " 다만 입력한 조건으로는 수급 요건을 충족하지 않을 수 있습니다."
        if full:
            headline_en = (f"The job-seeking benefit is {_fmt(result['daily_amount'])} KRW a day × {result['days']} "
                           f"days = {_fmt(result['total'])} KRW in total.")
        else:
            headline_en = f"The daily job-seeking benefit is {_fmt(result['daily_amount'])} KRW."
        return ToolAnswer("answer_job_seeking_benefit", call, headline, [s["text"] for s in steps],
                          [b for s in steps for b in _basis(s.get("basis"))],
                          [str(u) for u in result.get("unconfirmed", [])],
                          "job-seeking-benefit-amount", "구직급여 총액 계산" if full else "구직급여일액 계산 예시",
                          headline_en)

    # 2. benefit days from age and insured period (Annex 1)
    if (p.age is not None and p.insured_years is not None and not other
            and (_WANTS_DAYS.search(question) or _JOB_SEEKING.search(question))):
        day = _reference_date(p)
        days = benefit_days(day, p.insured_years, p.age, p.disabled)
        years = f"{p.insured_years:g}" if p.insured_years >= 1 else f"{round(p.insured_years * 12)}개월(={p.insured_years:.2f})"
        who = f"{p.age}세" + (", 장애인" if p.disabled else "")
        headline = f"소정급여일수는 {days}일입니다 ({who}, 피보험기간 {years}년)."
        steps = [f"고용보험법 별표 1: 이직일 현재 {who}, 피보험기간 {years}년 → {days}일"]
        return ToolAnswer("benefit_days", {"separation_date": day.isoformat(), "age": p.age,
                                           "insured_years": p.insured_years, "disabled": p.disabled},
                          headline, steps, ["고용보험법 제50조 및 별표 1 (소정급여일수)"], [],
                          "job-seeking-benefit-days", "소정급여일수 표",
                          f"The benefit lasts {days} days (age {p.age}, {p.insured_years:g} insured years"
                          + (", disability" if p.disabled else "") + ").")

    # 3. receipt deadline from a separation date
    if p.date and _WANTS_DEADLINE.search(question) and not other:
        deadline = receipt_deadline(p.date)
        headline = f"{_kdate(p.date)}에 그만뒀다면 구직급여는 {_kdate(deadline)}까지 받을 수 있습니다 (수급기간 12개월)."
        return ToolAnswer("receipt_deadline", {"separation_date": p.date.isoformat()}, headline,
                          [f"이직일 다음 날 {_kdate(p.date + dt.timedelta(days=1))}부터 12개월 → {_kdate(deadline)}"],
                          ["고용보험법 제48조 (수급기간)"], [], "job-seeking-benefit-procedure", "구직급여 수급기간",
                          f"If you left on {p.date.isoformat()}, you can receive the job-seeking benefit until "
                          f"{deadline.isoformat()} (12-month receipt period).")

    # 4. minimum wage / limits of a year
    if p.year and _WANTS_MIN_WAGE.search(question):
        version = hourly_minimum_wage(_reference_date(p))
        return ToolAnswer("hourly_minimum_wage", {"year": p.year},
                          f"{p.year}년 최저시급은 {_fmt(version.value)}원입니다.", [], [str(version.basis)],
                          ["최저시급"] if version.verify else [], "job-seeking-benefit-amount",
                          "연도별 구직급여 상한액·하한액 표",
                          f"The minimum hourly wage in {p.year} is {_fmt(version.value)} KRW.")
    lower, upper = _WANTS_LOWER.search(question), _WANTS_UPPER.search(question)
    if p.year and (lower or upper) and not other:
        day = _reference_date(p)
        limits = daily_limits(day, p.hours or 8)
        steps = [s.text for s in limits["steps"]]
        basis = [str(b) for s in limits["steps"] for b in getattr(s, "basis", ())]
        unconfirmed = [v.version_id for v in limits["versions"] if getattr(v, "verify", False)]
        hours = f" (하루 {p.hours:g}시간 근로 기준)" if p.hours else ""
        parts = []
        if lower or not upper:
            parts.append(f"하한액은 하루 {_fmt(limits['lower_limit'])}원")
        if upper:
            parts.append(f"상한액은 하루 {_fmt(limits['upper_limit'])}원")
        headline = f"{p.year}년에 그만둔 사람의 구직급여 " + ", ".join(parts) + f"입니다{hours}."
        parts_en = []
        if lower or not upper:
            parts_en.append(f"the lower limit is {_fmt(limits['lower_limit'])} KRW a day")
        if upper:
            parts_en.append(f"the upper limit is {_fmt(limits['upper_limit'])} KRW a day")
        headline_en = f"For separations in {p.year}, " + " and ".join(parts_en) + "."
        return ToolAnswer("daily_limits", {"separation_date": day.isoformat(), "daily_hours": p.hours or 8},
                          headline, steps, basis, unconfirmed, "job-seeking-benefit-amount",
                          "연도별 구직급여 상한액·하한액 표", headline_en)

    # 5. NESP allowance with dependants
    if p.dependants is not None and _NESP.search(question):
        from jobcenter.rules.nesp import NESP_DEPENDANT_ADDITION, NESP_TYPE1_ALLOWANCE

        day = _reference_date(p)
        base = NESP_TYPE1_ALLOWANCE.at(day).value
        addition = NESP_DEPENDANT_ADDITION.find(day) if hasattr(NESP_DEPENDANT_ADDITION, "find") else None
        extra = 0
        steps = [f"구직촉진수당 기본 월 {_fmt(base.monthly)}원 × 최대 {base.months}개월"]
        unconfirmed = []
        if addition is not None:
            extra = min(p.dependants * addition.value.per_dependant, addition.value.monthly_cap)
            steps.append(f"부양가족 가산: {p.dependants}명 × {_fmt(addition.value.per_dependant)}원 "
                         f"(월 최대 {_fmt(addition.value.monthly_cap)}원) = {_fmt(extra)}원")
            if addition.verify:
                unconfirmed.append("부양가족 가산금")
        total = base.monthly + extra
        steps.append(f"{_fmt(base.monthly)}원 + {_fmt(extra)}원 = 월 {_fmt(total)}원")
        return ToolAnswer("nesp_allowance", {"date": day.isoformat(), "dependants": p.dependants},
                          f"부양가족이 {p.dependants}명이면 구직촉진수당은 월 {_fmt(total)}원입니다.", steps,
                          ["구직자 취업촉진 및 생활안정지원에 관한 법률 (구직촉진수당)"], unconfirmed,
                          "nesp-allowance", "구직촉진수당 부양가족 가산금",
                          f"With {p.dependants} dependant(s) the job-seeking promotion allowance is {_fmt(total)} KRW a month.")
    return None
