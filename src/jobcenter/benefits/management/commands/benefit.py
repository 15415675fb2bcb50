"""`jobcenter benefit KIND ...`: the benefit calculators on the command line, readable or as one JSON object.

    jobcenter benefit job-seeking --separation-date 2025-06-30 --age 52 --insured-years 4 \\
        --average-daily-wage 120000 [--disabled] [--daily-hours 8] [--reason involuntary] [--json]
    jobcenter benefit nesp --application-date 2025-03-01 --age 29 --household-size 4 \\
        --household-monthly-income 3000000 --household-assets 100000000 --work-days-2y 150 [--json]
    jobcenter benefit recognition --claim-date 2025-07-02 --days 210 [--cycle-weeks 4] [--json]

Bad input exits with an error naming the option.
"""

from __future__ import annotations

import json
import unicodedata
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from jobcenter.rules import InvalidInput
from jobcenter.rules.job_seeking import (
    JUSTIFIED_REASONS,
    SEPARATION_REASONS,
    JobSeekingInput,
    calculate_job_seeking_benefit,
)
from jobcenter.rules.nesp import NespInput, assess_nesp
from jobcenter.rules.recognition import RecognitionInput, recognition_schedule


def _option(field: str) -> str:
    if field == "available_for_work":
        return "--not-available-for-work"
    return "--" + field.replace("_", "-")


