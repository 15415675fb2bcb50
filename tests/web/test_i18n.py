from __future__ import annotations

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_korean_by_default(client, make_posting):
    make_posting()
    html = client.get(reverse("posting-list")).content.decode()
    assert '<html lang="ko">' in html
    assert "채용정보" in html
    assert "본문 바로가기" in html  # the skip link


def test_language_switch_to_english_and_back(client, make_posting):
    posting = make_posting()
    response = client.post(reverse("set_language"), {"language": "en", "next": reverse("posting-list")})
    assert response.status_code == 302
    for url in (reverse("home"), reverse("posting-list"), reverse("posting-detail", args=[posting.pk]),
                reverse("login"), reverse("signup-seeker"), reverse("signup-employer")):
        html = client.get(url).content.decode()
        assert '<html lang="en">' in html, url
        assert "Skip to main content" in html, url
    assert "Job postings" in client.get(reverse("posting-list")).content.decode()
    client.post(reverse("set_language"), {"language": "ko", "next": "/"})
    assert '<html lang="ko">' in client.get(reverse("home")).content.decode()


def test_every_page_has_the_language_switch(client):
    html = client.get(reverse("home")).content.decode()
    assert f'action="{reverse("set_language")}"' in html
    assert '<label for="language-select"' in html


def test_status_names_are_translated(client, seeker, posting):
    from jobcenter.jobs.services import application_create

    application_create(posting=posting, seeker=seeker)
    client.force_login(seeker.user)
    html = client.get(reverse("seeker-applications")).content.decode()
    assert "지원함" in html or "지원 완료" in html
