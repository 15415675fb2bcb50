"""Rule values versioned by the dates they are in force, each with its legal basis.

A :class:`VersionedRule` is one named rule (``job_seeking.upper_limit``) with its :class:`RuleVersion` s, each a
value, an inclusive ``effective_from`` … ``effective_to`` (``None`` = still in force) and the citation it rests
on. ``rule.at(day)`` answers the version in force on ``day``, or raises :class:`NoRuleInForce` naming the date
field the caller passes, so an answer never silently uses a value from the wrong year.

A value read from a secondary source is a version with ``verify=True``: it is used (the law gives no better
number yet), every result that uses it lists it under ``unconfirmed``, and docs/benefit-rules.md lists it
under "Values to confirm before production". ``REGISTRY`` holds every rule so the docs and tests can walk them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from jobcenter.rules.errors import NoRuleInForce
from jobcenter.rules.explain import Citation, jsonable

T = TypeVar("T")

# The engine's data begins here: a rule in force before 2018 is recorded from this date on, with a note.
DATA_FROM = dt.date(2018, 1, 1)


@dataclass(frozen=True)
class RuleVersion(Generic[T]):
    """One value of a rule and when it applies (both ends inclusive)."""

    version_id: str
    value: T
    effective_from: dt.date
    effective_to: dt.date | None
    basis: Citation
    verify: bool = False
    note: str = ""

    def in_force_on(self, day: dt.date) -> bool:
        return self.effective_from <= day and (self.effective_to is None or day <= self.effective_to)

    def to_dict(self) -> dict[str, Any]:
        return {
            "version_id": self.version_id,
            "value": jsonable(self.value),
            "effective_from": self.effective_from.isoformat(),
            "effective_to": self.effective_to.isoformat() if self.effective_to else None,
            "basis": self.basis.label,
            "verify": self.verify,
            "note": self.note,
        }


@dataclass
class VersionedRule(Generic[T]):
    """A named rule and its dated versions. Versions must not overlap (checked on construction)."""

    key: str
    label: str
    versions: list[RuleVersion[T]] = field(default_factory=list)

    def __post_init__(self) -> None:
        ordered = sorted(self.versions, key=lambda v: v.effective_from)
        for earlier, later in zip(ordered, ordered[1:]):
            if earlier.effective_to is None or earlier.effective_to >= later.effective_from:
                raise ValueError(f"{self.key}: versions {earlier.version_id} and {later.version_id} overlap")
        self.versions = ordered
        REGISTRY[self.key] = self

    def at(self, day: dt.date, *, field: str = "date") -> RuleVersion[T]:
        """The version in force on ``day``; :class:`NoRuleInForce` naming ``field`` when there is none."""
        for version in self.versions:
            if version.in_force_on(day):
                return version
        first = self.versions[0].effective_from
        last = self.versions[-1].effective_to
        if day < first:
            message = (
                f"{day.isoformat()}에 시행된 '{self.label}' 규정이 이 계산기에 없습니다 "
                f"({first.isoformat()} 이후 날짜만 계산할 수 있습니다)."
            )
        elif last is not None and day > last:
            message = (
                f"{day.isoformat()}에 적용할 '{self.label}' 값이 아직 고시되지 않았거나 이 계산기에 없습니다 "
                f"({last.isoformat()}까지의 날짜만 계산할 수 있습니다)."
            )
        else:
            message = f"{day.isoformat()}에 시행된 '{self.label}' 규정이 이 계산기에 없습니다."
        raise NoRuleInForce(field, message, rule_key=self.key)

    def find(self, day: dt.date) -> RuleVersion[T] | None:
        """The version in force on ``day``, or ``None`` (for rules that apply only in some periods)."""
        for version in self.versions:
            if version.in_force_on(day):
                return version
        return None

    @property
    def covered_from(self) -> dt.date:
        return self.versions[0].effective_from

    @property
    def covered_to(self) -> dt.date | None:
        return self.versions[-1].effective_to

    def to_dict(self) -> dict[str, Any]:
        return {"key": self.key, "label": self.label, "versions": [v.to_dict() for v in self.versions]}


REGISTRY: dict[str, VersionedRule[Any]] = {}


def values_to_verify() -> list[tuple[str, RuleVersion[Any]]]:
    """Every (rule key, version) marked ``verify``, in registry order: the docs' list of values to confirm."""
    _load_all()
    return [(key, v) for key, rule in REGISTRY.items() for v in rule.versions if v.verify]


def all_rules() -> list[VersionedRule[Any]]:
    """Every registered rule (importing the rule modules first so the registry is complete)."""
    _load_all()
    return list(REGISTRY.values())


def _load_all() -> None:
    # Rules register themselves when their module is imported.
    from jobcenter.rules import job_seeking, median_income, minimum_wage, nesp, recognition  # noqa: F401
