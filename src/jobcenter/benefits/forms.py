"""The calculators' short forms. Each form's ``clean()`` runs the rule engine; the engine's field-named errors
come back beside the field they name, so validation lives in one place (the engine) for the form, the API, the
CLI and the chatbot alike."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from jobcenter.rules import InvalidInput
from jobcenter.rules.job_seeking import (
    JUSTIFIED_REASONS,
    SEPARATION_REASONS,
    JobSeekingInput,
    calculate_job_seeking_benefit,
)
from jobcenter.rules.nesp import NespInput, assess_nesp


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%d", **kwargs)


class _RuleForm(forms.Form):
    """Runs ``engine`` on the filled fields; the result is ``self.result`` (the engine's result object)."""

    seeker = forms.IntegerField(required=False, widget=forms.HiddenInput)
    # Fields that are form plumbing, not rule input.
    non_rule_fields: tuple[str, ...] = ("seeker",)

    def engine_params(self) -> dict[str, Any]:
        return {
            name: value
            for name, value in self.cleaned_data.items()
            if name not in self.non_rule_fields and value not in (None, "")
        }

    def run(self, params: dict[str, Any]) -> Any:  # pragma: no cover - overridden
        raise NotImplementedError

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        self.result = None
        if self.errors:
            return cleaned
        try:
            self.result = self.run(self.engine_params())
        except InvalidInput as exc:
            for name, message in exc.errors.items():
                self.add_error(name if name in self.fields else None, message)
        return cleaned


def _choices(mapping: dict[str, str], blank: str | None = None) -> list[tuple[str, str]]:
    choices = [(key, label) for key, label in mapping.items()]
    return ([("", blank)] if blank is not None else []) + choices


class JobSeekingForm(_RuleForm):
    separation_date = forms.DateField(label=_("이직일"), widget=DateInput())
    age = forms.IntegerField(
        label=_("이직일 현재 나이 (만)"),
        help_text=_("50세 이상이면 소정급여일수가 더 깁니다."),
    )
    disabled = forms.BooleanField(
        label=_("장애인입니다"), required=False, help_text=_("장애인은 50세 이상과 같은 소정급여일수를 적용합니다.")
    )
    average_daily_wage = forms.DecimalField(
        label=_("기초일액 (원)"),
        help_text=_("이직 전 3개월 임금 총액을 그 기간의 일수로 나눈 1일 평균임금입니다."),
        decimal_places=2,
    )
    daily_hours = forms.DecimalField(
        label=_("1일 소정근로시간"), initial=8, decimal_places=2, required=False,
        help_text=_("하한액 계산에 쓰며 8시간까지만 반영합니다."),
    )
    insured_years = forms.DecimalField(
        label=_("피보험기간 (년)"), required=False, decimal_places=2,
        help_text=_("피보험기간은 년, 일, 시작일 중 한 가지로만 입력하세요."),
    )
    insured_days = forms.IntegerField(label=_("피보험기간 (일)"), required=False)
    insured_from = forms.DateField(
        label=_("피보험기간 시작일"), required=False, widget=DateInput(),
        help_text=_("이 날부터 이직일까지를 피보험기간으로 계산합니다."),
    )
    insured_unit_days = forms.IntegerField(
        label=_("피보험단위기간 (일)"), required=False,
        help_text=_("이직 전 18개월 중 보수 지급의 기초가 된 날수입니다. 모르면 비워 두세요 (추정합니다)."),
    )
    reason = forms.ChoiceField(label=_("이직 사유"), choices=_choices(SEPARATION_REASONS), initial="involuntary")
    justified_reason = forms.ChoiceField(
        label=_("정당한 이직 사유"), required=False, choices=_choices(JUSTIFIED_REASONS, blank="—"),
        help_text=_("자발적 이직이지만 정당한 사유가 있을 때 선택하세요 (고용보험법 시행규칙 별표 2)."),
    )
    available_for_work = forms.BooleanField(
        label=_("일할 의사와 능력이 있고 재취업 활동을 합니다"), required=False, initial=True
    )
    claim_date = forms.DateField(
        label=_("실업 신고일 (선택)"), required=False, widget=DateInput(),
        help_text=_("입력하면 대기기간과 지급 기간을 날짜로 보여 줍니다."),
    )

    def engine_params(self) -> dict[str, Any]:
        params = super().engine_params()
        # An unticked box is an answer ("no"), not a missing value.
        params["disabled"] = bool(self.cleaned_data.get("disabled"))
        params["available_for_work"] = bool(self.cleaned_data.get("available_for_work"))
        return params

    def run(self, params: dict[str, Any]) -> Any:
        return calculate_job_seeking_benefit(JobSeekingInput.from_mapping(params))


class NespForm(_RuleForm):
    application_date = forms.DateField(label=_("신청일"), widget=DateInput(), initial=timezone.localdate)
    age = forms.IntegerField(label=_("나이 (만)"))
    household_size = forms.IntegerField(label=_("가구원 수"), required=False)
    household_monthly_income = forms.DecimalField(
        label=_("가구 월소득 (원)"), required=False, decimal_places=0,
        help_text=_("가구원 전체의 월 소득 합계입니다. 비율을 알면 아래 칸에 대신 입력하세요."),
    )
    household_income_ratio = forms.DecimalField(
        label=_("기준 중위소득 대비 가구소득 (%)"), required=False, decimal_places=2
    )
    household_assets = forms.DecimalField(label=_("가구 재산 합계 (원)"), required=False, decimal_places=0)
    work_days_2y = forms.IntegerField(label=_("최근 2년 취업 일수"), required=False)
    work_hours_2y = forms.IntegerField(label=_("최근 2년 취업 시간"), required=False)
    dependants = forms.IntegerField(label=_("부양가족 수"), required=False, initial=0)
    receiving_job_seeking_benefit = forms.BooleanField(label=_("지금 구직급여를 받고 있습니다"), required=False)
    plan_date = forms.DateField(
        label=_("취업활동계획 수립일 (선택)"), required=False, widget=DateInput(),
        help_text=_("입력하면 월별 지급 일정을 보여 줍니다."),
    )
    activity_reports = forms.CharField(
        label=_("월별 활동 보고 결과 (선택)"), required=False,
        help_text=_("인정된 달은 1, 인정되지 않은 달은 0을 쉼표로 구분해 입력하세요. 예: 1,1,0"),
    )

    def engine_params(self) -> dict[str, Any]:
        params = super().engine_params()
        params["receiving_job_seeking_benefit"] = bool(self.cleaned_data.get("receiving_job_seeking_benefit"))
        return params

    def run(self, params: dict[str, Any]) -> Any:
        return assess_nesp(NespInput.from_mapping(params))

