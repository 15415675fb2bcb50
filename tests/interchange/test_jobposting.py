from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jobcenter.interchange.errors import FormatError
from jobcenter.interchange.jobposting import PostingRecord, parse_posting, parse_postings, posting_to_jsonld
from jobcenter.interchange.values import EMPLOYMENT_TYPES, SALARY_UNITS

SAMPLE = json.loads(
    '{"@context": "https://schema.org", "@type": "JobPosting", "identifier": "P00000", "title": "선목원", '
    '"description": "선박 건조를 위하여 반목을 설치한다.", "occupationalCategory": "8173", "qualifications": null, '
    '"educationRequirements": null, "experienceRequirements": {"@type": "OccupationalExperienceRequirements", '
    '"monthsOfExperience": 24}, "employmentType": "PART_TIME", "datePosted": "2026-11-12", "validThrough": '
    '"2026-12-31", "hiringOrganization": {"@type": "Organization", "name": "부산 사업장 000"}, "jobLocation": '
    '{"@type": "Place", "address": {"@type": "PostalAddress", "addressRegion": "부산광역시", "addressLocality": '
    '"부산", "addressCountry": "KR"}, "geo": {"@type": "GeoCoordinates", "latitude": 35.1796, "longitude": '
    '129.0756}}, "baseSalary": {"@type": "MonetaryAmount", "currency": "KRW", "value": {"@type": '
    '"QuantitativeValue", "minValue": 2554000, "maxValue": 3254000, "unitText": "MONTH"}}}')


def posting(**changes) -> dict:
    obj = json.loads(json.dumps(SAMPLE))
    obj.update(changes)
    return obj


def errors_of(obj) -> list:
    result = parse_posting(obj, line=7)
    assert isinstance(result, list), result
    return result


def test_sample_line_parses_to_the_expected_record():
    record = parse_posting(SAMPLE)
    assert record == PostingRecord(
        identifier="P00000", title="선목원", description="선박 건조를 위하여 반목을 설치한다.",
        date_posted=date(2026, 11, 12), valid_through=date(2026, 12, 31), occupation_code="8173",
        occupation_scheme="KECO", qualifications=[], education=None, experience_months=24,
        employment_types=["PART_TIME"], organization_name="부산 사업장 000", address_region="부산광역시",
        address_locality="부산", latitude=35.1796, longitude=129.0756, salary_currency="KRW",
        salary_min=2554000, salary_max=3254000, salary_unit="MONTH")


def test_mixed_file_keeps_good_records_and_names_every_bad_one(fixtures):
    result = parse_postings(fixtures / "postings_mixed.jsonl")
    assert [line for line, _ in result.records] == [1, 3, 10]
    found = {(e.line, e.key, e.field) for e in result.errors}
    assert found == {
        (2, None, None),
        (4, "P00004", "employmentType"),
        (5, "P00005", "datePosted"),
        (6, "P00006", "baseSalary.value.minValue"),
        (7, "P00007", "baseSalary.value.maxValue"),
        (8, "P00008", "validThrough"),
    }
    messages = {e.line: e.message for e in result.errors}
    assert "malformed JSON" in messages[2]
    assert "unknown employment type 'SEASONAL'" in messages[4]
    assert "'2026-02-30' is not a real date" in messages[5]
    assert "must not be negative" in messages[6]
    assert "less than the minimum" in messages[7]
    assert "before the posting date" in messages[8]


def test_rich_variants_are_understood(fixtures):
    record = parse_postings(fixtures / "postings_mixed.jsonl").records[-1][1]
    assert record.identifier == "K151612506300001"
    assert (record.occupation_code, record.occupation_scheme) == ("851101", "WORK24")
    assert record.qualifications == ["품질경영기사", "품질경영산업기사"]
    assert record.education == "high school"
    assert record.employment_types == ["FULL_TIME"]
    assert record.date_posted == date(2025, 6, 30) and record.valid_through == date(2025, 7, 31)
    assert (record.salary_min, record.salary_max, record.salary_unit) == (2500000, 2500000, "MONTH")
    assert (record.organization_id, record.postal_code, record.openings) == ("1234567890", "18469", 2)
    assert record.direct_apply is True and record.work_hours == "09:00-18:00"


