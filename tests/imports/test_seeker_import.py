from __future__ import annotations

import json

from jobcenter.seekers.models import SeekerProfile
from tests.conftest import requires_shared_data, shared_data_dir


def _seeker(identifier="S1", **overrides):
    doc = {
        "id": identifier,
        "basics": {"name": "홍길동", "email": "hong@example.kr",
                   "location": {"region": "경기도", "city": "수원시", "countryCode": "KR"}},
        "work": [{"name": "한빛정밀", "position": "용접공", "startDate": "2020-03-01", "endDate": "2024-05-31",
                  "summary": "배관 용접"}],
        "education": [{"studyType": "고등학교 졸업", "institution": "수원공업고등학교"}],
        "certificates": [{"name": "용접기능사", "date": "2019-11-02"}],
        "x-jobcenter": {"desiredOccupations": ["용접원"], "region": {"addressRegion": "경기도", "addressLocality": "수원시",
                                                               "latitude": 37.2636, "longitude": 127.0286},
                        "maxCommuteKm": 20, "desiredMonthlyWage": 3000000, "employmentTypes": ["FULL_TIME"],
                        "training": [{"name": "특수용접 실무과정", "provider": "한국폴리텍대학", "startDate": "2019-06-01",
                                      "endDate": "2019-09-30", "completed": True}]},
    }
    doc.update(overrides)
    return doc


def _write(tmp_path, docs):
    path = tmp_path / "seekers.jsonl"
    path.write_text("\n".join(json.dumps(d, ensure_ascii=False) if not isinstance(d, str) else d for d in docs) + "\n",
                    encoding="utf-8")
    return path


def test_a_seeker_is_imported_with_careers_normalised_and_free_text_kept(reference_data, tmp_path):
    from jobcenter.seekers.imports import seekers_import_jsonresume

    report = seekers_import_jsonresume(path=_write(tmp_path, [_seeker()]))
    assert report.rejected == [] and report.created == 1
    profile = SeekerProfile.objects.get(source_key="S1")
    work = profile.work_experiences.get()
    assert work.title == "용접공" and work.occupation is not None and work.occupation.code == "8241"
    assert profile.certificates.get().certification.name == "용접기능사"
    assert profile.educations.get().level.code == "HIGH_SCHOOL"
    assert profile.training_records.get().completed is True
    assert profile.home_region.name == "수원시"
    assert profile.preference.max_commute_km == 20 and profile.preference.employment_types == ["FULL_TIME"]


def test_reimport_replaces_without_duplicating_and_round_trips(reference_data, tmp_path):
    from jobcenter.interchange.jsonresume import parse_seeker
    from jobcenter.seekers.exports import seeker_to_record
    from jobcenter.seekers.imports import seekers_import_jsonresume

    path = _write(tmp_path, [_seeker()])
    seekers_import_jsonresume(path=path)
    again = seekers_import_jsonresume(path=path)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 1)
    profile = SeekerProfile.objects.get(source_key="S1")
    assert profile.work_experiences.count() == 1 and profile.certificates.count() == 1

    exported = seeker_to_record(profile)
    original = parse_seeker(_seeker())
    for name in ["identifier", "name", "email", "region", "city", "education", "certificates", "training",
                 "desired_occupations", "pref_region", "pref_locality", "pref_latitude", "pref_longitude",
                 "max_commute_km", "desired_wage", "desired_wage_unit", "employment_types"]:
        assert getattr(exported, name) == getattr(original, name), name
    assert [(w.employer, w.position, w.start_date, w.end_date, w.summary) for w in exported.work] == [
        (w.employer, w.position, w.start_date, w.end_date, w.summary) for w in original.work]


def test_resident_registration_number_is_refused_and_nothing_is_stored(reference_data, tmp_path):
    from jobcenter.seekers.imports import seekers_import_jsonresume

    bad = _seeker("S2")
    bad["basics"]["summary"] = "주민번호 900101-1234567"
    report = seekers_import_jsonresume(path=_write(tmp_path, [_seeker("S1"), bad]))
    assert report.created == 1 and len(report.rejected) == 1
    assert report.rejected[0]["key"] == "S2"
    assert not SeekerProfile.objects.filter(source_key="S2").exists()
    assert "900101" not in json.dumps(report.rejected, ensure_ascii=False)


@requires_shared_data
def test_benchmark_seekers_round_trip_through_the_model(db):
    from jobcenter.interchange.jsonresume import parse_seekers
    from jobcenter.seekers.exports import seeker_to_record
    from jobcenter.seekers.imports import seekers_import_jsonresume
    from jobcenter.taxonomy.services import reference_load_builtin

    reference_load_builtin()
    source = shared_data_dir() / "benchmarks" / "recommend_dev" / "seekers.jsonl"
    report = seekers_import_jsonresume(path=source)
    assert report.rejected == [] and report.created == 1000
    originals = {r.identifier: r for _, r in parse_seekers(source).records}
    profiles = SeekerProfile.objects.select_related("home_region__parent", "preference").prefetch_related(
        "work_experiences__occupation", "educations__level", "certificates", "training_records")
    for profile in profiles:
        exported = seeker_to_record(profile)
        original = originals[exported.identifier]
        for name in ["name", "region", "city", "education", "certificates", "desired_occupations", "pref_region",
                     "pref_locality", "pref_latitude", "pref_longitude", "max_commute_km", "desired_wage",
                     "employment_types"]:
            assert getattr(exported, name) == getattr(original, name), (exported.identifier, name)
        assert [(w.employer, w.position, w.start_date, w.end_date, w.summary) for w in exported.work] == [
            (w.employer, w.position, w.start_date, w.end_date, w.summary) for w in original.work]
