"""Roles are Django groups with permissions; a user may hold several (a counselor who is also staff)."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    SEEKER = "seeker"
    EMPLOYER = "employer"
    COUNSELOR = "counselor"
    STAFF = "staff"
    ADMINISTRATOR = "administrator"


# app_label.codename permissions granted to each role's group. Object-level rules (a seeker sees only their
# own profile, an employer member only their company's postings) are enforced in selectors, not here.
ROLE_PERMISSIONS: dict[Role, list[str]] = {
    Role.SEEKER: [
        "seekers.view_seekerprofile",
        "seekers.change_seekerprofile",
        "jobs.add_application",
        "jobs.view_application",
    ],
    Role.EMPLOYER: [
        "employers.view_company",
        "employers.change_company",
        "employers.add_workplace",
        "employers.change_workplace",
        "jobs.add_jobposting",
        "jobs.change_jobposting",
        "jobs.view_jobposting",
        "jobs.view_application",
        "jobs.change_application",
    ],
    Role.COUNSELOR: [
        "seekers.view_seekerprofile",
        "jobs.view_jobposting",
        "jobs.view_application",
        "training.view_trainingcourse",
    ],
    Role.STAFF: [
        "taxonomy.view_occupation",
        "taxonomy.change_occupation",
        "taxonomy.view_certification",
        "jobs.view_jobposting",
        "jobs.change_jobposting",
        "employers.view_company",
        "employers.change_company",
        "training.view_trainingcourse",
        "training.change_trainingcourse",
        "training.add_trainingcourse",
        "seekers.view_seekerprofile",
        "jobs.view_application",
    ],
    Role.ADMINISTRATOR: ["*"],
}

# Roles whose members may enter the Django admin back office.
BACK_OFFICE_ROLES = {Role.STAFF, Role.COUNSELOR, Role.ADMINISTRATOR}
