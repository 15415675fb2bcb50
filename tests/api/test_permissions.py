"""Who may call what. The walk over every route makes a new endpoint without a check fail the suite."""

from __future__ import annotations

import json
import re

import pytest
from django.urls import URLPattern

from jobcenter.accounts.roles import Role
from jobcenter.api.api import api

# (method, route as Django writes it under /api/v1/) of every endpoint anyone may call without signing in. Adding
# one here is a decision about published information: say why next to its auth=PUBLIC.
PUBLIC = {
    ("GET", "postings"),
    ("GET", "postings/<int:posting_id>"),
    ("GET", "occupations"),
    ("GET", "occupations/autocomplete"),
    ("GET", "occupations/<path:concept_id>"),
    ("GET", "certifications/autocomplete"),
    ("GET", "regions/autocomplete"),
    # Calculators over published law; nothing personal is stored.
    ("POST", "benefits/job-seeking"),
    ("POST", "benefits/nesp"),
    ("POST", "benefits/recognition-schedule"),
    # The policy chatbot: answers from published documents and law; "my data" only for the caller's own session.
    ("POST", "chatbot/ask"),
    ("POST", "chatbot/handoff"),
}
# Ninja's own documentation views (plain Django views: they answer the same to every method and change nothing).
DOCS = {"openapi.json", "docs"}
METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE")
_SAMPLE = {"int": "1", "str": "x", "path": "KECO:0000", "slug": "x", "uuid": "00000000-0000-0000-0000-000000000000"}


def _routes() -> list[str]:
    patterns, _, _ = api.urls
    routes = []
    for pattern in patterns:
        assert isinstance(pattern, URLPattern), "nested includes would escape this walk"
        route = str(pattern.pattern)
        if route and route not in DOCS:  # "" is Ninja's root view, which only links to the docs
            routes.append(route)
    return routes


def _url(route: str) -> str:
    return "/api/v1/" + re.sub(r"<(?:(\w+):)?\w+>", lambda m: _SAMPLE[m.group(1) or "str"], route)


