"""Page tests: the shared domain fixtures plus signed-in clients."""

from __future__ import annotations

import pytest

from tests.domain_fixtures import (  # noqa: F401  (fixtures)
    today,
    vocab,
    employer,
    company,
    other_employer,
    other_company,
    seeker,
    other_seeker,
    make_posting,
    posting,
)


PASSWORD = "correct-horse-42"


@pytest.fixture
def seeker_client(client, seeker, vocab):
    client.force_login(seeker.user)
    return client


@pytest.fixture
def employer_client(client, employer, company, vocab):
    client.force_login(employer)
    return client
