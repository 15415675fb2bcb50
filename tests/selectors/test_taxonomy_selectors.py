"""taxonomy.selectors: searches rank exact → prefix → contains; exact matches normalise free text."""

from __future__ import annotations

import pytest
from tests.api.fixtures import vocab  # noqa: F401

from jobcenter.taxonomy.models import Occupation
from jobcenter.taxonomy.selectors import (
    certification_match,
    certification_search,
    education_level_match,
    occupation_get,
    occupation_match_exact,
    occupation_parent_chain,
    occupation_search,
    region_match,
    region_search,
)


def test_occupation_search_tiers_and_leaves_only(vocab):
    # "용접원" is the exact name of 8173; the group "용접·도장 관련직" is not a leaf and never listed.
    assert occupation_search(q="용접원") == [vocab.welder]
    # Exact alias "개발자" (two occupations, code order), then names that contain it.
    assert occupation_search(q="개발자") == [vocab.app_dev, vocab.web_dev]
    # Prefix beats contains: "웹" starts "웹 개발자" and the alias "웹프로그래머".
    assert occupation_search(q="웹") == [vocab.web_dev]


def test_occupation_search_normalises_the_query(vocab):
    assert occupation_search(q="CO2-용접사") == [vocab.welder]
    assert occupation_search(q="  co2 용접사 ") == [vocab.welder]
    assert occupation_search(q="web developer") == [vocab.web_dev]


def test_occupation_search_order_is_exact_first(vocab):
    # "용접공" is an exact alias of the welder; nothing else contains it.
    assert occupation_search(q="용접공") == [vocab.welder]
    result = occupation_search(q="원")  # contains: 용접원, 도장원 — by code
    assert result == [vocab.welder, vocab.painter]


def test_occupation_search_scheme_limit_and_empty(vocab):
    assert occupation_search(q="welder", scheme="ESCO") == [vocab.esco_welder]
    assert occupation_search(q="welder", scheme=None) == [vocab.esco_welder, vocab.welder]
    assert occupation_search(q="개발자", limit=1) == [vocab.app_dev]
    assert occupation_search(q="") == []
    assert occupation_search(q=" - ") == []


def test_occupation_get(vocab):
    assert occupation_get(concept_id="KECO:8173") == vocab.welder
    assert occupation_get(concept_id="8173") == vocab.welder
    assert occupation_get(concept_id=vocab.esco_welder.concept_id) == vocab.esco_welder
    with pytest.raises(Occupation.DoesNotExist):
        occupation_get(concept_id="KECO:0000")
    with pytest.raises(Occupation.DoesNotExist):
        occupation_get(concept_id="")
    assert occupation_parent_chain(vocab.welder) == [vocab.major8, vocab.middle81, vocab.minor817]


def test_occupation_match_exact(vocab):
    assert occupation_match_exact(text="용접원") == vocab.welder
    assert occupation_match_exact(text="CO2 용접사") == vocab.welder  # alias
    assert occupation_match_exact(text="웹개발자") == vocab.web_dev  # name, spaces folded
    assert occupation_match_exact(text="개발자") is None  # alias of two occupations: ambiguous
    assert occupation_match_exact(text="용접") is None  # only a prefix
    assert occupation_match_exact(text="용접·도장 관련직") is None  # a group, not assignable
    assert occupation_match_exact(text="welder", scheme="ESCO") == vocab.esco_welder
    assert occupation_match_exact(text="") is None


def test_certifications(vocab):
    assert certification_match(name="용접 기능사") == vocab.welding_cert
    assert certification_match(name="용접기사") is None
    assert certification_search(q="용접") == [vocab.welding_cert, vocab.welding_cert2]
    assert certification_search(q="기사") == [vocab.welding_cert2, vocab.it_cert]  # contains, by name
    assert certification_search(q="산업기사") == [vocab.welding_cert2]
    assert certification_search(q="") == []


@pytest.mark.parametrize(
    "region, locality, expected",
    [
        ("부산광역시", "부산", "busan"),  # a metropolitan city's locality repeating itself
        ("부산", None, "busan"),
        ("부산광역시", "해운대구", "haeundae"),
        ("경기도", "수원시", "suwon"),
        ("경기", "수원", "suwon"),
        ("경기도", "수원시 권선구", "suwon"),
        ("경기도 수원시", None, "suwon"),
        ("경기도", "안양시", "gyeonggi"),  # unknown city: the province is still known
        ("Seoul", "강남구", "gangnam"),
        (None, "고양시", "goyang"),
        (None, "부산광역시", "busan"),
        ("화성", "동탄", None),
        (None, None, None),
        ("", "", None),
    ],
)
def test_region_match(vocab, region, locality, expected):
    found = region_match(region=region, locality=locality)
    assert found == (getattr(vocab, expected) if expected else None)


def test_region_search(vocab):
    assert region_search(q="수원") == [vocab.suwon]
    assert region_search(q="경기") == [vocab.gyeonggi, vocab.suwon, vocab.goyang]
    assert region_search(q="경기도 고양시") == [vocab.goyang]
    assert region_search(q="") == []


@pytest.mark.parametrize(
    "text, expected",
    [("BACHELOR", "bachelor"), ("대학교 졸업(4년)", "bachelor"), ("대졸", "bachelor"), ("고졸", "high_school"),
     ("전문 학사", "college"), ("high school", "high_school"), ("박사", None), ("", None)],
)
def test_education_level_match(vocab, text, expected):
    assert education_level_match(text=text) == (getattr(vocab, expected) if expected else None)
