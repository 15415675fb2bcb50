"""The hourly minimum wage by year (최저임금), the base of the job-seeking benefit's lower limit."""

from __future__ import annotations

import datetime as dt

from jobcenter.rules.basis import MIN_WAGE
from jobcenter.rules.versions import RuleVersion, VersionedRule

_HOURLY = {
    2018: 7_530,
    2019: 8_350,
    2020: 8_590,
    2021: 8_720,
    2022: 9_160,
    2023: 9_620,
    2024: 9_860,
    2025: 10_030,
    2026: 10_320,
}

HOURLY_MINIMUM_WAGE: VersionedRule[int] = VersionedRule(
    key="minimum_wage.hourly",
    label="시간급 최저임금",
    versions=[
        RuleVersion(
            version_id=f"minimum_wage.hourly.{year}",
            value=amount,
            effective_from=dt.date(year, 1, 1),
            effective_to=dt.date(year, 12, 31),
            basis=MIN_WAGE,
            note="2018 value is not in the shared facts file; it is the published 2018 rate" if year == 2018 else "",
        )
        for year, amount in _HOURLY.items()
    ],
)


def hourly_minimum_wage(day: dt.date, *, field: str = "separation_date") -> RuleVersion[int]:
    """The minimum hourly wage in force on ``day``."""
    return HOURLY_MINIMUM_WAGE.at(day, field=field)
