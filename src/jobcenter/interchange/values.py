"""Small value parsers and checks shared by the format modules.

Each ``parse_*``/``to_*`` function returns the converted value or raises
:class:`Invalid` (a ``ValueError``) with a plain English message that can be
shown to the person who uploaded the file.  :class:`Issues` collects the
problems of one record so that every field error is reported, not only the
first.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone
from typing import Any, TypeVar

from .errors import RecordError

T = TypeVar("T")

#: Korea Standard Time.  Korea has no daylight saving time, so a fixed offset
#: is exact and needs no time zone database.
KST = timezone(timedelta(hours=9), "Asia/Seoul")

#: schema.org ``employmentType`` values (as used by Google's JobPosting docs).
EMPLOYMENT_TYPES = (
    "FULL_TIME", "PART_TIME", "CONTRACTOR", "TEMPORARY", "INTERN", "VOLUNTEER", "PER_DIEM", "OTHER",
)
#: ``unitText`` values of a salary's QuantitativeValue.
SALARY_UNITS = ("HOUR", "DAY", "WEEK", "MONTH", "YEAR")

_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
_DATETIME = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]+)?)?(Z|[+-][0-9]{2}:?[0-9]{2})?")
_NUMBER = re.compile(r"[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?")
_PARTIAL = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")


class Invalid(ValueError):
    """A value that cannot be accepted; the message is meant for people."""


class Issues:
    """Collects the errors of one record."""

    __slots__ = ("line", "key", "errors")

    def __init__(self, line: int | None, key: str | None = None) -> None:
        self.line = line
        self.key = key
        self.errors: list[RecordError] = []

    def add(self, field: str | None, message: str) -> None:
        error = RecordError(self.line, self.key, field, message)
        if error not in self.errors:  # min and max read from one "value" field
            self.errors.append(error)

    def take(self, field: str, convert: Callable[..., T], *args: Any) -> T | None:
        """Return ``convert(*args)``, or record the problem and return None."""
        try:
            return convert(*args)
        except (Invalid, ValueError, TypeError) as exc:
            self.add(field, str(exc) or "invalid value")
            return None

    def __bool__(self) -> bool:
        return bool(self.errors)


def describe(value: Any) -> str:
    """A short description of a bad value for an error message."""
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return repr(shown)
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, bool):
        return "true" if value else "false"
    return repr(value)


def to_text(value: Any) -> str | None:
    """Stripped text, None for null or blank; numbers become text."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise Invalid(f"expected text, got {describe(value)}")
    if isinstance(value, (int, float)):
        value = str(value)
    if not isinstance(value, str):
        raise Invalid(f"expected text, got {describe(value)}")
    value = value.strip()
    return value or None


def to_int(value: Any) -> int | None:
    """A whole number from an int, an integral float or a string of digits."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise Invalid(f"expected a whole number, got {describe(value)}")
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if not math.isfinite(value) or not value.is_integer():
            raise Invalid(f"expected a whole number, got {value!r}")
        return int(value)
    if isinstance(value, str):
        text = value.strip().replace(",", "")
        if not text:
            return None
        if re.fullmatch(r"[+-]?[0-9]+", text):
            return int(text)
        if re.fullmatch(r"[+-]?[0-9]+\.0*", text):
            return int(text.split(".")[0])
    raise Invalid(f"expected a whole number, got {describe(value)}")


def to_float(value: Any) -> float | None:
    """A finite number from an int, a float or a numeric string."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise Invalid(f"expected a number, got {describe(value)}")
    if isinstance(value, (int, float)):
        result = float(value)
    elif isinstance(value, str) and value.strip():
        if not _NUMBER.fullmatch(value.strip()):
            raise Invalid(f"expected a number, got {describe(value)}")
        result = float(value.strip())
    elif isinstance(value, str):
        return None
    else:
        raise Invalid(f"expected a number, got {describe(value)}")
    if not math.isfinite(result):
        raise Invalid(f"expected a finite number, got {describe(value)}")
    return result


def to_bool(value: Any) -> bool | None:
    """true/false (JSON booleans, or the strings "true"/"false")."""
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in ("true", "false"):
        return value.strip().lower() == "true"
    raise Invalid(f"expected true or false, got {describe(value)}")


def _make_date(year: int, month: int, day: int, text: str) -> date:
    try:
        return date(year, month, day)
    except ValueError as exc:
        raise Invalid(f"{text!r} is not a real date ({exc})") from None