def test_qualifications_split_on_commas_not_on_the_middle_dot():
    record = parse_posting(posting(qualifications="전기기능사, 전기산업기사，항공전기·전자정비기능사"))
    assert record.qualifications == ["전기기능사", "전기산업기사", "항공전기·전자정비기능사"]


def test_prefixed_occupation_code_and_category_code():
    assert parse_posting(posting(occupationalCategory="KECO:8173")).occupation_code == "8173"
    record = parse_posting(posting(occupationalCategory={"@type": "CategoryCode", "codeValue": "8173",
                                                         "inCodeSet": {"@type": "CategoryCodeSet", "name": "KECO"}}))
    assert (record.occupation_code, record.occupation_scheme) == ("8173", "KECO")


def test_keco_codes_have_four_digits():
    (error,) = errors_of(posting(occupationalCategory="81730"))
    assert error.field == "occupationalCategory" and "4 digits" in error.message


def test_all_field_errors_of_one_record_are_reported():
    errors = errors_of(posting(title=None, employmentType=["FULL_TIME", "GIG"], datePosted="2026-13-01",
                               jobLocation={"geo": {"latitude": 135.0, "longitude": 200}},
                               totalJobOpenings=0, url="ftp://x"))
    fields = {e.field for e in errors}
    assert fields == {"title", "employmentType", "datePosted", "jobLocation.geo.latitude",
                      "jobLocation.geo.longitude", "totalJobOpenings", "url"}
    assert all(e.line == 7 and e.key == "P00000" for e in errors)


def test_inverted_and_negative_wages():
    salary = {"@type": "MonetaryAmount", "currency": "KRW",
              "value": {"@type": "QuantitativeValue", "minValue": 300, "maxValue": 200, "unitText": "HOUR"}}
    (error,) = errors_of(posting(baseSalary=salary))
    assert error.field == "baseSalary.value.maxValue"
    salary["value"] = -5
    (error,) = errors_of(posting(baseSalary=salary))
    assert error.field == "baseSalary.value.value" and "negative" in error.message


def test_salary_unit_must_be_known():
    salary = {"currency": "KRW", "value": {"value": 10000, "unitText": "FORTNIGHT"}}
    (error,) = errors_of(posting(baseSalary=salary))
    assert error.field == "baseSalary.value.unitText"


def test_datetime_values_are_read_as_korean_dates():
    record = parse_posting(posting(datePosted="2026-11-11T16:00:00Z", validThrough="2026-12-31T23:59:59+09:00"))
    assert record.date_posted == date(2026, 11, 12) and record.valid_through == date(2026, 12, 31)


def test_missing_required_fields_and_non_objects():
    errors = errors_of({"@type": "JobPosting"})
    assert {e.field for e in errors} == {"identifier", "title", "datePosted"}
    (error,) = errors_of([1, 2])
    assert "expected a JSON object" in error.message
    (error,) = errors_of(posting(**{"@type": "Event"}))
    assert error.field == "@type"


def test_foreign_country_is_rejected():
    location = {"address": {"addressRegion": "Tokyo", "addressCountry": "JP"}}
    (error,) = errors_of(posting(jobLocation=location))
    assert error.field == "jobLocation.address.addressCountry"


def test_duplicate_identifiers_are_reported(tmp_path):
    line = json.dumps(SAMPLE, ensure_ascii=False)
    result = parse_postings(f"{line}\n{line}\n")
    assert len(result.records) == 1
    (error,) = result.errors
    assert (error.line, error.key) == (2, "P00000") and "duplicate" in error.message


def test_non_utf8_file_gives_one_clear_error(fixtures):
    with pytest.raises(FormatError) as info:
        parse_postings(fixtures / "postings_cp949.jsonl")
    assert str(info.value) == "file is not UTF-8 encoded (byte 0xbc at offset 92)"
    assert info.value.__cause__ is None and info.value.__suppress_context__


