"""Fixtures for the recommendation tests: the API tests' rows (postings in every visibility state, seekers with
protected attributes and applications), signed-in clients, and a fresh engine cache per test."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client

from tests.api.fixtures import companies, fast_password_hashing, postings, seekers, today, vocab  # noqa: F401


@pytest.fixture(autouse=True)
def _fresh_engine():
    """The fitted engine is cached per process; each test starts from its own database rows."""
    from jobcenter.recommendations import engine

    engine.reset()
    yield
    engine.reset()


@pytest.fixture
def client_for(db):
    def _client(user=None) -> Client:
        c = Client()
        if user is not None:
            c.force_login(user)
        return c

    return _client


@pytest.fixture
def carol(vocab, make_user, seekers):
    """A welder who has not applied anywhere and is not discoverable: employers may see only a summary of her."""
    from jobcenter.accounts.roles import Role
    from jobcenter.seekers.models import JobPreference, SeekerCertificate, SeekerProfile, WorkExperience

    user = make_user(Role.SEEKER)
    profile = SeekerProfile.objects.create(
        user=user, display_name="박캐롤", email="carol.unique@example.kr", phone="010-9999-8888",
        home_region=vocab.suwon, home_latitude=37.2601, home_longitude=127.0312,
    )
    WorkExperience.objects.create(seeker=profile, title="배관 용접원", start_date=dt.date(2020, 1, 1),
                                  end_date=dt.date(2023, 1, 1), occupation=vocab.welder, duties="CO2 용접, TIG 용접")
    SeekerCertificate.objects.create(seeker=profile, name="용접기능사", certification=vocab.welding_cert)
    pref = JobPreference.objects.create(seeker=profile, desired_wage=3_000_000, max_commute_km=30)
    pref.desired_occupations.add(vocab.welder)
    return profile
