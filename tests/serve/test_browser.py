"""The web UI in Debian's Chromium, driven by Playwright: the main flow, every view, hostile data.

Each test saves a screenshot of its view to docs/screenshots/.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.serve import corpus
from tests.serve.conftest import collect_ids
from tests.serve.server import ServerThread

pytestmark = pytest.mark.browser

CHROMIUM = Path(os.environ.get("AMITY_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
WAIT_MS = 15_000


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip(f"Debian chromium not found at {CHROMIUM} (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def base_url(reopen_registry: Callable[[], Any]) -> Iterator[str]:
    server = ServerThread(reopen_registry)
    server.start()
    server.wait_started()
    yield server.url
    server.stop()


@pytest.fixture(scope="module")
def ids(base_url: str) -> dict[str, int]:
    """Record ids, asked of the live server (Playwright's loop forbids the in-process client here)."""
    with httpx.Client(base_url=base_url) as http:
        return collect_ids(lambda path, params: http.get(path, params=params).json())


class Watcher:
    """Collects dialogs, page errors and CSP violations of a page."""

    def __init__(self, page: Any) -> None:
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.csp: list[str] = []
        page.on("dialog", self._dialog)
        page.on("pageerror", lambda err: self.errors.append(str(err)))
        page.on("console", self._console)

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def _console(self, msg: Any) -> None:
        if "Content Security Policy" in msg.text:
            self.csp.append(msg.text)
        elif msg.type == "error" and "favicon" not in msg.text:
            self.errors.append(msg.text)


@pytest.fixture()
def page(browser: Any, base_url: str) -> Iterator[Any]:
    context = browser.new_context(base_url=base_url, viewport={"width": 1280, "height": 900},
                                  accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(WAIT_MS)
    page.watcher = Watcher(page)
    yield page
    assert page.watcher.dialogs == [], "a dialog fired"
    assert page.watcher.csp == [], "content security policy violations"
    assert page.watcher.errors == [], "script errors"
    context.close()


def open_view(page: Any, path: str, view: str) -> None:
    page.goto(path)
    wait_view(page, view)


def wait_view(page: Any, view: str) -> None:
    page.wait_for_selector(f"main[data-state=ready][data-view={view}]")


def shot(page: Any, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def total(page: Any) -> int:
    return int(page.get_attribute(".total", "data-total"))


def test_main_flow_pair_and_field_then_event_evidence_person_timeline(page: Any) -> None:
    open_view(page, "/#/events", "events")
    assert total(page) == 6
    shot(page, "events")

    page.click("a[data-facet=pair][data-value=CN-KR]")
    page.wait_for_function("location.hash.includes('country=CN') && location.hash.includes('country=KR')")
    wait_view(page, "events")
    assert total(page) == 2
    page.click("a[data-facet=field][data-value=youth]")
    page.wait_for_function("location.hash.includes('field=youth')")
    wait_view(page, "events")
    assert total(page) == 2
    for card in page.query_selector_all(".event-card"):
        countries = {c.inner_text() for c in card.query_selector_all(".country")}
        assert countries == {"CN", "KR"}
        assert "youth" in [f.inner_text() for f in card.query_selector_all(".field")]

    page.locator(".event-card", has=page.locator(".badge.t-visit")).locator("a.card-title").click()
    wait_view(page, "event")
    assert page.locator(".report").count() == 2  # both reports covering the visit
    marks = page.locator(".report").first.locator("mark.evidence")
    assert marks.count() == 1
    marked = marks.first.inner_text()
    assert marked.startswith("A six-member delegation of the Korea Youth Exchange Foundation")
    assert marked.endswith("China International Youth Exchange Center.")
    shot(page, "event")

    page.click("a.person-link:text('Liu Aiping')")
    wait_view(page, "person")
    assert page.inner_text("h1.person-name") == "Liu Aiping"
    assert page.locator(".timeline-chart rect.bar").count() >= 2
    assert page.locator(".affiliation-chart rect.span-bar").count() == 2
    titles = page.locator("table.table").first.inner_text()
    assert "Vice Chairman" in titles and "Chairman" in titles
    assert "Tanaka Hiroshi" in page.inner_text(".co-participants")
    shot(page, "person")


def test_evidence_offsets_are_code_points(page: Any, ids: dict[str, int]) -> None:
    # the document has an emoji (two UTF-16 units, one code point) before the evidence
    open_view(page, f"/#/event/{ids['forum']}", "event")
    mark = page.locator("mark.evidence").first.inner_text()
    assert mark == "The Japan-Vietnam Culture Forum opened in Hanoi with 150 guests."


def test_timeline_view(page: Any) -> None:
    open_view(page, "/#/timeline?since=2000", "timeline")
    bars = page.locator(".timeline-chart rect.bar")
    assert bars.count() >= 4
    months = {bars.nth(i).get_attribute("data-month") for i in range(bars.count())}
    assert {"2023-11", "2024-05", "2024-06", "2025-09"} <= months
    shot(page, "timeline-months")


def test_org_page(page: Any, ids: dict[str, int]) -> None:
    open_view(page, f"/#/org/{ids['ciyec']}", "org")
    assert "China International Youth Exchange Center" in page.inner_text("h1.org-name")
    assert page.locator(".event-card").count() == 2
    assert "Liu Aiping" in page.inner_text("table.table")
    shot(page, "org")


def test_network_view(page: Any) -> None:
    open_view(page, "/#/network", "network")
    nodes = page.locator(".network-chart a.node")
    assert nodes.count() >= 8
    assert page.locator(".network-chart line.link").count() >= 8
    labels = page.locator(".network-chart text").all_text_contents()
    assert "CN" in labels and "Liu Aiping" in labels
    shot(page, "network")
    page.click(".network-chart a.node[data-id='c:VN']")
    wait_view(page, "events")
    assert total(page) == 3


def test_country_pair_matrix(page: Any) -> None:
    open_view(page, "/#/matrix", "matrix")
    cell = page.locator("table.matrix td a[title*='Vietnam']").first
    assert cell.count() == 1
    shot(page, "matrix")
    row = page.locator("table.matrix tr", has=page.locator("th[scope=row]:text-is('CN')"))
    row.locator("td a").first.click()
    wait_view(page, "events")
    assert total(page) == 2


def test_phone_width_events(browser: Any, base_url: str) -> None:
    context = browser.new_context(base_url=base_url, viewport={"width": 390, "height": 844},
                                  device_scale_factor=2, is_mobile=True, has_touch=True)
    page = context.new_page()
    try:
        open_view(page, "/#/events", "events")
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 1, f"page is {overflow}px wider than the phone"
        assert page.locator(".event-card").count() == 6
        shot(page, "events-phone")
    finally:
        context.close()


def test_export_links_download_the_filtered_events(page: Any) -> None:
    open_view(page, "/#/events?country=CN&country=KR", "events")
    with page.expect_download() as info:
        page.click("a[data-export=csv]")
    rows = list(csv.DictReader(io.StringIO(Path(info.value.path()).read_text(encoding="utf-8"))))
    assert len(rows) == 2 and all(r["countries"] == "CN; KR" for r in rows)
    assert all(r["source_titles"] and r["evidence"] and r["organizations"] for r in rows)
    with page.expect_download() as info:
        page.click("a[data-export=json]")
    assert '"countries": ["CN", "KR"]' in Path(info.value.path()).read_text(encoding="utf-8")


def test_hostile_document_never_executes_and_shows_literally(page: Any, ids: dict[str, int]) -> None:
    open_view(page, "/#/events?q=journalists", "events")
    assert corpus.XSS_EVENT in page.inner_text(".event-list")
    open_view(page, f"/#/event/{ids['hostile']}", "event")
    assert page.inner_text("h1.event-title") == corpus.XSS_EVENT
    text = page.inner_text(".doc-text")
    for needle in (corpus.XSS_SCRIPT, corpus.XSS_IMG, corpus.XSS_NAME, corpus.XSS_ORG):
        assert needle in text
    assert corpus.XSS_PROGRAM in page.inner_text(".facts")
    assert corpus.XSS_NAME in page.inner_text("table.table")
    shot(page, "hostile-event")
    open_view(page, f"/#/person/{ids['mallory']}", "person")
    assert page.inner_text("h1.person-name") == corpus.XSS_NAME
    page.hover("h1.person-name")
    open_view(page, "/#/network?country=US", "network")
    titles = page.locator(".network-chart a.node title").all_text_contents()
    assert any(t.startswith(corpus.XSS_NAME) for t in titles)  # labels may be cut short; the tooltip is whole
    open_view(page, "/#/events?country=US&field=media", "events")
    assert corpus.XSS_PROGRAM in page.inner_text(".facets")
    assert page.evaluate("window.__pwned") is None
    injected = page.evaluate("document.querySelectorAll('main img, main iframe, main script, main [onload], "
                             "main [onerror], main [onmouseover]').length")
    assert injected == 0


def test_unknown_event_shows_a_not_found_message(page: Any) -> None:
    page.goto("/#/event/999999")
    page.wait_for_selector("main[data-state=error]")
    assert "Not found" in page.inner_text("main")
    page.watcher.errors.clear()  # the failed fetch logs a 404 to the console by design


def test_api_docs_page_renders_under_the_csp(page: Any) -> None:
    page.goto("/docs")
    page.wait_for_selector("main[data-state=ready]")
    assert "/api/events" in page.inner_text("main")


def test_search_box_and_people_list(page: Any) -> None:
    open_view(page, "/#/events", "events")
    page.fill("form.search input[name=q]", "memorandum")
    page.click("form.search button[type=submit]")
    page.wait_for_function("location.hash.includes('q=memorandum')")
    wait_view(page, "events")
    assert total(page) == 1
    assert page.locator(".event-card .badge").first.inner_text().lower() == "agreement"
    open_view(page, "/#/people", "people")
    page.fill("form.search input[name=q]", "tanaka")
    page.click("form.search button[type=submit]")
    page.wait_for_function("location.hash.includes('q=tanaka')")
    wait_view(page, "people")
    assert page.locator(".entity-list li").count() == 1
    page.click(".entity-list a")
    wait_view(page, "person")
    assert page.inner_text("h1.person-name") == "Tanaka Hiroshi"
