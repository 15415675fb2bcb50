"""Real-browser tests: Playwright (Python) driving Debian's chromium against pytest-django's live server.

One browser per session; a fresh context (cookies, language) per test. Playwright never downloads a browser
here: it launches /usr/bin/chromium (``scripts/ensure_chromium.sh`` installs it). A missing chromium FAILS the
tests with a clear message instead of skipping them, so CI cannot go green without a browser.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("JOBCENTER_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
# The journeys always take their screenshots (a page that cannot be drawn fails the test); they land in
# docs/screenshots/ only when asked (`make screenshots`), so an ordinary test run leaves the tree clean.
SCREENSHOTS = (
    ROOT / "docs" / "screenshots"
    if os.environ.get("JOBCENTER_UPDATE_SCREENSHOTS")
    else Path(tempfile.gettempdir()) / "jobcenter-screenshots"
)
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
TIMEOUT_MS = 10_000



def pytest_configure(config):
    config.addinivalue_line("markers", "browser: drives a real browser (chromium) against the live server")


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="package")
def browser():
    """One chromium for all the browser tests (they all live in this package); closed when they are done, so
    the loop Playwright runs does not outlive them."""
    if not (os.path.isfile(CHROMIUM) and os.access(CHROMIUM, os.X_OK)):
        pytest.fail(
            f"chromium not found at {CHROMIUM}. The browser tests need Debian's chromium: run "
            "scripts/ensure_chromium.sh (apt-get install -y chromium), or set JOBCENTER_CHROMIUM.",
            pytrace=False,
        )
    if not AXE.is_file():
        pytest.fail(f"{AXE.relative_to(ROOT)} is missing; run `npm ci` at the repository root.", pytrace=False)
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an asyncio loop running in this thread while the browser is open, and Django
    # refuses ORM calls from a thread with a running loop. The test code here (fixtures, database flushes,
    # assertions) is plain synchronous code that only shares the thread, so allow it while the browser is open.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            yield instance
            instance.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def new_page(browser, live_server):
    """``new_page(viewport=...)`` → a page in a fresh context, Korean by default, aimed at the live server."""
    contexts = []

    def _open(viewport: dict | None = None, language: str = "ko"):
        context = browser.new_context(
            base_url=live_server.url, viewport=viewport or DESKTOP, locale="ko-KR" if language == "ko" else "en-US"
        )
        context.set_default_timeout(TIMEOUT_MS)
        contexts.append(context)
        return context.new_page()

    yield _open
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_page):
    return new_page()


@pytest.fixture
def portal_data(transactional_db):
    """The built-in reference set, the demo data, and one employer of our own (demo-style)."""
    from jobcenter.accounts.services import roles_sync
    from jobcenter.common.demo import business_number_with_check_digit, demo_data_load
    from jobcenter.employers.services import employer_register
    from jobcenter.taxonomy.services import reference_load_builtin

    roles_sync()
    reference_load_builtin()
    demo_data_load()
    employer_register(
        email="hr@hanbit-welding.example.kr",
        password="welding-torch-2026",
        company_name="한빛용접기공",
        business_number=business_number_with_check_digit("314865207"),
        first_name="박지훈",
    )


def set_language(page, code: str) -> None:
    """Choose the language the way Django's LocaleMiddleware reads it (the language cookie of this origin)."""
    from urllib.parse import urlsplit

    parts = urlsplit(page.url)
    page.context.add_cookies([{"name": "django_language", "value": code, "url": f"{parts.scheme}://{parts.netloc}"}])


def axe_violations(page) -> list[dict]:
    """Serious and critical axe-core violations on the current page."""
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        """async () => {
            const r = await axe.run(document, {resultTypes: ["violations"]});
            return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map(n => ({target: n.target.join(" "), summary: n.failureSummary}))}));
        }"""
    )
    return [v for v in result if v["impact"] in ("serious", "critical")]


def format_violations(where: str, violations: list[dict]) -> str:
    lines = [f"axe-core: {len(violations)} serious/critical violation(s) on {where}:"]
    for v in violations:
        lines.append(f"  [{v['impact']}] {v['id']}: {v['help']}")
        for node in v["nodes"][:5]:
            lines.append(f"      at {node['target']}")
            lines.extend(f"         {line}" for line in (node["summary"] or "").splitlines())
    return "\n".join(lines)


def assert_accessible(page, where: str) -> None:
    violations = axe_violations(page)
    assert not violations, format_violations(f"{where} ({page.url})", violations)


def assert_accessible_in_both_languages(page, where: str, shot: str | None = None) -> None:
    """axe-core on the page in Korean (screenshot ``shot`` then), the same page in English, back to Korean."""
    page.wait_for_load_state("load")
    assert page.locator("html").get_attribute("lang") == "ko", where
    assert_accessible(page, f"{where} [ko]")
    if shot:
        screenshot(page, shot)
    set_language(page, "en")
    page.reload()
    assert page.locator("html").get_attribute("lang") == "en", where
    assert_accessible(page, f"{where} [en]")
    set_language(page, "ko")
    page.reload()


def log_in(page, email: str, password: str) -> None:
    page.goto("/login/")
    page.fill("#id_username", email)
    page.fill("#id_password", password)
    page.click("main button[type=submit]")
    page.wait_for_url(lambda url: "/login/" not in url)


def log_out(page) -> None:
    page.click(".site-account form[action='/logout/'] button")
    page.wait_for_url(re.compile(r"/$"))


def screenshot(page, name: str) -> None:
    """Save the visible viewport as <name>.png in SCREENSHOTS (docs/screenshots/ with `make screenshots`)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), animations="disabled")


def dump(obj) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=2)
