from __future__ import annotations

import pytest
from django.conf import settings
from django.urls import reverse

from jobcenter.accounts.roles import Role
from jobcenter.jobs.models import Application
from jobcenter.jobs.services import application_create
from jobcenter.seekers.models import SeekerCertificate, WorkExperience

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"


def test_pages_need_login_and_seeker_role(client, employer):
    for name in ("seeker-profile", "seeker-applications", "seeker-profile-edit"):
        response = client.get(reverse(name))
        assert response.status_code == 302 and response.url.startswith(reverse("login"))
    client.force_login(employer)
    for name in ("seeker-profile", "seeker-applications"):
        assert client.get(reverse(name)).status_code == 403


def test_profile_view_and_edit(seeker_client, seeker, vocab):
    assert seeker_client.get(reverse("seeker-profile")).status_code == 200
    response = seeker_client.post(
        reverse("seeker-profile-edit"),
        {"display_name": "김민준", "email": "min@example.kr", "phone": "010-1234-5678", "home_region": "11680",
         "summary": "웹 개발 5년", "recommendations_enabled": "on"},
    )
    assert response.status_code == 302
    seeker.refresh_from_db()
    assert (seeker.phone, seeker.home_region, seeker.summary) == ("010-1234-5678", vocab["gangnam"], "웹 개발 5년")
    assert seeker.home_latitude == vocab["gangnam"].latitude


def test_profile_edit_refuses_resident_number_next_to_field(seeker_client, seeker):
    response = seeker_client.post(
        reverse("seeker-profile-edit"), {"display_name": "김민준", "summary": "주민번호 900101-1234567"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="id_summary_error"' in html and "resident registration number" in html
    seeker.refresh_from_db()
    assert "900101" not in seeker.summary


def test_profile_created_on_first_edit(client, make_user):
    user = make_user(Role.SEEKER)
    client.force_login(user)
    assert client.get(reverse("seeker-profile")).url == reverse("seeker-profile-edit")
    client.post(reverse("seeker-profile-edit"), {"display_name": "새 사람"})
    assert user.seeker_profile.display_name == "새 사람"


def test_add_experience_certificate_education(seeker_client, seeker, vocab):
    r = seeker_client.post(
        reverse("seeker-experience-add"),
        {"experience-title": "웹프로그래머", "experience-employer_name": "한빛", "experience-start_date": "2020-01-01"},
    )
    assert r.status_code == 302
    assert WorkExperience.objects.get(seeker=seeker).occupation == vocab["web_dev"]
    r = seeker_client.post(reverse("seeker-certificate-add"), {"certificate-name": "정보처리기사"})
    assert r.status_code == 302
    assert SeekerCertificate.objects.get(seeker=seeker).certification == vocab["cert"]
    r = seeker_client.post(
        reverse("seeker-education-add"), {"education-level": vocab["bachelor"].pk, "education-institution": "한국대"}
    )
    assert r.status_code == 302
    html = seeker_client.get(reverse("seeker-profile")).content.decode()
    assert "웹프로그래머" in html and "정보처리기사" in html and "한국대" in html


def test_bad_experience_dates_shown_next_to_field(seeker_client, seeker):
    response = seeker_client.post(
        reverse("seeker-experience-add"),
        {"experience-title": "용접원", "experience-start_date": "2021-05-01", "experience-end_date": "2020-01-01"},
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert 'id="id_experience-end_date_error"' in html
    assert 'value="용접원"' in html and 'value="2020-01-01"' in html
    assert not WorkExperience.objects.exists()


def test_apply_then_application_listed_with_history(seeker_client, seeker, posting):
    detail = seeker_client.get(reverse("posting-detail", args=[posting.pk])).content.decode()
    assert reverse("posting-apply", args=[posting.pk]) in detail
    response = seeker_client.post(reverse("posting-apply", args=[posting.pk]), {"cover_note": "열심히 하겠습니다"})
    assert response.status_code == 302 and response.url == reverse("seeker-applications")
    application = Application.objects.get(seeker=seeker, posting=posting)
    html = seeker_client.get(reverse("seeker-applications")).content.decode()
    assert posting.title in html
    assert "status--applied" in html
    assert "Withdraw" in html
    detail = seeker_client.get(reverse("posting-detail", args=[posting.pk])).content.decode()
    assert "You applied to this posting" in detail
    again = seeker_client.post(reverse("posting-apply", args=[posting.pk]), follow=True)
    assert "already applied" in again.content.decode()
    assert Application.objects.filter(seeker=seeker).count() == 1
    assert seeker_client.get(reverse("seeker-application-detail", args=[application.pk])).status_code == 200


def test_apply_is_post_only_and_needs_a_seeker(client, posting, employer):
    url = reverse("posting-apply", args=[posting.pk])
    assert client.post(url).status_code == 302  # to the login page
    client.force_login(employer)
    assert client.post(url).status_code == 403
    assert not Application.objects.exists()


def test_withdraw(seeker_client, seeker, posting):
    application = application_create(posting=posting, seeker=seeker)
    response = seeker_client.post(reverse("seeker-application-withdraw", args=[application.pk]))
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == "withdrawn"
    assert application.status_history.last().changed_by == seeker.user


def test_another_seekers_application_and_profile_are_404(client, seeker, other_seeker, posting):
    application = application_create(posting=posting, seeker=seeker)
    client.force_login(other_seeker.user)
    assert client.get(reverse("seeker-application-detail", args=[application.pk])).status_code == 404
    assert client.post(reverse("seeker-application-withdraw", args=[application.pk])).status_code == 404
    assert client.get(reverse("seeker-profile-detail", args=[seeker.pk])).status_code == 404
    assert client.get(reverse("employer-application-detail", args=[application.pk])).status_code == 403
    assert seeker.user.email not in client.get(reverse("seeker-applications")).content.decode()
    application.refresh_from_db()
    assert application.status == "applied"
    # Their own résumé page opens.
    assert client.get(reverse("seeker-profile-detail", args=[other_seeker.pk])).status_code == 200


def test_counselor_may_read_a_profile(client, seeker, make_user):
    client.force_login(make_user(Role.COUNSELOR))
    assert client.get(reverse("seeker-profile-detail", args=[seeker.pk])).status_code == 200
