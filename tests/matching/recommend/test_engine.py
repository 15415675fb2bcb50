"""The recommendation engine on hand-written fixtures: constraints, explanations, congestion, next steps."""

from __future__ import annotations

from dataclasses import replace

from jobcenter.matching.recommend import CourseDoc, Recommender, SeekerDoc
from jobcenter.matching.recommend.evaluate import gini

from .conftest import SEOUL, TODAY, posting, postings, tiny_kb, welder


def by_id(result):
    return {m.item_id: m for m in result.items}


def test_closed_postings_are_not_indexed(engine):
    result = engine.recommend_for_seeker(welder(), top=50)
    assert "P-closed" not in by_id(result)
    assert result.subject_type == "seeker" and result.items[0].rank == 1
    assert result.model_version.startswith("interpretable-")


def test_same_occupation_within_reach_comes_first(engine):
    result = engine.recommend_for_seeker(welder(), top=50)
    ids = [m.item_id for m in result.items]
    # the uncoded "용접공" is resolved by its exact alias; both welding jobs in reach lead the list
    assert set(ids[:2]) == {"P-weld-near", "P-weld-home"}
    assert by_id(result)["P-weld-home"].explanation.occupation_match == "same"


def test_hard_constraints_make_a_stretch_with_the_gap_named(engine):
    result = by_id(engine.recommend_for_seeker(welder(), top=50))
    far, part = result["P-weld-far"].explanation, result["P-weld-part"].explanation
    assert far.stretch and far.gaps == ["commute"] and far.within_commute is False
    assert part.stretch and part.gaps == ["employment_type"]
    elec = result["P-elec"].explanation
    assert elec.stretch and "licence" in elec.gaps and elec.missing_licences == ["전기기능사"]
    # every stretch ranks after every posting that meets the constraints
    last_ok = max(m.rank for m in result.values() if not m.explanation.stretch)
    assert all(m.rank > last_ok for m in result.values() if m.explanation.stretch)


def test_stretch_can_be_excluded(kb):
    engine = Recommender(knowledge_base=kb, today=TODAY, stretch="exclude").fit(postings())
    result = engine.recommend_for_seeker(welder(), top=50)
    assert result.items and not any(m.explanation.stretch for m in result.items)
    assert "P-weld-far" not in by_id(result)


def test_optional_licence_is_not_a_hard_constraint(kb):
    docs = [posting("P-x", "전기공", "7020", required_licences=["전기기능사"], licences_mandatory=False)]
    engine = Recommender(knowledge_base=kb, today=TODAY).fit(docs)
    explanation = engine.recommend_for_seeker(welder(), top=5).items[0].explanation
    assert not explanation.stretch and explanation.missing_licences == ["전기기능사"]
    assert any("우대" in r.text_ko for r in explanation.reasons if r.kind == "licence_missing")


def test_explanations_name_matched_and_missing_licences(engine):
    result = by_id(engine.recommend_for_seeker(welder(), top=50))
    near = result["P-weld-near"].explanation
    assert near.matched_licences == ["용접기능사"]
    texts = [r.text_ko for r in near.reasons]
    assert "보유 자격 용접기능사가 요구 자격과 일치" in texts
    assert any(r.kind == "licence_match" and "용접기능사" in r.text_en for r in near.reasons)
    cook = result["P-cook"].explanation
    missing = [r for r in cook.reasons if r.kind == "licence_missing"]
    assert missing and "한식조리기능사" in missing[0].text_ko and not missing[0].positive


