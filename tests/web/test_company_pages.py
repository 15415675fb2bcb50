"""The employer's company page, its workplaces, and the posting actions (copy, close, extend) from the list."""

from __future__ import annotations

import datetime as dt

import pytest
from django.conf import settings
from django.urls import reverse

from jobcenter.employers.models import Workplace
from jobcenter.employers.services import company_update, workplace_create
from jobcenter.employers.validators import mask_business_number
from jobcenter.jobs.models import JobPosting, PostingStatus

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"


@pytest.fixture
def industry(db):
    from jobcenter.taxonomy.models import Industry

    return Industry.objects.create(code="C", name="제조업", name_en="Manufacturing")


def test_mask_business_number():
    assert mask_business_number("220-81-62517") == "220-81-*****"
    assert mask_business_number("2208162517") == "220-81-*****"
    assert mask_business_number(None) == "" and mask_business_number("12") == ""


def test_company_page_shows_details_masked_number_and_workplaces(employer_client, company, vocab, industry):
    company_update(company=company, by=None, industry=industry, size_band="small")
    workplace_create(company=company, name="본사", address="서울 강남구 테헤란로 1", region=vocab["gangnam"])
    home = employer_client.get(reverse("employer-company-home"))
    assert home.url == reverse("employer-company", args=[company.pk])
    html = employer_client.get(home.url).content.decode()
    assert "한빛테크" in html and "220-81-*****" in html and "62517" not in html
    assert "C 제조업" in html and "5–49 employees" in html
    assert "본사" in html and "테헤란로" in html and "37.5172" in html  # the region's hall when no coordinates
    assert reverse("employer-company-edit", args=[company.pk]) in html


def test_company_pages_only_for_members(client, employer, company, other_employer, other_company, seeker):
    client.force_login(other_employer)
    assert client.get(reverse("employer-company", args=[company.pk])).status_code == 404
    assert client.get(reverse("employer-company-edit", args=[company.pk])).status_code == 404
    assert client.get(reverse("employer-workplace-create", args=[company.pk])).status_code == 404
    workplace = workplace_create(company=company, name="본사")
    assert client.get(reverse("employer-workplace-edit", args=[workplace.pk])).status_code == 404
    client.force_login(seeker.user)
    assert client.get(reverse("employer-company-home")).status_code == 403


def test_edit_company(employer_client, company, industry):
    page = employer_client.get(reverse("employer-company-edit", args=[company.pk])).content.decode()
    for field in ("name", "industry", "size_band", "website", "description"):
        assert f'for="id_{field}"' in page
    assert "220-81-*****" in page and "business_number" not in page  # shown, not editable
    response = employer_client.post(
        reverse("employer-company-edit", args=[company.pk]),
        {"name": "한빛테크 주식회사", "industry": industry.pk, "size_band": "medium", "website": "hanbit.example.kr",
         "description": "공공 서비스 개발"},
    )
    assert response.status_code == 302
    company.refresh_from_db()
    assert (company.name, company.industry, company.size_band, company.website) == (
        "한빛테크 주식회사", industry, "medium", "https://hanbit.example.kr")


def test_edit_company_errors_keep_values(employer_client, company):
    response = employer_client.post(
        reverse("employer-company-edit", args=[company.pk]),
        {"name": "", "size_band": "giant", "website": "not a url", "description": "설명은 남는다"},
    )
    assert response.status_code == 400
    html = response.content.decode()
    for field in ("name", "size_band", "website"):
        assert f'id="id_{field}_error"' in html, field
    assert "설명은 남는다" in html and 'role="alert"' in html


def test_add_and_edit_workplace(employer_client, company, vocab):
    url = reverse("employer-workplace-create", args=[company.pk])
    page = employer_client.get(url).content.decode()
    for field in ("name", "address", "postal_code", "region", "latitude", "longitude"):
        assert f'for="id_{field}"' in page
    response = employer_client.post(
        url, {"name": "강남 지점", "address": "테헤란로 1", "postal_code": "06236", "region": "11680",
              "latitude": "37.5", "longitude": "127.03"},
    )
    assert response.status_code == 302
    workplace = Workplace.objects.get(company=company)
    assert (workplace.latitude, workplace.longitude, workplace.region) == (37.5, 127.03, vocab["gangnam"])
    edit = reverse("employer-workplace-edit", args=[workplace.pk])
    assert 'value="강남 지점"' in employer_client.get(edit).content.decode()
    response = employer_client.post(edit, {"name": "강남 본사", "region": "11680"})
    assert response.status_code == 302
    workplace.refresh_from_db()
    # Coordinates cleared: the region's hall stands in.
    assert (workplace.name, workplace.latitude) == ("강남 본사", vocab["gangnam"].latitude)


