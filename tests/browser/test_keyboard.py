"""(d) Keyboard only: from the top of the search page, Tab reaches the search form's fields in order, focus is
visible, and Enter in the keywords box searches (results swapped in place, URL updated)."""

from __future__ import annotations

import re

from playwright.sync_api import expect


def test_keyboard_only_search(portal_data, page):
    page.goto("/postings/")
    page.keyboard.press("Tab")
    # The first Tab lands on the skip link, which becomes visible and leads to the main content.
    skip = page.locator("#krds-skip-link a")
    expect(skip).to_be_focused()
    assert skip.bounding_box()["height"] > 10
    page.keyboard.press("Enter")
    seen = []
    for _ in range(40):
        page.keyboard.press("Tab")
        focused = page.evaluate("document.activeElement.id")
        seen.append(focused)
        if focused == "id_q":
            break
    assert "id_q" in seen, f"Tab never reached the keywords box; went through {seen}"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("none", ""), "keyboard focus must be visible"
    page.keyboard.type("용접")
    page.keyboard.press("Tab")
    expect(page.locator("#id_region")).to_be_focused()
    page.keyboard.press("Shift+Tab")
    expect(page.locator("#id_q")).to_be_focused()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"q=%EC%9A%A9%EC%A0%91"))
    expect(page.locator("#search-results .result-count")).to_be_visible()
    for title in page.locator("#search-results .card__title").all_inner_texts():
        assert title  # every result has a visible title


def test_the_axe_scan_does_find_problems(page):
    """Guard against a scan that silently passes: a page with known serious violations must fail it."""
    from tests.browser.conftest import axe_violations, format_violations

    page.set_content(
        '<html lang="ko"><body><main><h1>x</h1><img src="data:,">'
        '<input type="text"><p style="color:#bbb;background:#fff">흐린 글씨</p></main></body></html>'
    )
    ids = {v["id"] for v in axe_violations(page)}
    assert {"image-alt", "label", "color-contrast"} <= ids, ids
    assert "image-alt" in format_violations("test", axe_violations(page))
