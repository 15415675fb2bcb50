from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from jobcenter.accounts.roles import Role


class User(AbstractUser):
    """A person who signs in. Login is by e-mail; no resident registration number is ever stored."""

    email = models.EmailField(_("email address"), unique=True)
    preferred_language = models.CharField(_("preferred language"), max_length=8, default="ko")

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = ["username"]

    def has_role(self, role: Role | str) -> bool:
        if self.is_superuser and role == Role.ADMINISTRATOR:
            return True
        return self.groups.filter(name=str(role)).exists()

    @property
    def roles(self) -> list[str]:
        names = [g.name for g in self.groups.all()]
        if self.is_superuser and Role.ADMINISTRATOR not in names:
            names.append(str(Role.ADMINISTRATOR))
        return names
