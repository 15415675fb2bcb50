"""seekers.selectors and employers.selectors: a seeker's profile is theirs and the back office's alone."""

from __future__ import annotations

import pytest
from tests.api.fixtures import companies, fast_password_hashing, postings, seekers, today, vocab  # noqa: F401
from django.contrib.auth.models import AnonymousUser

from jobcenter.accounts.roles import Role
from jobcenter.employers.selectors import companies_for_user, user_is_company_member
from jobcenter.seekers.models import SeekerProfile
from jobcenter.seekers.selectors import seeker_profile_for_user, seeker_profile_get


def test_seeker_profile_for_user(seekers, companies):
    assert seeker_profile_for_user(user=seekers.alice) == seekers.alice_profile
    assert seeker_profile_for_user(user=companies.acme_member) is None
    assert seeker_profile_for_user(user=AnonymousUser()) is None


def test_seeker_profile_get_own(seekers):
    assert seeker_profile_get(user=seekers.alice, profile_id=seekers.alice_profile.pk) == seekers.alice_profile


def test_seeker_cannot_get_another_seekers_profile(seekers):
    with pytest.raises(SeekerProfile.DoesNotExist):
        seeker_profile_get(user=seekers.bob, profile_id=seekers.alice_profile.pk)


@pytest.mark.parametrize("user_name", ["acme_member", "outsider"])
def test_employers_cannot_get_profiles(seekers, companies, user_name):
    with pytest.raises(SeekerProfile.DoesNotExist):
        seeker_profile_get(user=getattr(companies, user_name), profile_id=seekers.alice_profile.pk)


def test_anonymous_cannot_get_profiles(seekers):
    with pytest.raises(SeekerProfile.DoesNotExist):
        seeker_profile_get(user=AnonymousUser(), profile_id=seekers.alice_profile.pk)


@pytest.mark.parametrize("role", [Role.COUNSELOR, Role.STAFF, Role.ADMINISTRATOR])
def test_back_office_gets_any_profile(make_user, seekers, role):
    assert seeker_profile_get(user=make_user(role), profile_id=seekers.bob_profile.pk) == seekers.bob_profile


def test_missing_profile_is_does_not_exist_even_for_the_back_office(seekers):
    with pytest.raises(SeekerProfile.DoesNotExist):
        seeker_profile_get(user=seekers.counselor, profile_id=999999)


def test_companies_for_user(companies, seekers):
    assert list(companies_for_user(user=companies.acme_member)) == [companies.acme]
    assert not companies_for_user(user=companies.outsider).exists()
    assert not companies_for_user(user=AnonymousUser()).exists()
    assert user_is_company_member(user=companies.acme_member, company_id=companies.acme.pk)
    assert not user_is_company_member(user=companies.acme_member, company_id=companies.globex.pk)
    assert not user_is_company_member(user=seekers.counselor, company_id=companies.acme.pk)
    assert not user_is_company_member(user=AnonymousUser(), company_id=companies.acme.pk)
