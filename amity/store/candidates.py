"""The stored events a report could be, or be linked to: fetched by indexed columns, then judged by
`amity.resolve.events`. Shared by matching at ingest, by the link pass and by `amity resolve`."""

from __future__ import annotations

import datetime as dt

from amity.resolve.events import EventKey, window
from amity.store.db import Database

MATCH_SLACK_DAYS = 2
UNANCHORED_CANDIDATES = 200  # events without a window compared with one report, at most


def candidate_events(db: Database, key: EventKey, exclude_doc: int | None = None) -> list[int]:
    """Ids, ascending, of the events of `key`'s type that its facts could match: those whose window
    overlaps the report's (with slack), and those without any window (no date, no publication) that
    share a place, a person or a country with it. A report without a window is compared with events
    sharing its place, a person, or (named events) a country, whatever their windows."""
    ids: set[int] = set()
    exclude = (
        " AND id NOT IN (SELECT event_id FROM event_sources WHERE document_id = ?)" if exclude_doc else ""
    )
    tail: tuple[int, ...] = (exclude_doc,) if exclude_doc else ()
    w = window(key)
    if w is not None:
        slack = dt.timedelta(days=MATCH_SLACK_DAYS)
        ids.update(
            r[0]
            for r in db.rows(
                "SELECT id FROM events WHERE type = ? AND win_lo <= ? AND win_hi >= ?" + exclude,
                (key.type, (w[1] + slack).isoformat(), (w[0] - slack).isoformat(), *tail),
            )
        )
    only_unanchored = " AND win_lo IS NULL" if w is not None else ""
    if key.place_id is not None:
        ids.update(
            r[0]
            for r in db.rows(
                "SELECT id FROM events WHERE type = ? AND place_id = ?" + only_unanchored + exclude,
                (key.type, key.place_id, *tail),
            )
        )
    if key.person_ids:
        people = sorted(key.person_ids)
        ids.update(
            r[0]
            for r in db.rows(
                "SELECT id FROM events WHERE type = ? AND id IN (SELECT event_id FROM event_participants "
                f"WHERE person_id IN {db.in_list(people)})" + only_unanchored + exclude,
                (key.type, *people, *tail),
            )
        )
    if key.countries and (w is not None or key.name):
        countries = sorted(key.countries)
        ids.update(
            r[0]
            for r in db.rows(
                "SELECT id FROM events WHERE type = ? AND id IN (SELECT event_id FROM event_countries "
                f"WHERE country IN {db.in_list(countries)})"
                + (" AND win_lo IS NULL" if w is not None else " AND name IS NOT NULL")
                + exclude
                + " ORDER BY id LIMIT ?",
                (key.type, *countries, *tail, UNANCHORED_CANDIDATES),
            )
        )
    return sorted(ids)
