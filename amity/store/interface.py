"""The registry's read/write interface, shared by the CLI, the API and the batch runner.

Both backends (SQLite, PostgreSQL) implement `Registry`. Every read returns plain
JSON-ready dicts in the shapes documented below, so the API serialises them as is.

Shapes
------
EventSummary: {"id": int, "type": str, "status": str, "salience": str, "name": str|None,
               "date": str|None, "end_date": str|None,
               "place": {"id": int|None, "name": str|None, "country": str|None}|None,
               "countries": [str], "fields": [str], "size": int|None, "program": str|None,
               "n_sources": int, "participants": [{"id": int, "name": str|None, "title": str|None}]}
EventDetail:  EventSummary + {"organizations": [{"id", "name", "acronym", "country", "role"}],
               "participants": [{"id", "name", "title", "organization", "country", "role"}],
               "sources": [{"document_id": int, "doc": str, "title": str|None, "url": str|None,
                            "published": str|None, "evidence": [{"start", "end", "text"}],
                            "idx": int (the report's index in its document)}],
               "cameo": [str], "plover": str|None, "warnings": [str]}
PersonSummary: {"id", "name", "country", "title" (latest), "organization" (latest), "n_events"}
PersonDetail:  PersonSummary + {"aliases": [str], "affiliations": [{"organization_id", "organization",
               "title", "first_seen", "last_seen"}], "events": [EventSummary],
               "co_participants": [{"id", "name", "n_shared"}]}
OrgSummary:    {"id", "name", "acronym", "country", "n_events", "n_people"}
OrgDetail:     OrgSummary + {"aliases": [str], "people": [{"id", "name", "title", "first_seen", "last_seen"}],
               "events": [EventSummary]}
DocumentDetail: {"id", "doc", "source", "title", "published", "language", "status", "skip_reason",
               "skip_detail", "extractor_version", "text", "mask": [[start, end]], "event_ids": [int],
               "warnings": [str]}
Stats: {"by_month": [{"month": "YYYY-MM", "type": str, "n": int}],
        "by_pair": [{"a": str, "b": str, "n": int}], "by_field": [{"field": str, "n": int}],
        "totals": {"events": int, "documents": int, "people": int, "organizations": int}}
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Protocol

from amity.records import Document, DocumentRecord, Skip


@dataclass(frozen=True)
class EventFilter:
    type: str | None = None
    status: str | None = None
    countries: tuple[str, ...] = ()  # one country, or a pair: events involving all of them
    field: str | None = None
    program: str | None = None  # substring, case-insensitive
    person_id: int | None = None
    org_id: int | None = None
    place: str | None = None  # place name substring or country code
    since: str | None = None  # ISO date prefix, inclusive
    until: str | None = None  # ISO date prefix, inclusive
    q: str | None = None  # full-text search over name, program, evidence text
    sort: str = "-date"  # date, -date, type, -n_sources, id
    limit: int = 50
    offset: int = 0


@dataclass(frozen=True)
class IngestResult:
    read: int = 0
    stored: int = 0
    unchanged: int = 0
    skipped: int = 0
    events: int = 0  # events in the registry after the run
    skip_reasons: dict[str, int] = field(default_factory=dict)
    skips: tuple[Skip, ...] = ()  # the first skips of the run, for the command to list
    unsupported: dict[str, int] = field(default_factory=dict)  # stored, not read for events, by language
    screened_out: int = 0  # turned away by the relevance screen before the NLP, stored as such


class Registry(Protocol):
    url: str

    def close(self) -> None: ...

    # writing
    def has_document(self, content_hash: str, extractor_version: str) -> bool: ...
    def add_document(self, doc: Document, record: DocumentRecord, extractor_version: str) -> int: ...
    def add_skip(self, skip: Skip) -> int: ...

    # reading
    def list_events(self, f: EventFilter) -> tuple[list[dict[str, Any]], int]: ...
    def get_event(self, event_id: int) -> dict[str, Any]: ...
    def list_people(
        self, q: str | None = None, country: str | None = None, limit: int = 50, offset: int = 0
    ) -> tuple[list[dict[str, Any]], int]: ...
    def get_person(self, person_id: int) -> dict[str, Any]: ...
    def list_orgs(
        self, q: str | None = None, country: str | None = None, limit: int = 50, offset: int = 0
    ) -> tuple[list[dict[str, Any]], int]: ...
    def get_org(self, org_id: int) -> dict[str, Any]: ...
    def get_document(self, document_id: int) -> dict[str, Any]: ...
    def list_documents(self, limit: int = 50, offset: int = 0) -> tuple[list[dict[str, Any]], int]: ...
    def stats(self, f: EventFilter | None = None) -> dict[str, Any]: ...
    def iter_events(self, f: EventFilter | None = None) -> Iterator[dict[str, Any]]: ...
    def place_counts(self, f: EventFilter | None = None) -> list[dict[str, Any]]: ...
    def date_counts(self, f: EventFilter | None = None) -> dict[str, Any]: ...
