"""Folding of labels and titles, shared by every signal (no Django imports)."""

from __future__ import annotations

import re
import unicodedata

_STRIP = re.compile(r"[\s\-_·ㆍ・.,/()\[\]{}'\"&+:;!?]+")
_PAREN = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_SPACES = re.compile(r"\s+")


def fold(text: str) -> str:
    """Width, case and punctuation folded, spaces dropped: "CO2 용접사" → "co2용접사"."""
    return _STRIP.sub("", unicodedata.normalize("NFKC", text or "").casefold())


def clean(text: str) -> str:
    """Width and case folded, whitespace collapsed; keeps words apart (for n-grams and embedders)."""
    text = unicodedata.normalize("NFKC", text or "").casefold()
    return _SPACES.sub(" ", text).strip()


def without_parentheses(text: str) -> str:
    """"임상의학물리학자(Clinical Medical Physicist)" → "임상의학물리학자"."""
    return _SPACES.sub(" ", _PAREN.sub(" ", text or "")).strip()


def parenthesised(text: str) -> list[str]:
    """The parts in parentheses: "RO(Reactor Operator)" → ["Reactor Operator"]."""
    return [m.strip("()[] ") for m in _PAREN.findall(text or "") if m.strip("()[] ")]
