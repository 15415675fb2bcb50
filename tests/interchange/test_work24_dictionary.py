from __future__ import annotations

import json

import pytest

from jobcenter.interchange.errors import FormatError
from jobcenter.interchange.work24_dictionary import (
    DictionaryJobRecord,
    parse_dictionary,
    parse_dictionary_job,
    parse_dictionary_list_xml,
    parse_dictionary_xml,
)
from jobcenter.interchange.xmlio import Work24ApiError

JOB = {
    "dJobCd": "K000007264", "dJobCdSeq": "1", "dJobNm": "공공기관임원",
    "workSum": "정부 산하 단체의 정책 수행을 기획한다.", "doWork": "공공기관의 사업을 기획하고 총괄한다.",
    "optionJobInfo": {
        "eduLevel": "14년 초과 ~ 16년 이하(대졸 정도)", "skillYear": "10년 초과", "workStrong": "아주 가벼운 작업",
        "workPlace": "실내", "similarNm": "사장, 대표이사, ,CEO(Chief Executive Officer)",
        "connectJob": "건강보험심사평가원장, 국민연금공단이사장 등", "certLic": "대기환경기사·산업기사, 수질환경기사",
        "dJobECd": "0111", "dJobECdNm": "[0111]의회의원·고위공무원 및 공공단체임원",
        "dJobJCd": "1110", "dJobJCdNm": "[1110]의회 의원·고위 공무원 및 공공단체 임원",
        "dJobICd": "C211/M701", "dJobICdNm": "[C211]기초 의약물질 제조업 / [M701]자연과학 연구개발업",
        "inqYear": "2021", "etc": "자격/면허 추가",
    },
}


def job(**info) -> dict:
    obj = json.loads(json.dumps(JOB))
    obj["optionJobInfo"].update(info)
    return obj


def test_one_job_with_every_field():
    assert parse_dictionary_job(JOB) == DictionaryJobRecord(
        job_code="K000007264", seq="1", name="공공기관임원", summary="정부 산하 단체의 정책 수행을 기획한다.",
        duties="공공기관의 사업을 기획하고 총괄한다.", keco_code="0111", keco_name="의회의원·고위공무원 및 공공단체임원",
        ksco_code="1110", ksco_name="의회 의원·고위 공무원 및 공공단체 임원", ksic_code="C211/M701",
        ksic_name="기초 의약물질 제조업 / 자연과학 연구개발업",
        similar_names=["사장", "대표이사", "CEO(Chief Executive Officer)"],
        related_jobs=["건강보험심사평가원장", "국민연금공단이사장"],
        certifications=["대기환경기사·산업기사", "수질환경기사"],
        education_level="14년 초과 ~ 16년 이하(대졸 정도)", skill_year="10년 초과", work_strength="아주 가벼운 작업",
        work_place="실내", inquiry_year=2021, note="자격/면허 추가")


def test_keco_code_must_have_four_digits():
    (error,) = parse_dictionary_job(job(dJobECd="111"), line=3)
    assert (error.line, error.key, error.field) == (3, "K000007264:1", "optionJobInfo.dJobECd")
    (error,) = parse_dictionary_job(job(dJobECd=None))
    assert error.message == "is required"
    bad = json.loads(json.dumps(JOB))
    del bad["dJobCdSeq"]
    (error,) = parse_dictionary_job(bad)
    assert (error.key, error.field, error.message) == ("K000007264", "dJobCdSeq", "is required")


def test_label_must_match_the_code():
    (error,) = parse_dictionary_job(job(dJobECdNm="[0112]다른 분류"))
    assert error.field == "optionJobInfo.dJobECdNm" and "[0112]" in error.message


def test_fixture_file_with_a_malformed_line_and_a_bad_record(fixtures):
    result = parse_dictionary(fixtures / "dictionary_sample.jsonl")
    assert [line for line, _ in result.records] == [1, 2, 3]
    assert [(e.line, e.key, e.field) for e in result.errors] == [
        (4, None, None), (5, "K000099999:1", "optionJobInfo.dJobECd")]


def test_not_utf8(tmp_path):
    path = tmp_path / "d.jsonl"
    path.write_bytes(json.dumps(JOB, ensure_ascii=False).encode("euc-kr"))
    with pytest.raises(FormatError, match=r"^file is not UTF-8 encoded \(byte 0x[0-9a-f]{2} at offset \d+\)$"):
        parse_dictionary(path)


def test_xml_detail_and_list(fixtures):
    (record,) = parse_dictionary_xml(fixtures / "work24_dictionary_detail.xml").values()
    assert (record.job_code, record.keco_code, record.related_jobs) == (
        "K000007264", "0111", ["공공기관고위임원", "국민연금공단이사장"])
    listing = parse_dictionary_list_xml(fixtures / "work24_dictionary_list.xml")
    assert listing.total == 2 and [item.name for item in listing.values()] == ["고위직공무원(일반)", "공공기관임원"]


def test_xml_errors(fixtures):
    with pytest.raises(Work24ApiError):
        parse_dictionary_xml(fixtures / "work24_error.xml")
    with pytest.raises(FormatError, match="malformed XML"):
        parse_dictionary_xml("<dJobsSum><dJobCd>K1</dJobsSum>")
