"""Curation in Debian's Chromium, driven by Playwright: sign in with a token, fix an event's date, remove
a wrong participant, merge two events, add an event by hand; then `amity ingest --reextract` the same
documents, and every fix is still on the page with the history listing each."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from amity.cli import main
from amity.curate.users import add_user
from amity.store import open_registry
from tests.serve.server import ServerThread
from tests.serve.test_browser import (  # noqa: F401 - the browser fixture and helpers
    WAIT_MS,
    Watcher,
    browser,
    open_view,
    shot,
    wait_view,
)

pytestmark = pytest.mark.browser

SAMPLES = ("01_kyef_cyda_mou.txt", "02_hanoi_osaka_delegation.txt", "08_cheongju_cantho_sister_city_a.txt")
HOSTILE = "<img src=x onerror=window.__pwned=7>Hand-made forum"


class Site:
    def __init__(self, tmp: Path, samples_dir: Path) -> None:
        self.db = str(tmp / "curation.db")
        self.paths = [str(samples_dir / name) for name in SAMPLES]
        assert main(["ingest", *self.paths, "--db", self.db]) == 0
        with open_registry(self.db) as reg:
            _, self.editor = add_user(reg.db, "alice", "editor")
        self.server = ServerThread(lambda: open_registry(self.db))
        self.server.start()
        self.server.wait_started()

    def events(self) -> list[dict[str, Any]]:
        with httpx.Client(base_url=self.server.url) as http:
            return list(http.get("/api/events", params={"limit": 500}).json()["items"])


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory, samples_dir: Path) -> Iterator[Site]:
    s = Site(tmp_path_factory.mktemp("curation"), samples_dir)
    yield s
    s.server.stop()


@pytest.fixture()
def page(browser: Any, site: Site) -> Iterator[Any]:  # noqa: F811
    context = browser.new_context(base_url=site.server.url, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(WAIT_MS)
    page.watcher = Watcher(page)
    yield page
    assert page.watcher.dialogs == [], "a dialog fired"
    assert page.watcher.csp == [], "content security policy violations"
    assert page.watcher.errors == [], "script errors"
    context.close()


def sign_in(page: Any, token: str) -> None:
    open_view(page, "/#/events", "events")
    page.click("a.sign-in")
    wait_view(page, "signin")
    page.fill("form.signin input[name=token]", token)
    page.click("form.signin button[type=submit]")
    page.wait_for_selector(".session .who")
    wait_view(page, "events")


def saved(page: Any) -> None:
    """After an edit the page renders again: wait for the new render to be ready."""
    page.wait_for_selector("main[data-state=ready] .history")


def test_curation_flow_survives_reextraction(page: Any, site: Site) -> None:
    events = site.events()
    visit = next(e for e in events if e["type"] == "visit" and e["date"] == "2025-04-15")
    wrong = next(p for p in visit["participants"] if p["name"] == "Tran Quoc Hung")
    japan = sorted((e for e in events if e["type"] == "visit" and set(e["countries"]) == {"JP", "VN"}),
                   key=lambda e: e["id"])
    keep, other = japan[0], japan[1]

    page.goto("/#/events")
    wait_view(page, "events")
    assert page.locator("a.sign-in").count() == 1 and page.locator(".curation-tools").count() == 0
    bad = page.locator("a.sign-in")
    bad.click()
    wait_view(page, "signin")
    page.fill("form.signin input[name=token]", "amity_0000000000000000_not-a-real-token-at-all")
    page.click("form.signin button[type=submit]")
    page.wait_for_selector("form.signin .notice-error")
    page.watcher.errors.clear()  # the refused sign-in logs its 401 to the console by design
    sign_in(page, site.editor)
    assert page.evaluate("Object.keys(sessionStorage)").count("amity.token") == 1
    assert page.evaluate("document.cookie") == ""

    # fix the date, remove the wrong participant
    open_view(page, f"/#/event/{visit['id']}", "event")
    page.fill("form.event-edit input[name=date]", "2025-04-14")
    page.click("form.event-edit button[type=submit]")
    page.wait_for_selector("main[data-state=ready] .facts:has-text('2025-04-14')")
    saved(page)
    page.locator("tr[data-person]", has=page.locator("a.person-link:text('Tran Quoc Hung')")) \
        .locator("button.remove-participant").click()
    page.wait_for_selector("main[data-state=ready] .history-list li[data-action=remove_participant]")
    saved(page)
    assert page.locator("a.person-link:text('Tran Quoc Hung')").count() == 0
    shot(page, "curation-event")

    # merge the other Japan-Vietnam visit into the first, after a preview
    open_view(page, f"/#/event/{keep['id']}", "event")
    page.fill("form.merge-form input[name=other]", str(other["id"]))
    page.click("form.merge-form button[type=submit]")
    page.wait_for_selector(".merge-preview .preview")
    assert "2 reports" in page.inner_text(".merge-preview .preview")
    assert len(site.events()) == len(events)  # the preview keeps nothing
    page.click("button.confirm-merge")
    page.wait_for_selector("main[data-state=ready] .history-list li[data-action=merge]")
    assert page.locator("article.report").count() == 2

    # an event entered by hand, its name hostile markup shown as text
    page.click("a.new-event")
    wait_view(page, "new-event")
    page.fill("form.new-event-form input[name=name]", HOSTILE)
    page.fill("form.new-event-form input[name=date]", "2024-09-23")
    page.fill("form.new-event-form input[name=countries]", "kr, cn")
    page.fill("form.new-event-form textarea[name=text]", "The office's own note on the first round.")
    page.click("form.new-event-form button[type=submit]")
    wait_view(page, "event")
    page.wait_for_selector(".history")
    hand = int(page.evaluate("location.hash").rsplit("/", 1)[1])
    assert page.inner_text("h1.event-title") == HOSTILE

    # extract the same documents again
    assert main(["ingest", "--reextract", *site.paths, "--db", site.db]) == 0

    open_view(page, f"/#/event/{visit['id']}", "event")
    page.wait_for_selector(".history")
    assert "2025-04-14" in page.inner_text(".facts")
    assert page.locator(f"tr[data-person='{wrong['id']}']").count() == 0
    history = page.inner_text(".history")
    assert "set date" in history and "remove participant" in history and "alice" in history
    open_view(page, f"/#/event/{keep['id']}", "event")
    page.wait_for_selector(".history")
    assert page.locator("article.report").count() == 2
    assert "merge" in page.inner_text(".history")
    page.goto(f"/#/event/{other['id']}")
    page.wait_for_selector("main[data-state=error]")
    assert "merged into" in page.inner_text("main")
    page.watcher.errors.clear()  # the merged-away id answers 404 by design
    open_view(page, f"/#/event/{hand}", "event")
    page.wait_for_selector(".history")
    assert page.inner_text("h1.event-title") == HOSTILE
    assert "create" in page.inner_text(".history")
    assert page.evaluate("window.__pwned") is None
    shot(page, "curation-history")

    # a revert from the history panel
    open_view(page, f"/#/event/{visit['id']}", "event")
    page.locator(".history-list li[data-action=set] button.revert").first.click()
    page.wait_for_selector("main[data-state=ready] .facts:has-text('2025-04-15')")
    assert page.locator(".history-list li[data-action=revert]").count() == 1


def test_people_programmes_and_split_are_edited_in_the_browser(page: Any, site: Site) -> None:
    sign_in(page, site.editor)
    lee = next(p for e in site.events() for p in e["participants"] if p["name"] == "Lee Dong-hwan")
    open_view(page, f"/#/person/{lee['id']}", "person")
    page.fill("form.person-edit input[name=aliases]", "이동환")
    page.fill("form.person-edit input[name=country]", "kr")
    page.click("form.person-edit button[type=submit]")
    page.wait_for_selector("main[data-state=ready] .history-list li[data-action=set]")
    assert "이동환" in page.inner_text("main")

    # a programme comes from the events' programme; its page takes notes
    open_view(page, "/#/new-event", "new-event")
    page.fill("form.new-event-form input[name=name]", "Cheongju-Can Tho civil servant exchange, 2nd round")
    page.fill("form.new-event-form input[name=date]", "2025-10-01")
    page.fill("form.new-event-form input[name=countries]", "KR, VN")
    page.fill("form.new-event-form input[name=program]", "Cheongju-Can Tho Civil Servant Exchange")
    page.click("form.new-event-form button[type=submit]")
    wait_view(page, "event")
    open_view(page, "/#/programs", "programs")
    page.click(".programme-list a:text('Cheongju-Can Tho Civil Servant Exchange')")
    wait_view(page, "program")
    assert "round 2" in page.inner_text(".editions")
    page.fill("form.program-edit input[name=notes]", "Begun 2019 with the friendship memorandum")
    page.click("form.program-edit button[type=submit]")
    page.wait_for_selector("main[data-state=ready] p.notes")
    program_hash = page.evaluate("location.hash")

    # split: merge two reports into one event, then split one off again, each after a preview
    events = sorted(site.events(), key=lambda e: e["id"])
    a, b = next((x, y) for x in events for y in events if x["id"] < y["id"]
                and x["type"] == y["type"] == "agreement" and x["n_sources"] == y["n_sources"] == 1)
    open_view(page, f"/#/event/{a['id']}", "event")
    page.fill("form.merge-form input[name=other]", str(b["id"]))
    page.click("form.merge-form button[type=submit]")
    page.click("button.confirm-merge")
    page.wait_for_selector("main[data-state=ready] .history-list li[data-action=merge]")
    page.locator("article.report button.split").last.click()
    page.wait_for_selector(".split-preview .preview")
    page.click("button.confirm-split")
    page.wait_for_selector("main[data-state=ready] .history-list li[data-action=split_from]")
    split = page.evaluate("location.hash")

    assert main(["ingest", "--reextract", *site.paths, "--db", site.db]) == 0
    open_view(page, f"/#/person/{lee['id']}", "person")
    page.wait_for_selector(".history")
    assert "이동환" in page.inner_text("main")
    page.goto("/" + program_hash)
    wait_view(page, "program")
    assert page.inner_text("p.notes") == "Begun 2019 with the friendship memorandum"
    page.goto("/" + split)
    wait_view(page, "event")
    page.wait_for_selector(".history")
    assert page.locator("article.report").count() == 1
    open_view(page, f"/#/event/{a['id']}", "event")
    assert page.locator("article.report").count() == 1
