"""Recommendations for people: build the engine's inputs, ask the fitted engine, keep only what the viewer may
see, and record every list shown in ``audit.RecommendationLog`` (inputs digest, engine and model version, how
many candidates were scored, and each item shown with its rank and score). Feedback (save / hide) is written here
too; a hidden posting is passed to the engine as an exclusion, so it never comes back.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from jobcenter.audit.models import RecommendationLog
from jobcenter.jobs.models import JobPosting
from jobcenter.recommendations import adapters, engine, selectors
from jobcenter.recommendations.models import RecommendationFeedback
from jobcenter.seekers.models import SeekerProfile

MAX_TOP = 50
REASON_MAX_LENGTH = 500


@dataclass
class JobItem:
    """One recommended posting as shown to a seeker."""

    posting: JobPosting
    match: Any  # jobcenter.matching.recommend.Match
    rank: int  # position shown, from 1
    saved: bool = False
    application_id: int | None = None

    @property
    def explanation(self):
        return self.match.explanation

    @property
    def stretch(self) -> bool:
        return bool(self.match.explanation and self.match.explanation.stretch)


@dataclass
class JobRecommendations:
    enabled: bool
    items: list[JobItem] = field(default_factory=list)
    next_steps: list = field(default_factory=list)
    log: RecommendationLog | None = None
    engine: str = ""
    model_version: str = ""
    candidates: int = 0
    next_steps_pending: bool = False


@dataclass
class CandidateItem:
    """One recommended seeker as shown to an employer. ``identity_visible`` is False until the seeker applied to
    this posting or made their profile discoverable; until then only ``summary`` may be shown."""

    profile: SeekerProfile
    match: Any
    rank: int
    identity_visible: bool
    application_id: int | None
    summary: dict

    @property
    def explanation(self):
        return self.match.explanation


@dataclass
class CandidateRecommendations:
    posting: JobPosting
    items: list[CandidateItem] = field(default_factory=list)
    log: RecommendationLog | None = None
    engine: str = ""
    model_version: str = ""
    candidates: int = 0


def _top(top: int) -> int:
    return max(1, min(int(top), MAX_TOP))


def _viewer(viewer):
    return viewer if getattr(viewer, "is_authenticated", False) else None


def _log(result, *, shown: list[dict], viewer, surface: str, parameters: dict) -> RecommendationLog:
    return RecommendationLog.objects.create(
        viewer=_viewer(viewer),
        subject_type=result.subject_type,
        subject_id=int(result.subject_id),
        inputs_digest=(result.inputs_digest or "")[:64],
        engine=(result.engine or "")[:64],
        model_version=(result.model_version or "")[:64],
        candidates=int(result.candidates or 0),
        items=shown,
        surface=surface[:16],
        parameters=parameters,
    )


def _shown(item_id: int, rank: int, match) -> dict:
    row = {"id": item_id, "rank": rank, "score": round(float(match.score), 6)}
    if match.rank != rank:
        row["engine_rank"] = match.rank
    if match.explanation is not None and match.explanation.stretch:
        row["stretch"] = True
    return row


# --------------------------------------------------------------------------------------------- seeker → jobs


def recommend_jobs_for_seeker(
    *, seeker: SeekerProfile, viewer, top: int = 20, congestion: bool = True, surface: str = "web",
    with_next_steps: bool = True,
) -> JobRecommendations:
    """The open postings that fit ``seeker``, best first, with explanations and next steps; logged as shown to
    ``viewer``. When the seeker turned recommendations off, nothing is computed and nothing is logged.

    ``with_next_steps=False`` includes the next steps only when they are already known (they take most of a
    second to compute): ``next_steps_pending`` then tells the page to fetch them with ``next_steps_for_seeker``.
    """
    if not seeker.recommendations_enabled:
        return JobRecommendations(enabled=False)
    top = _top(top)
    today = timezone.localdate()
    profile = selectors.seeker_queryset().get(pk=seeker.pk)
    doc = adapters.seeker_doc(profile, today=today)
    hidden = selectors.hidden_posting_ids(seeker=seeker)
    recommender = engine.recommender()
    result = recommender.recommend_for_seeker(
        doc, top=top, congestion=congestion, explain=True, exclude_ids=tuple(str(i) for i in sorted(hidden))
    )
    next_steps = list(result.next_steps or [])
    pending = False
    if not next_steps:
        if with_next_steps:
            next_steps = engine.next_steps(recommender, doc)
        else:
            cached = engine.cached_next_steps(recommender, doc)
            next_steps, pending = (cached, False) if cached is not None else ([], True)

    ids = [int(m.item_id) for m in result.items if int(m.item_id) not in hidden]
    # The engine's corpus may be a request old: the database has the last word on what is still open.
    postings = {p.pk: p for p in selectors.open_posting_list(today=today).filter(pk__in=ids)}
    saved = selectors.saved_posting_ids(seeker=seeker)
    applied = selectors.applied_posting_ids(seeker=seeker)
    items: list[JobItem] = []
    for match in result.items:
        posting = postings.get(int(match.item_id))
        if posting is None or posting.pk in hidden:
            continue
        items.append(JobItem(posting=posting, match=match, rank=len(items) + 1, saved=posting.pk in saved,
                             application_id=applied.get(posting.pk)))
    log = _log(
        result,
        shown=[_shown(i.posting.pk, i.rank, i.match) for i in items],
        viewer=viewer,
        surface=surface,
        parameters={
            "top": top,
            "congestion": bool(congestion),
            "excluded_hidden": len(hidden),
            "language": get_language() or "",
            "next_steps": [{"kind": s.kind, "name": s.name} for s in next_steps],
            "next_steps_pending": pending,
        },
    )
    return JobRecommendations(enabled=True, items=items, next_steps=next_steps, log=log, engine=result.engine,
                              model_version=result.model_version, candidates=result.candidates,
                              next_steps_pending=pending)


# ------------------------------------------------------------------------------------------------ batches


def recommendation_batch_run(*, seeker_ids: list[int], top: int = 20) -> dict[str, int]:
    """Compute and record the lists of these seekers in one process (one Celery task's share of a batch: job
    alerts, counselors' worklists). Each list is logged with surface ``batch`` and no viewer; seekers who turned
    recommendations off are skipped, and nothing is computed for them."""
    wanted = set(int(i) for i in seeker_ids)
    done = skipped = items = 0
    for profile in selectors.seeker_queryset().filter(pk__in=wanted).order_by("pk"):
        if not profile.recommendations_enabled:
            skipped += 1
            continue
        result = recommend_jobs_for_seeker(seeker=profile, viewer=None, top=top, surface="batch",
                                           with_next_steps=False)
        done += 1
        items += len(result.items)
    return {"seekers": done, "skipped": skipped, "missing": len(wanted) - done - skipped, "items": items}


def recommendation_batch_dispatch(*, chunk: int = 200, top: int = 20, wait: bool = True,
                                  timeout: float = 3600) -> dict[str, Any]:
    """Split every enabled seeker into chunks of ``chunk`` and send one Celery task per chunk (in-process when no
    broker is configured). With ``wait``, collect the workers' totals."""
    from celery import group

    from jobcenter.recommendations.tasks import recommend_for_seekers

    if chunk < 1:
        raise ValidationError({"chunk": _("The chunk size must be at least 1.")})
    ids = selectors.batch_seeker_ids()
    chunks = [ids[i:i + chunk] for i in range(0, len(ids), chunk)]
    summary: dict[str, Any] = {"chunks": len(chunks), "seekers_sent": len(ids)}
    if not chunks:
        return summary
    result = group(recommend_for_seekers.s(part, _top(top)) for part in chunks).apply_async()
    summary["group_id"] = result.id
    if wait:
        totals: dict[str, int] = {}
        for part in result.get(timeout=timeout):
            for key, value in part.items():
                totals[key] = totals.get(key, 0) + int(value)
        summary.update(totals)
    return summary


def next_steps_for_seeker(*, seeker: SeekerProfile, log_id: int | None = None) -> list:
    """The licences and courses that would open the most additional good matches for ``seeker``; recorded on the
    seeker's own list ``log_id`` (the page that asked for them) when given. Empty when recommendations are off."""
    if not seeker.recommendations_enabled:
        return []
    profile = selectors.seeker_queryset().get(pk=seeker.pk)
    doc = adapters.seeker_doc(profile, today=timezone.localdate())
    steps = engine.next_steps(engine.recommender(), doc)
    log = _log_for(seeker, log_id)
    if log is not None:
        log.parameters = {**(log.parameters or {}), "next_steps": [{"kind": s.kind, "name": s.name} for s in steps]}
        log.save(update_fields=["parameters"])
    return steps


# --------------------------------------------------------------------------------------------- posting → seekers


def candidate_summary(profile: SeekerProfile, doc) -> dict:
    """What an employer may see of anyone: occupation, total experience, licences and the home region at city
    level. Never a name, contact, or coordinates."""
    occupation = ""
    for work in profile.work_experiences.all():  # newest first
        occupation = work.occupation.name if work.occupation_id and work.occupation else work.title
        if occupation:
            break
    if not occupation:
        preference = adapters._preference(profile)
        desired = list(preference.desired_occupations.all()) if preference is not None else []
        occupation = desired[0].name if desired else ""
    region = profile.home_region.full_name if profile.home_region_id else ""
    return {
        "occupation": occupation,
        "experience_months": sum(c.months for c in doc.careers),
        "licences": list(doc.licences),
        "region": region,
    }


def recommend_candidates_for_posting(
    *, posting: JobPosting, viewer, top: int = 20, surface: str = "web"
) -> CandidateRecommendations:
    """The seekers who fit ``posting``, best first, each with an anonymised summary (and their identity only when
    they applied to this posting or are discoverable); logged as shown to ``viewer``. The caller checks that the
    viewer may see the posting's candidates (``selectors.posting_for_candidates``)."""
    top = _top(top)
    today = timezone.localdate()
    posting = selectors.posting_queryset().get(pk=posting.pk)
    recommender = engine.recommender()
    result = recommender.recommend_for_posting(adapters.posting_doc(posting), top=top, explain=True)
    ids = [int(m.item_id) for m in result.items]
    profiles = {p.pk: p for p in selectors.seeker_queryset().filter(pk__in=ids)}
    applications = selectors.candidate_applications(posting=posting, seeker_ids=ids)
    visible = {pk for pk, p in profiles.items() if p.discoverable or pk in applications}
    items: list[CandidateItem] = []
    for match in result.items:
        profile = profiles.get(int(match.item_id))
        if profile is None:
            continue
        doc = adapters.seeker_doc(profile, today=today)
        items.append(CandidateItem(
            profile=profile, match=match, rank=len(items) + 1, identity_visible=profile.pk in visible,
            application_id=applications.get(profile.pk), summary=candidate_summary(profile, doc),
        ))
    log = _log(
        result,
        shown=[{**_shown(i.profile.pk, i.rank, i.match), "identified": i.identity_visible} for i in items],
        viewer=viewer,
        surface=surface,
        parameters={"top": top, "language": get_language() or ""},
    )
    return CandidateRecommendations(posting=posting, items=items, log=log, engine=result.engine,
                                    model_version=result.model_version, candidates=result.candidates)


# --------------------------------------------------------------------------------------------- feedback


def _log_for(seeker: SeekerProfile, log_id: int | None) -> RecommendationLog | None:
    """The seeker's own list the action was taken on (someone else's log id is ignored)."""
    if not log_id:
        return None
    return RecommendationLog.objects.filter(pk=log_id, subject_type="seeker", subject_id=seeker.pk).first()


def _feedback_set(*, seeker, posting, action, reason: str = "", log_id: int | None = None) -> RecommendationFeedback:
    reason = (reason or "").strip()
    if len(reason) > REASON_MAX_LENGTH:
        raise ValidationError({"reason": _("Keep the reason under %(n)d characters.") % {"n": REASON_MAX_LENGTH}})
    from jobcenter.seekers.services import resident_number_reject

    resident_number_reject({"reason": reason})
    item, created = RecommendationFeedback.objects.select_for_update().get_or_create(
        seeker=seeker, posting=posting, action=action,
        defaults={"reason": reason, "log": _log_for(seeker, log_id)},
    )
    if not created:
        item.undone_at = None
        item.reason = reason or item.reason
        log = _log_for(seeker, log_id)
        if log is not None:
            item.log = log
        item.save(update_fields=["undone_at", "reason", "log", "updated_at"])
    return item


def _feedback_undo(*, seeker, posting, action) -> RecommendationFeedback | None:
    item = RecommendationFeedback.objects.filter(seeker=seeker, posting=posting, action=action,
                                                 undone_at__isnull=True).first()
    if item is not None:
        item.undone_at = timezone.now()
        item.save(update_fields=["undone_at", "updated_at"])
    return item


@transaction.atomic
def recommendation_save(*, seeker: SeekerProfile, posting: JobPosting, log_id: int | None = None):
    """Keep a posting on the seeker's saved list."""
    return _feedback_set(seeker=seeker, posting=posting, action=RecommendationFeedback.Action.SAVED, log_id=log_id)


@transaction.atomic
def recommendation_unsave(*, seeker: SeekerProfile, posting: JobPosting):
    return _feedback_undo(seeker=seeker, posting=posting, action=RecommendationFeedback.Action.SAVED)


@transaction.atomic
def recommendation_hide(*, seeker: SeekerProfile, posting: JobPosting, reason: str = "", log_id: int | None = None):
    """"Not for me": the posting is never recommended to this seeker again; the reason (optional) is recorded.
    Hiding also takes it off the saved list."""
    item = _feedback_set(seeker=seeker, posting=posting, action=RecommendationFeedback.Action.HIDDEN,
                         reason=reason, log_id=log_id)
    _feedback_undo(seeker=seeker, posting=posting, action=RecommendationFeedback.Action.SAVED)
    return item


@transaction.atomic
def recommendation_unhide(*, seeker: SeekerProfile, posting: JobPosting):
    """Undo a hide: the posting may be recommended again. The row stays, marked undone."""
    return _feedback_undo(seeker=seeker, posting=posting, action=RecommendationFeedback.Action.HIDDEN)


def recommendations_enabled_set(*, seeker: SeekerProfile, enabled: bool) -> SeekerProfile:
    """Turn AI-assisted recommendations on or off for this seeker."""
    from jobcenter.seekers.services import seeker_profile_update

    return seeker_profile_update(profile=seeker, recommendations_enabled=bool(enabled))


def explanation_data(explanation, *, anonymised: bool = False) -> dict | None:
    """An explanation as JSON-ready data, with each reason's sentence in the active language as ``text``. For a
    candidate not yet identified, distances are rounded to 5 km and the sentences about the distance dropped:
    several postings' exact distances could otherwise locate a home."""
    if explanation is None:
        return None
    data = explanation.as_dict()
    korean = (get_language() or "ko").startswith("ko")
    reasons = []
    for reason in data["reasons"]:
        if anonymised and reason["kind"] == "distance":
            continue
        reasons.append({**reason, "text": reason["text_ko"] if korean else reason["text_en"]})
    data["reasons"] = reasons
    data["top_features"] = [{"feature": name, "contribution": round(float(value), 4)}
                            for name, value in data["top_features"]]
    if anonymised and data.get("distance_km") is not None:
        data["distance_km"] = max(5, int(round(float(data["distance_km"]) / 5.0)) * 5)
    return data
