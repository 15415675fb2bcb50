"""Consistency of the built-in reference set (jobcenter.taxonomy.reference), checked without Django.

Runs with the rest of the suite, or alone:
``PYTHONPATH=src python -m pytest tests/taxonomy/test_reference_data.py -p no:django -q``.
"""

from __future__ import annotations

import json
import math
import os
import re
import unicodedata
from pathlib import Path

import pytest

from jobcenter.taxonomy import reference as ref

# Real places and coordinates used by the recommendation benchmark (recommend_dev): province-level names for
# the metropolitan cities, city level elsewhere.
BENCHMARK_CITIES = {
    "강릉시": (37.7519, 128.8761), "원주시": (37.3422, 127.9202), "춘천시": (37.8813, 127.7298),
    "고양시": (37.6584, 126.832), "성남시": (37.42, 127.1265), "수원시": (37.2636, 127.0286),
    "안산시": (37.3219, 126.8309), "용인시": (37.2411, 127.1776), "평택시": (36.9921, 127.1129),
    "화성시": (37.1995, 126.8311), "거제시": (34.8806, 128.6211), "김해시": (35.2285, 128.8894),
    "진주시": (35.18, 128.1076), "창원시": (35.228, 128.6811), "경주시": (35.8562, 129.2247),
    "구미시": (36.1195, 128.3446), "포항시": (36.019, 129.3435), "목포시": (34.8118, 126.3922),
    "순천시": (34.9507, 127.4872), "여수시": (34.7604, 127.6622), "군산시": (35.9676, 126.7369),
    "전주시": (35.8242, 127.148), "제주시": (33.4996, 126.5312), "당진시": (36.8898, 126.6459),
    "아산시": (36.7898, 127.0018), "천안시": (36.8151, 127.1139), "청주시": (36.6424, 127.489),
    "충주시": (36.991, 127.9259),
}
BENCHMARK_PROVINCES = {
    "광주": (35.1595, 126.8526), "대구": (35.8714, 128.6014), "대전": (36.3504, 127.3845),
    "부산": (35.1796, 129.0756), "서울": (37.5665, 126.978), "세종": (36.48, 127.289),
    "울산": (35.5384, 129.3114), "인천": (37.4563, 126.7052),
}
MAX_KM = 5.0

# Korea's bounding box, islands included (Marado 33.11 N, Ulleungdo 130.9 E, Baengnyeongdo 124.6 E).
LAT_RANGE = (33.0, 38.7)
LON_RANGE = (124.5, 131.0)

_STRIP = re.compile(r"[\s\-_·ㆍ・.,/()\[\]{}'\"]+")


def fold(text: str) -> str:
    """The project's label normalisation (jobcenter.taxonomy.text), repeated to keep this test Django-free."""
    return _STRIP.sub("", unicodedata.normalize("NFKC", text).casefold())


def haversine_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(h))


def dictionary_path() -> Path | None:
    """The Work24 dictionary in the shared data folder (JOBCENTER_DATA_DIR, else ../shared/data)."""
    configured = os.environ.get("JOBCENTER_DATA_DIR")
    base = Path(configured) if configured else Path(__file__).resolve().parents[2].parent / "shared" / "data"
    path = base / "work24_job_dictionary" / "job_dictionary.jsonl"
    return path if path.is_file() else None


# ------------------------------------------------------------------------------------------------ regions


def test_seventeen_provinces_with_unique_codes_and_names():
    assert len(ref.PROVINCES) == 17
    codes = [p[0] for p in ref.PROVINCES]
    assert len(set(codes)) == 17
    assert all(re.fullmatch(r"\d{2}", c) for c in codes)
    assert len({p[1] for p in ref.PROVINCES}) == 17
    assert len({p[3] for p in ref.PROVINCES}) == 17
    assert {"11", "26", "27", "28", "29", "30", "31", "36", "41", "43", "44", "46", "47", "48", "50", "51",
            "52"} == set(codes)


def test_city_codes_are_unique_and_every_city_has_its_province():
    provinces = {p[0] for p in ref.PROVINCES}
    codes = [c[0] for c in ref.CITIES]
    assert len(codes) == len(set(codes))
    assert not set(codes) & provinces
    for code, province_code, name_ko, name_en, _, _ in ref.CITIES:
        assert province_code in provinces, (code, name_ko)
        assert re.fullmatch(r"\d{5}", code) and code.startswith(province_code), (code, name_ko)
        assert name_ko and name_en, code
    names = [(c[1], c[2]) for c in ref.CITIES]
    assert len(names) == len(set(names)), "a name appears twice in one province"
    assert ref.PLACEHOLDER_CITY_CODES <= set(codes)


