"""The profile builder: training, preferences, certificate autocomplete, editing and deleting items, and the
JSON Resume import (errors per field, resident numbers refused, nothing lost or doubled on re-import)."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from jobcenter.seekers.models import Education, JobPreference, SeekerCertificate, TrainingRecord, WorkExperience
from jobcenter.seekers.services import certificate_add, work_experience_add

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"


RESUME = {
    "basics": {"name": "김민준", "email": "minjun@example.kr", "phone": "010-1234-5678",
               "location": {"region": "서울특별시", "city": "강남구"}},
    "work": [
        {"name": "한빛중공업", "position": "용접원", "startDate": "2018-03", "endDate": "2022-02",
         "summary": "CO2 용접"},
        {"name": "새솔", "position": "웹프로그래머", "startDate": "2022-03"},
    ],
    "education": [{"institution": "한국폴리텍대학", "area": "용접과", "studyType": "대졸", "endDate": "2018-02"}],
    "certificates": [{"name": "정보처리기사", "date": "2019-05-01"}, {"name": "지게차 운전 기능사(민간)"}],
    "x-jobcenter": {
        "desiredOccupations": ["용접원"],
        "maxCommuteKm": 25,
        "desiredMonthlyWage": 3200000,
        "employmentTypes": ["FULL_TIME"],
        "availableFrom": "2026-12-01",
        "discoverable": True,
        "training": [{"name": "특수용접 과정", "provider": "폴리텍", "startDate": "2023-01", "endDate": "2023-03",
                      "completed": True}],
    },
}


def upload(client, data, name="resume.json"):
    raw = data if isinstance(data, bytes) else json.dumps(data, ensure_ascii=False).encode("utf-8")
    return client.post(
        reverse("seeker-resume-import"), {"file": SimpleUploadedFile(name, raw, content_type="application/json")}
    )


# --------------------------------------------------------------------------------------------- training


def test_add_training(seeker_client, seeker):
    response = seeker_client.post(
        reverse("seeker-training-add"),
        {"training-course_name": "특수용접 과정", "training-provider": "폴리텍", "training-start_date": "2023-01-02",
         "training-end_date": "2023-03-31", "training-completed": "true"},
    )
    assert response.status_code == 302
    record = TrainingRecord.objects.get(seeker=seeker)
    assert (record.course_name, record.completed) == ("특수용접 과정", True)
    html = seeker_client.get(reverse("seeker-profile")).content.decode()
    assert "특수용접 과정" in html and "폴리텍" in html


def test_training_errors_next_to_fields_and_values_kept(seeker_client, seeker):
    response = seeker_client.post(
        reverse("seeker-training-add"),
        {"training-course_name": "", "training-provider": "폴리텍", "training-start_date": "2023-05-01",
         "training-end_date": "2023-01-01"},
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert 'id="id_training-course_name_error"' in html
    assert 'value="폴리텍"' in html
    response = seeker_client.post(
        reverse("seeker-training-add"),
        {"training-course_name": "과정", "training-start_date": "2023-05-01", "training-end_date": "2023-01-01"},
    )
    assert response.status_code == 400
    assert 'id="id_training-end_date_error"' in response.content.decode()
    assert not TrainingRecord.objects.exists()


# --------------------------------------------------------------------------------------------- preferences


def test_preferences_page_saves_everything(seeker_client, seeker, vocab):
    page = seeker_client.get(reverse("seeker-preferences"))
    html = page.content.decode()
    # Every field has a label; occupation boxes ask for suggestions.
    for field in ("desired_occupation_1", "regions", "max_commute_km", "desired_wage", "desired_wage_unit",
                  "available_from"):
        assert f'for="id_{field}"' in html, field
    assert 'hx-get="/occupations/suggest/"' in html
    assert "<legend" in html  # employment types are a fieldset of checkboxes
    response = seeker_client.post(
        reverse("seeker-preferences"),
        {"desired_occupation_1": "웹프로그래머", "desired_occupation_2": "드론 조종사", "desired_occupation_3": "",
         "regions": ["11", "11680"], "max_commute_km": "15", "desired_wage": "3000000",
         "desired_wage_unit": "MONTH", "employment_types": ["FULL_TIME", "PART_TIME"],
         "available_from": "2026-12-01"},
    )
    assert response.status_code == 302
    preference = JobPreference.objects.get(seeker=seeker)
    assert preference.desired_occupation_texts == ["웹프로그래머", "드론 조종사"]  # free text kept
    assert list(preference.desired_occupations.all()) == [vocab["web_dev"]]  # normalised where it names one
    assert {r.code for r in preference.regions.all()} == {"11", "11680"}
    assert (preference.max_commute_km, preference.desired_wage, preference.employment_types) == (
        15.0, 3_000_000, ["FULL_TIME", "PART_TIME"])
    assert preference.available_from == dt.date(2026, 12, 1)
    # The profile page shows them; the edit page shows the saved values again.
    profile_html = seeker_client.get(reverse("seeker-profile")).content.decode()
    assert "드론 조종사" in profile_html and "15 km" in profile_html
    again = seeker_client.get(reverse("seeker-preferences")).content.decode()
    assert 'value="드론 조종사"' in again and 'value="FULL_TIME" id="id_employment_types_0" checked' in again


def test_preferences_errors_keep_values(seeker_client, seeker):
    response = seeker_client.post(
        reverse("seeker-preferences"),
        {"desired_occupation_1": "용접원", "max_commute_km": "-3", "desired_wage": "abc", "desired_wage_unit": "MONTH"},
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert 'id="id_max_commute_km_error"' in html and 'id="id_desired_wage_error"' in html
    assert 'value="용접원"' in html
    assert 'role="alert"' in html


# --------------------------------------------------------------------------------------------- certificates


def test_certificate_field_asks_for_suggestions(seeker_client):
    html = seeker_client.get(reverse("seeker-profile")).content.decode()
    assert 'hx-get="/certifications/suggest/"' in html
    assert 'aria-controls="id_certificate-name-suggestions"' in html


def test_certification_suggestions_fragment(client, vocab):
    html = client.get(
        reverse("certification-suggest"), {"field": "certificate-name", "certificate-name": "정보처리",
                                           "target": "id_certificate-name"}
    ).content.decode()
    assert 'data-value="정보처리기사"' in html and 'data-target="id_certificate-name"' in html
    none = client.get(reverse("certification-suggest"), {"field": "q", "q": "없는자격"}).content.decode()
    assert "kept as written" in none
    assert client.get(reverse("certification-suggest"), {"field": "q", "q": ""}).content.decode().strip() == ""


def test_free_text_certificate_is_kept(seeker_client, seeker):
    seeker_client.post(reverse("seeker-certificate-add"), {"certificate-name": "드론 조종 자격(민간)"})
    certificate = SeekerCertificate.objects.get(seeker=seeker)
    assert (certificate.name, certificate.certification) == ("드론 조종 자격(민간)", None)


# --------------------------------------------------------------------------------------------- edit / delete


def test_edit_and_delete_a_job(seeker_client, seeker, vocab):
    job = work_experience_add(seeker=seeker, title="웹프로그래머", employer_name="한빛")
    url = reverse("seeker-item-edit", args=["experience", job.pk])
    page = seeker_client.get(url).content.decode()
    assert 'value="웹프로그래머"' in page and 'value="한빛"' in page
    response = seeker_client.post(url, {"title": "용접원", "employer_name": "한빛", "start_date": "2020-01-01"})
    assert response.status_code == 302
    job.refresh_from_db()
    assert (job.title, job.occupation) == ("용접원", vocab["welder"])
    bad = seeker_client.post(url, {"title": "용접원", "start_date": "2020-01-01", "end_date": "2019-01-01"})
    assert bad.status_code == 400 and 'id="id_end_date_error"' in bad.content.decode()
    response = seeker_client.post(reverse("seeker-item-delete", args=["experience", job.pk]))
    assert response.status_code == 302
    assert not WorkExperience.objects.filter(pk=job.pk).exists()


@pytest.mark.parametrize(
    ("kind", "make", "post", "check"),
    [
        ("certificate", lambda s: certificate_add(seeker=s, name="정보처리기사"),
         {"name": "정보처리산업기사"}, lambda i: i.name == "정보처리산업기사" and i.certification is None),
        ("education", lambda s: Education.objects.create(seeker=s, institution="한국대"),
         {"institution": "서울대", "major": "기계"}, lambda i: (i.institution, i.major) == ("서울대", "기계")),
        ("training", lambda s: TrainingRecord.objects.create(seeker=s, course_name="과정 A"),
         {"course_name": "과정 B", "completed": "false"}, lambda i: (i.course_name, i.completed) == ("과정 B", False)),
    ],
)
def test_edit_and_delete_other_items(seeker_client, seeker, vocab, kind, make, post, check):
    item = make(seeker)
    assert seeker_client.get(reverse("seeker-item-edit", args=[kind, item.pk])).status_code == 200
    assert seeker_client.post(reverse("seeker-item-edit", args=[kind, item.pk]), post).status_code == 302
    item.refresh_from_db()
    assert check(item)
    html = seeker_client.get(reverse("seeker-profile")).content.decode()
    assert reverse("seeker-item-delete", args=[kind, item.pk]) in html
    assert seeker_client.post(reverse("seeker-item-delete", args=[kind, item.pk])).status_code == 302
    assert not type(item).objects.filter(pk=item.pk).exists()


def test_another_persons_items_are_not_found(client, seeker, other_seeker, vocab):
    job = work_experience_add(seeker=other_seeker, title="용접원")
    client.force_login(seeker.user)
    assert client.get(reverse("seeker-item-edit", args=["experience", job.pk])).status_code == 404
    assert client.post(reverse("seeker-item-delete", args=["experience", job.pk])).status_code == 404
    assert client.get(reverse("seeker-item-edit", args=["nonsense", job.pk])).status_code == 404
    assert WorkExperience.objects.filter(pk=job.pk).exists()


def test_delete_needs_post(seeker_client, seeker):
    job = work_experience_add(seeker=seeker, title="용접원")
    assert seeker_client.get(reverse("seeker-item-delete", args=["experience", job.pk])).status_code == 405


# --------------------------------------------------------------------------------------------- import


def test_import_json_resume_merges_and_does_not_duplicate(seeker_client, seeker, vocab):
    certificate_add(seeker=seeker, name="정보처리기사")  # already entered by hand
    seeker.phone = "010-9999-0000"
    seeker.save()
    page = seeker_client.get(reverse("seeker-resume-import")).content.decode()
    assert 'for="id_file"' in page and 'enctype="multipart/form-data"' in page
    response = upload(seeker_client, RESUME)
    assert response.status_code == 302
    seeker.refresh_from_db()
    assert seeker.phone == "010-9999-0000"  # kept
    assert seeker.home_region == vocab["gangnam"]  # was empty, filled
    assert not seeker.discoverable  # consent is never changed by a file
    jobs = {w.title: w for w in seeker.work_experiences.all()}
    assert set(jobs) == {"용접원", "웹프로그래머"}
    assert jobs["용접원"].occupation == vocab["welder"] and jobs["용접원"].start_date == dt.date(2018, 3, 1)
    assert sorted(c.name for c in seeker.certificates.all()) == ["정보처리기사", "지게차 운전 기능사(민간)"]
    assert seeker.educations.get().level == vocab["bachelor"]
    assert seeker.training_records.get().completed is True
    preference = seeker.preference
    assert preference.desired_occupation_texts == ["용접원"] and preference.max_commute_km == 25
    assert (preference.desired_wage, preference.employment_types) == (3_200_000, ["FULL_TIME"])

    follow = seeker_client.get(reverse("seeker-profile")).content.decode()
    assert "Imported: 2 jobs, 1 schools, 1 certificates, 1 courses added; 1 already in your profile." in follow

    # The same file again adds nothing.
    assert upload(seeker_client, RESUME).status_code == 302
    assert (seeker.work_experiences.count(), seeker.certificates.count(), seeker.educations.count(),
            seeker.training_records.count()) == (2, 2, 1, 1)
    assert seeker.preference.desired_occupation_texts == ["용접원"]
    message = seeker_client.get(reverse("seeker-profile")).content.decode()
    assert "0 jobs, 0 schools, 0 certificates, 0 courses added; 6 already in your profile." in message


def test_import_refuses_resident_numbers_and_changes_nothing(seeker_client, seeker):
    data = json.loads(json.dumps(RESUME))
    data["work"][0]["summary"] = "주민번호 900101-1234567"
    response = upload(seeker_client, data)
    assert response.status_code == 400
    html = response.content.decode()
    assert "resident registration number" in html and "Job 1 · summary" in html
    assert "900101" not in html  # the number is never repeated back
    assert not seeker.work_experiences.exists()


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"{not json", "not valid JSON (line 1"),
        ("이력서".encode("euc-kr"), "not UTF-8"),
        (b"[1, 2]", "holds 2 résumés"),
        (b"\"text\"", "not a résumé"),
        (json.dumps({"work": [{"position": "용접원", "startDate": "2020-13"}],
                     "certificates": [{"issuer": "x"}]}).encode(), "Job 1 · start date"),
        (json.dumps({"basics": {"email": "not-an-email"}}).encode(), "Basic information · e-mail"),
        (json.dumps({"work": [{"name": "한빛"}]}).encode(), "Job 1 · position"),
    ],
)
def test_import_explains_bad_files(seeker_client, seeker, content, expected):
    response = upload(seeker_client, content)
    assert response.status_code == 400
    html = response.content.decode()
    assert expected in html, html[html.find("form-errors"):][:800]
    assert 'role="alert"' in html and 'id="id_file_error"' in html
    assert not seeker.work_experiences.exists()


def test_import_lists_every_field_error(seeker_client, seeker):
    data = {"work": [{"position": "용접원", "startDate": "2020-13"}], "certificates": [{"issuer": "x"}]}
    html = upload(seeker_client, data).content.decode()
    assert "Job 1 · start date" in html and "Certificate 1 · name" in html and "is required" in html


def test_import_without_a_file(seeker_client):
    response = seeker_client.post(reverse("seeker-resume-import"), {})
    assert response.status_code == 400
    assert 'id="id_file_error"' in response.content.decode()
