"""Small controlled vocabularies: education levels, employment types, KSIC sections, skill time, wage units.

Part of the built-in reference set, written by hand. The aliases gather the spellings real data uses, so that
the importers can map them to one code:

- the Work24 Korean Dictionary of Occupations (``eduLevel``, ``skillYear`` strings),
- WorkNet job postings (학력 codes 00–07 and their names),
- schema.org JobPosting (``educationRequirements`` credential categories, ``employmentType`` values),
- JSON Resume ``education[].studyType`` as Korean job seekers fill it in.

Everything here is plain data: no Django imports.
"""

from __future__ import annotations

from typing import TypedDict


class EducationLevelEntry(TypedDict):
    code: str
    name_ko: str
    name_en: str
    years: int  # years of schooling the level stands for
    rank: int  # order for "at least" comparisons; 0 = no requirement
    worknet_code: str  # WorkNet 학력 code (minEdubg / maxEdubg)
    aliases: list[str]


class EmploymentTypeEntry(TypedDict):
    code: str
    name_ko: str
    name_en: str
    aliases: list[str]


class WageUnitEntry(TypedDict):
    code: str
    name_ko: str
    name_en: str
    aliases: list[str]


# Ordered by rank. Aliases are unique across levels once case, width, spaces and punctuation are folded.
EDUCATION_LEVELS: list[EducationLevelEntry] = [
    {"code": "NONE", "name_ko": "학력무관", "name_en": "No requirement", "years": 0, "rank": 0,
     "worknet_code": "00",
     "aliases": ["학력무관", "학력 무관", "학력불문", "무관", "none", "no requirement", "not required"]},
    {"code": "ELEMENTARY", "name_ko": "초등학교 졸업 이하", "name_en": "Elementary school or less", "years": 6,
     "rank": 1, "worknet_code": "01",
     "aliases": ["초졸이하", "초졸", "초등학교 졸업", "초등학교", "6년 이하(초졸 이하)", "elementary school",
                 "primary school", "primary education"]},
    {"code": "MIDDLE_SCHOOL", "name_ko": "중학교 졸업", "name_en": "Middle school", "years": 9, "rank": 2,
     "worknet_code": "02",
     "aliases": ["중졸", "중졸이상", "중학교 졸업", "중학교", "6년 초과 ~ 9년 이하(중졸 정도)", "middle school",
                 "lower secondary school", "lower secondary education"]},
    {"code": "HIGH_SCHOOL", "name_ko": "고등학교 졸업", "name_en": "High school", "years": 12, "rank": 3,
     "worknet_code": "03",
     "aliases": ["고졸", "고졸이상", "고등학교 졸업", "고등학교", "9년 초과 ~ 12년 이하(고졸 정도)", "high school",
                 "high school diploma",
                 "secondary school", "upper secondary education"]},
    {"code": "ASSOCIATE", "name_ko": "전문대학 졸업", "name_en": "Associate degree", "years": 14, "rank": 4,
     "worknet_code": "04",
     "aliases": ["대졸(2~3년)", "전문대학 졸업", "전문대졸", "전문대졸이상", "초대졸", "전문학사", "전문대학",
                 "12년 초과 ~ 14년 이하(전문대졸 정도)", "associate degree", "associate", "associate's degree", "junior college"]},
    {"code": "BACHELOR", "name_ko": "대학교 졸업", "name_en": "Bachelor degree", "years": 16, "rank": 5,
     "worknet_code": "05",
     "aliases": ["대졸(4년)", "대학교 졸업", "대졸", "대졸이상", "4년제 대학 졸업", "학사", "대학교",
                 "14년 초과 ~ 16년 이하(대졸 정도)", "bachelor degree", "bachelor", "bachelor's degree", "undergraduate degree"]},
    {"code": "MASTER", "name_ko": "대학원 졸업(석사)", "name_en": "Master degree", "years": 18, "rank": 6,
     "worknet_code": "06",
     "aliases": ["석사", "석사 졸업", "석사 학위", "대학원 졸업", "대학원", "16년 초과(대학원 이상)",
                 "postgraduate degree", "master", "master's degree", "graduate degree"]},
    {"code": "DOCTORATE", "name_ko": "박사", "name_en": "Doctorate", "years": 21, "rank": 7,
     "worknet_code": "07",
     "aliases": ["박사", "박사 졸업", "박사 학위", "대학원 졸업(박사)", "doctoral degree", "phd", "ph.d.",
                 "doctor's degree"]},
]

