"""Derive a stored document again from its stored extraction record (no extractor run): what restoring
a suppressed person or a removed participant needs to bring the derived rows back."""

from __future__ import annotations

import json
from typing import Any

from amity.records import Document, DocumentRecord, Event, Organization, Person, Place, Span
from amity.store.db import Database
from amity.store.derive import DocumentDeriver, remove_derived


def _person(d: dict[str, Any]) -> Person:
    return Person(d.get("name"), d.get("title"), d.get("organization"), d.get("country"), d.get("role"))


def _org(d: dict[str, Any]) -> Organization:
    return Organization(d["name"], d.get("acronym"), d.get("country"), d.get("role"))


def event_from_dict(d: dict[str, Any]) -> Event:
    place = d.get("place")
    return Event(
        type=d["type"],
        status=d.get("status") or "occurred",
        salience=d.get("salience") or "main",
        name=d.get("name"),
        date=d.get("date"),
        end_date=d.get("end_date"),
        place=Place(place.get("name"), place.get("country")) if place else None,
        countries=tuple(d.get("countries") or ()),
        organizations=tuple(_org(o) for o in d.get("organizations") or () if o.get("name")),
        participants=tuple(_person(p) for p in d.get("participants") or ()),
        fields=tuple(d.get("fields") or ()),
        size=d.get("size"),
        program=d.get("program"),
        evidence=tuple(Span(s["start"], s["end"]) for s in d.get("evidence") or ()),
        trigger=d.get("trigger"),
        warnings=tuple(d.get("warnings") or ()),
    )


def record_from_dict(d: dict[str, Any]) -> DocumentRecord:
    return DocumentRecord(
        doc=d.get("doc") or "",
        title=d.get("title"),
        published=d.get("published"),
        language=d.get("language"),
        events=tuple(event_from_dict(e) for e in d.get("events") or ()),
        participants=tuple(_person(p) for p in d.get("participants") or ()),
        organizations=tuple(_org(o) for o in d.get("organizations") or () if o.get("name")),
        warnings=tuple(d.get("warnings") or ()),
    )


def rederive(db: Database, doc_id: int) -> None:
    """Re-derive one extracted document from its stored record (inside the caller's transaction)."""
    from amity.curate.overlay import after_derive

    row = db.one(
        "SELECT doc, text, source, title, published, language, fmt, mask, record, content_hash "
        "FROM documents WHERE id = ? AND status = 'extracted'",
        (doc_id,),
    )
    if row is None or not row[8]:
        return
    rec = json.loads(row[8])
    if not rec.get("doc") and not rec.get("events"):  # text entered by hand: nothing was extracted
        return
    doc = Document(
        doc=row[0],
        text=row[1] or "",
        source=row[2] or "",
        title=row[3],
        published=row[4],
        language=row[5],
        fmt=row[6] or "txt",
        mask=tuple(tuple(m) for m in json.loads(row[7] or "[]")),  # type: ignore[misc]
        content_hash=row[9],
    )
    remove_derived(db, doc_id).refresh(db)
    DocumentDeriver(db, doc_id, doc, record_from_dict(rec)).derive()
    after_derive(db, doc_id)
