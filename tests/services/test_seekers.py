from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from jobcenter.accounts.roles import Role
from jobcenter.seekers.models import JobPreference, SeekerProfile, WorkExperience
from jobcenter.seekers.services import (
    certificate_add,
    education_add,
    preference_update,
    seeker_profile_create,
    seeker_profile_update,
    seeker_register,
    training_record_add,
    work_experience_add,
)

pytestmark = pytest.mark.django_db

RRN_SAMPLES = ["900101-1234567", "9001012234567", "주민번호 850505-2345678 입니다"]


def test_profile_create_defaults_and_preference(make_user, vocab):
    user = make_user(Role.SEEKER)
    profile = seeker_profile_create(user=user, display_name="김민준", home_region=vocab["gangnam"])
    assert (profile.home_latitude, profile.home_longitude) == (37.5172, 127.0473)
    assert profile.email == user.email
    assert JobPreference.objects.filter(seeker=profile).exists()


def test_one_profile_per_user(seeker):
    with pytest.raises(ValidationError) as exc:
        seeker_profile_create(user=seeker.user, display_name="again")
    assert "user" in exc.value.message_dict


def test_profile_update_moves_coordinates_with_region(seeker, vocab):
    seeker_profile_update(profile=seeker, home_region=vocab["seoul"], summary="백엔드 개발 5년")
    seeker.refresh_from_db()
    assert seeker.home_latitude == vocab["seoul"].latitude
    assert seeker.summary == "백엔드 개발 5년"
    with pytest.raises(TypeError):
        seeker_profile_update(profile=seeker, user=None)


@pytest.mark.parametrize("text", RRN_SAMPLES)
def test_resident_number_refused_everywhere(make_user, seeker, text):
    with pytest.raises(ValidationError) as exc:
        seeker_profile_create(user=make_user(Role.SEEKER), display_name="x", summary=text)
    assert "summary" in exc.value.message_dict
    with pytest.raises(ValidationError) as exc:
        seeker_profile_update(profile=seeker, phone=text)
    assert "phone" in exc.value.message_dict
    with pytest.raises(ValidationError) as exc:
        work_experience_add(seeker=seeker, title="용접원", duties=text)
    assert "duties" in exc.value.message_dict
    with pytest.raises(ValidationError):
        certificate_add(seeker=seeker, name=text)
    with pytest.raises(ValidationError):
        education_add(seeker=seeker, institution=text)
    with pytest.raises(ValidationError):
        training_record_add(seeker=seeker, course_name=text)
    with pytest.raises(ValidationError):
        preference_update(seeker=seeker, desired_occupations=[text])
    seeker.refresh_from_db()
    assert text not in seeker.phone
    assert not WorkExperience.objects.exists()


def test_phone_numbers_are_not_mistaken_for_resident_numbers(seeker):
    seeker_profile_update(profile=seeker, phone="010-1234-5678")
    assert seeker.phone == "010-1234-5678"


def test_work_experience_normalises_title(seeker, vocab):
    exact = work_experience_add(seeker=seeker, title="웹프로그래머", employer_name="한빛", start_date=dt.date(2020, 1, 1))
    assert exact.occupation == vocab["web_dev"]
    assert exact.title == "웹프로그래머"
    assert exact.occupation_confidence == 1.0
    free = work_experience_add(seeker=seeker, title="이것저것 다 함")
    assert free.occupation is None and free.title == "이것저것 다 함"


def test_work_experience_dates_ordered(seeker):
    with pytest.raises(ValidationError) as exc:
        work_experience_add(seeker=seeker, title="x", start_date=dt.date(2020, 5, 1), end_date=dt.date(2020, 1, 1))
    assert "end_date" in exc.value.message_dict


def test_certificate_and_education_normalised(seeker, vocab):
    cert = certificate_add(seeker=seeker, name="정보 처리 기사")
    assert cert.certification == vocab["cert"]
    assert cert.issuer == "한국산업인력공단"
    unknown = certificate_add(seeker=seeker, name="동네 바리스타 수료증")
    assert unknown.certification is None
    education = education_add(seeker=seeker, level_text="대졸", institution="한국대학교")
    assert education.level == vocab["bachelor"]
    with pytest.raises(ValidationError):
        education_add(seeker=seeker)


def test_training_record_dates(seeker):
    record = training_record_add(seeker=seeker, course_name="파이썬 웹개발", completed=True)
    assert record.completed
    with pytest.raises(ValidationError) as exc:
        training_record_add(seeker=seeker, course_name="x", start_date=dt.date(2021, 2, 1), end_date=dt.date(2021, 1, 1))
    assert "end_date" in exc.value.message_dict


def test_preference_update(seeker, vocab):
    preference = preference_update(
        seeker=seeker,
        desired_occupations=["웹 개발자", vocab["welder"], "우주비행사"],
        regions=[vocab["gangnam"]],
        max_commute_km=15,
        desired_wage=3_500_000,
        employment_types=["FULL_TIME", "PART_TIME"],
    )
    assert set(preference.desired_occupations.all()) == {vocab["web_dev"], vocab["welder"]}
    assert preference.desired_occupation_texts == ["웹 개발자", "우주비행사"]
    assert list(preference.regions.all()) == [vocab["gangnam"]]
    assert preference.employment_types == ["FULL_TIME", "PART_TIME"]
    preference_update(seeker=seeker)
    preference.refresh_from_db()
    assert not preference.desired_occupations.exists() and preference.max_commute_km is None


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"max_commute_km": -1}, "max_commute_km"),
        ({"desired_wage": -100}, "desired_wage"),
        ({"employment_types": ["ALWAYS"]}, "employment_types"),
        ({"desired_wage_unit": "CENTURY"}, "desired_wage_unit"),
    ],
)
def test_preference_update_rejects(seeker, kwargs, field):
    with pytest.raises(ValidationError) as exc:
        preference_update(seeker=seeker, **kwargs)
    assert field in exc.value.message_dict


def test_preference_refuses_occupation_group(seeker, vocab):
    with pytest.raises(ValidationError) as exc:
        preference_update(seeker=seeker, desired_occupations=[vocab["group"]])
    assert "desired_occupations" in exc.value.message_dict


def test_seeker_register():
    user, profile = seeker_register(email="Min@Example.kr", password="correct-horse-42", display_name="김민준")
    assert user.has_role(Role.SEEKER)
    assert profile.user == user and profile.email == "min@example.kr"
    with pytest.raises(ValidationError) as exc:
        seeker_register(email="min@example.kr", password="correct-horse-42", display_name="x")
    assert "email" in exc.value.message_dict
    assert SeekerProfile.objects.count() == 1
