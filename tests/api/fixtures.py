"""Rows for the API and selector tests, created directly with the ORM.

Shared by ``tests/api`` (through its conftest) and ``tests/selectors`` (imported as ``api.fixtures``: that folder
cannot be a package, because a package named ``selectors`` would shadow the standard library module).
"""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest
from django.utils import timezone

from jobcenter.accounts.roles import Role


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """These tests create many users and never check a password: skip the deliberately slow hash."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def today() -> dt.date:
    return timezone.localdate()


@pytest.fixture
def vocab(db):
    from jobcenter.taxonomy.models import (
        Certification,
        EducationLevel,
        EmploymentType,
        Occupation,
        OccupationAlias,
        OccupationCertification,
        Region,
    )
    from jobcenter.taxonomy.text import normalize_label

    Level = Occupation.Level

    def occ(code, name, level, parent=None, name_en="", scheme="KECO"):
        return Occupation.objects.create(
            scheme=scheme, version="KECO-7", code=code, name=name, name_en=name_en, level=level, parent=parent
        )

    def alias(occupation, label, kind=OccupationAlias.Kind.SIMILAR):
        return OccupationAlias.objects.create(
            occupation=occupation, label=label, normalized=normalize_label(label), kind=kind
        )

    v = SimpleNamespace()
    v.major8 = occ("8", "설치·정비·생산직", Level.MAJOR)
    v.middle81 = occ("81", "기계·금속 설치·정비·생산직", Level.MIDDLE, v.major8)
    v.minor817 = occ("817", "용접·도장 관련직", Level.MINOR, v.middle81)
    v.welder = occ("8173", "용접원", Level.UNIT, v.minor817, name_en="Welder")
    v.painter = occ("8174", "도장원", Level.UNIT, v.minor817, name_en="Painter")
    v.major1 = occ("1", "경영·사무·금융·보험직", Level.MAJOR)
    v.middle13 = occ("13", "정보통신 전문가 및 기술직", Level.MIDDLE, v.major1)
    v.minor133 = occ("133", "정보통신 개발자", Level.MINOR, v.middle13)
    v.web_dev = occ("1332", "웹 개발자", Level.UNIT, v.minor133, name_en="Web developer")
    v.app_dev = occ("1331", "응용 소프트웨어 개발자", Level.UNIT, v.minor133, name_en="Software developer")
    v.esco_welder = occ(
        "http://data.europa.eu/esco/occupation/welder-1", "welder", Level.UNIT, scheme="ESCO", name_en="welder"
    )
    alias(v.welder, "CO2 용접사")
    alias(v.welder, "용접공", OccupationAlias.Kind.COLLOQUIAL)
    alias(v.web_dev, "웹프로그래머")
    alias(v.web_dev, "프론트엔드 개발자", OccupationAlias.Kind.COLLOQUIAL)
    # One colloquial word for two occupations: an exact match must not pick one of them.
    alias(v.web_dev, "개발자", OccupationAlias.Kind.COLLOQUIAL)
    alias(v.app_dev, "개발자", OccupationAlias.Kind.COLLOQUIAL)

    v.seoul = Region.objects.create(code="11", name="서울특별시", short_name="서울", name_en="Seoul",
                                    level=Region.Level.PROVINCE, latitude=37.5665, longitude=126.9780)
    v.gangnam = Region.objects.create(code="11680", name="강남구", level=Region.Level.CITY, parent=v.seoul,
                                      latitude=37.5172, longitude=127.0473)
    v.busan = Region.objects.create(code="26", name="부산광역시", short_name="부산", name_en="Busan",
                                    level=Region.Level.PROVINCE, latitude=35.1796, longitude=129.0756)
    v.haeundae = Region.objects.create(code="26350", name="해운대구", level=Region.Level.CITY, parent=v.busan,
                                       latitude=35.1631, longitude=129.1635)
    v.gyeonggi = Region.objects.create(code="41", name="경기도", short_name="경기", name_en="Gyeonggi-do",
                                       level=Region.Level.PROVINCE, latitude=37.2750, longitude=127.0095)
    v.suwon = Region.objects.create(code="41110", name="수원시", level=Region.Level.CITY, parent=v.gyeonggi,
                                    latitude=37.2636, longitude=127.0286)
    v.goyang = Region.objects.create(code="41280", name="고양시", level=Region.Level.CITY, parent=v.gyeonggi,
                                     latitude=37.6584, longitude=126.8320)

    v.high_school = EducationLevel.objects.create(code="HIGH_SCHOOL", name="고등학교 졸업", name_en="High school",
                                                  years=12, rank=3, aliases=["고졸"])
    v.college = EducationLevel.objects.create(code="COLLEGE", name="전문대학 졸업", name_en="Junior college",
                                              years=14, rank=4, aliases=["초대졸", "전문학사"])
    v.bachelor = EducationLevel.objects.create(code="BACHELOR", name="대학교 졸업(4년)", name_en="Bachelor's degree",
                                               years=16, rank=5, aliases=["대졸", "학사"])

    v.welding_cert = Certification.objects.create(name="용접기능사", normalized=normalize_label("용접기능사"),
                                                  kind=Certification.Kind.NATIONAL_TECHNICAL, grade="기능사")
    v.welding_cert2 = Certification.objects.create(name="용접산업기사", normalized=normalize_label("용접산업기사"),
                                                   kind=Certification.Kind.NATIONAL_TECHNICAL, grade="산업기사")
    v.it_cert = Certification.objects.create(name="정보처리기사", normalized=normalize_label("정보처리기사"),
                                             kind=Certification.Kind.NATIONAL_TECHNICAL, grade="기사")
    OccupationCertification.objects.create(occupation=v.welder, certification=v.welding_cert)
    OccupationCertification.objects.create(occupation=v.welder, certification=v.welding_cert2)
    EmploymentType.objects.create(code="FULL_TIME", name="정규직", name_en="full-time")
    EmploymentType.objects.create(code="PART_TIME", name="시간제", name_en="part-time")
    return v


@pytest.fixture
def companies(db, make_user):
    """Two companies, each with one employer member; ``outsider`` is an employer of neither."""
    from jobcenter.employers.models import Company, CompanyMember, Workplace

    c = SimpleNamespace()
    c.acme = Company.objects.create(name="한빛정밀", business_number="2208162517", website="https://hanbit.example.kr")
    c.globex = Company.objects.create(name="새솔소프트", business_number="1248100998")
    c.acme_member = make_user(Role.EMPLOYER)
    c.globex_member = make_user(Role.EMPLOYER)
    c.outsider = make_user(Role.EMPLOYER)
    CompanyMember.objects.create(company=c.acme, user=c.acme_member, role=CompanyMember.Role.OWNER)
    CompanyMember.objects.create(company=c.globex, user=c.globex_member, role=CompanyMember.Role.OWNER)
    c.acme_plant = Workplace.objects.create(company=c.acme, name="수원공장", address="경기도 수원시 권선구 산업로 1",
                                            postal_code="16643", latitude=37.25, longitude=127.01)
    return c


@pytest.fixture
def postings(vocab, companies, today):
    """One posting per visibility case. ``public`` lists the ones the public listing must show."""
    from jobcenter.jobs.models import EmploymentTypeCode, JobPosting, PostingStatus

    def post(title, company, status=PostingStatus.OPEN, **kw):
        kw.setdefault("posted_on", today - dt.timedelta(days=10))
        kw.setdefault("description", f"{title} 모집합니다.")
        return JobPosting.objects.create(title=title, company=company, status=status, **kw)

    p = SimpleNamespace()
    p.welder = post(
        "CO2 용접원 모집", companies.acme, occupation=vocab.welder, region=vocab.suwon, workplace=companies.acme_plant,
        address="경기도 수원시 권선구 산업로 1", latitude=37.25, longitude=127.01,
        wage_min=2_800_000, wage_max=3_500_000, experience_months=12, education_level=vocab.high_school,
        closes_on=today + dt.timedelta(days=20), qualifications_text="용접기능사 이상", working_hours="09:00-18:00",
        openings=2, how_to_apply="온라인 지원",
    )
    p.welder.required_certifications.add(vocab.welding_cert)
    p.painter = post(
        "도장원 (파트타임)", companies.acme, occupation=vocab.painter, region=vocab.goyang,
        employment_type=EmploymentTypeCode.PART_TIME, wage_min=11_000, wage_unit="HOUR",
        closes_on=today,  # closing today: still open until the end of the day in Seoul
    )
    p.web = post(
        "프론트엔드 웹 개발자", companies.globex, occupation=vocab.web_dev, region=vocab.haeundae,
        wage_min=3_000_000, experience_months=36, education_level=vocab.bachelor,
        description="React 경험자 우대",
    )
    p.draft = post("임시저장 공고", companies.acme, status=PostingStatus.DRAFT, occupation=vocab.welder,
                   region=vocab.suwon)
    p.closed = post("마감된 공고", companies.acme, status=PostingStatus.CLOSED, occupation=vocab.welder)
    p.removed = post("삭제된 공고", companies.globex, status=PostingStatus.REMOVED, occupation=vocab.web_dev)
    p.expired = post("기한 지난 공고", companies.globex, occupation=vocab.web_dev, region=vocab.haeundae,
                     posted_on=today - dt.timedelta(days=40), closes_on=today - dt.timedelta(days=1))
    p.expired_status = post("만료 처리된 공고", companies.globex, status=PostingStatus.EXPIRED)
    p.public = {p.welder, p.painter, p.web}
    p.hidden = {p.draft, p.closed, p.removed, p.expired, p.expired_status}
    return p


@pytest.fixture
def seekers(vocab, postings, make_user):
    """Two seekers with profiles, protected attributes and applications; ``counselor`` and ``staff`` users."""
    from jobcenter.jobs.models import Application, ApplicationStatus, ApplicationStatusChange
    from jobcenter.seekers.models import (
        Education,
        JobPreference,
        ProtectedAttributes,
        SeekerCertificate,
        SeekerProfile,
        TrainingRecord,
        WorkExperience,
    )

    s = SimpleNamespace()
    s.alice = make_user(Role.SEEKER)
    s.bob = make_user(Role.SEEKER)
    s.counselor = make_user(Role.COUNSELOR)
    s.staff = make_user(Role.STAFF)
    s.alice_profile = SeekerProfile.objects.create(
        user=s.alice, display_name="김앨리스", email="alice@example.kr", phone="010-1111-2222",
        home_region=vocab.suwon, summary="용접 5년 경력",
    )
    s.bob_profile = SeekerProfile.objects.create(
        user=s.bob, display_name="이밥", email="bob@example.kr", phone="010-3333-4444", home_region=vocab.haeundae,
    )
    # Values chosen to be unmistakable if they ever leak into an API answer.
    ProtectedAttributes.objects.create(seeker=s.alice_profile, sex="F", birth_year=1977, has_disability=True)
    ProtectedAttributes.objects.create(seeker=s.bob_profile, sex="M", birth_year=1988, has_disability=False)
    WorkExperience.objects.create(seeker=s.alice_profile, title="CO2 용접사", employer_name="대한중공업",
                                  start_date=dt.date(2019, 3, 1), end_date=dt.date(2024, 2, 29),
                                  occupation=vocab.welder, occupation_confidence=1.0)
    Education.objects.create(seeker=s.alice_profile, level=vocab.high_school, level_text="고졸",
                             institution="수원공업고등학교", major="기계과", end_date=dt.date(2010, 2, 10))
    SeekerCertificate.objects.create(seeker=s.alice_profile, name="용접기능사", certification=vocab.welding_cert)
    TrainingRecord.objects.create(seeker=s.alice_profile, course_name="특수용접 실무", provider="한국폴리텍",
                                  completed=True)
    pref = JobPreference.objects.create(seeker=s.alice_profile, desired_occupation_texts=["용접"],
                                        desired_wage=3_000_000, employment_types=["FULL_TIME"], max_commute_km=20)
    pref.desired_occupations.add(vocab.welder)
    pref.regions.add(vocab.gyeonggi)

    s.alice_app = Application.objects.create(posting=postings.welder, seeker=s.alice_profile,
                                             status=ApplicationStatus.REVIEWED, cover_note="열심히 하겠습니다")
    ApplicationStatusChange.objects.create(application=s.alice_app, from_status="", to_status="applied")
    ApplicationStatusChange.objects.create(application=s.alice_app, from_status="applied", to_status="reviewed",
                                           note="internal: strong welder")
    s.bob_app = Application.objects.create(posting=postings.web, seeker=s.bob_profile, cover_note="React 3년")
    s.bob_app_welder = Application.objects.create(posting=postings.welder, seeker=s.bob_profile)
    return s
