"""Korean business registration number (사업자등록번호): 10 digits, the last a check digit."""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

_WEIGHTS = (1, 3, 7, 1, 3, 7, 1, 3, 5)


def normalize_business_number(value: str) -> str:
    return re.sub(r"[\s-]", "", value or "")


def business_number_is_valid(value: str) -> bool:
    digits = normalize_business_number(value)
    if not re.fullmatch(r"\d{10}", digits):
        return False
    numbers = [int(c) for c in digits]
    total = sum(n * w for n, w in zip(numbers[:9], _WEIGHTS))
    total += (numbers[8] * 5) // 10
    check = (10 - total % 10) % 10
    return check == numbers[9]


def validate_business_number(value: str) -> None:
    digits = normalize_business_number(value)
    if not re.fullmatch(r"\d{10}", digits):
        raise ValidationError(
            _("A business registration number has 10 digits (e.g. 123-45-67890)."), code="format"
        )
    if not business_number_is_valid(digits):
        raise ValidationError(_("This business registration number fails its check digit."), code="checksum")


def format_business_number(value: str) -> str:
    d = normalize_business_number(value)
    return f"{d[:3]}-{d[3:5]}-{d[5:]}" if len(d) == 10 else value


def mask_business_number(value: str | None) -> str:
    """Shown on pages: the tax office code and the type digits, the serial and check digit hidden
    ("220-81-*****"). The full number stays in the back office."""
    d = normalize_business_number(value or "")
    return f"{d[:3]}-{d[3:5]}-*****" if len(d) == 10 else ""
