from __future__ import annotations

import json
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jobcenter.interchange.jsonresume import (
    CertificateRecord,
    EducationRecord,
    SeekerRecord,
    TrainingRecord,
    WorkRecord,
    find_resident_numbers,
    parse_seeker,
    parse_seekers,
    seeker_to_jsonresume,
)
from jobcenter.interchange.values import EMPLOYMENT_TYPES, SALARY_UNITS

SAMPLE = json.loads(
    '{"id": "S00000", "basics": {"name": "구직자 00000", "location": {"region": "부산광역시", "city": "부산", '
    '"countryCode": "KR"}}, "work": [{"name": "고양시 소재 기업", "position": "CI디자이너", "startDate": '
    '"2022-03-17", "endDate": "2026-05-25", "summary": "기본디자인시스템을 제작한다."}], "education": '
    '[{"studyType": "전문대학 졸업"}], "certificates": [{"name": "펄프종이제조기능사"}], "x-jobcenter": '
    '{"desiredOccupations": [], "region": {"addressRegion": "부산광역시", "addressLocality": "부산", "latitude": '
    '35.1796, "longitude": 129.0756}, "maxCommuteKm": 15, "desiredMonthlyWage": 3120000, "employmentTypes": '
    '["FULL_TIME", "PART_TIME", "TEMPORARY"]}}')


def seeker(**extra) -> dict:
    obj = json.loads(json.dumps(SAMPLE))
    obj["x-jobcenter"].update(extra)
    return obj


def test_sample_line_parses_to_the_expected_record():
    assert parse_seeker(SAMPLE) == SeekerRecord(
        identifier="S00000", name="구직자 00000", region="부산광역시", city="부산",
        work=[WorkRecord(employer="고양시 소재 기업", position="CI디자이너", start_date=date(2022, 3, 17),
                         end_date=date(2026, 5, 25), summary="기본디자인시스템을 제작한다.")],
        education=[EducationRecord(study_type="전문대학 졸업")],
        certificates=[CertificateRecord(name="펄프종이제조기능사")],
        pref_region="부산광역시", pref_locality="부산", pref_latitude=35.1796, pref_longitude=129.0756,
        max_commute_km=15.0, desired_wage=3120000, desired_wage_unit="MONTH",
        employment_types=["FULL_TIME", "PART_TIME", "TEMPORARY"])


def test_mixed_file(fixtures):
    result = parse_seekers(fixtures / "seekers_mixed.jsonl")
    assert [line for line, _ in result.records] == [1, 7]
    found = {(e.line, e.key, e.field) for e in result.errors}
    assert found == {
        (2, None, None),
        (3, "S00003", "basics.summary"),
        (4, "S00004", "work[0].startDate"),
        (5, "S00005", "work[0].endDate"),
        (6, "S00006", "x-jobcenter.maxCommuteKm"),
        (6, "S00006", "x-jobcenter.desiredMonthlyWage"),
        (6, "S00006", "x-jobcenter.employmentTypes"),
    }
    rich = result.records[1][1]
    assert rich.work[1] == WorkRecord(employer="옛 회사", position="용접원", start_date=date(2015, 1, 1),
                                      end_date=date(2019, 6, 1), occupation_code="8231")
    assert rich.training == [TrainingRecord(name="특수용접 과정", provider="부산 폴리텍", start_date=date(2025, 3, 2),
                                            end_date=date(2025, 8, 29), completed=True)]
    assert (rich.desired_wage, rich.desired_wage_unit, rich.discoverable) == (12000, "HOUR", True)
    assert rich.available_from == date(2026, 12, 1) and rich.email == "seeker@example.org"


@pytest.mark.parametrize("where", [
    ("basics", "phone", "900101-1234567"),
    ("basics", "summary", "번호 9001012234567 입니다"),
    ("basics", "label", "900101 3234567"),
])
def test_resident_registration_number_is_rejected_without_echoing_it(where):
    obj = json.loads(json.dumps(SAMPLE))
    section, key, value = where
    obj[section][key] = value
    errors = parse_seeker(obj, line=4)
    assert isinstance(errors, list) and len(errors) == 1
    (error,) = errors
    assert error.field == f"{section}.{key}" and error.key == "S00000" and error.line == 4
    assert "resident registration number" in error.message
    assert "1234567" not in str(error) and "2234567" not in str(error) and "3234567" not in str(error)


def test_resident_number_anywhere_including_numbers_and_the_id():
    obj = json.loads(json.dumps(SAMPLE))
    obj["work"][0]["x-note"] = 9001011234567
    obj["x-jobcenter"]["training"] = [{"name": "과정", "provider": "850505-2345678"}]
    assert find_resident_numbers(obj) == ["work[0].x-note", "x-jobcenter.training[0].provider"]
    obj = json.loads(json.dumps(SAMPLE))
    obj["id"] = "900101-1234567"
    (error,) = parse_seeker(obj)
    assert error.key is None and error.field == "id"


def test_phone_numbers_and_dates_are_not_resident_numbers():
    obj = seeker()
    obj["basics"]["phone"] = "010-1234-5678"
    obj["basics"]["summary"] = "2019-2023, 사업자 123-45-67890"
    assert isinstance(parse_seeker(obj), SeekerRecord)


def test_partial_dates_and_their_order():
    obj = json.loads(json.dumps(SAMPLE))
    obj["work"][0].update(startDate="2020-05", endDate="2020")  # same year: not before
    record = parse_seeker(obj)
    assert record.work[0].start_date == date(2020, 5, 1) and record.work[0].end_date == date(2020, 1, 1)
    obj["work"][0].update(startDate="2020-05-10", endDate="2020-04")
    (error,) = parse_seeker(obj)
    assert error.field == "work[0].endDate" and "2020-04 is before the start date 2020-05-10" in error.message


