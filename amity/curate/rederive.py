"""Derive a stored document again from its stored extraction record (no extractor run): what restoring
a suppressed person or a removed participant needs to bring the derived rows back."""

from __future__ import annotations

from amity.records import record_from_dict
from amity.store.db import Database
from amity.store.derive import DocumentDeriver, remove_derived, stored_document


def rederive(db: Database, doc_id: int) -> None:
    """Re-derive one extracted document from its stored record (inside the caller's transaction)."""
    from amity.curate.overlay import after_derive

    stored = stored_document(db, doc_id)
    if stored is None or not stored[1]:
        return
    doc, rec = stored
    if not rec.get("doc") and not rec.get("events"):  # text entered by hand: nothing was extracted
        return
    remove_derived(db, doc_id).refresh(db)
    DocumentDeriver(db, doc_id, doc, record_from_dict(rec)).derive()
    after_derive(db, doc_id)
