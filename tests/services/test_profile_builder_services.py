"""Services behind the profile builder and the company page: item edits, the JSON Resume merge, company and
workplace edits with their permission checks."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from jobcenter.employers.services import company_update, workplace_create, workplace_update
from jobcenter.interchange.jsonresume import parse_seeker
from jobcenter.seekers.services import (
    certificate_add,
    certificate_update,
    preference_update,
    seeker_profile_import_jsonresume,
    work_experience_add,
    work_experience_update,
)

pytestmark = pytest.mark.django_db


def record(**fields):
    result = parse_seeker({"id": "t", **fields})
    assert not isinstance(result, list), result
    return result


def test_work_experience_update_renormalises(seeker, vocab):
    job = work_experience_add(seeker=seeker, title="웹프로그래머")
    assert job.occupation == vocab["web_dev"]
    work_experience_update(experience=job, title="직접 쓴 직함")
    job.refresh_from_db()
    assert (job.title, job.occupation, job.occupation_confidence) == ("직접 쓴 직함", None, None)
    with pytest.raises(ValidationError) as exc:
        work_experience_update(experience=job, title="x", start_date=dt.date(2020, 1, 1), end_date=dt.date(2019, 1, 1))
    assert "end_date" in exc.value.message_dict


def test_certificate_update_keeps_free_text_and_refuses_resident_numbers(seeker, vocab):
    cert = certificate_add(seeker=seeker, name="정보처리기사")
    certificate_update(certificate=cert, name="드론 자격")
    assert (cert.name, cert.certification) == ("드론 자격", None)
    with pytest.raises(ValidationError):
        certificate_update(certificate=cert, name="900101-1234567")


def test_import_keeps_existing_preferences_and_adds_new_occupations(seeker, vocab):
    preference_update(seeker=seeker, desired_occupations=["웹프로그래머"], max_commute_km=10, desired_wage=2_500_000,
                      employment_types=["PART_TIME"])
    seeker_profile_import_jsonresume(seeker=seeker, record=record(**{"x-jobcenter": {
        "desiredOccupations": ["용접원", "웹프로그래머"], "maxCommuteKm": 50, "desiredMonthlyWage": 4_000_000,
        "employmentTypes": ["FULL_TIME"], "availableFrom": "2027-01-01"}}))
    preference = seeker.preference
    preference.refresh_from_db()
    assert preference.desired_occupation_texts == ["웹프로그래머", "용접원"]
    assert set(preference.desired_occupations.all()) == {vocab["web_dev"], vocab["welder"]}
    assert (preference.max_commute_km, preference.desired_wage) == (10, 2_500_000)  # kept
    assert preference.employment_types == ["PART_TIME", "FULL_TIME"]
    assert preference.available_from == dt.date(2027, 1, 1)  # was empty


def test_import_by_occupation_code_and_unknown_code(seeker, vocab):
    seeker_profile_import_jsonresume(
        seeker=seeker, record=record(work=[{"position": "철골 용접", "x-occupationCode": "KECO:8173"}])
    )
    assert seeker.work_experiences.get().occupation == vocab["welder"]
    with pytest.raises(ValidationError) as exc:
        seeker_profile_import_jsonresume(
            seeker=seeker, record=record(work=[{"position": "다른 일", "x-occupationCode": "KECO:0000"}])
        )
    assert "work[0].x-occupationCode" in exc.value.message_dict
    assert seeker.work_experiences.count() == 1  # all or nothing


def test_company_update_only_by_members(company, employer, other_employer):
    company_update(company=company, by=employer, name="  새 이름 ", size_band="large")
    company.refresh_from_db()
    assert (company.name, company.size_band) == ("새 이름", "large")
    with pytest.raises(PermissionDenied):
        company_update(company=company, by=other_employer, name="탈취")
    with pytest.raises(ValidationError) as exc:
        company_update(company=company, by=employer, name=" ")
    assert "name" in exc.value.message_dict
    with pytest.raises(TypeError):
        company_update(company=company, by=employer, business_number="1234567890")


def test_workplace_update(company, employer, other_employer, vocab):
    workplace = workplace_create(company=company, name="본사", region=vocab["gangnam"])
    workplace_create(company=company, name="지점")
    with pytest.raises(ValidationError) as exc:
        workplace_update(workplace=workplace, by=employer, name="지점")
    assert "name" in exc.value.message_dict
    with pytest.raises(PermissionDenied):
        workplace_update(workplace=workplace, by=other_employer, name="x")
    workplace_update(workplace=workplace, by=employer, name="본사", region=vocab["seoul"], latitude=37.1,
                     longitude=127.1)
    workplace.refresh_from_db()
    assert (workplace.region, workplace.latitude, workplace.longitude) == (vocab["seoul"], 37.1, 127.1)
