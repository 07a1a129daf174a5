"""Event deduplication: compatible dates plus shared participants, or place and countries."""

from __future__ import annotations

import pytest

from amity.resolve.events import EventKey, dates_compatible, merge_events, same_event

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