def test_distance_and_wage_sentences(engine):
    near = by_id(engine.recommend_for_seeker(welder(), top=50))["P-weld-near"].explanation
    # 0.09 degrees of latitude ≈ 10 km; the best wage offered is 3,000,000 against 3,100,000 desired
    assert near.distance_km == 10.0 and near.within_commute is True
    assert near.wage_gap == -100_000
    texts = {r.kind: r.text_ko for r in near.reasons}
    assert texts["distance"] == "집에서 10 km"
    assert texts["wage"] == "희망 임금보다 월 10만 원 낮음"
    english = {r.kind: r.text_en for r in near.reasons}
    assert english["distance"] == "10 km from home"
    assert english["wage"] == "KRW 100,000 a month below your desired wage"
    home = by_id(engine.recommend_for_seeker(welder(), top=50))["P-weld-home"].explanation
    assert {r.kind: r.text_ko for r in home.reasons}["distance"] == "집에서 1 km 이내"
    far = by_id(engine.recommend_for_seeker(welder(), top=50))["P-weld-far"].explanation
    assert "최대 통근 거리 20 km 초과" in {r.kind: r.text_ko for r in far.reasons}["distance"]


def test_top_features_are_the_largest_contributions(engine):
    item = engine.recommend_for_seeker(welder(), top=1).items[0]
    features = item.explanation.top_features
    assert features and features[0][0] == "occ_same"
    assert [abs(v) for _, v in features] == sorted((abs(v) for _, v in features), reverse=True)


def test_inputs_digest_is_stable_and_sensitive(kb):
    a = Recommender(knowledge_base=kb, today=TODAY).fit(postings())
    b = Recommender(knowledge_base=tiny_kb(), today=TODAY).fit(list(reversed(postings()))[::-1])
    first = a.recommend_for_seeker(welder(), top=5).inputs_digest
    assert first == b.recommend_for_seeker(welder(), top=5).inputs_digest
    assert len(first) == 64 and int(first, 16) >= 0
    assert first != a.recommend_for_seeker(welder(max_commute_km=30), top=5).inputs_digest
    assert first != a.recommend_for_seeker(welder(), top=6).inputs_digest
    # whitespace differences are normalised away
    spaced = welder(region="  서울특별시 ")
    assert first == a.recommend_for_seeker(spaced, top=5).inputs_digest


def test_exclude_ids(engine):
    result = engine.recommend_for_seeker(welder(), top=50, exclude_ids=["P-weld-near"])
    assert "P-weld-near" not in by_id(result)


def test_recommend_for_posting_ranks_seekers(engine):
    cook = SeekerDoc(id="S-cook", careers=[], desired_occupation_texts=["요리사"], latitude=SEOUL[0],
                     longitude=SEOUL[1], max_commute_km=20)
    far_welder = welder("S-far", latitude=38.5, longitude=SEOUL[1])
    engine.fit_seekers([welder(), cook, far_welder])
    result = engine.recommend_for_posting(postings()[0], top=3)
    assert result.subject_type == "posting" and result.items[0].item_id == "S1"
    assert result.items[0].explanation.matched_licences == ["용접기능사"]
    assert any("구직자" in r.text_ko for r in result.items[0].explanation.reasons if r.kind == "distance")
    far = {m.item_id: m for m in result.items}.get("S-far")
    assert far is None or far.explanation.stretch
    # a posting not in the index is scored too
    new = posting("P-new", "요리사 구함", None)
    assert engine.recommend_for_posting(new, top=1).items[0].item_id == "S-cook"


def test_congestion_lowers_exposure_gini_on_a_crowd(kb):
    # 40 welders living in the same place; 15 welding jobs with slightly different wages
    docs = [posting(f"P{i:02d}", "용접원", "7430", wage_max=3_000_000 + 20_000 * i) for i in range(15)]
    seekers = [welder(f"S{i:02d}", desired_monthly_wage=3_000_000 + 5_000 * i) for i in range(40)]
    engine = Recommender(knowledge_base=kb, today=TODAY).fit(docs).fit_seekers(seekers)

    def exposure(congestion):
        counts = {}
        for seeker in seekers:
            for m in engine.recommend_for_seeker(seeker, top=3, congestion=congestion, explain=False).items:
                counts[m.item_id] = counts.get(m.item_id, 0) + 1
        return gini(list(counts.values()) + [0] * (len(docs) - len(counts)))

    plain, spread = exposure(False), exposure(True)
    assert spread < plain - 0.2
    listed = engine.recommend_for_seeker(seekers[0], top=3)
    assert listed.congestion is True and "congestion" in listed.items[0].features


