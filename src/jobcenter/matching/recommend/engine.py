"""The recommender: seeker → postings and posting → seekers, with explanations, congestion and next steps.

Pipeline for one seeker (``recommend_for_seeker``):

1. **Profile**: occupation codes of the seeker (desired occupations, careers, training), each resolved once;
   months of experience per code; licences; the text of careers, duties and wishes; home and limits.
2. **Candidates**: postings with the same code, the same KECO minor group (first three digits) or a related code
   (inverted lists); the postings whose text is most like the seeker's (character n-gram TF-IDF); the most
   similar postings inside the commute radius. Up to ``full_scan_max`` postings the text is compared with every
   posting's full text; above, with each distinct title once (``_text_candidates``), so a query's cost does not
   grow with the corpus. Features are computed for the candidates only, from compact per-posting arrays.
3. **Features** per candidate, each small and readable (``FEATURES``), and a **score**: the interpretable scorer
   is a weighted sum (weights in ``DEFAULT_WEIGHTS``, chosen on the dev set), so each feature's contribution
   is its weight × value; a learned ranker (``LambdaRanker``) replaces the sum when one was trained.
4. **Hard constraints** (the commute limit, an employment type the seeker did not accept, a mandatory licence
   not held) put the posting behind every posting that meets them: it is a *stretch*, shown with its gaps named.
5. **Congestion** (seekers only, on by default): a posting that ranks high for many seekers (its expected demand,
   counted over the seekers given to ``fit_seekers``) is moved down a little, so the same few vacancies are not
   sent to everyone.
"""

from __future__ import annotations

import hashlib
import json
import math
from dataclasses import asdict, dataclass, field, fields, replace
from datetime import date
from typing import Any, Iterable, Sequence

import numpy as np

from jobcenter.nlp.text import fold

from .explain import build_explanation
from .geo import haversine_km
from .occupations import OccupationResolver, minor_group
from .types import CourseDoc, Match, NextStep, Outcome, PostingDoc, RecommendationList, SeekerDoc

ENGINE = "jobcenter.matching/recommend"
SCORER_VERSION = "interpretable-1"

FEATURES = (
    "occ_same",            # 1: the posting's code is one the seeker looks for (desired, else latest job, training)
    "occ_minor",           # 1: same KECO minor group (first three digits) as one they look for
    "occ_same_other",      # 1: the code of another past job of the seeker
    "occ_minor_other",     # 1: the minor group of another past job
    "occ_related",         # 1: a related occupation (dictionary connectJob)
    "text_sim",            # cosine of character n-gram TF-IDF: careers, duties, wishes vs title, description
    "dense_sim",           # cosine of dense sentence embeddings (0 when no embedder)
    "licence_match",       # share of the required licences held (0 when none required)
    "licence_missing",     # share of the required licences not held
    "licence_related",     # 1: holds a licence the taxonomy links to the posting's occupation
    "education_gap",       # levels short of the required education (0 when met)
    "education_short",     # levels short beyond the first (a counsellor may send someone one level short)
    "experience_fit",      # related experience / required experience, capped at 1 (1 when none required)
    "experience_gap",      # share of the required experience missing
    "experience_total_fit",  # all months of work / required experience, capped at 1 (1 when none required)
    "wage_fit",            # (best offered − desired) / desired, clipped to [−0.5, 0.5]
    "wage_short",          # 1: the best wage offered is more than 5 % below the desired wage
    "distance_fit",        # 1 − distance / max commute, clipped to [−1, 1] (0 when unknown)
    "beyond_commute",      # 1: farther than the seeker's maximum commute
    "employment_type_ok",  # 1: an accepted employment type (or no preference)
    "freshness",           # exp(−days since posted / 30)
)

# Chosen by coordinate ascent on recommend_dev (nDCG@10 + 0.3 × Recall@50, no congestion), with the sign of each
# weight fixed by what the feature means (a missing licence never helps); docs/benchmarks.md has the figures.
DEFAULT_WEIGHTS: dict[str, float] = {
    "occ_same": 1.5, "occ_minor": 0.85, "occ_same_other": 0.5, "occ_minor_other": 0.45, "occ_related": 0.1,
    "text_sim": 1.0, "dense_sim": 0.0,
    "licence_match": 0.3, "licence_missing": -0.3, "licence_related": 0.5,
    "education_gap": -0.1, "education_short": -0.4,
    "experience_fit": 0.1, "experience_gap": -0.1, "experience_total_fit": 0.5,
    "wage_fit": 0.05, "wage_short": -0.7, "distance_fit": 0.1, "beyond_commute": 0.0,
    "employment_type_ok": 0.1, "freshness": 0.05,
}

DEFAULT_OPTIONS: dict[str, Any] = {
    "weights": None,               # overrides of DEFAULT_WEIGHTS
    "stretch_penalty": 10.0,       # subtracted from a stretch: larger than any score, so stretches come last
    "stretch": "penalise",         # "penalise" (shown after the rest, marked) or "exclude"
    "text_candidates": 300,        # postings taken by text similarity alone
    "local_candidates": 200,       # postings taken by text similarity inside the commute radius
    "full_scan_max": 20_000,       # up to this many postings, text similarity is computed against every posting's
                                   # full text; above, through the distinct titles only (sublinear, compact)
    "text_scan_max": 50_000,       # above full_scan_max: postings looked at for text matches in the commute radius
    "related": True,               # use related occupations (connectJob) as a candidate source
    "congestion_strength": 0.15,   # score units per log(1 + expected demand), postings in the seeker's occupations
    "congestion_strength_other": 1.0,  # the same for the other postings (fillers)
    "congestion_depth": 10,        # a seeker's top-k counted as demand for a posting
    "congestion_rounds": 8,        # rounds of fictitious play when counting expected demand
    "congestion_jitter": 0.25,     # spread of the per-(seeker, posting) penalty factor: 1 − j/2 … 1 + j/2
    "load_knowledge_base": True,   # load the KECO knowledge base when none is given
    "cache_dir": None,             # where the normaliser's answers for titles are kept between runs
    "embedder": None,              # an Embedder (jobcenter.nlp.embed) for dense_sim, optional
    "ranker": None,                # a fitted LambdaRanker, optional
    "min_outcomes": 200,           # labelled pairs needed before fit_outcomes trains a ranker
    "good_score": 1.5,             # a "good match" for next_steps: not a stretch and at least this score,
    "good_text_sim": 0.35,         # and an occupation match or at least this text similarity
}


def _fold_licence(name: str) -> str:
    return fold(name)


@dataclass
class _Profile:
    """What the engine knows about a seeker, resolved once."""

    doc: SeekerDoc
    codes: dict[str, str] = field(default_factory=dict)  # code → "desired" | "latest" | "career" | "training"
    target: dict[str, str] = field(default_factory=dict)  # the codes the seeker is looking for → source
    other: dict[str, str] = field(default_factory=dict)  # other known codes (past jobs) → source
    target_minors: dict[str, str] = field(default_factory=dict)  # minor group → source
    other_minors: dict[str, str] = field(default_factory=dict)
    related: dict[str, str] = field(default_factory=dict)  # related code → source
    months: dict[str, int] = field(default_factory=dict)  # code → months of experience
    minor_months: dict[str, int] = field(default_factory=dict)  # minor group → months
    licences: dict[str, str] = field(default_factory=dict)  # folded → as written
    text: str = ""
    total_months: int = 0


_OCCUPATION_COLUMNS = [i for i, name in enumerate(FEATURES) if name.startswith("occ_")]

_COL = {name: i for i, name in enumerate(FEATURES)}

