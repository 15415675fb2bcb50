"""Korean (and mixed Korean/English) tokenising with Kiwi morphemes.

Keeps the content tags: nouns (NN*), foreign words (SL), Chinese characters (SH), numbers (SN), roots (XR),
verbs (VV) and adjectives (VA). Suffixes such as the 원/공/사 of job titles come out as nouns or XSN; XSN is
dropped, so "배관용접원" and "배관용접공" share "배관" and "용접".
"""

from __future__ import annotations

import re
import threading
from typing import Iterable

KEEP_TAGS = ("NNG", "NNP", "NNB", "NR", "NP", "SL", "SH", "SN", "XR", "VV", "VA")
_LATIN = re.compile(r"[a-z0-9]+")
_lock = threading.Lock()
_kiwi = None


def _get_kiwi():
    global _kiwi
    with _lock:
        if _kiwi is None:
            from kiwipiepy import Kiwi

            _kiwi = Kiwi(num_workers=-1)
        return _kiwi


def _light_stem(word: str) -> str:
    """A tiny English plural folding ("engineers" → "engineer"); Kiwi leaves Latin words unchanged."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


class KiwiTokenizer:
    """Morphemes of the kept tags, lower-cased; ``tokenize_many`` batches through Kiwi's worker pool."""

    def __init__(self, keep_tags: Iterable[str] = KEEP_TAGS, stem_latin: bool = True):
        self.keep_tags = tuple(keep_tags)
        self.stem_latin = stem_latin

    def _tokens(self, morphs) -> list[str]:
        out: list[str] = []
        for m in morphs:
            if not m.tag.startswith(self.keep_tags):
                continue
            form = m.form.casefold()
            if m.tag == "SL":
                for word in _LATIN.findall(form):
                    out.append(_light_stem(word) if self.stem_latin else word)
            else:
                out.append(form)
        return out

    def tokenize(self, text: str) -> list[str]:
        return self._tokens(_get_kiwi().tokenize(text or " "))

    def tokenize_many(self, texts: list[str]) -> list[list[str]]:
        if not texts:
            return []
        return [self._tokens(r) for r in _get_kiwi().tokenize([t or " " for t in texts])]

    __call__ = tokenize
