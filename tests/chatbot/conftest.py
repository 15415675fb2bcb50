"""Shared fixtures of the chatbot tests: the engine is built once per session (Kiwi, BM25, USE vectors cached under
``<var>/cache``), and the Django-layer tests get the domain fixtures (seekers, postings)."""

from __future__ import annotations

import pytest

from tests.domain_fixtures import (  # noqa: F401  (fixtures)
    company,
    employer,
    make_posting,
    posting,
    seeker,
    today,
    vocab,
)


@pytest.fixture(scope="session")
def chatbot():
    from jobcenter.chatbot.engine.bot import ChatBot
    from jobcenter.conf import var_dir

    return ChatBot.from_knowledge_base(cache_dir=var_dir() / "cache", llm_url="")


@pytest.fixture
def portal_bot(chatbot):
    """The Django layer's singleton set to the session's engine (and reset afterwards)."""
    from jobcenter.chatbot import services

    services.set_bot(chatbot)
    yield chatbot
    services.set_bot(None)
