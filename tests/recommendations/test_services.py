"""Recommendation services: every list shown is logged with what was shown; hidden postings never come back;
turned off means nothing computed or logged; closed and expired postings are never recommended."""

from __future__ import annotations

import pytest

from jobcenter.audit.models import RecommendationLog
from jobcenter.jobs.models import PostingStatus
from jobcenter.recommendations import engine, services
from jobcenter.recommendations.models import RecommendationFeedback

pytestmark = pytest.mark.django_db


def _jobs(profile, **kw):
    return services.recommend_jobs_for_seeker(seeker=profile, viewer=profile.user, **kw)


def test_the_list_shown_is_logged_with_what_was_shown(seekers, postings):
    result = _jobs(seekers.alice_profile)
    assert result.enabled and result.items
    assert result.items[0].posting == postings.welder  # same occupation, licence held, near home
    log = RecommendationLog.objects.get()
    assert log == result.log
    assert (log.subject_type, log.subject_id) == ("seeker", seekers.alice_profile.pk)
    assert log.viewer == seekers.alice and log.surface == "web"
    assert len(log.inputs_digest) == 64
    assert log.engine == result.engine and log.engine.startswith("jobcenter.matching")
    assert log.model_version == result.model_version and log.model_version
    assert log.candidates >= len(result.items)
    assert [(row["id"], row["rank"]) for row in log.items] == [(i.posting.pk, i.rank) for i in result.items]
    assert [row["score"] for row in log.items] == [round(i.match.score, 6) for i in result.items]
    assert log.parameters["top"] == 20 and log.parameters["congestion"] is True


def test_each_item_is_explained(seekers, postings):
    item = next(i for i in _jobs(seekers.alice_profile).items if i.posting == postings.welder)
    explanation = item.explanation
    assert explanation.matched_licences == ["용접기능사"]
    assert explanation.occupation_match == "same"
    assert explanation.top_features
    assert any(r.kind == "licence_match" and "용접기능사" in r.text_ko for r in explanation.reasons)
    assert item.application_id == seekers.alice_app.pk  # she applied already: the page links her application


def test_closed_expired_draft_and_removed_postings_are_never_recommended(seekers, postings):
    # Bob wants web work; the expired and removed web postings fit him as well as the open one.
    shown = {i.posting.pk for i in _jobs(seekers.bob_profile, top=50).items}
    shown |= {i.posting.pk for i in _jobs(seekers.alice_profile, top=50).items}
    assert shown
    assert not shown & {p.pk for p in postings.hidden}


def test_a_posting_closed_after_the_engine_was_fitted_is_not_shown(seekers, postings):
    assert postings.welder.pk in {i.posting.pk for i in _jobs(seekers.alice_profile).items}
    postings.welder.status = PostingStatus.CLOSED
    postings.welder.save()
    assert postings.welder.pk not in {i.posting.pk for i in _jobs(seekers.alice_profile).items}


def test_a_hidden_posting_never_comes_back_and_the_hide_is_recorded(seekers, postings):
    profile = seekers.alice_profile
    first = _jobs(profile)
    services.recommendation_hide(seeker=profile, posting=postings.welder, reason="너무 멀어요", log_id=first.log.pk)
    row = RecommendationFeedback.objects.get(seeker=profile, posting=postings.welder, action="hidden")
    assert row.reason == "너무 멀어요" and row.log == first.log and row.active
    for _ in range(2):
        result = _jobs(profile, top=50)
        assert postings.welder.pk not in {i.posting.pk for i in result.items}
        assert postings.welder.pk not in {r["id"] for r in result.log.items}
        assert result.log.parameters["excluded_hidden"] == 1
    services.recommendation_unhide(seeker=profile, posting=postings.welder)
    row.refresh_from_db()
    assert not row.active and row.reason == "너무 멀어요"  # undone, still on record
    assert postings.welder.pk in {i.posting.pk for i in _jobs(profile).items}


def test_hiding_a_saved_posting_unsaves_it(seekers, postings):
    profile = seekers.alice_profile
    services.recommendation_save(seeker=profile, posting=postings.welder)
    services.recommendation_save(seeker=profile, posting=postings.welder)  # idempotent
    assert RecommendationFeedback.objects.filter(seeker=profile, action="saved").count() == 1
    assert [i.saved for i in _jobs(profile).items if i.posting == postings.welder] == [True]
    services.recommendation_hide(seeker=profile, posting=postings.welder)
    assert not RecommendationFeedback.objects.get(seeker=profile, action="saved").active


