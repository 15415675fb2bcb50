from __future__ import annotations

import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from jobcenter.jobs.models import JobPosting, PostingStatus
from tests.conftest import requires_shared_data, shared_data_dir


def _posting(identifier="X1", **overrides):
    doc = {
        "@context": "https://schema.org", "@type": "JobPosting", "identifier": identifier, "title": "용접원",
        "description": "배관 용접 작업", "occupationalCategory": "8241", "qualifications": "용접기능사",
        "educationRequirements": "high school",
        "experienceRequirements": {"@type": "OccupationalExperienceRequirements", "monthsOfExperience": 12},
        "employmentType": "FULL_TIME", "datePosted": "2026-11-20", "validThrough": "2099-12-31",
        "hiringOrganization": {"@type": "Organization", "name": "한빛정밀"},
        "jobLocation": {"@type": "Place", "address": {"@type": "PostalAddress", "addressRegion": "경상남도",
                                                      "addressLocality": "창원시", "addressCountry": "KR"},
                        "geo": {"@type": "GeoCoordinates", "latitude": 35.228, "longitude": 128.6811}},
        "baseSalary": {"@type": "MonetaryAmount", "currency": "KRW",
                       "value": {"@type": "QuantitativeValue", "minValue": 2800000, "maxValue": 3200000,
                                 "unitText": "MONTH"}},
    }
    doc.update(overrides)
    return doc


def _write(tmp_path, lines, name="postings.jsonl"):
    path = tmp_path / name
    path.write_text("\n".join(line if isinstance(line, str) else json.dumps(line, ensure_ascii=False)
                              for line in lines) + "\n", encoding="utf-8")
    return path


def test_a_posting_is_imported_with_its_codes_resolved(reference_data, tmp_path):
    from jobcenter.jobs.imports import postings_import_jsonld

    report = postings_import_jsonld(path=_write(tmp_path, [_posting()]))
    assert report.rejected == [] and report.created == 1
    p = JobPosting.objects.get(source="jsonld", source_key="X1")
    assert p.occupation.concept_id == "KECO:8241"
    assert [c.name for c in p.required_certifications.all()] == ["용접기능사"]
    assert p.education_level.code == "HIGH_SCHOOL"
    assert p.region.name == "창원시" and p.region.parent.name == "경상남도"
    assert (p.wage_min, p.wage_max, p.wage_unit) == (2800000, 3200000, "MONTH")
    assert p.status == PostingStatus.OPEN and p.status_history.count() == 1
    assert p.company.name == "한빛정밀"


def test_bad_records_are_reported_by_line_and_field_and_never_cost_their_neighbours(reference_data, tmp_path):
    from jobcenter.jobs.imports import postings_import_jsonld

    path = _write(tmp_path, [
        _posting("A"),
        "{this is not json",
        _posting("B", occupationalCategory="9999"),
        _posting("C", baseSalary={"@type": "MonetaryAmount", "currency": "KRW", "value": {
            "@type": "QuantitativeValue", "minValue": 3000000, "maxValue": 2000000, "unitText": "MONTH"}}),
        _posting("D", datePosted="2026-02-30"),
        _posting("E", employmentType="SOMETIMES"),
        _posting("F"),
    ])
    report = postings_import_jsonld(path=path)
    assert report.created == 2
    assert set(JobPosting.objects.values_list("source_key", flat=True)) == {"A", "F"}
    by_line = {r["line"]: r for r in report.rejected}
    assert set(by_line) == {2, 3, 4, 5, 6}
    assert by_line[3]["key"] == "B" and "9999" in by_line[3]["message"]
    assert by_line[4]["key"] == "C" and "salary" in (by_line[4]["field"] or "").lower() + by_line[4]["message"].lower() \
        or "baseSalary" in (by_line[4]["field"] or "")
    assert by_line[5]["field"] == "datePosted"
    assert by_line[6]["field"] == "employmentType"


def test_reimport_is_idempotent_and_a_failed_update_changes_nothing(reference_data, tmp_path):
    from jobcenter.jobs.imports import postings_import_jsonld

    postings_import_jsonld(path=_write(tmp_path, [_posting("A")]))
    again = postings_import_jsonld(path=_write(tmp_path, [_posting("A")]))
    assert (again.created, again.updated, again.unchanged) == (0, 0, 1)
    assert JobPosting.objects.filter(source_key="A").count() == 1

    # A corrected feed updates the posting in place...
    updated = postings_import_jsonld(path=_write(tmp_path, [_posting("A", title="특수용접원")]))
    assert updated.updated == 1 and JobPosting.objects.get(source_key="A").title == "특수용접원"
    # ...but a record that fails validation leaves the stored one exactly as it was.
    failed = postings_import_jsonld(path=_write(tmp_path, [_posting("A", title="바뀐제목", occupationalCategory="0000")]))
    assert len(failed.rejected) == 1
    assert JobPosting.objects.get(source_key="A").title == "특수용접원"


def test_expired_postings_are_imported_as_expired(reference_data, tmp_path):
    from jobcenter.jobs.imports import postings_import_jsonld

    postings_import_jsonld(path=_write(tmp_path, [_posting("OLD", datePosted="2020-01-01", validThrough="2020-02-01")]))
    assert JobPosting.objects.get(source_key="OLD").status == PostingStatus.EXPIRED


