"""The calculator pages (needs the benefits URLs included under benefits/)."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone

from jobcenter.accounts.roles import Role
from jobcenter.seekers.models import ProtectedAttributes, SeekerProfile, WorkExperience

FORM = {
    "separation_date": "2025-06-30", "age": "52", "insured_years": "4", "average_daily_wage": "120000",
    "daily_hours": "8", "reason": "involuntary", "available_for_work": "on",
}


@pytest.fixture
def seeker(make_user):
    user = make_user(Role.SEEKER)
    profile = SeekerProfile.objects.create(user=user, display_name="김구직")
    ProtectedAttributes.objects.create(seeker=profile, birth_year=timezone.localdate().year - 52,
                                       has_disability=True)
    WorkExperience.objects.create(seeker=profile, title="용접원", start_date="2021-07-01", end_date="2025-06-30")
    return user, profile


@pytest.mark.django_db
def test_index_links_both_calculators(client):
    response = client.get(reverse("benefits:index"))
    assert response.status_code == 200
    assert reverse("benefits:job_seeking").encode() in response.content
    assert reverse("benefits:nesp").encode() in response.content


@pytest.mark.django_db
def test_anonymous_visitor_calculates_and_sees_steps_and_citations(client):
    response = client.post(reverse("benefits:job_seeking"), FORM)
    assert response.status_code == 200
    html = response.content.decode()
    assert "13,860,000" in html
    assert "기초일액 120,000원 × 60% = 72,000원" in html
    assert "상한액 66,000원 적용" in html
    assert "고용보험법 제50조 및 별표 1" in html
    assert "no-store" in response.get("Cache-Control", "") or "max-age=0" in response.get("Cache-Control", "")


@pytest.mark.django_db
def test_errors_are_shown_beside_the_named_field(client):
    response = client.post(reverse("benefits:job_seeking"), {**FORM, "insured_years": "", "insured_from": "2025-08-01"})
    form = response.context["form"]
    assert "separation_date" in form.errors
    assert response.context["result"] is None
    response = client.post(reverse("benefits:job_seeking"), {**FORM, "average_daily_wage": "-100"})
    assert "average_daily_wage" in response.context["form"].errors


@pytest.mark.django_db
def test_seeker_form_is_prefilled_from_their_profile(client, seeker):
    user, _ = seeker
    client.force_login(user)
    response = client.get(reverse("benefits:job_seeking"))
    initial = response.context["form"].initial
    assert initial["age"] == 52 and initial["disabled"] is True
    assert str(initial["separation_date"]) == "2025-06-30" and str(initial["insured_from"]) == "2021-07-01"
    assert "seeker" not in initial
    assert "프로필에서 미리 채웠습니다" in response.content.decode()


@pytest.mark.django_db
def test_nesp_form_uses_only_age_from_the_profile(client, seeker):
    user, _ = seeker
    client.force_login(user)
    initial = client.get(reverse("benefits:nesp")).context["form"].initial
    assert initial["age"] == 52 and "disabled" not in initial


@pytest.mark.django_db
def test_counselor_calculates_for_a_chosen_seeker(client, make_user, seeker):
    _, profile = seeker
    counselor = make_user(Role.COUNSELOR)
    client.force_login(counselor)
    response = client.get(reverse("benefits:job_seeking"), {"seeker": profile.pk})
    assert response.status_code == 200
    assert response.context["form"].initial["age"] == 52
    assert response.context["subject"] == profile
    assert "김구직" in response.content.decode()
    response = client.post(reverse("benefits:job_seeking"), {**FORM, "seeker": profile.pk})
    assert response.status_code == 200 and "13,860,000" in response.content.decode()


@pytest.mark.django_db
def test_counselor_asking_for_an_unknown_seeker_gets_404(client, make_user):
    client.force_login(make_user(Role.COUNSELOR))
    assert client.get(reverse("benefits:job_seeking"), {"seeker": 999999}).status_code == 404
    assert client.get(reverse("benefits:job_seeking"), {"seeker": "abc"}).status_code == 404


@pytest.mark.django_db
def test_nobody_else_may_load_another_seekers_profile(client, make_user, seeker):
    _, profile = seeker
    for role in (Role.SEEKER, Role.EMPLOYER):
        client.force_login(make_user(role))
        assert client.get(reverse("benefits:job_seeking"), {"seeker": profile.pk}).status_code == 403
        assert client.post(reverse("benefits:job_seeking"), {**FORM, "seeker": profile.pk}).status_code == 403
    client.logout()
    assert client.get(reverse("benefits:job_seeking"), {"seeker": profile.pk}).status_code == 403


@pytest.mark.django_db
def test_nesp_page_result(client):
    response = client.post(reverse("benefits:nesp"), {
        "application_date": "2025-03-01", "age": "29", "household_size": "4", "household_monthly_income": "3000000",
        "household_assets": "100000000", "work_days_2y": "150", "dependants": "2", "plan_date": "2025-03-10",
        "activity_reports": "1,0",
    })
    html = response.content.decode()
    assert response.status_code == 200
    assert "국민취업지원제도 Ⅰ유형 (요건심사형)" in html
    assert "4,200,000" in html
    assert "미지급 (활동 미이행)" in html
    assert "확인이 필요한 기준" in html