def parse_date(value: Any) -> date | None:
    """A calendar date written YYYY-MM-DD; None for null or blank."""
    text = to_text(value)
    if text is None:
        return None
    match = _DATE.fullmatch(text)
    if not match:
        raise Invalid(f"expected a date like 2026-12-31, got {describe(text)}")
    return _make_date(*map(int, match.groups()), text)


def parse_date_or_datetime(value: Any) -> date | None:
    """A date (YYYY-MM-DD) or an ISO date-time, as the calendar date in Korea.

    A date-time with a UTC offset is converted to Korea Standard Time before
    its date is taken; a date-time without one is read as Korean local time.
    """
    text = to_text(value)
    if text is None:
        return None
    if _DATE.fullmatch(text):
        return parse_date(text)
    if not _DATETIME.fullmatch(text):
        raise Invalid(f"expected a date like 2026-12-31 or a date-time like "
                      f"2026-12-31T23:59:59+09:00, got {describe(text)}")
    parse_date(text[:10])  # reports an impossible calendar date plainly
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError as exc:
        raise Invalid(f"{text!r} is not a real date-time ({exc})") from None
    if moment.tzinfo is not None:
        moment = moment.astimezone(KST)
    return moment.date()


def end_of_day_kst(day: date) -> str:
    """The last second of ``day`` in Korea, e.g. ``2026-12-31T23:59:59+09:00``."""
    return datetime(day.year, day.month, day.day, 23, 59, 59, tzinfo=KST).isoformat()


def parse_partial_date(value: Any) -> tuple[date, int] | None:
    """A JSON Resume date: YYYY-MM-DD, YYYY-MM or YYYY.

    Returns the first day of the period and the precision (1 = year,
    2 = month, 3 = day), or None for null or blank.
    """
    text = to_text(value)
    if text is None:
        return None
    match = _PARTIAL.fullmatch(text)
    if not match:
        raise Invalid(f"expected a date like 2026-12-31, 2026-12 or 2026, got {describe(text)}")
    year, month, day = match.groups()
    precision = 1 + (month is not None) + (day is not None)
    return _make_date(int(year), int(month or 1), int(day or 1), text), precision


def not_before(start: tuple[date, int], end: tuple[date, int]) -> bool:
    """Whether ``end`` is not before ``start``, compared at the coarser precision."""
    precision = min(start[1], end[1])

    def cut(d: date) -> tuple[int, ...]:
        return (d.year, d.month, d.day)[:precision]

    return cut(end[0]) >= cut(start[0])


def employment_type(value: Any) -> str:
    """A schema.org employmentType, case and "-"/space insensitive."""
    text = to_text(value)
    if text is None:
        raise Invalid("employment type must not be empty")
    canonical = re.sub(r"[\s-]+", "_", text).upper()
    if canonical not in EMPLOYMENT_TYPES:
        raise Invalid(f"unknown employment type {describe(text)}; expected one of "
                      + ", ".join(EMPLOYMENT_TYPES))
    return canonical


def employment_types(value: Any) -> list[str]:
    """One employmentType or a list of them, without duplicates."""
    if value is None:
        return []
    items = value if isinstance(value, list) else [value]
    result: list[str] = []
    for item in items:
        canonical = employment_type(item)
        if canonical not in result:
            result.append(canonical)
    return result


def salary_unit(value: Any) -> str | None:
    text = to_text(value)
    if text is None:
        return None
    if text.upper() not in SALARY_UNITS:
        raise Invalid(f"unknown salary unit {describe(text)}; expected one of " + ", ".join(SALARY_UNITS))
    return text.upper()


def latitude(value: Any) -> float | None:
    result = to_float(value)
    if result is not None and not -90 <= result <= 90:
        raise Invalid(f"latitude must be between -90 and 90, got {result:g}")
    return result


def longitude(value: Any) -> float | None:
    result = to_float(value)
    if result is not None and not -180 <= result <= 180:
        raise Invalid(f"longitude must be between -180 and 180, got {result:g}")
    return result


def non_negative_int(value: Any) -> int | None:
    result = to_int(value)
    if result is not None and result < 0:
        raise Invalid(f"must not be negative, got {result}")
    return result


def text_list(value: Any, separators: str = ",") -> list[str]:
    """A list of strings from a list, or from text split on ``separators``."""
    if value is None:
        return []
    if isinstance(value, list):
        parts = []
        for item in value:
            text = to_text(item)
            if text is not None:
                parts.append(text)
        return parts
    text = to_text(value)
    if text is None:
        return []
    if not separators:
        return [text]
    pieces = re.split("[" + re.escape(separators) + "]", text)
    return [piece.strip() for piece in pieces if piece.strip()]