# schema.org JobPosting employmentType values.
EMPLOYMENT_TYPES: list[EmploymentTypeEntry] = [
    {"code": "FULL_TIME", "name_ko": "정규직(전일제)", "name_en": "Full-time",
     "aliases": ["정규직", "전일제", "상용직", "full time", "permanent"]},
    {"code": "PART_TIME", "name_ko": "시간제(파트타임)", "name_en": "Part-time",
     "aliases": ["시간제", "파트타임", "시간선택제", "아르바이트", "알바", "part time"]},
    {"code": "CONTRACTOR", "name_ko": "프리랜서·도급", "name_en": "Contractor",
     "aliases": ["프리랜서", "도급", "위탁계약", "용역", "freelance", "freelancer"]},
    {"code": "TEMPORARY", "name_ko": "계약직(기간제)", "name_en": "Temporary",
     "aliases": ["계약직", "기간제", "임시직", "촉탁직", "fixed-term", "temporary"]},
    {"code": "INTERN", "name_ko": "인턴", "name_en": "Intern",
     "aliases": ["인턴십", "채용연계형 인턴", "체험형 인턴", "internship"]},
    {"code": "VOLUNTEER", "name_ko": "자원봉사", "name_en": "Volunteer", "aliases": ["봉사활동", "volunteering"]},
    {"code": "PER_DIEM", "name_ko": "일용직", "name_en": "Per diem",
     "aliases": ["일용", "일당직", "단기 일용직", "day labour", "daily"]},
    {"code": "OTHER", "name_ko": "기타", "name_en": "Other", "aliases": ["기타 고용형태"]},
]

KSIC_VERSION = "10"

# Korean Standard Industrial Classification, 10th revision (2017): the 21 sections.
KSIC_SECTIONS: list[tuple[str, str, str]] = [
    ("A", "농업, 임업 및 어업", "Agriculture, forestry and fishing"),
    ("B", "광업", "Mining and quarrying"),
    ("C", "제조업", "Manufacturing"),
    ("D", "전기, 가스, 증기 및 공기 조절 공급업", "Electricity, gas, steam and air conditioning supply"),
    ("E", "수도, 하수 및 폐기물 처리, 원료 재생업",
     "Water supply; sewage, waste management and materials recovery"),
    ("F", "건설업", "Construction"),
    ("G", "도매 및 소매업", "Wholesale and retail trade"),
    ("H", "운수 및 창고업", "Transportation and storage"),
    ("I", "숙박 및 음식점업", "Accommodation and food service activities"),
    ("J", "정보통신업", "Information and communication"),
    ("K", "금융 및 보험업", "Financial and insurance activities"),
    ("L", "부동산업", "Real estate activities"),
    ("M", "전문, 과학 및 기술 서비스업", "Professional, scientific and technical activities"),
    ("N", "사업시설 관리, 사업 지원 및 임대 서비스업",
     "Business facilities management and business support services; rental and leasing activities"),
    ("O", "공공 행정, 국방 및 사회보장 행정", "Public administration and defence; compulsory social security"),
    ("P", "교육 서비스업", "Education"),
    ("Q", "보건업 및 사회복지 서비스업", "Human health and social work activities"),
    ("R", "예술, 스포츠 및 여가관련 서비스업", "Arts, sports and recreation related services"),
    ("S", "협회 및 단체, 수리 및 기타 개인 서비스업",
     "Membership organizations, repair and other personal services"),
    ("T", "가구 내 고용활동 및 달리 분류되지 않은 자가 소비 생산활동",
     "Activities of households as employers; undifferentiated goods- and services-producing activities "
     "of households for own use"),
    ("U", "국제 및 외국기관", "Activities of extraterritorial organizations and bodies"),
]

# The dictionary's skillYear (time to become proficient) -> months, at the upper bound of each band
# ("10년 초과" has none and counts as 120).
SKILL_YEARS: dict[str, int] = {
    "약간의 시범정도": 0,
    "시범후 30일 이하": 1,
    "1개월 초과 ~ 3개월 이하": 3,
    "3개월 초과 ~ 6개월 이하": 6,
    "6개월 초과 ~ 1년 이하": 12,
    "1년 초과 ~ 2년 이하": 24,
    "2년 초과 ~ 4년 이하": 48,
    "4년 초과 ~ 10년 이하": 120,
    "10년 초과": 120,
}

# The same bands at their lower bound: the minimum experience a posting for the job asks for. The
# recommendation benchmark (recommend_dev) derives postings' monthsOfExperience this way.
SKILL_YEARS_MIN_MONTHS: dict[str, int] = {
    "약간의 시범정도": 0,
    "시범후 30일 이하": 0,
    "1개월 초과 ~ 3개월 이하": 1,
    "3개월 초과 ~ 6개월 이하": 3,
    "6개월 초과 ~ 1년 이하": 6,
    "1년 초과 ~ 2년 이하": 12,
    "2년 초과 ~ 4년 이하": 24,
    "4년 초과 ~ 10년 이하": 48,
    "10년 초과": 120,
}

# schema.org unitText values for baseSalary.
WAGE_UNITS: list[WageUnitEntry] = [
    {"code": "HOUR", "name_ko": "시급", "name_en": "Hourly", "aliases": ["시간급", "시간당"]},
    {"code": "DAY", "name_ko": "일급", "name_en": "Daily", "aliases": ["일당"]},
    {"code": "WEEK", "name_ko": "주급", "name_en": "Weekly", "aliases": []},
    {"code": "MONTH", "name_ko": "월급", "name_en": "Monthly", "aliases": ["월급여", "월봉"]},
    {"code": "YEAR", "name_ko": "연봉", "name_en": "Yearly", "aliases": ["연급여", "연간"]},
]
