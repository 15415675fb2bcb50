"""The legal instruments the rules cite, in one place so every step cites them the same way."""

from __future__ import annotations

from jobcenter.rules.explain import Citation

EIA = "고용보험법"
EIA_DECREE = "고용보험법 시행령"
EIA_RULE = "고용보험법 시행규칙"
NESP_ACT = "구직자 취업촉진 및 생활안정지원에 관한 법률"
MIN_WAGE_NOTICE = "최저임금 고시 (고용노동부)"
MEDIAN_NOTICE = "기준 중위소득 고시 (보건복지부, 국민기초생활 보장법 제2조제11호·제20조의2)"

LAW_GO_KR_EIA = "https://www.law.go.kr/법령/고용보험법"
LAW_GO_KR_NESP = "https://www.law.go.kr/법령/구직자취업촉진및생활안정지원에관한법률"

EIA_40 = Citation(EIA, "제40조", "구직급여의 수급 요건", LAW_GO_KR_EIA)
EIA_40_1_1 = Citation(EIA, "제40조제1항제1호", "기준기간 18개월 중 피보험단위기간 180일 이상", LAW_GO_KR_EIA)
EIA_40_1_2 = Citation(EIA, "제40조제1항제2호", "근로의 의사와 능력이 있으나 취업하지 못한 상태", LAW_GO_KR_EIA)
EIA_40_1_3 = Citation(EIA, "제40조제1항제3호", "이직 사유가 수급자격 제한 사유에 해당하지 않을 것", LAW_GO_KR_EIA)
EIA_40_1_4 = Citation(EIA, "제40조제1항제4호", "재취업을 위한 노력을 적극적으로 할 것", LAW_GO_KR_EIA)
EIA_44 = Citation(EIA, "제44조", "실업의 인정 (1~4주의 범위에서 지정한 날)", LAW_GO_KR_EIA)
EIA_45 = Citation(EIA, "제45조", "급여의 기초가 되는 임금일액(기초일액)", LAW_GO_KR_EIA)
EIA_46 = Citation(EIA, "제46조", "구직급여일액", LAW_GO_KR_EIA)
EIA_46_1 = Citation(EIA, "제46조제1항", "구직급여일액 = 기초일액 × 100분의 60", LAW_GO_KR_EIA)
EIA_46_1_FORMER = Citation(
    EIA, "제46조제1항 (2019.10.1. 개정 전)", "구직급여일액 = 기초일액 × 100분의 50", LAW_GO_KR_EIA
)
EIA_46_1_2 = Citation(EIA, "제46조제1항제2호", "최저구직급여일액 = 최저기초일액 × 100분의 80", LAW_GO_KR_EIA)
EIA_46_1_2_FORMER = Citation(
    EIA, "제46조제1항제2호 (2019.10.1. 개정 전)", "최저구직급여일액 = 최저기초일액 × 100분의 90", LAW_GO_KR_EIA
)
EIA_46_2 = Citation(EIA, "제46조제2항", "최저구직급여일액보다 낮으면 최저구직급여일액", LAW_GO_KR_EIA)
EIA_48 = Citation(EIA, "제48조", "수급기간: 이직일 다음 날부터 12개월", LAW_GO_KR_EIA)
EIA_49 = Citation(EIA, "제49조", "대기기간 7일", LAW_GO_KR_EIA)
EIA_50 = Citation(EIA, "제50조 및 별표 1", "소정급여일수", LAW_GO_KR_EIA)
EIA_58 = Citation(EIA, "제58조", "이직 사유에 따른 수급자격의 제한", LAW_GO_KR_EIA)
EIA_DECREE_68 = Citation(EIA_DECREE, "제68조", "구직급여일액의 상한액", LAW_GO_KR_EIA)
EIA_RULE_ANNEX2 = Citation(EIA_RULE, "별표 2", "수급자격이 제한되지 아니하는 정당한 이직 사유", LAW_GO_KR_EIA)
EIA_2019_TRANSITIONAL = Citation(
    EIA,
    "2019.10.1. 시행 개정의 경과 규정",
    "하한액 60,120원을 2022년까지 유지",
    LAW_GO_KR_EIA,
)
EIA_FORMER_ANNEX1 = Citation(
    EIA, "별표 1 (2019.10.1. 개정 전)", "종전 소정급여일수 (30세 미만 / 30~50세 / 50세 이상·장애인)", LAW_GO_KR_EIA,
    verify=True,
)

NESP = Citation(NESP_ACT, "", "국민취업지원제도", LAW_GO_KR_NESP)
NESP_TYPE1 = Citation(NESP_ACT, "제19조~제20조 및 시행령", "구직촉진수당 지급 요건·금액", LAW_GO_KR_NESP, verify=True)
NESP_SERVICES = Citation(NESP_ACT, "제6조~제18조 및 시행령", "취업지원서비스(Ⅱ유형 포함) 수급자격", LAW_GO_KR_NESP, verify=True)
ESP_2019 = Citation(
    "고용노동부 고용센터 혁신방안 (2018.12.27.)·취업성공패키지 (2019)", "",
    "구직촉진수당 월 30만원 × 3개월 (기준 중위소득 30~60%)",
)
MEDIAN_INCOME = Citation(MEDIAN_NOTICE, "", "가구원 수별 기준 중위소득")
MIN_WAGE = Citation(MIN_WAGE_NOTICE, "", "최저임금법 제10조에 따른 연도별 시간급 최저임금")
