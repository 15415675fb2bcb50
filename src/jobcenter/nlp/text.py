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


def common_suffixes(folded_texts, min_count: int, lengths: tuple[int, ...] = (1, 2, 3, 4)) -> frozenset[str]:
    """Endings shared by at least ``min_count`` texts (longer than the ending by two characters or more).

    Learned from a taxonomy's own names, these are the role endings of job titles ("원", "조작원", "기술자",
    "관리자", "er", ...), so a title's stem can be found without a hand-written list.
    """
    counts: dict[str, int] = {}
    for text in folded_texts:
        for k in lengths:
            if len(text) > k + 1:
                counts[text[-k:]] = counts.get(text[-k:], 0) + 1
    return frozenset(s for s, c in counts.items() if c >= min_count)


def title_stem(folded: str, suffixes: frozenset[str], lengths: tuple[int, ...] = (4, 3, 2, 1)) -> str:
    """The folded title without its longest common ending: "해머테스트원" → "해머테스트"."""
    for k in lengths:
        if len(folded) > k + 1 and folded[-k:] in suffixes:
            return folded[:-k]
    return folded
