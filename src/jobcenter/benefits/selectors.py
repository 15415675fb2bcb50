"""What the portal already knows that the benefit rules need: age and disability (the law ties benefit days to
them) and the last job's dates. Read only for the seeker themself, or for a counselor who chose the seeker;
never shown to anyone else. ``ProtectedAttributes`` is read here and nowhere near ranking."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied
from django.utils import timezone

from jobcenter.accounts.roles import Role
from jobcenter.accounts.selectors import user_holds_any_role
from jobcenter.seekers.models import ProtectedAttributes, SeekerProfile


@dataclass
class BenefitPrefill:
    """Initial form values and where each came from (shown beside the form so the person can check them)."""

    seeker: SeekerProfile | None = None
    initial: dict[str, object] = field(default_factory=dict)
    sources: dict[str, str] = field(default_factory=dict)


def user_is_counselor(user) -> bool:
    """Only counselors calculate for another seeker (the role check the whole project shares)."""
    return user_holds_any_role(user, Role.COUNSELOR)


def seeker_benefit_prefill(*, user, seeker_id: int | None = None, today: dt.date | None = None) -> BenefitPrefill:
    """Pre-fill for the signed-in seeker's own profile, or — for a counselor — the chosen seeker's.

    ``seeker_id`` from anyone but a counselor raises ``PermissionDenied``; an unknown id raises
    ``SeekerProfile.DoesNotExist``. Anonymous visitors and accounts without a profile get an empty pre-fill.
    """
    today = today or timezone.localdate()
    if seeker_id is not None:
        if not user_is_counselor(user):
            raise PermissionDenied("only a counselor may calculate for another seeker")
        profile = SeekerProfile.objects.get(pk=seeker_id)
    elif getattr(user, "is_authenticated", False):
        profile = SeekerProfile.objects.filter(user=user).first()
    else:
        profile = None
    if profile is None:
        return BenefitPrefill()

    prefill = BenefitPrefill(seeker=profile)
    attributes = ProtectedAttributes.objects.filter(seeker=profile).first()
    if attributes is not None:
        if attributes.birth_year:
            prefill.initial["age"] = today.year - attributes.birth_year
            prefill.sources["age"] = "birth_year"
        if attributes.has_disability is not None:
            prefill.initial["disabled"] = attributes.has_disability
            prefill.sources["disabled"] = "has_disability"
    last_job = profile.work_experiences.filter(end_date__isnull=False).order_by("-end_date").first()
    if last_job is not None:
        prefill.initial["separation_date"] = last_job.end_date
        prefill.sources["separation_date"] = "work_experience"
        if last_job.start_date:
            prefill.initial["insured_from"] = last_job.start_date
            prefill.sources["insured_from"] = "work_experience"
    return prefill