def test_workplace_errors_explain_themselves(employer_client, company, vocab):
    workplace_create(company=company, name="본사", region=vocab["gangnam"])
    url = reverse("employer-workplace-create", args=[company.pk])
    response = employer_client.post(url, {"name": "본사", "region": "11680", "address": "테헤란로 9"})
    assert response.status_code == 400
    html = response.content.decode()
    assert 'id="id_name_error"' in html and "already has a workplace with this name" in html
    assert 'value="테헤란로 9"' in html
    response = employer_client.post(url, {"name": "지점", "region": "11680", "latitude": "37.5"})
    assert 'id="id_longitude_error"' in response.content.decode()
    response = employer_client.post(url, {"name": "지점", "region": "", "latitude": "95", "longitude": "127"})
    html = response.content.decode()
    assert 'id="id_region_error"' in html and 'id="id_latitude_error"' in html
    assert Workplace.objects.filter(company=company).count() == 1


def test_posting_form_offers_the_companys_workplaces(employer_client, company, vocab, make_posting):
    workplace = workplace_create(company=company, name="본사", region=vocab["gangnam"], latitude=37.51,
                                 longitude=127.04)
    posting = make_posting()
    page = employer_client.get(reverse("employer-posting-edit", args=[posting.pk])).content.decode()
    assert 'for="id_workplace"' in page and "본사" in page
    from tests.web.test_employer_pages import posting_data

    response = employer_client.post(
        reverse("employer-posting-edit", args=[posting.pk]),
        posting_data(occupation_text="웹 개발자", workplace=workplace.pk),
    )
    assert response.status_code == 302
    posting.refresh_from_db()
    assert (posting.workplace, posting.latitude) == (workplace, 37.51)


# --------------------------------------------------------------------------------------------- posting actions


def test_close_then_extend_reopens_and_copy_makes_a_draft(employer_client, employer, make_posting, today):
    posting = make_posting(title="배관 용접원")
    page = employer_client.get(reverse("employer-postings")).content.decode()
    for name in ("employer-posting-close", "employer-posting-extend", "employer-posting-duplicate"):
        assert reverse(name, args=[posting.pk]) in page
    assert f'for="extend-{posting.pk}"' in page  # the date field has its label
    employer_client.post(reverse("employer-posting-close", args=[posting.pk]))
    posting.refresh_from_db()
    assert posting.status == PostingStatus.CLOSED
    response = employer_client.post(
        reverse("employer-posting-extend", args=[posting.pk]),
        {"closes_on": (today + dt.timedelta(days=10)).isoformat()}, follow=True,
    )
    assert "now closes on the new date" in response.content.decode()
    posting.refresh_from_db()
    assert posting.status == PostingStatus.OPEN
    response = employer_client.post(reverse("employer-posting-duplicate", args=[posting.pk]), follow=True)
    copy = JobPosting.objects.exclude(pk=posting.pk).get()
    assert copy.status == PostingStatus.DRAFT and copy.title == "배관 용접원"
    assert 'value="배관 용접원"' in response.content.decode()  # lands on the copy's edit page


def test_extend_revalidates_and_explains(employer_client, make_posting, today):
    posting = make_posting()
    # Past dates are refused with the reason, and nothing changes.
    response = employer_client.post(
        reverse("employer-posting-extend", args=[posting.pk]),
        {"closes_on": (today - dt.timedelta(days=1)).isoformat()}, follow=True,
    )
    assert "cannot be in the past" in response.content.decode()
    # A posting that no longer passes validation (an imported one without a description) is not re-opened.
    JobPosting.objects.filter(pk=posting.pk).update(
        description="", status=PostingStatus.EXPIRED, posted_on=today - dt.timedelta(days=40),
        closes_on=today - dt.timedelta(days=2),
    )
    response = employer_client.post(
        reverse("employer-posting-extend", args=[posting.pk]),
        {"closes_on": (today + dt.timedelta(days=10)).isoformat()}, follow=True,
    )
    html = response.content.decode()
    assert "Describe the job" in html
    posting.refresh_from_db()
    assert (posting.status, posting.closes_on) == (PostingStatus.EXPIRED, today - dt.timedelta(days=2))
    # Without a date the message says what is missing.
    response = employer_client.post(reverse("employer-posting-extend", args=[posting.pk]), {}, follow=True)
    assert "Enter the new closing date." in response.content.decode()


def test_copy_of_an_expired_posting_drops_the_past_closing_date(employer_client, make_posting, today):
    posting = make_posting()
    JobPosting.objects.filter(pk=posting.pk).update(
        status=PostingStatus.EXPIRED, posted_on=today - dt.timedelta(days=40), closes_on=today - dt.timedelta(days=2)
    )
    employer_client.post(reverse("employer-posting-duplicate", args=[posting.pk]))
    copy = JobPosting.objects.exclude(pk=posting.pk).get()
    assert (copy.status, copy.closes_on, copy.posted_on) == (PostingStatus.DRAFT, None, today)
