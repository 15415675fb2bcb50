"""A small hand-made knowledge base: fast, no data folder, no model weights."""

from __future__ import annotations

import json

import pytest

from jobcenter.matching.taxonomy_index import KnowledgeBase, Label, Occupation

WELDING = "7430"


def small_kb(scheme: str = "keco") -> KnowledgeBase:
    def occ(code, label, labels, descriptions=(), certifications=()):
        return Occupation(code=code, label=label, scheme=scheme,
                          labels=[Label(text, kind) for text, kind in labels],
                          descriptions=list(descriptions), certifications=list(certifications))

    return KnowledgeBase(scheme, [
        occ(WELDING, "용접원", [("용접원", "preferred"), ("특수용접원", "preferred"), ("용접기능공", "alias"),
                              ("CO2용접원", "alias"), ("welder", "alias"), ("배관용접원", "alias")],
            ["금속 부품을 전기 아크나 가스 불꽃으로 용접하여 접합한다."], ["용접기능사"]),
        occ("4213", "조리사", [("조리사", "preferred"), ("한식조리사", "preferred"), ("요리사", "alias"),
                              ("cook", "alias"), ("chef", "alias")],
            ["음식의 재료를 손질하고 조리하여 음식을 만든다."], ["한식조리기능사"]),
        occ("3040", "간호사", [("간호사", "preferred"), ("병동간호사", "alias"), ("nurse", "alias")],
            ["환자의 건강 상태를 살피고 치료를 돕는다."], ["간호사"]),
        occ("1332", "응용소프트웨어개발자", [("응용소프트웨어개발자", "preferred"), ("프로그래머", "alias"),
                                       ("software developer", "alias"), ("웹개발자", "alias")],
            ["컴퓨터 프로그램을 설계하고 코드를 작성한다."]),
        occ("8411", "자동차조립원", [("자동차조립원", "preferred"), ("자동차생산직", "alias")],
            ["자동차 부품을 조립 라인에서 조립한다."]),
    ], source="tests")


@pytest.fixture
def kb():
    return small_kb()


DICTIONARY_LINES = [
    {"dJobCd": "K000000001", "dJobCdSeq": "1", "dJobNm": "용접원", "workSum": "금속을 용접한다.",
     "doWork": "용접기를 조작한다.",
     "optionJobInfo": {"dJobECd": "7430", "dJobECdNm": "[7430]용접원", "similarNm": "용접기능공, 배관용접원, welder",
                       "certLic": "용접기능사"}},
    {"dJobCd": "K000000002", "dJobCdSeq": "1", "dJobNm": "특수용접원", "workSum": "특수 용접을 한다.",
     "optionJobInfo": {"dJobECd": "7430", "dJobECdNm": "[7430]용접원", "connectJob": "수중용접원 등"}},
    {"dJobCd": "K000000003", "dJobCdSeq": "1", "dJobNm": "한식조리사", "workSum": "한식을 조리한다.",
     "optionJobInfo": {"dJobECd": "4213", "dJobECdNm": "[4213]한식 조리사", "similarNm": "요리사, cook"}},
    {"dJobCd": "K000000004", "dJobCdSeq": "1", "dJobNm": "병동간호사", "workSum": "환자를 간호한다.",
     "optionJobInfo": {"dJobECd": "3040", "dJobECdNm": "[3040]간호사", "similarNm": "nurse"}},
]


@pytest.fixture
def data_dir(tmp_path):
    """A miniature shared-data folder: a four-job Work24 dictionary and a three-occupation ESCO file."""
    folder = tmp_path / "data"
    (folder / "work24_job_dictionary").mkdir(parents=True)
    with open(folder / "work24_job_dictionary" / "job_dictionary.jsonl", "w", encoding="utf-8") as handle:
        for line in DICTIONARY_LINES:
            handle.write(json.dumps(line, ensure_ascii=False) + "\n")
    (folder / "esco").mkdir()
    (folder / "esco" / "occupations.csv").write_text(
        "ORIGINURI,ISCOGROUPCODE,CODE,PREFERREDLABEL,ALTLABELS,DESCRIPTION,REGULATEDPROFESSIONNOTE\n"
        'http://data.europa.eu/esco/occupation/w1,7212,7212.1,welder,"welding operator\nmig welder",'
        "Welders join metal parts.,\n"
        'http://data.europa.eu/esco/occupation/c1,5120,5120.1,cook,"line cook\nkitchen cook",Cooks prepare food.,\n'
        'http://data.europa.eu/esco/occupation/n1,2221,2221.1,specialist nurse,"nurse\nward nurse",'
        "Nurses care for patients.,\n",
        encoding="utf-8")
    return folder
