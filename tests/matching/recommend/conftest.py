"""Hand-written postings, seekers and a tiny knowledge base: no data folder, no database, no model weights."""

from __future__ import annotations

from datetime import date

import pytest

from jobcenter.matching.recommend import CareerItem, PostingDoc, Recommender, SeekerDoc
from jobcenter.matching.taxonomy_index import KnowledgeBase, Label, Occupation

TODAY = date(2026, 11, 20)
SEOUL = (37.5665, 126.9780)
# about 10 km and 60 km from SEOUL
NEAR = (37.6565, 126.9780)
FAR = (38.1065, 126.9780)


def tiny_kb() -> KnowledgeBase:
    def occ(code, label, labels, certifications=()):
        return Occupation(code=code, label=label, labels=[Label(t, k) for t, k in labels],
                          descriptions=[], certifications=list(certifications))

    return KnowledgeBase("keco", [
        occ("7430", "용접원", [("용접원", "preferred"), ("용접공", "alias"), ("배관공", "related")], ["용접기능사"]),
        occ("7431", "배관공", [("배관공", "preferred")]),
        occ("7020", "전기공", [("전기공", "preferred"), ("전기원", "alias")], ["전기기능사"]),
        occ("4213", "조리사", [("조리사", "preferred"), ("요리사", "alias")], ["한식조리기능사"]),
        occ("1332", "응용소프트웨어개발자", [("응용소프트웨어개발자", "preferred"), ("프로그래머", "alias")]),
    ], source="tests")


def posting(pid, title, code=None, where=SEOUL, **kw) -> PostingDoc:
    base = dict(id=pid, title=title, description=kw.pop("description", f"{title} 업무"), occupation_code=code,
                latitude=where[0], longitude=where[1], region="서울특별시", posted_on=date(2026, 11, 18),
                closes_on=date(2026, 12, 31), wage_min=2_800_000, wage_max=3_000_000)
    base.update(kw)
    return PostingDoc(**base)


def welder(sid="S1", **kw) -> SeekerDoc:
    base = dict(id=sid, careers=[CareerItem("용접공", "CO2 용접기로 철판을 용접한다.", months=36)], education_rank=3,
                licences=["용접기능사"], latitude=SEOUL[0], longitude=SEOUL[1], region="서울특별시",
                max_commute_km=20, desired_monthly_wage=3_100_000, employment_types=["FULL_TIME"])
    base.update(kw)
    return SeekerDoc(**base)


def postings() -> list[PostingDoc]:
    return [
        posting("P-weld-near", "용접원", "7430", where=NEAR, required_licences=["용접기능사"]),
        posting("P-weld-home", "용접공", None, description="철판 용접 작업"),
        posting("P-weld-far", "용접원", "7430", where=FAR),
        posting("P-weld-part", "용접원", "7430", employment_type="PART_TIME"),
        posting("P-pipe", "배관공", "7431", required_licences=["배관기능사"]),
        posting("P-special1", "용접원", "7430", required_licences=["특수용접기능사"]),
        posting("P-special2", "용접원", "7430", required_licences=["특수용접기능사", "용접기능사"], where=NEAR),
        posting("P-elec", "전기공", "7020", required_licences=["전기기능사"]),
        posting("P-elec2", "전기원", "7020", required_licences=["전기기능사"], where=NEAR),
        posting("P-cook", "조리사", "4213", required_licences=["한식조리기능사"]),
        posting("P-dev", "프로그래머", "1332", wage_max=4_000_000),
        posting("P-closed", "용접원", "7430", closes_on=date(2026, 11, 1)),
    ]


@pytest.fixture
def kb():
    return tiny_kb()


@pytest.fixture
def engine(kb):
    return Recommender(knowledge_base=kb, today=TODAY).fit(postings())
