"""A report written before a summit: what is to be done at the summit makes the summit planned, the day
a leader sets off is not the summit's, 'the three-day meeting' is the summit already reported, and a
forum said of a body ('remains a key forum') is no event."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from amity.records import DocumentRecord

Run = Callable[..., DocumentRecord]


def _conferences(rec: DocumentRecord) -> list:
    return [e for e in rec.events if e.type == "conference"]


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("The Chilean president will meet the Kenyan president at the APEC summit in Lima.\n", "planned"),
        (
            "The Chilean president met the Kenyan president at the APEC summit in Lima on Monday.\n",
            "occurred",
        ),
        (
            "Ministers from Peru and Ghana gathered ideas for a summit where trade rules will be debated by "
            "leaders of both countries.\n",
            "planned",
        ),
        (
            "Leaders of Chile and Kenya are in Lima for the annual Pacific Rim Summit, where they will also "
            "hold talks with partners from Peru.\n",
            "occurred",
        ),
    ],
)
def test_what_will_be_done_at_a_summit_makes_the_summit_planned(run: Run, text: str, status: str) -> None:
    """What is to be done at a summit ('will meet ... at the summit', 'a summit where rules will be
    debated') makes it planned; what was done there, or a summit under way, does not."""
    assert [e.status for e in _conferences(run(text))] == [status]


def test_the_day_a_leader_sets_off_for_a_summit_is_not_the_summits(run: Run) -> None:
    rec = run(
        "LIMA - The Chilean president leaves for Nairobi on Wednesday, hoping to win support at a summit "
        "where leaders of Kenya and Chile will discuss ocean research.\n",
        published="2025-03-10",
    )
    [summit] = _conferences(rec)
    assert summit.date != "2025-03-12"
    assert summit.status == "planned"


def test_the_three_day_meeting_is_the_summit_already_reported(run: Run) -> None:
    text = (
        "Leaders of Chile, Peru and Kenya will gather for the Pacific Rim summit in Lima next week.\n\n"
        "The Chilean president Gabriel Soto will meet Kenyan President Amos Odhiambo there.\n\n"
        "Disputes over fishing quotas are expected to weigh on proceedings during the three-day meeting in Lima.\n"
    )
    rec = run(text, published="2025-03-10")
    [summit] = _conferences(rec)
    # run() puts a two-line header before the text: find the phrase by what follows it
    at = len("Test article\nUpdated: 2025-03-10\n\n") + text.index("the three-day meeting")
    assert any(span.start <= at < span.end for span in summit.evidence)
    for e in rec.events:
        if e.type == "meeting":
            assert not any(span.start <= at < span.end for span in e.evidence)


def test_a_forum_said_of_a_body_is_no_event(run: Run) -> None:
    rec = run(
        "Officials in Lima and Nairobi say the Pacific Rim group remains a key forum for trade between "
        "Chile and Kenya.\n"
    )
    assert _conferences(rec) == []


def test_a_trip_is_not_planned_by_a_plan_made_during_it(run: Run) -> None:
    rec = run(
        "Chile and Kenya decided that they will build a research station during the Chilean president's "
        "visit to Nairobi.\n",
        published="2025-03-14",
    )
    assert {e.status for e in rec.events if e.type == "visit"} == {"occurred"}


def test_a_journey_goes_where_its_destination_is(run: Run) -> None:
    text = "SANTIAGO - The Chilean president leaves for the Pacific Rim gathering in Kenya on Monday.\n"
    places = {e.place.country if e.place else None for e in run(text).events if e.type == "visit"}
    assert places == {"KE"}  # not Chile, the dateline's


def test_a_month_flown_in_is_the_summits_too(run: Run) -> None:
    text = (
        "The Kenyan president flew to Lima in May, where he attended the Pacific Rim summit with Chileans.\n"
    )
    [summit] = _conferences(run(text, published="2025-09-10"))
    assert summit.date == "2025-05"
