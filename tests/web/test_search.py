"""The search page's facets and sorting, the occupation autocomplete fragment, the distance line and the htmx
wiring (the pages must work the same without JavaScript)."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.conf import settings
from django.urls import reverse

from jobcenter.jobs import search
from jobcenter.jobs.models import EmploymentTypeCode

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"


def titles(html: str) -> list[str]:
    return re.findall(r'<h3 class="card__title"><a href="[^"]+">([^<]+)</a>', html)


@pytest.fixture
def three(make_posting, vocab, today):
    return [
        make_posting(title="A 웹 월 300", wage_min=3_000_000, wage_max=None, closes_on=today + dt.timedelta(days=20),
                     posted_on=today - dt.timedelta(days=3)),
        make_posting(title="B 용접 월 450", occupation=vocab["welder"], region=vocab["seoul"], wage_min=4_000_000,
                     wage_max=4_500_000, closes_on=None, employment_type=EmploymentTypeCode.PART_TIME,
                     posted_on=today - dt.timedelta(days=2)),
        make_posting(title="C 웹 월 350", wage_min=3_000_000, wage_max=3_500_000, closes_on=today + dt.timedelta(days=5),
                     posted_on=today - dt.timedelta(days=1)),
    ]


def test_facet_counts_group_by_major_occupation_province_and_employment_type(three, vocab):
    facets = search.facet_counts(search.posting_search())
    assert {(f.value, f.count) for f in facets["occupation"]} == {("KECO:1", 2), ("KECO:8", 1)}
    # Gangnam-gu counts under its province, Seoul.
    assert [(f.value, f.label, f.count) for f in facets["region"]] == [("11", "서울특별시", 3)]
    assert [(f.value, f.count) for f in facets["employment_type"]] == [("FULL_TIME", 2), ("PART_TIME", 1)]


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("newest", ["C 웹 월 350", "B 용접 월 450", "A 웹 월 300"]),
        ("closing", ["C 웹 월 350", "A 웹 월 300", "B 용접 월 450"]),  # "until filled" last
        ("wage", ["B 용접 월 450", "C 웹 월 350", "A 웹 월 300"]),  # best offer: max, else min
    ],
)
def test_sort_orders(client, three, sort, expected):
    html = client.get(reverse("posting-list"), {"sort": sort}).content.decode()
    assert titles(html) == expected


def test_wage_sort_compares_hourly_and_monthly_pay_per_month(client, three):
    from jobcenter.jobs.models import JobPosting

    hourly = JobPosting.objects.get(title="A 웹 월 300")
    hourly.wage_min, hourly.wage_max, hourly.wage_unit = 25_000, None, "HOUR"  # 25,000 × 209 h = 5,225,000 a month
    hourly.save()
    html = client.get(reverse("posting-list"), {"sort": "wage"}).content.decode()
    assert titles(html) == ["A 웹 월 300", "B 용접 월 450", "C 웹 월 350"]


def test_unknown_sort_is_a_field_error_not_a_crash(client, three):
    response = client.get(reverse("posting-list"), {"sort": "nonsense"})
    assert response.status_code == 200
    assert 'id="id_sort_error"' in response.content.decode()


def test_htmx_search_with_a_bad_value_swaps_the_whole_main_region_to_show_the_error(client, three):
    response = client.get(reverse("posting-list"), {"wage_min": "-5"}, headers={"HX-Request": "true"})
    assert response["HX-Retarget"] == "#main" and response["HX-Reselect"] == "#main"
    assert 'id="id_wage_min_error"' in response.content.decode()


def test_facet_links_narrow_the_search_and_mark_the_current_value(client, three):
    html = client.get(reverse("posting-list"), {"q": "월"}).content.decode()
    assert "Narrow down" in html
    assert '<a href="?q=%EC%9B%94&amp;employment_type=PART_TIME">' in html
    narrowed = client.get(reverse("posting-list"), {"q": "월", "employment_type": "PART_TIME"}).content.decode()
    assert titles(narrowed) == ["B 용접 월 450"]
    assert 'aria-current="true">part-time</a>' in narrowed


def test_search_form_updates_results_in_place_with_htmx_and_works_without(client, three):
    page = client.get(reverse("posting-list"), {"q": "용접"})
    html = page.content.decode()
    form = re.search(r'<form method="get" action="/postings/" id="search-form"[^>]*>', html, re.DOTALL).group(0)
    for attribute in ('hx-get="/postings/"', 'hx-target="#search-results"', 'hx-push-url="true"',
                      'hx-select="#search-results"'):
        assert attribute in form
    assert "<html" in html and titles(html) == ["B 용접 월 450"]

    fragment = client.get(reverse("posting-list"), {"q": "용접"}, headers={"HX-Request": "true"})
    assert "HX-Request" in fragment["Vary"] and "HX-Request" in page["Vary"]
    html = fragment.content.decode()
    assert "<html" not in html and 'id="search-results"' in html and 'id="search-status"' in html
    assert titles(html) == ["B 용접 월 450"]


def test_occupation_suggestions_fragment(client, vocab):
    response = client.get(
        reverse("occupation-suggest"), {"field": "experience-title", "experience-title": "웹", "target": "id_x"}
    )
    html = response.content.decode()
    assert response.status_code == 200 and "<html" not in html
    assert 'data-value="웹 개발자"' in html and 'data-target="id_x"' in html and "KECO:1332" in html
    none = client.get(reverse("occupation-suggest"), {"field": "q", "q": "없는직업명"}).content.decode()
    assert "kept as written" in none
    assert client.get(reverse("occupation-suggest")).content.decode().strip() == ""


def test_career_form_asks_for_suggestions(seeker_client):
    profile = seeker_client.get(reverse("seeker-profile")).content.decode()
    assert 'hx-get="/occupations/suggest/"' in profile
    assert 'aria-controls="id_experience-title-suggestions"' in profile
    assert 'id="id_experience-title-suggestions"' in profile


def test_posting_form_occupation_autocomplete(employer_client):
    html = employer_client.get(reverse("employer-posting-create")).content.decode()
    assert 'id="id_occupation_text-suggestions"' in html and 'hx-get="/occupations/suggest/"' in html


def test_picked_free_text_career_is_kept_and_normalised(seeker_client, vocab):
    response = seeker_client.post(reverse("seeker-experience-add"), {"experience-title": "용접원"})
    assert response.status_code == 302
    page = seeker_client.get(reverse("seeker-profile")).content.decode()
    assert "용접원 (KECO:8173)" in page
    seeker_client.post(reverse("seeker-experience-add"), {"experience-title": "배 만드는 일"})
    assert "배 만드는 일" in seeker_client.get(reverse("seeker-profile")).content.decode()


def test_distance_line_for_a_seeker_with_home_coordinates(seeker_client, seeker, posting):
    seeker.home_latitude, seeker.home_longitude = 37.4979, 127.0276  # Gangnam station; posting: Gangnam-gu hall
    seeker.save()
    html = seeker_client.get(reverse("posting-detail", args=[posting.pk])).content.decode()
    assert re.search(r'<dd class="distance">2\.\d km from home', html)


def test_no_distance_line_without_a_home(seeker_client, posting, client):
    assert 'class="distance"' not in seeker_client.get(reverse("posting-detail", args=[posting.pk])).content.decode()


def test_no_distance_line_for_visitors(client, posting):
    assert 'class="distance"' not in client.get(reverse("posting-detail", args=[posting.pk])).content.decode()


def test_pipeline_move_is_an_htmx_in_place_swap(employer_client, posting, seeker):
    from jobcenter.jobs.services import application_create

    application = application_create(posting=posting, seeker=seeker)
    html = employer_client.get(reverse("employer-posting-applications", args=[posting.pk])).content.decode()
    assert f'hx-post="/employer/applications/{application.pk}/move/"' in html
    assert f'hx-select="#application-{application.pk}"' in html and 'hx-select-oob="#messages"' in html
    assert f'id="application-{application.pk}"' in html and 'id="messages"' in html


@pytest.fixture
def placed(make_posting, vocab):
    """Three postings at 2, 15 and 40 km (straight line) north of the seeker's home, and one with no place."""
    home = (37.50, 127.03)
    out = {}
    for km in (15, 2, 40):
        out[km] = make_posting(title=f"{km} km 공고", latitude=home[0] + km / 110.57, longitude=home[1])
    return home, out


