"""Matching on what real reports of one event share, and only that (sentences are this file's own)."""

from __future__ import annotations

import dataclasses

from amity.resolve.events import EventKey, assess, match_basis, name_relation, part_of

RU_SUMMIT = frozenset({"BRICS", "RU", "CN", "IN"})


def k(**kw: object) -> EventKey:
    base: dict[str, object] = {"type": "conference", "countries": RU_SUMMIT}
    base.update(kw)
    return EventKey(**base)  # type: ignore[arg-type]


def test_name_variants_of_one_summit() -> None:
    assert name_relation("BRICS Summit", "Brics Plus summit") == "same"
    assert name_relation(
        "Belt and Road Forum", "Third Belt and Road Forum for International Cooperation"
    ) == ("contained")
    assert name_relation("China's Belt and Road Forum", "3rd Belt and Road Forum") == "same"
    assert name_relation("the summit", "the summit") is None  # nothing in it tells one summit from another
    assert name_relation("BRICS Summit", "BRICS Business Forum") is None


def test_editions_that_differ_never_merge() -> None:
    a = k(name="5th Ocean Forum", date="2024-06-03", place_name="Busan", place_country="KR")
    b = k(name="6th Ocean Forum", date="2024-06-03", place_name="Busan", place_country="KR")
    assert assess(a, b) is None


def test_an_undated_report_joins_the_dated_one_of_the_same_named_summit() -> None:
    """No date and no publication date on one side: the name and the city carry it."""
    undated = k(name="BRICS Summit", place_name="Kazan", place_country="RU")
    dated = k(
        name="BRICS Plus Summit",
        date="2024-10-24",
        published="2024-10-25",
        place_name="Kazan",
        place_country="RU",
        countries=frozenset({"BRICS", "RU", "ID"}),
    )
    m = assess(undated, dated)
    assert m is not None and m.merge, m
    assert dict(m.evidence)["place"] == "same"


def test_an_undated_report_with_only_a_vague_name_is_a_possible_duplicate() -> None:
    undated = k(
        name="Belt and Road Forum",
        place_name="Beijing",
        place_country="CN",
        countries=frozenset({"CN", "IT"}),
    )
    dated = k(
        name="Third Belt and Road Forum for International Cooperation",
        date="2023-10-17",
        published="2023-10-19",
        place_name="China",
        place_country="CN",
        countries=frozenset({"CN", "RS"}),
    )
    m = assess(undated, dated)
    assert m is not None and not m.merge  # three such forums were held in Beijing: link, do not merge
    assert match_basis(undated, dated) is None


def test_attendee_lists_that_overlap_only_partly() -> None:
    a = k(
        name="BRICS Summit",
        date="2024-10-23",
        place_name="Kazan",
        place_country="RU",
        countries=frozenset({"BRICS", "RU", "IN", "ZA"}),
    )
    b = k(
        name="BRICS Summit",
        date="2024-10-23",
        place_name="Kazan",
        place_country="RU",
        countries=frozenset({"BRICS", "RU", "CN", "IR"}),
    )
    assert match_basis(a, b) == "name"
    # a bilateral meeting is not multilateral: other pairs of countries are other meetings
    m1 = EventKey(
        type="meeting", date="2024-10-23", countries=frozenset({"RU", "IN"}), person_ids=frozenset({1})
    )
    m2 = EventKey(
        type="meeting", date="2024-10-23", countries=frozenset({"RU", "CN"}), person_ids=frozenset({1})
    )
    assert assess(m1, m2) is None


def test_a_summit_dated_by_its_first_and_by_its_second_day() -> None:
    a = k(name="G20 Summit", date="2023-09-09", place_name="New Delhi", place_country="IN")
    b = k(name="G20 summit", date="2023-09-10", place_name="New Delhi", place_country="IN")
    assert match_basis(a, b) is not None
    far = k(name="G20 summit", date="2023-09-20", place_name="New Delhi", place_country="IN")
    assert match_basis(a, far) is None


