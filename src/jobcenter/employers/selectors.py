"""Reading companies and who belongs to them."""

from __future__ import annotations

from django.db.models import QuerySet

from jobcenter.employers.models import Company, CompanyMember, Workplace


def companies_for_user(*, user) -> QuerySet[Company]:
    """The companies the user is a member of (owner or recruiter); none for an anonymous user."""
    if not getattr(user, "is_authenticated", False):
        return Company.objects.none()
    return Company.objects.filter(members__user=user).select_related("industry").order_by("name", "pk")


def user_is_company_member(*, user, company_id: int | None) -> bool:
    if company_id is None or not getattr(user, "is_authenticated", False):
        return False
    return CompanyMember.objects.filter(user=user, company_id=company_id).exists()


def company_get_for_member(*, user, company_id: int) -> Company:
    """A company the user is a member of, with its industry; ``Company.DoesNotExist`` for any other company
    (existence is not revealed)."""
    return companies_for_user(user=user).get(pk=company_id)


def workplace_list(*, company: Company) -> QuerySet[Workplace]:
    return company.workplaces.select_related("region__parent").order_by("name", "pk")


def workplace_get_for_member(*, user, workplace_id: int) -> Workplace:
    """A workplace of one of the user's companies; ``Workplace.DoesNotExist`` otherwise."""
    if not getattr(user, "is_authenticated", False):
        raise Workplace.DoesNotExist(workplace_id)
    return Workplace.objects.select_related("company", "region").get(pk=workplace_id, company__members__user=user)