def _seeker_at(client, seeker, home):
    seeker.home_latitude, seeker.home_longitude = home
    seeker.save()
    client.force_login(seeker.user)


def test_distance_from_home_filters_and_sorts(client, seeker, placed):
    home, postings = placed
    _seeker_at(client, seeker, home)
    html = client.get(reverse("posting-list"), {"sort": "distance"}).content.decode()
    assert titles(html) == ["2 km 공고", "15 km 공고", "40 km 공고"]
    html = client.get(reverse("posting-list"), {"within_km": "20", "sort": "distance"}).content.decode()
    assert titles(html) == ["2 km 공고", "15 km 공고"]
    assert search.posting_search(origin=home, within_km=1).count() == 0


def test_distance_needs_a_home_and_says_so_next_to_the_field(client, placed):
    response = client.get(reverse("posting-list"), {"sort": "distance"})
    html = response.content.decode()  # a GET form: 200 with the message, as for every search-field error
    assert 'id="id_sort_error"' in html and "home region" in html
    response = client.get(reverse("posting-list"), {"within_km": "10"})
    assert 'id="id_within_km_error"' in response.content.decode()


def test_education_experience_and_closing_filters(client, make_posting, vocab, today):
    make_posting(title="학력무관 신입", experience_months=0, closes_on=today + dt.timedelta(days=3))
    make_posting(title="대졸 3년", education_level=vocab["bachelor"], experience_months=36,
                 closes_on=today + dt.timedelta(days=40))
    assert titles(client.get(reverse("posting-list"), {"experience_max": "0"}).content.decode()) == ["학력무관 신입"]
    later = (today + dt.timedelta(days=10)).isoformat()
    assert titles(client.get(reverse("posting-list"), {"closes_after": later}).content.decode()) == ["대졸 3년"]
    both = titles(client.get(reverse("posting-list"), {"education": "BACHELOR"}).content.decode())
    assert sorted(both) == ["대졸 3년", "학력무관 신입"]
    html = client.get(reverse("posting-list"), {"experience_max": "abc"}).content.decode()
    assert 'id="id_experience_max_error"' in html