def test_city_within_country_through_the_gazetteer() -> None:
    a = EventKey(
        type="meeting",
        countries=frozenset({"RU", "UN"}),
        person_ids=frozenset({7, 8}),
        place_name="Kazan",
        place_country="RU",
    )
    b = EventKey(
        type="meeting",
        countries=frozenset({"RU", "UN"}),
        person_ids=frozenset({7, 8}),
        place_name="Russia",
        place_country="RU",
    )
    m = assess(a, b)  # neither report is dated nor published: two shared people and the place
    assert m is not None and m.merge and dict(m.evidence)["place"] == "within"


def test_planned_and_occurred_reports_of_one_visit() -> None:
    planned = EventKey(
        type="visit",
        date="2023-04-26",
        published="2023-03-07",
        countries=frozenset({"KR", "US"}),
        person_names=frozenset({"Park Min-ho"}),
    )
    occurred = EventKey(
        type="visit",
        date="2023-04-26",
        published="2023-04-26",
        countries=frozenset({"KR", "US"}),
        person_names=frozenset({"Park"}),
        place_name="Washington",
        place_country="US",
    )
    assert match_basis(planned, occurred) == "surname and countries"


def cn_id(type: str, date: str, place: str = "Beijing", country: str = "CN") -> EventKey:
    return EventKey(
        type=type, date=date, countries=frozenset({"CN", "ID"}), place_name=place, place_country=country
    )


def test_talks_during_a_visit_are_part_of_it() -> None:
    visit, talks = cn_id("visit", "2024-11"), cn_id("meeting", "2024-11-09")
    m = part_of(talks, visit, same_doc=False)
    assert m is not None and dict(m.evidence) == {"date": "within", "place": "same"}
    assert part_of(visit, talks, same_doc=False) is None  # never the other way round
    assert part_of(cn_id("meeting", "2024-11-09", "Jakarta", "ID"), visit, same_doc=True) is None
    assert part_of(cn_id("meeting", "2024-12-15"), visit, same_doc=True) is None


def test_a_numbered_edition_dated_by_its_announcement() -> None:
    """One report dates 'the 3rd ... Forum' by the day it was announced, another by the day it opened."""
    a = k(
        name="3rd Belt and Road Forum for International Cooperation",
        date="2023-10-10",
        place_name="Beijing",
        place_country="CN",
        countries=frozenset({"CN", "TH"}),
    )
    b = k(
        name="Third Belt and Road Forum",
        date="2023-10-17",
        place_name="Beijing",
        place_country="CN",
        countries=frozenset({"CN", "RS"}),
    )
    assert match_basis(a, b) == "named edition"
    c = k(
        name="Belt and Road Forum",
        date="2023-10-10",
        place_name="Beijing",
        place_country="CN",
        countries=frozenset({"CN", "TH"}),
    )
    assert match_basis(c, b) is None  # without the edition, a week apart is another event
    forum = "Third Belt and Road Forum for International Cooperation"
    assert name_relation("the Belt And Road Initiative Forum", forum) == "similar"
    assert name_relation("China-ASEAN Media Salon", "China-ASEAN Media Cooperation Forum") is None


def test_a_name_alike_but_for_one_word_merges_at_the_same_place() -> None:
    a = k(
        name="the Belt And Road Initiative Forum", date="2023-10-18", place_name="Beijing", place_country="CN"
    )
    b = k(
        name="Third Belt and Road Forum for International Cooperation",
        date="2023-10-17",
        end_date="2023-10-18",
        place_name="Beijing",
        place_country="CN",
    )
    assert match_basis(a, b) == "name and place"
    assert (
        match_basis(a, k(name=b.name, date="2023-10-18", place_name="Shanghai", place_country="CN")) is None
    )


