"""One fitted engine per process, so a page view does not refit.

The ``Recommender`` is fitted on today's open postings (``fit``) and on the seeker profiles (``fit_seekers``: the
candidates for a posting, and each posting's expected demand for congestion). It is keyed by cheap fingerprints
of both corpora (row counts, highest ids, latest ``updated_at``, and the day, so a posting that expires overnight
drops out): a request runs a few aggregate queries and refits only what changed.

- Postings changed: a new engine, fitted on both corpora, replaces the old one.
- Only seekers changed: a shallow copy of the engine shares the posting index and is refitted on the seekers.
  Fitting a copy (never the engine in use) means a request running in another thread always sees a whole engine.

A change inside a job preference row moves no fingerprint, so the seeker side is also refitted after
``SEEKERS_TTL`` seconds. The occupation knowledge base is loaded once per process.
"""

from __future__ import annotations

import copy
import json
import threading
import time
from collections import OrderedDict
from typing import Any

from django.utils import timezone

from jobcenter.recommendations import adapters, selectors

SEEKERS_TTL = 300.0

_lock = threading.Lock()
_state: dict[str, Any] = {}


def _knowledge_base():
    if "kb" not in _state:
        try:
            from jobcenter.matching.taxonomy_index import load_knowledge_base

            _state["kb"] = load_knowledge_base("keco")
        except (LookupError, OSError, ValueError):  # no reference data: codes still match, names are bare
            _state["kb"] = None
    return _state["kb"]


# The title normaliser's lexical signals (no embedder: ~2.6 s to fit, ~2.4 ms a title). Careers and postings
# typed without picking an occupation get their codes from it instead of exact names only: on the
# recommend_dev benchmark that is nDCG@10 0.970 against 0.806, as good as the full fusion with embeddings
# (0.971), which would cost a cold process ~18 minutes of embedding (docs/benchmarks.md).
TITLE_METHODS = ("exact", "tfidf", "duties", "desc", "stem", "clf")


def _normalizer():
    if "normalizer" not in _state:
        kb = _knowledge_base()
        normalizer = None
        if kb is not None:
            try:
                from jobcenter.conf import var_dir
                from jobcenter.matching.normalize import TitleNormalizer

                normalizer = TitleNormalizer(scheme="keco", methods=TITLE_METHODS,
                                             cache_dir=var_dir() / "cache").fit(kb)
            except (ValueError, OSError):  # an unusable knowledge base: exact names still resolve
                normalizer = None
        _state["normalizer"] = normalizer
    return _state["normalizer"]


def new_recommender(today):
    from jobcenter.matching.recommend import Recommender

    kb = _knowledge_base()
    return Recommender(knowledge_base=kb, normalizer=_normalizer(), today=today, load_knowledge_base=kb is not None)


def recommender():
    """The engine fitted on today's open postings and the current seekers (refitted only when they change)."""
    today = timezone.localdate()
    postings_key = selectors.open_postings_version(today=today)
    seekers_key = (today, selectors.seekers_version())
    with _lock:
        current = _state.get("recommender")
        if current is None or _state.get("postings_key") != postings_key:
            engine = new_recommender(today)
            engine.fit(adapters.posting_docs(selectors.open_posting_list(today=today)))
        elif _state.get("seekers_key") != seekers_key or time.monotonic() - _state["seekers_at"] > SEEKERS_TTL:
            engine = copy.copy(current)
        else:
            return current
        engine.fit_seekers(adapters.seeker_docs(selectors.candidate_seeker_list(), today=today))
        _state.update(recommender=engine, postings_key=postings_key, seekers_key=seekers_key,
                      seekers_at=time.monotonic())
        return engine


def course_docs() -> list:
    """Upcoming training courses as the engine's ``CourseDoc`` list (cached per day and set of courses)."""
    today = timezone.localdate()
    courses = selectors.upcoming_course_list(today=today)
    key = (today, courses.count(), courses.order_by("-pk").values_list("pk", flat=True).first())
    with _lock:
        if _state.get("courses_key") != key:
            _state["courses"] = [adapters.course_doc(c) for c in courses]
            _state["courses_key"] = key
        return _state["courses"]


def reset() -> None:
    """Forget the fitted engine (tests; after a bulk load)."""
    with _lock:
        kept = {key: _state[key] for key in ("kb", "normalizer") if key in _state}
        _state.clear()
        _next_steps.clear()
        _state.update(kept)


# Next-step suggestions re-score the seeker once per candidate licence and course (about 7 ms each, so most of a
# second on the demo data): they are computed once per seeker profile and engine, and kept here.
NEXT_STEPS_CACHE_SIZE = 1024
_next_steps: OrderedDict = OrderedDict()


def _next_steps_key(doc) -> tuple:
    """Next steps depend on the open postings, the courses and the seeker (not on the other seekers)."""
    from dataclasses import asdict

    doc_key = json.dumps(asdict(doc), sort_keys=True, default=str, ensure_ascii=False)
    return _state.get("postings_key"), _state.get("courses_key"), doc_key


def cached_next_steps(recommender_, doc) -> list | None:
    """The next steps already computed for this seeker document and engine, or ``None``."""
    course_docs()
    key = _next_steps_key(doc)
    with _lock:
        steps = _next_steps.get(key)
        if steps is not None:
            _next_steps.move_to_end(key)
        return steps


def next_steps(recommender_, doc, *, top: int = 3) -> list:
    """The engine's next best steps (licences and upcoming courses) for a seeker, computed once and kept."""
    courses = course_docs()
    key = _next_steps_key(doc)
    with _lock:
        if key in _next_steps:
            _next_steps.move_to_end(key)
            return _next_steps[key]
    steps = list(recommender_.next_steps(doc, top=top, courses=courses))
    with _lock:
        _next_steps[key] = steps
        while len(_next_steps) > NEXT_STEPS_CACHE_SIZE:
            _next_steps.popitem(last=False)
    return steps
