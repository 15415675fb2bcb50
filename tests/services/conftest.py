"""The service tests use the shared domain fixtures."""

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
