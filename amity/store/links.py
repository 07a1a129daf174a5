"""Links between stored events, kept up to date as reports arrive: an event `part_of` another (talks
during a state visit, a signing on a summit's sidelines) and `possible_duplicate` (two records with
some evidence of being one event, too little to merge them). Two records that the matching rules
would merge, and that no one report holds both of, are merged here (a later report can show that two
earlier records were one event)."""

from __future__ import annotations

import json
from collections.abc import Iterable

from amity.curate.overlay import keeps
from amity.resolve.events import EventKey, Match, part_holders, part_of, part_types, window
from amity.store.candidates import KEY_CHUNK, MATCH_SLACK_DAYS, candidate_events, judge, load_event_keys
from amity.store.db import Database
from amity.store.events import refresh_event
from amity.store.refresh import refresh_org, refresh_person


def _documents(db: Database, event_id: int) -> set[int]:
    rows = db.rows("SELECT DISTINCT document_id FROM event_sources WHERE event_id = ?", (event_id,))
    return {r[0] for r in rows}


def _exists(db: Database, event_id: int) -> bool:
    return db.scalar("SELECT id FROM events WHERE id = ?", (event_id,)) is not None


def _near(db: Database, key: EventKey, event_id: int, types: Iterable[str]) -> list[int]:
    """Events of `types` whose window overlaps the event's, or that share a document with it."""
    import datetime as dt

    types = sorted(set(types))
    if not types:
        return []
    ids = {
        r[0]
        for r in db.rows(
            f"SELECT DISTINCT s.event_id FROM event_sources s JOIN events e ON e.id = s.event_id "
            f"WHERE e.type IN {db.in_list(types)} AND s.document_id IN "
            "(SELECT document_id FROM event_sources WHERE event_id = ?)",
            (*types, event_id),
        )
    }
    w = window(key)
    if w is not None:
        slack = dt.timedelta(days=MATCH_SLACK_DAYS)
        ids.update(
            r[0]
            for r in db.rows(
                f"SELECT id FROM events WHERE type IN {db.in_list(types)} AND win_lo <= ? AND win_hi >= ?",
                (*types, (w[1] + slack).isoformat(), (w[0] - slack).isoformat()),
            )
        )
    ids.discard(event_id)
    return sorted(ids)


