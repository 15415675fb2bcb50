"""Reading companies and who belongs to them."""

from __future__ import annotations

from django.db.models import QuerySet

from jobcenter.employers.models import Company, CompanyMember


def companies_for_user(*, user) -> QuerySet[Company]:
    """The companies the user is a member of (owner or recruiter); none for an anonymous user."""
    if not getattr(user, "is_authenticated", False):
        return Company.objects.none()
    return Company.objects.filter(members__user=user).select_related("industry").order_by("name", "pk")


def user_is_company_member(*, user, company_id: int | None) -> bool:
    if company_id is None or not getattr(user, "is_authenticated", False):
        return False
    return CompanyMember.objects.filter(user=user, company_id=company_id).exists()
