"""Pseudo-queries from a taxonomy's own aliases: how the KECO fusion weights are chosen without the benchmark.

Each ``alias`` label of the knowledge base (KECO: the Work24 dictionary's ``similarNm``) becomes a query whose
gold code is its occupation. The occupations are split into ``folds`` groups (fixed seed); for each fold the
normaliser is fitted on a copy of the knowledge base without the aliases of that fold's occupations, and without
any other label (of any occupation, any kind) equal to one of them once folded (``jobcenter.nlp.text.fold``).
So no query is ranked by a normaliser that has seen its own name — in the names, the exact index, the TF-IDF
index or the n-gram classifier, all refitted per fold — as the ko_title_norm benchmark removed its titles' aliases
from the dictionary. The descriptions (a job's name, summary and duties) are kept, as they are for the benchmark.

The held-out unit is the occupation (KECO 4-digit code), not the dictionary job: a knowledge base merges the jobs
of a code, so holding out a code's aliases holds out every alias of each of its jobs (stricter, not looser).

``evaluate_pseudo`` ranks the queries of every fold with ``jobcenter.matching.evaluate.evaluate_titles`` and merges
the per-fold reports. ``search_weights`` caches each query's signal scores once per fold and runs a coordinate
ascent over the fusion weights (MRR), so ``DEFAULT_WEIGHTS`` can be re-derived: ``jobcenter eval titles --pseudo
--search-weights``. Plain Python and numpy; no Django.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Callable, Iterable, Mapping, Sequence

import numpy as np

from jobcenter.nlp.text import fold as fold_text

from .evaluate import MethodReport, evaluate_titles, gold_rank
from .normalize import TitleNormalizer
from .taxonomy_index import KnowledgeBase, Occupation

WEIGHT_GRID = (0.0, 0.1, 0.25, 0.5, 1.0, 2.0, 4.0)


@dataclass
class Fold:
    """One fold: its queries ``(alias, gold code)`` and the knowledge base they are ranked against."""

    index: int
    queries: list[tuple[str, str]]
    knowledge_base: KnowledgeBase
    held_out: int = 0                     # labels removed from the knowledge base (aliases and their equals)
    codes: list[str] = field(default_factory=list)  # the occupations whose aliases this fold holds out


def _aliases(occupation: Occupation) -> list[str]:
    return [label.text for label in occupation.labels if label.kind == "alias"]


def _without(kb: KnowledgeBase, codes: set[str], folded: set[str]) -> tuple[KnowledgeBase, int]:
    """A copy of ``kb`` without the aliases of ``codes`` and without every label whose folded text is in ``folded``."""
    occupations, removed = [], 0
    for occupation in kb.occupations:
        kept = [label for label in occupation.labels
                if not (occupation.code in codes and label.kind == "alias") and fold_text(label.text) not in folded]
        removed += len(occupation.labels) - len(kept)
        occupations.append(Occupation(code=occupation.code, label=occupation.label, scheme=occupation.scheme,
                                      labels=kept, descriptions=list(occupation.descriptions),
                                      certifications=list(occupation.certifications), isco=occupation.isco))
    return KnowledgeBase(kb.scheme, occupations, source=f"{kb.source} (pseudo-query fold)"), removed


def pseudo_queries(kb: KnowledgeBase, *, folds: int = 5, seed: int = 13, limit: int | None = None) -> list[Fold]:
    """The ``folds`` folds of alias pseudo-queries of ``kb``; every alias is a query in exactly one fold.

    Occupations with at least one alias are shuffled with ``seed`` and dealt round-robin into the folds.
    ``limit``: rank only a fixed-seed sample of ``limit`` queries in all (the knowledge bases still hold out
    every alias of their fold, so a sample measures the same task, only fewer of it).
    """
    if folds < 2:
        raise ValueError("folds must be at least 2 (a query's aliases are held out of its own fold)")
    with_aliases = [o for o in kb.occupations if _aliases(o)]
    if not with_aliases:
        raise ValueError("the knowledge base has no alias labels to make pseudo-queries from")
    order = list(range(len(with_aliases)))
    random.Random(seed).shuffle(order)
    groups: list[list[Occupation]] = [[] for _ in range(folds)]
    for position, index in enumerate(order):
        groups[position % folds].append(with_aliases[index])
    all_queries = [(alias, o.code) for group in groups for o in group for alias in _aliases(o)]
    keep = None
    if limit and limit < len(all_queries):
        keep = set(random.Random(seed).sample(range(len(all_queries)), limit))
    out, offset = [], 0
    for index, group in enumerate(groups):
        queries = [(alias, o.code) for o in group for alias in _aliases(o)]
        codes = {o.code for o in group}
        held_kb, removed = _without(kb, codes, {fold_text(alias) for alias, _ in queries})
        if keep is not None:
            queries = [q for i, q in enumerate(queries, start=offset) if i in keep]
        offset += len([1 for o in group for _ in _aliases(o)])
        out.append(Fold(index, queries, held_kb, removed, sorted(codes)))
    return out


def _merge(into: dict[str, MethodReport], reports: Mapping[str, MethodReport]) -> None:
    for name, report in reports.items():
        merged = into.setdefault(name, MethodReport(name))
        merged.ranks.extend(report.ranks)
        merged.latencies_ms.extend(report.latencies_ms)


def evaluate_pseudo(make_normalizer: Callable[[], TitleNormalizer], kb: KnowledgeBase, methods: Sequence[str], *,
                    folds: int = 5, seed: int = 13, limit: int | None = None,
                    prepare: Callable[[TitleNormalizer], None] | None = None,
                    fold_list: list[Fold] | None = None) -> dict[str, MethodReport]:
    """Rank every fold's queries with a normaliser fitted on that fold's knowledge base; merged reports.

    ``make_normalizer()`` returns an unfitted :class:`TitleNormalizer`; ``prepare(normalizer)`` may adjust it after
    each fit (e.g. zero the weights of signals reported alone but not fused). The result maps each method to a
    :class:`MethodReport` over all queries (``.metrics()``: top1, r5, r10, mrr; ``format_table`` prints them).
    """
    reports: dict[str, MethodReport] = {}
    for fold in fold_list if fold_list is not None else pseudo_queries(kb, folds=folds, seed=seed, limit=limit):
        if not fold.queries:
            continue
        normalizer = make_normalizer().fit(fold.knowledge_base)
        if prepare is not None:
            prepare(normalizer)
        _merge(reports, evaluate_titles(normalizer, fold.queries, list(methods)))
    return reports


# ---------------------------------------------------------------------------------------------- weight search
@dataclass
class CachedFold:
    """Every query's per-signal scores on one fold, computed once: ``scores[q, s, code]`` (float32)."""

    signals: list[str]
    scores: np.ndarray
    gold: np.ndarray          # index of the gold code per query, -1 when the code is not in the knowledge base


