from __future__ import annotations

import pytest

from jobcenter.taxonomy.models import (
    Certification,
    DictionaryJob,
    EducationLevel,
    Industry,
    Occupation,
    OccupationAlias,
    Region,
)
from tests.conftest import requires_shared_data, shared_data_dir


def test_builtin_reference_set_loads_a_usable_vocabulary(reference_data):
    assert reference_data.created > 0
    assert Region.objects.filter(level=Region.Level.PROVINCE).count() == 17
    assert Region.objects.filter(level=Region.Level.CITY).count() > 150
    assert Occupation.objects.filter(scheme="KECO", level="major").count() == 10
    assert Occupation.objects.filter(scheme="KECO", level="middle").count() == 35
    units = Occupation.objects.filter(scheme="KECO", level="unit")
    assert units.count() >= 30
    # Every unit hangs under minor → middle → major groups.
    for occ in units.select_related("parent__parent__parent"):
        assert occ.parent.level == "minor" and occ.parent.parent.level == "middle"
        assert occ.parent.parent.parent.level == "major" and occ.parent.parent.parent.parent is None
        assert occ.concept_id == f"KECO:{occ.code}"
    assert Certification.objects.count() >= 20
    assert EducationLevel.objects.count() >= 7
    assert Industry.objects.count() == 21
    welder = OccupationAlias.objects.filter(normalized="용접공").first()
    assert welder is not None and welder.occupation.certifications.exists()


def test_builtin_reference_set_is_idempotent(reference_data):
    from jobcenter.taxonomy.services import reference_load_builtin

    counts = (Occupation.objects.count(), OccupationAlias.objects.count(), Region.objects.count(),
              Certification.objects.count())
    again = reference_load_builtin()
    assert again.created == 0 and again.updated == 0
    assert (Occupation.objects.count(), OccupationAlias.objects.count(), Region.objects.count(),
            Certification.objects.count()) == counts


@requires_shared_data
def test_work24_dictionary_import_loads_every_job_under_its_keco_code(reference_data):
    from jobcenter.taxonomy.services import work24_dictionary_import

    path = shared_data_dir() / "work24_job_dictionary" / "job_dictionary.jsonl"
    report = work24_dictionary_import(path=path)
    assert report.rejected == []
    assert DictionaryJob.objects.count() == 6313
    assert DictionaryJob.objects.values("occupation").distinct().count() == 443
    occ = Occupation.objects.get(scheme="KECO", code="0111")
    assert occ.name == "의회의원·고위공무원 및 공공단체임원"
    assert occ.parent.code == "011" and occ.parent.parent.code == "01"
    assert OccupationAlias.objects.filter(occupation=occ, kind="job_name", label="고위직공무원(일반)").exists()
    # Licences named by the dictionary become certifications linked to their occupation.
    assert Certification.objects.filter(name="펄프종이제조기능사", occupations__scheme="KECO").exists()

    # The same file again is recognised and skipped; forced, it changes nothing.
    assert work24_dictionary_import(path=path).skipped_same_file
    aliases = OccupationAlias.objects.count()
    forced = work24_dictionary_import(path=path, force=True)
    assert forced.created == 0 and forced.updated == 0 and forced.unchanged == 6313
    assert OccupationAlias.objects.count() == aliases and DictionaryJob.objects.count() == 6313


@requires_shared_data
def test_esco_import_loads_every_occupation_with_its_isco_group(reference_data):
    from jobcenter.taxonomy.services import esco_import

    report = esco_import(directory=shared_data_dir() / "esco")
    assert report.rejected == []
    esco = Occupation.objects.filter(scheme="ESCO")
    assert esco.count() == 3007
    technical_director = esco.get(code="http://data.europa.eu/esco/occupation/00030d09-2b3a-4efd-87cc-c4ea39d27c34")
    assert technical_director.name == "technical director"
    assert technical_director.isco_code == "2654" and technical_director.parent.scheme == "ISCO"
    assert technical_director.aliases.filter(label="head of technical").exists()
    assert esco_import(directory=shared_data_dir() / "esco").skipped_same_file


def test_dictionary_import_reports_bad_records_and_keeps_good_ones(reference_data, tmp_path):
    from jobcenter.taxonomy.services import work24_dictionary_import

    good = ('{"dJobCd": "K1", "dJobCdSeq": "1", "dJobNm": "배관용접원", "workSum": "배관을 용접한다.", "doWork": "", '
            '"optionJobInfo": {"dJobECd": "8241", "dJobECdNm": "[8241]용접원", "eduLevel": "9년 초과 ~ 12년 이하(고졸 정도)", '
            '"skillYear": "1년 초과 ~ 2년 이하", "certLic": "용접기능사, 특수용접기능사", "similarNm": "파이프용접공"}}')
    bad = '{"dJobCd": "K2", "dJobNm": "이상한직업", "optionJobInfo": {"dJobECd": "12"}}'
    path = tmp_path / "dict.jsonl"
    path.write_text("\n".join([good, "{not json", bad]) + "\n", encoding="utf-8")
    report = work24_dictionary_import(path=path)
    assert report.created == 1
    lines = {r["line"] for r in report.rejected}
    assert lines == {2, 3}
    job = DictionaryJob.objects.get(job_code="K1")
    assert job.occupation.code == "8241" and job.skill_months == 24
    assert job.education_level.code == "HIGH_SCHOOL"
    assert OccupationAlias.objects.filter(occupation=job.occupation, label="파이프용접공", kind="similar").exists()


def test_import_of_a_file_that_is_not_utf8_is_refused_clearly(reference_data, tmp_path):
    from jobcenter.interchange.errors import FormatError
    from jobcenter.taxonomy.services import work24_dictionary_import

    path = tmp_path / "cp949.jsonl"
    path.write_bytes('{"dJobNm": "용접원"}'.encode("cp949"))
    with pytest.raises(FormatError, match="UTF-8"):
        work24_dictionary_import(path=path)
