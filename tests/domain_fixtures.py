"""Domain fixtures shared by the service and page tests: taxonomy rows with the ORM, companies, seekers
and postings through the services under test. Imported by tests/services and tests/web conftests."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from jobcenter.accounts.roles import Role


@pytest.fixture
def today():
    return timezone.localdate()


@pytest.fixture
def vocab(db):
    from jobcenter.taxonomy.models import Certification, EducationLevel, Occupation, OccupationAlias, Region
    from jobcenter.taxonomy.text import normalize_label

    group = Occupation.objects.create(
        scheme="KECO", version="7", code="133", name="정보통신 개발자", level=Occupation.Level.MINOR
    )
    web_dev = Occupation.objects.create(
        scheme="KECO", version="7", code="1332", name="웹 개발자", name_en="Web developer",
        level=Occupation.Level.UNIT, parent=group,
    )
    OccupationAlias.objects.create(
        occupation=web_dev, label="웹프로그래머", normalized=normalize_label("웹프로그래머"),
        kind=OccupationAlias.Kind.SIMILAR,
    )
    welder = Occupation.objects.create(
        scheme="KECO", version="7", code="8173", name="용접원", name_en="Welder", level=Occupation.Level.UNIT
    )
    seoul = Region.objects.create(
        code="11", name="서울특별시", short_name="서울", name_en="Seoul", level=Region.Level.PROVINCE,
        latitude=37.5665, longitude=126.9780,
    )
    gangnam = Region.objects.create(
        code="11680", name="강남구", name_en="Gangnam-gu", level=Region.Level.CITY, parent=seoul,
        latitude=37.5172, longitude=127.0473,
    )
    bachelor = EducationLevel.objects.create(
        code="BACHELOR", name="대학교 졸업(4년)", name_en="Bachelor's degree", years=16, rank=5, aliases=["대졸"]
    )
    cert = Certification.objects.create(
        name="정보처리기사", normalized=normalize_label("정보처리기사"), issuer="한국산업인력공단",
        kind=Certification.Kind.NATIONAL_TECHNICAL,
    )
    return {
        "group": group, "web_dev": web_dev, "welder": welder, "seoul": seoul, "gangnam": gangnam,
        "bachelor": bachelor, "cert": cert,
    }


@pytest.fixture
def employer(make_user):
    return make_user(Role.EMPLOYER)


@pytest.fixture
def company(employer):
    from jobcenter.employers.services import company_create

    return company_create(name="한빛테크", business_number="220-81-62517", owner=employer)


@pytest.fixture
def other_employer(make_user):
    return make_user(Role.EMPLOYER)


@pytest.fixture
def other_company(other_employer):
    from jobcenter.employers.services import company_create

    return company_create(name="새솔물류", business_number="124-81-00998", owner=other_employer)


@pytest.fixture
def seeker(make_user):
    from jobcenter.seekers.services import seeker_profile_create

    user = make_user(Role.SEEKER)
    return seeker_profile_create(user=user, display_name="김민준")


@pytest.fixture
def other_seeker(make_user):
    from jobcenter.seekers.services import seeker_profile_create

    user = make_user(Role.SEEKER)
    return seeker_profile_create(user=user, display_name="이서연")


@pytest.fixture
def make_posting(company, employer, vocab, today):
    from jobcenter.jobs.services import posting_create, posting_publish

    def _make(publish: bool = True, **fields):
        values = {
            "title": "웹 개발자 채용",
            "description": "Django로 공공 서비스를 만듭니다.",
            "occupation": vocab["web_dev"],
            "region": vocab["gangnam"],
            "wage_min": 3_000_000,
            "wage_max": 4_000_000,
            "closes_on": today + dt.timedelta(days=30),
        }
        values.update(fields)
        posting = posting_create(company=company, created_by=employer, **values)
        if publish:
            posting = posting_publish(posting=posting, by=employer)
        return posting

    return _make


@pytest.fixture
def posting(make_posting):
    return make_posting()
