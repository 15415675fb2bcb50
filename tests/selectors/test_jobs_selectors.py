"""jobs.selectors: the public listing, who sees which posting and application, and the JSON-LD."""

from __future__ import annotations

import datetime as dt

import pytest
from tests.api.fixtures import companies, fast_password_hashing, postings, seekers, today, vocab  # noqa: F401
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from jobcenter.accounts.roles import Role
from jobcenter.jobs.models import Application, JobPosting, PostingStatus
from jobcenter.jobs.selectors import (
    application_get,
    application_list_for_posting,
    application_list_for_seeker,
    company_posting_list,
    posting_get,
    posting_is_public,
    posting_jsonld,
    posting_list,
)


def test_posting_list_is_only_open_and_unexpired(postings):
    assert set(posting_list()) == postings.public
    assert set(posting_list(filters={})) == postings.public


def test_posting_list_reads_related_rows_in_one_query(postings):
    with CaptureQueriesContext(connection) as queries:
        rows = [(p.company.name, p.occupation and p.occupation.name, p.region and p.region.full_name,
                 p.education_level and p.education_level.name) for p in posting_list()]
    assert len(rows) == 3
    assert len(queries) == 1


def test_posting_is_public_counts_the_closing_day(postings, today):
    assert posting_is_public(postings.painter)  # closes today
    assert not posting_is_public(postings.expired)  # closed yesterday, status still open
    assert not posting_is_public(postings.draft)
    postings.web.status = PostingStatus.CLOSED
    assert not posting_is_public(postings.web)


def test_empty_filter_values_count_as_not_given(postings):
    assert set(posting_list(filters={"q": "", "region": None, "occupation": ""})) == postings.public


def test_group_code_includes_every_occupation_under_it(postings):
    assert set(posting_list(filters={"occupation": "KECO:81"})) == {postings.welder, postings.painter}
    assert set(posting_list(filters={"occupation": "81"})) == {postings.welder, postings.painter}


@pytest.mark.parametrize(
    "filters, field",
    [
        ({"colour": "red"}, "colour"),
        ({"occupation": "KECO:77"}, "occupation"),
        ({"region": "KR-ADM:00"}, "region"),
        ({"employment_type": "GIG"}, "employment_type"),
        ({"wage_min": "many"}, "wage_min"),
        ({"wage_min": -1}, "wage_min"),
        ({"wage_unit": "HOUR"}, "wage_unit"),  # a unit without an amount
        ({"education": "NONE_SUCH"}, "education"),
        ({"experience_max": "1.5"}, "experience_max"),
        ({"closes_after": "31/12/2026"}, "closes_after"),
        ({"company": 0}, "company"),
    ],
)
def test_bad_filters_raise_validation_error_naming_the_field(postings, filters, field):
    with pytest.raises(ValidationError) as info:
        list(posting_list(filters=filters))
    assert field in info.value.message_dict


def test_filters_accept_python_values(postings, today):
    assert set(posting_list(filters={"closes_after": today + dt.timedelta(days=1), "wage_min": 1})) == {
        postings.welder, postings.web,
    }


# --------------------------------------------------------------------------------------------- posting_get


def test_public_posting_for_anyone(postings, companies):
    assert posting_get(posting_id=postings.web.pk) == postings.web
    assert posting_get(posting_id=postings.web.pk, user=companies.acme_member) == postings.web


@pytest.mark.parametrize("name", ["draft", "closed", "removed", "expired", "expired_status"])
def test_hidden_posting_is_does_not_exist_for_the_public(postings, companies, seekers, name):
    posting = getattr(postings, name)
    for user in (None, seekers.alice, companies.outsider):
        with pytest.raises(JobPosting.DoesNotExist):
            posting_get(posting_id=posting.pk, user=user)


def test_member_sees_own_draft_but_not_another_companys(postings, companies):
    assert posting_get(posting_id=postings.draft.pk, user=companies.acme_member) == postings.draft
    with pytest.raises(JobPosting.DoesNotExist):
        posting_get(posting_id=postings.draft.pk, user=companies.globex_member)
    with pytest.raises(JobPosting.DoesNotExist):
        posting_get(posting_id=postings.removed.pk, user=companies.acme_member)
    assert posting_get(posting_id=postings.removed.pk, user=companies.globex_member) == postings.removed


@pytest.mark.parametrize("role", [Role.COUNSELOR, Role.STAFF, Role.ADMINISTRATOR])
def test_back_office_sees_any_status(make_user, postings, role):
    user = make_user(role)
    for posting in postings.hidden:
        assert posting_get(posting_id=posting.pk, user=user) == posting


