"""Building the WHERE clause of an event list from an `EventFilter`, for both dialects.

Filters on related tables (countries, field, person, organization, full text) become one set of
event ids, `e.id IN (<set> INTERSECT <set> ...)`, built from the covering indexes of those tables;
filters on the event row itself stay column conditions. Sorts are written so that each dialect can
read the newest events straight from an index (undated events last)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from amity.curate.overlay import hidden_clause
from amity.errors import InputError
from amity.store.db import Database
from amity.store.interface import EventFilter

# SQLite sorts NULL lowest, so DESC already puts undated events last and the (date, id) index serves
# '-date'; ascending needs the explicit NULL test. PostgreSQL sorts NULL highest: ASC is already
# NULLS LAST, DESC needs it spelled out (and an index declared the same way).
SORTS = {
    "date": "(e.date IS NULL), e.date, e.id",
    "-date": "e.date DESC, e.id DESC",
    "type": "e.type, e.date DESC, e.id DESC",
    "-n_sources": "e.n_sources DESC, e.date DESC, e.id DESC",
    "id": "e.id",
}
PG_SORTS = {
    "date": "e.date, e.id",
    "-date": "e.date DESC NULLS LAST, e.id DESC",
    "type": "e.type, e.date DESC NULLS LAST, e.id DESC",
    "-n_sources": "e.n_sources DESC, e.date DESC NULLS LAST, e.id DESC",
    "id": "e.id",
}
INDEXED_SORTS = ("-date", "id")  # SQLite reads these in order from an index (events_date, rowid)


def like_pattern(s: str) -> str:
    """A case-insensitive substring pattern with LIKE wildcards in `s` escaped (ESCAPE '\\')."""
    return "%" + s.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def fts_terms(q: str) -> list[str]:
    return re.findall(r"\w+", q.lower())


@dataclass
class Where:
    """A filter split into column conditions on `events e` and sets of event ids to intersect."""

    clauses: list[str] = field(default_factory=list)
    params: list[object] = field(default_factory=list)
    sets: list[str] = field(default_factory=list)  # each 'SELECT <event id> FROM ...'
    set_params: list[object] = field(default_factory=list)
    unique: bool = True  # every set yields each event id once (INTERSECT removes duplicates anyway)

    @property
    def empty(self) -> bool:
        return not self.clauses and not self.sets

    def id_set(self) -> str:
        """The intersection of the sets (duplicates removed)."""
        if len(self.sets) == 1 and not self.unique:
            return self.sets[0].replace("SELECT ", "SELECT DISTINCT ", 1)
        return " INTERSECT ".join(self.sets)

    def sql(self, probe: bool = False) -> tuple[str, list[object]]:
        """'WHERE ...' (or '') and its parameters. `probe` writes the id test as `+e.id IN (...)`,
        which keeps SQLite from driving the query from the set: it then reads events in the
        order of the sort's index and probes the set, stopping at the page's end."""
        clauses = list(self.clauses)
        if self.sets:
            clauses.append(f"{'+' if probe else ''}e.id IN ({self.id_set()})")
        return ("WHERE " + " AND ".join(clauses) if clauses else ""), [*self.params, *self.set_params]

    def count_sql(self) -> tuple[str, list[object]]:
        """A query counting the matching events. With only sets, the count comes from the sets'
        own indexes: every id in them is an event's (foreign keys; the FTS table is kept in step)."""
        if self.sets and not self.clauses:
            return f"SELECT COUNT(*) FROM ({self.id_set()}) s", list(self.set_params)
        where, params = self.sql()
        return f"SELECT COUNT(*) FROM events e {where}", params


def build_where(db: Database, f: EventFilter) -> Where:
    w = Where()
    hidden = hidden_clause(db, "event", "e")  # curation: suppressed events are hidden
    if hidden:
        w.clauses.append(hidden)
    if f.type:
        w.clauses.append("e.type = ?")
        w.params.append(f.type)
    if f.status:
        w.clauses.append("e.status = ?")
        w.params.append(f.status)
    for c in f.countries:
        w.sets.append("SELECT event_id FROM event_countries WHERE country = ?")
        w.set_params.append(c.upper() if len(c) == 2 else c)
    if f.field:
        w.sets.append("SELECT event_id FROM event_fields WHERE field = ?")
        w.set_params.append(f.field)
    if f.program:
        w.clauses.append("LOWER(e.program) LIKE ? ESCAPE '\\'")
        w.params.append(like_pattern(f.program))
    if f.person_id is not None:
        w.sets.append("SELECT event_id FROM event_participants WHERE person_id = ?")
        w.set_params.append(f.person_id)
        w.unique = False  # a person can take part twice (two reports)
    if f.org_id is not None:
        w.sets.append("SELECT event_id FROM event_organizations WHERE org_id = ?")
        w.set_params.append(f.org_id)
        w.unique = False
    if f.place:
        w.clauses.append("(e.place_country = ? OR LOWER(e.place_name) LIKE ? ESCAPE '\\')")
        w.params += [f.place.upper(), like_pattern(f.place)]
    if f.since:
        w.clauses.append("e.date >= ?")
        w.params.append(f.since)
    if f.until:
        w.clauses.append("e.date <= ?")
        w.params.append(f.until + "~")  # '~' sorts after digits and '-': inclusive of the prefix
    if f.q and fts_terms(f.q):
        if db.dialect == "sqlite":
            w.sets.append("SELECT rowid FROM events_fts WHERE events_fts MATCH ?")
            w.set_params.append(" ".join(f'"{t}"' for t in fts_terms(f.q)))
        else:
            w.sets.append(
                "SELECT id FROM events WHERE to_tsvector('simple', search_text) "
                "@@ plainto_tsquery('simple', ?)"
            )
            w.set_params.append(" ".join(fts_terms(f.q)))
    return w


def event_where(db: Database, f: EventFilter) -> tuple[str, list[object]]:
    """'WHERE ...' (or '') and its parameters, over the events table aliased `e`."""
    return build_where(db, f).sql()


def order_by(f: EventFilter, dialect: str = "sqlite") -> str:
    if f.sort not in SORTS:
        raise InputError(f"unknown sort {f.sort!r}", "use one of: " + ", ".join(SORTS))
    return "ORDER BY " + (PG_SORTS if dialect == "postgresql" else SORTS)[f.sort]
