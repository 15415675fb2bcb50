"""Job recommendation: seeker → postings and posting → seekers, explained, congestion-aware (no Django).

The contract is :mod:`.types`; the engine is :class:`Recommender` (:mod:`.engine`); :mod:`.io` turns schema.org
JobPosting and JSON Resume records into engine documents; :mod:`.evaluate` measures a recommender on a benchmark.
"""

from .engine import DEFAULT_WEIGHTS, ENGINE, FEATURES, Recommender
from .types import (
    CareerItem,
    CourseDoc,
    Explanation,
    Match,
    NextStep,
    Outcome,
    PostingDoc,
    Reason,
    RecommendationList,
    SeekerDoc,
)

__all__ = [
    "DEFAULT_WEIGHTS",
    "ENGINE",
    "FEATURES",
    "CareerItem",
    "CourseDoc",
    "Explanation",
    "Match",
    "NextStep",
    "Outcome",
    "PostingDoc",
    "Reason",
    "RecommendationList",
    "Recommender",
    "SeekerDoc",
]
