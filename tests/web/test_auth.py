from __future__ import annotations

import re

import pytest
from django.conf import settings
from django.urls import reverse

from jobcenter.accounts.models import User
from jobcenter.accounts.roles import Role
from jobcenter.employers.models import Company, CompanyMember
from jobcenter.seekers.models import SeekerProfile

pytestmark = pytest.mark.django_db

PASSWORD = "correct-horse-42"


@pytest.fixture(autouse=True)
def english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"


def field_error(html: str, field: str) -> str:
    """The error list rendered next to a field (Django gives it the id ``id_<field>_error``)."""
    match = re.search(rf'<ul class="errorlist" id="id_{field}_error">(.*?)</ul>', html, re.S)
    return match.group(1) if match else ""


def test_signup_pages_open(client):
    for name in ("signup", "signup-seeker", "signup-employer", "login", "password_reset"):
        response = client.get(reverse(name))
        assert response.status_code == 200, name
        assert b"<label" in response.content


def test_seeker_signup_creates_account_profile_and_logs_in(client):
    response = client.post(
        reverse("signup-seeker"),
        {"email": "Min@Example.kr", "display_name": "김민준", "password1": PASSWORD, "password2": PASSWORD},
    )
    assert response.status_code == 302
    assert response.url == reverse("seeker-profile")
    user = User.objects.get(email="min@example.kr")
    assert user.has_role(Role.SEEKER)
    assert SeekerProfile.objects.get(user=user).display_name == "김민준"
    page = client.get(reverse("seeker-profile"))
    assert page.status_code == 200
    assert "김민준" in page.content.decode()


def test_seeker_signup_errors_next_to_field_values_kept(client):
    response = client.post(
        reverse("signup-seeker"),
        {"email": "min@example.kr", "display_name": "김민준", "password1": PASSWORD, "password2": "different-1234"},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "The two passwords differ." in field_error(html, "password2")
    assert 'value="min@example.kr"' in html
    assert 'value="김민준"' in html
    assert not User.objects.exists()


def test_seeker_signup_duplicate_email(client, make_user):
    make_user(Role.SEEKER, email="taken@example.kr")
    response = client.post(
        reverse("signup-seeker"),
        {"email": "TAKEN@example.kr", "display_name": "x", "password1": PASSWORD, "password2": PASSWORD},
    )
    assert "already exists" in field_error(response.content.decode(), "email")


def test_employer_signup_creates_company_and_membership(client):
    response = client.post(
        reverse("signup-employer"),
        {
            "email": "boss@example.kr", "display_name": "박지훈", "company_name": "한빛테크",
            "business_number": "220-81-62517", "password1": PASSWORD, "password2": PASSWORD,
        },
    )
    assert response.status_code == 302
    assert response.url == reverse("employer-postings")
    user = User.objects.get(email="boss@example.kr")
    company = Company.objects.get(business_number="2208162517")
    assert company.name == "한빛테크"
    assert CompanyMember.objects.get(company=company).user == user
    assert user.has_role(Role.EMPLOYER)
    assert client.get(reverse("employer-postings")).status_code == 200


def test_employer_signup_bad_check_digit_shown_next_to_field(client):
    response = client.post(
        reverse("signup-employer"),
        {
            "email": "boss@example.kr", "display_name": "박지훈", "company_name": "한빛테크",
            "business_number": "220-81-62518", "password1": PASSWORD, "password2": PASSWORD,
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "check digit" in field_error(html, "business_number")
    assert 'aria-invalid="true"' in html
    assert 'value="220-81-62518"' in html and 'value="한빛테크"' in html
    assert not User.objects.exists() and not Company.objects.exists()


def test_employer_signup_duplicate_business_number(client, company):
    response = client.post(
        reverse("signup-employer"),
        {
            "email": "copy@example.kr", "display_name": "x", "company_name": "짝퉁",
            "business_number": "2208162517", "password1": PASSWORD, "password2": PASSWORD,
        },
    )
    assert "already registered" in field_error(response.content.decode(), "business_number")
    assert not User.objects.filter(email="copy@example.kr").exists()


def test_login_by_email_and_logout(client, make_user):
    make_user(Role.SEEKER, email="min@example.kr", password=PASSWORD)
    response = client.post(reverse("login"), {"username": "MIN@example.kr", "password": PASSWORD})
    assert response.status_code == 302
    assert response.url == reverse("home")
    assert "_auth_user_id" in client.session
    home = client.get(reverse("home")).content.decode()
    assert "Log out" in home and "My applications" in home
    assert client.get(reverse("logout")).status_code == 405  # logging out is a POST
    response = client.post(reverse("logout"))
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_login_wrong_password_shows_error(client, make_user):
    make_user(Role.SEEKER, email="min@example.kr", password=PASSWORD)
    response = client.post(reverse("login"), {"username": "min@example.kr", "password": "wrong-one-999"})
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    assert 'value="min@example.kr"' in response.content.decode()


def test_password_reset_sends_mail_and_link_works(client, make_user, mailoutbox):
    make_user(Role.SEEKER, email="min@example.kr", password=PASSWORD)
    response = client.post(reverse("password_reset"), {"email": "min@example.kr"})
    assert response.status_code == 302
    assert response.url == reverse("password_reset_done")
    assert client.get(response.url).status_code == 200
    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert mail.to == ["min@example.kr"]
    link = re.search(r"https?://[^/]+(/password-reset/\S+/)", mail.body).group(1)
    form_page = client.get(link, follow=True)
    assert form_page.status_code == 200
    set_url = form_page.redirect_chain[-1][0]
    new = "another-horse-77"
    done = client.post(set_url, {"new_password1": new, "new_password2": new})
    assert done.status_code == 302
    assert client.get(done.url).status_code == 200
    assert User.objects.get(email="min@example.kr").check_password(new)


def test_password_reset_unknown_address_sends_nothing(client, mailoutbox):
    response = client.post(reverse("password_reset"), {"email": "nobody@example.kr"})
    assert response.status_code == 302
    assert mailoutbox == []
