"""Plain-language reasons (Korean and English) for one recommended pair, from its raw values and features."""

from __future__ import annotations

from typing import Any

from .types import Explanation, Reason

EDUCATION_NAMES_KO = {0: "학력무관", 1: "초등학교 졸업", 2: "중학교 졸업", 3: "고등학교 졸업", 4: "전문대학 졸업",
                      5: "대학교 졸업", 6: "대학원 졸업(석사)", 7: "박사"}
EDUCATION_NAMES_EN = {0: "no requirement", 1: "elementary school", 2: "middle school", 3: "high school",
                      4: "associate degree", 5: "bachelor degree", 6: "master degree", 7: "doctorate"}
EMPLOYMENT_NAMES_KO = {"FULL_TIME": "정규직(전일제)", "PART_TIME": "시간제", "TEMPORARY": "계약직", "CONTRACTOR": "프리랜서·도급",
                       "INTERN": "인턴", "VOLUNTEER": "자원봉사", "PER_DIEM": "일용직", "OTHER": "기타"}
EMPLOYMENT_NAMES_EN = {"FULL_TIME": "full-time", "PART_TIME": "part-time", "TEMPORARY": "temporary",
                       "CONTRACTOR": "contractor", "INTERN": "internship", "VOLUNTEER": "volunteer",
                       "PER_DIEM": "per diem", "OTHER": "other"}
FEATURE_NAMES_KO = {
    "occ_same": "같은 직업", "occ_minor": "같은 직업 소분류", "occ_related": "관련 직업", "occ_desired": "희망 직업",
    "text_sim": "경력·직무 내용 유사도", "dense_sim": "의미 유사도", "licence_match": "보유 자격 일치",
    "licence_missing": "요구 자격 없음", "licence_related": "직업 관련 자격 보유", "education_gap": "학력 부족",
    "experience_fit": "경력 충족", "wage_fit": "임금", "distance_fit": "거리", "beyond_commute": "통근 거리 초과",
    "employment_type_ok": "고용형태", "freshness": "최근 등록", "congestion": "지원 쏠림 분산", "stretch": "도전 지원",
}


def _josa(word: str, with_batchim: str, without: str) -> str:
    """The Korean particle that fits ``word``'s last sound: ("용접기능사", "이", "가") → "가"."""
    last = (word or " ").rstrip()[-1:] or " "
    if "가" <= last <= "힣":
        return with_batchim if (ord(last) - 0xAC00) % 28 else without
    return f"{with_batchim}({without})"


def _manwon(amount: float) -> str:
    """KRW as 만 원, the way wages are spoken of in Korean: 200000 → "20만 원"."""
    value = abs(amount) / 10_000
    text = f"{value:,.0f}" if value >= 10 or float(value).is_integer() else f"{value:,.1f}"
    return f"{text}만 원"


def _km(distance: float) -> str:
    return f"{distance:.1f}" if distance < 10 else f"{distance:.0f}"