SOURCE_ORDER = {"desired": 0, "latest": 1, "training": 2, "career": 3}


class Recommender:
    """Recommend postings to seekers and seekers to postings (see the module docstring).

    ``normalizer``: a fitted :class:`~jobcenter.matching.normalize.TitleNormalizer` for titles that are not an
    exact name of the taxonomy; ``knowledge_base``: a :class:`~jobcenter.matching.taxonomy_index.KnowledgeBase`
    (loaded with ``load_knowledge_base("keco")`` when None, unless ``load_knowledge_base=False``); ``today``: the
    date for open postings and freshness (default: the real date). Other options: ``DEFAULT_OPTIONS``.
    """

    _occupation_columns = _OCCUPATION_COLUMNS

    def __init__(self, *, normalizer: Any = None, knowledge_base: Any = None, today: date | None = None,
                 **options: Any):
        unknown = set(options) - set(DEFAULT_OPTIONS)
        if unknown:
            raise TypeError(f"unknown options {sorted(unknown)}; known: {', '.join(DEFAULT_OPTIONS)}")
        self.normalizer = normalizer
        self.knowledge_base = knowledge_base
        self.today = today
        self.options = {**DEFAULT_OPTIONS, **options}
        self.weights = {**DEFAULT_WEIGHTS, **(self.options["weights"] or {})}
        self.ranker = self.options["ranker"]
        self.ranker_status_ = "interpretable scorer" if self.ranker is None else f"given ranker {self.ranker.version}"
        self.embedder = self.options["embedder"]
        kb = knowledge_base
        if kb is None and self.options["load_knowledge_base"]:
            try:
                from jobcenter.matching.taxonomy_index import load_knowledge_base

                kb = load_knowledge_base("keco")
            except (LookupError, OSError, ValueError, ImportError):  # pragma: no cover - defensive
                kb = None
        self.knowledge_base_ = kb
        self.resolver_ = OccupationResolver(kb, normalizer, cache_dir=self.options["cache_dir"])
        self.demand_: np.ndarray | None = None
        self.seekers_: list[_Profile] = []
        self.seeker_dense_ = None

    # ================================================================== versioning
    @property
    def model_version(self) -> str:
        if self.ranker is not None:
            return self.ranker.version
        digest = hashlib.sha256(json.dumps({k: self.weights[k] for k in sorted(self.weights)}, sort_keys=True)
                                .encode()).hexdigest()[:8]
        return f"{SCORER_VERSION}-{digest}"

    @property
    def engine_name(self) -> str:
        return f"{ENGINE}/{'lambdarank' if self.ranker is not None else 'interpretable'}"

    def _today(self) -> date:
        return self.today or date.today()

    # ================================================================== postings
    def fit(self, postings: list[PostingDoc]) -> "Recommender":
        """Index the open postings (those not closed before ``today``).

        Every per-posting fact the scorer needs is kept in compact numpy arrays (codes and employment types as
        small integer ids, licences as one flat id array with offsets), so a query touches only its candidates.
        Up to ``full_scan_max`` postings, text similarity is computed against every posting's full text (title
        twice and description); above it, the text index holds the distinct titles only and is read through
        them (see ``_text_candidates``), which keeps memory and query time independent of description length.
        """
        today = self._today()
        docs = [p for p in postings if p.closes_on is None or p.closes_on >= today]
        self.closed_ = len(postings) - len(docs)
        self._index_postings(docs)
        self.full_scan_ = self.n_postings_ <= int(self.options["full_scan_max"])
        from jobcenter.nlp.ngrams import CharNgramIndex

        if self.full_scan_:
            texts = [self._posting_text(p) for p in docs]
            # an index needs some vocabulary even when there are no postings (its scores are cut to n below)
            self.text_index_ = CharNgramIndex().fit(texts if any(t.strip() for t in texts)
                                                    else ["_"] * max(1, len(docs)))
            self.title_id_ = None
        else:
            titles: dict[str, int] = {}
            title_id = np.fromiter((titles.setdefault(p.title or "", len(titles)) for p in docs), dtype=np.int32,
                                   count=len(docs))
            self.title_id_ = title_id
            self.titles_ = list(titles)
            # postings grouped by title: those of title t are title_postings_[title_ptr_[t]:title_ptr_[t + 1]]
            self.title_postings_ = np.argsort(title_id, kind="stable").astype(np.int32)
            self.title_ptr_ = np.zeros(len(titles) + 1, dtype=np.int64)
            np.cumsum(np.bincount(title_id, minlength=len(titles)), out=self.title_ptr_[1:])
            self.text_index_ = CharNgramIndex().fit([t if t.strip() else "_" for t in self.titles_])
        self.dense_ = (self.embedder.embed_documents([self._posting_text(p) for p in docs])
                       if self.embedder is not None and docs else None)
        self.demand_ = None
        return self

    def _index_postings(self, docs: list[PostingDoc]) -> None:
        """The per-posting arrays (no text index)."""
        today = self._today()
        n = len(docs)
        self.postings_ = docs
        self.n_postings_ = n
        self.posting_index_ = {p.id: i for i, p in enumerate(docs)}
        resolve = self.resolver_.resolve
        codes: list[str | None] = [p.occupation_code or resolve(p.title, p.description)[0] for p in docs]
        self.posting_codes_ = codes
        self.resolver_.save()
        code_ids: dict[str | None, int] = {}
        code_id = np.fromiter((-1 if c is None else code_ids.setdefault(c, len(code_ids)) for c in codes),
                              dtype=np.int32, count=n)
        self.code_vocab_ = list(code_ids)
        minor_ids: dict[str | None, int] = {}
        minor_of_code = np.array([minor_ids.setdefault(minor_group(c), len(minor_ids)) for c in self.code_vocab_]
                                 + [-1], dtype=np.int32)
        self.minor_vocab_ = list(minor_ids)
        self.code_id_ = code_id
        self.minor_id_ = minor_of_code[code_id]  # -1 (the last entry) where there is no code
        self.by_code_ = _group(code_id, len(self.code_vocab_), self.code_vocab_)
        self.by_minor_ = _group(self.minor_id_, len(self.minor_vocab_), self.minor_vocab_)
        self.lat_ = np.fromiter((np.nan if p.latitude is None else p.latitude for p in docs), np.float64, n)
        self.lon_ = np.fromiter((np.nan if p.longitude is None else p.longitude for p in docs), np.float64, n)
        self.wage_ = np.fromiter((np.nan if (p.wage_max if p.wage_max is not None else p.wage_min) is None
                                  else float(p.wage_max if p.wage_max is not None else p.wage_min) for p in docs),
                                 np.float64, n)
        self.edu_ = np.fromiter((p.education_rank or 0 for p in docs), np.int16, n)
        self.exp_ = np.fromiter((max(0, p.experience_months or 0) for p in docs), np.int32, n)
        type_ids: dict[str, int] = {"": 0}
        self.type_id_ = np.fromiter((type_ids.setdefault(p.employment_type or "", len(type_ids)) for p in docs),
                                    np.uint16, n)
        self.type_vocab_ = list(type_ids)
        self.days_ = np.fromiter((np.nan if p.posted_on is None else (today - p.posted_on).days for p in docs),
                                 np.float32, n)
        self.mandatory_ = np.fromiter((bool(p.licences_mandatory) for p in docs), bool, n)
        # required licences, folded and de-duplicated: posting j's are licence_ids_[licence_ptr_[j]:licence_ptr_[j+1]]
        licence_ids: dict[str, int] = {}
        flat: list[int] = []
        lengths = np.zeros(n, dtype=np.int64)
        for j, p in enumerate(docs):
            if p.required_licences:
                keys = {_fold_licence(x): None for x in p.required_licences if x.strip()}
                flat.extend(licence_ids.setdefault(k, len(licence_ids)) for k in keys)
                lengths[j] = len(keys)
        self.licence_vocab_ = licence_ids
        self.licence_ids_ = np.array(flat, dtype=np.int32)
        self.licence_ptr_ = np.zeros(n + 1, dtype=np.int64)
        np.cumsum(lengths, out=self.licence_ptr_[1:])
        # the licences the taxonomy links to each code (licence_related)
        self.code_certs_: dict[str, list[int]] = {}
        for c, cid in code_ids.items():
            for name in self.resolver_.certifications.get(c, ()):
                self.code_certs_.setdefault(_fold_licence(name), []).append(cid)
        self.posting_seeds_ = np.fromiter((_seed(p.id) for p in docs), np.uint64, n)
        self.index_digest_ = _postings_digest(docs)

    def _licences(self, j: int) -> dict[str, str]:
        """Posting j's required licences, folded → as written."""
        return {_fold_licence(x): x for x in self.postings_[j].required_licences if x.strip()}

    def _posting_minor(self, j: int) -> str | None:
        m = int(self.minor_id_[j])
        return None if m < 0 else self.minor_vocab_[m]

    def _posting_query_text(self, j: int) -> str:
        """What posting j is compared with seekers on: its full text, or its title above ``full_scan_max``."""
        p = self.postings_[j]
        return self._posting_text(p) if self.full_scan_ else (p.title or "_")

    @staticmethod
    def _posting_text(p: PostingDoc) -> str:
        return " ".join(x for x in (p.title, p.title, p.description) if x)

    # ================================================================== seekers
    def _profile(self, seeker: SeekerDoc) -> _Profile:
        prof = _Profile(doc=seeker)

        def add(code: str | None, source: str) -> None:
            if code and (code not in prof.codes or SOURCE_ORDER[source] < SOURCE_ORDER[prof.codes[code]]):
                prof.codes[code] = source

        for code in seeker.desired_occupation_codes:
            add(code, "desired")
        for text in seeker.desired_occupation_texts:
            add(self.resolver_.resolve(text)[0], "desired")
        for position, career in enumerate(seeker.careers):  # most recent first
            code = career.occupation_code or self.resolver_.resolve(career.title, career.duties)[0]
            add(code, "latest" if position == 0 else "career")
            months = max(0, career.months or 0)
            prof.total_months += months
            if code:
                prof.months[code] = prof.months.get(code, 0) + months
                minor = minor_group(code)
                prof.minor_months[minor] = prof.minor_months.get(minor, 0) + months
        for course in seeker.training:
            add(self.resolver_.resolve(course)[0], "training")
        self._finish_profile(prof)
        prof.licences = {_fold_licence(x): x for x in seeker.licences if x.strip()}
        parts = list(seeker.desired_occupation_texts)
        for career in seeker.careers:
            parts += [career.title, career.duties]
        parts += list(seeker.training)
        prof.text = " ".join(x for x in parts if x)
        return prof

    def _finish_profile(self, prof: _Profile, extra_targets: dict[str, str] | None = None) -> None:
        """Split the codes into targets and others, with their minor groups and related codes.

        The targets are what the seeker is looking for: the desired occupations when any is known, else the
        latest job and completed training. Past jobs then still count, as a weaker match ("other").
        """
        desired = {c: s for c, s in prof.codes.items() if s == "desired"}
        target = desired or {c: s for c, s in prof.codes.items() if s in ("latest", "training")}
        if not target:
            target = dict(prof.codes)
        prof.target = {**target, **{c: s for c, s in (extra_targets or {}).items() if c not in target}}
        target = prof.target
        prof.other = {c: s for c, s in prof.codes.items() if c not in target}
        prof.target_minors, prof.other_minors, prof.related = {}, {}, {}
        for codes, minors in ((prof.target, prof.target_minors), (prof.other, prof.other_minors)):
            for code, source in codes.items():
                minors.setdefault(minor_group(code), source)
        if self.options["related"]:
            for code, source in (*prof.target.items(), *prof.other.items()):
                for other in self.resolver_.related(code):
                    prof.related.setdefault(other, source)

    def fit_seekers(self, seekers: list[SeekerDoc]) -> "Recommender":
        """Index seekers (for posting → candidates) and count each posting's expected demand (for congestion)."""
        self.seekers_ = [self._profile(s) for s in seekers]
        self.resolver_.save()
        self.seeker_index_ = {p.doc.id: i for i, p in enumerate(self.seekers_)}
        self.seeker_by_code_: dict[str, list[int]] = {}
        self.seeker_by_minor_: dict[str, list[int]] = {}
        for i, prof in enumerate(self.seekers_):
            for code in prof.codes:
                self.seeker_by_code_.setdefault(code, []).append(i)
            for minor in {*prof.target_minors, *prof.other_minors}:
                self.seeker_by_minor_.setdefault(minor, []).append(i)
        texts = [p.text or " " for p in self.seekers_]
        self.seeker_text_ = self.text_index_.transform(texts).tocsr() if texts else None
        self.seeker_dense_ = (self.embedder.embed_queries(texts) if self.embedder is not None and texts
                              and self.dense_ is not None else None)
        self.seeker_lat_ = np.array([p.doc.latitude if p.doc.latitude is not None else np.nan
                                     for p in self.seekers_], dtype=np.float64)
        self.seeker_lon_ = np.array([p.doc.longitude if p.doc.longitude is not None else np.nan
                                     for p in self.seekers_], dtype=np.float64)
        # Expected demand by fictitious play: round 0 counts each posting in the seekers' top-k on relevance alone;
        # each later round re-ranks every seeker with the congestion penalty of the demand averaged so far.
        depth = int(self.options["congestion_depth"])
        scored = []
        for prof in self.seekers_:
            idx, scores, X, _ = self._score_seeker(prof, exclude=set())
            scored.append((_seed(prof.doc.id), idx, scores, X))
        demand = np.zeros(self.n_postings_, dtype=np.float64)
        total = np.zeros(self.n_postings_, dtype=np.float64)
        rounds = max(1, int(self.options["congestion_rounds"]))
        for round_ in range(rounds):
            counts = np.zeros(self.n_postings_, dtype=np.float64)
            for seed, idx, scores, X in scored:
                if not len(idx):
                    continue
                adjusted = scores + self._congestion_penalty(seed, idx, demand, X)
                keep = np.lexsort((idx, -adjusted))[:depth]
                counts[idx[keep]] += 1.0
            total += counts
            demand = total / (round_ + 1)
        self.demand_ = demand
        return self

    # ================================================================== candidates and features
    def _occupation_candidates(self, prof: _Profile) -> np.ndarray:
        """Postings with one of the seeker's codes, minor groups or related codes (inverted lists)."""
        lists = [self.by_code_[c] for c in prof.codes if c in self.by_code_]
        lists += [self.by_minor_[m] for m in {*prof.target_minors, *prof.other_minors} if m in self.by_minor_]
        lists += [self.by_code_[c] for c in prof.related if c in self.by_code_]
        if not lists:
            return np.zeros(0, dtype=np.int64)
        return np.unique(np.concatenate(lists)).astype(np.int64)

    def _candidates(self, prof: _Profile, text_scores: np.ndarray, dist: np.ndarray) -> np.ndarray:
        """Small corpora (``full_scan_max``): occupation lists plus the best text matches over every posting."""
        chosen = [self._occupation_candidates(prof)]
        n = len(text_scores)
        k = min(int(self.options["text_candidates"]), n)
        if k > 0:
            chosen.append(np.argpartition(-text_scores, k - 1)[:k])
        limit = prof.doc.max_commute_km
        if limit is not None and not np.all(np.isnan(dist)):
            local = np.flatnonzero(dist <= limit)
            k = min(int(self.options["local_candidates"]), len(local))
            if k > 0:
                chosen.append(local[np.argpartition(-text_scores[local], k - 1)[:k]])
        return np.unique(np.concatenate(chosen).astype(np.int64))

    def _text_candidates(self, prof: _Profile, title_scores: np.ndarray) -> np.ndarray:
        """Large corpora: the best text matches, read title by title (all postings of a title share its score).

        Titles are visited best first. Nationwide, the postings of the best titles are taken until
        ``text_candidates`` are in hand; inside the commute radius, the titles' postings are read in growing
        blocks (best titles first), their distances computed, and those in reach taken until ``local_candidates``
        are in hand or ``text_scan_max`` postings were looked at. Only titles sharing an n-gram with the seeker
        count. The cost grows with the number of distinct titles, not of postings.
        """
        positive = np.flatnonzero(title_scores > 0)
        if not len(positive):
            return np.zeros(0, dtype=np.int64)
        want_all = int(self.options["text_candidates"])
        want_local = int(self.options["local_candidates"])
        seeker = prof.doc
        limit = seeker.max_commute_km
        if limit is None or seeker.latitude is None or seeker.longitude is None:
            want_local = 0
        scan_max = int(self.options["text_scan_max"])
        ptr, members = self.title_ptr_, self.title_postings_
        # the best titles first; a partial sort of the best few thousand is usually all a query needs
        head = min(len(positive), 4096)
        if head < len(positive):
            best = positive[np.argpartition(-title_scores[positive], head - 1)[:head]]
        else:
            best = positive
        order = best[np.lexsort((best, -title_scores[best]))]
        sizes = ptr[order + 1] - ptr[order]
        if head < len(positive) and sizes.sum() < max(want_all, scan_max if want_local else 0):
            order = positive[np.lexsort((positive, -title_scores[positive]))]
            sizes = ptr[order + 1] - ptr[order]
        ends = np.cumsum(sizes)
        out = []
        if want_all > 0:
            k = int(np.searchsorted(ends, want_all)) + 1
            out.append(_gather(ptr, members, order[:k])[:want_all])
        if want_local > 0:
            taken, start, budget = 0, 0, 2048
            while taken < want_local and start < len(order):
                scanned = int(ends[start - 1]) if start else 0
                if scanned >= scan_max:
                    break
                stop = min(len(order), int(np.searchsorted(ends, scanned + budget)) + 1)
                group = _gather(ptr, members, order[start:stop])
                dist = haversine_km(seeker.latitude, seeker.longitude, self.lat_[group], self.lon_[group])
                near = group[dist <= limit][:want_local - taken]
                out.append(near)
                taken += len(near)
                start, budget = stop, budget * 2
        return np.concatenate(out).astype(np.int64) if out else np.zeros(0, dtype=np.int64)

    def _features(self, prof: _Profile, idx: np.ndarray, text_sim: np.ndarray, dense_sim: np.ndarray | None,
                  dist: np.ndarray) -> np.ndarray:
        """The feature matrix (len(idx) × len(FEATURES)) of a seeker against postings ``idx`` (vectorised)."""
        seeker = prof.doc
        idx = np.asarray(idx, dtype=np.int64)
        m = len(idx)
        X = np.zeros((m, len(FEATURES)), dtype=np.float64)
        col = _COL
        code = self.code_id_[idx]
        minor = self.minor_id_[idx]
        has = code >= 0
        code_ids = {c: i for i, c in enumerate(self.code_vocab_)} if m else {}
        minor_ids = {c: i for i, c in enumerate(self.minor_vocab_)} if m else {}

        def member(values: np.ndarray, keys: Iterable, ids: dict) -> np.ndarray:
            wanted = [ids[k] for k in keys if k in ids]
            return np.isin(values, wanted) if wanted else np.zeros(m, dtype=bool)

        remaining = has.copy()
        for name, values, keys, ids in (("occ_same", code, prof.target, code_ids),
                                        ("occ_minor", minor, prof.target_minors, minor_ids),
                                        ("occ_same_other", code, prof.other, code_ids),
                                        ("occ_minor_other", minor, prof.other_minors, minor_ids),
                                        ("occ_related", code, prof.related, code_ids)):
            hit = remaining & member(values, keys, ids)
            X[hit, col[name]] = 1.0
            remaining &= ~hit
        # experience in the same code counts fully, in the same minor group half
        same_months = np.zeros(len(self.code_vocab_) + 1)
        for c, v in prof.months.items():
            if c in code_ids:
                same_months[code_ids[c]] = v
        minor_months = np.zeros(len(self.minor_vocab_) + 1)
        for c, v in prof.minor_months.items():
            if c in minor_ids:
                minor_months[minor_ids[c]] = v
        same = same_months[code]
        months = np.where(has, same + 0.5 * (minor_months[minor] - same), 0.0)
        required = self.exp_[idx].astype(np.float64)
        needs = required > 0
        ratio = np.divide(months, required, out=np.zeros(m), where=needs)
        X[:, col["experience_fit"]] = np.where(needs, np.minimum(1.0, ratio), 1.0)
        X[:, col["experience_gap"]] = np.where(needs, np.maximum(0.0, 1.0 - ratio), 0.0)
        total = np.divide(float(prof.total_months), required, out=np.zeros(m), where=needs)
        X[:, col["experience_total_fit"]] = np.where(needs, np.minimum(1.0, total), 1.0)
        # licences: the flat id array sliced to the candidates
        start, stop = self.licence_ptr_[idx], self.licence_ptr_[idx + 1]
        count = stop - start
        if count.any():
            held_ids = [self.licence_vocab_[k] for k in prof.licences if k in self.licence_vocab_]
            if held_ids:
                rows = np.repeat(np.arange(m), count)
                flat = np.repeat(start - np.cumsum(count) + count, count) + np.arange(int(count.sum()))
                held = np.bincount(rows, weights=np.isin(self.licence_ids_[flat], held_ids), minlength=m)
            else:
                held = np.zeros(m)
            needed = count > 0
            share = np.divide(held, count, out=np.zeros(m), where=needed)
            X[:, col["licence_match"]] = share
            X[:, col["licence_missing"]] = np.where(needed, 1.0 - share, 0.0)
        if prof.licences and m:
            linked = [cid for key in prof.licences for cid in self.code_certs_.get(key, ())]
            if linked:
                X[has & np.isin(code, linked), col["licence_related"]] = 1.0
        accepted = seeker.employment_types
        ok = np.array([1.0 if (not accepted or not t or t in accepted) else 0.0 for t in self.type_vocab_])
        X[:, col["employment_type_ok"]] = ok[self.type_id_[idx]]
        X[:, col["text_sim"]] = text_sim
        if dense_sim is not None:
            X[:, col["dense_sim"]] = dense_sim
        if seeker.education_rank is not None:
            gap = np.maximum(0, self.edu_[idx].astype(np.int64) - seeker.education_rank)
            X[:, col["education_gap"]] = gap
            X[:, col["education_short"]] = np.maximum(0, gap - 1)
        if seeker.desired_monthly_wage:
            wage = self.wage_[idx]
            gap = (wage - seeker.desired_monthly_wage) / seeker.desired_monthly_wage
            X[:, col["wage_fit"]] = np.where(np.isnan(gap), 0.0, np.clip(gap, -0.5, 0.5))
            X[:, col["wage_short"]] = np.where(np.isnan(gap), 0.0, (gap < -0.05).astype(np.float64))
        limit = seeker.max_commute_km
        if limit:
            ok = ~np.isnan(dist)
            X[:, col["distance_fit"]] = np.where(ok, np.clip(1.0 - dist / limit, -1.0, 1.0), 0.0)
            X[:, col["beyond_commute"]] = np.where(ok & (dist > limit), 1.0, 0.0)
        days = self.days_[idx].astype(np.float64)
        X[:, col["freshness"]] = np.where(np.isnan(days), 0.0, np.exp(-np.maximum(days, 0) / 30.0))
        return X

    def _posting_features(self, j: int, profs: Sequence[_Profile], text_sim: np.ndarray,
                          dense_sim: np.ndarray | None, dist: np.ndarray) -> np.ndarray:
        """The feature matrix of many seekers against one posting ``j``: row r equals ``_features(profs[r], [j])``.

        The posting's side is read once; each seeker costs a few dictionary look-ups (posting → candidates).
        """
        m = len(profs)
        X = np.zeros((m, len(FEATURES)), dtype=np.float64)
        if not m:
            return X
        col = _COL
        code = self.posting_codes_[j]
        minor = self._posting_minor(j)
        required = int(self.exp_[j])
        needed = self._licences(j)
        etype = self.type_vocab_[int(self.type_id_[j])]
        certs = {_fold_licence(x) for x in self.resolver_.certifications.get(code, ())} if code is not None else set()
        occupation = [col[name] for name in ("occ_same", "occ_minor", "occ_same_other", "occ_minor_other",
                                             "occ_related")]
        for r, prof in enumerate(profs):
            row = X[r]
            if code is not None:
                for c, hit in zip(occupation, (code in prof.target, minor in prof.target_minors, code in prof.other,
                                               minor in prof.other_minors, code in prof.related)):
                    if hit:
                        row[c] = 1.0
                        break
                same_months = prof.months.get(code, 0)
                months = same_months + 0.5 * (prof.minor_months.get(minor, 0) - same_months)
            else:
                months = 0.0
            if required > 0:
                row[col["experience_fit"]] = min(1.0, months / required)
                row[col["experience_gap"]] = max(0.0, 1.0 - months / required)
                row[col["experience_total_fit"]] = min(1.0, prof.total_months / required)
            else:
                row[col["experience_fit"]] = 1.0
                row[col["experience_total_fit"]] = 1.0
            if needed:
                held = sum(1 for key in needed if key in prof.licences)
                row[col["licence_match"]] = held / len(needed)
                row[col["licence_missing"]] = 1.0 - held / len(needed)
            if certs and prof.licences and not certs.isdisjoint(prof.licences):
                row[col["licence_related"]] = 1.0
            accepted = prof.doc.employment_types
            row[col["employment_type_ok"]] = 1.0 if (not accepted or not etype or etype in accepted) else 0.0
        X[:, col["text_sim"]] = text_sim
        if dense_sim is not None:
            X[:, col["dense_sim"]] = dense_sim
        ranks = np.array([np.nan if p.doc.education_rank is None else p.doc.education_rank for p in profs])
        known = ~np.isnan(ranks)
        gap = np.maximum(0, int(self.edu_[j]) - np.where(known, ranks, 0))
        X[:, col["education_gap"]] = np.where(known, gap, 0.0)
        X[:, col["education_short"]] = np.where(known, np.maximum(0, gap - 1), 0.0)
        desired = np.array([p.doc.desired_monthly_wage or np.nan for p in profs], dtype=np.float64)
        wage_gap = (self.wage_[j] - desired) / desired
        X[:, col["wage_fit"]] = np.where(np.isnan(wage_gap), 0.0, np.clip(wage_gap, -0.5, 0.5))
        X[:, col["wage_short"]] = np.where(np.isnan(wage_gap), 0.0, (wage_gap < -0.05).astype(np.float64))
        limit = np.array([p.doc.max_commute_km or np.nan for p in profs], dtype=np.float64)
        ok = ~np.isnan(dist) & ~np.isnan(limit)
        with np.errstate(invalid="ignore"):
            X[:, col["distance_fit"]] = np.where(ok, np.clip(1.0 - dist / limit, -1.0, 1.0), 0.0)
            X[:, col["beyond_commute"]] = np.where(ok & (dist > limit), 1.0, 0.0)
        days = self.days_[[j]].astype(np.float64)
        X[:, col["freshness"]] = np.where(np.isnan(days), 0.0, np.exp(-np.maximum(days, 0) / 30.0))[0]
        return X

    def _hard_gaps(self, prof: _Profile, j: int, x: np.ndarray) -> list[str]:
        col = {name: i for i, name in enumerate(FEATURES)}
        gaps = []
        if x[col["beyond_commute"]] > 0:
            gaps.append("commute")
        if x[col["employment_type_ok"]] == 0:
            gaps.append("employment_type")
        if x[col["licence_missing"]] > 0 and self.postings_[j].licences_mandatory:
            gaps.append("licence")
        return gaps

    def _stretch_mask(self, X: np.ndarray, idx: np.ndarray) -> np.ndarray:
        col = {name: i for i, name in enumerate(FEATURES)}
        mandatory = self.mandatory_[idx]
        return ((X[:, col["beyond_commute"]] > 0) | (X[:, col["employment_type_ok"]] == 0)
                | ((X[:, col["licence_missing"]] > 0) & mandatory))

    def _congestion_penalty(self, seed: int, idx: np.ndarray, demand: np.ndarray, X: np.ndarray) -> np.ndarray:
        """−strength × log(1 + expected demand) × a factor in [1 − j/2, 1 + j/2] fixed per (seeker, posting).

        The strength is small for postings in the seeker's occupations (``congestion_strength``: a crowded good
        match stays a good match) and larger for the rest (``congestion_strength_other``): among the postings
        that only fill the list, the least crowded are shown first.

        The factor is a deterministic hash, not a random draw: the same seeker sees the same list tomorrow, and
        seekers who would all get the same crowded vacancies are spread over different ones (La Bonne Boite's
        randomisation, made reproducible).
        """
        jitter = float(self.options["congestion_jitter"])
        mixed = (self.posting_seeds_[idx] ^ np.uint64(seed)) * np.uint64(0x9E3779B97F4A7C15)
        mixed ^= mixed >> np.uint64(29)
        mixed *= np.uint64(0xBF58476D1CE4E5B9)
        mixed ^= mixed >> np.uint64(32)
        uniform = (mixed >> np.uint64(11)).astype(np.float64) / float(1 << 53)
        factor = 1.0 + jitter * (uniform - 0.5)
        matched = X[:, self._occupation_columns].sum(axis=1) > 0
        strength = np.where(matched, float(self.options["congestion_strength"]),
                            float(self.options["congestion_strength_other"]))
        return -strength * np.log1p(demand[idx]) * factor

    def _base_scores(self, X: np.ndarray) -> np.ndarray:
        if self.ranker is not None:
            return self.ranker.predict(X)
        w = np.array([self.weights.get(name, 0.0) for name in FEATURES])
        return X @ w

    def _contributions(self, x: np.ndarray) -> dict[str, float]:
        if self.ranker is not None:
            return self.ranker.contributions(x)
        return {name: float(self.weights.get(name, 0.0) * x[i]) for i, name in enumerate(FEATURES)}

    def _seeker_similarities(self, prof: _Profile) -> tuple[np.ndarray, np.ndarray | None]:
        """Text similarity of the seeker to every posting (full scan) or to every distinct title (indexed)."""
        size = self.n_postings_ if self.full_scan_ else len(self.titles_)
        if prof.text:
            text = self.text_index_.scores(prof.text)[:size]
        else:
            text = np.zeros(size, dtype=np.float32)
        return text.astype(np.float64), None

    def _dense_similarities(self, prof: _Profile, idx: np.ndarray) -> np.ndarray | None:
        if self.dense_ is None or not prof.text:
            return None
        return self.dense_[idx] @ self.embedder.embed_queries([prof.text])[0]

    def _distances(self, lat: float | None, lon: float | None, lats: np.ndarray, lons: np.ndarray) -> np.ndarray:
        if lat is None or lon is None:
            return np.full(len(lats), np.nan)
        return haversine_km(lat, lon, lats, lons)

    def _score_seeker(self, prof: _Profile, exclude: set[int]):
        """Candidates, scores (with stretch penalty, before congestion), features and distances of a seeker."""
        if self.n_postings_ == 0:
            empty = np.zeros(0, dtype=np.int64)
            return empty, np.zeros(0), np.zeros((0, len(FEATURES))), np.zeros(0)
        text, _ = self._seeker_similarities(prof)
        lat, lon = prof.doc.latitude, prof.doc.longitude
        if self.full_scan_:
            dist_all = self._distances(lat, lon, self.lat_, self.lon_)
            idx = self._candidates(prof, text, dist_all)
        else:
            idx = np.unique(np.concatenate([self._occupation_candidates(prof), self._text_candidates(prof, text)]))
        if exclude:
            idx = idx[~np.isin(idx, np.fromiter(exclude, dtype=np.int64, count=len(exclude)))]
        if self.full_scan_:
            dist, text_sim = dist_all[idx], text[idx]
        else:
            dist = self._distances(lat, lon, self.lat_[idx], self.lon_[idx])
            text_sim = text[self.title_id_[idx]]
        X = self._features(prof, idx, text_sim, self._dense_similarities(prof, idx), dist)
        scores = self._base_scores(X)
        stretch = self._stretch_mask(X, idx)
        if self.options["stretch"] == "exclude":
            keep = ~stretch
            idx, X, scores, stretch, dist = idx[keep], X[keep], scores[keep], stretch[keep], dist[keep]
        scores = scores - self.options["stretch_penalty"] * stretch
        return idx, scores, X, dist

    # ================================================================== public API
    def recommend_for_seeker(self, seeker: SeekerDoc, *, top: int = 20, congestion: bool = True,
                             explain: bool = True, exclude_ids: Iterable[str] = ()) -> RecommendationList:
        """The ``top`` open postings for a seeker, best first, each with its explanation."""
        self._check_fitted()
        exclude_ids = sorted(set(exclude_ids))
        prof = self._profile(seeker)
        exclude = {self.posting_index_[i] for i in exclude_ids if i in self.posting_index_}
        idx, scores, X, dist = self._score_seeker(prof, exclude)
        penalty = np.zeros(len(idx))
        use_congestion = bool(congestion and self.demand_ is not None and len(idx))
        if use_congestion:
            penalty = self._congestion_penalty(_seed(seeker.id), idx, self.demand_, X)
        final = scores + penalty
        order = np.lexsort((idx, -final))[:max(0, top)]
        items = []
        for rank, k in enumerate(order, start=1):
            j = int(idx[k])
            features = {name: round(float(X[k, c]), 4) for c, name in enumerate(FEATURES)}
            if use_congestion:
                features["congestion"] = round(float(penalty[k]), 4)
            explanation = None
            if explain:
                raw = self._raw(prof, j, X[k], float(dist[k]) if not np.isnan(dist[k]) else None)
                contributions = self._contributions(X[k])
                if raw["gaps"]:
                    contributions["stretch"] = -float(self.options["stretch_penalty"])
                if use_congestion:
                    contributions["congestion"] = float(penalty[k])
                    raw["congestion"] = float(penalty[k])
                    raw["expected_demand"] = int(self.demand_[j])
                explanation = build_explanation(raw, contributions, perspective="seeker")
            items.append(Match(item_id=self.postings_[j].id, rank=rank, score=round(float(final[k]), 6),
                               features=features, explanation=explanation))
        digest = self._digest("seeker", _doc_json(seeker), top=top, congestion=use_congestion, explain=explain,
                              exclude_ids=exclude_ids)
        return RecommendationList(subject_type="seeker", subject_id=seeker.id, items=items, engine=self.engine_name,
                                  model_version=self.model_version, inputs_digest=digest, candidates=int(len(idx)),
                                  congestion=use_congestion)

    def recommend_for_posting(self, posting: PostingDoc, *, top: int = 20, explain: bool = True,
                              exclude_ids: Iterable[str] = ()) -> RecommendationList:
        """The ``top`` seekers (from ``fit_seekers``) for a posting, best first, explained to the employer."""
        self._check_fitted()
        exclude_ids = sorted(set(exclude_ids))
        if not self.seekers_:
            digest = self._digest("posting", _doc_json(posting), top=top, explain=explain, exclude_ids=exclude_ids)
            return RecommendationList("posting", posting.id, [], self.engine_name, self.model_version, digest, 0)
        # the posting may be new (not in the index): score it through a one-posting view of the index
        indexed = self.posting_index_.get(posting.id)
        known = indexed is not None and self.postings_[indexed] == posting
        view = self if known else self._single_posting_view(posting)
        j = view.posting_index_[posting.id]
        code = view.posting_codes_[j]
        chosen: set[int] = set()
        if code:
            chosen.update(self.seeker_by_code_.get(code, ()))
            chosen.update(self.seeker_by_minor_.get(minor_group(code), ()))
            if self.options["related"]:
                for other in self.resolver_.related(code):
                    chosen.update(self.seeker_by_code_.get(other, ()))
        qvec = self.text_index_.transform([view._posting_query_text(j)])  # a view shares this index's vocabulary
        text_all = np.asarray((self.seeker_text_ @ qvec.T).todense()).ravel().astype(np.float64)
        k = min(int(self.options["text_candidates"]), len(text_all))
        if k > 0:  # seekers whose careers and wishes share at least some text with the posting
            top_text = np.argpartition(-text_all, k - 1)[:k]
            chosen.update(top_text[text_all[top_text] > 0].tolist())
        excluded = set(exclude_ids)
        cands = [i for i in sorted(chosen) if self.seekers_[i].doc.id not in excluded]
        dense_q = None
        if view.dense_ is not None:
            dense_q = view.dense_[j]
        lat, lon = view.lat_[j], view.lon_[j]
        if np.isnan(lat) or np.isnan(lon) or not cands:
            home = np.full(len(cands), np.nan)
        else:  # the same great-circle distance, from the posting to every candidate's home at once
            home = haversine_km(float(lat), float(lon), self.seeker_lat_[cands], self.seeker_lon_[cands])
        dense = None
        if dense_q is not None and self.seeker_dense_ is not None and cands:
            dense = self.seeker_dense_[cands] @ dense_q
        X = view._posting_features(j, [self.seekers_[i] for i in cands], text_all[cands], dense, home)
        all_scores = view._base_scores(X) if cands else np.zeros(0)
        stretch = view._stretch_mask(X, np.full(len(cands), j, dtype=np.int64)) if cands else np.zeros(0, bool)
        rows, scores = [], []
        for position, i in enumerate(cands):
            score = float(all_scores[position])
            if stretch[position]:
                if self.options["stretch"] == "exclude":
                    continue
                score -= self.options["stretch_penalty"]
            rows.append((i, X[position], float(home[position])))
            scores.append(score)
        order = sorted(range(len(rows)), key=lambda r: (-scores[r], self.seekers_[rows[r][0]].doc.id))[:max(0, top)]
        items = []
        for rank, r in enumerate(order, start=1):
            i, x, dist = rows[r]
            prof = self.seekers_[i]
            explanation = None
            if explain:
                raw = view._raw(prof, j, x, None if math.isnan(dist) else dist)
                contributions = self._contributions(x)
                if raw["gaps"]:
                    contributions["stretch"] = -float(self.options["stretch_penalty"])
                explanation = build_explanation(raw, contributions, perspective="employer")
            items.append(Match(item_id=prof.doc.id, rank=rank, score=round(scores[r], 6),
                               features={name: round(float(x[c]), 4) for c, name in enumerate(FEATURES)},
                               explanation=explanation))
        digest = self._digest("posting", _doc_json(posting), top=top, explain=explain, exclude_ids=exclude_ids,
                              seekers=self.seekers_digest_())
        return RecommendationList(subject_type="posting", subject_id=posting.id, items=items, engine=self.engine_name,
                                  model_version=self.model_version, inputs_digest=digest, candidates=len(rows))

    def _single_posting_view(self, posting: PostingDoc) -> "Recommender":
        """A recommender indexing only ``posting``, sharing this one's resolver, scorer and text index."""
        view = object.__new__(Recommender)
        view.__dict__.update(self.__dict__)
        view._index_postings([posting])  # the arrays only: the text index and its statistics stay this one's
        view.dense_ = (self.embedder.embed_documents([self._posting_text(posting)])
                       if self.embedder is not None and self.dense_ is not None else None)
        return view

    def seekers_digest_(self) -> str:
        """A digest of the seekers given to ``fit_seekers`` (computed once per fit)."""
        cached = getattr(self, "_seekers_digest", None)
        if cached is not None and cached[0] is self.seekers_ and cached[1] == len(self.seekers_):
            return cached[2]
        digest = hashlib.sha256()
        for prof in self.seekers_:
            digest.update(json.dumps(_doc_json(prof.doc), sort_keys=True, ensure_ascii=False).encode())
        self._seekers_digest = (self.seekers_, len(self.seekers_), digest.hexdigest())
        return self._seekers_digest[2]

    def _raw(self, prof: _Profile, j: int, x: np.ndarray, distance: float | None) -> dict[str, Any]:
        """The raw values an explanation is written from."""
        col = {name: i for i, name in enumerate(FEATURES)}
        posting = self.postings_[j]
        seeker = prof.doc
        code = self.posting_codes_[j]
        level, via, match_code = "none", "", None
        minor = self._posting_minor(j)
        if x[col["occ_same"]] or x[col["occ_same_other"]]:
            level, via, match_code = "same", prof.codes.get(code, ""), code
        elif x[col["occ_minor"]] or x[col["occ_minor_other"]]:
            pool = prof.target if x[col["occ_minor"]] else prof.other
            match_code = next((c for c in pool if minor_group(c) == minor), code)
            level, via = "minor_group", prof.codes.get(match_code, "")
        elif x[col["occ_related"]]:
            level, via = "related", prof.related.get(code, "")
            match_code = next((c for c in prof.codes if code in self.resolver_.related(c)), code)
        via = "career" if via == "latest" else via
        needed = self._licences(j)
        matched = [name for key, name in needed.items() if key in prof.licences]
        missing = [name for key, name in needed.items() if key not in prof.licences]
        related_licences = []
        if code:
            certs = {_fold_licence(c): c for c in self.resolver_.certifications.get(code, ())}
            related_licences = [prof.licences[k] for k in prof.licences if k in certs and k not in needed]
        months = prof.months.get(code, 0) if code else 0
        if code:
            months += (prof.minor_months.get(minor, 0) - prof.months.get(code, 0)) // 2
        wage_gap = None
        best = posting.wage_max if posting.wage_max is not None else posting.wage_min
        if best is not None and seeker.desired_monthly_wage:
            wage_gap = int(best - seeker.desired_monthly_wage)
        within = None
        if distance is not None and seeker.max_commute_km:
            within = distance <= seeker.max_commute_km
        edu_ok = None
        if seeker.education_rank is not None and posting.education_rank:
            edu_ok = seeker.education_rank >= posting.education_rank
        days = int(self.days_[j]) if not np.isnan(self.days_[j]) else None
        return {
            "occupation_match": level, "occupation_via": via, "occupation_code": match_code,
            "occupation_name": self.resolver_.name(match_code) if match_code else "",
            "text_sim": float(x[col["text_sim"]]),
            "matched_licences": matched, "missing_licences": missing, "related_licences": related_licences,
            "licences_mandatory": posting.licences_mandatory,
            "experience_months": int(months), "experience_required": int(self.exp_[j]),
            "education_ok": edu_ok, "education_required": int(posting.education_rank or 0),
            "education_held": seeker.education_rank,
            "distance_km": distance, "max_commute_km": seeker.max_commute_km, "within_commute": within,
            "wage_gap": wage_gap, "employment_type": posting.employment_type,
            "employment_type_ok": bool(x[col["employment_type_ok"]]),
            "employment_types_stated": bool(seeker.employment_types),
            "days_since_posted": days, "gaps": self._hard_gaps(prof, j, x),
        }

    # ================================================================== learning from outcomes
    def fit_outcomes(self, outcomes: Sequence[Outcome], seekers: Sequence[SeekerDoc] = (), *,
                     negatives: int = 20) -> "Recommender":
        """Train the learned ranker from recorded outcomes, or keep the interpretable scorer if there are too few.

        Each seeker with outcomes is one query group: the postings with an outcome carry its label, and up to
        ``negatives`` of the seeker's other top candidates (never acted on) carry 0. Seekers come from
        ``seekers`` or from ``fit_seekers``; outcomes on postings no longer open are skipped. Needs at least
        ``min_outcomes`` labelled pairs, two label values and two groups; ``ranker_status_`` says what happened.
        """
        from .ranker import LambdaRanker

        self._check_fitted()
        docs = {s.id: s for s in seekers} or {p.doc.id: p.doc for p in self.seekers_}
        by_seeker: dict[str, dict[int, int]] = {}
        for outcome in outcomes:
            j = self.posting_index_.get(outcome.posting_id)
            if j is None or outcome.seeker_id not in docs:
                continue
            labels = by_seeker.setdefault(outcome.seeker_id, {})
            labels[j] = max(int(outcome.label), labels.get(j, 0))
        n_pairs = sum(len(v) for v in by_seeker.values())
        values = {label for v in by_seeker.values() for label in v.values()}
        if n_pairs < int(self.options["min_outcomes"]) or len(values) < 2 or len(by_seeker) < 2:
            self.ranker = None
            self.ranker_status_ = (f"interpretable scorer kept: {n_pairs} usable outcomes from {len(by_seeker)} "
                                   f"seekers (needs {self.options['min_outcomes']} and two kinds of outcome)")
            return self
        saved, self.ranker = self.ranker, None  # candidates and negatives from the interpretable scorer
        rows, labels, groups = [], [], []
        for seeker_id in sorted(by_seeker):
            prof = self._profile(docs[seeker_id])
            idx, scores, X, _ = self._score_seeker(prof, exclude=set())
            known = by_seeker[seeker_id]
            position = {int(j): k for k, j in enumerate(idx)}
            chosen = [position[j] for j in known if j in position]
            others = [k for k in np.argsort(-scores, kind="stable") if int(idx[k]) not in known][:negatives]
            group = chosen + [int(k) for k in others]
            if not chosen:
                continue
            rows.append(X[group])
            labels += [known[int(idx[k])] for k in chosen] + [0] * len(others)
            groups.append(len(group))
        if len(groups) < 2:
            self.ranker = saved
            self.ranker_status_ = "interpretable scorer kept: the outcomes' postings are not among the candidates"
            return self
        self.ranker = LambdaRanker(FEATURES).fit(np.vstack(rows), np.array(labels), groups)
        self.ranker_status_ = f"{self.ranker.version}: trained on {len(labels)} pairs from {len(groups)} seekers"
        return self

    # ================================================================== next steps
    def next_steps(self, seeker: SeekerDoc, *, top: int = 3, courses: Sequence[CourseDoc] = ()) -> list[NextStep]:
        """Licences or courses that would open the most additional good matches within the seeker's reach.

        A good match is a posting that is not a stretch and scores at least ``good_score``. For each licence a
        nearby posting requires (and for each course given), the seeker is re-scored as if they held that
        licence / had trained for the course's occupations; the new good matches are counted.
        """
        self._check_fitted()
        prof = self._profile(seeker)
        base, _ = self._good_set(prof)
        options: list[tuple[str, str, SeekerDoc, str | None]] = []
        held = set(prof.licences)
        # licences required by postings that are otherwise within reach
        idx, scores, X, _ = self._score_seeker(prof, exclude=set())
        col = {name: i for i, name in enumerate(FEATURES)}
        seen: set[str] = set()
        occupation = X[:, self._occupation_columns].sum(axis=1) > 0 if len(idx) else np.zeros(0, dtype=bool)
        # only postings the licence alone stands between: in the person's occupations (or duties), in reach,
        # of an accepted employment type
        within = ((X[:, col["licence_missing"]] > 0) & (X[:, col["beyond_commute"]] <= 0)
                  & (X[:, col["employment_type_ok"]] != 0)
                  & (occupation | (X[:, col["text_sim"]] >= self.options["good_text_sim"])))
        for j in idx[within]:
            for key, name in self._licences(int(j)).items():
                if key in held or key in seen:
                    continue
                seen.add(key)
                options.append(("licence", name, replace(seeker, licences=[*seeker.licences, name]), None))
        for course in courses:
            extra = [course.certification] if (course.certification
                                               and _fold_licence(course.certification) not in held) else []
            options.append(("training", course.name, replace(seeker, licences=[*seeker.licences, *extra]), course.id))
        steps: list[NextStep] = []
        course_codes = {c.id: c.occupation_codes for c in courses}
        for kind, name, changed, course_id in options:
            new_prof = self._profile(changed)
            extra = {code: "training" for code in (course_codes.get(course_id, []) if course_id else [])}
            if extra:  # what one trains for, one looks for
                for code in extra:
                    new_prof.codes.setdefault(code, "training")
                self._finish_profile(new_prof, extra_targets=extra)
            good, new_scores = self._good_set(new_prof)
            gained = sorted(good - base, key=lambda j: (-new_scores.get(j, 0.0), j))
            if not gained:
                continue
            examples = [self.postings_[j].id for j in gained[:5]]
            n = len(gained)
            if kind == "licence":
                ko = f"{name} 자격을 취득하면 가까운 일자리 {n}곳에 더 지원할 수 있어요"
                en = f"Getting the {name} licence would open {n} more good matches nearby"
            else:
                ko = f"'{name}' 과정을 마치면 가까운 일자리 {n}곳이 더 맞아요"
                en = f"Completing the course '{name}' would open {n} more good matches nearby"
            steps.append(NextStep(kind=kind, name=name, additional_matches=n, example_item_ids=examples,
                                  text_ko=ko, text_en=en, course_id=course_id))
        steps.sort(key=lambda s: (-s.additional_matches, s.kind, s.name))
        return steps[:max(0, top)]

    def _good_set(self, prof: _Profile) -> tuple[set[int], dict[int, float]]:
        idx, scores, X, _ = self._score_seeker(prof, exclude=set())
        stretch = self._stretch_mask(X, idx) if len(idx) else np.zeros(0, dtype=bool)
        col = {name: i for i, name in enumerate(FEATURES)}
        # a good match fits the person's occupations (or their duties text), not only their licences and place
        relevant = (X[:, [col[f] for f in FEATURES if f.startswith("occ_")]].sum(axis=1) > 0) \
            | (X[:, col["text_sim"]] >= self.options["good_text_sim"])
        good = (~stretch) & relevant & (scores >= self.options["good_score"])
        return {int(j) for j in idx[good]}, {int(j): float(s) for j, s in zip(idx, scores)}

    # ================================================================== helpers
    def _check_fitted(self) -> None:
        if not hasattr(self, "postings_"):
            raise RuntimeError("call fit(postings) before recommending")

    def _digest(self, kind: str, subject: dict, **params: Any) -> str:
        payload = {"kind": kind, "subject": subject, "params": params, "index": self.index_digest_,
                   "model": self.model_version, "today": self._today().isoformat()}
        return hashlib.sha256(json.dumps(payload, sort_keys=True, ensure_ascii=False, default=str)
                              .encode()).hexdigest()


