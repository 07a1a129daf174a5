"""The stored events a report could be, or be linked to: fetched by indexed columns, then judged by
`amity.resolve.events`. Shared by matching at ingest, by the link pass and by `amity resolve`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from amity.resolve.events import EventKey, Match, assess, window
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


def judge(
    db: Database, key: EventKey, ids: list[int], load: Callable[[int], EventKey] | None = None
) -> tuple[tuple[int, Match] | None, list[tuple[int, Match]]]:
    """The stored event `key` is one with (the best-scoring merge), and the others it may duplicate.

    A report with neither date nor publication date that two stored events would take is ambiguous
    (an annual forum held at one place): it merges with neither and is linked to both."""
    merges: list[tuple[int, Match]] = []
    weak: list[tuple[int, Match]] = []
    for eid in ids:
        m = assess(key, load(eid) if load is not None else load_event_key(db, eid))
        if m is not None:
            (merges if m.merge else weak).append((eid, m))
    best = max(merges, key=lambda x: (x[1].score, -x[0]), default=None)
    if best is not None and dict(best[1].evidence).get("date") == "unanchored":
        if sum(1 for _, m in merges if dict(m.evidence).get("date") == "unanchored") > 1:
            return None, weak + merges
    return best, weak + [x for x in merges if best is None or x[0] != best[0]]


def load_event_key(db: Database, event_id: int) -> EventKey:
    row = db.one(
        "SELECT type, date, end_date, published, name, place_id, place_name, place_country "
        "FROM events WHERE id = ?",
        (event_id,),
    )
    assert row is not None
    countries = frozenset(
        r[0] for r in db.rows("SELECT country FROM event_countries WHERE event_id = ?", (event_id,))
    )
    persons = frozenset(
        r[0]
        for r in db.rows(
            "SELECT person_id FROM event_participants WHERE event_id = ? AND person_id IS NOT NULL",
            (event_id,),
        )
    )
    orgs = frozenset(
        r[0] for r in db.rows("SELECT org_id FROM event_organizations WHERE event_id = ?", (event_id,))
    )
    named = db.rows(
        "SELECT DISTINCT name, country FROM event_participants WHERE event_id = ? AND name IS NOT NULL",
        (event_id,),
    )
    return EventKey(
        type=row[0],
        date=row[1],
        end_date=row[2],
        published=row[3],
        name=row[4],
        place_id=row[5],
        countries=countries,
        person_ids=persons,
        org_ids=orgs,
        place_name=row[6],
        place_country=row[7],
        person_names=frozenset(r[0] for r in named),
        person_countries=frozenset(r[1] for r in named if r[1]),
        person_pairs=frozenset((r[0], r[1]) for r in named),
    )
