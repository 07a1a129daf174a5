"""Summary tables behind the registry-wide `stats()`: events per (month, type), per country pair and per
field, kept equal to what the events tables aggregate to.

Every change to an event's date, type, countries or fields goes through `record_change` (from
`amity.store.events`), which adds the difference to a pending delta on the connection. The delta is
written just before the surrounding transaction commits (dropped if it rolls back), in one fixed order
of tables and keys, so concurrent PostgreSQL writers lock summary rows in the same order.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

from amity.store.db import Database

HOOK = "summary"


@dataclass(frozen=True)
class EventFacts:
    """What one event contributes to the summaries."""

    type: str | None
    date: str | None
    countries: frozenset[str] = frozenset()
    fields: frozenset[str] = frozenset()


@dataclass
class Delta:
    months: Counter[tuple[str, str]] = field(default_factory=Counter)
    pairs: Counter[tuple[str, str]] = field(default_factory=Counter)
    fields: Counter[str] = field(default_factory=Counter)

    def add(self, facts: EventFacts | None, sign: int) -> None:
        if facts is None:
            return
        if facts.date and len(facts.date) >= 7 and facts.type is not None:
            self.months[(facts.date[:7], facts.type)] += sign
        # pairs are keyed in code-point order here; reads order each pair by the database's collation
        for a, b in combinations(sorted(facts.countries), 2):
            self.pairs[(a, b)] += sign
        for f in facts.fields:
            self.fields[f] += sign

    def merge(self, other: Delta) -> None:
        self.months.update(other.months)
        self.pairs.update(other.pairs)
        self.fields.update(other.fields)


def event_facts(db: Database, event_id: int) -> EventFacts | None:
    """The event's contributing facts as stored now (None if there is no such event)."""
    row = db.one("SELECT type, date FROM events WHERE id = ?", (event_id,))
    if row is None:
        return None
    countries = frozenset(
        r[0] for r in db.rows("SELECT country FROM event_countries WHERE event_id = ?", (event_id,))
    )
    fields = frozenset(
        r[0] for r in db.rows("SELECT field FROM event_fields WHERE event_id = ?", (event_id,))
    )
    return EventFacts(row[0], row[1], countries, fields)


def record_change(db: Database, old: EventFacts | None, new: EventFacts | None) -> None:
    """Account an event going from `old` to `new` (None: absent) in the summaries."""
    if old == new:
        return
    delta = Delta()
    delta.add(old, -1)
    delta.add(new, 1)
    pending = db.before_commit(HOOK, Delta, _flush)
    if pending is None:  # outside a transaction: write now
        _write(db, delta)
    else:
        pending.merge(delta)


def _flush(db: Database, delta: Any) -> None:
    _write(db, delta)


def _write(db: Database, delta: Delta) -> None:
    db.executemany(
        "INSERT INTO stats_months (month, type, n) VALUES (?, ?, ?) "
        "ON CONFLICT (month, type) DO UPDATE SET n = stats_months.n + excluded.n",
        [(m, t, n) for (m, t), n in sorted(delta.months.items()) if n],
    )
    db.executemany(
        "INSERT INTO stats_pairs (a, b, n) VALUES (?, ?, ?) "
        "ON CONFLICT (a, b) DO UPDATE SET n = stats_pairs.n + excluded.n",
        [(a, b, n) for (a, b), n in sorted(delta.pairs.items()) if n],
    )
    db.executemany(
        "INSERT INTO stats_fields (field, n) VALUES (?, ?) "
        "ON CONFLICT (field) DO UPDATE SET n = stats_fields.n + excluded.n",
        [(f, n) for f, n in sorted(delta.fields.items()) if n],
    )


def summary_stats(db: Database) -> dict[str, Any]:
    """`stats()` of the whole registry, in its shape, plus "events" (the total) for the caller."""
    by_month = [
        {"month": r[0], "type": r[1], "n": r[2]}
        for r in db.rows("SELECT month, type, n FROM stats_months WHERE n > 0 ORDER BY month, type")
    ]
    by_pair = [
        {"a": r[0], "b": r[1], "n": r[2]}
        for r in db.rows(
            "SELECT x, y, SUM(n) AS total FROM (SELECT CASE WHEN a < b THEN a ELSE b END AS x, "
            "CASE WHEN a < b THEN b ELSE a END AS y, n FROM stats_pairs) s "
            "GROUP BY x, y HAVING SUM(n) > 0 ORDER BY total DESC, x, y"
        )
    ]
    by_field = [
        {"field": r[0], "n": r[1]}
        for r in db.rows("SELECT field, n FROM stats_fields WHERE n > 0 ORDER BY n DESC, field")
    ]
    events = int(db.scalar("SELECT COUNT(*) FROM events") or 0)
    return {"by_month": by_month, "by_pair": by_pair, "by_field": by_field, "events": events}
