"""`SQLRegistry`: the `Registry` of both backends (SQLite and PostgreSQL share all SQL)."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from amity.curate.overlay import after_derive
from amity.ingest.readers import text_hash
from amity.records import Document, DocumentRecord, Skip
from amity.store import read
from amity.store.aggregates import date_counts, place_counts
from amity.store.db import Database
from amity.store.derive import DocumentDeriver, remove_derived
from amity.store.interface import EventFilter
from amity.store.migrations import migrate


def skip_key(source: str, reason: str) -> str:
    """The key of a skipped path: each path (or JSON Lines line) skipped is its own record, whatever it
    holds (fifty empty files are fifty skips), and skipping it again for the same reason adds nothing."""
    return "skip:" + hashlib.sha256(f"{source}\0{reason}".encode("utf-8", "surrogatepass")).hexdigest()


def skip_hash(skip: Skip) -> str:
    return skip_key(skip.source, skip.reason)


def doc_hash(doc: Document) -> str:
    """The document's content identity: the hash of its normalized text (see `amity.ingest.text_hash`)."""
    return doc.content_hash or text_hash(doc.text)


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


class SQLRegistry:
    """A registry on one database connection. Writes outside `transaction()` commit one by one."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.url = db.url
        self.schema_version = migrate(db)

    @property
    def dialect(self) -> str:
        return self.db.dialect

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> SQLRegistry:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Group writes (a batch of documents) into one transaction: all or nothing."""
        with self.db.transaction():
            yield

    # writing ----------------------------------------------------------------------------------
    def has_document(self, content_hash: str, extractor_version: str) -> bool:
        row = self.db.one(
            "SELECT status, extractor_version FROM documents WHERE content_hash = ?", (content_hash,)
        )
        return row is not None and (row[0] == "skipped" or row[1] == extractor_version)

    def known_documents(self, content_hashes: list[str], extractor_version: str) -> set[str]:
        """Which of these documents are stored already (by this extractor version, or skipped)."""
        found: set[str] = set()
        for i in range(0, len(content_hashes), 500):
            part = content_hashes[i : i + 500]
            for h, status, version in self.db.rows(
                "SELECT content_hash, status, extractor_version FROM documents WHERE content_hash IN "
                + self.db.in_list(part),
                part,
            ):
                if status == "skipped" or version == extractor_version:
                    found.add(h)
        return found

    def add_document(self, doc: Document, record: DocumentRecord, extractor_version: str) -> int:
        """Store a document and its events; a stored copy (older extractor) is re-derived in place."""
        h = doc_hash(doc)
        values = (
            doc.source,
            doc.doc,
            record.title or doc.title,
            record.published or doc.published,
            record.language or doc.language,
            doc.fmt,
            doc.text,
            json.dumps([list(m) for m in doc.mask]),
            "extracted",
            None,
            None,
            extractor_version,
            json.dumps(record.to_dict(), ensure_ascii=False, sort_keys=True),
            _now(),
        )
        cols = (
            "source, doc, title, published, language, fmt, text, mask, status, skip_reason, skip_detail, "
            "extractor_version, record, ingested_at"
        )
        with self.db.transaction():
            existing = self.db.scalar("SELECT id FROM documents WHERE content_hash = ?", (h,))
            if existing is not None:
                doc_id = int(existing)
                touched = remove_derived(self.db, doc_id)
                sets = ", ".join(f"{c} = ?" for c in cols.split(", "))
                self.db.execute(f"UPDATE documents SET {sets} WHERE id = ?", (*values, doc_id))
                touched.refresh(self.db)
            else:
                doc_id = self.db.insert(
                    f"INSERT INTO documents (content_hash, {cols}) VALUES ({', '.join('?' * 15)})",
                    (h, *values),
                )
            if doc.source:  # the path is read now: an earlier skip of it is out of date
                self.db.execute(
                    "DELETE FROM documents WHERE status = 'skipped' AND source = ?", (doc.source,)
                )
            DocumentDeriver(self.db, doc_id, doc, record).derive()
            after_derive(self.db, doc_id)  # curation: pinned reports and names go back where curated
        return doc_id

    def add_screened(self, doc: Document, extractor_version: str) -> int:
        """Store a document the relevance screen turned away: its identity and metadata, no text and no
        record, so that re-ingest skips it at the cost of one lookup. A copy stored before (an older
        extractor that read it) loses what was derived from it."""
        h = doc_hash(doc)
        values = (
            doc.source, doc.doc, doc.title, doc.published, doc.language, doc.fmt, extractor_version, _now()
        )
        cols = "source, doc, title, published, language, fmt, extractor_version, ingested_at"
        with self.db.transaction():
            existing = self.db.scalar("SELECT id FROM documents WHERE content_hash = ?", (h,))
            if existing is not None:
                doc_id = int(existing)
                remove_derived(self.db, doc_id).refresh(self.db)
                sets = ", ".join(f"{c} = ?" for c in cols.split(", "))
                self.db.execute(
                    f"UPDATE documents SET {sets}, status = 'screened-out', text = NULL, mask = '[]', "
                    "record = NULL, skip_reason = NULL, skip_detail = NULL WHERE id = ?",
                    (*values, doc_id),
                )
            else:
                doc_id = self.db.insert(
                    f"INSERT INTO documents (content_hash, {cols}, status) "
                    f"VALUES ({', '.join('?' * 9)}, 'screened-out')",
                    (h, *values),
                )
            if doc.source:
                self.db.execute(
                    "DELETE FROM documents WHERE status = 'skipped' AND source = ?", (doc.source,)
                )
        return doc_id

    # work recorded per shard ------------------------------------------------------------------
    def shard_counts(self, shard_key: str) -> dict[str, Any] | None:
        """What a finished shard of an earlier run counted, or None if it was never finished."""
        raw = self.db.scalar("SELECT counts FROM ingest_shards WHERE shard_key = ?", (shard_key,))
        return None if raw is None else dict(json.loads(raw))

    def finish_shard(self, shard_key: str, source: str, counts: dict[str, Any]) -> None:
        """Record a shard as done (inside the transaction that wrote its last documents)."""
        text = json.dumps(counts, sort_keys=True)
        with self.db.transaction():
            if self.db.scalar("SELECT 1 FROM ingest_shards WHERE shard_key = ?", (shard_key,)):
                self.db.execute(
                    "UPDATE ingest_shards SET counts = ?, finished_at = ? WHERE shard_key = ?",
                    (text, _now(), shard_key),
                )
            else:
                self.db.execute(
                    "INSERT INTO ingest_shards (shard_key, source, counts, finished_at) VALUES (?, ?, ?, ?)",
                    (shard_key, source, text, _now()),
                )

    def add_skip(self, skip: Skip) -> int:
        h = skip_hash(skip)
        with self.db.transaction():
            existing = self.db.scalar("SELECT id FROM documents WHERE content_hash = ?", (h,))
            if existing is not None:
                self.db.execute(
                    "UPDATE documents SET skip_detail = ?, ingested_at = ? WHERE id = ?",
                    (skip.detail, _now(), int(existing)),
                )
                return int(existing)
            name = skip.source.rsplit("/", 1)[-1] or skip.source
            return self.db.insert(
                "INSERT INTO documents (content_hash, source, doc, status, skip_reason, skip_detail, "
                "ingested_at) "
                "VALUES (?, ?, ?, 'skipped', ?, ?, ?)",
                (h, skip.source, name, skip.reason, skip.detail, _now()),
            )

    # reading ----------------------------------------------------------------------------------
    def list_events(self, f: EventFilter) -> tuple[list[dict[str, Any]], int]:
        return read.list_events(self.db, f)

    def get_event(self, event_id: int) -> dict[str, Any]:
        return read.get_event(self.db, event_id)

    def list_people(
        self, q: str | None = None, country: str | None = None, limit: int = 50, offset: int = 0
    ) -> tuple[list[dict[str, Any]], int]:
        return read.list_people(self.db, q, country, limit, offset)

    def get_person(self, person_id: int) -> dict[str, Any]:
        return read.get_person(self.db, person_id)

    def list_orgs(
        self, q: str | None = None, country: str | None = None, limit: int = 50, offset: int = 0
    ) -> tuple[list[dict[str, Any]], int]:
        return read.list_orgs(self.db, q, country, limit, offset)

    def get_org(self, org_id: int) -> dict[str, Any]:
        return read.get_org(self.db, org_id)

    def get_document(self, document_id: int) -> dict[str, Any]:
        return read.get_document(self.db, document_id)

    def list_documents(self, limit: int = 50, offset: int = 0) -> tuple[list[dict[str, Any]], int]:
        return read.list_documents(self.db, limit, offset)

    def stats(self, f: EventFilter | None = None) -> dict[str, Any]:
        return read.stats(self.db, f)

    def place_counts(self, f: EventFilter | None = None) -> list[dict[str, Any]]:
        """Events per place name and country (the map view)."""
        return place_counts(self.db, f or EventFilter())

    def date_counts(self, f: EventFilter | None = None) -> dict[str, Any]:
        """Events per month and year at their dates' precision (the timeline)."""
        return date_counts(self.db, f or EventFilter())

    def iter_events(self, f: EventFilter | None = None) -> Iterator[dict[str, Any]]:
        """Every matching event summary (plus its organizations) in id order, for exports."""
        return read.iter_events(self.db, f or EventFilter())

    def counts(self) -> dict[str, int]:
        """Row counts: events, documents (extracted), skipped, people, organizations, places."""
        q = {
            "events": "SELECT COUNT(*) FROM events",
            "documents": "SELECT COUNT(*) FROM documents WHERE status = 'extracted'",
            "skipped": "SELECT COUNT(*) FROM documents WHERE status = 'skipped'",
            "screened_out": "SELECT COUNT(*) FROM documents WHERE status = 'screened-out'",
            "people": "SELECT COUNT(*) FROM people",
            "organizations": "SELECT COUNT(*) FROM organizations",
            "places": "SELECT COUNT(*) FROM places",
        }
        return {k: int(self.db.scalar(sql) or 0) for k, sql in q.items()}

    def document_records(self) -> Iterator[tuple[int, str, dict[str, Any]]]:
        """(document id, doc name, stored extraction record) of every extracted document, by id."""
        for doc_id, name, rec in self.db.rows(
            "SELECT id, doc, record FROM documents WHERE status = 'extracted' ORDER BY id"
        ):
            yield doc_id, name, json.loads(rec or "{}")
