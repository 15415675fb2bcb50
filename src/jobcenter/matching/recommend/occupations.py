"""Occupation codes for free text, and how two codes relate (same, same minor group, related, none).

The recommender needs a KECO code for every career, desired occupation and posting. Codes given on the documents
win; free text is resolved by, in order:

1. an exact (folded) match against the names and aliases of the knowledge base, when the name is unambiguous;
2. the :class:`~jobcenter.matching.normalize.TitleNormalizer`, when one is given (its top candidate, with the
   duties text as context), remembered per text so each distinct title is normalised once.

Related occupations come from the knowledge base: a dictionary job's ``connectJob`` names (label kind
``related``) that are a name of another code link the two codes, both ways.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import defaultdict
from pathlib import Path
from typing import Any

from jobcenter.nlp.text import fold

LEVELS = ("same", "minor_group", "related", "none")


def minor_group(code: str | None) -> str | None:
    """KECO minor group: the first three digits of a 4-digit code."""
    return code[:3] if code and len(code) >= 3 else None


class OccupationResolver:
    """Free text → KECO code, and code ↔ code relations, from a knowledge base and an optional normaliser."""

    def __init__(self, knowledge_base: Any = None, normalizer: Any = None, min_score: float = 0.0,
                 cache_dir: str | os.PathLike | None = None):
        self.knowledge_base = knowledge_base
        self.normalizer = normalizer
        self.min_score = min_score
        self.cache_dir = cache_dir
        self._dirty = False
        self.names: dict[str, str] = {}
        self.certifications: dict[str, list[str]] = {}
        self._exact: dict[str, str] = {}
        self._related: dict[str, set[str]] = defaultdict(set)
        self._memo: dict[tuple[str, str], tuple[str | None, float, str]] = {}
        if knowledge_base is not None:
            self._index(knowledge_base)
        self._disk = self._load()

    # ------------------------------------------------------------------ a disk memo of normaliser answers
    def _signature(self) -> str | None:
        """What the normaliser's answers depend on; None when there is nothing worth caching."""
        n = self.normalizer
        if n is None or self.cache_dir is None:
            return None
        parts = [type(n).__name__, getattr(n, "scheme", ""), getattr(n, "labels", ""),
                 tuple(getattr(n, "methods_", ()) or ()), sorted((getattr(n, "weights_", None) or {}).items()),
                 getattr(n, "fusion", ""), len(getattr(n, "codes_", ()) or ()),
                 len(getattr(n, "label_texts_", ()) or ()),
                 getattr(self.knowledge_base, "source", ""), self.min_score]
        return hashlib.sha256(repr(parts).encode("utf-8")).hexdigest()[:24]

    def _path(self) -> Path | None:
        signature = self._signature()
        return None if signature is None else Path(self.cache_dir) / f"titles-{signature}.json"

    def _load(self) -> dict[str, list]:
        path = self._path()
        if path is None or not path.exists():
            return {}
        try:
            return json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}

    def save(self) -> None:
        """Write the normaliser's answers to the cache folder (if one was given and anything is new)."""
        path = self._path()
        if path is None or not self._dirty:
            return
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_text(json.dumps(self._disk, ensure_ascii=False), encoding="utf-8")
            os.replace(tmp, path)
            self._dirty = False
        except OSError:
            pass

    def _index(self, kb: Any) -> None:
        owners: dict[str, set[str]] = defaultdict(set)
        preferred: dict[str, set[str]] = defaultdict(set)
        related_names: list[tuple[str, str]] = []
        for occupation in kb.occupations:
            self.names[occupation.code] = occupation.label
            self.certifications[occupation.code] = list(occupation.certifications)
            for label in occupation.labels:
                key = fold(label.text)
                if not key:
                    continue
                if label.kind in ("preferred", "alias"):
                    owners[key].add(occupation.code)
                    if label.kind == "preferred":
                        preferred[key].add(occupation.code)
                elif label.kind == "related":
                    related_names.append((occupation.code, key))
        for key, codes in owners.items():
            # a name shared by several codes is resolved by its preferred owner when there is exactly one
            if len(codes) == 1:
                self._exact[key] = next(iter(codes))
            elif len(preferred.get(key, ())) == 1:
                self._exact[key] = next(iter(preferred[key]))
        for code, key in related_names:
            for other in preferred.get(key, ()):
                if other != code:
                    self._related[code].add(other)
                    self._related[other].add(code)

    # ------------------------------------------------------------------ text → code
    def resolve(self, text: str, duties: str = "") -> tuple[str | None, float, str]:
        """``(code, confidence, how)`` for a title; ``how`` is "exact", "normalizer" or "none"."""
        text = (text or "").strip()
        if not text:
            return None, 0.0, "none"
        memo_key = (text, duties or "")
        hit = self._memo.get(memo_key)
        if hit is not None:
            return hit
        code = self._exact.get(fold(text))
        if code is not None:
            result = (code, 1.0, "exact")
        elif self.normalizer is not None:
            disk_key = text + "\x00" + (duties or "")
            stored = self._disk.get(disk_key)
            if stored is None:
                candidates = self.normalizer.rank(text, duties=duties or None, top=1)
                stored = [candidates[0].code, float(candidates[0].score)] if candidates else [None, 0.0]
                self._disk[disk_key] = stored
                self._dirty = True
            if stored[0] is not None and stored[1] > self.min_score:
                result = (stored[0], float(stored[1]), "normalizer")
            else:
                result = (None, 0.0, "none")
        else:
            result = (None, 0.0, "none")
        self._memo[memo_key] = result
        return result

    # ------------------------------------------------------------------ code ↔ code
    def related(self, code: str | None) -> set[str]:
        return self._related.get(code, set()) if code else set()

    def level(self, a: str | None, b: str | None) -> str:
        if not a or not b:
            return "none"
        if a == b:
            return "same"
        if minor_group(a) == minor_group(b):
            return "minor_group"
        if b in self._related.get(a, ()):
            return "related"
        return "none"

    def name(self, code: str | None) -> str:
        return self.names.get(code or "", code or "")
