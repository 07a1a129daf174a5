"""The map's and the timeline's aggregates on both backends: events per place, and per period at the
precision of their dates."""

from __future__ import annotations

from amity.store import SQLRegistry
from amity.store.interface import EventFilter
from tests.serve import corpus


def test_place_and_date_counts(registry: SQLRegistry) -> None:
    corpus.load(registry)
    places = registry.place_counts()
    assert places[0] == {"name": "Beijing", "country": "CN", "n": 2, "types": {"agreement": 1, "visit": 1}}
    assert sum(p["n"] for p in places) == registry.list_events(EventFilter())[1]
    assert registry.place_counts(EventFilter(type="visit")) == [
        {"name": "Beijing", "country": "CN", "n": 1, "types": {"visit": 1}}]
    dates = registry.date_counts()
    assert {"year": "1993", "type": "agreement", "n": 1} in dates["years"]
    assert {"month": "2025-09", "type": "conference", "precision": "month", "n": 1} in dates["months"]
    assert dates["total"] == sum(p["n"] for p in places)
    assert registry.date_counts(EventFilter(countries=("CN", "VN"))) == {
        "months": [], "years": [], "undated": 0, "total": 0}
