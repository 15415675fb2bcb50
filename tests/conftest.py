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
