"""Fixtures shared by the whole suite: users in each role."""

from __future__ import annotations

import pytest

from jobcenter.accounts.roles import Role


@pytest.fixture
def make_user(db):
    from jobcenter.accounts.services import user_create

    counter = {"n": 0}

    def _make(role: Role | str = Role.SEEKER, email: str | None = None, password: str = "correct-horse-42"):
        counter["n"] += 1
        return user_create(email=email or f"user{counter['n']}-{role}@example.kr", password=password, role=role)

    return _make


@pytest.fixture
def reference_data(db):
    """The built-in reference set (KECO groups, common occupations, licences, regions, vocabularies)."""
    from jobcenter.accounts.services import roles_sync
    from jobcenter.taxonomy.services import reference_load_builtin

    roles_sync()
    return reference_load_builtin()


def shared_data_dir():
    from jobcenter.conf import data_dir

    return data_dir()


requires_shared_data = pytest.mark.skipif(
    shared_data_dir() is None,
    reason="the shared reference data folder (JOBCENTER_DATA_DIR or ../shared/data) is not present on this machine",
)


@pytest.fixture(autouse=True)
def _fresh_recommendation_engine():
    """The portal keeps one fitted recommendation engine per process; every test starts without it, so no test
    sees postings of another test's (rolled back) database."""
    yield
    from jobcenter.recommendations import engine

    engine.reset()


@pytest.fixture(autouse=True)
def _fast_password_hashing(request):
    """The default PBKDF2 work factor is right for production and needless in tests (16× slower suite).
    Pure-Python tests also run without pytest-django (-p no:django); then there is nothing to set."""
    if request.config.pluginmanager.hasplugin("django"):
        request.getfixturevalue("settings").PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
