"""How a result explains itself: citations of the law, the steps taken and the conditions checked.

Texts are Korean, phrased so a counselor can read them aloud ("기초일액 120,000원 × 60% = 72,000원"). Every
object turns into plain JSON with ``to_dict()``.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any


@dataclass(frozen=True)
class Citation:
    """Where a rule comes from: the instrument (law, decree, notice), the provision and a short description.

    ``verify`` marks a citation whose value was read from a secondary source and must be confirmed against
    law.go.kr / moel.go.kr before a production release (see docs/benefit-rules.md).
    """

    law: str
    provision: str = ""
    title: str = ""
    url: str = ""
    verify: bool = False

    @property
    def label(self) -> str:
        text = f"{self.law} {self.provision}".strip()
        if self.title:
            text += f" ({self.title})"
        if self.verify:
            text += " [확인 필요]"
        return text

    def to_dict(self) -> dict[str, Any]:
        return {
            "law": self.law,
            "provision": self.provision,
            "title": self.title,
            "url": self.url,
            "verify": self.verify,
            "label": self.label,
        }


@dataclass(frozen=True)
class Step:
    """One step of a calculation: a stable ``code`` for programs, a Korean ``text`` for people, the value it
    produced, the rule versions it used and the citations behind it."""

    code: str
    text: str
    value: Any = None
    basis: tuple[Citation, ...] = ()
    versions: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "text": self.text,
            "value": jsonable(self.value),
            "basis": [c.label for c in self.basis],
            "versions": list(self.versions),
        }


@dataclass(frozen=True)
class Condition:
    """One eligibility condition: whether it is met, why, and on what basis. ``assumed`` is true when the
    answer rests on an estimate or a default rather than on an input the person gave."""

    code: str
    label: str
    met: bool
    explanation: str
    basis: tuple[Citation, ...] = ()
    assumed: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "label": self.label,
            "met": self.met,
            "explanation": self.explanation,
            "basis": [c.label for c in self.basis],
            "assumed": self.assumed,
        }


@dataclass
class Explanation:
    """Collects steps and citations in the order a calculation produces them."""

    steps: list[Step] = field(default_factory=list)

    def add(
        self,
        code: str,
        text: str,
        value: Any = None,
        basis: tuple[Citation, ...] | list[Citation] = (),
        versions: tuple[str, ...] | list[str] = (),
    ) -> Step:
        step = Step(code=code, text=text, value=value, basis=tuple(basis), versions=tuple(versions))
        self.steps.append(step)
        return step

    def citations(self, *extra: Citation) -> list[Citation]:
        """Every citation used, first use first, without duplicates."""
        seen: dict[tuple[str, str, str], Citation] = {}
        for step in self.steps:
            for citation in step.basis:
                seen.setdefault((citation.law, citation.provision, citation.title), citation)
        for citation in extra:
            seen.setdefault((citation.law, citation.provision, citation.title), citation)
        return list(seen.values())


def won(amount: int | Decimal) -> str:
    """``72000`` → ``"72,000원"``."""
    return f"{int(amount):,}원"


def percent(rate: Decimal) -> str:
    """``Decimal("0.6")`` → ``"60%"``; ``Decimal("0.665")`` → ``"66.5%"``."""
    value = (rate * 100).normalize()
    text = format(value, "f")
    return f"{text}%"


def jsonable(value: Any) -> Any:
    """Plain JSON types: dates as ISO strings, Decimals as int when whole else str, dataclasses via to_dict."""
    import datetime as dt

    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, float):
        return value
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else str(value.normalize())
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if hasattr(value, "to_dict"):
        return value.to_dict()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [jsonable(v) for v in value]
    return str(value)
