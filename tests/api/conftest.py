"""Fixtures for the API tests: the shared rows (``tests/api/fixtures.py``) and signed-in clients."""

from __future__ import annotations

import pytest
from django.test import Client

from .fixtures import companies, fast_password_hashing, postings, seekers, today, vocab  # noqa: F401  (fixtures)


@pytest.fixture
def client_for(db):
    """``client_for(user)`` → a test client signed in as ``user`` (``None`` → anonymous)."""

    def _client(user=None) -> Client:
        c = Client()
        if user is not None:
            c.force_login(user)
        return c

    return _client
