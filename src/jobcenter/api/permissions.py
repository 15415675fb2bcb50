"""Who may call what. Every endpoint states its check explicitly, in two layers:

1. **Authentication** on the route: ``auth=PUBLIC`` (with a comment saying why the data is public) or
   ``auth=SIGNED_IN`` (Django's session; an anonymous caller gets 401). The API's default is ``SIGNED_IN``, so a
   route that forgets to say anything is closed, not open; ``tests/api/test_permissions.py`` walks every route
   and fails on a public one missing from its allow-list.
2. **Role and object checks** in the view, through the helpers below or a selector that applies the object rule
   (``posting_get``, ``application_list_for_posting``…). They raise 403 (``AuthorizationError``) or let the
   selector's ``DoesNotExist`` become 404 where existence must not be revealed.
"""

from __future__ import annotations

from django.http import HttpRequest
from ninja.errors import AuthorizationError
from ninja.security import django_auth

from jobcenter.accounts.roles import Role
from jobcenter.accounts.selectors import user_holds_any_role, user_is_back_office  # noqa: F401  (re-exported)
from jobcenter.employers.selectors import companies_for_user
from jobcenter.seekers.models import SeekerProfile
from jobcenter.seekers.selectors import seeker_profile_for_user

# Session cookie auth (CSRF-checked on unsafe methods); returns 401 to an anonymous caller.
SIGNED_IN = django_auth
# No authentication: only for published information. Say why at each use.
PUBLIC = None




def require_role(request: HttpRequest, *roles: Role) -> None:
    """403 unless the caller holds one of ``roles``."""
    if not user_holds_any_role(request.user, *roles):
        raise AuthorizationError(message="this needs one of the roles: " + ", ".join(str(r) for r in roles))


def require_seeker_profile(request: HttpRequest) -> SeekerProfile:
    """The caller's own seeker profile; 403 when they have none (an employer or staff account). ``/me/*``
    endpoints read only through this, so they can only ever show the caller's own data."""
    profile = seeker_profile_for_user(user=request.user)
    if profile is None:
        raise AuthorizationError(message="this account has no job-seeker profile")
    return profile


def require_company_member(request: HttpRequest) -> None:
    """403 unless the caller is a member of at least one company."""
    if not companies_for_user(user=request.user).exists():
        raise AuthorizationError(message="this account is not a member of any company")
