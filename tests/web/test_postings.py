from __future__ import annotations

import datetime as dt
import json
import re

import pytest
from django.conf import settings
from django.urls import reverse

from jobcenter.jobs.models import JobPosting
from jobcenter.jobs.services import posting_close, posting_remove, postings_expire_due

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"


def jsonld_blocks(html: str) -> list[str]:
    return re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)


def test_listing_counts_and_paginates_by_20(client, make_posting):
    for i in range(21):
        make_posting(title=f"공고 {i:02d}")
    make_posting(publish=False, title="초안은 안 보임")
    first = client.get(reverse("posting-list"))
    assert first.status_code == 200
    html = first.content.decode()
    assert "21 postings found" in html
    assert html.count('class="card posting-card"') == 20
    assert "초안은 안 보임" not in html
    assert "Page 1 of 2" in html
    second = client.get(reverse("posting-list"), {"page": 2})
    assert second.content.decode().count('class="card posting-card"') == 1


def test_search_filters(client, make_posting, vocab):
    make_posting(title="강남 웹 개발자", region=vocab["gangnam"], wage_min=3_000_000, wage_max=3_500_000)
    make_posting(
        title="서울 용접원", occupation=vocab["welder"], region=vocab["seoul"], employment_type="PART_TIME",
        wage_min=2_000_000, wage_max=2_200_000,
    )

    def titles(**params):
        html = client.get(reverse("posting-list"), params).content.decode()
        return set(re.findall(r'<h3 class="card__title"><a [^>]*>([^<]+)</a>', html))

    assert titles(q="용접") == {"서울 용접원"}
    assert titles(region="11") == {"강남 웹 개발자", "서울 용접원"}  # a province includes its districts
    assert titles(region="11680") == {"강남 웹 개발자"}
    assert titles(employment_type="PART_TIME") == {"서울 용접원"}
    assert titles(wage_min=3_000_000) == {"강남 웹 개발자"}
    assert titles(occupation="웹프로그래머") == {"강남 웹 개발자"}  # by an alias
    assert titles(occupation="8173") == {"서울 용접원"}  # by a code


def test_search_bad_value_shows_field_error(client, make_posting):
    make_posting()
    html = client.get(reverse("posting-list"), {"occupation": "우주비행사", "wage_min": "12"}).content.decode()
    assert 'id="id_occupation_error"' in html
    assert 'value="우주비행사"' in html
    html = client.get(reverse("posting-list"), {"wage_min": "lots"}).content.decode()
    assert 'id="id_wage_min_error"' in html


def test_detail_has_jsonld_with_script_safe_escaping(client, make_posting):
    posting = make_posting(title="개발자 </script><script>alert(1)</script>", description="A & B <b>")
    response = client.get(reverse("posting-detail", args=[posting.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    blocks = jsonld_blocks(html)
    assert len(blocks) == 1
    assert "</" not in blocks[0]
    data = json.loads(blocks[0])
    assert data["@type"] == "JobPosting"
    assert data["title"] == posting.title
    assert data["hiringOrganization"]["name"] == "한빛테크"
    assert data["url"].endswith(f"/postings/{posting.pk}/")
    assert "<script>alert(1)</script>" not in html


def test_expired_posting_says_it_has_closed(client, make_posting, today):
    posting = make_posting(closes_on=today + dt.timedelta(days=1))
    postings_expire_due(today=today + dt.timedelta(days=2))
    response = client.get(reverse("posting-detail", args=[posting.pk]))
    assert response.status_code == 410
    html = response.content.decode()
    assert "This posting has closed" in html
    assert posting.title in html
    assert not jsonld_blocks(html)


def test_posting_past_its_date_but_not_yet_expired_also_closed(client, make_posting, today):
    posting = make_posting(closes_on=today + dt.timedelta(days=1))
    JobPosting.objects.filter(pk=posting.pk).update(
        posted_on=today - dt.timedelta(days=9), closes_on=today - dt.timedelta(days=1)
    )
    assert client.get(reverse("posting-detail", args=[posting.pk])).status_code == 410


def test_closed_and_removed_postings(client, make_posting, employer):
    closed = make_posting()
    posting_close(posting=closed, by=employer)
    assert "This posting has closed" in client.get(reverse("posting-detail", args=[closed.pk])).content.decode()
    removed = make_posting(title="문제 공고")
    posting_remove(posting=removed, by=employer)
    response = client.get(reverse("posting-detail", args=[removed.pk]))
    assert response.status_code == 410
    assert "문제 공고" not in response.content.decode()


def test_unknown_and_draft_postings_are_404_pages(client, make_posting):
    draft = make_posting(publish=False)
    for pk in (draft.pk, 999_999):
        response = client.get(reverse("posting-detail", args=[pk]))
        assert response.status_code == 404
        assert "Page not found" in response.content.decode()


def test_members_see_their_own_draft(client, employer, make_posting):
    draft = make_posting(publish=False)
    client.force_login(employer)
    response = client.get(reverse("posting-detail", args=[draft.pk]))
    assert response.status_code == 200
    assert "This posting is not public" in response.content.decode()


def test_home_lists_latest(client, make_posting):
    make_posting(title="최신 공고")
    html = client.get(reverse("home")).content.decode()
    assert "최신 공고" in html
    assert 'href="#main"' in html and 'id="main"' in html
    assert '<html lang="en">' in html


def test_500_template_renders_without_context():
    from django.template.loader import get_template

    html = get_template("500.html").render({})
    assert "<html" in html and "<h1>" in html


def test_server_error_handler_uses_template(rf):
    from django.views.defaults import server_error

    response = server_error(rf.get("/"))
    assert response.status_code == 500
    assert b"<h1>" in response.content
