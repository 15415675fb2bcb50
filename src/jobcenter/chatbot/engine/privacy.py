"""Mask personal data before anything is logged (pure Python, no Django).

Resident registration numbers, phone numbers, e-mail addresses and card/account-like digit runs become
``[주민번호]``, ``[전화번호]``, ``[이메일]`` and ``[번호]``. The order matters: the most specific pattern first, so a
resident registration number is not half-masked as a phone number. Amounts ("120,000원"), years and dates are
kept: they are what a benefit question is about.
"""

from __future__ import annotations

import re

RRN = re.compile(r"(?<!\d)\d{6}\s?-?\s?[1-8]\d{6}(?!\d)")
EMAIL = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}")
# Mobile (010-1234-5678, 01012345678), Seoul/area numbers (02-123-4567, 031-1234-5678), +82 forms, 1588-xxxx.
PHONE = re.compile(
    r"(?<!\d)(?:\+82[\s\-]?(?:0?1[016789]|0?[2-6]\d?)|0(?:1[016789]|2|[3-6]\d|70|50\d?))[\s\-.]?\d{3,4}[\s\-.]?\d{4}(?!\d)"
    r"|(?<!\d)1[5-9]\d{2}-\d{4}(?!\d)"
)
# Card and account numbers: 10 or more digits, possibly in groups separated by spaces or hyphens.
DIGIT_RUN = re.compile(r"(?<![\d,])\d(?:[\s\-]?\d){9,}(?![\d,])")

MASKS = ((RRN, "[주민번호]"), (EMAIL, "[이메일]"), (PHONE, "[전화번호]"), (DIGIT_RUN, "[번호]"))


def mask(text: str | None) -> str:
    """The text with personal data replaced by placeholders."""
    out = text or ""
    for pattern, placeholder in MASKS:
        out = pattern.sub(placeholder, out)
    return out


def contains_personal_data(text: str | None) -> bool:
    return mask(text) != (text or "")
