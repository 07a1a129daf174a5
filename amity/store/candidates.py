"""The stored events a report could be, or be linked to: fetched by indexed columns, then judged by
`amity.resolve.events`. Shared by matching at ingest, by the link pass and by `amity resolve`."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable

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
    if load is None:
        load = load_event_keys(db, ids).__getitem__
    for eid in ids:
        m = assess(key, load(eid))
        if m is not None:
            (merges if m.merge else weak).append((eid, m))
    best = max(merges, key=lambda x: (x[1].score, -x[0]), default=None)
    if best is not None and dict(best[1].evidence).get("date") == "unanchored":
        if sum(1 for _, m in merges if dict(m.evidence).get("date") == "unanchored") > 1:
            return None, weak + merges
    return best, weak + [x for x in merges if best is None or x[0] != best[0]]


KEY_CHUNK = 500  # event ids per IN list when keys are loaded together


def load_event_key(db: Database, event_id: int) -> EventKey:
    return load_event_keys(db, [event_id])[event_id]


def load_event_keys(db: Database, event_ids: Iterable[int]) -> dict[int, EventKey]:
    """The matching facts of stored events, by id: five queries per KEY_CHUNK events, not five per
    event (a report is judged against every stored event near it)."""
    ids = sorted(set(event_ids))
    out: dict[int, EventKey] = {}
    for i in range(0, len(ids), KEY_CHUNK):
        out.update(_load_chunk(db, ids[i : i + KEY_CHUNK]))
    missing = [e for e in ids if e not in out]
    assert not missing, f"no stored event {missing[0]}"
    return out


def _load_chunk(db: Database, ids: list[int]) -> dict[int, EventKey]:
    where = db.in_list(ids)
    rows = db.rows(
        "SELECT id, type, date, end_date, published, name, place_id, place_name, place_country "
        f"FROM events WHERE id IN {where}",
        ids,
    )
    countries: dict[int, set[str]] = defaultdict(set)
    for eid, c in db.rows(f"SELECT event_id, country FROM event_countries WHERE event_id IN {where}", ids):
        countries[eid].add(c)
    persons: dict[int, set[int]] = defaultdict(set)
    for eid, pid in db.rows(
        f"SELECT event_id, person_id FROM event_participants WHERE event_id IN {where} "
        "AND person_id IS NOT NULL",
        ids,
    ):
        persons[eid].add(pid)
    orgs: dict[int, set[int]] = defaultdict(set)
    for eid, oid in db.rows(
        f"SELECT event_id, org_id FROM event_organizations WHERE event_id IN {where}", ids
    ):
        orgs[eid].add(oid)
    named: dict[int, set[tuple[str, str | None]]] = defaultdict(set)
    for eid, name, country in db.rows(
        f"SELECT DISTINCT event_id, name, country FROM event_participants WHERE event_id IN {where} "
        "AND name IS NOT NULL",
        ids,
    ):
        named[eid].add((name, country))
    out: dict[int, EventKey] = {}
    for eid, *row in rows:
        pairs = named.get(eid, set())
        out[eid] = EventKey(
            type=row[0],
            date=row[1],
            end_date=row[2],
            published=row[3],
            name=row[4],
            place_id=row[5],
            countries=frozenset(countries.get(eid, ())),
            person_ids=frozenset(persons.get(eid, ())),
            org_ids=frozenset(orgs.get(eid, ())),
            place_name=row[6],
            place_country=row[7],
            person_names=frozenset(n for n, _ in pairs),
            person_countries=frozenset(c for _, c in pairs if c),
            person_pairs=frozenset(pairs),
        )
    return out
