"""Event deduplication across documents, and merging of the reports of one event. Pure functions."""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from amity.resolve.names import event_name_key, name_numbers, person_tokens, place_key

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
    # Optional, for finer matching: the place as named and its country (a city inside the country the
    # other report names is compatible), and participants' names (a surname alone, a dropped surname).
    place_name: str | None = None
    place_country: str | None = None
    person_names: frozenset[str] = field(default_factory=frozenset)
    person_countries: frozenset[str] = field(default_factory=frozenset)  # of the named participants


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


def date_precision(a: EventKey, b: EventKey) -> str | None:
    """How exactly two compatible reports pin the event down: 'day' when both give days that agree,
    'month' or 'year' when the coarser one gives only that, 'undated' when one gives no date and
    publication dates agree; None when the dates rule the event out."""
    if not dates_compatible(a, b):
        return None
    if not a.date or not b.date:
        return "undated"
    shortest = min(len(a.date[:10]), len(b.date[:10]))
    return "day" if shortest >= 10 else "month" if shortest >= 7 else "year"


def _place_info(name: str) -> tuple[str, str] | None:
    """(country, kind) of a place name in the gazetteer, or None when it is not known."""
    from amity.annotate.gazetteer import gazetteer

    info, _ = gazetteer().lookup(name, strict=False)
    return (info.country, info.kind) if info else None


def place_relation(a: EventKey, b: EventKey) -> str:
    """'same' place, 'within' (a city and the country it lies in), 'conflict' (cities or countries that
    differ), or 'unknown' (a side names no place, or the gazetteer cannot tell)."""
    if a.place_id is not None and a.place_id == b.place_id:
        return "same"
    if not a.place_name or not b.place_name:
        return "unknown"
    ia, ib = _place_info(a.place_name), _place_info(b.place_name)
    ca = a.place_country or (ia[0] if ia else None)
    cb = b.place_country or (ib[0] if ib else None)
    if ca and cb and ca != cb and len(ca) == 2 and len(cb) == 2:
        return "conflict"
    if place_key(a.place_name) == place_key(b.place_name):
        return "same"
    if not ia or not ib or ia[0] != ib[0]:
        return "unknown"
    kinds = {ia[1], ib[1]}
    if "country" in kinds:
        return "same" if kinds == {"country"} else "within"
    if kinds <= {"city", "landmark"}:
        return "conflict"  # two different cities of one country
    return "unknown"  # a province and a city: the gazetteer does not say whether one holds the other


def people_overlap(a: EventKey, b: EventKey) -> str | None:
    """'same' when the reports share a resolved person, or name one person in two forms ('Thanh Huong'
    and 'Vu Thanh Huong'); 'surname' when one report gives a bare surname the other's full name ends or
    starts with; when both name people and none match, 'conflict' if they name different people of
    one country (two hosts, two guests), else 'disjoint' (each report may name its own side only);
    None when a side names nobody."""
    if a.person_ids & b.person_ids:
        return "same"
    surname = False
    for x in a.person_names:
        tx = person_tokens(x)
        for y in b.person_names:
            ty = person_tokens(y)
            if not tx or not ty:
                continue
            short, full = (tx, ty) if len(tx) <= len(ty) else (ty, tx)
            if "".join(sorted(short)) == "".join(sorted(full)):
                return "same"
            if len(short) >= 2 and (full[: len(short)] == short or full[-len(short) :] == short):
                return "same"
            if len(short) == 1 and short[0] in (full[0], full[-1]):
                surname = True
    if surname:
        return "surname"
    has_a = bool(a.person_ids or a.person_names)
    has_b = bool(b.person_ids or b.person_names)
    if not has_a or not has_b:
        return None
    return "conflict" if a.person_countries & b.person_countries else "disjoint"


def same_name(a: str | None, b: str | None) -> bool:
    """Event names equal once case, punctuation and ordinals are normalised ('Fifth' = '5th')."""
    return bool(a and b and event_name_key(a, ordinals=True) == event_name_key(b, ordinals=True))


