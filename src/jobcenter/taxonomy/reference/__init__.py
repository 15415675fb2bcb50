"""The small built-in reference set: what the portal runs on where the real data folder is absent.

Pure Python data written in the project (no Django imports), deliberately small: KECO 2018 groups and a few
dozen common occupations with their licences (``keco``), provinces and cities with coordinates (``regions``),
and the controlled vocabularies (``vocab``). ``jobcenter.taxonomy.services.reference_load_builtin`` loads it;
the full data comes from the importers (the Work24 dictionary, ESCO) and is never overwritten by this set.
"""

from __future__ import annotations

from jobcenter.taxonomy.reference.keco import (
    CERTIFICATIONS,
    KECO_MAJOR_GROUPS,
    KECO_MIDDLE_GROUPS,
    KECO_MINOR_GROUPS,
    KECO_VERSION,
    OCCUPATIONS,
    CertificationEntry,
    CertificationKind,
    OccupationEntry,
)
from jobcenter.taxonomy.reference.regions import (
    CITIES,
    FORMER_CITIES,
    FORMER_PROVINCE_CODES,
    FORMER_PROVINCE_NAMES,
    MERGED_PROVINCES,
    PLACEHOLDER_CITY_CODES,
    PROVINCES,
)
from jobcenter.taxonomy.reference.vocab import (
    EDUCATION_LEVELS,
    EMPLOYMENT_TYPES,
    KSIC_SECTIONS,
    KSIC_VERSION,
    SKILL_YEARS,
    SKILL_YEARS_MIN_MONTHS,
    WAGE_UNITS,
    EducationLevelEntry,
    EmploymentTypeEntry,
    WageUnitEntry,
)

REFERENCE_VERSION = "builtin-2026.11"

__all__ = [
    "CERTIFICATIONS",
    "CITIES",
    "EDUCATION_LEVELS",
    "EMPLOYMENT_TYPES",
    "FORMER_CITIES",
    "FORMER_PROVINCE_CODES",
    "FORMER_PROVINCE_NAMES",
    "KECO_MAJOR_GROUPS",
    "KECO_MIDDLE_GROUPS",
    "KECO_MINOR_GROUPS",
    "KECO_VERSION",
    "KSIC_SECTIONS",
    "KSIC_VERSION",
    "MERGED_PROVINCES",
    "OCCUPATIONS",
    "PLACEHOLDER_CITY_CODES",
    "PROVINCES",
    "REFERENCE_VERSION",
    "SKILL_YEARS",
    "SKILL_YEARS_MIN_MONTHS",
    "WAGE_UNITS",
    "CertificationEntry",
    "CertificationKind",
    "EducationLevelEntry",
    "EmploymentTypeEntry",
    "OccupationEntry",
    "WageUnitEntry",
]