def test_every_province_has_cities():
    with_cities = {c[1] for c in ref.CITIES}
    assert with_cities == {p[0] for p in ref.PROVINCES}
    per_province = {p: sum(1 for c in ref.CITIES if c[1] == p) for p in with_cities}
    assert per_province["11"] == 25
    assert per_province["26"] == 16
    assert per_province["41"] == 31


@pytest.mark.parametrize("rows", [ref.PROVINCES, ref.CITIES], ids=["provinces", "cities"])
def test_coordinates_inside_korea(rows):
    for row in rows:
        lat, lon = row[-2], row[-1]
        assert LAT_RANGE[0] <= lat <= LAT_RANGE[1] and LON_RANGE[0] <= lon <= LON_RANGE[1], row


def test_cities_lie_near_their_province():
    """A typo in a coordinate shows up as a city far from its provincial capital."""
    capitals = {p[0]: (p[4], p[5]) for p in ref.PROVINCES}
    for code, province_code, name_ko, _, lat, lon in ref.CITIES:
        limit = 300 if code == "47940" else 150  # 울릉군 lies 130 km off the coast
        assert haversine_km((lat, lon), capitals[province_code]) < limit, (code, name_ko)


@pytest.mark.parametrize("name", sorted(BENCHMARK_CITIES))
def test_benchmark_cities_within_5_km(name):
    matches = [c for c in ref.CITIES if c[2] == name]
    assert len(matches) == 1, name
    _, _, _, _, lat, lon = matches[0]
    assert haversine_km((lat, lon), BENCHMARK_CITIES[name]) <= MAX_KM


@pytest.mark.parametrize("short", sorted(BENCHMARK_PROVINCES))
def test_benchmark_metropolitan_cities_within_5_km(short):
    matches = [p for p in ref.PROVINCES if p[3] == short]
    assert len(matches) == 1, short
    _, _, _, _, lat, lon = matches[0]
    assert haversine_km((lat, lon), BENCHMARK_PROVINCES[short]) <= MAX_KM


def test_former_names_point_to_existing_codes():
    provinces = {p[0] for p in ref.PROVINCES}
    cities = {c[0] for c in ref.CITIES}
    assert set(ref.FORMER_PROVINCE_NAMES.values()) <= provinces
    assert set(ref.FORMER_PROVINCE_CODES.values()) <= provinces
    assert not set(ref.FORMER_PROVINCE_CODES) & provinces
    for codes in ref.MERGED_PROVINCES.values():
        assert set(codes) <= provinces
    for (province, _), codes in ref.FORMER_CITIES.items():
        assert set(codes) <= cities


# ------------------------------------------------------------------------------------------------- KECO


def test_keco_group_counts_and_codes():
    assert ref.KECO_VERSION == "2018"
    assert [g[0] for g in ref.KECO_MAJOR_GROUPS] == [str(d) for d in range(10)]
    assert len(ref.KECO_MIDDLE_GROUPS) == 35
    majors = {g[0] for g in ref.KECO_MAJOR_GROUPS}
    middles = {g[0] for g in ref.KECO_MIDDLE_GROUPS}
    minors = [g[0] for g in ref.KECO_MINOR_GROUPS]
    assert len(middles) == 35 and len(minors) == len(set(minors)) <= 136
    assert all(len(c) == 2 and c[0] in majors for c in middles)
    assert all(len(c) == 3 and c[:2] in middles for c in minors)
    for rows in (ref.KECO_MAJOR_GROUPS, ref.KECO_MIDDLE_GROUPS, ref.KECO_MINOR_GROUPS):
        assert all(name_ko and name_en for _, name_ko, name_en in rows)


def test_every_occupation_sits_in_known_groups():
    majors = {g[0] for g in ref.KECO_MAJOR_GROUPS}
    middles = {g[0] for g in ref.KECO_MIDDLE_GROUPS}
    minors = {g[0] for g in ref.KECO_MINOR_GROUPS}
    codes = [o["code"] for o in ref.OCCUPATIONS]
    assert 50 <= len(codes) <= 80
    assert len(codes) == len(set(codes))
    for code in codes:
        assert re.fullmatch(r"\d{4}", code), code
        assert code[:1] in majors and code[:2] in middles and code[:3] in minors, code