def test_wage_forms():
    record = parse_seeker(seeker(desiredMonthlyWage=None, desiredWage={"amount": 150000, "unit": "day"}))
    assert (record.desired_wage, record.desired_wage_unit) == (150000, "DAY")
    (error,) = parse_seeker(seeker(desiredWage={"amount": 1, "unit": "MONTH"}))
    assert error.field == "x-jobcenter.desiredWage" and "not both" in error.message
    (error,) = parse_seeker(seeker(desiredMonthlyWage=None, desiredWage={"amount": 1, "unit": "SEASON"}))
    assert error.field == "x-jobcenter.desiredWage.unit"


def test_field_type_errors():
    obj = seeker(region={"latitude": 95, "longitude": 127}, availableFrom="2026-02-30", discoverable="maybe")
    obj["basics"]["email"] = "not-an-email"
    obj["work"] = [{"name": "회사"}, "oops"]
    errors = parse_seeker(obj)
    assert {e.field for e in errors} == {"x-jobcenter.region.latitude", "x-jobcenter.availableFrom",
                                         "x-jobcenter.discoverable", "basics.email", "work[1]"}


def test_missing_id_and_not_an_object():
    obj = json.loads(json.dumps(SAMPLE))
    del obj["id"]
    (error,) = parse_seeker(obj)
    assert error.field == "id" and error.message == "is required"
    (error,) = parse_seeker("S1")
    assert "expected a JSON object" in error.message


def test_writer_uses_desired_monthly_wage_and_round_trips(fixtures):
    result = parse_seekers(fixtures / "seekers_mixed.jsonl")
    for _, record in result.records:
        document = seeker_to_jsonresume(record)
        assert parse_seeker(json.loads(json.dumps(document))) == record
    plain = seeker_to_jsonresume(result.records[0][1])
    assert plain["x-jobcenter"]["desiredMonthlyWage"] == 3120000 and "desiredWage" not in plain["x-jobcenter"]
    assert plain["basics"]["location"] == {"region": "부산광역시", "city": "부산", "countryCode": "KR"}
    hourly = seeker_to_jsonresume(result.records[1][1])
    assert hourly["x-jobcenter"]["desiredWage"] == {"amount": 12000, "unit": "HOUR"}


_text = st.text(st.characters(blacklist_categories=("Cs", "Cc", "Nd")), min_size=1, max_size=12) \
    .map(str.strip).filter(bool)
_opt = lambda strategy: st.none() | strategy  # noqa: E731
_day = st.dates(min_value=date(1950, 1, 1), max_value=date(2090, 1, 1))


@st.composite
def seekers(draw) -> SeekerRecord:
    start = draw(_opt(_day))
    end = draw(_opt(st.dates(min_value=start, max_value=date(2099, 1, 1)) if start else _day))
    geo = draw(st.booleans())
    return SeekerRecord(
        identifier=draw(_text), name=draw(_opt(_text)), region=draw(_opt(_text)), city=draw(_opt(_text)),
        work=draw(st.lists(st.builds(WorkRecord, employer=_opt(_text), position=_opt(_text), start_date=st.just(start),
                                     end_date=st.just(end), summary=_opt(_text), occupation_code=_opt(_text)),
                           max_size=2)),
        education=draw(st.lists(st.builds(EducationRecord, study_type=_opt(_text), institution=_opt(_text),
                                          area=_opt(_text), end_date=_opt(_day)), max_size=2)),
        certificates=draw(st.lists(st.builds(CertificateRecord, name=_text, date=_opt(_day), issuer=_opt(_text)),
                                   max_size=2)),
        training=draw(st.lists(st.builds(TrainingRecord, name=_text, provider=_opt(_text), start_date=st.just(start),
                                         end_date=st.just(end), completed=_opt(st.booleans())), max_size=2)),
        desired_occupations=draw(st.lists(_text, max_size=3)),
        pref_region=draw(_opt(_text)), pref_locality=draw(_opt(_text)),
        pref_latitude=draw(st.floats(-90, 90)) if geo else None,
        pref_longitude=draw(st.floats(-180, 180)) if geo else None,
        max_commute_km=draw(_opt(st.floats(0, 500))), desired_wage=draw(_opt(st.integers(0, 10**9))),
        desired_wage_unit=draw(st.sampled_from(SALARY_UNITS)),
        employment_types=draw(st.lists(st.sampled_from(EMPLOYMENT_TYPES), unique=True, max_size=3)),
        available_from=draw(_opt(_day)), discoverable=draw(st.booleans()),
    )


@settings(max_examples=200, deadline=None)
@given(seekers())
def test_round_trip_property(record):
    assert parse_seeker(json.loads(json.dumps(seeker_to_jsonresume(record)))) == record


def test_coordinates_are_not_mistaken_for_resident_numbers():
    record = parse_seeker(seeker(region={"latitude": "35.1796123456789", "longitude": 128.6419207542571}))
    assert isinstance(record, SeekerRecord) and record.pref_longitude == 128.6419207542571


def test_non_utf8_seekers_file(tmp_path):
    from jobcenter.interchange.errors import FormatError

    path = tmp_path / "s.jsonl"
    path.write_bytes(json.dumps(SAMPLE, ensure_ascii=False).encode("euc-kr"))
    with pytest.raises(FormatError, match="file is not UTF-8 encoded"):
        parse_seekers(path)
