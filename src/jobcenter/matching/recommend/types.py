"""The recommendation engine's contract: plain dataclasses in, plain dataclasses out (no Django).

The Django side (``jobcenter.recommendations``) adapts its models to :class:`PostingDoc` / :class:`SeekerDoc`,
calls :class:`jobcenter.matching.recommend.Recommender`, shows :class:`RecommendationList` and logs it. The
benchmark CLIs build the same dataclasses from schema.org JobPosting and JSON Resume lines.

Units are normalised before they reach the engine: wages are KRW per month, distances km, education is the
ordinal ``rank`` of ``jobcenter.taxonomy.reference.EDUCATION_LEVELS`` (0 = no requirement … 7 = doctorate),
occupation codes are bare KECO 4-digit codes ("8173"). Protected attributes (sex, age, disability) have no field
here on purpose: the engine cannot rank on what it is never given.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any


@dataclass(slots=True)
class PostingDoc:
    id: str
    title: str
    description: str = ""
    occupation_code: str | None = None  # KECO 4-digit, when the posting is coded
    required_licences: list[str] = field(default_factory=list)
    education_rank: int | None = None  # minimum education, EDUCATION_LEVELS rank; None/0 = any
    experience_months: int = 0
    employment_type: str = "FULL_TIME"  # schema.org employmentType
    wage_min: int | None = None  # KRW per month
    wage_max: int | None = None
    latitude: float | None = None
    longitude: float | None = None
    region: str = ""  # province / city as written, for explanations
    company: str = ""
    posted_on: date | None = None
    closes_on: date | None = None
    # True: the required licences are a hard requirement (a legally required licence); False: "preferred" (우대)
    licences_mandatory: bool = True


@dataclass(slots=True)
class CareerItem:
    title: str
    duties: str = ""
    months: int = 0
    occupation_code: str | None = None  # when already normalised (at write time); else the engine normalises


@dataclass(slots=True)
class SeekerDoc:
    id: str
    careers: list[CareerItem] = field(default_factory=list)  # most recent first (as JSON Resume lists work)
    education_rank: int | None = None
    licences: list[str] = field(default_factory=list)
    training: list[str] = field(default_factory=list)  # course names
    desired_occupation_codes: list[str] = field(default_factory=list)
    desired_occupation_texts: list[str] = field(default_factory=list)  # free text, normalised by the engine
    latitude: float | None = None
    longitude: float | None = None
    region: str = ""
    max_commute_km: float | None = None
    desired_monthly_wage: int | None = None
    employment_types: list[str] = field(default_factory=list)  # accepted types; empty = any


@dataclass(slots=True)
class CourseDoc:
    """A training course (e.g. a 국민내일배움카드 course) that ``Recommender.next_steps`` may suggest."""

    id: str
    name: str
    occupation_codes: list[str] = field(default_factory=list)  # KECO 4-digit codes the course trains for
    certification: str | None = None  # the licence it prepares for, if any
    region: str = ""
    latitude: float | None = None
    longitude: float | None = None


@dataclass(slots=True)
class Outcome:
    """What happened after a posting was shown to a seeker, for training the learned ranker.

    ``label``: 0 = shown, nothing happened or "not for me"; 1 = applied (or saved); 2 = interviewed; 3 = hired.
    """

    seeker_id: str
    posting_id: str
    label: int


@dataclass(slots=True)
class Reason:
    """One plain-language line of an explanation, in both languages, with what it is about."""

    kind: str  # "occupation" | "licence_match" | "licence_missing" | "experience" | "education" | "distance" | "wage" | "employment_type" | "freshness" | ...
    positive: bool
    text_ko: str
    text_en: str
    data: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class Explanation:
    occupation_match: str  # "same" | "minor_group" | "related" | "semantic" | "none"
    matched_licences: list[str] = field(default_factory=list)
    missing_licences: list[str] = field(default_factory=list)
    experience_months: int = 0
    experience_required: int = 0
    education_ok: bool | None = None
    distance_km: float | None = None
    within_commute: bool | None = None
    wage_gap: int | None = None  # posting's best monthly wage minus desired (negative: below what the seeker wants)
    stretch: bool = False  # violates a hard constraint; shown with the gap named, never silently
    gaps: list[str] = field(default_factory=list)  # names of the hard constraints not met
    top_features: list[tuple[str, float]] = field(default_factory=list)  # (feature, contribution), largest first
    reasons: list[Reason] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class Match:
    item_id: str  # posting id (seeker → jobs) or seeker id (posting → candidates)
    rank: int
    score: float
    features: dict[str, float] = field(default_factory=dict)
    explanation: Explanation | None = None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class NextStep:
    """A licence or training course that would open more good matches nearby."""

    kind: str  # "licence" | "training"
    name: str
    additional_matches: int
    example_item_ids: list[str] = field(default_factory=list)
    text_ko: str = ""
    text_en: str = ""
    course_id: str | None = None  # the CourseDoc, when kind == "training"


@dataclass(slots=True)
class RecommendationList:
    subject_type: str  # "seeker" (jobs for a seeker) or "posting" (candidates for a posting)
    subject_id: str
    items: list[Match]
    engine: str  # e.g. "jobcenter.matching/interpretable"
    model_version: str  # scorer/ranker version, e.g. "interpretable-1" or "lambdarank-<digest>"
    inputs_digest: str  # sha256 of the normalised inputs, for the audit log
    candidates: int  # how many candidates were scored before the cut
    congestion: bool = False
    next_steps: list[NextStep] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)