def test_someone_elses_log_is_not_attached_to_feedback(seekers, postings):
    bob_log = _jobs(seekers.bob_profile).log
    item = services.recommendation_save(seeker=seekers.alice_profile, posting=postings.welder, log_id=bob_log.pk)
    assert item.log is None


def test_turned_off_means_nothing_computed_or_logged(seekers, monkeypatch):
    profile = seekers.alice_profile
    services.recommendations_enabled_set(seeker=profile, enabled=False)

    def boom():
        raise AssertionError("the engine must not run")

    monkeypatch.setattr(engine, "recommender", boom)
    result = _jobs(profile)
    assert result.enabled is False and result.items == [] and result.log is None
    assert services.next_steps_for_seeker(seeker=profile) == []
    assert not RecommendationLog.objects.exists()


def test_next_steps_are_deferred_then_recorded_on_the_list(seekers, postings):
    profile = seekers.bob_profile  # lacks the welding licence some postings ask for
    result = _jobs(profile, with_next_steps=False)
    assert result.next_steps == [] and result.next_steps_pending
    steps = services.next_steps_for_seeker(seeker=profile, log_id=result.log.pk)
    result.log.refresh_from_db()
    assert result.log.parameters["next_steps"] == [{"kind": s.kind, "name": s.name} for s in steps]
    # Known now: the next page view shows them at once.
    again = _jobs(profile, with_next_steps=False)
    assert again.next_steps == steps and not again.next_steps_pending


def test_candidates_for_a_posting_are_logged_and_anonymised_until_applied_or_discoverable(
    seekers, postings, carol, companies
):
    result = services.recommend_candidates_for_posting(posting=postings.welder, viewer=companies.acme_member)
    by_id = {i.profile.pk: i for i in result.items}
    assert carol.pk in by_id
    assert by_id[carol.pk].identity_visible is False
    assert by_id[seekers.alice_profile.pk].identity_visible is True  # she applied
    assert by_id[seekers.alice_profile.pk].application_id == seekers.alice_app.pk
    summary = by_id[carol.pk].summary
    assert summary == {"occupation": "용접원", "experience_months": 36, "licences": ["용접기능사"],
                       "region": "경기도 수원시"}
    log = result.log
    assert (log.subject_type, log.subject_id, log.viewer) == ("posting", postings.welder.pk, companies.acme_member)
    assert [r["id"] for r in log.items] == [i.profile.pk for i in result.items]
    assert {r["id"]: r["identified"] for r in log.items}[carol.pk] is False

    carol.discoverable = True
    carol.save()
    result = services.recommend_candidates_for_posting(posting=postings.welder, viewer=companies.acme_member)
    assert {i.profile.pk: i.identity_visible for i in result.items}[carol.pk] is True


def test_a_long_or_sensitive_hide_reason_is_refused(seekers, postings):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        services.recommendation_hide(seeker=seekers.alice_profile, posting=postings.welder, reason="x" * 501)
    with pytest.raises(ValidationError):
        services.recommendation_hide(seeker=seekers.alice_profile, posting=postings.welder,
                                     reason="제 번호 900101-1234567")
    assert not RecommendationFeedback.objects.exists()


def test_the_engine_is_not_refitted_when_nothing_changed(seekers, postings):
    first = engine.recommender()
    assert engine.recommender() is first
    postings.web.title = "프론트엔드 웹 개발자 (React)"
    postings.web.save()
    assert engine.recommender() is not first


def test_a_career_typed_without_picking_an_occupation_is_coded_by_the_title_normaliser(vocab, seekers, postings):
    """The portal's engine codes free-text titles with the title normaliser's lexical signals, not exact names
    only: "선박 용접공" names no occupation exactly, yet it is read as 용접원 (KECO 8241 both in the built-in
    reference set and in the Work24 dictionary) and the welder's posting comes first as the same job."""
    from jobcenter.seekers.models import WorkExperience
    from jobcenter.taxonomy.models import Occupation

    welder_8241 = Occupation.objects.create(scheme="KECO", version="KECO-7", code="8241", name="용접원",
                                            level=Occupation.Level.UNIT, parent=vocab.minor817)
    postings.welder.occupation = welder_8241
    postings.welder.save()
    profile = seekers.alice_profile  # holds the licence the welder's posting requires
    profile.work_experiences.all().delete()
    if hasattr(profile, "preference"):
        profile.preference.desired_occupations.clear()
    WorkExperience.objects.create(seeker=profile, title="선박 용접공", occupation=None)
    engine.reset()
    first = _jobs(profile).items[0]
    assert first.posting == postings.welder
    assert first.explanation.occupation_match == "same"
