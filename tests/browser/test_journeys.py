"""The portal's journeys in a real browser, with an axe-core scan of every main page in Korean and English and
the screenshots in docs/screenshots/.

Order: the employer posts a job first (so the seeker has something of theirs to apply to), then the seeker
signs up, builds a profile, searches, applies and follows the application; the employer moves it to
interview; the seeker sees the new status.
"""

from __future__ import annotations

import re

from playwright.sync_api import expect

from tests.browser.conftest import (
    PHONE,
    assert_accessible,
    assert_accessible_in_both_languages,
    log_out,
    screenshot,
)
from tests.browser.conftest import log_in as conftest_log_in

EMPLOYER_EMAIL = "hr@hanbit-welding.example.kr"
SEEKER_EMAIL = "minjun@example.kr"
PASSWORD = "welding-torch-2026"
TITLE = "배관 용접원 정규직 채용"


def log_in(page, email: str) -> None:
    conftest_log_in(page, email, PASSWORD)


def pick_occupation(page, field: str, typed: str, name: str) -> None:
    """Type into an occupation field and pick ``name`` from the htmx suggestions."""
    box = page.locator(field)
    box.fill("")
    box.press_sequentially(typed, delay=20)
    option = page.locator(f"{field}-suggestions .autocomplete__option", has_text=name)
    option.first.click()
    expect(box).to_have_value(name)
    expect(page.locator(f"{field}-suggestions .autocomplete__option")).to_have_count(0)


