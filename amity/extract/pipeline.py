"""The extractor: Document -> DocumentRecord. (Being built; the interface is stable.)"""

from __future__ import annotations

from amity.records import Document, DocumentRecord


class Extractor:
    """Loads the NLP pipeline once; `extract` is then called per document."""

    def extract(self, doc: Document) -> DocumentRecord:
        return DocumentRecord(doc=doc.doc, title=doc.title, published=doc.published, language=doc.language)
