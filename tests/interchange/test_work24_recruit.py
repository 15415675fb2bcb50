from __future__ import annotations

from datetime import date

import pytest

from jobcenter.interchange.errors import FormatError
from jobcenter.interchange.jobposting import parse_posting, posting_to_jsonld
from jobcenter.interchange.work24_recruit import (
    Work24ApiError,
    parse_recruit_detail,
    parse_recruit_item,
    parse_recruit_list,
    parse_wage_text,
    parse_work24_date,
)


def test_list_response(fixtures):
    result = parse_recruit_list(fixtures / "work24_recruit_list.xml")
    assert (result.total, result.start_page, result.display) == (3, 1, 10)
    assert result.errors == [] and [line for line, _ in result.records] == [1, 2, 3]
    first, second, third = result.values()

    assert first.identifier == "K151612506300001" and first.title == "품질관리(QC) 사원 모집"
    assert (first.date_posted, first.valid_through) == (date(2025, 6, 30), date(2025, 7, 31))
    assert (first.organization_name, first.organization_id) == ("가람정밀(주)", "1234567890")
    assert (first.occupation_code, first.occupation_scheme) == ("851101", "WORK24")
    assert (first.salary_min, first.salary_max, first.salary_unit) == (2500000, 3000000, "MONTH")
    assert (first.address_region, first.address_locality, first.postal_code) == ("경기도", "화성시", "18469")
    assert first.street_address == "경기도 화성시 삼성1로 100 2동"
    assert first.employment_types == ["FULL_TIME"] and first.experience_months == 0
    assert first.url.startswith("https://www.work24.go.kr/wk/a/b/1500/empDetailAuthView.do?wantedAuthNo=K1516")

    assert second.organization_name == "워터매니지먼트 & 파트너스"
    assert (second.salary_min, second.salary_max, second.salary_unit) == (36000000, None, "YEAR")
    assert second.employment_types == ["FULL_TIME", "TEMPORARY"] and second.experience_months == 24
    assert second.address_region == "대구광역시" and second.valid_through == date(2025, 7, 15)

    assert third.valid_through is None  # 채용시까지
    assert (third.salary_min, third.salary_max, third.salary_unit) == (10030, 12000, "HOUR")  # minSal/maxSal
    assert third.employment_types == ["PART_TIME"] and third.address_region == "전북특별자치도"
    assert third.date_posted == date(2025, 6, 28)


def test_list_records_are_valid_postings(fixtures):
    for record in parse_recruit_list(fixtures / "work24_recruit_list.xml").values():
        assert parse_posting(posting_to_jsonld(record)) == record


def test_items_with_a_bad_field(fixtures):
    result = parse_recruit_list(fixtures / "work24_recruit_list_bad_items.xml")
    assert [r.identifier for r in result.values()] == ["K100000000000001"]
    assert [(e.line, e.key, e.field) for e in result.errors] == [
        (2, "K100000000000002", "empTpCd"),
        (3, "K100000000000003", "regDt"),
        (4, "K100000000000004", "sal"),
    ]
    assert "unknown employment type code '99'" in result.errors[0].message
    assert "'25-02-30' is not a real date" in result.errors[1].message
    assert str(result.errors[2]).startswith("line 4 (K100000000000004) field 'sal': maximum wage")


def test_item_errors_name_the_field():
    item = {"wantedAuthNo": "K1", "title": "t", "regDt": "25-06-30", "salTpNm": "격주급", "minSal": "-5",
            "closeDt": "곧 마감", "wantedInfoUrl": "javascript:alert(1)"}
    errors = parse_recruit_item(item, line=9)
    assert {e.field for e in errors} == {"salTpNm", "minSal", "closeDt", "wantedInfoUrl"}
    assert all(e.line == 9 and e.key == "K1" for e in errors)
    errors = parse_recruit_item({"title": "t", "regDt": "25-06-30"})
    assert [(e.field, e.message) for e in errors] == [("wantedAuthNo", "is required")]


def test_closing_before_registration():
    (error,) = parse_recruit_item({"wantedAuthNo": "K1", "title": "t", "regDt": "2025-06-30", "closeDt": "25-06-01"})
    assert error.field == "closeDt" and "before the posting date" in error.message


def test_malformed_xml_is_a_format_error_with_the_parser_message(fixtures):
    with pytest.raises(FormatError, match=r"malformed XML: mismatched tag: line \d+, column \d+"):
        parse_recruit_list(fixtures / "work24_malformed.xml")


