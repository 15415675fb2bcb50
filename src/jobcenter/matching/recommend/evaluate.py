"""Measuring recommenders on a judged benchmark (``recommend_dev``): metrics, baselines, one-run comparison.

Metrics (``../shared/data/README.md``), per seeker, averaged over the seekers with at least one judged posting:

- nDCG@10 with gain 2^grade − 1 (ideal order from the judged grades);
- Recall@50: share of the seeker's judged postings in the top 50;
- MRR(grade 2): reciprocal rank of the first grade-2 posting in the top 50 (0 when none is there);

and over all seekers: exposure Gini@10, the Gini coefficient of how often each open posting appears in the
seekers' top 10 (postings never shown count as 0; 0 = every posting shown equally, 1 = one posting shown to all),
and per-seeker latency p50 / p95 of producing the top 50.

Baselines (no learning, as in the README): ``text`` ranks every posting by the cosine of character n-gram TF-IDF
between the seeker's text (careers, duties, wishes) and the posting's title and description; ``text+radius``
ranks the postings inside the seeker's commute radius first, by the same similarity, then the rest.
"""

from __future__ import annotations

import csv
import math
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Sequence

import numpy as np

from .geo import haversine_km
from .types import PostingDoc, SeekerDoc


def read_qrels(path: str | Path) -> dict[str, dict[str, int]]:
    """``seeker_id → {posting_id: grade}`` from a TSV with header ``seeker_id posting_id grade``."""
    out: dict[str, dict[str, int]] = defaultdict(dict)
    with open(path, newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            out[row["seeker_id"].strip()][row["posting_id"].strip()] = int(row["grade"])
    return dict(out)


def ndcg_at(ranked: Sequence[str], judged: dict[str, int], k: int = 10) -> float:
    gains = [(2 ** judged.get(item, 0) - 1) for item in ranked[:k]]
    dcg = sum(g / math.log2(i + 2) for i, g in enumerate(gains))
    ideal = sorted((2 ** g - 1 for g in judged.values()), reverse=True)[:k]
    idcg = sum(g / math.log2(i + 2) for i, g in enumerate(ideal))
    return dcg / idcg if idcg > 0 else 0.0


def recall_at(ranked: Sequence[str], judged: dict[str, int], k: int = 50) -> float:
    relevant = [item for item, grade in judged.items() if grade > 0]
    if not relevant:
        return 0.0
    top = set(ranked[:k])
    return sum(1 for item in relevant if item in top) / len(relevant)


def mrr_grade(ranked: Sequence[str], judged: dict[str, int], grade: int = 2, k: int = 50) -> float:
    for i, item in enumerate(ranked[:k]):
        if judged.get(item, 0) >= grade:
            return 1.0 / (i + 1)
    return 0.0


def gini(counts: Iterable[float]) -> float:
    """Gini coefficient of non-negative counts (0 = equal, → 1 = concentrated)."""
    x = np.sort(np.asarray(list(counts), dtype=np.float64))
    n = len(x)
    if n == 0 or x.sum() == 0:
        return 0.0
    cum = np.cumsum(x)
    return float((n + 1 - 2 * (cum / cum[-1]).sum()) / n)


@dataclass
class RunReport:
    name: str
    ndcg10: list[float] = field(default_factory=list)
    recall50: list[float] = field(default_factory=list)
    mrr2: list[float] = field(default_factory=list)
    latencies_ms: list[float] = field(default_factory=list)
    exposure: dict[str, int] = field(default_factory=dict)
    n_postings: int = 0
    fit_seconds: float = 0.0

    def metrics(self) -> dict[str, float]:
        lat = np.array(self.latencies_ms or [0.0])
        counts = list(self.exposure.values()) + [0] * max(0, self.n_postings - len(self.exposure))
        return {
            "n": len(self.ndcg10),
            "ndcg10": float(np.mean(self.ndcg10)) if self.ndcg10 else 0.0,
            "recall50": float(np.mean(self.recall50)) if self.recall50 else 0.0,
            "mrr2": float(np.mean(self.mrr2)) if self.mrr2 else 0.0,
            "gini10": gini(counts),
            "p50_ms": float(np.percentile(lat, 50)),
            "p95_ms": float(np.percentile(lat, 95)),
            "fit_s": self.fit_seconds,
        }


def evaluate_run(name: str, rank: Callable[[SeekerDoc], list[str]], seekers: Sequence[SeekerDoc],
                 qrels: dict[str, dict[str, int]], n_postings: int, fit_seconds: float = 0.0) -> RunReport:
    """Rank every seeker with ``rank`` (→ posting ids, best first, at least 50) and score the lists."""
    report = RunReport(name, n_postings=n_postings, fit_seconds=fit_seconds)
    for seeker in seekers:
        started = time.perf_counter()
        ranked = rank(seeker)
        report.latencies_ms.append((time.perf_counter() - started) * 1000)
        for item in ranked[:10]:
            report.exposure[item] = report.exposure.get(item, 0) + 1
        judged = qrels.get(seeker.id)
        if judged:
            report.ndcg10.append(ndcg_at(ranked, judged, 10))
            report.recall50.append(recall_at(ranked, judged, 50))
            report.mrr2.append(mrr_grade(ranked, judged, 2, 50))
    return report


class TextBaseline:
    """Character n-gram TF-IDF between seeker and posting texts; ``radius=True`` puts the reachable first.

    With an ``embedder`` (``jobcenter.nlp.embed``), the cosine of dense sentence embeddings instead.
    """

    def __init__(self, radius: bool = False, embedder=None):
        self.radius = radius
        self.embedder = embedder

    def fit(self, postings: Sequence[PostingDoc]) -> "TextBaseline":
        from jobcenter.nlp.ngrams import CharNgramIndex

        self.ids_ = [p.id for p in postings]
        texts = [" ".join(x for x in (p.title, p.description) if x) or " " for p in postings]
        if self.embedder is not None:
            self.vectors_ = self.embedder.embed_documents(texts)
        else:
            self.index_ = CharNgramIndex().fit(texts)
        self.lat_ = np.array([np.nan if p.latitude is None else p.latitude for p in postings])
        self.lon_ = np.array([np.nan if p.longitude is None else p.longitude for p in postings])
        return self

    @staticmethod
    def seeker_text(seeker: SeekerDoc) -> str:
        parts = [*seeker.desired_occupation_texts]
        for career in seeker.careers:
            parts += [career.title, career.duties]
        return " ".join(x for x in parts if x) or " "

    def rank(self, seeker: SeekerDoc, top: int = 50) -> list[str]:
        if self.embedder is not None:
            scores = (self.vectors_ @ self.embedder.embed_queries([self.seeker_text(seeker)])[0]).astype(np.float64)
        else:
            scores = self.index_.scores(self.seeker_text(seeker)).astype(np.float64)
        if self.radius and seeker.latitude is not None and seeker.max_commute_km is not None:
            dist = haversine_km(seeker.latitude, seeker.longitude, self.lat_, self.lon_)
            scores = scores + np.where(dist <= seeker.max_commute_km, 10.0, 0.0)
        order = np.lexsort((np.arange(len(scores)), -scores))[:top]
        return [self.ids_[i] for i in order]


def format_table(reports: Sequence[RunReport]) -> str:
    lines = [f"{'system':<34} {'n':>5} {'nDCG@10':>8} {'R@50':>6} {'MRR2':>6} {'Gini@10':>8} "
             f"{'p50 ms':>7} {'p95 ms':>7} {'fit s':>6}"]
    for report in reports:
        m = report.metrics()
        lines.append(f"{report.name:<34} {m['n']:>5} {m['ndcg10']:>8.3f} {m['recall50']:>6.3f} {m['mrr2']:>6.3f} "
                     f"{m['gini10']:>8.3f} {m['p50_ms']:>7.2f} {m['p95_ms']:>7.2f} {m['fit_s']:>6.1f}")
    return "\n".join(lines)


@dataclass
class Variant:
    """One system of a benchmark run: ``build()`` returns a fitted Recommender (postings and seekers).

    ``learned``: rank with a LambdaRank model trained on the judgements of the *other* half of the seekers
    (2-fold cross-validation, the judgements standing in for recorded outcomes).
    """

    name: str
    build: Callable[[], object]
    congestion: bool = True
    learned: bool = False


def _seeker_fold(seeker_id: str, folds: int = 2) -> int:
    import hashlib

    return hashlib.blake2b(seeker_id.encode("utf-8"), digest_size=2).digest()[0] % folds


def cross_fitted_rankers(engine, seekers: Sequence[SeekerDoc], qrels: dict[str, dict[str, int]],
                         folds: int = 2) -> dict[int, object]:
    """One learned ranker per fold, each trained on the judgements of the seekers outside that fold."""
    from .types import Outcome

    rankers = {}
    for fold in range(folds):
        outcomes = [Outcome(s.id, p, g) for s in seekers if _seeker_fold(s.id, folds) != fold
                    for p, g in qrels.get(s.id, {}).items()]
        engine.ranker = None
        engine.fit_outcomes(outcomes, seekers)
        rankers[fold] = engine.ranker
    engine.ranker = None
    return rankers


def run_benchmark(postings: Sequence[PostingDoc], seekers: Sequence[SeekerDoc], qrels: dict[str, dict[str, int]],
                  variants: Sequence[Variant], baselines: bool = True, top: int = 50,
                  embedders: dict[str, object] | None = None) -> list[RunReport]:
    """The baselines and every variant on the same inputs, in one run (figures comparable line by line)."""
    reports: list[RunReport] = []
    n = len(postings)
    if baselines:
        for radius in (False, True):
            started = time.perf_counter()
            baseline = TextBaseline(radius=radius).fit(postings)
            fit_s = time.perf_counter() - started
            reports.append(evaluate_run("baseline: text" + (" + commute radius" if radius else " only"),
                                        lambda s, b=baseline: b.rank(s, top), seekers, qrels, n, fit_s))
        for name, embedder in (embedders or {}).items():
            started = time.perf_counter()
            baseline = TextBaseline(radius=True, embedder=embedder).fit(postings)
            fit_s = time.perf_counter() - started
            reports.append(evaluate_run(f"baseline: {name} + commute radius", lambda s, b=baseline: b.rank(s, top),
                                        seekers, qrels, n, fit_s))
    built: dict[int, tuple[object, float]] = {}
    for variant in variants:
        key = id(variant.build)
        if key not in built:
            started = time.perf_counter()
            built[key] = (variant.build(), time.perf_counter() - started)
        engine, fit_s = built[key]

        rankers = cross_fitted_rankers(engine, seekers, qrels) if variant.learned else {}

        def rank(seeker, engine=engine, congestion=variant.congestion, rankers=rankers):
            if rankers:
                engine.ranker = rankers[_seeker_fold(seeker.id)]
            try:
                result = engine.recommend_for_seeker(seeker, top=top, congestion=congestion, explain=False)
            finally:
                engine.ranker = None
            return [m.item_id for m in result.items]

        reports.append(evaluate_run(variant.name, rank, seekers, qrels, getattr(engine, "n_postings_", n), fit_s))
    return reports
