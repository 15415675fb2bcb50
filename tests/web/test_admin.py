from __future__ import annotations

import pytest
from django.apps import apps
from django.contrib import admin
from django.urls import reverse

from jobcenter.accounts.roles import Role
from jobcenter.jobs.services import application_create

pytestmark = pytest.mark.django_db

PROJECT_APPS = {"accounts", "taxonomy", "employers", "seekers", "jobs", "training", "audit"}


@pytest.fixture
def superuser_client(client, make_user):
    client.force_login(make_user(Role.ADMINISTRATOR))
    return client


@pytest.fixture
def filled(seeker, posting, vocab):
    """A row in most tables, so list columns and inlines render real values."""
    from jobcenter.audit.models import RecommendationLog
    from jobcenter.seekers.models import ProtectedAttributes
    from jobcenter.seekers.services import certificate_add, education_add, work_experience_add
    from jobcenter.taxonomy.models import ImportRun
    from jobcenter.training.models import TrainingCourse, TrainingProvider

    application_create(posting=posting, seeker=seeker)
    work_experience_add(seeker=seeker, title="웹 개발자")
    certificate_add(seeker=seeker, name="정보처리기사")
    education_add(seeker=seeker, level_text="대졸")
    ProtectedAttributes.objects.create(seeker=seeker, sex="F", birth_year=1990)
    ImportRun.objects.create(kind="keco", source="builtin")
    RecommendationLog.objects.create(subject_type="seeker", subject_id=seeker.pk, inputs_digest="x", engine="e",
                                     model_version="1")
    provider = TrainingProvider.objects.create(name="한국폴리텍대학")
    TrainingCourse.objects.create(provider=provider, title="용접 기초", start_date="2026-01-05", end_date="2026-03-05")


def project_models():
    return [m for m in apps.get_models() if m._meta.app_label in PROJECT_APPS]


def test_every_project_model_is_registered():
    missing = [m._meta.label for m in project_models() if m not in admin.site._registry]
    assert missing == []


def test_every_changelist_opens_for_a_superuser(superuser_client, filled):
    for model in project_models():
        url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
        response = superuser_client.get(url)
        assert response.status_code == 200, url
        search = superuser_client.get(url, {"q": "웹"})
        assert search.status_code == 200, url


def test_change_pages_open(superuser_client, filled, posting, seeker):
    from jobcenter.jobs.models import Application

    for obj in (posting, seeker, Application.objects.get(), posting.company):
        url = reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])
        response = superuser_client.get(url)
        assert response.status_code == 200, url
    html = superuser_client.get(
        reverse("admin:jobs_jobposting_change", args=[posting.pk])
    ).content.decode()
    # The status history inline is read-only: no inputs for its rows, no "add another".
    assert "status_history-0-to_status" not in html
    assert "Add another Posting status change" not in html


def test_history_and_import_runs_are_read_only(superuser_client, filled):
    from jobcenter.taxonomy.models import ImportRun

    assert superuser_client.get(reverse("admin:jobs_postingstatuschange_add")).status_code == 403
    assert superuser_client.get(reverse("admin:taxonomy_importrun_add")).status_code == 403
    run = ImportRun.objects.get()
    response = superuser_client.post(reverse("admin:taxonomy_importrun_change", args=[run.pk]), {"kind": "hacked"})
    assert response.status_code == 403
    run.refresh_from_db()
    assert run.kind == "keco"


def test_protected_attributes_only_for_administrators(client, make_user, filled):
    staff = make_user(Role.STAFF)
    client.force_login(staff)
    index = client.get(reverse("admin:index"))
    assert index.status_code == 200
    assert "protectedattributes" not in index.content.decode()
    assert client.get(reverse("admin:seekers_protectedattributes_changelist")).status_code == 403
    seeker_page = client.get(reverse("admin:seekers_seekerprofile_changelist"))
    assert seeker_page.status_code == 200
