"""Deterministic, realistic Korean demo data generated from whatever reference data is loaded.

Idempotent: every demo row has a natural key (source "demo"); a second run creates only what is missing and
never rewrites what exists, so `make run` can be repeated freely. Dates are relative to the day the row was
first created, so a fresh demo always has open postings.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from jobcenter.accounts.models import User
from jobcenter.accounts.roles import Role

SEED = 20261125
DEMO_PASSWORD = "jobcenter-demo-2026"
N_COMPANIES = 40
N_POSTINGS = 300
N_SEEKERS = 40
N_COURSES = 30

DEMO_ACCOUNTS = [
    # (email, role, display name)
    ("seeker@demo.jobcenter.kr", Role.SEEKER, "김민준"),
    ("seeker2@demo.jobcenter.kr", Role.SEEKER, "이서연"),
    ("employer@demo.jobcenter.kr", Role.EMPLOYER, "박지훈"),
    ("employer2@demo.jobcenter.kr", Role.EMPLOYER, "최유진"),
    ("counselor@demo.jobcenter.kr", Role.COUNSELOR, "정상담"),
    ("staff@demo.jobcenter.kr", Role.STAFF, "한직원"),
    ("admin@demo.jobcenter.kr", Role.ADMINISTRATOR, "관리자"),
]

_FAMILY = "김이박최정강조윤장임한오서신권황안송류홍"
_GIVEN = ["민준", "서연", "도윤", "하은", "시우", "지우", "예준", "수아", "주원", "지민", "현우", "채원", "건우",
          "유나", "우진", "소율", "선우", "다은", "연우", "예린", "정호", "미경", "영수", "순자", "성민", "은지"]
_COMPANY_PREFIX = ["한빛", "새솔", "대한", "동방", "미래", "푸른", "우리", "세종", "한결", "늘봄", "다온", "가람",
                   "해오름", "청솔", "바른", "신성", "태양", "금강", "백두", "한라"]
_COMPANY_SUFFIX = ["산업", "정밀", "테크", "물류", "건설", "푸드", "케어", "시스템", "에너지", "서비스", "기공", "전자"]
_SCHOOLS = {"HIGH_SCHOOL": "공업고등학교", "ASSOCIATE": "전문대학", "BACHELOR": "대학교", "MASTER": "대학원"}
_PROVIDERS = ["한국폴리텍대학", "대한상공회의소 인력개발원", "한국직업전문학교", "미래기술교육원", "늘배움 직업훈련원"]
_HOURS = ["주 5일, 09:00~18:00", "주 5일, 08:30~17:30", "2교대 (주간/야간)", "주 3일, 10:00~16:00", "주 6일, 07:00~16:00"]


def business_number_with_check_digit(first9: str) -> str:
    weights = (1, 3, 7, 1, 3, 7, 1, 3, 5)
    digits = [int(c) for c in first9]
    total = sum(d * w for d, w in zip(digits, weights)) + (digits[8] * 5) // 10
    return first9 + str((10 - total % 10) % 10)


@dataclass
class DemoReport:
    created: dict[str, int] = field(default_factory=dict)

    def add(self, what: str, n: int = 1) -> None:
        self.created[what] = self.created.get(what, 0) + n


def _accounts(report: DemoReport) -> dict[str, User]:
    from jobcenter.accounts.services import user_create

    users = {}
    for email, role, name in DEMO_ACCOUNTS:
        user = User.objects.filter(email=email).first()
        if user is None:
            user = user_create(email=email, password=DEMO_PASSWORD, role=role, first_name=name)
            report.add("accounts")
        users[email] = user
    return users


def _occupation_pool():
    """Leaf KECO occupations with a title source: dictionary jobs when imported, else the built-in aliases."""
    from jobcenter.taxonomy.models import Occupation

    occupations = list(
        Occupation.objects.filter(scheme="KECO", level=Occupation.Level.UNIT).prefetch_related(
            "dictionary_jobs", "aliases", "certifications"
        ).order_by("code")
    )
    return [o for o in occupations if o.description or o.dictionary_jobs.all()]


def _titles(occupation) -> list[str]:
    jobs = list(occupation.dictionary_jobs.all())
    if jobs:
        return [j.name for j in jobs]
    return [occupation.name] + [a.label for a in occupation.aliases.all() if a.language == "ko"]


def _duties(occupation, rng: random.Random) -> str:
    jobs = list(occupation.dictionary_jobs.all())
    if jobs:
        job = rng.choice(jobs)
        return " ".join(p for p in [job.summary, job.duties] if p)
    return occupation.description or occupation.name


def _cities():
    from jobcenter.taxonomy.models import Region

    # Metropolitan cities (province level) and the bigger cities: where most postings are.
    provinces = list(Region.objects.filter(level=Region.Level.PROVINCE).order_by("code"))
    metros = [p for p in provinces if p.name.endswith(("특별시", "광역시", "특별자치시"))]
    cities = list(Region.objects.filter(level=Region.Level.CITY, name__endswith="시").select_related("parent"))
    return metros + cities


def _wage(rng: random.Random, experience_months: int, edu_rank: int) -> tuple[int, int]:
    base = 2_100_000 + experience_months * 12_000 + edu_rank * 150_000 + rng.randrange(0, 600_000, 10_000)
    return base, base + rng.choice([0, 200_000, 300_000, 500_000, 800_000])


def _demo_account_anchor(company):
    """The first open demo posting of ``company`` with an occupation and a place (or ``None``)."""
    from jobcenter.jobs.models import JobPosting, PostingStatus

    return (
        JobPosting.objects.filter(source="demo", company=company, status=PostingStatus.OPEN, occupation__isnull=False)
        .exclude(region__isnull=True, workplace__region__isnull=True)
        .select_related("occupation", "region", "workplace__region")
        .order_by("source_key")
        .first()
    )


@transaction.atomic
def demo_data_load(*, seed: int = SEED) -> DemoReport:
    from jobcenter.employers.models import Company, CompanyMember
    from jobcenter.employers.services import company_create, workplace_create
    from jobcenter.jobs import services as job_services
    from jobcenter.jobs.models import Application, ApplicationStatus, JobPosting, PostingStatus
    from jobcenter.seekers import services as seeker_services
    from jobcenter.seekers.models import SeekerProfile
    from jobcenter.taxonomy.models import EducationLevel, Industry
    from jobcenter.training.models import TrainingCourse, TrainingProvider

    rng = random.Random(seed)
    report = DemoReport()
    today = timezone.localdate()
    users = _accounts(report)
    occupations = _occupation_pool()
    places = _cities()
    if not occupations or not places:
        raise RuntimeError("load the reference data first (jobcenter load-reference)")
    industries = list(Industry.objects.all())
    levels = {lvl.code: lvl for lvl in EducationLevel.objects.all()}
    level_codes = [c for c in ("HIGH_SCHOOL", "ASSOCIATE", "BACHELOR", "MASTER") if c in levels]

    # Companies with valid business numbers, each with one workplace in a city.
    companies: list[Company] = []
    for i in range(N_COMPANIES):
        rng = random.Random(f"{seed}:company:{i}")  # per item: a skipped item shifts no other
        number = business_number_with_check_digit(f"{rng.randrange(101, 899):03d}{rng.randrange(81, 88):02d}{i:04d}")
        name = f"(주){_COMPANY_PREFIX[i % len(_COMPANY_PREFIX)]}{_COMPANY_SUFFIX[(i * 7) % len(_COMPANY_SUFFIX)]}"
        place = rng.choice(places)
        industry = rng.choice(industries) if industries else None
        size_band = rng.choice(["micro", "small", "small", "medium", "large"])
        company = Company.objects.filter(source="demo", source_key=f"C{i:03d}").first()
        if company is None:
            company = company_create(name=name, business_number=number, industry=industry, size_band=size_band,
                                     source="demo", source_key=f"C{i:03d}")
            workplace_create(company=company, name=f"{place.name} 사업장", address=f"{place.full_name} 중앙로 {10 + i}",
                             region=place)
            report.add("companies")
        companies.append(company)
    for email, company in (("employer@demo.jobcenter.kr", companies[0]), ("employer2@demo.jobcenter.kr", companies[1])):
        if not CompanyMember.objects.filter(company=company, user=users[email]).exists():
            CompanyMember.objects.create(company=company, user=users[email], role=CompanyMember.Role.OWNER)

    # Postings: mostly open, some drafts, closed and expired, spread over occupations and regions.
    employer_of = {companies[0].pk: users["employer@demo.jobcenter.kr"], companies[1].pk: users["employer2@demo.jobcenter.kr"]}
    for i in range(N_POSTINGS):
        rng = random.Random(f"{seed}:posting:{i}")  # per item: a skipped item shifts no other
        key = f"D{i:04d}"
        occupation = occupations[(i * 37 + rng.randrange(len(occupations))) % len(occupations)]
        company = companies[0] if i < 12 else companies[1] if i < 20 else rng.choice(companies)
        workplace = company.workplaces.first()
        experience = rng.choice([0, 0, 6, 12, 24, 36, 60])
        edu = rng.choice(level_codes + [None, None]) if level_codes else None
        wage_min, wage_max = _wage(rng, experience, levels[edu].rank if edu else 2)
        posted = today - timedelta(days=rng.randrange(0, 30))
        closes = today + timedelta(days=rng.randrange(3, 60))
        certs = list(occupation.certifications.all())
        required = rng.sample(certs, 1) if certs and rng.random() < 0.45 else []
        fate = rng.random()
        if JobPosting.objects.filter(source="demo", source_key=key).exists():
            continue
        by = employer_of.get(company.pk)
        posting = job_services.posting_create(
            company=company, created_by=by, workplace=workplace, title=rng.choice(_titles(occupation)),
            description=_duties(occupation, rng), occupation=occupation, experience_months=experience,
            education_level=levels[edu] if edu else None, employment_type=rng.choice(
                ["FULL_TIME"] * 6 + ["PART_TIME", "TEMPORARY", "CONTRACTOR"]),
            wage_min=wage_min, wage_max=wage_max, wage_unit="MONTH", working_hours=rng.choice(_HOURS),
            posted_on=posted, closes_on=closes, openings=rng.choice([1, 1, 2, 3, 5]),
            how_to_apply="jobcenter에서 온라인으로 지원하거나 담당자에게 이메일로 이력서를 보내 주세요.",
        )
        posting.source, posting.source_key = "demo", key
        posting.qualifications_text = ", ".join(c.name for c in required)
        posting.save(update_fields=["source", "source_key", "qualifications_text"])
        posting.required_certifications.set(required)
        if fate < 0.04:
            pass  # stays a draft
        else:
            job_services.posting_publish(posting=posting, by=by)
            if fate < 0.08:
                job_services.posting_close(posting=posting, by=by, note="채용 완료")
            elif fate < 0.11:
                job_services.posting_remove(posting=posting, by=by, note="중복 공고")
        report.add("postings")

    # Training courses aimed at occupations, with the licences they prepare for.
    providers = []
    for name in _PROVIDERS:
        provider, created = TrainingProvider.objects.get_or_create(name=name, defaults={"region": rng.choice(places)})
        providers.append(provider)
    for i in range(N_COURSES):
        rng = random.Random(f"{seed}:course:{i}")  # per item: a skipped item shifts no other
        key = f"T{i:03d}"
        occupation = occupations[(i * 53) % len(occupations)]
        if TrainingCourse.objects.filter(source="demo", source_key=key).exists():
            continue
        provider = providers[i % len(providers)]
        start = today + timedelta(days=rng.randrange(7, 90))
        weeks = rng.choice([4, 8, 12, 16, 24])
        course = TrainingCourse.objects.create(
            source="demo", source_key=key, provider=provider, title=f"{occupation.name} 실무 양성과정",
            description=f"{occupation.name} 직무에 필요한 기초 이론과 실습을 익히는 과정입니다.",
            occupation=occupation, region=provider.region, latitude=provider.region.latitude if provider.region else None,
            longitude=provider.region.longitude if provider.region else None, start_date=start,
            end_date=start + timedelta(weeks=weeks), hours=weeks * 30, cost=weeks * 150_000,
            support=rng.choice(["naeil_card", "naeil_card", "national_strategic"]), support_rate=rng.choice([45, 55, 85, 100]),
            capacity=rng.choice([15, 20, 25, 30]),
        )
        course.certifications.set(list(occupation.certifications.all())[:2])
        report.add("training courses")

    # Seekers: the two demo accounts and anonymous-to-employers profiles with careers and licences.
    seeker_users = [users["seeker@demo.jobcenter.kr"], users["seeker2@demo.jobcenter.kr"]]
    for i in range(N_SEEKERS):
        rng = random.Random(f"{seed}:seeker:{i}")  # per item: a skipped item shifts no other
        key = f"S{i:03d}"
        user = seeker_users[i] if i < len(seeker_users) else None
        if SeekerProfile.objects.filter(source="demo", source_key=key).exists() or (
            user is not None and SeekerProfile.objects.filter(user=user).exists()
        ):
            continue
        name = DEMO_ACCOUNTS[i][2] if user else f"{_FAMILY[i % len(_FAMILY)]}{_GIVEN[(i * 5) % len(_GIVEN)]}"
        home = rng.choice(places)
        occupation = occupations[(i * 11 + 3) % len(occupations)]
        anchor = _demo_account_anchor(companies[i]) if user is not None else None
        if anchor is not None:
            # The demo accounts work in the trade of a demo employer's open posting and live where it is, so their
            # AI recommendations and that employer's recommended candidates both have a real match to show.
            occupation, home = anchor.occupation, anchor.region or anchor.workplace.region or home
        profile = seeker_services.seeker_profile_create(
            user=user, display_name=name, email=user.email if user else "", home_region=home,
        )
        profile.source, profile.source_key = "demo", key
        profile.discoverable = rng.random() < 0.3
        profile.save(update_fields=["source", "source_key", "discoverable"])
        start = today - timedelta(days=rng.randrange(400, 3000))
        end = start + timedelta(days=rng.randrange(200, 1500))
        seeker_services.work_experience_add(
            seeker=profile, title=rng.choice(_titles(occupation)),
            employer_name=f"{rng.choice(_COMPANY_PREFIX)}{rng.choice(_COMPANY_SUFFIX)}",
            start_date=start, end_date=min(end, today - timedelta(days=30)), duties=_duties(occupation, rng)[:400],
        )
        if level_codes:
            edu = rng.choice(level_codes)
            seeker_services.education_add(seeker=profile, level=levels[edu], institution=f"{home.name} {_SCHOOLS[edu]}")
        for cert in list(occupation.certifications.all())[: rng.choice([0, 1, 1, 2])]:
            seeker_services.certificate_add(seeker=profile, name=cert.name,
                                            acquired_on=start - timedelta(days=rng.randrange(30, 700)))
        seeker_services.preference_update(
            seeker=profile, desired_occupations=[occupation], regions=[home],
            max_commute_km=rng.choice([10, 15, 20, 30, 50]),
            desired_wage=rng.randrange(2_200_000, 4_000_000, 50_000), desired_wage_unit="MONTH",
            employment_types=rng.choice([["FULL_TIME"], ["FULL_TIME", "PART_TIME"], ["FULL_TIME", "TEMPORARY"]]),
            available_from=today + timedelta(days=rng.randrange(0, 30)),
        )
        report.add("seekers")

    # Applications moving through the workflow, each move recorded.
    open_postings = list(JobPosting.objects.filter(source="demo", status=PostingStatus.OPEN).order_by("id"))
    profiles = list(SeekerProfile.objects.filter(source="demo").order_by("id"))
    paths = [[], ["reviewed"], ["reviewed", "interview"], ["interview", "offered"], ["interview", "offered", "hired"],
             ["rejected"]]
    for i in range(min(60, len(open_postings))):
        rng = random.Random(f"{seed}:application:{i}")  # per item: a skipped item shifts no other
        seeker = profiles[i % len(profiles)]
        # The demo employers' first postings get applicants, so their pipeline is never empty.
        posting = open_postings[i] if i < 10 else rng.choice(open_postings)
        if Application.objects.filter(posting=posting, seeker=seeker).exists():
            continue
        application = job_services.application_create(posting=posting, seeker=seeker,
                                                      cover_note="성실하게 일하겠습니다. 연락 기다리겠습니다.")
        mover = employer_of.get(posting.company_id) or users["staff@demo.jobcenter.kr"]
        for step in rng.choice(paths):
            job_services.application_move(application=application, to_status=ApplicationStatus(step), by=mover)
        report.add("applications")
    return report