def build_explanation(raw: dict[str, Any], contributions: dict[str, float], *, perspective: str = "seeker",
                      top_k: int = 5) -> Explanation:
    """An :class:`Explanation` from the raw values of a pair (see ``Recommender._raw``) and feature contributions.

    ``perspective`` is who reads it: "seeker" (you / 희망) or "employer" (the candidate / 구직자).
    """
    you = perspective == "seeker"
    reasons: list[Reason] = []
    level = raw["occupation_match"]
    occ_name = raw.get("occupation_name") or ""
    via = raw.get("occupation_via") or ""  # "desired" | "career" | "training"
    if level != "none":
        via_ko = {"desired": "희망 직업", "career": "경력 직업", "training": "훈련 직업"}.get(via, "직업")
        via_en = {"desired": "desired occupation", "career": "past occupation",
                  "training": "trained occupation"}.get(via, "occupation")
        if not you:
            via_en = via_en.replace("desired", "the candidate's desired").replace("past", "the candidate's past")
        what_ko = {"same": "같은 직업", "minor_group": "같은 직업군(소분류)", "related": "관련 직업"}[level]
        what_en = {"same": "the same occupation as", "minor_group": "the same occupation group as",
                   "related": "an occupation related to"}[level]
        label = f"({occ_name})" if occ_name else ""
        reasons.append(Reason("occupation", True, f"{via_ko}{label}과 {what_ko}",
                              f"{what_en[0].upper() + what_en[1:]} your {via_en}{' ' + label if label else ''}"
                              if you else f"{what_en[0].upper() + what_en[1:]} {via_en}{' ' + label if label else ''}",
                              {"level": level, "code": raw.get("occupation_code"), "via": via}))
    elif raw.get("text_sim", 0.0) >= 0.3:
        reasons.append(Reason("occupation", True, "경력·직무 내용이 비슷함", "Similar duties to the work history",
                              {"level": "semantic", "similarity": round(float(raw["text_sim"]), 3)}))
    for licence in raw["matched_licences"]:
        reasons.append(Reason("licence_match", True, f"보유 자격 {licence}{_josa(licence, '이', '가')} 요구 자격과 일치",
                              f"{'Your' if you else 'Held'} licence {licence} matches the required licence",
                              {"licence": licence}))
    for licence in raw["missing_licences"]:
        hard = raw.get("licences_mandatory", True)
        reasons.append(Reason("licence_missing", False,
                              f"요구 자격 {licence} {'미보유' if hard else '미보유(우대 사항)'}",
                              f"Missing {'required' if hard else 'preferred'} licence {licence}",
                              {"licence": licence, "mandatory": hard}))
    for licence in raw.get("related_licences", []):
        reasons.append(Reason("licence_related", True, f"직업 관련 자격 {licence} 보유",
                              f"Holds {licence}, a licence of this occupation", {"licence": licence}))
    required = raw["experience_required"]
    held = raw["experience_months"]
    if required > 0:
        ok = held >= required
        reasons.append(Reason("experience", ok,
                              f"요구 경력 {required}개월, 관련 경력 {held}개월" + ("" if ok else f" ({required - held}개월 부족)"),
                              f"{required} months of experience required, {held} months in related work"
                              + ("" if ok else f" ({required - held} short)"),
                              {"required": required, "held": held}))
    elif held > 0:
        reasons.append(Reason("experience", True, f"관련 경력 {held}개월", f"{held} months of related experience",
                              {"required": 0, "held": held}))
    if raw["education_ok"] is not None and raw["education_required"]:
        need = raw["education_required"]
        if raw["education_ok"]:
            reasons.append(Reason("education", True, f"요구 학력({EDUCATION_NAMES_KO.get(need, need)}) 충족",
                                  f"Meets the education requirement ({EDUCATION_NAMES_EN.get(need, need)})",
                                  {"required": need, "held": raw["education_held"]}))
        else:
            reasons.append(Reason("education", False, f"요구 학력 {EDUCATION_NAMES_KO.get(need, need)}에 못 미침",
                                  f"Below the required education ({EDUCATION_NAMES_EN.get(need, need)})",
                                  {"required": need, "held": raw["education_held"]}))
    distance = raw["distance_km"]
    if distance is not None:
        limit = raw.get("max_commute_km")
        home_ko, home_en = ("집에서", "from home") if you else ("구직자 거주지에서", "from the candidate's home")
        if raw["within_commute"] is False:
            reasons.append(Reason("distance", False, f"{home_ko} {_km(distance)} km (최대 통근 거리 {_km(limit)} km 초과)",
                                  f"{_km(distance)} km {home_en}, beyond the {_km(limit)} km commute limit",
                                  {"km": round(distance, 1), "limit_km": limit}))
        elif distance < 1:
            reasons.append(Reason("distance", True, f"{home_ko} 1 km 이내", f"Within 1 km {home_en}",
                                  {"km": round(distance, 1), "limit_km": limit}))
        else:
            reasons.append(Reason("distance", True, f"{home_ko} {_km(distance)} km", f"{_km(distance)} km {home_en}",
                                  {"km": round(distance, 1), "limit_km": limit}))
    gap = raw["wage_gap"]
    if gap is not None:
        desire_ko = "희망 임금" if you else "구직자 희망 임금"
        desire_en = "your desired wage" if you else "the candidate's desired wage"
        if gap < 0:
            reasons.append(Reason("wage", False, f"{desire_ko}보다 월 {_manwon(gap)} 낮음",
                                  f"KRW {abs(gap):,} a month below {desire_en}", {"gap": gap}))
        elif gap > 0:
            reasons.append(Reason("wage", True, f"{desire_ko}보다 월 {_manwon(gap)} 높음",
                                  f"KRW {gap:,} a month above {desire_en}", {"gap": gap}))
        else:
            reasons.append(Reason("wage", True, f"{desire_ko}과 같음", f"Equal to {desire_en}", {"gap": 0}))
    etype = raw.get("employment_type")
    if raw["employment_type_ok"] is False:
        reasons.append(Reason("employment_type", False,
                              f"고용형태 {EMPLOYMENT_NAMES_KO.get(etype, etype)}"
                              f"{_josa(EMPLOYMENT_NAMES_KO.get(etype, etype), '은', '는')} 희망하지 않음",
                              f"Employment type {EMPLOYMENT_NAMES_EN.get(etype, etype)} was not among the wanted types",
                              {"employment_type": etype}))
    elif raw["employment_type_ok"] and raw.get("employment_types_stated"):
        reasons.append(Reason("employment_type", True, f"희망 고용형태({EMPLOYMENT_NAMES_KO.get(etype, etype)})",
                              f"A wanted employment type ({EMPLOYMENT_NAMES_EN.get(etype, etype)})",
                              {"employment_type": etype}))
    days = raw.get("days_since_posted")
    if days is not None and days <= 7:
        reasons.append(Reason("freshness", True, "오늘 등록" if days == 0 else f"{days}일 전 등록",
                              "Posted today" if days == 0 else f"Posted {days} days ago", {"days": days}))
    if raw.get("congestion", 0.0) <= -0.1 and (raw.get("expected_demand") or 0) >= 5:
        reasons.append(Reason("congestion", False, "다른 구직자에게도 많이 추천되는 일자리라 순서를 조금 낮춤",
                              "Recommended to many other seekers too, so placed a little lower",
                              {"expected_demand": raw.get("expected_demand"), "penalty": raw.get("congestion")}))
    features = sorted(((name, float(value)) for name, value in contributions.items() if abs(value) > 1e-9),
                      key=lambda item: -abs(item[1]))
    return Explanation(
        occupation_match=level if level != "none" else ("semantic" if raw.get("text_sim", 0.0) >= 0.3 else "none"),
        matched_licences=list(raw["matched_licences"]), missing_licences=list(raw["missing_licences"]),
        experience_months=held, experience_required=required, education_ok=raw["education_ok"],
        distance_km=None if distance is None else round(float(distance), 1), within_commute=raw["within_commute"],
        wage_gap=gap, stretch=bool(raw["gaps"]), gaps=list(raw["gaps"]),
        top_features=[(name, round(value, 4)) for name, value in features[:top_k]], reasons=reasons)
