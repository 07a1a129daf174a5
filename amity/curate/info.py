"""What curation did to a record, for its detail view."""

from __future__ import annotations

from typing import Any

from amity.store.db import Database


def curation_info(db: Database, kind: str, entity_id: int) -> dict[str, Any] | None:
    """{"origin": edited|manual|merged|split, "suppressed", "fields": [curated field names],
    "removed": [{"kind": participant|organization, "id"}]}, or None when nothing was curated."""
    row = db.one(
        "SELECT origin, suppressed FROM curated_records WHERE kind = ? AND entity_id = ?", (kind, entity_id)
    )
    if row is None:
        return None
    fields = [
        r[0]
        for r in db.rows(
            "SELECT field FROM curated_fields WHERE kind = ? AND entity_id = ? ORDER BY field",
            (kind, entity_id),
        )
    ]
    removed = []
    if kind == "event":
        removed = [
            {"kind": r[0], "id": r[1]}
            for r in db.rows(
                "SELECT kind, entity_id FROM curated_links WHERE event_id = ? AND removed = 1 "
                "ORDER BY kind, entity_id",
                (entity_id,),
            )
        ]
    return {"origin": row[0], "suppressed": bool(row[1]), "fields": fields, "removed": removed}


def redirect_of(db: Database, kind: str, entity_id: int) -> int | None:
    """The record a merged-away id went into."""
    found = db.scalar("SELECT new_id FROM redirects WHERE kind = ? AND old_id = ?", (kind, entity_id))
    return int(found) if found is not None else None