def test_occupation_fields():
    for occ in ref.OCCUPATIONS:
        assert set(occ) == {"code", "name_ko", "name_en", "isco", "aliases_ko", "aliases_en", "certifications",
                            "description_ko"}, occ["code"]
        assert occ["name_ko"] and occ["name_en"] and occ["description_ko"], occ["code"]
        assert re.fullmatch(r"[1-9]\d{3}", occ["isco"]), occ["code"]
        assert occ["aliases_ko"] and occ["aliases_en"], occ["code"]


def test_aliases_unique_per_occupation_and_distinct_from_the_name():
    for occ in ref.OCCUPATIONS:
        for key, name in (("aliases_ko", occ["name_ko"]), ("aliases_en", occ["name_en"])):
            folded = [fold(a) for a in occ[key]]
            assert all(folded), (occ["code"], key)
            assert len(folded) == len(set(folded)), (occ["code"], key, occ[key])
            assert fold(name) not in folded, (occ["code"], key)


def test_certifications_referenced_by_occupations_exist():
    names = {c["name_ko"] for c in ref.CERTIFICATIONS}
    for occ in ref.OCCUPATIONS:
        assert len(occ["certifications"]) == len(set(occ["certifications"])), occ["code"]
        missing = set(occ["certifications"]) - names
        assert not missing, (occ["code"], missing)


def test_certifications_are_unique_and_well_formed():
    grades = {"기술사", "기능장", "기사", "산업기사", "기능사", "국가전문자격", "국가공인민간자격", ""}
    kinds = {"national_technical", "national_professional", "private_certified"}
    folded = [fold(c["name_ko"]) for c in ref.CERTIFICATIONS]
    assert len(folded) == len(set(folded))
    for cert in ref.CERTIFICATIONS:
        assert set(cert) == {"name_ko", "name_en", "grade", "issuer", "kind"}, cert
        assert cert["name_en"] and cert["issuer"], cert["name_ko"]
        assert cert["grade"] in grades and cert["kind"] in kinds, cert["name_ko"]
        if cert["grade"] in {"기술사", "기능장", "기사", "산업기사", "기능사"}:
            assert cert["kind"] == "national_technical", cert["name_ko"]
        if cert["kind"] == "private_certified":
            assert cert["grade"] == "국가공인민간자격", cert["name_ko"]
    required = {"정보처리기사", "지게차운전기능사", "용접기능사", "특수용접기능사", "전기기능사", "전기산업기사", "전기기사",
                "한식조리기능사", "요양보호사", "간호사", "간호조무사", "제1종 대형운전면허", "보육교사 2급",
                "사회복지사 2급", "전산회계 1급", "컴퓨터활용능력 1급"}
    assert required <= {c["name_ko"] for c in ref.CERTIFICATIONS}


@pytest.fixture(scope="module")
def dictionary_names() -> dict[str, str]:
    path = dictionary_path()
    if path is None:
        pytest.skip("the Work24 dictionary (shared data folder work24_job_dictionary/job_dictionary.jsonl) is "
                    "absent: built-in occupation codes and names cannot be checked against it")
    names: dict[str, str] = {}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            info = json.loads(line).get("optionJobInfo") or {}
            code, label = info.get("dJobECd"), info.get("dJobECdNm") or ""
            if code:
                names[code] = re.sub(r"^\[\w+\]", "", label).strip()
    return names


def test_occupation_codes_and_names_match_the_dictionary(dictionary_names):
    wrong = {o["code"]: (o["name_ko"], dictionary_names.get(o["code"])) for o in ref.OCCUPATIONS
             if dictionary_names.get(o["code"]) != o["name_ko"]}
    assert not wrong


def test_minor_groups_cover_the_dictionary(dictionary_names):
    minors = {g[0] for g in ref.KECO_MINOR_GROUPS}
    assert {code[:3] for code in dictionary_names} - minors <= {"014"}


# ----------------------------------------------------------------------------------------------- vocab


