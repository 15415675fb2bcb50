from __future__ import annotations

import datetime as dt

import pytest
from django.conf import settings
from django.urls import reverse

from jobcenter.jobs.models import Application, JobPosting, PostingStatus
from jobcenter.jobs.services import application_create

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"


def posting_data(**overrides):
    data = {
        "title": "물류센터 상하차",
        "description": "주간 근무, 4대 보험",
        "occupation_text": "용접원",
        "employment_type": "FULL_TIME",
        "wage_min": "2500000",
        "wage_max": "2800000",
        "wage_unit": "MONTH",
        "experience_months": "0",
        "region": "11680",
        "closes_on": (dt.date.today() + dt.timedelta(days=30)).isoformat(),
        "openings": "2",
    }
    data.update(overrides)
    return data


def test_employer_pages_need_employer_role(client, seeker, posting):
    client.force_login(seeker.user)
    assert client.get(reverse("employer-postings")).status_code == 403
    assert client.get(reverse("employer-posting-create")).status_code == 403
    assert client.get(reverse("employer-posting-applications", args=[posting.pk])).status_code == 403


def test_create_posting_as_draft(employer_client, company, vocab):
    assert employer_client.get(reverse("employer-posting-create")).status_code == 200
    response = employer_client.post(reverse("employer-posting-create"), posting_data())
    assert response.status_code == 302
    posting = JobPosting.objects.get()
    assert (posting.company, posting.status, posting.occupation, posting.region) == (
        company, PostingStatus.DRAFT, vocab["welder"], vocab["gangnam"],
    )
    assert posting.latitude == vocab["gangnam"].latitude
    html = employer_client.get(reverse("employer-postings")).content.decode()
    assert "물류센터 상하차" in html and "Publish" in html