def test_error_response_is_a_clear_exception(fixtures):
    with pytest.raises(Work24ApiError) as info:
        parse_recruit_list(fixtures / "work24_error.xml")
    assert info.value.code == "006" and "인증키가 유효하지 않습니다" in str(info.value)
    with pytest.raises(Work24ApiError, match="인증키 오류"):
        parse_recruit_list("<error>인증키 오류</error>")
    with pytest.raises(Work24ApiError, match="잘못된 파라미터"):
        parse_recruit_list("<wantedRoot><error>잘못된 파라미터</error></wantedRoot>")


def test_unexpected_root_dtd_and_encoding():
    with pytest.raises(FormatError, match="unexpected XML root element <html>"):
        parse_recruit_list("<html><body>maintenance</body></html>")
    with pytest.raises(FormatError, match="DTD or entities"):
        parse_recruit_list('<!DOCTYPE r [<!ENTITY x "y">]><wantedRoot>&x;</wantedRoot>')
    with pytest.raises(FormatError, match="not UTF-8"):
        parse_recruit_list("<wantedRoot><total>0</total><title>한</title></wantedRoot>".encode("cp949"))
    with pytest.raises(FormatError, match="<total> is not a number"):
        parse_recruit_list("<wantedRoot><total>many</total></wantedRoot>")


def test_detail_merged_with_the_list_record(fixtures):
    listed = parse_recruit_list(fixtures / "work24_recruit_list.xml").values()[0]
    result = parse_recruit_detail(fixtures / "work24_recruit_detail.xml", wanted_auth_no=listed.identifier,
                                  listed=listed)
    assert result.errors == []
    (record,) = result.values()
    assert record.title == "품질관리(QC) 사원 모집 - 신입 가능"
    assert record.description.startswith("[주요업무]\n- 입고·출하 검사")
    assert record.date_posted == listed.date_posted and record.organization_id == "1234567890"
    assert record.valid_through == date(2025, 7, 31) and record.openings == 2
    assert record.qualifications == ["품질경영기사", "품질경영산업기사"]
    assert (record.salary_min, record.salary_max, record.salary_unit) == (2500000, 3000000, "MONTH")
    assert record.work_hours == "주 5일(월~금) 09:00~18:00"
    assert (record.postal_code, record.street_address) == ("18469", "경기도 화성시 삼성1로 100")
    assert parse_posting(posting_to_jsonld(record)) == record


def test_detail_without_the_list_record_explains_what_is_missing(fixtures):
    result = parse_recruit_detail(fixtures / "work24_recruit_detail.xml", wanted_auth_no="K151612506300001")
    (error,) = result.errors
    assert error.field == "regDt" and "listed=" in error.message and error.key == "K151612506300001"


def test_detail_without_wanted_info():
    with pytest.raises(FormatError, match="no <wantedInfo>"):
        parse_recruit_detail("<wantedDtl><corpInfo/></wantedDtl>")


@pytest.mark.parametrize("text, expected", [
    ("250만원 ~ 300만원", (2500000, 3000000, None)),
    ("월급 250만원 이상", (2500000, None, "MONTH")),
    ("연봉30,000,000원 이상 ~ 35,000,000원 이하,", (30000000, 35000000, "YEAR")),
    ("2,500,000원 이하", (None, 2500000, None)),
    ("시급 10,030원", (10030, 10030, "HOUR")),
    ("1억 2000만원 ~ 1억 5000만원", (120000000, 150000000, None)),
    ("회사내규에 따름", None),
    ("주 40시간", None),
])
def test_wage_text(text, expected):
    assert parse_wage_text(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("25-06-30", date(2025, 6, 30)), ("2025-06-30", date(2025, 6, 30)), ("20250630", date(2025, 6, 30)),
    ("채용시까지 25-07-31", date(2025, 7, 31)), ("채용시까지", None), ("202506301030", date(2025, 6, 30)),
])
def test_work24_dates(text, expected):
    assert parse_work24_date(text, open_ended_ok=True) == expected


def test_work24_date_errors():
    with pytest.raises(ValueError, match="not a real date"):
        parse_work24_date("26-02-30")
    with pytest.raises(ValueError, match="expected a date"):
        parse_work24_date("채용시까지")


def test_parse_recruit_xml_takes_either_response(fixtures):
    from jobcenter.interchange.work24_recruit import parse_recruit_xml

    listing = parse_recruit_xml(fixtures / "work24_recruit_list.xml")
    assert listing.total == 3 and len(listing.records) == 3
    errors = parse_recruit_xml(fixtures / "work24_recruit_detail.xml").errors
    assert {e.field for e in errors} == {"regDt", "wantedAuthNo"}
    detail = parse_recruit_xml(fixtures / "work24_recruit_detail.xml", wanted_auth_no="K151612506300001",
                               date_posted=date(2025, 6, 30))
    (record,) = detail.values()
    assert (record.identifier, record.date_posted) == ("K151612506300001", date(2025, 6, 30))
    assert record.organization_id is None and record.openings == 2
