from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from jobcenter.accounts.roles import Role
from jobcenter.employers.models import Company, CompanyMember
from jobcenter.employers.services import company_create, company_member_add, employer_register, workplace_create
from jobcenter.employers.validators import business_number_is_valid

pytestmark = pytest.mark.django_db

VALID = "220-81-62517"
INVALID = "220-81-62518"  # the last digit changed


def test_sample_numbers_check_out():
    assert business_number_is_valid(VALID)
    assert not business_number_is_valid(INVALID)


def test_company_create_stores_digits_and_owner(make_user):
    owner = make_user(Role.SEEKER)
    company = company_create(name="한빛테크", business_number=VALID, owner=owner)
    assert company.business_number == "2208162517"
    member = CompanyMember.objects.get(company=company)
    assert (member.user, member.role) == (owner, CompanyMember.Role.OWNER)
    assert owner.has_role(Role.EMPLOYER)


@pytest.mark.parametrize("number", [INVALID, "12345", "abc-de-fghij", "220816251"])
def test_company_create_refuses_bad_business_number(number):
    with pytest.raises(ValidationError) as exc:
        company_create(name="x", business_number=number)
    assert "business_number" in exc.value.message_dict
    assert not Company.objects.exists()


def test_check_digit_message_is_clear():
    with pytest.raises(ValidationError) as exc:
        company_create(name="x", business_number=INVALID)
    assert "check digit" in exc.value.message_dict["business_number"][0] or "검증" in exc.value.message_dict[
        "business_number"
    ][0]


def test_duplicate_business_number_refused():
    company_create(name="a", business_number=VALID)
    with pytest.raises(ValidationError) as exc:
        company_create(name="b", business_number="2208162517")
    assert "business_number" in exc.value.message_dict


def test_company_without_business_number_allowed_for_imports():
    company = company_create(name="Acme", business_number=None, source="jsonld", source_key="acme")
    assert company.business_number is None


def test_workplace_defaults_to_region_coordinates(vocab):
    company = company_create(name="a", business_number=VALID)
    workplace = workplace_create(company=company, name="본사", region=vocab["gangnam"])
    assert (workplace.latitude, workplace.longitude) == (37.5172, 127.0473)
    own = workplace_create(company=company, name="지점", region=vocab["gangnam"], latitude=37.0, longitude=127.0)
    assert own.latitude == 37.0
    with pytest.raises(ValidationError) as exc:
        workplace_create(company=company, name="x", latitude=37.0)
    assert "longitude" in exc.value.message_dict
    with pytest.raises(ValidationError):
        workplace_create(company=company, name="y", latitude=95.0, longitude=127.0)


def test_member_add_is_idempotent(make_user):
    company = company_create(name="a", business_number=VALID)
    user = make_user(Role.SEEKER)
    company_member_add(company=company, user=user)
    company_member_add(company=company, user=user, role="owner")
    assert CompanyMember.objects.get(company=company, user=user).role == "owner"
    with pytest.raises(ValidationError):
        company_member_add(company=company, user=user, role="boss")


def test_employer_register_is_all_or_nothing():
    from jobcenter.accounts.models import User

    with pytest.raises(ValidationError) as exc:
        employer_register(
            email="boss@example.kr", password="correct-horse-42", company_name="한빛", business_number=INVALID
        )
    assert "business_number" in exc.value.message_dict
    assert not User.objects.filter(email="boss@example.kr").exists()
    user, company = employer_register(
        email="Boss@Example.kr", password="correct-horse-42", company_name="한빛", business_number=VALID
    )
    assert user.email == "boss@example.kr"
    assert user.has_role(Role.EMPLOYER)
    assert company.members.get().user == user
    with pytest.raises(ValidationError) as exc:
        employer_register(
            email="boss@example.kr", password="correct-horse-42", company_name="또", business_number="124-81-00998"
        )
    assert "email" in exc.value.message_dict