def same_days(a: EventKey, b: EventKey) -> bool:
    """Both reports give days, and their days overlap without any slack."""
    if not a.date or not b.date or len(a.date[:10]) < 10 or len(b.date[:10]) < 10:
        return False
    ia, ib = parse_interval(a.date, a.end_date), parse_interval(b.date, b.end_date)
    return bool(ia and ib and ia[0] <= ib[1] and ib[0] <= ia[1])


def unanchored(k: EventKey) -> bool:
    """No date, and no publication date to place it near: only its other facts tell it apart."""
    return window(k) is None


def same_facts(a: EventKey, b: EventKey) -> bool:
    """Two reports without any date that agree on everything else: type, countries, name, place, the
    people and organizations taking part; and name at least one of name, place, person or organization
    (two bare 'meetings between Korea and Japan' are not known to be one)."""
    if a.type != b.type or a.countries != b.countries or not a.countries:
        return False
    if (a.name or b.name) and not same_name(a.name, b.name):
        return False
    if (a.place_name or b.place_name or a.place_id or b.place_id) and place_relation(a, b) != "same":
        return False
    if a.person_ids != b.person_ids or a.org_ids != b.org_ids:
        return False
    if {person_key(n) for n in a.person_names} != {person_key(n) for n in b.person_names}:
        return False
    return bool(a.name or a.place_name or a.place_id or a.person_ids or a.person_names or a.org_ids)


def person_key(name: str) -> str:
    return " ".join(person_tokens(name))


def match_basis(a: EventKey, b: EventKey) -> str | None:
    """Why two reports are one event ('person', 'name', 'place', 'organization', ...), or None.

    Never merged: different types, names with different numbers, country sets that do not nest,
    dates that rule each other out. Places that conflict (two cities, or two countries) part the
    reports unless they share a person on the very same day (a report may take the place from an
    office: 'Governor of the Kyoto Chamber of Commerce ... in Can Tho'). Then the evidence needed
    grows as the dates get vaguer:
    - a shared day: a shared person, name or organization, or the same place unless the reports
      name different people of one country;
    - a shared month: a shared person or name, a shared organization at a compatible place, or the
      same place unless the reports name different people of one country;
    - a shared year: a shared person or name, with a compatible place or a shared organization;
    - undated (anchored on publication): a shared person or name, or a shared organization at the
      same place;
    - no date and no publication on either side: every other fact the same (`same_facts`).
    """
    if a.type != b.type or names_conflict(a.name, b.name):
        return None
    if unanchored(a) and unanchored(b):
        return "all facts (no dates)" if same_facts(a, b) else None
    if not countries_compatible(a.countries, b.countries):
        return None
    precision = date_precision(a, b)
    if precision is None:
        return None
    shared_countries = bool(a.countries & b.countries)
    people = people_overlap(a, b)
    place = place_relation(a, b)
    if place == "conflict":
        return "person (places differ)" if people == "same" and same_days(a, b) else None
    named = same_name(a.name, b.name) and shared_countries
    orgs = bool(a.org_ids & b.org_ids) and shared_countries
    same_place = place == "same" and shared_countries
    if precision == "year":
        if (people == "same" or named) and (place != "unknown" or orgs):
            return "person" if people == "same" else "name"
        return None
    if people == "same":
        return "person"
    if named:
        return "name"
    if precision == "day":
        if same_place and people != "conflict":
            return "place"
        if orgs:
            return "organization"
        if people == "surname" and place == "within" and shared_countries:
            return "surname and place"
        return None
    if orgs and (same_place or (precision == "month" and place == "within")):
        return "organization and place"
    if precision == "month" and same_place and people != "conflict":
        return "place"
    return None


def same_event(a: EventKey, b: EventKey) -> bool:
    return match_basis(a, b) is not None


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
