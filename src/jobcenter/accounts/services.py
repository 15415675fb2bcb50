from __future__ import annotations

from django.contrib.auth.models import Group, Permission
from django.db import transaction

from jobcenter.accounts.models import User
from jobcenter.accounts.roles import ROLE_PERMISSIONS, Role


@transaction.atomic
def roles_sync() -> dict[str, Group]:
    """Create or update one group per role with exactly the permissions ROLE_PERMISSIONS lists. Idempotent."""
    groups: dict[str, Group] = {}
    for role, perms in ROLE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=str(role))
        if perms == ["*"]:
            wanted = list(Permission.objects.all())
        else:
            wanted = []
            for dotted in perms:
                app_label, codename = dotted.split(".", 1)
                wanted.append(Permission.objects.get(content_type__app_label=app_label, codename=codename))
        group.permissions.set(wanted)
        groups[str(role)] = group
    return groups


@transaction.atomic
def user_create(
    *,
    email: str,
    password: str | None,
    role: Role | str,
    first_name: str = "",
    last_name: str = "",
    preferred_language: str = "ko",
) -> User:
    """Create a user holding one role. Back-office roles also get ``is_staff`` so they can open the admin."""
    role = Role(role)
    email = User.objects.normalize_email(email).lower()
    user = User.objects.create_user(
        username=email,
        email=email,
        password=password,
        first_name=first_name,
        last_name=last_name,
        preferred_language=preferred_language,
    )
    role_grant(user=user, role=role)
    return user


@transaction.atomic
def role_grant(*, user: User, role: Role | str) -> User:
    role = Role(role)
    group = Group.objects.filter(name=str(role)).first() or roles_sync()[str(role)]
    user.groups.add(group)
    if role in (Role.STAFF, Role.COUNSELOR, Role.ADMINISTRATOR) and not user.is_staff:
        user.is_staff = True
        user.save(update_fields=["is_staff"])
    if role == Role.ADMINISTRATOR and not user.is_superuser:
        user.is_superuser = True
        user.save(update_fields=["is_superuser"])
    return user
