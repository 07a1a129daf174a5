"""Event deduplication across documents, and merging of the reports of one event. Pure functions."""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from amity.resolve.names import event_name_key, name_numbers

MULTI_DAY_SLACK = 2  # days: reports of a multi-day event may give neighbouring days
UNDATED_WINDOW = 30  # days around publication in which an undated event may have happened
STATUS_RANK = {"occurred": 3, "planned": 2, "historical": 1}


def parse_interval(date: str | None, end_date: str | None = None) -> tuple[dt.date, dt.date] | None:
    """The days an ISO date (YYYY, YYYY-MM or YYYY-MM-DD) may stand for, extended to `end_date`."""
    if not date:
        return None
    try:
        lo, hi = _bounds(date)
        if end_date:
            _, end_hi = _bounds(end_date)
            hi = max(hi, end_hi)
    except ValueError:
        return None
    return lo, hi


def _bounds(date: str) -> tuple[dt.date, dt.date]:
    parts = [int(p) for p in date[:10].split("-")]
    if len(parts) == 1:
        return dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31)
    if len(parts) == 2:
        last = calendar.monthrange(parts[0], parts[1])[1]
        return dt.date(parts[0], parts[1], 1), dt.date(parts[0], parts[1], last)
    d = dt.date(parts[0], parts[1], parts[2])
    return d, d


@dataclass(frozen=True)
class EventKey:
    """What deduplication compares: one report of an event, or an event merged from several."""

    type: str
    date: str | None = None
    end_date: str | None = None
    published: str | None = None  # of the (first) reporting document: anchors undated events
    name: str | None = None
    place_id: int | None = None
    countries: frozenset[str] = field(default_factory=frozenset)
    person_ids: frozenset[int] = field(default_factory=frozenset)
    org_ids: frozenset[int] = field(default_factory=frozenset)


def window(k: EventKey) -> tuple[dt.date, dt.date] | None:
    """The days the event may have happened: its dates, or a window around publication if undated."""
    iv = parse_interval(k.date, k.end_date)
    if iv:
        return iv
    pub = parse_interval(k.published)
    if not pub:
        return None
    return pub[0] - dt.timedelta(days=UNDATED_WINDOW), pub[1] + dt.timedelta(days=UNDATED_WINDOW)


def dates_compatible(a: EventKey, b: EventKey) -> bool:
    """Equal dates, one a prefix of the other, or multi-day spans within a day or two. An undated
    report only matches within a month of its publication; with no date and no publication, never."""
    if a.date and b.date:
        if a.date.startswith(b.date) or b.date.startswith(a.date):
            return True
        ia, ib = parse_interval(a.date, a.end_date), parse_interval(b.date, b.end_date)
        if not ia or not ib:
            return False
        slack = dt.timedelta(days=MULTI_DAY_SLACK if (a.end_date or b.end_date) else 0)
        return ia[0] <= ib[1] + slack and ib[0] <= ia[1] + slack
    wa, wb = window(a), window(b)
    if not wa or not wb:
        return False
    return wa[0] <= wb[1] and wb[0] <= wa[1]


def countries_compatible(a: frozenset[str], b: frozenset[str]) -> bool:
    return not a or not b or a <= b or b <= a


def names_conflict(a: str | None, b: str | None) -> bool:
    """Two named events whose names carry different years or ordinals ('5th' vs '6th round')."""
    if not a or not b:
        return False
    na, nb = name_numbers(a), name_numbers(b)
    return bool(na and nb and na != nb)


def same_event(a: EventKey, b: EventKey) -> bool:
    if a.type != b.type or not dates_compatible(a, b) or names_conflict(a.name, b.name):
        return False
    if not countries_compatible(a.countries, b.countries):
        return False
    shared_countries = bool(a.countries & b.countries)
    if a.person_ids & b.person_ids:
        return True
    if a.place_id is not None and a.place_id == b.place_id and shared_countries:
        return True
    if a.org_ids & b.org_ids and shared_countries:
        return True
    return bool(a.name and b.name and event_name_key(a.name) == event_name_key(b.name) and shared_countries)


def merge_events(reports: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """One event's fields from its reports (spec event dicts, earliest-stored first): the first value
    given wins for names, the most specific date, the most advanced status, unions for lists."""
    if not reports:
        raise ValueError("an event needs at least one report")
    first = reports[0]
    merged: dict[str, Any] = {"type": first["type"]}
    merged["status"] = max(
        (r.get("status") or "occurred" for r in reports), key=lambda s: STATUS_RANK.get(s, 0)
    )
    merged["salience"] = "main" if any(r.get("salience") == "main" for r in reports) else "mentioned"
    for key in ("name", "program", "size"):
        merged[key] = next((r.get(key) for r in reports if r.get(key) is not None), None)
    dated = [r for r in reports if r.get("date")]
    best = max(dated, key=lambda r: len(r["date"]), default=None)
    merged["date"] = best["date"] if best else None
    merged["end_date"] = next((r.get("end_date") for r in dated if r.get("end_date")), None)
    merged["place"] = next(
        (r["place"] for r in reports if r.get("place") and r["place"].get("name")), None
    ) or next((r["place"] for r in reports if r.get("place")), None)
    merged["countries"] = sorted({c for r in reports for c in r.get("countries") or ()})
    merged["fields"] = sorted({f for r in reports for f in r.get("fields") or ()})
    merged["warnings"] = list(dict.fromkeys(w for r in reports for w in r.get("warnings") or ()))
    return merged