class Command(BaseCommand):
    help = "Calculate the job-seeking benefit, the National Employment Support Program or a recognition schedule."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="kind", required=True, metavar="KIND")

        p = sub.add_parser("job-seeking", help="구직급여: eligibility, daily amount, days, total")
        p.add_argument("--separation-date", required=True, help="이직일 YYYY-MM-DD")
        p.add_argument("--age", required=True, help="이직일 현재 나이 (만)")
        p.add_argument("--average-daily-wage", required=True, help="기초일액 (원)")
        p.add_argument("--insured-years", help="피보험기간 (년)")
        p.add_argument("--insured-days", help="피보험기간 (일)")
        p.add_argument("--insured-from", help="피보험기간 시작일 YYYY-MM-DD (이직일까지)")
        p.add_argument("--insured-unit-days", help="이직 전 18개월 중 피보험단위기간 (일)")
        p.add_argument("--disabled", action="store_true", help="장애인")
        p.add_argument("--daily-hours", help="1일 소정근로시간 (기본 8)")
        p.add_argument("--reason", choices=list(SEPARATION_REASONS), help="이직 사유 (기본 involuntary)")
        p.add_argument("--justified-reason", choices=list(JUSTIFIED_REASONS), help="정당한 이직 사유")
        p.add_argument("--not-available-for-work", dest="available_for_work", action="store_false",
                       help="근로 의사·능력이 없거나 재취업 활동을 하지 않음")
        p.add_argument("--claim-date", help="실업 신고일 YYYY-MM-DD")

        p = sub.add_parser("nesp", help="국민취업지원제도: track, allowance, schedule")
        p.add_argument("--application-date", required=True, help="신청일 YYYY-MM-DD")
        p.add_argument("--age", required=True)
        p.add_argument("--household-size")
        p.add_argument("--household-monthly-income", help="가구 월소득 (원)")
        p.add_argument("--household-income-ratio", help="기준 중위소득 대비 가구소득 (%%)")
        p.add_argument("--household-assets", help="가구 재산 (원)")
        p.add_argument("--work-days-2y", help="최근 2년 취업 일수")
        p.add_argument("--work-hours-2y", help="최근 2년 취업 시간")
        p.add_argument("--dependants", help="부양가족 수")
        p.add_argument("--receiving-job-seeking-benefit", action="store_true", help="구직급여 수급 중")
        p.add_argument("--plan-date", help="취업활동계획 수립일 YYYY-MM-DD")
        p.add_argument("--activity-reports", help="월별 활동 보고 인정 여부, 예: 1,1,0")

        p = sub.add_parser("recognition", help="실업인정일 schedule")
        p.add_argument("--claim-date", required=True, help="실업 신고일 YYYY-MM-DD")
        p.add_argument("--days", required=True, help="소정급여일수")
        p.add_argument("--cycle-weeks", help="실업인정 주기 1~4주 (기본 4)")
        p.add_argument("--first-cycle-weeks", help="첫 실업인정까지 주 수")
        p.add_argument("--receipt-deadline", help="수급기간 종료일 YYYY-MM-DD")
        p.add_argument("--daily-amount", help="구직급여일액 (원)")

        for action in sub.choices.values():
            action.add_argument("--json", action="store_true", help="print one JSON object")

    def handle(self, *args: Any, kind: str, **options: Any) -> None:
        as_json = options.pop("json", False)
        fields = {
            "job-seeking": JobSeekingInput.FIELDS,
            "nesp": NespInput.FIELDS,
            "recognition": RecognitionInput.FIELDS,
        }[kind]
        params = {name: options[name] for name in fields if options.get(name) is not None}
        try:
            if kind == "job-seeking":
                result = calculate_job_seeking_benefit(JobSeekingInput.from_mapping(params))
            elif kind == "nesp":
                result = assess_nesp(NespInput.from_mapping(params))
            else:
                result = recognition_schedule(RecognitionInput.from_mapping(params))
        except InvalidInput as exc:
            raise CommandError(
                "; ".join(f"{_option(field)}: {message}" for field, message in exc.errors.items())
            ) from exc
        data = result.to_dict()
        if as_json:
            self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
            return
        printer = {"job-seeking": self._print_job_seeking, "nesp": self._print_nesp,
                   "recognition": self._print_recognition}[kind]
        printer(data)
        self._print_explanation(data)

    # ------------------------------------------------------------------------------------------ readable

    def _line(self, label: str, value: Any) -> None:
        # Hangul is two columns wide in a terminal: pad by display width so the values line up.
        width = sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in label)
        self.stdout.write(f"  {label}{' ' * max(1, 14 - width)}{value}")

    def _print_job_seeking(self, d: dict[str, Any]) -> None:
        self.stdout.write(f"구직급여 계산 (이직일 {d['separation_date']})")
        self.stdout.write(f"수급 요건: {'충족' if d['eligible'] else '미충족'}")
        for c in d["conditions"]:
            mark = "✔" if c["met"] else "✘"
            self.stdout.write(f"  {mark} {c['label']}{' (추정)' if c['assumed'] else ''}")
        limit = {"upper": " (상한액 적용)", "lower": " (하한액 적용)"}.get(d["limit_applied"] or "", "")
        self._line("구직급여일액", f"{d['daily_amount']:,}원{limit}")
        self._line("소정급여일수", f"{d['days']}일")
        self._line("총액", f"{d['total']:,}원")
        self._line("대기기간", f"{d['waiting_days']}일")
        self._line("수급기간", f"{d['receipt_start']} ~ {d['receipt_deadline']}")

    def _print_nesp(self, d: dict[str, Any]) -> None:
        self.stdout.write(f"결과: {d['track_label'] or '해당 유형 없음'}")
        for t in d["tracks"]:
            self.stdout.write(f"  - {t['label']}: {t['status_label']}")
        self._line("소득 비율", f"기준 중위소득의 {d['income_ratio_percent']}%")
        if d["months"]:
            self._line("구직촉진수당", f"월 {d['monthly_allowance']:,}원 × {d['months']}개월 = {d['total']:,}원")
        for m in d["schedule"]:
            status = {"paid": f"{(m['amount'] or 0):,}원 지급", "withheld": "미지급", "pending": "보고 후 지급"}[m["status"]]
            self.stdout.write(f"  {m['month']}회차 {m['period_from']}~{m['period_to']}: {status}")

    def _print_recognition(self, d: dict[str, Any]) -> None:
        self.stdout.write(f"실업인정 일정: {d['count']}회, 지급 {d['paid_days']}일")
        for r in d["recognitions"]:
            extra = " (입사지원·면접 1회 이상)" if r["application_or_interview_required"] else ""
            self.stdout.write(
                f"  {r['ordinal']}차 {r['date']}: {r['payable_days']}일, "
                f"재취업활동 {r['required_activities']}회{extra}"
            )

    def _print_explanation(self, d: dict[str, Any]) -> None:
        self.stdout.write("")
        self.stdout.write("계산 과정:")
        for i, step in enumerate(d["steps"], 1):
            self.stdout.write(f"  {i}. {step['text']}")
        self.stdout.write("근거:")
        for citation in d["basis"]:
            self.stdout.write(f"  - {citation['label']}")
        if d["warnings"]:
            self.stdout.write("참고:")
            for warning in d["warnings"]:
                self.stdout.write(f"  ! {warning}")
