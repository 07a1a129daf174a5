"""The audit history: one entry per change (time, user, record, field, before, after), and how to undo it."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from amity.errors import NotFoundError
from amity.store.db import Database

COLS = "id, at, user_name, kind, entity_id, action, field, before, after, undo, reverts, reverted_by"


def now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _dump(value: Any) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True)


def record(
    db: Database,
    user: str,
    kind: str,
    entity_id: int,
    action: str,
    field: str | None = None,
    before: Any = None,
    after: Any = None,
    undo: dict[str, Any] | None = None,
    reverts: int | None = None,
) -> int:
    """Add an entry; `undo` is what `revert` applies (None: the change cannot be reverted)."""
    return db.insert(
        "INSERT INTO audit_log (at, user_name, kind, entity_id, action, field, before, after, undo, reverts) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (now(), user, kind, entity_id, action, field, _dump(before), _dump(after), _dump(undo), reverts),
    )


def _entry(r: tuple[Any, ...]) -> dict[str, Any]:
    undo = json.loads(r[9]) if r[9] else None
    return {
        "id": r[0],
        "at": r[1],
        "user": r[2],
        "kind": r[3],
        "record_id": r[4],
        "action": r[5],
        "field": r[6],
        "before": json.loads(r[7]) if r[7] else None,
        "after": json.loads(r[8]) if r[8] else None,
        "revertible": undo is not None and r[11] is None,
        "reverts": r[10],
        "reverted_by": r[11],
    }


def history(db: Database, kind: str, entity_id: int) -> list[dict[str, Any]]:
    """The record's entries, newest first."""
    return [
        _entry(r)
        for r in db.rows(
            f"SELECT {COLS} FROM audit_log WHERE kind = ? AND entity_id = ? ORDER BY id DESC",
            (kind, entity_id),
        )
    ]


def entry(db: Database, entry_id: int) -> tuple[dict[str, Any], dict[str, Any] | None]:
    """An entry and its undo instruction."""
    r = db.one(f"SELECT {COLS} FROM audit_log WHERE id = ?", (entry_id,))
    if r is None:
        raise NotFoundError(
            f"no history entry {entry_id}", "see a record's history at /api/events/ID/history"
        )
    return _entry(r), json.loads(r[9]) if r[9] else None


def mark_reverted(db: Database, entry_id: int, by: int) -> None:
    db.execute("UPDATE audit_log SET reverted_by = ? WHERE id = ?", (by, entry_id))
