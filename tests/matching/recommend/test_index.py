"""The posting index behind the recommender: inverted lists, title-level text retrieval, vectorised features.

Above ``full_scan_max`` postings the engine reads text through the distinct titles and scores only candidates;
these tests check the indexed mode against brute force on small random corpora (``full_scan_max=0`` forces it).
"""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date

import numpy as np
import pytest

from jobcenter.matching.bench import SyntheticWorld
from jobcenter.matching.recommend import Recommender
from jobcenter.matching.recommend.engine import FEATURES
from jobcenter.matching.recommend.geo import haversine_km
from jobcenter.matching.taxonomy_index import builtin_reference

from .conftest import TODAY, postings, welder

TEXT = FEATURES.index("text_sim")


@pytest.fixture(scope="module")
def world():
    kb = builtin_reference()
    w = SyntheticWorld(kb, seed=11, today=TODAY)
    return kb, w, w.postings(600), w.seekers(40)


def engines(kb, docs, **options):
    full = Recommender(knowledge_base=kb, today=TODAY, **options).fit(docs)
    indexed = Recommender(knowledge_base=kb, today=TODAY, full_scan_max=0, **options).fit(docs)
    assert full.full_scan_ and not indexed.full_scan_
    return full, indexed


def test_inverted_lists_equal_brute_force(world):
    kb, _, docs, seekers = world
    _, engine = engines(kb, docs)
    for code, members in engine.by_code_.items():
        assert members.tolist() == [j for j, c in enumerate(engine.posting_codes_) if c == code]
    for seeker in seekers:
        prof = engine._profile(seeker)
        minors = {*prof.target_minors, *prof.other_minors}
        expected = [j for j, c in enumerate(engine.posting_codes_)
                    if c and (c in prof.codes or c[:3] in minors or c in prof.related)]
        assert engine._occupation_candidates(prof).tolist() == expected


def test_title_text_candidates_are_the_best_titles_nationwide_and_in_reach(world):
    kb, _, docs, seekers = world
    _, engine = engines(kb, docs, text_candidates=25, local_candidates=15)
    for seeker in seekers:
        prof = engine._profile(seeker)
        title_scores, _ = engine._seeker_similarities(prof)
        got = set(engine._text_candidates(prof, title_scores).tolist())
        score = title_scores[engine.title_id_]  # every posting's text score, by brute force
        dist = haversine_km(seeker.latitude, seeker.longitude, engine.lat_, engine.lon_)
        for pool, k in ((np.arange(len(docs)), 25), (np.flatnonzero(dist <= seeker.max_commute_km), 15)):
            pool = pool[score[pool] > 0]
            if not len(pool):
                continue
            kth = np.sort(score[pool])[::-1][min(k, len(pool)) - 1]
            # everything strictly better than the k-th best is taken (ties at the k-th may go either way)
            assert set(pool[score[pool] > kth].tolist()) <= got
        in_reach = [j for j in got if dist[j] <= seeker.max_commute_km]
        assert len(in_reach) >= min(15, int(((dist <= seeker.max_commute_km) & (score > 0)).sum()))


def test_vectorised_features_equal_the_full_scan_ones(world):
    kb, _, docs, seekers = world
    full, indexed = engines(kb, docs)
    rng = random.Random(3)
    for seeker in seekers[:15]:
        idx = np.array(sorted(rng.sample(range(len(docs)), 80)))
        a, _, xa, da = full._score_seeker(full._profile(seeker), exclude=set())
        b, _, xb, db = indexed._score_seeker(indexed._profile(seeker), exclude=set())
        common, ia, ib = np.intersect1d(a, b, return_indices=True)
        assert len(common) > 0
        other = [c for c in range(len(FEATURES)) if c != TEXT]
        assert np.array_equal(xa[ia][:, other], xb[ib][:, other])
        assert np.array_equal(da[ia], db[ib], equal_nan=True)
        # the one-posting, many-seekers form (posting → candidates) gives the same rows
        prof = full._profile(seeker)
        dist = haversine_km(seeker.latitude, seeker.longitude, full.lat_[idx], full.lon_[idx])
        rows = full._features(prof, idx, np.zeros(len(idx)), None, dist)
        for r, j in enumerate(idx[:10]):
            one = full._posting_features(int(j), [prof], np.zeros(1), None, dist[r:r + 1])
            assert np.array_equal(one[0], rows[r])


def test_indexed_mode_ranks_like_full_scan_without_text(kb):
    docs = postings()
    full, indexed = engines(kb, docs, weights={"text_sim": 0.0})
    for seeker in (welder(), welder("S2", licences=[]), welder("S3", max_commute_km=5, employment_types=[])):
        a = full.recommend_for_seeker(seeker, top=5, congestion=False)
        b = indexed.recommend_for_seeker(seeker, top=5, congestion=False)
        assert [m.item_id for m in a.items] == [m.item_id for m in b.items]
        assert [m.score for m in a.items] == [m.score for m in b.items]


def test_indexed_mode_serves_postings_seekers_and_next_steps(world):
    kb, _, docs, seekers = world
    _, engine = engines(kb, docs)
    engine.fit_seekers(seekers)
    result = engine.recommend_for_seeker(seekers[0], top=20)
    assert len(result.items) == 20 and all(m.explanation for m in result.items)
    assert result.congestion
    for_posting = engine.recommend_for_posting(docs[0], top=5)
    assert for_posting.items and for_posting.subject_id == docs[0].id
    new = replace(docs[1], id="NEW-1")  # not in the index
    assert engine.recommend_for_posting(new, top=5).items
    engine.next_steps(seekers[0])  # runs on the index without a full scan


def test_index_digest_is_stable_and_sensitive(kb):
    docs = postings()
    first = Recommender(knowledge_base=kb, today=TODAY).fit(docs).index_digest_
    assert first == Recommender(knowledge_base=kb, today=TODAY).fit(list(docs)).index_digest_
    changed = [replace(docs[0], wage_max=3_100_000), *docs[1:]]
    assert first != Recommender(knowledge_base=kb, today=TODAY).fit(changed).index_digest_
    moved = [replace(docs[0], posted_on=date(2026, 11, 17)), *docs[1:]]
    assert first != Recommender(knowledge_base=kb, today=TODAY).fit(moved).index_digest_


def test_per_posting_arrays_are_compact(world):
    kb, _, docs, _ = world
    _, engine = engines(kb, docs)
    for name in ("code_id_", "minor_id_", "title_id_", "licence_ids_"):
        assert getattr(engine, name).dtype == np.int32
    assert engine.days_.dtype == np.float32 and engine.edu_.dtype == np.int16
    assert not hasattr(engine, "posting_texts_")
