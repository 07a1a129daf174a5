"""The map view's data (places with coordinates from the gazetteer and their event counts, the world
outline shipped in amity/data/world.json) and the UI's glossary (amity/data/glossary.json)."""

from __future__ import annotations

from typing import Any

from amity.store.interface import EventFilter


def build_places(registry: Any, f: EventFilter) -> dict[str, Any]:
    """{"items": [{name, country, lat, lon, precision, n, types}], "unplaced": n, "total": n}. A place
    the gazetteer knows as a city gets its coordinates ('city'); any other place in a country (the
    country itself, a province) is drawn at the country's capital ('country'). Events with no place,
    or a place the gazetteer cannot put on the map (a bloc), are counted in `unplaced`."""
    from amity.annotate.gazetteer import gazetteer

    g = gazetteer()
    items: list[dict[str, Any]] = []
    unplaced = total = 0
    for row in registry.place_counts(f):
        total += row["n"]
        point = g.coordinates(row["name"], row["country"]) if (row["name"] or row["country"]) else None
        if point is None:
            unplaced += row["n"]
            continue
        lat, lon, precision = point
        items.append({**row, "lat": round(lat, 4), "lon": round(lon, 4), "precision": precision})
    return {"items": items, "unplaced": unplaced, "total": total}


def world_outline() -> dict[str, Any]:
    from amity.data_files import load_json

    data: dict[str, Any] = load_json("world.json")
    return {"rings": data["rings"]}


def glossary() -> dict[str, Any]:
    """amity/data/glossary.json with, per event type, its CAMEO codes and PLOVER category."""
    from amity.data_files import load_json
    from amity.records import CAMEO, EVENT_TYPES, PLOVER

    data: dict[str, Any] = load_json("glossary.json")
    out = {k: v for k, v in data.items() if not k.startswith("_")}
    out["types"] = [{"type": t, "cameo": list(CAMEO[t]), "plover": PLOVER[t]} for t in EVENT_TYPES]
    return out
