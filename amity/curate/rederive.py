"""Derive a stored document again from its stored extraction record (no extractor run): what restoring
a suppressed person or a removed participant needs to bring the derived rows back."""

from __future__ import annotations

import json

from amity.records import Document, record_from_dict
from amity.store.db import Database
from amity.store.derive import DocumentDeriver, remove_derived


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
