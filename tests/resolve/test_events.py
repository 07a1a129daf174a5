"""Event deduplication: compatible dates plus shared participants, or place and countries."""

from __future__ import annotations

import pytest

from amity.resolve.events import (
    EventKey,
    dates_compatible,
    match_basis,
    merge_events,
    people_overlap,
    place_relation,
    same_event,
)

KR_CN = frozenset({"KR", "CN"})


def key(date: str | None = "2024-05-27", **kw: object) -> EventKey:
    base: dict[str, object] = {
        "type": "meeting",
        "date": date,
        "countries": KR_CN,
        "person_ids": frozenset({1, 2}),
    }
    base.update(kw)
    return EventKey(**base)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("a", "b", "ok"),
    [
        ("2024-05-27", "2024-05-27", True),
        ("2024-05", "2024-05-27", True),
        ("2024", "2024-05-27", True),
        ("2024-05-27", "2024-05-28", False),
        ("2024-05-27", "2024-06", False),
        ("2018-05-27", "2024-05-27", False),
    ],
)
def test_dates(a: str, b: str, ok: bool) -> None:
    assert dates_compatible(key(a), key(b)) is ok
    assert dates_compatible(key(b), key(a)) is ok


def test_multi_day_slack() -> None:
    span = key("2024-03-10", end_date="2024-03-12")
    assert dates_compatible(span, key("2024-03-13"))
    assert dates_compatible(span, key("2024-03-14"))
    assert not dates_compatible(span, key("2024-03-15"))


def test_undated_anchored_on_publication() -> None:
    assert dates_compatible(key(None, published="2024-05-28"), key("2024-05-27"))
    assert dates_compatible(key(None, published="2024-05-28"), key(None, published="2024-06-10"))
    assert not dates_compatible(key(None, published="2019-05-28"), key(None, published="2024-05-28"))
    assert not dates_compatible(key(None), key("2024-05-27"))  # no date, no publication: never


def test_same_event_needs_shared_evidence() -> None:
    assert same_event(key(), key(person_ids=frozenset({2, 9})))
    assert not same_event(key(), key(person_ids=frozenset({9})))
    assert not same_event(key(), key(type="visit"))
    place = {"person_ids": frozenset(), "place_id": 5}
    assert same_event(key(**place), key(**place))
    assert not same_event(
        key(**place), key(place_id=5, person_ids=frozenset(), countries=frozenset({"JP", "CN"}))
    )


def test_country_sets_must_nest() -> None:
    assert same_event(key(), key(countries=frozenset({"KR"})))
    assert not same_event(key(), key(countries=frozenset({"KR", "JP"})))


def test_rounds_with_different_numbers_stay_apart() -> None:
    a = key("2024-07", name="5th Youth Camp", person_ids=frozenset(), org_ids=frozenset({3}))
    b = key("2024-07-10", name="6th Youth Camp", person_ids=frozenset(), org_ids=frozenset({3}))
    assert not same_event(a, b)
    assert same_event(
        a, key("2024-07-10", name="Fifth Youth Camp", person_ids=frozenset(), org_ids=frozenset({3}))
    )


def test_merge_prefers_specific_date_and_unions_lists() -> None:
    m = merge_events(
        [
            {
                "type": "visit",
                "status": "planned",
                "salience": "mentioned",
                "date": "2024-05",
                "name": None,
                "countries": ["KR"],
                "fields": ["youth"],
                "place": {"name": None, "country": "KR"},
            },
            {
                "type": "visit",
                "status": "occurred",
                "salience": "main",
                "date": "2024-05-27",
                "name": "Study tour",
                "countries": ["CN", "KR"],
                "fields": ["education"],
                "place": {"name": "Seoul", "country": "KR"},
            },
        ]
    )
    assert (m["date"], m["status"], m["salience"], m["name"]) == (
        "2024-05-27",
        "occurred",
        "main",
        "Study tour",
    )
    assert m["countries"] == ["CN", "KR"] and m["fields"] == ["education", "youth"]
    assert m["place"] == {"name": "Seoul", "country": "KR"}


# --- finer evidence: place names through the gazetteer, people's names and countries --------------

VN_KR = frozenset({"VN", "KR"})


def report(date: str | None = "2025-04-16", **kw: object) -> EventKey:
    """A report of a Korean delegation's visit to Can Tho: ids differ unless a test shares them."""
    base: dict[str, object] = {
        "type": "visit",
        "date": date,
        "countries": VN_KR,
        "place_name": "Can Tho City",
        "place_country": "VN",
    }
    base.update(kw)
    return EventKey(**base)  # type: ignore[arg-type]


def test_place_relation_through_the_gazetteer() -> None:
    city_and_country = (report(), report(place_name="Vietnam", place_country="VN"))
    assert place_relation(*city_and_country) == "within"
    assert place_relation(report(), report(place_name="Can Tho")) == "same"
    assert (
        place_relation(report(place_name="Seoul", place_country="KR"), report(place_name="Busan"))
        == "conflict"
    )
    assert place_relation(report(), report(place_name="Marseille", place_country="FR")) == "conflict"
    assert place_relation(report(), report(place_name=None)) == "unknown"


