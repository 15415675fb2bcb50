from __future__ import annotations

import pytest

from jobcenter.matching.taxonomy_index import from_reference, load_knowledge_base


def test_keco_knowledge_base_from_the_dictionary_file(data_dir):
    kb = load_knowledge_base("keco", data_dir=data_dir)
    by_code = kb.by_code()
    assert set(by_code) == {"7430", "4213", "3040"}
    welding = by_code["7430"]
    kinds = {label.text: label.kind for label in welding.labels}
    assert kinds["용접원"] == "preferred"
    assert kinds["특수용접원"] == "preferred"
    assert kinds["배관용접원"] == "alias"
    assert kinds["수중용접원"] == "related"
    assert welding.certifications == ["용접기능사"]
    assert any("금속을 용접한다" in text for text in welding.descriptions)
    assert by_code["4213"].label == "한식 조리사"


def test_esco_knowledge_base_from_the_csv(data_dir):
    kb = load_knowledge_base("esco", data_dir=data_dir)
    nurse = kb.by_code()["http://data.europa.eu/esco/occupation/n1"]
    assert nurse.label == "specialist nurse"
    assert nurse.isco == "2221"
    assert [(lab.text, lab.kind) for lab in nurse.labels] == [
        ("specialist nurse", "preferred"), ("nurse", "alias"), ("ward nurse", "alias")]


def test_built_in_reference_shape():
    kb = from_reference([
        {"code": "KECO:7430", "name_ko": "용접원", "name_en": "Welder", "aliases_ko": ["용접공"],
         "aliases_en": ["welding operator"], "certifications": ["용접기능사"], "isco": "7212"},
    ])
    welding = kb.occupations[0]
    assert welding.code == "7430" and welding.label == "용접원" and welding.isco == "7212"
    assert {lab.text for lab in welding.labels} == {"용접원", "Welder", "용접공", "welding operator"}
    assert from_reference([{"code": "7430", "name_ko": "용접원", "name_en": "Welder"}], "esco").occupations[0].label \
        == "Welder"


def test_falls_back_to_the_built_in_set_without_a_data_folder(tmp_path):
    kb = load_knowledge_base("keco", data_dir=tmp_path)
    assert kb.source == "jobcenter.taxonomy.reference"
    assert len(kb) > 0
    with pytest.raises(LookupError):
        load_knowledge_base("esco", data_dir=tmp_path)


def test_unknown_scheme():
    with pytest.raises(ValueError):
        load_knowledge_base("isco")
