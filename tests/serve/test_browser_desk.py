"""The analyst's desk in Debian's Chromium: the map, the timeline's and network's interactions, the
glossary, and the phone layouts of the nav, timeline, network and matrix. Screenshots go to
docs/screenshots/ (map.png, map-phone.png, timeline-phone.png, network-phone.png, matrix-phone.png,
nav-phone.png, glossary.png)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

# the browser fixtures of the main browser tests (a Chromium and a live server per module)
from tests.serve.test_browser import SHOTS, base_url, browser, open_view, page, shot, total, wait_view  # noqa: F401

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}


@pytest.fixture()
def phone(browser: Any, base_url: str) -> Iterator[Any]:  # noqa: F811
    context = browser.new_context(base_url=base_url, viewport=PHONE, device_scale_factor=2, is_mobile=True,
                                  has_touch=True)
    p = context.new_page()
    p.set_default_timeout(15_000)
    errors: list[str] = []
    p.on("pageerror", lambda err: errors.append(str(err)))
    yield p
    assert errors == [], "script errors"
    context.close()


def overflow(p: Any) -> int:
    return int(p.evaluate("document.documentElement.scrollWidth - window.innerWidth"))


def test_map_draws_places_and_a_circle_opens_its_events(page: Any) -> None:  # noqa: F811
    open_view(page, "/#/map", "map")
    assert page.locator(".map-chart path.land").get_attribute("d").count("Z") > 30
    markers = page.locator(".map-chart a.marker")
    places = {markers.nth(i).get_attribute("data-place") for i in range(markers.count())}
    assert {"Beijing", "Hanoi", "Hue", "Washington"} <= places
    beijing = page.locator(".map-chart a.marker[data-place=Beijing]")
    assert beijing.get_attribute("data-n") == "2"
    # Beijing is east of Hanoi and north of it, on the map as on the globe
    b = beijing.locator("circle").bounding_box()
    h = page.locator(".map-chart a.marker[data-place=Hanoi] circle").bounding_box()
    assert b["x"] > h["x"] and b["y"] < h["y"]
    assert "Beijing" in " ".join(page.locator(".map-labels text").all_text_contents())
    shot(page, "map")
    beijing.click()
    wait_view(page, "events")
    assert "place=Beijing" in page.evaluate("location.hash") and total(page) == 2


def test_map_follows_the_events_filter(page: Any) -> None:  # noqa: F811
    open_view(page, "/#/events?type=visit", "events")
    page.click("a[data-link=map]")
    wait_view(page, "map")
    markers = page.locator(".map-chart a.marker")
    assert markers.count() == 1 and markers.first.get_attribute("data-place") == "Beijing"
    assert markers.first.get_attribute("data-n") == "1"
    assert "type: visit" in page.inner_text(".filter-note")


def test_map_zooms_with_buttons_and_wheel(page: Any) -> None:  # noqa: F811
    open_view(page, "/#/map", "map")
    svg = page.locator(".map-chart")
    before = svg.get_attribute("viewBox")
    page.click(".map-box .zoom-button[aria-label='Zoom in']")
    assert svg.get_attribute("viewBox") != before and float(svg.get_attribute("data-scale")) == pytest.approx(1.5)
    page.click(".map-box .zoom-button[aria-label='Show the whole chart']")
    assert svg.get_attribute("viewBox") == before
    box = svg.bounding_box()
    page.mouse.move(box["x"] + box["width"] * 0.8, box["y"] + box["height"] * 0.35)
    page.mouse.wheel(0, -300)
    page.wait_for_function("Number(document.querySelector('.map-chart').dataset.scale) > 1")


def test_timeline_ticks_are_whole_numbers_and_bars_open_their_events(page: Any) -> None:  # noqa: F811
    open_view(page, "/#/timeline?since=2000", "timeline")  # 2023-11 to 2025-09: by month
    ticks = page.locator(".timeline-chart text.tick").all_text_contents()
    assert ticks and all(t.isdigit() for t in ticks) and len(set(ticks)) == len(ticks)
    # the planned conference is dated 2025-09 (to the month only): hatched
    assert page.locator(".timeline-chart rect.bar.month-only[data-month='2025-09']").count() == 1
    assert page.locator(".timeline-chart rect.bar.month-only").count() == 1
    assert "1 to the month only" in page.inner_text(".timeline-summary")
    page.click(".timeline-chart a.bar-link:has(rect.bar[data-month='2024-05'][data-type=visit])")
    wait_view(page, "events")
    hash_ = page.evaluate("location.hash")
    assert "since=2024-05" in hash_ and "until=2024-05" in hash_ and "type=visit" in hash_
    assert total(page) == 1


def test_timeline_shows_year_only_dates_as_such(page: Any) -> None:  # noqa: F811
    open_view(page, "/#/timeline?status=historical", "timeline")  # the 1993 agreement, dated by year only
    band = page.locator(".timeline-chart rect.year-band[data-year='1993']")
    assert band.count() == 1 and page.locator(".timeline-chart rect.bar").count() == 0
    assert "1993: 1 by year only" in page.locator(".timeline-chart text.year-label").all_text_contents()
    assert "1 to the year only" in page.inner_text(".timeline-summary")
    # 1993 to 2025 is more than ten years: one bar per year, the year-dated event in its year's bar
    open_view(page, "/#/timeline", "timeline")
    years = {page.locator(".timeline-chart rect.bar").nth(i).get_attribute("data-year")
             for i in range(page.locator(".timeline-chart rect.bar").count())}
    assert years == {"1993", "2023", "2024", "2025"}
    assert "per year" in page.inner_text(".chart-box figcaption")
    shot(page, "timeline")
    page.click(".timeline-chart a.bar-link:has(rect.bar[data-year='1993'])")
    wait_view(page, "events")
    assert "since=1993" in page.evaluate("location.hash") and total(page) == 1


def test_network_search_zoom_and_show_more(page: Any) -> None:  # noqa: F811
    open_view(page, "/#/network?nodes=4", "network")
    assert page.locator(".network-chart a.node").count() == 4
    more = page.locator("a.show-more")
    assert more.count() == 1
    more.click()
    wait_view(page, "network")
    assert page.locator(".network-chart a.node").count() > 4
    page.fill(".network-search", "liu")
    assert page.locator(".network-chart a.node.match").count() == 1
    assert "1 found" in page.inner_text(".network-found")
    page.press(".network-search", "Enter")
    assert float(page.locator(".network-chart").get_attribute("data-scale")) >= 3
    assert "Liu Aiping" in page.locator(".network-chart .labels text").all_text_contents()
    boxes = page.evaluate("""[...document.querySelectorAll('.network-chart .labels text')].map((t) => {
        const b = t.getBBox(); return [b.x, b.y, b.width, b.height]; })""")
    for i, a in enumerate(boxes):  # no two labels overlap
        for b in boxes[i + 1:]:
            assert a[0] + a[2] <= b[0] + 0.5 or b[0] + b[2] <= a[0] + 0.5 or a[1] + a[3] <= b[1] + 0.5 or \
                b[1] + b[3] <= a[1] + 0.5, (a, b)


def test_glossary(page: Any) -> None:  # noqa: F811
    open_view(page, "/#/events?status=historical", "events")
    assert page.inner_text(".event-card .salience") == "mentioned"  # the 1993 agreement, named in passing
    page.click(".event-card a.salience")
    wait_view(page, "glossary")
    text = page.inner_text("main")
    for term in ("occurred", "planned", "historical", "mentioned", "057", "CONSULT"):
        assert term in text
    assert page.locator("table.codes tr[data-type=agreement]").inner_text().count("057") == 1
    shot(page, "glossary")


def test_phone_nav_shows_every_view(phone: Any) -> None:
    open_view(phone, "/#/events", "events")
    links = phone.locator("#nav a")
    for i in range(links.count()):
        box = links.nth(i).bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"] + 1, links.nth(i).inner_text()
    assert overflow(phone) <= 1
    SHOTS.mkdir(parents=True, exist_ok=True)
    phone.screenshot(path=str(SHOTS / "nav-phone.png"), clip={"x": 0, "y": 0, "width": PHONE["width"], "height": 160})


@pytest.mark.parametrize("view", ["timeline", "network", "matrix", "map"])
def test_phone_layouts_fit_the_screen(phone: Any, view: str) -> None:
    open_view(phone, f"/#/{view}", view)
    assert overflow(phone) <= 1, f"the {view} page is wider than the phone"
    if view == "timeline":
        labels = phone.evaluate("""[...document.querySelectorAll('.timeline-chart text.axis:not(.tick):not(.year-label)')]
            .map((t) => { const b = t.getBoundingClientRect(); return [b.left, b.right]; })""")
        for a, b in zip(labels, labels[1:], strict=False):
            assert a[1] <= b[0] + 0.5, "month labels overlap"
    if view == "matrix":
        table = phone.locator("table.matrix").bounding_box()
        assert table["width"] <= PHONE["width"]
    if view in ("network", "map"):
        svg = phone.locator(".chart.zoomable").bounding_box()
        assert svg["width"] <= PHONE["width"]
    shot(phone, f"{view}-phone")



def test_people_and_orgs_lists_export_what_they_show(page: Any) -> None:  # noqa: F811
    import csv
    import io
    from pathlib import Path

    open_view(page, "/#/people?q=liu", "people")
    with page.expect_download() as info:
        page.click("a[data-export=csv]")
    rows = list(csv.DictReader(io.StringIO(Path(info.value.path()).read_text(encoding="utf-8"))))
    assert [r["name"] for r in rows] == ["Liu Aiping"] and rows[0]["country"] == "CN"
    open_view(page, "/#/orgs", "orgs")
    with page.expect_download() as info:
        page.click("a[data-export=json]")
    assert "China International Youth Exchange Center" in Path(info.value.path()).read_text(encoding="utf-8")


def test_api_docs_render_code_and_whole_headers(page: Any) -> None:  # noqa: F811
    page.set_viewport_size({"width": 800, "height": 900})  # narrow, with the parameter tables still shown
    page.goto("/docs")
    page.wait_for_selector("main[data-state=ready]")
    assert "`" not in page.inner_text("main > p")
    assert page.locator("main > p code").count() >= 1
    lines = page.evaluate("""[...document.querySelectorAll('table.params th')].map((th) => {
        const r = document.createRange(); r.selectNodeContents(th); return r.getClientRects().length; })""")
    assert lines and set(lines) == {1}  # every header on one line: none is broken mid-word
    assert "/api/places" in page.inner_text("main") and "/api/people.csv" in page.inner_text("main")
