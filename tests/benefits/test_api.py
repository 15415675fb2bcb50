"""POST /api/v1/benefits/... (needs the router mounted at /benefits on the project API)."""

from __future__ import annotations

import pytest
from django.test import Client

URL = "/api/v1/benefits/job-seeking"
NESP_URL = "/api/v1/benefits/nesp"
EXAMPLE = {"separation_date": "2025-06-30", "age": 52, "insured_years": 4, "average_daily_wage": 120000}


@pytest.fixture
def api_client():
    # CSRF enforced, no session: the calculators are public and must work for any caller.
    return Client(enforce_csrf_checks=True)


def post(client, url, body):
    return client.post(url, body, content_type="application/json")


@pytest.mark.django_db
def test_job_seeking_worked_example(api_client):
    response = post(api_client, URL, EXAMPLE)
    assert response.status_code == 200, response.content
    data = response.json()
    assert (data["daily_amount"], data["days"], data["total"]) == (66000, 210, 13860000)
    assert data["eligible"] is True and data["waiting_days"] == 7
    assert data["receipt_deadline"] == "2026-06-30"
    assert any(step["text"] == "상한액 66,000원 적용 (72,000원 > 66,000원)" for step in data["steps"])


def _fields(response) -> set[str]:
    return {entry["loc"][-1] for entry in response.json()["detail"]}


@pytest.mark.django_db
@pytest.mark.parametrize(("change", "field"), [
    ({"average_daily_wage": -1}, "average_daily_wage"),
    ({"age": 130}, "age"),
    ({"separation_date": "2025-02-30"}, "separation_date"),
    ({"separation_date": "2016-01-01"}, "separation_date"),
    ({"insured_years": None, "insured_from": "2025-08-01"}, "separation_date"),
    ({"reason": "bored"}, "reason"),
    ({"seperation_date": "2025-06-30"}, "seperation_date"),
])
def test_invalid_input_is_422_naming_the_field(api_client, change, field):
    body = {**EXAMPLE, **change}
    body = {k: v for k, v in body.items() if v is not None}
    response = post(api_client, URL, body)
    assert response.status_code == 422, response.content
    assert field in _fields(response)


@pytest.mark.django_db
def test_nesp_endpoint(api_client):
    response = post(api_client, NESP_URL, {
        "application_date": "2025-03-01", "age": 40, "household_size": 4, "household_monthly_income": 3000000,
        "household_assets": 0, "work_days_2y": 120, "plan_date": "2025-03-10", "activity_reports": [True],
    })
    assert response.status_code == 200, response.content
    data = response.json()
    assert data["track"] == "type1_requirement" and data["total"] == 3_000_000
    assert data["schedule"][0]["status"] == "paid"


@pytest.mark.django_db
def test_nesp_missing_income_names_the_field(api_client):
    response = post(api_client, NESP_URL, {"application_date": "2025-03-01", "age": 40})
    assert response.status_code == 422
    assert "household_monthly_income" in _fields(response)


@pytest.mark.django_db
def test_recognition_endpoint(api_client):
    response = post(api_client, "/api/v1/benefits/recognition-schedule", {"claim_date": "2025-07-02", "days": 120})
    assert response.status_code == 200
    assert response.json()["paid_days"] == 120


def test_operations_are_documented_as_public():
    from jobcenter.api.api import api

    paths = api.get_openapi_schema()["paths"]
    for path in ("/api/v1/benefits/job-seeking", "/api/v1/benefits/nesp", "/api/v1/benefits/recognition-schedule"):
        assert not paths[path]["post"].get("security"), path
