"""Re-resolution: rebuild everything derived from the stored documents (people, organizations,
places, events, their merges and links) by deriving every document again, in the order they were
first stored, with the current matching. The same code as ingest (`DocumentDeriver`), over the
whole registry at once: after a change of the matching rules, or after a batch ingested in parallel.

Deterministic and idempotent: ids restart from 1 and documents are taken by id, so a second run
gives exactly the registry of the first.

A registry someone curated keeps its records: each document is derived again in place, in id order,
and curation puts its pinned reports, names and values back (`amity.curate.rederive`), so edited,
merged, split and hand-entered events keep their ids."""

from __future__ import annotations

from dataclasses import dataclass

from amity.records import record_from_dict
from amity.store.db import Database
from amity.store.derive import DocumentDeriver, stored_document

# Everything derived from documents, children before parents.
DERIVED = (
    "event_links",
    "event_participants",
    "event_organizations",
    "event_countries",
    "event_fields",
    "event_sources",
    "person_mentions",
    "org_mentions",
    "affiliations",
    "aliases",
    "events",
    "people",
    "organizations",
    "places",
    "stats_months",
    "stats_pairs",
    "stats_fields",
)
IDENTITIES = ("events", "people", "organizations", "places")


@dataclass(frozen=True)
class ResolveResult:
    documents: int
    events_before: int
    events: int
    people: int
    organizations: int
    part_of: int
    possible_duplicates: int


def _count(db: Database, sql: str) -> int:
    return int(db.scalar(sql) or 0)


def reresolve(db: Database) -> ResolveResult:
    """Re-derive every extracted document in one transaction (all or nothing)."""
    from amity.curate.overlay import anything_curated

    with db.transaction():
        before = _count(db, "SELECT COUNT(*) FROM events")
        if anything_curated(db):
            return _in_place(db, before)
        for table in DERIVED:
            db.execute(f"DELETE FROM {table}")
        if db.dialect == "sqlite":
            db.execute("DELETE FROM events_fts")
            names = ", ".join(f"'{t}'" for t in IDENTITIES)
            if db.scalar("SELECT COUNT(*) FROM sqlite_master WHERE name = 'sqlite_sequence'"):
                db.execute(f"DELETE FROM sqlite_sequence WHERE name IN ({names})")
        else:
            for table in IDENTITIES:
                db.execute(f"ALTER TABLE {table} ALTER COLUMN id RESTART WITH 1")
        ids = [r[0] for r in db.rows("SELECT id FROM documents WHERE status = 'extracted' ORDER BY id")]
        for doc_id in ids:
            stored = stored_document(db, doc_id)
            assert stored is not None
            doc, rec = stored
            DocumentDeriver(db, doc_id, doc, record_from_dict({"doc": doc.doc, **rec})).derive()
        return _result(db, len(ids), before)


def _in_place(db: Database, before: int) -> ResolveResult:
    from amity.curate.rederive import rederive

    ids = [r[0] for r in db.rows("SELECT id FROM documents WHERE status = 'extracted' ORDER BY id")]
    for doc_id in ids:
        rederive(db, doc_id)
    return _result(db, len(ids), before)


def _result(db: Database, documents: int, before: int) -> ResolveResult:
    return ResolveResult(
        documents=documents,
        events_before=before,
        events=_count(db, "SELECT COUNT(*) FROM events"),
        people=_count(db, "SELECT COUNT(*) FROM people"),
        organizations=_count(db, "SELECT COUNT(*) FROM organizations"),
        part_of=_count(db, "SELECT COUNT(*) FROM event_links WHERE kind = 'part_of'"),
        possible_duplicates=_count(db, "SELECT COUNT(*) FROM event_links WHERE kind = 'possible_duplicate'"),
    )