def test_next_steps_names_the_licence_that_opens_most_matches(engine):
    steps = engine.next_steps(welder(), top=3)
    # two welding jobs in reach need 특수용접기능사; one pipe-fitting job (same minor group) needs 배관기능사
    assert steps and steps[0].kind == "licence" and steps[0].name == "특수용접기능사"
    assert steps[0].additional_matches == 2 and set(steps[0].example_item_ids) == {"P-special1", "P-special2"}
    assert "특수용접기능사" in steps[0].text_ko and "2 more" in steps[0].text_en
    assert [s.name for s in steps[1:2]] == ["배관기능사"]
    # a licence for an unrelated occupation opens nothing on its own
    assert "전기기능사" not in [s.name for s in steps]


def test_next_steps_with_courses(engine):
    courses = [CourseDoc(id="C1", name="조리 기초 과정", occupation_codes=["4213"], certification="한식조리기능사"),
               CourseDoc(id="C2", name="전기 실무 과정", occupation_codes=["7020"], certification="전기기능사")]
    steps = engine.next_steps(welder(), top=5, courses=courses)
    training = [s for s in steps if s.kind == "training"]
    # the electrical course (code + licence) opens both electrical jobs; the cooking one opens the cook job
    assert training[0].course_id == "C2" and training[0].additional_matches == 2
    assert [s.course_id for s in training] == ["C2", "C1"]


def test_works_without_a_knowledge_base():
    # codes given on the documents only: the uncoded "용접공" posting is matched on text alone
    engine = Recommender(today=TODAY, load_knowledge_base=False).fit(postings())
    seeker = replace(welder(), desired_occupation_codes=["7430"])
    result = engine.recommend_for_seeker(seeker, top=3)
    assert result.items[0].item_id == "P-weld-near"
    assert by_id(engine.recommend_for_seeker(seeker, top=50))["P-weld-home"].explanation.occupation_match != "same"


def test_default_knowledge_base_is_loaded():
    # the shared data folder's dictionary when present, else the built-in reference set
    engine = Recommender(today=TODAY).fit(postings())
    assert engine.knowledge_base_ is not None and len(engine.knowledge_base_) > 0
    assert engine.recommend_for_seeker(welder(), top=3).items


def test_learned_ranker_needs_enough_outcomes_then_takes_over(kb):
    from jobcenter.matching.recommend import Outcome

    docs = [posting(f"P{i:02d}", "용접원", "7430", wage_max=3_000_000 + 10_000 * i) for i in range(12)]
    seekers = [welder(f"S{i:02d}") for i in range(12)]
    engine = Recommender(knowledge_base=kb, today=TODAY, min_outcomes=40).fit(docs).fit_seekers(seekers)
    few = [Outcome("S00", "P00", 3), Outcome("S01", "P01", 0)]
    engine.fit_outcomes(few)
    assert engine.ranker is None and "interpretable" in engine.ranker_status_
    assert engine.recommend_for_seeker(seekers[0]).model_version.startswith("interpretable-")
    # every seeker hired at the lowest-paid jobs, never at the best-paid: the ranker learns the reverse of wage
    outcomes = [Outcome(s.id, f"P{i:02d}", 3 if i < 3 else 0) for s in seekers for i in range(12)]
    engine.fit_outcomes(outcomes)
    assert engine.ranker is not None
    result = engine.recommend_for_seeker(seekers[0], top=3, congestion=False)
    assert result.model_version.startswith("lambdarank-") and result.engine.endswith("/lambdarank")
    assert {m.item_id for m in result.items} == {"P00", "P01", "P02"}
    assert result.items[0].explanation.top_features  # per-feature contributions (TreeSHAP)
