"""The profile builder in a real browser, keyboard first: a new seeker adds a job (occupation autocomplete), a
licence (certificate autocomplete), training and job preferences, imports a JSON Resume file (a bad one is
explained, a good one merged), and every page passes an axe-core scan in Korean and English. Then the employer's
company page and workplace form are scanned too. Screenshots: profile-builder.png and company.png."""

from __future__ import annotations

import json
import re

from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible, assert_accessible_in_both_languages

SEEKER_EMAIL = "seoyeon@example.kr"
EMPLOYER_EMAIL = "hr@hanbit-welding.example.kr"
PASSWORD = "welding-torch-2026"


def pick_with_keyboard(page, field: str, typed: str, name: str) -> None:
    """Type into an autocomplete box, Tab to the suggestion called ``name`` and press Enter."""
    box = page.locator(field)
    box.focus()
    box.fill("")
    page.keyboard.type(typed, delay=20)
    options = page.locator(f"{field}-suggestions .autocomplete__option")
    expect(options.first).to_be_visible()
    names = options.evaluate_all("els => els.map(e => e.dataset.value)")
    assert name in names, f"{name} not suggested for {typed}: {names}"
    for _ in range(names.index(name) + 1):
        page.keyboard.press("Tab")
    expect(options.nth(names.index(name))).to_be_focused()
    page.keyboard.press("Enter")
    expect(box).to_have_value(name)
    expect(box).to_be_focused()
    expect(options).to_have_count(0)


def open_details(page, summary_text: str) -> None:
    summary = page.locator("summary", has_text=summary_text)
    summary.focus()
    page.keyboard.press("Enter")


def _item_id(item) -> int:
    return int(item.get_attribute("id").removeprefix("rec-"))


def submit_with_enter(page, field: str) -> None:
    page.locator(field).focus()
    page.keyboard.press("Enter")
    page.wait_for_load_state("load")


def test_seeker_builds_a_profile_with_the_keyboard_and_imports_a_resume(portal_data, page, tmp_path):
    page.goto("/signup/seeker/")
    page.fill("#id_email", SEEKER_EMAIL)
    page.fill("#id_display_name", "이서연")
    page.fill("#id_password1", PASSWORD)
    page.fill("#id_password2", PASSWORD)
    submit_with_enter(page, "#id_password2")
    page.wait_for_url(re.compile(r"/me/"))
    if "/me/edit/" in page.url:
        page.select_option("#id_home_region", label="서울특별시")
        submit_with_enter(page, "#id_display_name")
    page.goto("/me/")

    # A job, with the occupation picked from the suggestions by keyboard.
    open_details(page, "경력 추가")
    pick_with_keyboard(page, "#id_experience-title", "용접", "용접원")
    page.fill("#id_experience-employer_name", "대한조선")
    page.fill("#id_experience-start_date", "2019-03-01")
    submit_with_enter(page, "#id_experience-employer_name")
    expect(page.locator("#experience-heading + ul")).to_contain_text("용접원")

    # A licence from the certification list, picked the same way.
    open_details(page, "자격증")
    pick_with_keyboard(page, "#id_certificate-name", "용접", "용접기능사")
    submit_with_enter(page, "#id_certificate-name")
    expect(page.locator("#certificates-heading + ul")).to_contain_text("용접기능사")

    # Training: an error first (no course name), shown next to the field with the other values kept.
    open_details(page, "훈련 이력 추가")
    page.fill("#id_training-provider", "한국폴리텍대학")
    submit_with_enter(page, "#id_training-provider")
    expect(page.locator("#id_training-course_name_error")).to_be_visible()
    expect(page.locator("#id_training-provider")).to_have_value("한국폴리텍대학")
    expect(page.locator("#id_training-course_name")).to_have_attribute("aria-invalid", "true")
    assert_accessible_in_both_languages(page, "profile with a training error")
    page.fill("#id_training-course_name", "특수용접 과정")
    page.select_option("#id_training-completed", "true")
    submit_with_enter(page, "#id_training-course_name")
    expect(page.locator("#training-heading + ul")).to_contain_text("특수용접 과정")

    # Preferences, all by keyboard.
    page.get_by_role("link", name="희망 근로 조건 수정").focus()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/me/preferences/"))
    assert_accessible_in_both_languages(page, "job preferences")
    pick_with_keyboard(page, "#id_desired_occupation_1", "용접", "용접원")
    page.locator("#id_desired_occupation_2").fill("배관공")  # not picked: kept as written
    page.select_option("#id_regions", ["11", "48"])
    page.fill("#id_max_commute_km", "20")
    page.fill("#id_desired_wage", "3200000")
    page.locator("#id_employment_types_0").focus()
    page.keyboard.press("Space")
    expect(page.locator("#id_employment_types_0")).to_be_checked()
    page.fill("#id_available_from", "2026-12-01")
    submit_with_enter(page, "#id_desired_wage")
    page.wait_for_url(re.compile(r"/me/$"))
    prefs = page.locator("#preferences-heading + dl")
    expect(prefs).to_contain_text("용접원")
    expect(prefs).to_contain_text("배관공")
    expect(prefs).to_contain_text("20 km")

    # Import: a file with a resident registration number is refused and says where.
    leaky = tmp_path / "leaky.json"
    leaky.write_text(json.dumps({"basics": {"name": "이서연", "summary": "x"},
                                 "work": [{"position": "용접원", "summary": "주민번호 900101-2345678"}]},
                                ensure_ascii=False), encoding="utf-8")
    page.goto("/me/import/")
    assert_accessible_in_both_languages(page, "JSON Resume import")
    page.set_input_files("#id_file", str(leaky))
    page.get_by_role("button", name="가져오기").press("Enter")
    page.wait_for_load_state("load")
    problems = page.locator("#import-problems")
    expect(problems).to_contain_text("경력 1 · 요약")
    expect(problems).to_contain_text("주민등록번호")
    assert "900101" not in page.content()
    assert_accessible(page, "JSON Resume import with errors [ko]")

    # A good file: merged, the job already entered is not doubled.
    good = tmp_path / "resume.json"
    good.write_text(json.dumps({
        "basics": {"name": "이서연", "email": "seoyeon@example.kr"},
        "work": [{"name": "대한조선", "position": "용접원", "startDate": "2019-03-01"},
                 {"name": "한빛중공업", "position": "배관공", "startDate": "2016-01", "endDate": "2019-02"}],
        "education": [{"institution": "부산기계공고", "studyType": "고졸", "endDate": "2016-02"}],
        "certificates": [{"name": "용접기능사"}, {"name": "지게차운전기능사"}],
        "x-jobcenter": {"training": [{"name": "CO2 용접 실무", "provider": "폴리텍"}]},
    }, ensure_ascii=False), encoding="utf-8")
    page.set_input_files("#id_file", str(good))
    page.get_by_role("button", name="가져오기").press("Enter")
    page.wait_for_url(re.compile(r"/me/$"))
    expect(page.locator("#messages")).to_contain_text("이미 프로필에 있습니다")
    jobs = page.locator("#experience-heading + ul > li")
    expect(jobs).to_have_count(2)
    expect(page.locator("#certificates-heading + ul > li")).to_have_count(2)
    expect(page.locator("#education-heading + ul")).to_contain_text("부산기계공고")
    expect(page.locator("#training-heading + ul > li")).to_have_count(2)

    # Edit an item, then delete one, by keyboard.
    page.get_by_role("link", name=re.compile(r"^수정\s*배관공")).focus()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/me/experience/\d+/edit/"))
    assert_accessible_in_both_languages(page, "edit a job")
    page.fill("#id_employer_name", "한빛중공업(주)")
    submit_with_enter(page, "#id_employer_name")
    page.wait_for_url(re.compile(r"/me/$"))
    expect(page.locator("#experience-heading + ul")).to_contain_text("한빛중공업(주)")
    page.get_by_role("button", name=re.compile(r"^삭제\s*지게차운전기능사")).focus()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/me/$"))
    expect(page.locator("#certificates-heading + ul > li")).to_have_count(1)

    page.locator("h1").scroll_into_view_if_needed()
    assert_accessible_in_both_languages(page, "profile builder", "profile-builder")

    # The profile just built drives the AI recommendations at once: the welder's own trade comes first, with
    # its reasons in plain words (the held licence among them), and the list is logged as shown.
    from jobcenter.audit.models import RecommendationLog
    from jobcenter.recommendations import engine

    engine.reset()
    page.get_by_role("link", name="추천 일자리", exact=True).first.click()
    page.wait_for_url(re.compile(r"/me/recommendations/$"))
    expect(page.locator(".rec-ai-notice")).to_contain_text("AI 추천")
    first = page.locator("ol.rec-list > li.rec-item").first
    expect(first).to_contain_text("같은 직업")
    expect(first.locator(".rec-reason").first).to_be_visible()
    expect(page.locator("ol.rec-list")).to_contain_text("용접기능사")
    log = RecommendationLog.objects.filter(viewer__email=SEEKER_EMAIL, surface="web").latest("created_at")
    assert log.items and log.items[0]["id"] == _item_id(first)


