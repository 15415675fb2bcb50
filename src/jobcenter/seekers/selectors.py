"""Reading seeker profiles. Object rules live here: a seeker sees only their own profile; counselors, staff and
administrators see any. ``ProtectedAttributes`` is never loaded by these selectors."""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet

from jobcenter.accounts.selectors import user_is_back_office as _is_back_office
from jobcenter.seekers.models import JobPreference, SeekerProfile



def _profiles_with_details() -> QuerySet[SeekerProfile]:
    """A profile with everything a résumé view shows, in a fixed number of queries."""
    return SeekerProfile.objects.select_related("home_region__parent").prefetch_related(
        "work_experiences__occupation",
        "educations__level",
        "certificates__certification",
        "training_records",
        Prefetch(
            "preference",
            queryset=JobPreference.objects.prefetch_related("desired_occupations", "regions__parent"),
        ),
    )


def seeker_profile_for_user(*, user) -> SeekerProfile | None:
    """The signed-in user's own profile with its details, or ``None`` (anonymous, or no profile yet)."""
    if not getattr(user, "is_authenticated", False):
        return None
    return _profiles_with_details().filter(user=user).first()


def seeker_profile_get(*, user, profile_id: int) -> SeekerProfile:
    """A profile for its owner or a counselor/staff/administrator; anyone else gets ``SeekerProfile.DoesNotExist``
    whether or not the profile exists, so ids cannot be probed."""
    if not getattr(user, "is_authenticated", False):
        raise SeekerProfile.DoesNotExist(profile_id)
    qs = _profiles_with_details().filter(pk=profile_id)
    if not _is_back_office(user):
        qs = qs.filter(user=user)
    return qs.get()
