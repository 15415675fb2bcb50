"""The recommendations API: the seeker's own list with structured explanations and next steps, candidates for
the posting's company only (anonymised), and feedback."""

from __future__ import annotations

import json

import pytest

from jobcenter.audit.models import RecommendationLog
from jobcenter.recommendations.models import RecommendationFeedback

pytestmark = pytest.mark.django_db

JOBS = "/api/v1/recommendations/jobs"
FEEDBACK = "/api/v1/recommendations/feedback"


def _candidates(posting):
    return f"/api/v1/recommendations/postings/{posting.pk}/candidates"


def _post(client, url, payload):
    return client.post(url, data=json.dumps(payload), content_type="application/json")


def test_jobs_for_me_with_explanations_and_next_steps(client_for, seekers, postings):
    response = client_for(seekers.alice).get(JOBS)
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["enabled"] is True and body["ai_assisted"] is True and "AI" in body["notice"]
    first = body["items"][0]
    assert first["posting"]["id"] == postings.welder.pk and first["rank"] == 1
    explanation = first["explanation"]
    assert explanation["matched_licences"] == ["용접기능사"]
    assert explanation["top_features"][0].keys() == {"feature", "contribution"}
    reason = next(r for r in explanation["reasons"] if r["kind"] == "licence_match")
    assert reason["text"] == reason["text_ko"] and reason["text_en"]
    assert isinstance(body["next_steps"], list)
    log = RecommendationLog.objects.get(pk=body["log_id"])
    assert log.surface == "api" and [r["id"] for r in log.items] == [i["posting"]["id"] for i in body["items"]]
    assert "1977" not in response.content.decode()


def test_jobs_in_english(client_for, seekers, postings):
    client = client_for(seekers.alice)
    body = client.get(JOBS, headers={"Accept-Language": "en"}).json()
    reason = next(r for i in body["items"] for r in i["explanation"]["reasons"] if r["kind"] == "licence_match")
    assert reason["text"] == reason["text_en"]


def test_jobs_need_a_seeker_profile(client_for, companies, client, db):
    assert client.get(JOBS).status_code == 401
    assert client_for(companies.acme_member).get(JOBS).status_code == 403


def test_jobs_when_turned_off(client_for, seekers):
    seekers.alice_profile.recommendations_enabled = False
    seekers.alice_profile.save()
    body = client_for(seekers.alice).get(JOBS).json()
    assert body["enabled"] is False and body["items"] == [] and body["log_id"] is None
    assert not RecommendationLog.objects.exists()


def test_feedback_hide_then_the_posting_is_gone(client_for, seekers, postings):
    client = client_for(seekers.alice)
    response = _post(client, FEEDBACK, {"posting_id": postings.welder.pk, "action": "hide", "reason": "멀어요"})
    assert response.status_code == 200, response.content
    assert response.json() == {"posting_id": postings.welder.pk, "saved": False, "hidden": True}
    assert RecommendationFeedback.objects.get().reason == "멀어요"
    ids = [i["posting"]["id"] for i in client.get(JOBS).json()["items"]]
    assert postings.welder.pk not in ids
    assert _post(client, FEEDBACK, {"posting_id": postings.welder.pk, "action": "unhide"}).json()["hidden"] is False


def test_feedback_on_invisible_or_unknown_postings(client_for, seekers, postings, companies):
    client = client_for(seekers.alice)
    assert _post(client, FEEDBACK, {"posting_id": postings.draft.pk, "action": "save"}).status_code == 404
    assert _post(client, FEEDBACK, {"posting_id": postings.web.pk, "action": "unsave"}).status_code == 404
    assert _post(client, FEEDBACK, {"posting_id": postings.web.pk, "action": "like"}).status_code == 422
    employer = client_for(companies.acme_member)
    assert _post(employer, FEEDBACK, {"posting_id": postings.web.pk, "action": "save"}).status_code == 403


def test_candidates_are_anonymised_until_applied(client_for, companies, postings, seekers, carol):
    response = client_for(companies.acme_member).get(_candidates(postings.welder))
    assert response.status_code == 200, response.content
    text = response.content.decode()
    assert "profile_id" not in text
    for secret in (carol.display_name, carol.email, carol.phone, "37.2601", "127.0312"):
        assert secret not in text, secret
    items = response.json()["items"]
    anonymous = [i for i in items if not i["candidate"]["identified"]]
    assert anonymous and all(i["candidate"]["display_name"] is None for i in anonymous)
    assert all(r["kind"] != "distance" for i in anonymous for r in i["explanation"]["reasons"])
    assert all(i["explanation"]["distance_km"] is None or i["explanation"]["distance_km"] % 5 == 0
               for i in anonymous)
    named = [i["candidate"] for i in items if i["candidate"]["identified"]]
    assert {"display_name": "김앨리스", "application_id": seekers.alice_app.pk}.items() <= next(
        c for c in named if c["display_name"] == "김앨리스").items()


def test_candidates_permissions(client_for, companies, postings, seekers, make_user):
    from jobcenter.accounts.roles import Role

    url = _candidates(postings.welder)
    assert client_for(companies.globex_member).get(url).status_code == 404
    assert client_for(companies.acme_member).get("/api/v1/recommendations/postings/999999/candidates").status_code == 404
    assert client_for(seekers.alice).get(url).status_code == 403
    assert client_for(make_user(Role.STAFF)).get(url).status_code == 200
