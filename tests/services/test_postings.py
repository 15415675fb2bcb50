from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from jobcenter.jobs.models import POSTING_TRANSITIONS, JobPosting, PostingStatus, PostingStatusChange
from jobcenter.jobs.services import (
    posting_close,
    posting_create,
    posting_duplicate,
    posting_extend,
    posting_publish,
    posting_remove,
    posting_transition,
    posting_update,
    postings_expire_due,
)

pytestmark = pytest.mark.django_db


def history(posting):
    return list(posting.status_history.values_list("from_status", "to_status", "changed_by_id", "note"))


def test_create_is_a_draft_with_history(make_posting, employer):
    posting = make_posting(publish=False)
    assert posting.status == PostingStatus.DRAFT
    assert history(posting) == [("", "draft", employer.pk, "")]
    change = posting.status_history.get()
    assert change.changed_at is not None


def test_create_copies_place_from_workplace(company, employer, vocab):
    from jobcenter.employers.services import workplace_create

    workplace = workplace_create(company=company, name="본사", address="서울 강남구 테헤란로 1", region=vocab["gangnam"])
    posting = posting_create(
        company=company, created_by=employer, workplace=workplace, title="t", description="d"
    )
    assert posting.region == vocab["gangnam"]
    assert (posting.latitude, posting.longitude) == (vocab["gangnam"].latitude, vocab["gangnam"].longitude)
    assert posting.address == "서울 강남구 테헤란로 1"


def test_create_without_workplace_takes_region_coordinates(make_posting, vocab):
    posting = make_posting(publish=False)
    assert posting.latitude == vocab["gangnam"].latitude


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"wage_min": 5_000_000, "wage_max": 4_000_000}, "wage_max"),
        ({"wage_min": -1}, "wage_min"),
        ({"wage_max": -5, "wage_min": None}, "wage_max"),
        ({"experience_months": -3}, "experience_months"),
        ({"openings": 0}, "openings"),
        ({"posted_on": dt.date(2026, 3, 1), "closes_on": dt.date(2026, 2, 1)}, "closes_on"),
        ({"title": ""}, "title"),
        ({"description": ""}, "description"),
        ({"employment_type": "SOMETIMES"}, "employment_type"),
    ],
)
def test_create_rejects_bad_fields_naming_the_field(make_posting, fields, field):
    with pytest.raises(ValidationError) as exc:
        make_posting(publish=False, **fields)
    assert field in exc.value.message_dict
    assert not JobPosting.objects.exists()


def test_occupation_must_be_a_leaf(make_posting, vocab):
    with pytest.raises(ValidationError) as exc:
        make_posting(publish=False, occupation=vocab["group"])
    assert "occupation" in exc.value.message_dict


def test_workplace_of_another_company_refused(make_posting, other_company):
    from jobcenter.employers.services import workplace_create

    foreign = workplace_create(company=other_company, name="물류센터")
    with pytest.raises(ValidationError) as exc:
        make_posting(publish=False, workplace=foreign)
    assert "workplace" in exc.value.message_dict


def test_unknown_field_is_a_programming_error(make_posting):
    with pytest.raises(TypeError):
        make_posting(publish=False, status="open")


def test_non_member_cannot_create_or_change(company, other_employer, make_posting):
    with pytest.raises(PermissionDenied):
        posting_create(company=company, created_by=other_employer, title="t", description="d")
    posting = make_posting()
    with pytest.raises(PermissionDenied):
        posting_close(posting=posting, by=other_employer)
    with pytest.raises(PermissionDenied):
        posting_update(posting=posting, by=other_employer, title="hijacked")


def test_staff_may_manage_any_posting(make_posting, make_user):
    from jobcenter.accounts.roles import Role

    staff = make_user(Role.STAFF)
    posting = make_posting()
    posting_remove(posting=posting, by=staff, note="misleading ad")
    assert history(posting)[-1] == ("open", "removed", staff.pk, "misleading ad")


def test_update_revalidates(make_posting, employer):
    posting = make_posting(publish=False)
    posting_update(posting=posting, by=employer, title="새 제목", wage_max=4_500_000)
    posting.refresh_from_db()
    assert posting.title == "새 제목"
    with pytest.raises(ValidationError) as exc:
        posting_update(posting=posting, by=employer, wage_min=9_000_000)
    assert "wage_max" in exc.value.message_dict
    posting.refresh_from_db()
    assert posting.wage_min == 3_000_000


def test_publish_close_extend_history(make_posting, employer, today):
    posting = make_posting(publish=False)
    posting_publish(posting=posting, by=employer)
    posting_close(posting=posting, by=employer, note="filled")
    posting_extend(posting=posting, by=employer, closes_on=today + dt.timedelta(days=60))
    posting.refresh_from_db()
    assert posting.status == PostingStatus.OPEN
    assert posting.closes_on == today + dt.timedelta(days=60)
    rows = history(posting)
    assert [(f, t) for f, t, _, _ in rows] == [("", "draft"), ("draft", "open"), ("open", "closed"), ("closed", "open")]
    assert all(by == employer.pk for _, _, by, _ in rows)
    assert rows[2][3] == "filled"