class _Keys:
    """Event keys and report sets loaded once per `refresh_links` call (a summit is looked at for every
    meeting near it), many at a time; `forget` drops what a merge changed."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self._keys: dict[int, EventKey] = {}
        self._docs: dict[int, set[int]] = {}

    def load(self, event_ids: Iterable[int]) -> None:
        """Load the keys and report sets of those of `event_ids` not loaded yet, together."""
        todo = sorted({e for e in event_ids if e not in self._keys})
        if not todo:
            return
        self._keys.update(load_event_keys(self.db, todo))
        for i in range(0, len(todo), KEY_CHUNK):
            chunk = todo[i : i + KEY_CHUNK]
            for e in chunk:
                self._docs.setdefault(e, set())
            for eid, doc in self.db.rows(
                f"SELECT DISTINCT event_id, document_id FROM event_sources WHERE event_id IN "
                f"{self.db.in_list(chunk)}",
                chunk,
            ):
                self._docs[eid].add(doc)

    def key(self, event_id: int) -> EventKey:
        if event_id not in self._keys:
            self.load([event_id])
        return self._keys[event_id]

    def docs(self, event_id: int) -> set[int]:
        if event_id not in self._docs:
            self._docs[event_id] = _documents(self.db, event_id)
        return self._docs[event_id]

    def forget(self, *event_ids: int) -> None:
        for e in event_ids:
            self._keys.pop(e, None)
            self._docs.pop(e, None)


def _insert(db: Database, a: int, b: int, kind: str, m: Match) -> None:
    db.execute(
        "INSERT INTO event_links (event_id, other_id, kind, score, basis, evidence) "
        "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
        (a, b, kind, m.score, m.basis, json.dumps(dict(m.evidence), sort_keys=True)),
    )


def _set_whole(db: Database, part_id: int, keys: _Keys | None = None) -> None:
    """Link the event to the best event it is part of (highest score, then the shortest, then the oldest)."""
    keys = keys or _Keys(db)
    db.execute("DELETE FROM event_links WHERE event_id = ? AND kind = 'part_of'", (part_id,))
    key = keys.key(part_id)
    holders = part_holders(key.type)
    docs = keys.docs(part_id)
    best: tuple[tuple[float, int, int], int, Match] | None = None
    near = _near(db, key, part_id, holders)
    keys.load(near)
    for wid in near:
        whole = keys.key(wid)
        m = part_of(key, whole, bool(docs & keys.docs(wid)))
        if m is None:
            continue
        w = window(whole)
        span = (w[1] - w[0]).days if w else 10**6
        rank = (-m.score, span, wid)
        if best is None or rank < best[0]:
            best = (rank, wid, m)
    if best is not None:
        _insert(db, part_id, best[1], "part_of", best[2])


def absorb(db: Database, keep: int, drop: int, why: Match) -> None:
    """Move every report of event `drop` to event `keep` (the one that made `drop` records `why`), and
    drop the emptied record."""
    db.execute(
        "UPDATE event_sources SET match_basis = ?, match_score = ?, match_evidence = ? "
        "WHERE event_id = ? AND match_basis IS NULL",
        (why.basis, why.score, json.dumps(dict(why.evidence), sort_keys=True), drop),
    )
    people = [
        r[0]
        for r in db.rows(
            "SELECT DISTINCT person_id FROM event_participants WHERE event_id = ? AND person_id IS NOT NULL",
            (drop,),
        )
    ]
    orgs = [
        r[0] for r in db.rows("SELECT DISTINCT org_id FROM event_organizations WHERE event_id = ?", (drop,))
    ]
    for table in ("event_sources", "event_participants", "event_organizations"):
        db.execute(f"UPDATE {table} SET event_id = ? WHERE event_id = ?", (keep, drop))
    db.execute("DELETE FROM event_links WHERE event_id = ? OR other_id = ?", (drop, drop))
    refresh_event(db, drop)
    refresh_event(db, keep)
    for pid in people:
        refresh_person(db, pid)
    for oid in orgs:
        refresh_org(db, oid)


def refresh_links(db: Database, event_ids: Iterable[int]) -> set[int]:
    """Recompute the links of the events (and of the events that could be their parts); merge those
    the rules now take for one. Returns the ids of the events that still exist and were looked at."""
    pending = sorted({e for e in event_ids if _exists(db, e)})
    seen: set[int] = set()
    keys = _Keys(db)
    while pending:
        eid = pending.pop(0)
        if eid in seen or not _exists(db, eid):
            continue
        seen.add(eid)
        db.execute(
            "DELETE FROM event_links WHERE kind = 'possible_duplicate' AND (event_id = ? OR other_id = ?)",
            (eid, eid),
        )
        key = keys.key(eid)
        docs = keys.docs(eid)
        found = candidate_events(db, key)
        keys.load(found)
        others = [o for o in found if o != eid and not docs & keys.docs(o)]
        best, maybe = judge(db, key, others, keys.key)
        if best is not None and (keeps(db, "event", eid) or keeps(db, "event", best[0])):
            maybe.append(best)  # an editor curated one of them: curation, not matching, merges it
            best = None
        if best is not None:
            other, m = best
            keep, drop = min(eid, other), max(eid, other)
            absorb(db, keep, drop, m)
            keys.forget(keep, drop)
            if _exists(db, drop):  # kept by something else: do not try again
                continue
            seen.discard(keep)
            pending.insert(0, keep)
            continue
        for other, m in maybe:
            _insert(db, min(eid, other), max(eid, other), "possible_duplicate", m)
        if part_holders(key.type):
            _set_whole(db, eid, keys)
        parts = _near(db, key, eid, part_types(key.type))
        keys.load(parts)
        for pid in parts:
            # a nearby event is looked at again only if this one could hold it, or held it before
            held = db.scalar(
                "SELECT 1 FROM event_links WHERE event_id = ? AND other_id = ? AND kind = 'part_of'",
                (pid, eid),
            )
            if held or part_of(keys.key(pid), key, bool(docs & keys.docs(pid))):
                _set_whole(db, pid, keys)
    return {e for e in seen if _exists(db, e)}
