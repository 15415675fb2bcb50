"""Turning loosely typed input (JSON, form strings, CLI text) into the engine's types, naming each bad field.

Every converter takes the raw value, the field name and an :class:`ErrorCollector`; it returns the converted
value or ``None`` after recording a message for that field. Messages are Korean, for the person who typed them.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation
from typing import Any

from jobcenter.rules.errors import ErrorCollector

_TRUE = {"1", "true", "yes", "y", "on", "예", "네"}
_FALSE = {"0", "false", "no", "n", "off", "아니오", "아니요", ""}


def is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and value.strip() == "")


def to_date(value: Any, field: str, errors: ErrorCollector, *, required: bool = False) -> dt.date | None:
    """A ``date`` or an ISO ``YYYY-MM-DD`` string. Impossible dates (2025-02-30) are reported as such."""
    if is_blank(value):
        if required:
            errors.add(field, "날짜를 입력하세요 (YYYY-MM-DD).")
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        text = value.strip()
        parts = text.split("-")
        if len(parts) == 3 and all(p.isdigit() for p in parts) and len(parts[0]) == 4:
            try:
                return dt.date(int(parts[0]), int(parts[1]), int(parts[2]))
            except ValueError:
                errors.add(field, f"존재하지 않는 날짜입니다: {text}")
                return None
    errors.add(field, f"날짜 형식이 아닙니다 (YYYY-MM-DD): {value!r}")
    return None


def to_decimal(
    value: Any,
    field: str,
    errors: ErrorCollector,
    *,
    required: bool = False,
    minimum: Decimal | int | None = None,
    maximum: Decimal | int | None = None,
    exclusive_minimum: bool = False,
) -> Decimal | None:
    """A number (int, Decimal, float or numeric string; "120,000" with thousands separators is accepted)."""
    if is_blank(value):
        if required:
            errors.add(field, "값을 입력하세요.")
        return None
    if isinstance(value, bool):
        errors.add(field, "숫자를 입력하세요.")
        return None
    try:
        if isinstance(value, float):
            number = Decimal(repr(value))
        elif isinstance(value, str):
            number = Decimal(value.strip().replace(",", "").replace("원", ""))
        else:
            number = Decimal(value)
    except (InvalidOperation, ValueError, TypeError):
        errors.add(field, f"숫자가 아닙니다: {value!r}")
        return None
    if not number.is_finite():
        errors.add(field, f"숫자가 아닙니다: {value!r}")
        return None
    if minimum is not None:
        if exclusive_minimum and number <= minimum:
            errors.add(field, f"{minimum}보다 커야 합니다 (입력값 {number}).")
            return None
        if not exclusive_minimum and number < minimum:
            errors.add(field, f"{minimum} 이상이어야 합니다 (입력값 {number}).")
            return None
    if maximum is not None and number > maximum:
        errors.add(field, f"{maximum} 이하여야 합니다 (입력값 {number}).")
        return None
    return number


def to_int(
    value: Any,
    field: str,
    errors: ErrorCollector,
    *,
    required: bool = False,
    minimum: int | None = None,
    maximum: int | None = None,
) -> int | None:
    """A whole number within ``minimum`` … ``maximum`` (inclusive)."""
    number = to_decimal(value, field, errors, required=required)
    if number is None:
        return None
    if number != number.to_integral_value():
        errors.add(field, f"정수를 입력하세요 (입력값 {number}).")
        return None
    whole = int(number)
    if minimum is not None and whole < minimum or maximum is not None and whole > maximum:
        low = "" if minimum is None else f"{minimum}"
        high = "" if maximum is None else f"{maximum}"
        errors.add(field, f"{low}~{high} 범위여야 합니다 (입력값 {whole}).")
        return None
    return whole


def to_bool(value: Any, field: str, errors: ErrorCollector, *, default: bool) -> bool:
    if value is None:
        return default
    if isinstance(value, bool):
        return value
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    if isinstance(value, str):
        text = value.strip().lower()
        if text in _TRUE:
            return True
        if text in _FALSE:
            return False if text else default
    errors.add(field, f"예/아니오(true/false) 값이어야 합니다: {value!r}")
    return default


def to_choice(
    value: Any, field: str, errors: ErrorCollector, *, choices: dict[str, str], default: str | None
) -> str | None:
    if is_blank(value):
        return default
    text = str(value).strip()
    if text not in choices:
        errors.add(field, f"알 수 없는 값입니다: {text!r}. 가능한 값: {', '.join(choices)}")
        return default
    return text


def reject_unknown(params: dict[str, Any], allowed: set[str], errors: ErrorCollector) -> None:
    """Names each key that is not an input of the rule, so a typo (``seperation_date``) is not ignored."""
    for key in params:
        if key not in allowed:
            errors.add(key, f"알 수 없는 입력 항목입니다. 가능한 항목: {', '.join(sorted(allowed))}")
