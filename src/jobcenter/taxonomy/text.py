"""Label normalisation shared by every lookup of names and aliases (no Django imports)."""

from __future__ import annotations

import re
import unicodedata

_STRIP = re.compile(r"[\s\-_·ㆍ・.,/()\[\]{}'\"]+")


def normalize_label(text: str) -> str:
    """Fold width and case and drop spaces and punctuation: "CO2 용접사" → "co2용접사", "Web-Developer" → "webdeveloper"."""
    return _STRIP.sub("", unicodedata.normalize("NFKC", text or "").casefold())
