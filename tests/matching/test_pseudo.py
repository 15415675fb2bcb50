"""Pseudo-queries from the taxonomy's own aliases (jobcenter.matching.pseudo) and `eval titles --pseudo`."""

from __future__ import annotations

import io
import json
from collections import Counter

import pytest
from django.core.management import call_command

from jobcenter.matching.evaluate import evaluate_titles
from jobcenter.matching.normalize import TitleNormalizer
from jobcenter.matching.pseudo import (cache_signals, evaluate_pseudo, fused_ranks, mrr, pseudo_queries,
                                       search_weights)
from jobcenter.matching.taxonomy_index import KnowledgeBase, Label, Occupation
from jobcenter.nlp.text import fold


def tiny_kb() -> KnowledgeBase:
    def occ(code, label, preferred, aliases, related=(), description=""):
        labels = [Label(t, "preferred") for t in preferred] + [Label(t, "alias") for t in aliases]
        labels += [Label(t, "related") for t in related]
        return Occupation(code=code, label=label, labels=labels, descriptions=[description] if description else [])

    return KnowledgeBase("keco", [
        occ("7430", "용접원", ["용접원", "특수용접원"], ["용접기능공", "CO2용접원", "배관용접원"],
            description="금속 부품을 용접하여 접합한다."),
        # "배관 용접원" folds to the same text as 7430's alias: it must leave 7430's fold too
        occ("7431", "배관공", ["배관공"], ["배관설치원"], related=["배관 용접원"], description="배관을 설치한다."),
        occ("4213", "조리사", ["조리사", "한식조리사"], ["요리사", "주방장"], description="음식을 조리한다."),
        occ("3040", "간호사", ["간호사"], ["병동간호사", "간호원"], description="환자를 간호한다."),
        occ("1332", "응용소프트웨어개발자", ["응용소프트웨어개발자"], ["프로그래머", "웹개발자"],
            description="프로그램을 작성한다."),
        occ("8411", "자동차조립원", ["자동차조립원"], ["자동차생산직"], description="자동차를 조립한다."),
        occ("9999", "무별칭", ["무별칭직"], [], description="별칭이 없다."),
    ], source="tests")


def all_aliases(kb):
    return Counter((label.text, o.code) for o in kb.occupations for label in o.labels if label.kind == "alias")


def test_a_query_never_remains_in_its_folds_knowledge_base():
    kb = tiny_kb()
    folds = pseudo_queries(kb, folds=3, seed=13)
    assert len(folds) == 3
    for f in folds:
        remaining = {fold(label.text) for o in f.knowledge_base.occupations for label in o.labels}
        for alias, _code in f.queries:
            assert fold(alias) not in remaining
        # every alias of the fold's occupations is held out, queried or not
        for o in f.knowledge_base.occupations:
            if o.code in f.codes:
                assert not [label for label in o.labels if label.kind == "alias"]
    # the label equal after folding, in another occupation, left the fold that queries "배관용접원"
    holding = next(f for f in folds if ("배관용접원", "7430") in f.queries)
    assert all(label.text != "배관 용접원" for o in holding.knowledge_base.occupations for label in o.labels)
    # the original knowledge base is untouched
    assert sum(all_aliases(kb).values()) == 11


def test_each_alias_is_a_query_exactly_once():
    kb = tiny_kb()
    folds = pseudo_queries(kb, folds=4, seed=3)
    queries = Counter(q for f in folds for q in f.queries)
    assert queries == all_aliases(kb)
    # folds are by occupation: an occupation's aliases all sit in one fold
    owners = Counter(code for f in folds for code in {c for _, c in f.queries})
    assert set(owners.values()) == {1}
    assert "9999" not in owners


def test_deterministic_with_the_seed_and_limit_samples():
    kb = tiny_kb()
    first = [f.queries for f in pseudo_queries(kb, folds=3, seed=13)]
    assert first == [f.queries for f in pseudo_queries(kb, folds=3, seed=13)]
    assert any(first != [f.queries for f in pseudo_queries(kb, folds=3, seed=s)] for s in range(1, 6))
    limited = pseudo_queries(kb, folds=3, seed=13, limit=5)
    assert sum(len(f.queries) for f in limited) == 5
    assert limited[0].knowledge_base.occupations[0].labels == pseudo_queries(kb, folds=3, seed=13)[0]\
        .knowledge_base.occupations[0].labels
    with pytest.raises(ValueError):
        pseudo_queries(kb, folds=1)


def test_evaluate_pseudo_merges_folds_and_the_search_replays_the_fusion():
    kb = tiny_kb()
    folds = pseudo_queries(kb, folds=3, seed=13)

    def make():
        return TitleNormalizer("keco", methods=("exact", "tfidf"), weights={"exact": 1.0, "tfidf": 0.25})

    reports = evaluate_pseudo(make, kb, ["exact", "tfidf", "fused"], fold_list=folds)
    assert all(len(r.ranks) == 11 for r in reports.values())
    assert reports["exact"].metrics()["top1"] == 0.0          # no query finds its own name
    expected = []
    for f in folds:
        expected += evaluate_titles(make().fit(f.knowledge_base), f.queries, ["fused"])["fused"].ranks
    assert reports["fused"].ranks == expected
    cached = cache_signals(make, folds)
    assert fused_ranks(cached, {"exact": 1.0, "tfidf": 0.25}) == expected
    weights, best = search_weights(cached, {"exact": 1.0, "tfidf": 0.25}, ["exact", "tfidf"])
    assert best >= mrr(expected) and set(weights) == {"exact", "tfidf"}


def test_cli_prints_a_pseudo_query_table(tmp_path):
    out = io.StringIO()
    call_command("eval", "titles", "--pseudo", "--folds", "3", "--methods", "exact,tfidf", "--data-dir",
                 str(tmp_path), stdout=out)
    text = out.getvalue()
    assert "pseudo-queries from the dictionary's own aliases, 3 folds" in text
    assert "MRR" in text and "\ntfidf " in text and "\nexact " in text
    out = io.StringIO()
    call_command("eval", "titles", "--pseudo", "--limit", "50", "--methods", "exact,tfidf,fused", "--fuse",
                 "exact,tfidf", "--search-weights", "--data-dir", str(tmp_path), "--json", stdout=out)
    figures = json.loads(out.getvalue())
    assert figures["n"] == 50 and figures["pseudo"] and figures["folds"] == 5
    assert figures["search"]["mrr"] >= figures["methods"]["fused"]["mrr"] - 1e-9


def test_cli_needs_a_bench_or_pseudo(tmp_path):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        call_command("eval", "titles", "--methods", "tfidf", "--data-dir", str(tmp_path), stdout=io.StringIO())
