"""Sister-city news often names no country, only two cities and their offices: 'Gdansk Deputy Mayor
Anna Nowak met Bremen Mayor Klaus Weber'. The place an office is named after gives its country, and
'<City> Mayor' is a title, not part of the name after it."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from amity.records import DocumentRecord

Run = Callable[..., DocumentRecord]


def _people(rec: DocumentRecord) -> set[tuple[str | None, str | None, str | None]]:
    return {(p.name, p.title, p.country) for e in rec.events for p in e.participants}


TWO_CITIES = [
    (
        "Twin towns meet again\n\n"
        "Gdansk Deputy Mayor Anna Nowak travelled to Bremen, where she met Bremen Mayor Klaus Weber. "
        "They signed a protocol on youth exchanges.\n",
        {"DE", "PL"},
        {("Anna Nowak", "Deputy Mayor", "PL"), ("Klaus Weber", "Mayor", "DE")},
    ),
    (  # the second city only in the name of its council
        "Culture pact between two cities\n\n"
        "Porto Mayor Rui Almeida received a delegation of the Curitiba City Council on Monday. The "
        "delegation and the mayor signed a memorandum on cultural exchanges between the two cities.\n",
        {"BR", "PT"},
        {("Rui Almeida", "Mayor", "PT")},
    ),
]


@pytest.mark.parametrize(("text", "countries", "people"), TWO_CITIES)
def test_two_cities_named_only_by_their_offices_make_an_exchange(
    run: Run, text: str, countries: set[str], people: set[tuple[str, str, str]]
) -> None:
    rec = run(text)
    assert "agreement" in {e.type for e in rec.events}
    assert all(set(e.countries) == countries for e in rec.events)
    assert people <= _people(rec)


def test_a_city_and_its_title_before_a_name_are_not_part_of_the_name(run: Run) -> None:
    rec = run(
        "Mayors renew sister-city ties\n\n"
        "Busan Mayor Park Hyun-woo welcomed Kaohsiung Mayor Chen Li-hua to City Hall on Tuesday, and "
        "the two cities signed an agreement on tourism and student exchanges.\n"
    )
    assert ("Park Hyun-woo", "Mayor", "KR") in _people(rec)
    assert not any(name and "Mayor" in name for name, _, _ in _people(rec))


def test_one_city_office_alone_is_still_a_domestic_story(run: Run) -> None:
    rec = run(
        "City signs deal with local university\n\n"
        "Porto Mayor Rui Almeida and the rector of the city's university signed a memorandum on student "
        "housing on Monday.\n"
    )
    assert rec.events == ()


def test_cities_the_recogniser_took_for_names_still_count_and_the_headline_is_the_same_meeting(
    run: Run,
) -> None:
    rec = run(
        "Mayors of Lyon and Busan meet for first time in a decade\n\n"
        "The mayor of Busan, Park Min-jun, met Lyon Mayor Claire Martin at Lyon City Hall on Tuesday, the "
        "first talks between the heads of the two sister cities since 2014.\n",
        published="2024-11-20",
    )
    meetings = [e for e in rec.events if e.type == "meeting" and e.status == "occurred"]
    assert len(meetings) == 1, rec.events
    assert meetings[0].countries == ("FR", "KR")
    assert {p.name for p in meetings[0].participants} == {"Park Min-jun", "Claire Martin"}