def test_month_matches_a_day_in_it_when_a_person_agrees() -> None:
    day = report("2025-04-16", person_ids=frozenset({1, 2}))
    assert match_basis(day, report("2025-04", person_ids=frozenset({2}))) == "person"
    assert not same_event(day, report("2025-05", person_ids=frozenset({2})))
    # a month and the same city, but both reports name different guests from Korea: two visits
    a = report("2025-04", person_ids=frozenset({1}), person_countries=frozenset({"KR"}))
    b = report("2025-04-28", person_ids=frozenset({3}), person_countries=frozenset({"KR"}))
    assert not same_event(a, b)
    # a month, the same city, and only one report names anyone: the place is enough
    assert match_basis(
        report("2025-04", place_id=4), report("2025-04-16", place_id=4, person_ids=frozenset({3}))
    )


def test_city_in_the_country_named_by_the_other_report() -> None:
    a = report(person_ids=frozenset({1}), org_ids=frozenset({7}))
    b = report(place_name="Vietnam", org_ids=frozenset({7}))
    assert match_basis(a, b) == "organization"  # same type, day and countries, a shared organization
    assert not same_event(a, report(place_name="Vietnam", org_ids=frozenset({8})))


def test_conflicting_places_part_reports_unless_a_person_shares_the_very_day() -> None:
    # one person, one month, two cities in two countries: two visits
    a = report("2016-05", person_ids=frozenset({5}), place_name="Qingdao", place_country="CN")
    b = report("2016-05", person_ids=frozenset({5}), place_name="Medan", place_country="ID")
    assert not same_event(a, b)
    # the same day and the same person: one report took its place from an office ('Governor of ...')
    c = report("2017-08-03", person_ids=frozenset({5}), place_name="Kyoto", place_country="JP")
    d = report("2017-08-03", person_ids=frozenset({5}))
    assert match_basis(c, d) == "person (places differ)"
    # neighbouring days of a multi-day forum are not the very same day
    e = report("2021-03-22", end_date="2021-03-24", person_ids=frozenset({5}))
    f = report("2021-03-25", person_ids=frozenset({5}), place_name="Incheon", place_country="KR")
    assert dates_compatible(e, f) and not same_event(e, f)


def test_people_by_name_dropped_surname_and_bare_surname() -> None:
    full = report(person_names=frozenset({"Vu Thanh Huong", "Kim Min-jun"}))
    assert people_overlap(full, report(person_names=frozenset({"Thanh Huong"}))) == "same"
    assert people_overlap(full, report(person_names=frozenset({"Minjun Kim"}))) == "same"
    assert people_overlap(full, report(person_names=frozenset({"Kim"}))) == "surname"
    # a bare surname counts on the same day at a compatible place, not alone
    assert (
        match_basis(full, report(person_names=frozenset({"Kim"}), place_name="Vietnam"))
        == "surname and place"
    )
    assert not same_event(full, report("2025-04", person_names=frozenset({"Kim"}), place_name="Vietnam"))


def test_each_report_naming_its_own_side_is_no_conflict() -> None:
    a = report(place_id=4, person_ids=frozenset({1}), person_countries=frozenset({"VN"}))
    b = report(place_id=4, person_ids=frozenset({2}), person_countries=frozenset({"KR"}))
    assert people_overlap(a, b) == "disjoint" and match_basis(a, b) == "place"
    c = report(place_id=4, person_ids=frozenset({3}), person_countries=frozenset({"KR", "VN"}))
    assert people_overlap(b, c) == "conflict" and not same_event(b, c)


def test_stays_apart_across_years_rounds_and_publication() -> None:
    mayors = {"type": "meeting", "person_ids": frozenset({1, 2}), "place_id": 4}
    assert not same_event(report("2018-06-02", **mayors), report("2024-06-02", **mayors))
    rounds = {"type": "program", "org_ids": frozenset({7}), "place_id": 4, "name": "Youth Camp"}
    assert not same_event(report("2024-07-10", **rounds), report("2024-08-14", **rounds))
    undated = report(None, published="2019-03-01", person_ids=frozenset({1}))
    assert not same_event(undated, report(None, published="2024-03-01", person_ids=frozenset({1})))
    assert not same_event(undated, report("2024-03-01", person_ids=frozenset({1})))
    assert match_basis(undated, report("2019-02-20", person_ids=frozenset({1}))) == "person"


def test_undated_and_year_reports_need_more_than_a_place() -> None:
    a = report(None, published="2024-05-28", place_id=4)
    assert not same_event(a, report(None, published="2024-05-30", place_id=4))
    year = report("2024", person_ids=frozenset({1}), place_name=None)
    assert not same_event(year, report("2024-05-27", person_ids=frozenset({1}), place_name=None))
    assert (
        match_basis(
            report("2024", person_ids=frozenset({1})), report("2024-05-27", person_ids=frozenset({1}))
        )
        == "person"
    )


def test_event_names_with_ordinal_words_and_numbers_agree() -> None:
    a = report("2024-07", type="program", name="Fifth Korea-Vietnam Youth Camp")
    assert match_basis(a, report("2024-07-10", type="program", name="5th Korea-Vietnam Youth Camp")) == "name"
    assert not same_event(a, report("2024-07-10", type="program", name="6th Korea-Vietnam Youth Camp"))
