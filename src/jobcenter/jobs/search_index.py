"""The posting search index: Korean morphemes (Kiwi) and BM25 (bm25s) over the open postings, held per process.

What a posting is indexed by: its title, description, occupation name and company name, cut into morphemes by
``jobcenter.nlp.tokenize.KiwiTokenizer`` ("배관용접원" → 배관 / 용접 / 원).

How a query matches (``PostingSearchIndex.search``):

- The query is cut the same way, word by word. Every morpheme of two or more letters (and every Latin word or
  number) is *required*; a one-letter Korean morpheme (the 원 of "용접원", the 사 of "간호사") is required only
  when it is all a word has (웹), else it only raises the score. So "용접원" also finds "용접공", ranked below.
- A required morpheme matches a posting that holds it, or holds a longer morpheme containing it: Kiwi keeps
  some compounds whole ("간호사"), and "간호" must still find them. Latin words match by prefix
  ("develop" → "developer"). A containing morpheme scores 0.8 of an exact one.
- Score: for each query morpheme, the best BM25 score of the morphemes it matched, summed.

Freshness: the index is keyed by (number of postings, latest ``updated_at`` of postings and their companies);
every posting write goes through ``save()`` (``auto_now``), so a change shows at the next search. Rebuilding
re-tokenises only the postings whose row changed since the last build (tokens are kept per (id, updated_at)),
then refits BM25, which takes milliseconds for thousands of postings.

The index holds open postings only; the search still goes through ``jobs.selectors.posting_list`` afterwards,
so the visibility rules (open, not past the closing date) are applied by the database as for every listing.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

import numpy as np
from django.db import connection
from django.db.models import Count, Max

from jobcenter.jobs.models import JobPosting, PostingStatus

CONTAINED_WEIGHT = 0.8  # a longer morpheme containing the query's ("간호" in "간호사")
OPTIONAL_WEIGHT = 0.5  # one-letter morphemes next to longer ones only nudge the order
MAX_HITS = 2000  # more matches than this keep the best-scoring ones (the page shows 20 at a time)


def _is_latin(token: str) -> bool:
    return token.isascii()


@dataclass
class _Built:
    key: tuple
    ids: list[int]
    bm25: object | None  # jobcenter.nlp.bm25.BM25Index, None when there are no postings
    vocab: list[str]
    expansions: dict[str, list[tuple[str, float]]] = field(default_factory=dict)


@dataclass(frozen=True)
class QueryTerms:
    required: list[str]
    optional: list[str]


class PostingSearchIndex:
    """``search(q)`` → ``[(posting_id, score), ...]`` best first, or ``None`` when the query has no morpheme
    to match on (only particles or punctuation); the caller then falls back to substring matching."""

    def __init__(self, tokenizer=None):
        self._tokenizer = tokenizer
        self._lock = threading.Lock()
        self._tokens: dict[int, tuple[tuple, list[str]]] = {}
        self._built: _Built | None = None

    # ----------------------------------------------------------------------------------------- building

    @property
    def tokenizer(self):
        if self._tokenizer is None:
            from jobcenter.nlp.tokenize import KiwiTokenizer

            self._tokenizer = KiwiTokenizer()
        return self._tokenizer

    @staticmethod
    def current_key() -> tuple:
        """One aggregate query: what the index must have been built from to be current."""
        row = JobPosting.objects.aggregate(
            n=Count("id"), last=Max("updated_at"), company_last=Max("company__updated_at")
        )
        settings = connection.settings_dict
        return (connection.vendor, settings.get("NAME"), row["n"], row["last"], row["company_last"])

    def _build(self, key: tuple) -> _Built:
        from jobcenter.nlp.bm25 import BM25Index

        rows = list(
            JobPosting.objects.filter(status=PostingStatus.OPEN)
            .order_by("pk")
            .values_list("pk", "updated_at", "company__updated_at", "occupation_id")
        )
        stamps = {pk: (updated, company_updated, occupation) for pk, updated, company_updated, occupation in rows}
        stale = [pk for pk, stamp in stamps.items() if self._tokens.get(pk, (None,))[0] != stamp]
        if stale:
            texts = {}
            for start in range(0, len(stale), 500):
                chunk = stale[start : start + 500]
                for pk, title, description, occupation, company in JobPosting.objects.filter(pk__in=chunk).values_list(
                    "pk", "title", "description", "occupation__name", "company__name"
                ):
                    texts[pk] = "\n".join(part for part in (title, title, occupation, company, description) if part)
            order = [pk for pk in stale if pk in texts]
            for pk, tokens in zip(order, self.tokenizer.tokenize_many([texts[pk] for pk in order])):
                self._tokens[pk] = (stamps[pk], tokens)
        # Forget postings that are no longer open.
        for pk in list(self._tokens):
            if pk not in stamps:
                del self._tokens[pk]
        ids = [pk for pk in stamps if pk in self._tokens]
        if not ids:
            return _Built(key=key, ids=[], bm25=None, vocab=[])
        bm25 = BM25Index().fit([self._tokens[pk][1] for pk in ids])
        return _Built(key=key, ids=ids, bm25=bm25, vocab=sorted(bm25.vocab_))

    def _current(self) -> _Built:
        key = self.current_key()
        built = self._built
        if built is not None and built.key == key:
            return built
        with self._lock:
            built = self._built
            if built is None or built.key != key:
                built = self._build(key)
                self._built = built
            return built

    def invalidate(self) -> None:
        with self._lock:
            self._built = None
            self._tokens.clear()

    # ----------------------------------------------------------------------------------------- querying

    def query_terms(self, q: str) -> QueryTerms:
        required: list[str] = []
        optional: list[str] = []
        for word in (q or "").split():
            tokens = self.tokenizer.tokenize(word)
            strong = [t for t in tokens if len(t) >= 2 or _is_latin(t)]
            if strong:
                required += strong
                optional += [t for t in tokens if t not in strong]
            else:
                required += tokens
        return QueryTerms(list(dict.fromkeys(required)), [t for t in dict.fromkeys(optional) if t not in required])

    def _expand(self, built: _Built, token: str) -> list[tuple[str, float]]:
        """The indexed morphemes a query morpheme matches, each with its weight."""
        cached = built.expansions.get(token)
        if cached is not None:
            return cached
        found: list[tuple[str, float]] = []
        if token in built.bm25.vocab_:
            found.append((token, 1.0))
        if _is_latin(token):
            if len(token) >= 3:
                found += [(v, CONTAINED_WEIGHT) for v in built.vocab if v != token and v.startswith(token)]
        elif len(token) >= 2:
            found += [(v, CONTAINED_WEIGHT) for v in built.vocab if v != token and token in v]
        if len(built.expansions) > 10_000:
            built.expansions.clear()
        built.expansions[token] = found
        return found

    def _token_scores(self, built: _Built, token: str) -> np.ndarray:
        best = np.zeros(len(built.ids), dtype=np.float32)
        for vocab_token, weight in self._expand(built, token):
            np.maximum(best, built.bm25.scores([vocab_token]) * weight, out=best)
        return best

    def search(self, q: str) -> list[tuple[int, float]] | None:
        terms = self.query_terms(q)
        if not terms.required:
            return None
        built = self._current()
        if not built.ids:
            return []
        total = np.zeros(len(built.ids), dtype=np.float32)
        matched = np.ones(len(built.ids), dtype=bool)
        for token in terms.required:
            scores = self._token_scores(built, token)
            matched &= scores > 0
            if not matched.any():
                return []
            total += scores
        for token in terms.optional:
            total += self._token_scores(built, token) * OPTIONAL_WEIGHT
        hits = np.flatnonzero(matched)
        # Best first; ties by the newer posting (the higher id), so the order is the same on every run.
        ordered = sorted(hits, key=lambda i: (-float(total[i]), -built.ids[i]))[:MAX_HITS]
        return [(built.ids[i], float(total[i])) for i in ordered]


_index: PostingSearchIndex | None = None
_index_lock = threading.Lock()


def posting_index() -> PostingSearchIndex:
    """The process's index (built lazily at the first search, refreshed when postings change)."""
    global _index
    with _index_lock:
        if _index is None:
            _index = PostingSearchIndex()
        return _index
