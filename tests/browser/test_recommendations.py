"""AI recommendations in a real browser: a seeker with a profile sees recommendations with their reasons, saves
one, hides one (it disappears, and the hide is recorded), applies to one; the employer sees the posting's
recommended candidates, anonymised until they apply or opt in. axe-core scans both pages in Korean and English;
screenshots recommendations.png and employer-candidates.png."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible, log_out, screenshot, set_language
from tests.browser.conftest import log_in as conftest_log_in

SEEKER_EMAIL = "seeker@demo.jobcenter.kr"
EMPLOYER_EMAIL = "employer@demo.jobcenter.kr"


def log_in(page, email: str) -> None:
    from jobcenter.common.demo import DEMO_PASSWORD

    conftest_log_in(page, email, DEMO_PASSWORD)


def scan_both_languages(page, where: str, shot: str) -> None:
    """Screenshot (Korean), axe in Korean and English with the first "why this?" panel open, back to Korean."""
    for language in ("ko", "en"):
        if language == "en":
            set_language(page, "en")
            page.reload()
        page.wait_for_load_state("load")
        assert page.locator("html").get_attribute("lang") == language, where
        if language == "ko":
            screenshot(page, shot)
        why = page.locator("details.rec-why").first
        if why.count():
            why.locator("summary").click()
        assert_accessible(page, f"{where} [{language}]")
    set_language(page, "ko")
    page.reload()


def _item_id(item) -> int:
    return int(item.get_attribute("id").removeprefix("rec-"))


def test_seeker_sees_hides_and_applies_employer_sees_anonymised_candidates(portal_data, new_page):
    from jobcenter.jobs.models import Application, JobPosting
    from jobcenter.recommendations import engine
    from jobcenter.recommendations.models import RecommendationFeedback
    from jobcenter.seekers.models import SeekerProfile

    engine.reset()
    page = new_page()

    # The seeker opens "추천 일자리" from the menu: an AI notice, how to turn it off, items with reasons.
    log_in(page, SEEKER_EMAIL)
    page.locator(".site-nav a", has_text="추천 일자리").click()
    page.wait_for_url(re.compile(r"/me/recommendations/$"))
    expect(page.locator("h1")).to_have_text("추천 일자리")
    expect(page.locator(".rec-ai-notice")).to_contain_text("AI 추천")
    expect(page.locator(".rec-ai-notice button")).to_have_text("AI 추천 끄기")
    items = page.locator("ol.rec-list > li.rec-item")
    expect(items.first).to_be_visible()
    assert items.count() >= 5
    expect(items.first.locator(".rec-reason").first).to_be_visible()
    expect(items.first).to_contain_text("같은 직업")  # the demo seeker's own trade comes first
    scan_both_languages(page, "my recommendations", "recommendations")

    # "Why this?" opens the panel with the features that moved the rank.
    first = page.locator("ol.rec-list > li.rec-item").first
    first.locator("details.rec-why summary").click()
    expect(first.locator(".rec-features li").first).to_be_visible()

    # Save one (in place, htmx).
    candidates = page.locator("ol.rec-list > li.rec-item", has=page.locator("a.rec-apply"))
    to_save, to_hide, to_apply = candidates.nth(0), candidates.nth(1), candidates.nth(2)
    save_id, hide_id, apply_id = _item_id(to_save), _item_id(to_hide), _item_id(to_apply)
    to_save.locator("button", has_text="저장").click()
    expect(page.locator(f"#rec-{save_id} button[aria-pressed='true']")).to_have_text(re.compile("저장됨"))

    # Hide one with a reason: it disappears from the list and the hide is recorded.
    page.locator(f"#rec-{hide_id} details.rec-hide summary").click()
    page.fill(f"#hide-reason-{hide_id}", "통근 시간이 너무 길어요")
    page.locator(f"#rec-{hide_id} details.rec-hide button[type=submit]").click()
    expect(page.locator(f"#rec-{hide_id}")).to_contain_text("다시 추천하지 않습니다")
    expect(page.locator(f"#rec-{hide_id} .card__title")).to_have_count(0)
    profile = SeekerProfile.objects.get(user__email=SEEKER_EMAIL)
    feedback = RecommendationFeedback.objects.get(seeker=profile, posting_id=hide_id, action="hidden")
    assert feedback.reason == "통근 시간이 너무 길어요" and feedback.log_id is not None
    page.reload()
    expect(page.locator(f"#rec-{hide_id}")).to_have_count(0)
    # Gone by id, not by title: the demo data has several postings with the same title, and a title can
    # appear in another item's reasons ("희망 직업(영양사)과 같은 직업").
    shown = [_item_id(item) for item in page.locator("ol.rec-list > li.rec-item").all()]
    assert shown and hide_id not in shown and save_id in shown

    # Apply to one: the button leads to the posting's apply form.
    page.locator(f"#rec-{apply_id} a.rec-apply").click()
    page.wait_for_url(re.compile(rf"/postings/{apply_id}/"))
    page.fill("#id_cover_note", "추천을 보고 지원합니다. 바로 일할 수 있습니다.")
    page.locator(".apply button[type=submit]").click()
    page.wait_for_url(re.compile(r"/me/applications/$"))
    assert Application.objects.filter(seeker=profile, posting_id=apply_id).exists()
    page.goto("/me/recommendations/")
    expect(page.locator(f"#rec-{apply_id}")).to_contain_text("지원함")

    # The saved list.
    page.locator(".rec-subnav a", has_text="관심 공고").click()
    expect(page.locator(f"#rec-{save_id}")).to_be_visible()
    log_out(page)

    # The employer opens the recommended candidates of the posting the demo seeker's trade matches.
    log_in(page, EMPLOYER_EMAIL)
    page.goto("/employer/postings/?status=open")
    posting = (JobPosting.objects.filter(company__members__user__email=EMPLOYER_EMAIL, status="open",
                                         occupation=profile.work_experiences.first().occupation)
               .order_by("source_key").first())
    assert posting is not None
    page.locator(f"a[href='/employer/postings/{posting.pk}/candidates/']").click()
    page.wait_for_url(re.compile(rf"/employer/postings/{posting.pk}/candidates/$"))
    expect(page.locator(".rec-ai-notice")).to_contain_text("AI 추천")
    cards = page.locator("ol.rec-list > li.rec-item")
    expect(cards.first).to_be_visible()
    expect(page.locator("ol.rec-list")).to_contain_text("익명")
    scan_both_languages(page, "recommended candidates", "employer-candidates")

    # Nobody who has not applied to this posting or opted in is named, nor their contacts shown.
    html = page.content()
    applied = set(Application.objects.filter(posting=posting).exclude(status="withdrawn")
                  .values_list("seeker_id", flat=True))
    visible = SeekerProfile.objects.filter(pk__in=applied) | SeekerProfile.objects.filter(discoverable=True)
    visible_names = set(visible.values_list("display_name", flat=True))
    hidden = SeekerProfile.objects.exclude(pk__in=visible.values("pk"))
    for name, email, phone in hidden.values_list("display_name", "email", "phone"):
        if name not in visible_names:
            assert name not in html, name
        for contact in (email, phone):
            if contact:
                assert contact not in html, contact
    assert hidden.exists()
