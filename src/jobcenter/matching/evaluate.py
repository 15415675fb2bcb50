"""Ranking metrics and the title-normalisation benchmark (no Django).

A benchmark row is ``(query, gold_code)``. Metrics: top-1 (accuracy at rank 1), R@5, R@10 (the gold code among
the first 5 / 10), MRR (mean of 1 / rank of the gold code; 0 beyond ``mrr_cutoff`` or when absent). Ties are
counted against the gold code (a code scored equal to others ranks after them), so an all-zero ranking earns
nothing. Latency is per query, per signal, measured on single-query calls (no batching).
"""

from __future__ import annotations

import csv
import random
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from .normalize import TitleNormalizer

QUERY_COLUMNS = ("query", "vacancyTitle", "title")
GOLD_COLUMNS = {"keco": ("keco_code", "code"), "esco": ("conceptUri", "esco_uri", "code")}


def read_title_bench(path: str | Path, scheme: str) -> list[tuple[str, str]]:
    """Rows of a benchmark CSV: KECO (``query,keco_code``) or ESCO (``vacancyTitle,conceptUri``)."""
    with open(path, newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        fields = reader.fieldnames or []
        query_col = next((c for c in QUERY_COLUMNS if c in fields), None)
        gold_col = next((c for c in GOLD_COLUMNS[scheme] if c in fields), None)
        if query_col is None or gold_col is None:
            raise ValueError(f"{path}: expected a query column ({'/'.join(QUERY_COLUMNS)}) and a gold column "
                             f"({'/'.join(GOLD_COLUMNS[scheme])}), found {fields}")
        return [(row[query_col].strip(), row[gold_col].strip()) for row in reader if row[query_col].strip()]


def sample_rows(rows: list, limit: int | None, seed: int = 13) -> list:
    """A fixed-seed sample of ``limit`` rows (all rows, in order, when ``limit`` is None or large)."""
    if not limit or limit >= len(rows):
        return list(rows)
    picked = sorted(random.Random(seed).sample(range(len(rows)), limit))
    return [rows[i] for i in picked]


def gold_rank(scores: np.ndarray, gold_index: int | None) -> int | None:
    """1-based rank of the gold item, ties counted against it; None when the gold code is unknown."""
    if gold_index is None:
        return None
    gold = scores[gold_index]
    return int((scores >= gold).sum())


@dataclass
class MethodReport:
    name: str
    ranks: list[int | None] = field(default_factory=list)
    latencies_ms: list[float] = field(default_factory=list)

    def metrics(self, mrr_cutoff: int = 100) -> dict[str, float]:
        n = len(self.ranks)
        ranks = np.array([r if r is not None else 10**9 for r in self.ranks], dtype=np.float64)
        lat = np.array(self.latencies_ms or [0.0])
        return {
            "n": n,
            "top1": float((ranks <= 1).mean()) if n else 0.0,
            "r5": float((ranks <= 5).mean()) if n else 0.0,
            "r10": float((ranks <= 10).mean()) if n else 0.0,
            "mrr": float(np.where(ranks <= mrr_cutoff, 1.0 / ranks, 0.0).mean()) if n else 0.0,
            "p50_ms": float(np.percentile(lat, 50)),
            "p95_ms": float(np.percentile(lat, 95)),
        }


def evaluate_titles(normalizer: TitleNormalizer, rows: list[tuple[str, str]],
                    methods: list[str]) -> dict[str, MethodReport]:
    """Score every method on the rows in one pass.

    A method is a single signal of the fitted normaliser (its scores alone), or ``fused`` (the normaliser's
    fusion of all its signals). Latency of a single signal is that signal's time; of ``fused``, the time of all
    its signals plus the fusion.
    """
    code_index = {code: i for i, code in enumerate(normalizer.codes_)}
    reports = {name: MethodReport(name) for name in methods}
    for query, gold in rows:
        before = dict(normalizer.timings_)
        started = time.perf_counter()
        signals = normalizer.signal_scores(query)
        fused = normalizer.fuse(signals) if "fused" in reports else None
        total_ms = (time.perf_counter() - started) * 1000
        gold_index = code_index.get(gold)
        for name, report in reports.items():
            if name == "fused":
                scores, ms = fused, total_ms
            else:
                scores = signals[name][0]
                ms = (normalizer.timings_[name] - before.get(name, 0.0)) * 1000
            report.ranks.append(gold_rank(scores, gold_index))
            report.latencies_ms.append(ms)
    return reports


def format_table(reports: dict[str, MethodReport]) -> str:
    lines = [f"{'method':<10} {'n':>6} {'top1':>6} {'R@5':>6} {'R@10':>6} {'MRR':>6} {'p50 ms':>7} {'p95 ms':>7}"]
    for name, report in reports.items():
        m = report.metrics()
        lines.append(f"{name:<10} {m['n']:>6} {m['top1']:>6.3f} {m['r5']:>6.3f} {m['r10']:>6.3f} {m['mrr']:>6.3f} "
                     f"{m['p50_ms']:>7.2f} {m['p95_ms']:>7.2f}")
    return "\n".join(lines)
