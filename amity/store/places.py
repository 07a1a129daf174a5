"""Events counted per place (name and country), for the map view."""

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
