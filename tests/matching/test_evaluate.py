from __future__ import annotations

import numpy as np

from jobcenter.matching.evaluate import (MethodReport, evaluate_titles, gold_rank, read_title_bench,
                                         sample_rows)
from jobcenter.matching.normalize import TitleNormalizer

from .conftest import small_kb


def test_gold_rank_counts_ties_against_the_gold():
    assert gold_rank(np.array([0.1, 0.9, 0.5]), 1) == 1
    assert gold_rank(np.array([0.1, 0.9, 0.5]), 0) == 3
    assert gold_rank(np.zeros(4), 2) == 4
    assert gold_rank(np.zeros(4), None) is None


def test_metrics():
    report = MethodReport("x", ranks=[1, 2, 6, None], latencies_ms=[1.0, 2.0, 3.0, 4.0])
    m = report.metrics()
    assert m["top1"] == 0.25 and m["r5"] == 0.5 and m["r10"] == 0.75
    assert abs(m["mrr"] - (1 + 0.5 + 1 / 6) / 4) < 1e-9


def test_bench_files_and_samples(tmp_path):
    keco = tmp_path / "k.csv"
    keco.write_text("query,keco_code,job_code,job_name\n용접공,7430,K1,용접원\n요리사,4213,K2,조리사\n", encoding="utf-8")
    esco = tmp_path / "e.csv"
    esco.write_text("vacancyTitle,conceptUri\nMIG Welder,http://x/w1\n", encoding="utf-8")
    assert read_title_bench(keco, "keco") == [("용접공", "7430"), ("요리사", "4213")]
    assert read_title_bench(esco, "esco") == [("MIG Welder", "http://x/w1")]
    rows = list(range(100))
    assert sample_rows(rows, 10, seed=1) == sample_rows(rows, 10, seed=1)
    assert len(sample_rows(rows, 10)) == 10 and sample_rows(rows, None) == rows


def test_evaluate_titles_reports_every_method():
    normalizer = TitleNormalizer("keco", methods=("exact", "tfidf")).fit(small_kb())
    reports = evaluate_titles(normalizer, [("용접공", "7430"), ("요리사", "4213"), ("간호사", "9999")],
                              ["tfidf", "exact", "fused"])
    assert reports["tfidf"].ranks[:2] == [1, 1]
    assert reports["fused"].ranks[2] is None
    assert reports["exact"].metrics()["top1"] == 1 / 3
