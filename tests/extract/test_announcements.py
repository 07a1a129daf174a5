"""An announcement ('PM to visit Brazil next month') reports nothing done yet: the planned events of
its headline and lead are what it is about, and what is to happen during the trip it announces
happens when the trip does."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from amity.ingest.clean import text_to_document
from amity.records import DocumentRecord

Run = Callable[..., DocumentRecord]

ANNOUNCEMENT = (
    "Dutch king to visit Chile\nUpdated: 2025-03-10\n\n"
    "King Willem of the Netherlands will pay a state visit to Chile from 14 to 17 April, the royal "
    "house said on Monday. He is expected to meet President Sofia Reyes in Santiago and to sign an "
    "agreement on water research.\n"
)


@pytest.fixture
def announced(extractor: Any) -> DocumentRecord:
    return extractor.extract(text_to_document("king.txt", ANNOUNCEMENT))  # type: ignore[no-any-return]


def test_a_headlines_x_to_visit_y_is_a_plan(announced: DocumentRecord) -> None:
    visits = [e for e in announced.events if e.type == "visit"]
    assert [e.status for e in visits] == ["planned"]  # the headline's visit is the one announced


def test_the_planned_events_of_an_announcements_lead_are_its_main_events(announced: DocumentRecord) -> None:
    rec = announced
    visit = next(e for e in rec.events if e.type == "visit")
    assert (visit.status, visit.salience, visit.date) == ("planned", "main", "2025-04-14")


def test_what_is_to_happen_during_an_announced_trip_takes_the_trips_month(announced: DocumentRecord) -> None:
    during = [e for e in announced.events if e.type in ("meeting", "agreement")]
    assert during
    assert all(e.status == "planned" and e.date == "2025-04" for e in during)  # not March, when it is told


def test_a_plan_reported_beside_what_was_done_stays_a_mention(run: Run) -> None:
    rec = run(
        "Dutch and Chilean ministers meet\n\n"
        "Dutch Foreign Minister Pieter de Graaf met Chilean Foreign Minister Sofia Reyes in Santiago on "
        "Monday. They signed an agreement on water research. De Graaf will return to Chile in June for a "
        "forum on ports.\n",
        published="2025-03-11",
    )
    planned = [e for e in rec.events if e.status == "planned"]
    assert planned and all(e.salience == "mentioned" for e in planned)
    assert any(e.status == "occurred" and e.salience == "main" for e in rec.events)
