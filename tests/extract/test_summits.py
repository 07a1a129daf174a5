"""Summits in real reports: a bloc's summit named in lower case, summits in different countries kept apart,
the day of a journey to a summit not taken as the summit's, and page captures with '&nbsp;' entities."""

from __future__ import annotations

from collections.abc import Callable

from amity.ingest.clean import scrub, text_to_document
from amity.records import DocumentRecord

Run = Callable[..., DocumentRecord]


def _conferences(rec: DocumentRecord) -> list:
    return [e for e in rec.events if e.type == "conference"]


def test_a_blocs_summit_in_lower_case_is_named_after_the_bloc(run: Run) -> None:
    rec = run(
        "Leaders of Chile and Vietnam held talks in Jakarta on Tuesday on the sidelines of the ASEAN summit, "
        "which gathered heads of government from the region.\n"
    )
    [summit] = _conferences(rec)
    assert summit.name == "ASEAN summit"


def test_a_city_before_summit_is_not_a_name(run: Run) -> None:
    rec = run("Heads of state from Kenya, Ghana and Peru gathered in Lima on Monday for the Lima summit.\n")
    assert all(e.name != "Lima summit" for e in _conferences(rec))


def test_summits_in_two_countries_are_two_events(run: Run) -> None:
    rec = run(
        "The Brazilian president chaired a regional forum in Santiago, Chile, on climate finance with "
        "ministers from Peru and Colombia.\n\n"
        "He also spoke at an investment forum in Nairobi, Kenya, with leaders from Uganda and Tanzania.\n"
    )
    places = {e.place.country for e in _conferences(rec) if e.place}
    assert {"CL", "KE"} <= places
    assert len(_conferences(rec)) >= 2


def test_the_day_of_a_journey_to_a_summit_is_not_the_summits(run: Run) -> None:
    rec = run(
        "The Foreign Minister of Peru arrived at Kazan airport on Monday to take part in the G20 summit, "
        "the ministry in Lima said.\n\n"
        "At the G20 summit in Kazan on Wednesday, leaders from Peru, Chile and India adopted a statement.\n",
        published="2025-03-14",
    )
    summits = _conferences(rec)
    assert len(summits) == 1
    assert summits[0].date == "2025-03-12"  # Wednesday, not Monday's arrival


def test_nbsp_entities_become_spaces_of_the_same_length() -> None:
    text = "Ministers met at the&nbsp;SCO&#160;summit&#xa0;in Astana."
    clean = scrub(text)
    assert len(clean) == len(text)
    assert "&" not in clean
    assert clean.split() == ["Ministers", "met", "at", "the", "SCO", "summit", "in", "Astana."]
    doc = text_to_document("c.txt", "Title\n\n" + text + "\n")
    assert doc.text.index("Astana") == ("Title\n\n" + text).index("Astana")


def test_a_summit_written_with_nbsp_entities_is_named(run: Run) -> None:
    rec = run(
        "Delegates from Mongolia and Kazakhstan met on Friday at the&nbsp;SCO&nbsp;summit in Astana to "
        "discuss youth exchanges.\n"
    )
    assert any(e.name == "SCO summit" for e in _conferences(rec))