def test_employer_posts_seeker_applies_employer_moves_seeker_sees(portal_data, new_page, live_server):
    from django.urls import reverse

    page = new_page()

    # Public pages.
    page.goto("/")
    expect(page.locator("h1")).to_be_visible()
    assert_accessible_in_both_languages(page, "home", "home")
    page.goto("/signup/")
    assert_accessible_in_both_languages(page, "sign-up", "signup")
    page.goto("/login/")
    assert_accessible_in_both_languages(page, "login", "login")

    # (b) The employer posts a job: errors shown next to the fields, values kept; then publishes it.
    log_in(page, EMPLOYER_EMAIL)
    page.goto(reverse("employer-posting-create"))
    assert_accessible_in_both_languages(page, "posting form", "employer-posting-form")
    page.fill("#id_wage_min", "3000000")
    page.fill("#id_wage_max", "2500000")
    page.click("main form button[type=submit]")
    expect(page.locator("#id_title_error")).to_be_visible()
    expect(page.locator("#id_description_error")).to_be_visible()
    expect(page.locator("#id_title")).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#id_wage_min")).to_have_value("3000000")
    expect(page.locator("#id_wage_max")).to_have_value("2500000")

    page.fill("#id_title", TITLE)
    page.fill("#id_description", "조선소 배관 용접. 경력 1년 이상 우대, 초보자는 사내 교육.")
    pick_occupation(page, "#id_occupation_text", "용접", "용접원")
    page.select_option("#id_region", "26440")
    page.click("main form button[type=submit]")
    # The service refuses the wage range: the message sits next to the field and every value is kept.
    expect(page.locator("#id_wage_max_error")).to_be_visible()
    expect(page.locator("#id_title")).to_have_value(TITLE)
    expect(page.locator("#id_occupation_text")).to_have_value("용접원")
    expect(page.locator("#id_region")).to_have_value("26440")
    summary_link = page.locator(".form-errors a[href='#id_wage_max']")
    expect(summary_link).to_be_visible()
    summary_link.click()  # the error summary leads to the field
    expect(page.locator("#id_wage_max")).to_be_focused()
    assert_accessible(page, "posting form with errors")
    screenshot(page, "employer-posting-form-errors")

    page.fill("#id_wage_max", "3600000")
    page.click("main form button[type=submit]")
    page.wait_for_url(re.compile(r"/employer/postings/$"))
    row = page.locator("tr", has_text=TITLE)
    row.locator("form[action$='/publish/'] button").click()
    expect(page.locator("tr", has_text=TITLE).locator(".status--open")).to_be_visible()
    assert_accessible_in_both_languages(page, "employer postings", "employer-postings")
    log_out(page)

    # (a) A seeker signs up and builds a profile.
    page.goto("/signup/seeker/")
    page.fill("#id_email", SEEKER_EMAIL)
    page.fill("#id_display_name", "김민준")
    page.fill("#id_password1", PASSWORD)
    page.fill("#id_password2", PASSWORD)
    page.click("main form button[type=submit]")
    page.wait_for_url(lambda url: "/signup/" not in url)
    expect(page.locator("#messages")).not_to_be_empty()
    page.goto("/me/edit/")
    page.select_option("#id_home_region", "26350")
    page.click("main form button[type=submit]")
    page.wait_for_url(re.compile(r"/me/$"))

    page.locator("details").nth(0).locator("summary").click()
    pick_occupation(page, "#id_experience-title", "용접", "용접원")
    page.fill("#id_experience-employer_name", "대한조선")
    page.locator("details").nth(0).locator("button[type=submit]").click()
    page.wait_for_url(re.compile(r"/me/$"))
    expect(page.locator("#experience-heading + ul")).to_contain_text("용접원")
    expect(page.locator("#experience-heading + ul .tag")).to_contain_text("KECO:8241")

    page.locator("details").nth(1).locator("summary").click()
    page.fill("#id_certificate-name", "용접기능사")
    page.fill("#id_certificate-issuer", "한국산업인력공단")
    page.locator("details").nth(1).locator("button[type=submit]").click()
    page.wait_for_url(re.compile(r"/me/$"))
    expect(page.locator("#certificates-heading + ul")).to_contain_text("용접기능사")
    assert_accessible_in_both_languages(page, "seeker profile", "seeker-profile")

    # Search (in place with htmx), open the posting, apply.
    page.goto("/postings/")
    assert_accessible_in_both_languages(page, "search", "search")
    page.fill("#id_q", "배관 용접")
    page.press("#id_q", "Enter")
    page.wait_for_url(re.compile(r"q=%EB%B0%B0%EA%B4%80"))
    expect(page.locator("#search-results .result-count")).to_contain_text("1")
    page.locator("#search-results .card__title a", has_text=TITLE).click()
    page.wait_for_url(re.compile(r"/postings/\d+/$"))
    expect(page.locator("h1")).to_have_text(TITLE)
    expect(page.locator(".distance")).to_contain_text(re.compile(r"집에서 \d+ km"))
    assert_accessible_in_both_languages(page, "posting detail", "posting-detail")
    page.fill("#id_cover_note", "용접기능사 자격이 있습니다. 화요일 면접 가능합니다.")
    page.locator(".apply button[type=submit]").click()
    page.wait_for_url(re.compile(r"/me/applications/$"))
    expect(page.locator(".application", has_text=TITLE)).to_be_visible()
    assert_accessible_in_both_languages(page, "my applications", "my-applications")
    log_out(page)

    # (b) The employer sees the application in the pipeline and moves it to interview (in place, htmx).
    log_in(page, EMPLOYER_EMAIL)
    page.goto("/employer/postings/")
    page.locator("tr", has_text=TITLE).locator("td:nth-child(4) a").click()
    card = page.locator(".application", has_text="김민준")
    expect(card).to_be_visible()
    assert_accessible_in_both_languages(page, "pipeline", "employer-pipeline")
    card = page.locator(".application", has_text="김민준")
    pipeline_url = page.url
    card.locator("select[name$='-to_status']").select_option("interview")
    card.locator("input[name$='-note']").fill("화요일 10시 면접")
    card.locator("button[type=submit]").click()
    expect(page.locator(".application", has_text="김민준").locator(".status--interview")).to_be_visible()
    expect(page.locator("#messages")).to_contain_text("김민준")
    assert page.url == pipeline_url  # swapped in place, no navigation
    log_out(page)

    # (c) The seeker sees the new status.
    log_in(page, SEEKER_EMAIL)
    page.goto("/me/applications/")
    application = page.locator(".application", has_text=TITLE)
    expect(application.locator(".status--interview")).to_be_visible()
    expect(application).to_contain_text("화요일 10시 면접")

    # Phone width: search and a posting page.
    phone = new_page(viewport=PHONE)
    phone.goto("/postings/")
    screenshot(phone, "search-phone")
    phone.locator(".card__title a").first.click()
    phone.wait_for_url(re.compile(r"/postings/\d+/$"))
    screenshot(phone, "posting-detail-phone")
    assert_accessible(phone, "posting detail (phone)")


def test_search_facets_and_sort_without_javascript(portal_data, browser, live_server):
    """With JavaScript off the search still works: a GET form and plain links (facets, sort, pages)."""
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False, locale="ko-KR")
    try:
        page = context.new_page()
        page.goto("/postings/")
        facet = page.locator(".facets li a").first
        label = facet.inner_text()
        facet.click()
        expect(page.locator(".facets a[aria-current='true']")).to_have_text(label)
        page.select_option("#id_sort", "wage")
        page.click("#search-form button[type=submit]")
        assert "sort=wage" in page.url
        wages = page.locator(".card-list .wage").all_inner_texts()
        assert wages, "sorted results show wages"
    finally:
        context.close()