def test_import_command_reports_rejections_and_exits_non_zero(reference_data, tmp_path, capsys):
    path = _write(tmp_path, [_posting("A"), _posting("B", occupationalCategory="9999")])
    with pytest.raises(CommandError) as exc:
        call_command("import", "postings", str(path), "--no-progress")
    assert exc.value.returncode == 2
    out = capsys.readouterr()
    assert "1 created" in out.out
    assert "line 2 (B)" in out.err and "9999" in out.err
    assert JobPosting.objects.filter(source_key="A").exists()


def test_import_command_refuses_a_missing_file(reference_data):
    with pytest.raises(CommandError, match="no such file"):
        call_command("import", "postings", "/nonexistent/postings.jsonl")


@requires_shared_data
def test_benchmark_postings_round_trip_through_the_model(db):
    """Import recommend_dev/postings.jsonl on the full vocabulary, export it again: every field the model holds
    comes back as it went in."""
    from jobcenter.accounts.services import roles_sync
    from jobcenter.interchange.jobposting import parse_postings
    from jobcenter.jobs.imports import posting_to_record, postings_import_jsonld
    from jobcenter.taxonomy.services import reference_load_builtin, work24_dictionary_import

    roles_sync()
    reference_load_builtin()
    work24_dictionary_import(path=shared_data_dir() / "work24_job_dictionary" / "job_dictionary.jsonl")
    source = shared_data_dir() / "benchmarks" / "recommend_dev" / "postings.jsonl"
    report = postings_import_jsonld(path=source)
    assert report.rejected == [] and report.created == 3000

    originals = {r.identifier: r for _, r in parse_postings(source).records}
    postings = (JobPosting.objects.select_related("company", "occupation", "region__parent", "education_level")
                .prefetch_related("required_certifications"))
    compared = ["identifier", "title", "description", "qualifications", "education",
                "employment_types", "date_posted", "valid_through", "organization_name", "address_region",
                "address_locality", "latitude", "longitude", "salary_currency", "salary_min", "salary_max",
                "salary_unit"]
    for posting in postings:
        exported = posting_to_record(posting)
        original = originals[exported.identifier]
        for name in compared:
            assert getattr(exported, name) == getattr(original, name), (exported.identifier, name)
        assert exported.experience_months == (original.experience_months or 0)
        if original.occupation_code:
            assert exported.occupation_code == original.occupation_code

    again = postings_import_jsonld(path=source)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 3000)


FIXTURES = __import__("pathlib").Path(__file__).parents[1] / "interchange" / "fixtures"


def test_work24_recruit_xml_is_imported_and_bad_items_are_reported(reference_data):
    from jobcenter.jobs.imports import postings_import_work24_xml

    report = postings_import_work24_xml(path=FIXTURES / "work24_recruit_list.xml")
    assert report.rejected == [], report.rejected
    assert report.created == JobPosting.objects.filter(source="work24").count() >= 3
    qc = JobPosting.objects.get(source="work24", source_key="K151612506300001")
    assert (qc.wage_min, qc.wage_max, qc.wage_unit) == (2500000, 3000000, "MONTH")
    assert qc.region.name == "화성시" and qc.company.business_number is None or qc.company.name == "가람정밀(주)"
    # Importing the same response again changes nothing.
    again = postings_import_work24_xml(path=FIXTURES / "work24_recruit_list.xml")
    assert again.created == 0 and again.updated == 0

    bad = postings_import_work24_xml(path=FIXTURES / "work24_recruit_list_bad_items.xml")
    assert bad.rejected and all(r["key"] or r["line"] for r in bad.rejected)
    assert bad.created + len({r["key"] for r in bad.rejected}) >= 1


def test_malformed_xml_is_one_clear_error(reference_data):
    from jobcenter.interchange.errors import FormatError
    from jobcenter.jobs.imports import postings_import_work24_xml

    with pytest.raises(FormatError):
        postings_import_work24_xml(path=FIXTURES / "work24_malformed.xml")
    assert not JobPosting.objects.exists()


def test_live_work24_api_import_pages_through_a_recorded_response(reference_data):
    """The live client against a transport that replays the hand-written response: no network."""
    from jobcenter.jobs.imports import postings_import_work24_api

    body = (FIXTURES / "work24_recruit_list.xml").read_bytes()
    urls = []

    def transport(url: str) -> bytes:
        urls.append(url)
        return body

    report = postings_import_work24_api(auth_key="SECRET-KEY", pages=1, display=10, transport=transport)
    assert report.created >= 3 and report.rejected == []
    assert len(urls) == 1 and "callTp=L" in urls[0] and "display=10" in urls[0]


def test_export_command_writes_jsonld_lines_that_import_again(reference_data, tmp_path):
    from jobcenter.jobs.imports import postings_import_jsonld

    postings_import_jsonld(path=_write(tmp_path, [_posting("A"), _posting("B", title="특수용접원")]))
    out = tmp_path / "out.jsonl"
    call_command("export", "postings", "--output", str(out))
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["identifier"] for r in rows] == ["A", "B"] and rows[0]["@type"] == "JobPosting"
    assert rows[0]["validThrough"].endswith("T23:59:59+09:00")
    JobPosting.objects.all().delete()
    report = postings_import_jsonld(path=out)
    assert report.created == 2 and report.rejected == []
