from __future__ import annotations

import pytest

from jobcenter.matching.normalize import TitleNormalizer
from jobcenter.matching.taxonomy_index import KnowledgeBase
from jobcenter.nlp.embed import HashingEmbedder

from .conftest import WELDING, small_kb

LEXICAL = ("exact", "tfidf", "bm25")


@pytest.fixture(scope="module")
def normalizer():
    return TitleNormalizer("keco", methods=LEXICAL).fit(small_kb())


@pytest.mark.parametrize("title", ["용접공", "배관용접원", "welder", "CO2 용접사", "특수 용접원", "Welder"])
def test_welding_titles_normalise_to_the_welding_code(normalizer, title):
    assert normalizer.rank(title, top=3)[0].code == WELDING


@pytest.mark.parametrize("title, code", [("간호사", "3040"), ("요리사", "4213"), ("웹 개발자", "1332"),
                                         ("자동차 생산직", "8411")])
def test_unrelated_titles_do_not_go_to_welding(normalizer, title, code):
    ranked = normalizer.rank(title, top=5)
    assert ranked[0].code == code
    assert ranked[0].code != WELDING


def test_exact_alias_is_named_as_the_evidence(normalizer):
    best = normalizer.rank("용접 기능공", top=1)[0]
    assert best.code == WELDING
    assert best.evidence[0].signal == "exact"
    assert best.evidence[0].matched == "용접기능공"
    assert best.as_dict(with_evidence=True)["evidence"][0]["signal"] == "exact"


def test_lexical_evidence_names_the_label_that_matched(normalizer):
    best = normalizer.rank("배관용접공", top=1)[0]
    signals = {e.signal: e.matched for e in best.evidence}
    assert "exact" not in signals
    assert signals["tfidf"] == "배관용접원"


def test_candidates_are_sorted_and_capped(normalizer):
    ranked = normalizer.rank("용접원", top=3)
    assert len(ranked) == 3
    assert [c.score for c in ranked] == sorted((c.score for c in ranked), reverse=True)
    assert normalizer.rank("   ") == []
    assert len(normalizer.rank("용접원", top=50)) == 5


def test_duties_text_helps_a_vague_title(normalizer):
    assert normalizer.rank("기능직", duties="금속 부품을 아크 용접으로 접합", top=1)[0].code == WELDING


def test_preferred_labels_only_ignores_aliases():
    preferred = TitleNormalizer("keco", labels="preferred", methods=("exact",)).fit(small_kb())
    assert preferred.rank("용접기능공", top=1)[0].score == 0.0
    assert preferred.rank("특수용접원", top=1)[0].score == 1.0


def test_dense_signal_with_an_injected_embedder():
    normalizer = TitleNormalizer("keco", methods=("tfidf", "use"), embedders={"use": HashingEmbedder()},
                                 weights={"tfidf": 0.0, "use": 1.0}).fit(small_kb())
    best = normalizer.rank("배관용접공", top=1)[0]
    assert best.code == WELDING
    assert best.evidence[0].signal == "use"


def test_reciprocal_rank_fusion(normalizer):
    rrf = TitleNormalizer("keco", methods=LEXICAL, fusion="rrf").fit(small_kb())
    assert rrf.rank("용접공", top=1)[0].code == WELDING


def test_estimator_conventions():
    normalizer = TitleNormalizer("keco", methods=("tfidf",))
    params = dict(vars(normalizer))
    assert not any(name.endswith("_") for name in params)
    normalizer.fit(small_kb())
    assert normalizer.codes_ and normalizer.label_texts_
    assert {k: v for k, v in vars(normalizer).items() if not k.endswith("_")} == params


def test_misuse_is_refused():
    with pytest.raises(ValueError):
        TitleNormalizer("esco").fit(small_kb("keco"))
    with pytest.raises(ValueError):
        TitleNormalizer("keco", methods=("magic",)).fit(small_kb())
    with pytest.raises(ValueError):
        TitleNormalizer("keco", labels="some").fit(small_kb())
    with pytest.raises(ValueError):
        TitleNormalizer("keco").fit(KnowledgeBase("keco", []))


def test_duties_ngrams_find_an_occupation_by_what_it_does():
    normalizer = TitleNormalizer("keco", methods=("desc",)).fit(small_kb())
    best = normalizer.rank("아크 용접", top=1)[0]
    assert best.code == WELDING
    assert best.evidence[0].signal == "desc"


def test_title_stem_is_found_in_the_duties_text():
    normalizer = TitleNormalizer("keco", methods=("stem",)).fit(small_kb())
    assert "원" in normalizer.suffixes_  # learned from the labels: five names end with it
    ranked = normalizer.rank("조립원", top=2)
    assert ranked[0].code == "8411" and ranked[0].score == 1.0
    assert ranked[1].score == 0.0
    assert normalizer.rank("원", top=1)[0].score == 0.0  # too short a stem says nothing


def test_signals_need_descriptions_only_with_all_labels():
    preferred = TitleNormalizer("keco", labels="preferred", methods=("desc", "stem")).fit(small_kb())
    assert preferred.rank("아크 용접", top=1)[0].score == 0.0


def test_dense_duties_signal_with_an_injected_embedder():
    normalizer = TitleNormalizer("keco", methods=("e5d",), embedders={"e5d": HashingEmbedder()}).fit(small_kb())
    assert normalizer.e5d_vectors_.shape[0] == 5  # one passage per description
    best = normalizer.rank("조립 라인에서 부품을 조립", top=1)[0]
    assert best.code == "8411"
    assert best.evidence[0].signal == "e5d"


def test_lexical_signal_sets_get_the_lexical_weights():
    from jobcenter.matching.normalize import DEFAULT_WEIGHTS

    lexical = TitleNormalizer("keco", methods=("exact", "tfidf", "desc")).fit(small_kb())
    assert lexical.weights_ == DEFAULT_WEIGHTS["keco-lexical"]
    dense = TitleNormalizer("keco", methods=("tfidf", "use"), embedders={"use": HashingEmbedder()}).fit(small_kb())
    assert dense.weights_ == DEFAULT_WEIGHTS["keco"]
    chosen = TitleNormalizer("keco", methods=("exact", "tfidf"), weights={"tfidf": 2.0}).fit(small_kb())
    assert chosen.weights_["tfidf"] == 2.0


def test_description_evidence_names_the_job_whose_text_matched(data_dir):
    from jobcenter.matching.taxonomy_index import KECO_DICTIONARY, keco_from_dictionary

    knowledge_base = keco_from_dictionary(data_dir / KECO_DICTIONARY)
    normalizer = TitleNormalizer("keco", methods=("desc", "duties")).fit(knowledge_base)
    best = normalizer.rank("특수 용접", top=1)[0]
    assert best.code == WELDING
    assert {e.signal: e.matched for e in best.evidence}["desc"] == "특수용접원"
    plain = normalizer.signal_scores("특수 용접")  # the public signature is unchanged
    assert set(plain) == {"desc", "duties"}
