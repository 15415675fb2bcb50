"""Korean morpheme search: the index (``jobs.search_index``), the relevance order and the visibility rules on
the search page."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.conf import settings
from django.urls import reverse

from jobcenter.jobs import search
from jobcenter.jobs.models import JobPosting
from jobcenter.jobs.search_index import PostingSearchIndex, posting_index
from jobcenter.jobs.services import posting_close, posting_update

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"


def titles(html: str) -> list[str]:
    return re.findall(r'<h3 class="card__title"><a href="[^"]+">([^<]+)</a>', html)


def found(q: str, **filters) -> list[str]:
    return list(search.posting_search(filters={"q": q, **filters}).values_list("title", flat=True))


@pytest.fixture
def postings(make_posting, vocab, today):
    return {
        "pipe": make_posting(
            title="배관용접원 모집", description="플랜트 배관 라인 작업.", occupation=vocab["welder"],
            posted_on=today - dt.timedelta(days=5),
        ),
        "welder": make_posting(
            title="용접공 채용", description="CO2 용접과 용접 보조. 용접 경력 우대.", occupation=vocab["welder"],
            posted_on=today - dt.timedelta(days=4),
        ),
        "nurse": make_posting(
            title="간호사 채용", description="병동 근무, 3교대.", occupation=None,
            posted_on=today - dt.timedelta(days=3),
        ),
        "web": make_posting(
            title="웹 개발자", description="Django developers wanted; 공공 서비스 개발.",
            posted_on=today - dt.timedelta(days=2),
        ),
        "driver": make_posting(
            title="화물차 운전원", description="물류센터 간 배송.", occupation=None,
            posted_on=today - dt.timedelta(days=1),
        ),
    }


def test_a_morpheme_finds_compounds(postings):
    assert set(found("용접")) == {"배관용접원 모집", "용접공 채용"}
    # Kiwi keeps 간호사 whole; 간호 still finds it (a contained morpheme).
    assert found("간호") == ["간호사 채용"]


def test_multi_word_queries_need_every_word(postings):
    assert found("배관 용접원") == ["배관용접원 모집"]
    assert found("웹 개발자") == ["웹 개발자"]
    assert found("물류 운전") == ["화물차 운전원"]
    assert found("용접 간호") == []


def test_latin_words_match_by_prefix_and_plural(postings):
    assert found("developer") == ["웹 개발자"]
    assert found("django") == ["웹 개발자"]


def test_relevance_is_the_default_order_with_keywords(client, postings):
    # "용접" four times in the welder posting, once in the pipe welder's title; the page selects "best match".
    assert found("용접") == ["용접공 채용", "배관용접원 모집"]
    html = client.get(reverse("posting-list"), {"q": "용접"}).content.decode()
    assert titles(html) == ["용접공 채용", "배관용접원 모집"]
    assert '<option value="relevance" selected>' in html
    newest = client.get(reverse("posting-list"), {"q": "용접", "sort": "newest"}).content.decode()
    assert titles(newest) == ["용접공 채용", "배관용접원 모집"]


def test_relevance_order_follows_the_score_not_the_date(make_posting, vocab, today):
    make_posting(title="용접 용접 용접 전문 용접원", description="용접만 합니다.", posted_on=today - dt.timedelta(days=9))
    make_posting(title="사무 보조", description="가끔 용접 현장 서류 정리.", posted_on=today)
    assert found("용접") == ["용접 용접 용접 전문 용접원", "사무 보조"]
    assert list(search.posting_search(filters={"q": "용접"}, sort="newest").values_list("title", flat=True)) == [
        "사무 보조", "용접 용접 용접 전문 용접원",
    ]


def test_without_keywords_relevance_means_newest(client, postings):
    html = client.get(reverse("posting-list"), {"sort": "relevance"}).content.decode()
    assert titles(html)[0] == "화물차 운전원"
    plain = client.get(reverse("posting-list"), {"region": ""}).content.decode()
    assert '<option value="newest" selected>' in plain


def test_closed_expired_and_draft_postings_never_match(postings, make_posting, employer, today):
    posting_close(posting=postings["pipe"], by=employer)
    expired = postings["welder"]
    JobPosting.objects.filter(pk=expired.pk).update(
        posted_on=today - dt.timedelta(days=30), closes_on=today - dt.timedelta(days=1)
    )  # past its closing date, status still open (the nightly expiry has not run)
    make_posting(publish=False, title="용접 초안")
    assert found("용접") == []


def test_other_filters_still_apply(postings, vocab):
    assert set(found("채용")) == {"용접공 채용", "간호사 채용"}
    assert found("채용", occupation="KECO:8173") == ["용접공 채용"]


def test_a_changed_posting_is_found_at_the_next_search(postings, employer):
    assert found("조선소") == []
    posting_update(posting=postings["driver"], by=employer, description="조선소 물류 배송.")
    assert found("조선소") == ["화물차 운전원"]


def test_a_query_of_only_particles_falls_back_to_substrings(postings):
    index = PostingSearchIndex()
    assert index.query_terms("!!").required == []
    assert index.search("!!") is None
    assert found("!!") == []  # substring match: nothing contains "!!"


def test_the_index_rebuilds_only_changed_postings(postings, employer):
    calls = []

    class CountingTokenizer:
        def __init__(self):
            from jobcenter.nlp.tokenize import KiwiTokenizer

            self.inner = KiwiTokenizer()

        def tokenize(self, text):
            return self.inner.tokenize(text)

        def tokenize_many(self, texts):
            calls.append(len(texts))
            return self.inner.tokenize_many(texts)

    index = PostingSearchIndex(tokenizer=CountingTokenizer())
    assert len(index.search("용접")) == 2
    assert index.search("용접") and calls == [5]  # unchanged: not rebuilt
    posting_update(posting=postings["nurse"], by=employer, title="간호사 채용 (야간)")
    index.search("용접")
    assert calls == [5, 1]


def test_process_index_is_shared():
    assert posting_index() is posting_index()
