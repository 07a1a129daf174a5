"""The layer curation puts over derived data, applied by the store whenever it recomputes a record.

Derivation rebuilds an event from its reports, a person or organization from its mentions. Curation
keeps its own tables (migration 6) and these hooks make it win every time:

- `event_values`: curated field values replace the merged ones (`refresh_event`);
- `unsourced_event`: a curated event (edited, entered by hand, merged, split) is kept when it has no
  report left, instead of being deleted, so it keeps its id;
- `apply_links`: participants and organizations removed (or changed) by hand, and suppressed people
  and organizations, are taken off the event again;
- `person_values` / `org_values` and `keeps`: curated names, countries and aliases win, and curated
  people and organizations survive losing their mentions;
- `after_derive`: after a document is (re-)derived, its reports go back to the events curation pinned
  them to (a merge stays merged, a split stays split), and names pinned to a person or organization
  (by a merge or a rename) resolve to it again; the reports now in curated events are pinned.
- `hidden_clause`: suppressed records drop out of lists.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from amity.store.db import Database

Place = tuple[int | None, str | None, str | None]  # place id, name, country
EVENT_FIELDS = tuple("type status salience name date end_date place countries fields size program".split())
CURATION_HASH = "curation:entries"  # the pseudo-document holding links entered by hand


HOOK = "curation"  # the per-transaction note of whether anything is curated


def _nothing(db: Database, state: Any) -> None:
    """Nothing to write at commit: the note only lives as long as its transaction."""


def anything_curated(db: Database) -> bool:
    """Whether the registry holds any curation: asked once per write transaction (the hooks below do
    nothing, at no cost, in a registry nobody curated)."""
    def ask() -> dict[str, bool]:
        return {"any": bool(db.scalar("SELECT 1 FROM curated_records LIMIT 1"))}

    state = db.before_commit(HOOK, ask, _nothing)
    return bool((state or ask())["any"])


def note_curated(db: Database) -> None:
    """The open transaction is about to curate: the hooks must run from now on."""
    state = db.before_commit(HOOK, lambda: {"any": True}, _nothing)
    if state is not None:
        state["any"] = True


def curated_fields(db: Database, kind: str, entity_id: int) -> dict[str, Any]:
    return {
        f: json.loads(v)
        for f, v in db.rows(
            "SELECT field, value FROM curated_fields WHERE kind = ? AND entity_id = ? ORDER BY field",
            (kind, entity_id),
        )
    }


def keeps(db: Database, kind: str, entity_id: int) -> bool:
    """Whether curation holds this record (it is never deleted by re-derivation)."""
    if not anything_curated(db):
        return False
    return bool(
        db.scalar("SELECT 1 FROM curated_records WHERE kind = ? AND entity_id = ?", (kind, entity_id))
    )


# events ---------------------------------------------------------------------------------------------
def unsourced_event(db: Database, event_id: int) -> tuple[dict[str, Any], Place, str | None] | None:
    """(values, place, published) an event without reports keeps when curated; None when it goes."""
    if not keeps(db, "event", event_id):
        return None
    row = db.one(
        "SELECT type, status, salience, name, date, end_date, place_id, place_name, place_country, size, "
        "program, warnings, published FROM events WHERE id = ?",
        (event_id,),
    )
    if row is None:
        return None
    m = {
        "type": row[0],
        "status": row[1],
        "salience": row[2],
        "name": row[3],
        "date": row[4],
        "end_date": row[5],
        "size": row[9],
        "program": row[10],
        "warnings": json.loads(row[11] or "[]"),
        "countries": [
            r[0]
            for r in db.rows(
                "SELECT country FROM event_countries WHERE event_id = ? ORDER BY country", (event_id,)
            )
        ],
        "fields": [
            r[0]
            for r in db.rows("SELECT field FROM event_fields WHERE event_id = ? ORDER BY field", (event_id,))
        ],
    }
    return m, (None, row[7], row[8]), row[12]  # the place row may go with its last report; its name stays


def event_values(
    db: Database, event_id: int, merged: dict[str, Any], place: Place
) -> tuple[dict[str, Any], Place]:
    """The merged values with the curated ones on top."""
    if not anything_curated(db):
        return merged, place
    cur = curated_fields(db, "event", event_id)
    if not cur:
        return merged, place
    m = dict(merged)
    for k, v in cur.items():
        if k == "place":
            place = (None, (v or {}).get("name"), (v or {}).get("country"))
        elif k in EVENT_FIELDS:
            m[k] = sorted(v) if k in ("countries", "fields") else v
    return m, place


def apply_links(db: Database, event_id: int) -> None:
    """Take removed or suppressed participants and organizations off the event; apply changed ones."""
    if not anything_curated(db):
        return
    for kind, entity_id, removed, title, role in db.rows(
        "SELECT kind, entity_id, removed, title, role FROM curated_links WHERE event_id = ?", (event_id,)
    ):
        if kind == "participant":
            if removed:
                db.execute(
                    "DELETE FROM event_participants WHERE event_id = ? AND person_id = ?",
                    (event_id, entity_id),
                )
            else:
                db.execute(
                    "UPDATE event_participants SET title = COALESCE(?, title), role = COALESCE(?, role) "
                    "WHERE event_id = ? AND person_id = ?",
                    (title, role, event_id, entity_id),
                )
        elif removed:
            db.execute(
                "DELETE FROM event_organizations WHERE event_id = ? AND org_id = ?", (event_id, entity_id)
            )
        else:
            db.execute(
                "UPDATE event_organizations SET role = COALESCE(?, role) WHERE event_id = ? AND org_id = ?",
                (role, event_id, entity_id),
            )
    db.execute(
        "DELETE FROM event_participants WHERE event_id = ? AND person_id IN (SELECT entity_id FROM "
        "curated_records WHERE kind = 'person' AND suppressed = 1)",
        (event_id,),
    )
    db.execute(
        "DELETE FROM event_organizations WHERE event_id = ? AND org_id IN (SELECT entity_id FROM "
        "curated_records WHERE kind = 'org' AND suppressed = 1)",
        (event_id,),
    )


# people and organizations -----------------------------------------------------------------------------
def entity_values(db: Database, kind: str, entity_id: int, values: dict[str, Any]) -> dict[str, Any]:
    """A person's or organization's derived values (name, country, acronym...) with the curated ones on
    top; "aliases" lists the extra names given by hand."""
    if not anything_curated(db):
        return values
    cur = curated_fields(db, kind, entity_id)
    return {**values, **cur}


def kept_entity_values(db: Database, table: str, entity_id: int, cols: tuple[str, ...]) -> dict[str, Any]:
    row = db.one(f"SELECT {', '.join(cols)} FROM {table} WHERE id = ?", (entity_id,))
    return dict(zip(cols, row or (None,) * len(cols), strict=True))


# lists ------------------------------------------------------------------------------------------------
def hidden_clause(db: Database, kind: str, alias: str) -> str | None:
    """'<alias>.id NOT IN (suppressed ids)' when any record of this kind is suppressed, else None."""
    if not db.scalar("SELECT 1 FROM curated_records WHERE kind = ? AND suppressed = 1 LIMIT 1", (kind,)):
        return None
    return (
        f"{alias}.id NOT IN (SELECT entity_id FROM curated_records WHERE kind = '{kind}' AND suppressed = 1)"
    )


# after a document is derived ----------------------------------------------------------------------------
def after_derive(db: Database, doc_id: int) -> None:
    """Put the document's reports back where curation pinned them, its names back on pinned people and
    organizations, and pin the reports that are now in curated events."""
    from amity.curate.moves import Moves

    if not anything_curated(db):
        return  # nothing curated: derivation alone decides
    moves = Moves(db, doc_id)
    moves.reassign_reports()
    moves.repin_names()
    moves.refresh()
    moves.pin_reports()


def extra_names(db: Database, kind: str, entity_id: int) -> list[str]:
    """The names curation gives a person or organization beyond its mentions: its curated name and aliases."""
    if not anything_curated(db):
        return []
    cur = curated_fields(db, kind, entity_id)
    return [n for n in [cur.get("name"), *(cur.get("aliases") or [])] if n]


def refresh_kept(db: Database, kind: str, entity_id: int) -> None:
    """A curated person or organization without mentions: its counts, curated values and names."""
    from amity.resolve.names import acronym_key, org_key, person_blocks, person_key

    cur = curated_fields(db, kind, entity_id)
    if kind == "person":
        n = db.scalar(
            "SELECT COUNT(DISTINCT event_id) FROM event_participants WHERE person_id = ?", (entity_id,)
        )
        db.execute(
            "UPDATE people SET name = COALESCE(?, name), country = COALESCE(?, country), n_events = ?, "
            "title = NULL, organization_id = NULL WHERE id = ?",  # no mention left: no affiliation either
            (cur.get("name"), cur.get("country"), int(n or 0), entity_id),
        )
    else:
        n = db.scalar(
            "SELECT COUNT(DISTINCT event_id) FROM event_organizations WHERE org_id = ?", (entity_id,)
        )
        db.execute(
            "UPDATE organizations SET name = COALESCE(?, name), acronym = COALESCE(?, acronym), "
            "country = COALESCE(?, country), n_events = ? "
            "WHERE id = ?",
            (cur.get("name"), cur.get("acronym"), cur.get("country"), int(n or 0), entity_id),
        )
    for name in extra_names(db, kind, entity_id):
        rows: list[tuple[str, str, str | None, str | None]]
        if kind == "person":
            rows = [(name, person_key(name), *person_blocks(name))]
        else:
            rows = [(name, org_key(name), None, None)]
            if cur.get("acronym"):
                rows.append((cur["acronym"], "acr:" + acronym_key(cur["acronym"]), None, None))
        db.executemany(
            "INSERT INTO aliases (kind, entity_id, name, key, block1, block2) VALUES (?, ?, ?, ?, ?, ?) "
            "ON CONFLICT DO NOTHING",
            [(kind, entity_id, *r) for r in rows],
        )