def test_company_page_and_workplace_form(portal_data, page):
    page.goto("/login/")
    page.fill("#id_username", EMPLOYER_EMAIL)
    page.fill("#id_password", PASSWORD)
    submit_with_enter(page, "#id_password")
    page.wait_for_url(lambda url: "/login/" not in url)

    page.get_by_role("link", name="우리 회사", exact=True).click()
    page.wait_for_url(re.compile(r"/employer/companies/\d+/$"))
    expect(page.locator("h1")).to_have_text("한빛용접기공")
    expect(page.locator("dl.facts")).to_contain_text("-*****")

    # Add a workplace: errors explained, values kept; then saved.
    page.get_by_role("link", name="사업장 추가").click()
    assert_accessible_in_both_languages(page, "workplace form")
    page.fill("#id_name", "평택 공장")
    page.fill("#id_address", "경기도 평택시 포승읍 1")
    page.fill("#id_latitude", "36.95")
    submit_with_enter(page, "#id_address")
    expect(page.locator("#id_region_error")).to_be_visible()
    expect(page.locator("#id_address")).to_have_value("경기도 평택시 포승읍 1")
    assert_accessible(page, "workplace form with errors [ko]")
    page.select_option("#id_region", label="경기도")
    page.fill("#id_longitude", "126.83")
    submit_with_enter(page, "#id_address")
    page.wait_for_url(re.compile(r"/employer/companies/\d+/$"))
    expect(page.locator("table")).to_contain_text("평택 공장")

    # Edit the company details.
    page.get_by_role("link", name="회사 정보 수정").click()
    assert_accessible_in_both_languages(page, "company form")
    page.fill("#id_description", "조선·플랜트 배관 용접 전문 기업")
    page.select_option("#id_size_band", "small")
    submit_with_enter(page, "#id_name")
    page.wait_for_url(re.compile(r"/employer/companies/\d+/$"))
    expect(page.locator("dl.facts")).to_contain_text("조선·플랜트 배관 용접 전문 기업")
    assert_accessible_in_both_languages(page, "company page", "company")
