"""The recommendation pages: the AI notice and the way to turn it off, hide/save with htmx, the saved list, and
the employer's candidate page that names nobody until they apply or opt in."""

from __future__ import annotations

import pytest

from jobcenter.audit.models import RecommendationLog
from jobcenter.jobs.models import Application
from jobcenter.recommendations.models import RecommendationFeedback

pytestmark = pytest.mark.django_db

MINE = "/me/recommendations/"


def _candidates_url(posting):
    return f"/employer/postings/{posting.pk}/candidates/"


def test_my_recommendations_say_they_are_ai_assisted_and_how_to_turn_them_off(client_for, seekers, postings):
    response = client_for(seekers.alice).get(MINE)
    assert response.status_code == 200
    html = response.content.decode()
    assert "AI 추천" in html
    assert 'action="/me/recommendations/settings/"' in html and 'name="enabled" value="0"' in html
    assert postings.welder.title in html
    assert "용접기능사" in html  # the reason: the licence held matches
    assert f"/postings/{postings.welder.pk}/" in html
    assert "추천 일자리" in html  # the nav link, in Korean
    assert RecommendationLog.objects.filter(subject_type="seeker", surface="web").count() == 1


def test_english_page(client_for, seekers, postings):
    client = client_for(seekers.alice)
    client.cookies["django_language"] = "en"
    html = client.get(MINE).content.decode()
    assert "AI recommendations" in html and "Turn off AI recommendations" in html
    assert "Your licence 용접기능사 matches the required licence" in html


def test_turning_off_and_on(client_for, seekers):
    client = client_for(seekers.alice)
    response = client.post("/me/recommendations/settings/", {"enabled": "0", "next": MINE})
    assert response.status_code == 302
    seekers.alice_profile.refresh_from_db()
    assert seekers.alice_profile.recommendations_enabled is False
    html = client.get(MINE).content.decode()
    assert 'name="enabled" value="1"' in html  # how to turn them back on
    assert "rec-item" not in html
    assert not RecommendationLog.objects.exists()
    client.post("/me/recommendations/settings/", {"enabled": "1"})
    seekers.alice_profile.refresh_from_db()
    assert seekers.alice_profile.recommendations_enabled is True


def test_hide_with_htmx_replaces_the_item_and_records_the_reason(client_for, seekers, postings):
    client = client_for(seekers.alice)
    client.get(MINE)
    log = RecommendationLog.objects.get()
    response = client.post(f"/me/recommendations/{postings.welder.pk}/hide/",
                           {"reason": "통근이 어려워요", "log": log.pk}, headers={"HX-Request": "true"})
    assert response.status_code == 200
    fragment = response.content.decode()
    assert f'id="rec-{postings.welder.pk}"' in fragment and "unhide" in fragment
    row = RecommendationFeedback.objects.get(action="hidden")
    assert (row.posting, row.reason, row.log) == (postings.welder, "통근이 어려워요", log)
    assert f'id="rec-{postings.welder.pk}"' not in client.get(MINE).content.decode()


def test_save_without_javascript_and_the_saved_list(client_for, seekers, postings):
    client = client_for(seekers.alice)
    response = client.post(f"/me/recommendations/{postings.painter.pk}/save/", {"next": MINE})
    assert response.status_code == 302 and response["Location"] == MINE
    html = client.get("/me/recommendations/saved/").content.decode()
    assert postings.painter.title in html
    response = client.post(f"/me/recommendations/{postings.painter.pk}/unsave/", headers={"HX-Request": "true"})
    assert response.status_code == 200 and "/save/" in response.content.decode()
    assert postings.painter.title not in client.get("/me/recommendations/saved/").content.decode()


def test_a_draft_cannot_be_saved_or_hidden(client_for, seekers, postings):
    client = client_for(seekers.alice)
    assert client.post(f"/me/recommendations/{postings.draft.pk}/save/").status_code == 404
    assert client.post(f"/me/recommendations/{postings.welder.pk}/delete/").status_code == 404


def test_next_steps_fragment(client_for, seekers, postings):
    client = client_for(seekers.bob)
    assert client.get("/me/recommendations/next-steps/", headers={"HX-Request": "true"}).status_code == 200
    assert client.get("/me/recommendations/next-steps/").status_code == 200


def test_only_seekers_see_my_recommendations(client_for, companies, client):
    assert client.get(MINE).status_code == 302  # to the login page
    assert client_for(companies.acme_member).get(MINE).status_code == 403


def test_candidates_page_hides_identity_until_the_seeker_applies(client_for, companies, postings, seekers, carol):
    client = client_for(companies.acme_member)
    response = client.get(_candidates_url(postings.welder))
    assert response.status_code == 200
    html = response.content.decode()
    assert "AI 추천" in html
    assert "용접원" in html and "경기도 수원시" in html  # the anonymised summary
    for secret in (carol.display_name, carol.email, carol.phone, "37.2601", "127.0312"):
        assert secret not in html, secret
    assert "김앨리스" in html  # she applied to this posting: her name and application are shown
    assert f"/employer/applications/{seekers.alice_app.pk}/" in html

    Application.objects.create(posting=postings.welder, seeker=carol)
    html = client.get(_candidates_url(postings.welder)).content.decode()
    assert carol.display_name in html and carol.email in html and carol.phone in html


def test_candidates_page_names_a_discoverable_seeker(client_for, companies, postings, carol):
    carol.discoverable = True
    carol.save()
    html = client_for(companies.acme_member).get(_candidates_url(postings.welder)).content.decode()
    assert carol.display_name in html and carol.email in html


def test_candidates_page_is_only_for_the_postings_company_and_the_back_office(
    client_for, companies, postings, seekers, carol
):
    url = _candidates_url(postings.welder)
    assert client_for(companies.globex_member).get(url).status_code == 404
    assert client_for(seekers.alice).get(url).status_code == 403
    response = client_for(seekers.counselor).get(url)
    assert response.status_code == 200
    # A counselor may open profiles (seeker_profile_get's rule), so an identified candidate links there.
    assert f"/seekers/{seekers.alice_profile.pk}/" in response.content.decode()
    assert client_for(companies.acme_member).get(_candidates_url(postings.removed)).status_code == 404


def test_employer_postings_link_to_candidates(client_for, companies, postings):
    html = client_for(companies.acme_member).get("/employer/postings/").content.decode()
    assert _candidates_url(postings.welder) in html
