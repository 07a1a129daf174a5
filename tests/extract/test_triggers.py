"""Common ways news reports meetings, calls, trips and signings, each found as its event type."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from amity.records import DocumentRecord

Run = Callable[[str], DocumentRecord]


@pytest.mark.parametrize(
    "sentence, kind",
    [
        ("Peruvian President Ana Rojas telephoned Chilean President Luis Soto on Monday.", "meeting"),
        ("Chile's Minister of Mining Luis Soto on Monday received a group of visiting Peruvian engineers in "
         "Santiago.", "meeting"),
        ("A Peruvian film week organised by Peru's embassy opened in Santiago, Chile, on Monday.", "program"),
        ("Peruvian and Chilean volleyball teams played friendly matches in Arica on Saturday.", "program"),
        ("Peruvian Education Minister Ana Rojas and Chilean Education Minister Luis Soto held a video "
         "conference on Monday on student mobility.", "meeting"),
        ("Peruvian President Ana Rojas and Chilean President Luis Soto discussed water on Monday in a call.", "meeting"),
        ("The Chilean foreign minister held discussions with Peruvian envoy Mario Paz in Lima.", "meeting"),
        ("Chilean President Luis Soto gave a warm welcome to Peruvian President Ana Rojas in Santiago.", "meeting"),
        ("Chilean President Luis Soto shook hands with Peruvian President Ana Rojas in Arica.", "meeting"),
        ("Peru's Ana Rojas spent Monday in one-on-one meetings with Chilean mayors.", "meeting"),
        ("Peruvian President Ana Rojas and her Chilean counterpart Luis Soto meet in Arica on Monday.", "meeting"),
        ("Peruvian President Ana Rojas leaves for Chile on Monday.", "visit"),
        ("Peruvian President Ana Rojas arrived on Monday in Santiago, Chile.", "visit"),
        ("Peru and Chile signed a joint statement on river management in Arica on Monday.", "agreement"),
        ("Peru and Chile announced a cross-border rail deal in Arica on Monday.", "agreement"),
        ("Peru, Chile and Bolivia announced a regional rail and river ports deal on Monday.",
         "agreement"),
        ("The joint communiqué of Peru and Chile, dated Monday, sets out plans for student exchanges.", "release"),
    ],
)
def test_shapes_of_exchange_events(run: Run, sentence: str, kind: str) -> None:
    rec = run(sentence + "\n")
    assert kind in {e.type for e in rec.events}, [e.type for e in rec.events]


@pytest.mark.parametrize(
    "sentence",
    [
        "The Tunisian champion was left to digest another defeat against a Czech rival in London.",
        "The Chilean factory expanded to meet the growing demand of Peruvian and Bolivian buyers.",
        "For more information on Chilean and Peruvian recipes, visit the festival website.",
    ],
)
def test_words_that_only_look_like_exchanges(run: Run, sentence: str) -> None:
    rec = run(sentence + "\n")
    assert not rec.events, [e.type for e in rec.events]


@pytest.mark.parametrize(
    "sentence, place",
    [
        ("Chilean and Peruvian leaders arrived on Monday in the Bolivian city of Sucre for a summit.", "Sucre"),
        ("Chilean and Peruvian ministers signed a water pact in the capital, Lima, on Monday.", "Lima"),
        ("The Chilean minister praised Peru's hospitality on his Lima trip last week.", "Lima"),
    ],
)
def test_places_named_around_the_event(run: Run, sentence: str, place: str) -> None:
    rec = run(sentence + "\n")
    assert any(e.place and e.place.name == place for e in rec.events), [e.place for e in rec.events]


@pytest.mark.parametrize(
    "sentence",
    [
        "The Chilean and Peruvian foreign ministers urged both sides to exercise restraint at the border.",
        "Chile's trade body said Peru has launched an anti-dumping probe into Chilean steel.",
        "Chilean and Peruvian officials said the two countries would fund a larger road building program.",
    ],
)
def test_activity_words_used_otherwise(run: Run, sentence: str) -> None:
    rec = run(sentence + "\n")
    assert not [e for e in rec.events if e.type == "program"], [e.trigger for e in rec.events]


@pytest.mark.parametrize(
    "sentence",
    [
        "President Ana Rojas telephoned President Luis Soto on Tuesday.",
        "Prime Minister Ana Rojas held talks with President Luis Soto in the capital.",
        "President Ana Rojas gave a warm welcome to President Luis Soto.",
    ],
)
def test_two_named_leaders_meeting_is_an_exchange(run: Run, sentence: str) -> None:
    rec = run(sentence + "\n")
    assert [e for e in rec.events if e.type == "meeting"]


def test_two_officials_of_one_country_meeting_is_domestic(run: Run) -> None:
    rec = run("Chilean Finance Minister Ana Rojas met Chilean Prime Minister Luis Soto in Santiago on Tuesday.\n")
    assert not rec.events


def test_a_place_that_belongs_to_something_else_is_not_the_events(run: Run) -> None:
    rec = run(
        "Chilean President Luis Soto arrived in Lima on Monday for a two-day visit to Peru.\n"
        "Soto met Peruvian mining executive Ana Rojas to encourage investment in Chile's copper industry.\n"
    )
    meetings = [e for e in rec.events if e.type == "meeting"]
    assert meetings and all(not e.place or e.place.country == "PE" for e in meetings), [e.place for e in meetings]
