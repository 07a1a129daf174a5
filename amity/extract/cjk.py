"""Chinese and Korean documents: events read with each language's own annotator and lexicons.

`extract_cjk(doc)` is called by the Extractor for documents whose language is Chinese or Korean; the
English screen, recogniser and parser never see them.
"""

from __future__ import annotations

from amity.records import Document, DocumentRecord

LANGUAGES = ("zh", "ko")


def extract_cjk(doc: Document) -> DocumentRecord:
    """The document's record (no events until the Chinese and Korean annotators are in place)."""
    return DocumentRecord(doc.doc, doc.title, doc.published, doc.language)