def cache_signals(make_normalizer: Callable[[], TitleNormalizer], fold_list: Iterable[Fold]) -> list[CachedFold]:
    """Fit each fold once and keep every query's signal scores (``TitleNormalizer.signal_scores``)."""
    cached = []
    for fold in fold_list:
        if not fold.queries:
            continue
        normalizer = make_normalizer().fit(fold.knowledge_base)
        if normalizer.fusion != "weighted":
            raise ValueError("the weight search replays the weighted fusion only")
        code_index = {code: i for i, code in enumerate(normalizer.codes_)}
        signals = list(normalizer.methods_)
        scores = np.zeros((len(fold.queries), len(signals), len(normalizer.codes_)), dtype=np.float32)
        gold = np.full(len(fold.queries), -1, dtype=np.int64)
        for q, (query, code) in enumerate(fold.queries):
            per_signal = normalizer.signal_scores(query)
            for s, name in enumerate(signals):
                scores[q, s] = per_signal[name][0]
            gold[q] = code_index.get(code, -1)
        cached.append(CachedFold(signals, scores, gold))
    return cached


def fused_ranks(cached: Sequence[CachedFold], weights: Mapping[str, float]) -> list[int | None]:
    """The gold code's rank under ``weights`` for every cached query (same arithmetic as ``TitleNormalizer.fuse``)."""
    ranks: list[int | None] = []
    for fold in cached:
        total = np.zeros((fold.scores.shape[0], fold.scores.shape[2]), dtype=np.float32)
        weight_sum = 0.0
        for s, name in enumerate(fold.signals):
            weight = float(weights.get(name, 0.0))
            if weight == 0.0:
                continue
            weight_sum += weight
            total += weight * fold.scores[:, s, :]
        if weight_sum:
            total = total / weight_sum
        for row, gold in zip(total, fold.gold):
            ranks.append(gold_rank(row, int(gold)) if gold >= 0 else None)
    return ranks


def mrr(ranks: Sequence[int | None]) -> float:
    return MethodReport("fused", ranks=list(ranks)).metrics()["mrr"] if ranks else 0.0


def search_weights(cached: Sequence[CachedFold], start: Mapping[str, float], signals: Sequence[str], *,
                   grid: Sequence[float] = WEIGHT_GRID, rounds: int = 5,
                   log: Callable[[str], None] | None = None) -> tuple[dict[str, float], float]:
    """Coordinate ascent on MRR: each signal's weight in turn takes the best value of ``grid``, the others fixed.

    Starts from ``start`` (e.g. the current defaults), stops after a round that changes nothing or after
    ``rounds``; keeps the current value on ties, so the result only moves when MRR strictly improves.
    Returns the weights (only ``signals``) and their MRR.
    """
    weights = {name: float(start.get(name, 0.0)) for name in signals}
    best = mrr(fused_ranks(cached, weights))
    for round_number in range(1, rounds + 1):
        changed = False
        for name in signals:
            for value in grid:
                if value == weights[name]:
                    continue
                trial = {**weights, name: float(value)}
                if not any(trial.values()):
                    continue
                score = mrr(fused_ranks(cached, trial))
                if score > best + 1e-9:
                    best, weights, changed = score, trial, True
        if log is not None:
            log(f"round {round_number}: MRR {best:.4f} with "
                + " ".join(f"{name}={weights[name]:g}" for name in signals))
        if not changed:
            break
    return weights, best