def _seed(text: str) -> int:
    """A stable 64-bit number for an id (not Python's salted ``hash``)."""
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest(), "little")


def _group(ids: np.ndarray, size: int, vocab: list) -> dict:
    """Inverted lists: vocab[k] → the (sorted) positions where ``ids`` is k, as int32 arrays."""
    valid = np.flatnonzero(ids >= 0)
    order = valid[np.argsort(ids[valid], kind="stable")].astype(np.int32)
    counts = np.bincount(ids[valid], minlength=size)
    parts = np.split(order, np.cumsum(counts)[:-1]) if size else []
    return {vocab[k]: parts[k] for k in range(size) if counts[k]}


def _gather(ptr: np.ndarray, members: np.ndarray, groups: np.ndarray) -> np.ndarray:
    """members[ptr[g]:ptr[g + 1]] for each g in ``groups``, concatenated in that order."""
    start, stop = ptr[groups], ptr[groups + 1]
    count = stop - start
    total = int(count.sum())
    if not total:
        return np.zeros(0, dtype=members.dtype)
    return members[np.repeat(start - np.cumsum(count) + count, count) + np.arange(total)]


_POSTING_FIELDS = tuple(f.name for f in fields(PostingDoc))


def _postings_digest(docs: Sequence[PostingDoc]) -> str:
    """A digest of the indexed postings (every field, in order), hashed in chunks: cheap at a million."""
    digest = hashlib.sha256()
    for start in range(0, len(docs), 4096):
        chunk = docs[start:start + 4096]
        digest.update("\x1e".join(repr(tuple(getattr(p, f) for f in _POSTING_FIELDS)) for p in chunk)
                      .encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def _doc_json(doc: Any) -> dict[str, Any]:
    """A document as JSON-ready data: strings stripped, lists as given, dates ISO (the digest's normal form)."""
    def norm(value: Any) -> Any:
        if isinstance(value, str):
            return " ".join(value.split())
        if isinstance(value, date):
            return value.isoformat()
        if isinstance(value, float):
            return round(value, 6)
        if isinstance(value, dict):
            return {k: norm(v) for k, v in value.items()}
        if isinstance(value, (list, tuple)):
            return [norm(v) for v in value]
        return value
    return norm(asdict(doc))
