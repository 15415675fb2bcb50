"""The speed benchmark's synthetic world and harness (tiny sizes: the real figures come from `make bench`)."""

from __future__ import annotations

from datetime import date

from django.core.management import call_command

from jobcenter.matching.bench import SyntheticWorld, measure_size, measure_size_isolated, percentile
from jobcenter.matching.recommend import Recommender
from jobcenter.matching.taxonomy_index import builtin_reference

TODAY = date(2026, 11, 25)


def test_synthetic_postings_are_open_coded_placed_and_reproducible():
    kb = builtin_reference()
    world = SyntheticWorld(kb, seed=3, today=TODAY)
    first, again = world.postings(50), world.postings(50)
    assert [p.title for p in first] == [p.title for p in again]
    codes = {o.code for o in kb.occupations}
    for p in first:
        assert p.occupation_code in codes
        assert p.closes_on >= TODAY >= p.posted_on
        assert 33 < p.latitude < 39 and 124 < p.longitude < 132
        assert p.wage_min <= p.wage_max
    assert len({p.id for p in first}) == 50
    assert SyntheticWorld(kb, seed=4, today=TODAY).postings(5)[0].title != first[0].title or \
        SyntheticWorld(kb, seed=4, today=TODAY).postings(5)[1].title != first[1].title


def test_measure_size_reports_every_figure():
    kb = builtin_reference()
    world = SyntheticWorld(kb, seed=3, today=TODAY)
    result = measure_size(lambda: Recommender(knowledge_base=kb, today=TODAY), world, 300, queries=5, batch=5)
    assert result["postings"] == 300 and result["queries"] == 5
    assert 0 < result["p50_ms"] <= result["p95_ms"] <= result["max_ms"]
    assert result["build_s"] > 0 and result["batch_per_s"] > 0


def test_measure_size_isolated_runs_in_a_child_and_reports_the_index():
    kb = builtin_reference()
    world = SyntheticWorld(kb, seed=3, today=TODAY)
    result = measure_size_isolated(lambda: Recommender(knowledge_base=kb, today=TODAY, full_scan_max=100), world, 300,
                                   queries=3, batch=3)
    assert result["postings"] == 300 and result["text_index"] == "distinct titles"
    assert result["candidates_p50"] > 0


def test_percentile():
    assert percentile([5, 1, 3], 0.5) == 3
    assert percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.95) == 10


def test_bench_command_json(capsys):
    call_command("bench", "matching", "--sizes", "200", "--queries", "3", "--batch", "3", "--embedders", "",
                 "--json", "--data-dir", "/nonexistent")
    out = capsys.readouterr().out
    import json

    report = json.loads(out)
    assert report["sizes"][0]["postings"] == 200
    assert "built-in" in report["knowledge_base"] or "reference" in report["knowledge_base"]
