from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from jobcenter.accounts.roles import Role
from jobcenter.jobs.models import APPLICATION_TRANSITIONS, Application, ApplicationStatus, ApplicationStatusChange
from jobcenter.jobs.services import (
    application_create,
    application_move,
    application_withdraw,
    posting_close,
)

pytestmark = pytest.mark.django_db


def test_apply_records_history(posting, seeker):
    application = application_create(posting=posting, seeker=seeker, cover_note="안녕하세요")
    assert application.status == ApplicationStatus.APPLIED
    change = application.status_history.get()
    assert (change.from_status, change.to_status, change.changed_by) == ("", "applied", seeker.user)


def test_second_application_refused_clearly(posting, seeker):
    application_create(posting=posting, seeker=seeker)
    with pytest.raises(ValidationError) as exc:
        application_create(posting=posting, seeker=seeker)
    assert "posting" in exc.value.message_dict
    assert "already applied" in exc.value.message_dict["posting"][0] or "이미" in exc.value.message_dict["posting"][0]
    assert Application.objects.count() == 1


def test_cannot_apply_to_draft_closed_or_past_posting(make_posting, seeker, employer, today):
    draft = make_posting(publish=False)
    closed = make_posting()
    posting_close(posting=closed, by=employer)
    past = make_posting(closes_on=today + dt.timedelta(days=1))
    type(past).objects.filter(pk=past.pk).update(
        posted_on=today - dt.timedelta(days=9), closes_on=today - dt.timedelta(days=1)
    )
    past.refresh_from_db()
    for posting in (draft, closed, past):
        with pytest.raises(ValidationError) as exc:
            application_create(posting=posting, seeker=seeker)
        assert "posting" in exc.value.message_dict
    assert not Application.objects.exists()


def test_cover_note_with_resident_number_refused(posting, seeker):
    with pytest.raises(ValidationError) as exc:
        application_create(posting=posting, seeker=seeker, cover_note="제 번호는 900101-1234567 입니다")
    assert "cover_note" in exc.value.message_dict
    assert not Application.objects.exists()


def _application_in(status, posting, seeker):
    application = application_create(posting=posting, seeker=seeker)
    Application.objects.filter(pk=application.pk).update(status=status)
    application.refresh_from_db()
    return application


MOVES = [(f, t) for f in ApplicationStatus.values for t in ApplicationStatus.values if t != "applied"]


@pytest.mark.parametrize(("from_status", "to_status"), MOVES)
def test_every_application_transition_rule(posting, seeker, employer, from_status, to_status):
    application = _application_in(from_status, posting, seeker)
    actor = seeker.user if to_status == ApplicationStatus.WITHDRAWN else employer
    if to_status in APPLICATION_TRANSITIONS[from_status]:
        application_move(application=application, to_status=to_status, by=actor, note="memo")
        application.refresh_from_db()
        assert application.status == to_status
        last = application.status_history.last()
        assert (last.from_status, last.to_status, last.changed_by, last.note) == (from_status, to_status, actor, "memo")
    else:
        count = ApplicationStatusChange.objects.count()
        with pytest.raises(ValidationError) as exc:
            application_move(application=application, to_status=to_status, by=actor)
        assert "status" in exc.value.message_dict
        application.refresh_from_db()
        assert application.status == from_status
        assert ApplicationStatusChange.objects.count() == count


@pytest.mark.parametrize("to_status", ["reviewed", "interview", "rejected"])
def test_only_the_company_moves_an_application(posting, seeker, other_seeker, other_employer, to_status):
    application = application_create(posting=posting, seeker=seeker)
    for intruder in (seeker.user, other_seeker.user, other_employer, None):
        with pytest.raises(PermissionDenied):
            application_move(application=application, to_status=to_status, by=intruder)
    application.refresh_from_db()
    assert application.status == ApplicationStatus.APPLIED


def test_staff_may_move_an_application(posting, seeker, make_user):
    staff = make_user(Role.STAFF)
    application = application_create(posting=posting, seeker=seeker)
    application_move(application=application, to_status="reviewed", by=staff)
    assert application.status == "reviewed"


def test_a_recruiter_of_the_company_may_move(posting, seeker, company, make_user):
    from jobcenter.employers.services import company_member_add

    recruiter = make_user(Role.SEEKER)
    company_member_add(company=company, user=recruiter)
    assert recruiter.has_role(Role.EMPLOYER)
    application = application_create(posting=posting, seeker=seeker)
    application_move(application=application, to_status="interview", by=recruiter)
    assert application.status_history.last().changed_by == recruiter


def test_only_the_applicant_withdraws(posting, seeker, other_seeker, employer, make_user):
    application = application_create(posting=posting, seeker=seeker)
    for intruder in (employer, other_seeker.user, make_user(Role.STAFF)):
        with pytest.raises(PermissionDenied):
            application_withdraw(application=application, by=intruder)
    application_withdraw(application=application, by=seeker.user)
    application.refresh_from_db()
    assert application.status == ApplicationStatus.WITHDRAWN
    assert application.status_history.last().changed_by == seeker.user


def test_unknown_status_refused(posting, seeker, employer):
    application = application_create(posting=posting, seeker=seeker)
    with pytest.raises(ValidationError):
        application_move(application=application, to_status="promoted", by=employer)
    with pytest.raises(ValidationError):
        application_move(application=application, to_status="applied", by=employer)


def test_full_pipeline_history(posting, seeker, employer):
    application = application_create(posting=posting, seeker=seeker)
    for status in ("reviewed", "interview", "offered", "hired"):
        application_move(application=application, to_status=status, by=employer)
    assert list(application.status_history.values_list("to_status", flat=True)) == [
        "applied", "reviewed", "interview", "offered", "hired",
    ]