def test_the_walk_sees_every_documented_operation():
    documented = set(api.get_openapi_schema()["paths"])
    walked = {"/api/v1/" + re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", r) for r in _routes()}
    assert documented <= walked


@pytest.mark.django_db
def test_every_route_is_public_by_decision_or_rejects_anonymous_callers(client):
    """Each (method, route) answers 401 to an anonymous caller, 405 when the method does not exist, or is in
    PUBLIC. A new endpoint with auth=PUBLIC must be added to PUBLIC; one without is closed by the API default."""
    seen_public = set()
    for route in _routes():
        for method in METHODS:
            response = client.generic(method, _url(route))
            if response.status_code == 405:
                continue
            if (method, route) in PUBLIC:
                seen_public.add((method, route))
                assert response.status_code != 401, (method, route)
            else:
                assert response.status_code == 401, f"{method} {route} answered {response.status_code} to anonymous"
    assert seen_public == PUBLIC, "stale entries in PUBLIC"


def test_openapi_marks_non_public_operations_as_secured():
    schema = api.get_openapi_schema()
    for path, operations in schema["paths"].items():
        route = re.sub(r"\{(\w+)\}", r"<\1>", path.removeprefix("/api/v1/"))
        for method, operation in operations.items():
            public = any(m == method.upper() and re.sub(r"<\w+:", "<", r) == route for m, r in PUBLIC)
            assert bool(operation.get("security")) != public, (method, path)


@pytest.mark.parametrize(
    "url",
    ["/api/v1/me/profile", "/api/v1/me/applications", "/api/v1/me/company-postings",
     "/api/v1/postings/1/applications", "/api/v1/recommendations/jobs",
     "/api/v1/recommendations/postings/1/candidates"],
)
def test_anonymous_gets_401(client, db, url):
    response = client.get(url)
    assert response.status_code == 401
    assert response.json() == {"detail": "Unauthorized"}


def test_anonymous_cannot_send_recommendation_feedback(client, db):
    response = client.post("/api/v1/recommendations/feedback", data={"posting_id": 1, "action": "hide"},
                           content_type="application/json")
    assert response.status_code == 401


# --------------------------------------------------------------------------------------------- /me


def test_me_profile_shows_own_profile(client_for, seekers, vocab):
    response = client_for(seekers.alice).get("/api/v1/me/profile")
    assert response.status_code == 200
    body = response.json()
    assert body["id"] == seekers.alice_profile.pk
    assert body["display_name"] == "김앨리스"
    assert body["contact"] == {"email": "alice@example.kr", "phone": "010-1111-2222"}
    assert body["home_region"] == {"concept_id": "KR-ADM:41110", "label": "경기도 수원시"}
    (work,) = body["work_experiences"]
    assert work["title"] == "CO2 용접사" and work["occupation"] == {"concept_id": "KECO:8173", "label": "용접원"}
    assert body["educations"][0]["level"] == {"concept_id": "KR-EDU:HIGH_SCHOOL", "label": "고등학교 졸업"}
    assert body["certificates"][0]["certification"]["concept_id"] == "KCERT:용접기능사"
    assert body["training_records"][0]["course_name"] == "특수용접 실무"
    prefs = body["preferences"]
    assert prefs["desired_occupations"] == [{"concept_id": "KECO:8173", "label": "용접원"}]
    assert prefs["regions"] == [{"concept_id": "KR-ADM:41", "label": "경기도"}]
    assert prefs["desired_wage"] == {"amount": 3_000_000, "unit": "MONTH", "currency": "KRW"}
    assert prefs["employment_types"] == [{"concept_id": "SCHEMA.ORG:FULL_TIME", "label": "정규직"}]


def test_me_profile_never_shows_protected_attributes(client_for, seekers):
    text = client_for(seekers.alice).get("/api/v1/me/profile").content.decode()
    body = json.loads(text)
    keys = set(_keys(body))
    for word in ("protected", "sex", "birth", "disab", "gender"):
        assert not any(word in key for key in keys), word
    assert "age" not in keys
    assert "1977" not in text
    assert '"F"' not in text


def _keys(value):
    if isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from _keys(item)
    elif isinstance(value, list):
        for item in value:
            yield from _keys(item)


def test_me_profile_is_403_without_a_seeker_profile(client_for, companies, seekers):
    assert client_for(companies.acme_member).get("/api/v1/me/profile").status_code == 403
    assert client_for(seekers.counselor).get("/api/v1/me/profile").status_code == 403
    assert client_for(companies.acme_member).get("/api/v1/me/applications").status_code == 403


def test_me_shows_only_the_callers_own_data(client_for, seekers):
    """There is no id to tamper with: each seeker gets their own profile and applications."""
    bob = client_for(seekers.bob)
    assert bob.get("/api/v1/me/profile").json()["id"] == seekers.bob_profile.pk
    # Query parameters that look like ids are ignored, never obeyed.
    assert bob.get("/api/v1/me/profile", {"id": seekers.alice_profile.pk}).json()["id"] == seekers.bob_profile.pk
    assert {a["id"] for a in bob.get("/api/v1/me/applications").json()} == {
        seekers.bob_app.pk, seekers.bob_app_welder.pk
    }
    alice_text = client_for(seekers.alice).get("/api/v1/me/applications").content.decode()
    assert [a["id"] for a in json.loads(alice_text)] == [seekers.alice_app.pk]
    assert "이밥" not in alice_text and "React 3년" not in alice_text


def test_me_applications_shape_hides_employer_notes(client_for, seekers, postings):
    (app,) = client_for(seekers.alice).get("/api/v1/me/applications").json()
    assert app["posting"]["id"] == postings.welder.pk
    assert app["status"] == {"concept_id": "APPLICATION-STATUS:reviewed", "label": app["status"]["label"]}
    assert [(c["from_status"], c["to_status"]) for c in app["status_history"]] == [
        ("", "applied"), ("applied", "reviewed"),
    ]
    assert "note" not in app["status_history"][1]


def test_a_seeker_cannot_read_applications_of_a_posting(client_for, seekers, postings):
    assert client_for(seekers.alice).get(f"/api/v1/postings/{postings.welder.pk}/applications").status_code == 403


def test_me_company_postings_are_the_members_own_company_only(client_for, companies, postings, seekers):
    body = client_for(companies.acme_member).get("/api/v1/me/company-postings").json()
    assert {p["id"] for p in body} == {postings.welder.pk, postings.painter.pk, postings.draft.pk, postings.closed.pk}
    assert client_for(companies.outsider).get("/api/v1/me/company-postings").status_code == 403
    assert client_for(seekers.alice).get("/api/v1/me/company-postings").status_code == 403


# --------------------------------------------------------------------------------------------- applications


def test_company_member_lists_applications_to_own_posting(client_for, companies, postings, seekers):
    response = client_for(companies.acme_member).get(f"/api/v1/postings/{postings.welder.pk}/applications")
    assert response.status_code == 200
    body = response.json()
    assert {a["id"] for a in body} == {seekers.alice_app.pk, seekers.bob_app_welder.pk}
    alice = next(a for a in body if a["id"] == seekers.alice_app.pk)
    assert alice["applicant"] == {"profile_id": seekers.alice_profile.pk, "display_name": "김앨리스"}
    assert alice["status"]["concept_id"] == "APPLICATION-STATUS:reviewed"
    assert alice["status_history"][-1]["note"] == "internal: strong welder"
    assert "1977" not in response.content.decode()


def test_company_member_gets_403_for_another_companys_posting(client_for, companies, postings, seekers):
    response = client_for(companies.globex_member).get(f"/api/v1/postings/{postings.welder.pk}/applications")
    assert response.status_code == 403
    # The same answer for a posting that does not exist, so ids cannot be probed.
    assert client_for(companies.globex_member).get("/api/v1/postings/999999/applications").status_code == 403
    assert client_for(companies.outsider).get(f"/api/v1/postings/{postings.web.pk}/applications").status_code == 403


@pytest.mark.parametrize("role", [Role.COUNSELOR, Role.STAFF, Role.ADMINISTRATOR])
def test_back_office_roles_list_applications(client_for, make_user, postings, seekers, role):
    response = client_for(make_user(role)).get(f"/api/v1/postings/{postings.web.pk}/applications")
    assert response.status_code == 200
    assert [a["id"] for a in response.json()] == [seekers.bob_app.pk]
    assert client_for(make_user(role)).get("/api/v1/postings/999999/applications").status_code == 404


# --------------------------------------------------------------------------------------------- docs


def test_api_docs_answer(client, db):
    response = client.get("/api/docs", follow=True)
    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == "/api/v1/docs"
    assert client.get("/api/v1/docs").status_code == 200


def test_openapi_lists_the_endpoints(client, db):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    paths = response.json()["paths"]
    for path in (
        "/api/v1/postings", "/api/v1/postings/{posting_id}", "/api/v1/postings/{posting_id}/applications",
        "/api/v1/occupations", "/api/v1/occupations/autocomplete", "/api/v1/occupations/{concept_id}",
        "/api/v1/certifications/autocomplete", "/api/v1/regions/autocomplete",
        "/api/v1/me/profile", "/api/v1/me/applications",
        "/api/v1/recommendations/jobs", "/api/v1/recommendations/postings/{posting_id}/candidates",
    ):
        assert "get" in paths[path], path
    assert "post" in paths["/api/v1/recommendations/feedback"]