def test_education_levels_ordered_and_aliases_unique_across_levels():
    levels = ref.EDUCATION_LEVELS
    assert [lvl["code"] for lvl in levels] == ["NONE", "ELEMENTARY", "MIDDLE_SCHOOL", "HIGH_SCHOOL", "ASSOCIATE",
                                               "BACHELOR", "MASTER", "DOCTORATE"]
    assert [lvl["rank"] for lvl in levels] == list(range(8))
    years = [lvl["years"] for lvl in levels]
    assert years == sorted(years)
    owner: dict[str, str] = {}
    for lvl in levels:
        for label in {lvl["code"], lvl["name_ko"], lvl["name_en"], lvl["worknet_code"], *lvl["aliases"]}:
            key = fold(label)
            assert key, lvl["code"]
            assert owner.setdefault(key, lvl["code"]) == lvl["code"], (label, owner[key], lvl["code"])


@pytest.mark.parametrize(("label", "code"), [
    ("high school", "HIGH_SCHOOL"), ("associate degree", "ASSOCIATE"), ("bachelor degree", "BACHELOR"),
    ("postgraduate degree", "MASTER"), ("고등학교 졸업", "HIGH_SCHOOL"), ("전문대학 졸업", "ASSOCIATE"),
    ("대학교 졸업", "BACHELOR"), ("대학원 졸업", "MASTER"),
    ("6년 이하(초졸 이하)", "ELEMENTARY"), ("6년 초과 ~ 9년 이하(중졸 정도)", "MIDDLE_SCHOOL"),
    ("9년 초과 ~ 12년 이하(고졸 정도)", "HIGH_SCHOOL"), ("12년 초과 ~ 14년 이하(전문대졸 정도)", "ASSOCIATE"),
    ("14년 초과 ~ 16년 이하(대졸 정도)", "BACHELOR"), ("16년 초과(대학원 이상)", "MASTER"),
    ("학력무관", "NONE"), ("초졸이하", "ELEMENTARY"), ("중졸", "MIDDLE_SCHOOL"), ("고졸", "HIGH_SCHOOL"),
    ("대졸(2~3년)", "ASSOCIATE"), ("대졸(4년)", "BACHELOR"), ("석사", "MASTER"), ("박사", "DOCTORATE"),
])
def test_education_aliases_from_real_data(label, code):
    level = next(lvl for lvl in ref.EDUCATION_LEVELS if lvl["code"] == code)
    assert label in level["aliases"]


def test_employment_types_are_schema_org_values():
    assert [t["code"] for t in ref.EMPLOYMENT_TYPES] == ["FULL_TIME", "PART_TIME", "CONTRACTOR", "TEMPORARY",
                                                         "INTERN", "VOLUNTEER", "PER_DIEM", "OTHER"]
    assert all(t["name_ko"] and t["name_en"] for t in ref.EMPLOYMENT_TYPES)
    folded = [fold(a) for t in ref.EMPLOYMENT_TYPES for a in [t["name_ko"], *t["aliases"]]]
    assert len(folded) == len(set(folded))


def test_ksic_sections():
    assert ref.KSIC_VERSION == "10"
    assert [s[0] for s in ref.KSIC_SECTIONS] == [chr(c) for c in range(ord("A"), ord("U") + 1)]
    assert all(name_ko and name_en for _, name_ko, name_en in ref.KSIC_SECTIONS)


def test_skill_years_cover_the_dictionary_bands():
    bands = ["시범후 30일 이하", "1개월 초과 ~ 3개월 이하", "3개월 초과 ~ 6개월 이하", "6개월 초과 ~ 1년 이하",
             "1년 초과 ~ 2년 이하", "2년 초과 ~ 4년 이하", "4년 초과 ~ 10년 이하", "10년 초과"]
    assert [ref.SKILL_YEARS[b] for b in bands] == [1, 3, 6, 12, 24, 48, 120, 120]
    assert [ref.SKILL_YEARS_MIN_MONTHS[b] for b in bands] == [0, 1, 3, 6, 12, 24, 48, 120]
    assert set(ref.SKILL_YEARS) == set(ref.SKILL_YEARS_MIN_MONTHS)


def test_wage_units():
    assert [(u["code"], u["name_ko"]) for u in ref.WAGE_UNITS] == [
        ("HOUR", "시급"), ("DAY", "일급"), ("WEEK", "주급"), ("MONTH", "월급"), ("YEAR", "연봉")]


def test_reference_version():
    assert ref.REFERENCE_VERSION == "builtin-2026.11"
