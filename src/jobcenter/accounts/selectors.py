"""Who may do what, by role. Object-level rules (whose profile, which company) live in each app's selectors."""

from __future__ import annotations

from jobcenter.accounts.roles import BACK_OFFICE_ROLES, Role


def user_holds_any_role(user, *roles: Role) -> bool:
    """True when the signed-in user holds one of ``roles`` (a superuser counts as administrator)."""
    if not getattr(user, "is_authenticated", False):
        return False
    return bool(set(user.roles) & {str(role) for role in roles})


def user_is_back_office(user) -> bool:
    """Counselor, staff or administrator."""
    return user_holds_any_role(user, *BACK_OFFICE_ROLES)