def test_superuser_counts_as_administrator(django_user_model, postings):
    root = django_user_model.objects.create_superuser(username="root", email="root@example.kr", password="x")
    assert posting_get(posting_id=postings.draft.pk, user=root) == postings.draft


def test_company_posting_list_is_own_companies_only(postings, companies, seekers):
    assert set(company_posting_list(user=companies.acme_member)) == {
        postings.welder, postings.painter, postings.draft, postings.closed,
    }
    assert set(company_posting_list(user=companies.globex_member)) == {
        postings.web, postings.removed, postings.expired, postings.expired_status,
    }
    assert not company_posting_list(user=companies.outsider).exists()
    assert not company_posting_list(user=seekers.alice).exists()


# --------------------------------------------------------------------------------------------- applications


def test_application_list_for_seeker_is_own_only(seekers, companies):
    assert list(application_list_for_seeker(user=seekers.alice)) == [seekers.alice_app]
    assert set(application_list_for_seeker(user=seekers.bob)) == {seekers.bob_app, seekers.bob_app_welder}
    assert not application_list_for_seeker(user=companies.acme_member).exists()  # no seeker profile


def test_application_list_for_posting(seekers, postings, companies):
    assert set(application_list_for_posting(user=companies.acme_member, posting_id=postings.welder.pk)) == {
        seekers.alice_app, seekers.bob_app_welder,
    }
    for user in (companies.globex_member, companies.outsider, seekers.alice):
        with pytest.raises(PermissionDenied):
            application_list_for_posting(user=user, posting_id=postings.welder.pk)
    assert list(application_list_for_posting(user=seekers.counselor, posting_id=postings.web.pk)) == [
        seekers.bob_app
    ]


def test_application_get_visibility(seekers, companies):
    app = seekers.alice_app  # to the welder posting of acme
    for user in (seekers.alice, companies.acme_member, seekers.counselor, seekers.staff):
        assert application_get(user=user, application_id=app.pk) == app
    for user in (seekers.bob, companies.globex_member, companies.outsider):
        with pytest.raises(Application.DoesNotExist):
            application_get(user=user, application_id=app.pk)
    with pytest.raises(Application.DoesNotExist):
        application_get(user=seekers.counselor, application_id=999999)


# --------------------------------------------------------------------------------------------- JSON-LD


def test_posting_jsonld(postings, vocab):
    data = posting_jsonld(postings.welder, base_url="https://jobcenter.example.kr/")
    assert data["@context"] == "https://schema.org/"
    assert data["@type"] == "JobPosting"
    assert data["validThrough"].endswith("T23:59:59+09:00")
    assert data["validThrough"] == f"{postings.welder.closes_on.isoformat()}T23:59:59+09:00"
    assert data["datePosted"] == postings.welder.posted_on.isoformat()
    assert data["baseSalary"] == {
        "@type": "MonetaryAmount",
        "currency": "KRW",
        "value": {"@type": "QuantitativeValue", "minValue": 2_800_000, "maxValue": 3_500_000, "unitText": "MONTH"},
    }
    assert data["jobLocation"] == {
        "@type": "Place",
        "address": {
            "@type": "PostalAddress",
            "streetAddress": "경기도 수원시 권선구 산업로 1",
            "addressLocality": "수원시",
            "addressRegion": "경기도",
            "postalCode": "16643",
            "addressCountry": "KR",
        },
        "geo": {"@type": "GeoCoordinates", "latitude": 37.25, "longitude": 127.01},
    }
    assert data["hiringOrganization"] == {
        "@type": "Organization", "name": "한빛정밀", "sameAs": "https://hanbit.example.kr",
    }
    assert data["occupationalCategory"] == "8173"
    assert data["identifier"] == {"@type": "PropertyValue", "name": "한빛정밀", "value": str(postings.welder.pk)}
    assert data["url"] == f"https://jobcenter.example.kr/postings/{postings.welder.pk}/"
    assert data["employmentType"] == "FULL_TIME"
    assert data["experienceRequirements"]["monthsOfExperience"] == 12


def test_posting_jsonld_without_closing_date_wage_or_coordinates(postings):
    data = posting_jsonld(postings.web)
    assert "validThrough" not in data
    assert data["baseSalary"]["value"] == {"@type": "QuantitativeValue", "minValue": 3_000_000, "unitText": "MONTH"}
    # No workplace coordinates: the region's own coordinates stand in.
    assert data["jobLocation"]["geo"]["latitude"] == pytest.approx(35.1631)
    assert data["jobLocation"]["address"]["addressRegion"] == "부산광역시"
    bare = posting_jsonld(postings.expired_status)
    assert "baseSalary" not in bare and "geo" not in bare["jobLocation"]
