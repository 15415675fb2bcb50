"""GET /api/v1/postings and /postings/{id}: only public postings, filters, 422 naming the field."""

from __future__ import annotations

import datetime as dt

import pytest

URL = "/api/v1/postings"


def ids(response) -> set[int]:
    assert response.status_code == 200, response.content
    return {item["id"] for item in response.json()["items"]}


def pks(*postings) -> set[int]:
    return {p.pk for p in postings}


def test_list_shows_only_open_unexpired_postings(client, postings):
    assert ids(client.get(URL)) == pks(*postings.public)


@pytest.mark.parametrize("name", ["draft", "closed", "removed", "expired", "expired_status"])
def test_hidden_postings_are_404_for_the_public(client, postings, name):
    posting = getattr(postings, name)
    response = client.get(f"{URL}/{posting.pk}")
    assert response.status_code == 404
    assert response.json() == {"detail": "Not Found"}


@pytest.mark.parametrize("name", ["draft", "closed", "expired"])
def test_hidden_postings_are_404_for_a_member_of_another_company(client_for, postings, companies, name):
    posting = getattr(postings, name)
    assert posting.company == companies.acme or posting.company == companies.globex
    other = companies.globex_member if posting.company == companies.acme else companies.acme_member
    assert client_for(other).get(f"{URL}/{posting.pk}").status_code == 404


def test_company_member_sees_own_draft_in_detail(client_for, postings, companies):
    response = client_for(companies.acme_member).get(f"{URL}/{postings.draft.pk}")
    assert response.status_code == 200
    assert response.json()["status"] == "draft"


def test_missing_posting_is_404(client, postings):
    assert client.get(f"{URL}/999999").status_code == 404


def test_list_item_shape(client, postings, vocab, companies):
    response = client.get(URL, {"occupation": "KECO:8173"})
    (item,) = response.json()["items"]
    assert item == {
        "id": postings.welder.pk,
        "title": "CO2 용접원 모집",
        "company": {"id": companies.acme.pk, "name": "한빛정밀"},
        "occupation": {"concept_id": "KECO:8173", "label": "용접원"},
        "region": {"concept_id": "KR-ADM:41110", "label": "경기도 수원시"},
        "employment_type": {"concept_id": "SCHEMA.ORG:FULL_TIME", "label": "정규직"},
        "wage": {"min": 2_800_000, "max": 3_500_000, "unit": "MONTH", "currency": "KRW"},
        "experience_months": 12,
        "education": {"concept_id": "KR-EDU:HIGH_SCHOOL", "label": "고등학교 졸업"},
        "posted_on": postings.welder.posted_on.isoformat(),
        "closes_on": postings.welder.closes_on.isoformat(),
        "url": f"/postings/{postings.welder.pk}/",
    }


def test_detail_shape(client, postings, vocab):
    body = client.get(f"{URL}/{postings.welder.pk}").json()
    assert body["description"] == "CO2 용접원 모집 모집합니다."
    assert body["required_certifications"] == [{"concept_id": "KCERT:용접기능사", "label": "용접기능사"}]
    assert body["qualifications_text"] == "용접기능사 이상"
    assert body["working_hours"] == "09:00-18:00"
    assert body["openings"] == 2
    assert body["how_to_apply"] == "온라인 지원"
    assert body["jsonld"]["@type"] == "JobPosting"
    assert body["jsonld"]["occupationalCategory"] == "8173"
    assert body["jsonld"]["url"] == f"http://testserver/postings/{postings.welder.pk}/"


def test_pagination(client, postings):
    first = client.get(URL, {"page_size": 2}).json()
    second = client.get(URL, {"page_size": 2, "page": 2}).json()
    assert first["count"] == second["count"] == 3
    assert (first["page"], len(first["items"]), second["page"], len(second["items"])) == (1, 2, 2, 1)
    assert {i["id"] for i in first["items"] + second["items"]} == pks(*postings.public)


@pytest.mark.parametrize(
    "params, expected",
    [
        ({"q": "용접"}, ["welder"]),
        ({"q": "새솔"}, ["web"]),  # company name
        ({"q": "react"}, ["web"]),  # description, case-insensitive
        ({"q": "도장원"}, ["painter"]),  # occupation name
        ({"occupation": "KECO:8173"}, ["welder"]),
        ({"occupation": "8173"}, ["welder"]),
        ({"occupation": "KECO:817"}, ["welder", "painter"]),
        ({"occupation": "KECO:8"}, ["welder", "painter"]),
        ({"occupation": "KECO:13"}, ["web"]),
        ({"region": "41"}, ["welder", "painter"]),  # a province includes its cities
        ({"region": "41110"}, ["welder"]),
        ({"region": "KR-ADM:26"}, ["web"]),
        ({"region": "11"}, []),
        ({"employment_type": "PART_TIME"}, ["painter"]),
        ({"wage_min": 3_200_000}, ["welder"]),  # max 3.5M reaches it; web's 3.0M minimum does not
        ({"wage_min": 3_000_000}, ["welder", "web"]),
        ({"wage_min": 10_000, "wage_unit": "HOUR"}, ["painter"]),
        ({"education": "HIGH_SCHOOL"}, ["welder", "painter"]),  # asks at most high school, or nothing
        ({"education": "BACHELOR"}, ["welder", "painter", "web"]),
        ({"experience_max": 12}, ["welder", "painter"]),
        ({"experience_max": 0}, ["painter"]),
        ({"closes_after": "2999-01-01"}, ["web"]),  # only the posting without a closing date
        ({"q": "개발자", "region": "26", "education": "BACHELOR"}, ["web"]),
    ],
)
def test_filters(client, postings, params, expected):
    assert ids(client.get(URL, params)) == {getattr(postings, name).pk for name in expected}


def test_closes_after_includes_the_closing_day(client, postings, today):
    assert ids(client.get(URL, {"closes_after": today.isoformat()})) == pks(*postings.public)
    tomorrow = (today + dt.timedelta(days=1)).isoformat()
    assert ids(client.get(URL, {"closes_after": tomorrow})) == pks(postings.welder, postings.web)


def test_company_filter(client, postings, companies):
    assert ids(client.get(URL, {"company": companies.globex.pk})) == pks(postings.web)


@pytest.mark.parametrize(
    "params, field",
    [
        ({"wage_min": "abc"}, "wage_min"),
        ({"wage_min": "-5"}, "wage_min"),
        ({"occupation": "KECO:9999"}, "occupation"),
        ({"region": "99"}, "region"),
        ({"employment_type": "SOMETIMES"}, "employment_type"),
        ({"education": "PHD"}, "education"),
        ({"experience_max": "lots"}, "experience_max"),
        ({"closes_after": "next week"}, "closes_after"),
        ({"company": "acme"}, "company"),
        ({"wage_min": 100, "wage_unit": "DECADE"}, "wage_unit"),
        ({"ocupation": "KECO:8173"}, "ocupation"),  # a misspelt filter is not silently ignored
        ({"page_size": 101}, "page_size"),
        ({"page": 0}, "page"),
    ],
)
def test_bad_filter_is_422_naming_the_field(client, postings, params, field):
    response = client.get(URL, params)
    assert response.status_code == 422, response.content
    detail = response.json()["detail"]
    assert any(field in error["loc"] for error in detail), detail