def pairs(*people: tuple[str, str]) -> dict[str, object]:
    return {
        "person_names": frozenset(n for n, _ in people),
        "person_pairs": frozenset(people),
        "person_countries": frozenset(c for _, c in people),
    }


def test_one_visitor_meeting_two_hosts_is_two_meetings() -> None:
    """'The prime minister met the premier' and '... met the president' on one trip: two meetings."""
    base = {
        "type": "meeting",
        "date": "2023-10-18",
        "countries": frozenset({"CN", "TH"}),
        "place_name": "Beijing",
        "place_country": "CN",
        "person_ids": frozenset({1}),
    }
    premier = EventKey(**base, **pairs(("Somchai Rattana", "TH"), ("Zhou Ming", "CN")))  # type: ignore[arg-type]
    president = EventKey(**base, **pairs(("Somchai Rattana", "TH"), ("Chen Hua", "CN")))  # type: ignore[arg-type]
    assert assess(premier, president) is None
    same = EventKey(**base, **pairs(("Somchai Rattana", "TH"), ("Zhou Ming", "CN"), ("Lek Boonma", "TH")))  # type: ignore[arg-type]
    assert match_basis(premier, same) == "person"  # another member of the same side is no conflict


def test_a_leader_in_the_news_all_month_is_not_one_meeting() -> None:
    a = EventKey(type="meeting", date="2024-12", countries=frozenset({"CN", "ID"}), person_ids=frozenset({9}))
    b = EventKey(
        type="meeting", date="2024-12-09", countries=frozenset({"CN", "ID"}), person_ids=frozenset({9})
    )
    assert match_basis(a, b) is None  # one shared person in a month: not enough for a meeting
    both = EventKey(
        type="meeting", date="2024-12-09", countries=frozenset({"CN", "ID"}), person_ids=frozenset({9, 4})
    )
    assert (
        match_basis(
            EventKey(
                type="meeting",
                date="2024-12",
                countries=frozenset({"CN", "ID"}),
                person_ids=frozenset({9, 4}),
            ),
            both,
        )
        == "person"
    )


def test_differently_named_events_and_a_shared_country_are_not_one_event() -> None:
    a = k(
        name="Coastal Cities Expo",
        date="2024-07",
        place_name="Thailand",
        place_country="TH",
        countries=frozenset({"TH", "CA"}),
    )
    b = k(
        name="Mekong Ministers Meeting",
        date="2024-07-21",
        place_name="Thailand",
        place_country="TH",
        countries=frozenset({"TH", "MM"}),
    )
    assert assess(a, b) is None
    c = k(
        name=None,
        date="2024-07-21",
        place_name="Thailand",
        place_country="TH",
        countries=frozenset({"TH", "MM"}),
    )
    assert match_basis(a, c) is None  # the same country is no place evidence


def test_an_undated_meeting_naming_the_summits_bloc_is_on_its_sidelines() -> None:
    """A report with no publication date gives a summit (dated by another outlet) and a meeting of two
    leaders in the host country that names the summit's bloc: linked as part of it, never merged."""
    summit = EventKey(
        "conference",
        "2025-07-03",
        None,
        "2025-07-04",
        "SCO summit",
        None,
        frozenset({"SCO", "RU", "CN", "KZ"}),
    )
    summit = dataclasses.replace(summit, place_name="Kazan", place_country="RU")

    def talks(*countries: str) -> EventKey:
        return EventKey(
            type="meeting", place_name="Russia", place_country="RU", countries=frozenset(countries)
        )

    m = part_of(talks("SCO", "RU", "KZ"), summit, same_doc=True)
    assert m is not None and dict(m.evidence) == {"bloc": "same", "place": "within", "report": "same"}
    assert assess(talks("SCO", "RU", "KZ"), summit) is None
    assert part_of(talks("RU", "KZ"), summit, same_doc=True) is None  # one report and a country: too little
    assert part_of(talks("SCO", "RU", "KZ"), summit, same_doc=False) is None  # other reports: no date