def test_bad_wages_shown_next_to_field_with_values_kept(employer_client):
    response = employer_client.post(
        reverse("employer-posting-create"), posting_data(wage_min="3000000", wage_max="2000000")
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert 'id="id_wage_max_error"' in html
    assert "maximum wage cannot be less than the minimum" in html
    assert 'value="물류센터 상하차"' in html and 'value="3000000"' in html and 'value="2000000"' in html
    assert not JobPosting.objects.exists()


def test_negative_wage_and_past_close_shown_next_to_fields(employer_client):
    response = employer_client.post(
        reverse("employer-posting-create"),
        posting_data(wage_min="-5", wage_max="", closes_on=(dt.date.today() - dt.timedelta(days=3)).isoformat()),
    )
    html = response.content.decode()
    assert 'id="id_wage_min_error"' in html
    assert 'id="id_closes_on_error"' in html


def test_unknown_occupation_suggests_names(employer_client):
    response = employer_client.post(reverse("employer-posting-create"), posting_data(occupation_text="웹"))
    html = response.content.decode()
    assert 'id="id_occupation_text_error"' in html
    assert "웹 개발자" in html  # suggested
    assert 'value="웹"' in html


def test_publish_close_extend_duplicate(employer_client, employer, make_posting, today):
    draft = make_posting(publish=False)
    employer_client.post(reverse("employer-posting-publish", args=[draft.pk]))
    draft.refresh_from_db()
    assert draft.status == PostingStatus.OPEN
    employer_client.post(reverse("employer-posting-close", args=[draft.pk]))
    draft.refresh_from_db()
    assert draft.status == PostingStatus.CLOSED
    new_date = today + dt.timedelta(days=45)
    employer_client.post(reverse("employer-posting-extend", args=[draft.pk]), {"closes_on": new_date.isoformat()})
    draft.refresh_from_db()
    assert (draft.status, draft.closes_on) == (PostingStatus.OPEN, new_date)
    assert [c.changed_by for c in draft.status_history.all()] == [employer] * 4
    response = employer_client.post(reverse("employer-posting-duplicate", args=[draft.pk]))
    copy = JobPosting.objects.exclude(pk=draft.pk).get()
    assert response.url == reverse("employer-posting-edit", args=[copy.pk])
    assert copy.status == PostingStatus.DRAFT


def test_refused_transition_shows_message(employer_client, make_posting):
    posting = make_posting(publish=False)
    response = employer_client.post(reverse("employer-posting-close", args=[posting.pk]), follow=True)
    assert "cannot go from draft to closed" in response.content.decode()


def test_edit_posting(employer_client, make_posting):
    posting = make_posting()
    page = employer_client.get(reverse("employer-posting-edit", args=[posting.pk]))
    assert page.status_code == 200 and 'value="웹 개발자 채용"' in page.content.decode()
    response = employer_client.post(
        reverse("employer-posting-edit", args=[posting.pk]), posting_data(title="고친 제목", occupation_text="웹 개발자")
    )
    assert response.status_code == 302
    posting.refresh_from_db()
    assert posting.title == "고친 제목"


def test_pipeline_move_to_interview_seen_by_seeker(client, employer, seeker, posting):
    application = application_create(posting=posting, seeker=seeker)
    client.force_login(employer)
    page = client.get(reverse("employer-posting-applications", args=[posting.pk]))
    assert page.status_code == 200
    html = page.content.decode()
    assert seeker.display_name in html
    assert f'name="a{application.pk}-to_status"' in html
    response = client.post(
        reverse("employer-application-move", args=[application.pk]),
        {f"a{application.pk}-to_status": "interview", f"a{application.pk}-note": "화요일 10시"},
    )
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == "interview"
    last = application.status_history.last()
    assert (last.from_status, last.to_status, last.changed_by, last.note) == ("applied", "interview", employer, "화요일 10시")
    html = client.get(reverse("employer-posting-applications", args=[posting.pk])).content.decode()
    assert "화요일 10시" in html
    assert client.get(reverse("employer-application-detail", args=[application.pk])).status_code == 200

    client.force_login(seeker.user)
    html = client.get(reverse("seeker-applications")).content.decode()
    assert "status--interview" in html and "interview" in html
    assert "화요일 10시" in html


def test_invalid_move_refused(employer_client, seeker, posting):
    application = application_create(posting=posting, seeker=seeker)
    response = employer_client.post(
        reverse("employer-application-move", args=[application.pk]), {f"a{application.pk}-to_status": "hired"}
    )
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == "applied"


def test_another_company_cannot_see_or_move(client, other_employer, other_company, seeker, posting):
    application = application_create(posting=posting, seeker=seeker)
    client.force_login(other_employer)
    assert client.get(reverse("employer-posting-applications", args=[posting.pk])).status_code == 403
    assert client.get(reverse("employer-application-detail", args=[application.pk])).status_code == 404
    assert client.get(reverse("employer-posting-edit", args=[posting.pk])).status_code == 404
    for name in ("employer-posting-publish", "employer-posting-close", "employer-posting-duplicate"):
        assert client.post(reverse(name, args=[posting.pk])).status_code == 404
    response = client.post(
        reverse("employer-application-move", args=[application.pk]), {f"a{application.pk}-to_status": "rejected"}
    )
    assert response.status_code == 404
    application.refresh_from_db()
    posting.refresh_from_db()
    assert (application.status, posting.status) == ("applied", "open")
    assert posting.title not in client.get(reverse("employer-postings")).content.decode()


def test_seeker_cannot_move_their_own_application(client, seeker, posting):
    application = application_create(posting=posting, seeker=seeker)
    client.force_login(seeker.user)
    response = client.post(
        reverse("employer-application-move", args=[application.pk]), {f"a{application.pk}-to_status": "hired"}
    )
    assert response.status_code == 403
    assert Application.objects.get().status == "applied"


def test_licences_are_picked_from_the_list_and_kept_as_written_when_not_on_it(employer_client, vocab):
    form = employer_client.get(reverse("employer-posting-create")).content.decode()
    assert 'id="id_licence_1"' in form and reverse("certification-suggest") in form
    response = employer_client.post(reverse("employer-posting-create"), posting_data(
        licence_1="정보처리기사", licence_2="사내 용접 인증", licence_3=" 정보처리기사 "))
    assert response.status_code == 302
    posting = JobPosting.objects.get()
    assert list(posting.required_certifications.all()) == [vocab["cert"]]
    assert posting.qualifications_text == "정보처리기사, 사내 용접 인증"  # the duplicate is dropped

    edit = employer_client.get(reverse("employer-posting-edit", args=[posting.pk])).content.decode()
    assert 'value="정보처리기사"' in edit and 'value="사내 용접 인증"' in edit

    employer_client.post(reverse("employer-posting-edit", args=[posting.pk]), posting_data(licence_1=""))
    posting.refresh_from_db()
    assert not posting.required_certifications.exists() and posting.qualifications_text == ""
