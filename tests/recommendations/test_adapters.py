"""Models → engine documents: units normalised, codes bare, and protected attributes never read."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from jobcenter.matching.recommend import PostingDoc, SeekerDoc
from jobcenter.recommendations import adapters, selectors

pytestmark = pytest.mark.django_db


def _posting(pk):
    return selectors.posting_queryset().get(pk=pk)


def _seeker(pk):
    return selectors.seeker_queryset().get(pk=pk)


def test_posting_doc_has_bare_keco_code_licences_education_rank_and_coordinates(postings):
    doc = adapters.posting_doc(_posting(postings.welder.pk))
    assert doc.id == str(postings.welder.pk)
    assert doc.occupation_code == "8173"
    assert doc.required_licences == ["용접기능사"]
    assert doc.licences_mandatory is True  # "용접기능사 이상" is a requirement, not a preference
    assert doc.education_rank == 3
    assert doc.experience_months == 12
    assert (doc.wage_min, doc.wage_max) == (2_800_000, 3_500_000)
    assert (doc.latitude, doc.longitude) == (37.25, 127.01)
    assert doc.region == "경기도 수원시" and doc.company == "한빛정밀"


def test_wages_become_krw_per_month():
    assert adapters.monthly_wage(11_000, "HOUR") == 2_299_000  # 209 hours a month
    assert adapters.monthly_wage(100_000, "DAY") == 2_170_000
    assert adapters.monthly_wage(36_000_000, "YEAR") == 3_000_000
    assert adapters.monthly_wage(3_000_000, "MONTH") == 3_000_000
    assert adapters.monthly_wage(None, "HOUR") is None


def test_hourly_posting_and_region_hall_coordinates(postings, vocab):
    doc = adapters.posting_doc(_posting(postings.painter.pk))
    assert doc.wage_min == 2_299_000 and doc.wage_max is None
    assert doc.employment_type == "PART_TIME"
    # No coordinates of its own and no workplace: the region's hall.
    assert (doc.latitude, doc.longitude) == (vocab.goyang.latitude, vocab.goyang.longitude)


def test_preferred_licences_are_not_mandatory(postings):
    postings.welder.qualifications_text = "용접기능사 우대"
    postings.welder.save()
    assert adapters.posting_doc(_posting(postings.welder.pk)).licences_mandatory is False


def test_esco_occupation_gives_no_keco_code(vocab):
    assert adapters.keco_code(vocab.esco_welder) is None
    assert adapters.keco_code(vocab.welder) == "8173"
    assert adapters.keco_code(None) is None


def test_seeker_doc_careers_education_licences_training_preferences(seekers, vocab):
    doc = adapters.seeker_doc(_seeker(seekers.alice_profile.pk), today=dt.date(2026, 11, 25))
    (career,) = doc.careers
    assert career.title == "CO2 용접사" and career.occupation_code == "8173"
    assert career.months == 59  # 2019-03-01 → 2024-02-29
    assert doc.education_rank == 3
    assert doc.licences == ["용접기능사"]
    assert doc.training == ["특수용접 실무"]
    assert doc.desired_occupation_codes == ["8173"] and doc.desired_occupation_texts == ["용접"]
    assert doc.max_commute_km == 20.0 and doc.desired_monthly_wage == 3_000_000
    assert doc.employment_types == ["FULL_TIME"]
    # No home coordinates of her own: her home region's hall.
    assert (doc.latitude, doc.longitude) == (vocab.suwon.latitude, vocab.suwon.longitude)
    assert doc.region == "경기도 수원시"


def test_seeker_desired_wage_per_hour_becomes_monthly(seekers):
    preference = seekers.alice_profile.preference
    preference.desired_wage, preference.desired_wage_unit = 12_000, "HOUR"
    preference.save()
    doc = adapters.seeker_doc(_seeker(seekers.alice_profile.pk), today=dt.date(2026, 1, 1))
    assert doc.desired_monthly_wage == 2_508_000


def test_current_job_counts_until_today():
    assert adapters.months_between(dt.date(2025, 1, 15), None, dt.date(2025, 7, 14)) == 5
    assert adapters.months_between(dt.date(2025, 1, 15), None, dt.date(2025, 7, 15)) == 6
    assert adapters.months_between(None, None, dt.date(2025, 7, 15)) == 0
    assert adapters.months_between(dt.date(2025, 1, 1), dt.date(2025, 1, 10), dt.date(2026, 1, 1)) == 1


def test_protected_attributes_are_never_read(seekers):
    with CaptureQueriesContext(connection) as queries:
        docs = adapters.seeker_docs(selectors.candidate_seeker_list(), today=dt.date(2026, 1, 1))
    assert len(docs) == 2
    assert queries.captured_queries
    assert not any("protectedattributes" in q["sql"].lower() for q in queries.captured_queries)
    names = {f.name for f in dataclasses.fields(SeekerDoc)}
    for word in ("sex", "gender", "birth", "disab"):
        assert not any(word in name for name in names), word
    assert "age" not in names
    text = repr(docs)
    assert "1977" not in text and "has_disability" not in text


def test_the_seeker_queries_do_not_grow_with_the_number_of_seekers(seekers, carol):
    with CaptureQueriesContext(connection) as queries:
        adapters.seeker_docs(selectors.candidate_seeker_list(), today=dt.date(2026, 1, 1))
    assert len(queries.captured_queries) <= 8


def test_only_open_unexpired_postings_feed_the_engine(postings):
    ids = {int(d.id) for d in adapters.posting_docs(selectors.open_posting_list())}
    assert ids == {p.pk for p in postings.public}
    assert isinstance(adapters.posting_doc(_posting(postings.web.pk)), PostingDoc)


def test_course_doc(vocab, today):
    from jobcenter.training.models import TrainingCourse, TrainingProvider

    provider = TrainingProvider.objects.create(name="한국폴리텍대학", region=vocab.suwon)
    course = TrainingCourse.objects.create(provider=provider, title="특수용접 양성과정", occupation=vocab.welder,
                                           region=vocab.suwon, start_date=today + dt.timedelta(days=10),
                                           end_date=today + dt.timedelta(days=90))
    course.certifications.add(vocab.welding_cert2)
    doc = adapters.course_doc(course)
    assert doc.id == str(course.pk) and doc.name == "특수용접 양성과정"
    assert doc.occupation_codes == ["8173"] and doc.certification == "용접산업기사"
    assert (doc.latitude, doc.longitude) == (vocab.suwon.latitude, vocab.suwon.longitude)
