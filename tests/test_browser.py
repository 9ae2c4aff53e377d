"""The exported HTML in a real browser, offline: charts drawn, tooltips shown,
no console error, and the hostile article text executed nothing.

Needs Debian's chromium at /usr/bin/chromium; `make test` installs it through
tests/install_chromium.sh (root and apt-get). Without it these tests skip,
saying why.
"""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Iterator

import pytest

CHROMIUM = Path("/usr/bin/chromium")
INSTALLER = Path(__file__).with_name("install_chromium.sh")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]
# Drawn marks, not axes or legends: Vega puts each mark set in a group classed by mark type.
MARKS = "svg g.role-mark > :is(path, rect, circle, line, text)"
DATA_MARKS = ".vega-chart svg :is([aria-roledescription='point'], [aria-roledescription='bar'])"
# Vega labels each mark with its tooltip text: these carry the hostile claimant.
HOSTILE_MARKS = ".vega-chart svg :is([aria-roledescription='point'], [aria-roledescription='bar'])[aria-label*='pwned']"


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not CHROMIUM.exists():
        subprocess.run(["sh", str(INSTALLER)], check=False)
    if not CHROMIUM.exists():
        pytest.skip(f"no chromium at {CHROMIUM} and {INSTALLER.name} could not install it (needs root and apt-get)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


class Visit:
    """A page opened from disk with every network request aborted and recorded."""

    def __init__(self, browser: object, path: Path) -> None:
        self.url = path.resolve().as_uri()
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.page = browser.new_page(viewport={"width": 1280, "height": 1000})  # type: ignore[attr-defined]
        self.page.on("console", lambda message: message.type == "error" and self.errors.append(message.text))
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.route("**/*", self._route)
        self.page.goto(self.url)
        self.charts = self.page.locator(".vega-chart").count()
        if self.charts:
            self.page.wait_for_function(
                "[...document.querySelectorAll('.vega-chart')].every(c => c.querySelector('svg') || c.textContent)",
                timeout=15_000)

    def _route(self, route: object) -> None:
        url = route.request.url  # type: ignore[attr-defined]
        if url == self.url:
            route.continue_()  # type: ignore[attr-defined]
        else:
            self.requests.append(url)
            route.abort()  # type: ignore[attr-defined]

    def marks_per_chart(self) -> list[int]:
        return self.page.evaluate(
            f"[...document.querySelectorAll('.vega-chart')].map(c => c.querySelectorAll({MARKS!r}).length)")


def exported_pages(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.html")) + sorted(folder.glob("charts/*.html"))


def test_every_exported_page_renders_offline(browser, built_reports: Path) -> None:
    pages = exported_pages(built_reports)
    assert len(pages) > 5
    for path in pages:
        visit = Visit(browser, path)
        try:
            marks = visit.marks_per_chart()
            assert all(count > 0 for count in marks), (path.name, marks)
            assert path.name == "index.html" or visit.charts > 0, path.name
            assert visit.errors == [], (path.name, visit.errors)
            assert visit.requests == [], (path.name, visit.requests)
            assert visit.page.evaluate("window.__pwned") is None, path.name
            assert visit.page.locator("img").count() == 0, path.name  # no injected element survived
        finally:
            visit.page.close()


def test_tooltips_work_and_show_hostile_text_as_text(browser, built_reports: Path) -> None:
    for path in sorted(built_reports.glob("charts/*.html")):
        visit = Visit(browser, path)
        try:
            marks = visit.page.locator(DATA_MARKS)
            if marks.count() == 0:
                continue  # a run whose filter matched nothing draws a message
            hostile = visit.page.locator(HOSTILE_MARKS)
            target = hostile.first if hostile.count() else marks.first
            target.hover(force=True)
            tooltip = visit.page.locator("#vg-tooltip-element")
            tooltip.wait_for(state="visible", timeout=5_000)
            assert "Figure as written" in tooltip.inner_text(), path.name
            if hostile.count():
                assert '<img src=x onerror="window.__pwned = 1">' in tooltip.inner_text(), path.name
                assert tooltip.locator("img, script").count() == 0, path.name
            assert visit.page.evaluate("window.__pwned") is None, path.name
            assert visit.errors == [], (path.name, visit.errors)
        finally:
            visit.page.close()
