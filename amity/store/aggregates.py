"""Aggregates for the map and the timeline: events per place, and per period at their dates' precision."""

from __future__ import annotations

from typing import Any

from amity.store.db import Database
from amity.store.interface import EventFilter
from amity.store.query import event_where


def place_counts(db: Database, f: EventFilter) -> list[dict[str, Any]]:
    """[{"name": str|None, "country": str|None, "n": int, "types": {type: n}}] for the events matching
    `f`, most events first; events with neither a place name nor a place country are one row with
    both None."""
    where, params = event_where(db, f)
    out: dict[tuple[Any, Any], dict[str, Any]] = {}
    for name, country, typ, n in db.rows(
        f"SELECT e.place_name, e.place_country, e.type, COUNT(*) FROM events e {where} "
        "GROUP BY e.place_name, e.place_country, e.type",
        params,
    ):
        key = (name or None, country or None)
        entry = out.setdefault(key, {"name": key[0], "country": key[1], "n": 0, "types": {}})
        entry["n"] += int(n)
        entry["types"][typ] = entry["types"].get(typ, 0) + int(n)
    return sorted(out.values(), key=lambda p: (-p["n"], p["country"] or "", p["name"] or ""))


def date_counts(db: Database, f: EventFilter) -> dict[str, Any]:
    """Events per period and type, each at the precision of its date: {"months": [{"month", "type",
    "precision" ('day' or 'month'), "n"}], "years": [{"year", "type", "n"}] (dated by year only),
    "undated": n, "total": n}."""
    where, params = event_where(db, f)
    months: list[dict[str, Any]] = []
    years: list[dict[str, Any]] = []
    undated = total = 0
    for period, typ, size, n in db.rows(
        f"SELECT SUBSTR(e.date, 1, 7), e.type, LENGTH(e.date), COUNT(*) FROM events e {where} "
        "GROUP BY SUBSTR(e.date, 1, 7), e.type, LENGTH(e.date) ORDER BY 1, 2, 3",
        params,
    ):
        total += int(n)
        if not period:
            undated += int(n)
        elif size == 4:
            years.append({"year": period, "type": typ, "n": int(n)})
        else:
            months.append({"month": period, "type": typ, "precision": "month" if size == 7 else "day",
                           "n": int(n)})
    return {"months": months, "years": years, "undated": undated, "total": total}