def test_jsonld_output_shape():
    record = replace(parse_posting(SAMPLE), qualifications=["전기기능사", "전기산업기사"], organization_id="1234567890")
    out = posting_to_jsonld(record)
    assert out["@context"] == "https://schema.org" and out["@type"] == "JobPosting"
    assert out["validThrough"] == "2026-12-31T23:59:59+09:00"
    assert out["occupationalCategory"] == "8173"
    assert out["qualifications"] == "전기기능사, 전기산업기사"
    assert out["experienceRequirements"] == {"@type": "OccupationalExperienceRequirements", "monthsOfExperience": 24}
    assert out["jobLocation"]["address"]["addressCountry"] == "KR"
    assert out["jobLocation"]["geo"] == {"@type": "GeoCoordinates", "latitude": 35.1796, "longitude": 129.0756}
    assert out["baseSalary"] == {"@type": "MonetaryAmount", "currency": "KRW", "value": {
        "@type": "QuantitativeValue", "minValue": 2554000, "maxValue": 3254000, "unitText": "MONTH"}}
    assert out["hiringOrganization"] == {"@type": "Organization", "name": "부산 사업장 000", "identifier": "1234567890"}
    assert "educationRequirements" not in posting_to_jsonld(replace(record, qualifications=[]))
    assert "qualifications" not in posting_to_jsonld(replace(record, qualifications=[]))
    json.dumps(out)  # plain JSON


def test_round_trip_of_the_fixture_records(fixtures):
    for _, record in parse_postings(fixtures / "postings_mixed.jsonl").records:
        assert parse_posting(posting_to_jsonld(record)) == record


# -- hypothesis: parse_posting(posting_to_jsonld(r)) == r for valid records ---------------

_text = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=20).map(str.strip).filter(bool)
_name = _text.filter(lambda s: not any(c in s for c in ",，、"))
_dates = st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 1))
_opt = lambda strategy: st.none() | strategy  # noqa: E731


@st.composite
def postings(draw) -> PostingRecord:
    posted = draw(_dates)
    closing = draw(_opt(st.dates(min_value=posted, max_value=date(2100, 1, 1))))
    low = draw(_opt(st.integers(0, 10**9)))
    high = draw(_opt(st.integers(low or 0, 10**9)))
    has_geo = draw(st.booleans())
    scheme = draw(st.sampled_from(["KECO", "WORK24", "ISCO"]))
    code = draw(_opt(st.from_regex(r"[0-9]{4}", fullmatch=True) if scheme == "KECO"
                     else st.from_regex(r"[0-9A-Z]{2,8}", fullmatch=True)))
    return PostingRecord(
        identifier=draw(_text), title=draw(_text), date_posted=posted, description=draw(st.just("") | _text),
        valid_through=closing, occupation_code=code, occupation_scheme=scheme if code else "KECO",
        qualifications=draw(st.lists(_name, max_size=3)), education=draw(_opt(_text)),
        experience_months=draw(_opt(st.integers(0, 600))),
        employment_types=draw(st.lists(st.sampled_from(EMPLOYMENT_TYPES), unique=True, max_size=3)),
        organization_name=draw(_opt(_text)), organization_id=draw(_opt(st.from_regex(r"[0-9]{10}", fullmatch=True))),
        address_region=draw(_opt(_text)), address_locality=draw(_opt(_text)), street_address=draw(_opt(_text)),
        postal_code=draw(_opt(st.from_regex(r"[0-9]{5}", fullmatch=True))),
        latitude=draw(st.floats(-90, 90)) if has_geo else None,
        longitude=draw(st.floats(-180, 180)) if has_geo else None,
        salary_currency=draw(st.sampled_from(["KRW", "USD"])), salary_min=low, salary_max=high,
        salary_unit=draw(_opt(st.sampled_from(SALARY_UNITS))), work_hours=draw(_opt(_text)),
        openings=draw(_opt(st.integers(1, 1000))), url=draw(_opt(st.just("https://www.work24.go.kr/x?a=1"))),
        direct_apply=draw(_opt(st.booleans())),
    )


@settings(max_examples=300, deadline=None)
@given(postings())
def test_round_trip_property(record):
    assert parse_posting(json.loads(json.dumps(posting_to_jsonld(record)))) == record


@pytest.mark.parametrize("value", ["8173", "KECO:8173", "keco: 8173"])
def test_plain_code_forms(value):
    assert parse_posting(posting(occupationalCategory=value)).occupation_code == "8173"