def test_publish_dates_a_late_draft_today(make_posting, employer, today):
    posting = make_posting(publish=False, posted_on=today - dt.timedelta(days=5))
    posting_publish(posting=posting, by=employer)
    posting.refresh_from_db()
    assert posting.posted_on == today


def test_publish_refuses_passed_closing_date(make_posting, employer, today):
    posting = make_posting(
        publish=False, posted_on=today - dt.timedelta(days=10), closes_on=today - dt.timedelta(days=1)
    )
    with pytest.raises(ValidationError) as exc:
        posting_publish(posting=posting, by=employer)
    assert "closes_on" in exc.value.message_dict
    posting.refresh_from_db()
    assert posting.status == PostingStatus.DRAFT


def test_extend_refuses_past_date_and_removed(make_posting, employer, today):
    posting = make_posting()
    with pytest.raises(ValidationError) as exc:
        posting_extend(posting=posting, by=employer, closes_on=today - dt.timedelta(days=1))
    assert "closes_on" in exc.value.message_dict
    posting_remove(posting=posting, by=employer)
    with pytest.raises(ValidationError):
        posting_extend(posting=posting, by=employer, closes_on=today + dt.timedelta(days=5))


def test_extend_open_posting_moves_date_without_status_change(make_posting, employer, today):
    posting = make_posting()
    before = posting.status_history.count()
    posting_extend(posting=posting, by=employer, closes_on=today + dt.timedelta(days=90))
    assert posting.status == PostingStatus.OPEN
    assert posting.status_history.count() == before


ALL_PAIRS = [(f, t) for f in PostingStatus.values for t in PostingStatus.values]


def _posting_in(status, make_posting, employer, today):
    posting = make_posting(publish=False)
    # Put the row straight into the starting status: this test is about the table, not the path there.
    JobPosting.objects.filter(pk=posting.pk).update(status=status)
    posting.refresh_from_db()
    return posting


@pytest.mark.parametrize(("from_status", "to_status"), ALL_PAIRS)
def test_every_transition_rule(make_posting, employer, today, from_status, to_status):
    posting = _posting_in(from_status, make_posting, employer, today)
    allowed = to_status in POSTING_TRANSITIONS[from_status]
    if allowed:
        posting_transition(posting=posting, to_status=to_status, by=employer, note="n")
        posting.refresh_from_db()
        assert posting.status == to_status
        last = posting.status_history.last()
        assert (last.from_status, last.to_status, last.changed_by, last.note) == (from_status, to_status, employer, "n")
    else:
        count = PostingStatusChange.objects.count()
        with pytest.raises(ValidationError) as exc:
            posting_transition(posting=posting, to_status=to_status, by=employer)
        assert "status" in exc.value.message_dict
        posting.refresh_from_db()
        assert posting.status == from_status
        assert PostingStatusChange.objects.count() == count


def test_expire_due(make_posting, employer, today):
    due = make_posting(closes_on=today + dt.timedelta(days=1))
    fresh = make_posting(closes_on=today + dt.timedelta(days=10))
    no_date = make_posting(closes_on=None)
    draft = make_posting(publish=False, closes_on=today + dt.timedelta(days=1))
    later = today + dt.timedelta(days=2)
    assert postings_expire_due(today=later) == 1
    for p in (due, fresh, no_date, draft):
        p.refresh_from_db()
    assert due.status == PostingStatus.EXPIRED
    assert (fresh.status, no_date.status, draft.status) == ("open", "open", "draft")
    last = due.status_history.last()
    assert (last.from_status, last.to_status, last.changed_by) == ("open", "expired", None)
    assert postings_expire_due(today=later) == 0


def test_expired_posting_reopens_when_extended(make_posting, employer, today):
    posting = make_posting(closes_on=today + dt.timedelta(days=1))
    postings_expire_due(today=today + dt.timedelta(days=2))
    posting.refresh_from_db()
    posting_extend(posting=posting, by=employer, closes_on=today + dt.timedelta(days=20))
    posting.refresh_from_db()
    assert posting.status == PostingStatus.OPEN
    assert history(posting)[-1][:2] == ("expired", "open")


def test_duplicate_makes_a_new_draft(make_posting, employer, vocab, today):
    original = make_posting()
    original.required_certifications.add(vocab["cert"])
    copy = posting_duplicate(posting=original, by=employer)
    assert copy.pk != original.pk
    assert copy.status == PostingStatus.DRAFT
    assert (copy.title, copy.occupation, copy.wage_max, copy.region) == (
        original.title, original.occupation, original.wage_max, original.region,
    )
    assert list(copy.required_certifications.all()) == [vocab["cert"]]
    assert history(copy) == [("", "draft", employer.pk, "")]


def test_duplicate_drops_passed_closing_date(make_posting, employer, today):
    original = make_posting(closes_on=today + dt.timedelta(days=1))
    JobPosting.objects.filter(pk=original.pk).update(
        posted_on=today - dt.timedelta(days=30), closes_on=today - dt.timedelta(days=1)
    )
    original.refresh_from_db()
    copy = posting_duplicate(posting=original, by=employer)
    assert copy.closes_on is None
    assert copy.posted_on == today
