"""CSV and JSON exports of the events matching a filter, streamed page by page."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from amity.store.export import safe_cell
from amity.store.interface import EventFilter, Registry

PAGE = 500
CSV_COLUMNS = (
    "id", "type", "status", "salience", "name", "date", "end_date", "place", "place_country",
    "countries", "fields", "size", "program", "n_sources", "participants",
)


def start_export(registry: Registry, f: EventFilter, cap: int) -> Iterator[dict[str, Any]]:
    """Every event matching `f` (up to `cap`), fetched in pages. The first page is read now, before the
    caller starts a response: a query that cannot run raises here, not halfway through a 200 body."""
    items, total = registry.list_events(replace(f, limit=min(PAGE, cap), offset=0))
    return _pages(registry, f, cap, items, total)


def _pages(
    registry: Registry, f: EventFilter, cap: int, items: list[dict[str, Any]], total: int
) -> Iterator[dict[str, Any]]:
    sent = 0
    while True:
        yield from items
        sent += len(items)
        if not items or sent >= total or sent >= cap:
            return
        items, total = registry.list_events(replace(f, limit=min(PAGE, cap - sent), offset=sent))


def csv_row(event: dict[str, Any]) -> list[str]:
    place = event.get("place") or {}
    people = [p.get("name") or p.get("title") or "" for p in event.get("participants") or []]

    def text(value: Any) -> str:
        return "" if value is None else safe_cell(str(value))

    return [
        str(event["id"]), text(event.get("type")), text(event.get("status")), text(event.get("salience")),
        text(event.get("name")), text(event.get("date")), text(event.get("end_date")),
        text(place.get("name")), text(place.get("country")),
        text(";".join(event.get("countries") or [])), text(";".join(event.get("fields") or [])),
        "" if event.get("size") is None else str(event["size"]), text(event.get("program")),
        str(event.get("n_sources", "")), text("; ".join(p for p in people if p)),
    ]


def stream_csv(events: Iterator[dict[str, Any]]) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for n, event in enumerate(events, 1):
        writer.writerow(csv_row(event))
        if n % 200 == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def stream_json(events: Iterator[dict[str, Any]]) -> Iterator[str]:
    """A JSON array of event summaries, one per line."""
    yield "["
    first = True
    for event in events:
        yield ("\n" if first else ",\n") + json.dumps(event, ensure_ascii=False)
        first = False
    yield "\n]\n"
