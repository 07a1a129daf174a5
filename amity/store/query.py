"""Building the WHERE clause of an event list from an `EventFilter`, for both dialects."""

from __future__ import annotations

import re

from amity.errors import InputError
from amity.store.db import Database
from amity.store.interface import EventFilter

SORTS = {
    "date": "(e.date IS NULL), e.date, e.id",
    "-date": "(e.date IS NULL), e.date DESC, e.id DESC",
    "type": "e.type, (e.date IS NULL), e.date DESC, e.id DESC",
    "-n_sources": "e.n_sources DESC, (e.date IS NULL), e.date DESC, e.id DESC",
    "id": "e.id",
}


def like_pattern(s: str) -> str:
    """A case-insensitive substring pattern with LIKE wildcards in `s` escaped (ESCAPE '\\')."""
    return "%" + s.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def fts_terms(q: str) -> list[str]:
    return re.findall(r"\w+", q.lower())


def event_where(db: Database, f: EventFilter) -> tuple[str, list[object]]:
    """'WHERE ...' (or '') and its parameters, over the events table aliased `e`."""
    clauses: list[str] = []
    params: list[object] = []
    if f.type:
        clauses.append("e.type = ?")
        params.append(f.type)
    if f.status:
        clauses.append("e.status = ?")
        params.append(f.status)
    for c in f.countries:
        clauses.append("EXISTS (SELECT 1 FROM event_countries c WHERE c.event_id = e.id AND c.country = ?)")
        params.append(c.upper() if len(c) == 2 else c)
    if f.field:
        clauses.append("EXISTS (SELECT 1 FROM event_fields x WHERE x.event_id = e.id AND x.field = ?)")
        params.append(f.field)
    if f.program:
        clauses.append("LOWER(e.program) LIKE ? ESCAPE '\\'")
        params.append(like_pattern(f.program))
    if f.person_id is not None:
        clauses.append(
            "EXISTS (SELECT 1 FROM event_participants p WHERE p.event_id = e.id AND p.person_id = ?)"
        )
        params.append(f.person_id)
    if f.org_id is not None:
        clauses.append(
            "EXISTS (SELECT 1 FROM event_organizations o WHERE o.event_id = e.id AND o.org_id = ?)"
        )
        params.append(f.org_id)
    if f.place:
        clauses.append("(e.place_country = ? OR LOWER(e.place_name) LIKE ? ESCAPE '\\')")
        params += [f.place.upper(), like_pattern(f.place)]
    if f.since:
        clauses.append("e.date >= ?")
        params.append(f.since)
    if f.until:
        clauses.append("e.date <= ?")
        params.append(f.until + "~")  # '~' sorts after digits and '-': inclusive of the prefix
    if f.q and fts_terms(f.q):
        if db.dialect == "sqlite":
            clauses.append("e.id IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ?)")
            params.append(" ".join(f'"{t}"' for t in fts_terms(f.q)))
        else:
            clauses.append("to_tsvector('simple', e.search_text) @@ plainto_tsquery('simple', ?)")
            params.append(" ".join(fts_terms(f.q)))
    return ("WHERE " + " AND ".join(clauses) if clauses else ""), params


def order_by(f: EventFilter) -> str:
    if f.sort not in SORTS:
        raise InputError(f"unknown sort {f.sort!r}", "use one of: " + ", ".join(SORTS))
    return "ORDER BY " + SORTS[f.sort]
