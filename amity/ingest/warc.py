"""WARC archives (`.warc`, `.warc.gz`, read through warcio): one document per HTTP response whose body
is HTML, its main text taken by trafilatura as for an `.html` file. Every other record is a skip with a
reason: `not-a-response` (request, metadata, warcinfo, revisit records), `http-status` (a response that
is not a success), `not-html` (an image, a PDF, a script...)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from amity.errors import SkipDocument
from amity.ingest.clean import html_to_document
from amity.ingest.decode import decode
from amity.ingest.paths import MAX_BYTES, display
from amity.ingest.readers import text_hash
from amity.records import Document, Skip

HTML_TYPES = ("text/html", "application/xhtml+xml")


def read_records(path: str, offset: int, first: int, count: int) -> Iterator[Document | Skip]:
    """Documents and skips of `count` records of the WARC file at `path`, the first of them (record
    number `first`) starting at byte `offset` of the file."""
    from warcio.archiveiterator import ArchiveIterator

    with open(path, "rb") as f:
        f.seek(offset)
        for number, record in enumerate(ArchiveIterator(f), first):
            if number >= first + count:
                return
            yield _record(display(path), number, record)


def _record(where: str, number: int, record) -> Document | Skip:  # type: ignore[no-untyped-def]
    uri = record.rec_headers.get_header("WARC-Target-URI") or ""
    source = uri or f"{where}#{number}"
    if record.rec_type != "response":
        return Skip(f"{where}#{number}", "not-a-response", f"a WARC {record.rec_type} record {uri}".strip())
    if record.http_headers is None:
        return Skip(source, "not-a-response", "a response record without HTTP headers")
    status = record.http_headers.get_statuscode() or ""
    if not status.startswith("2"):
        return Skip(source, "http-status", f"HTTP status {status or 'missing'}")
    ctype = (record.http_headers.get_header("Content-Type") or "").split(";")[0].strip().lower()
    if ctype not in HTML_TYPES:
        return Skip(source, "not-html", f"content type {ctype or 'missing'}; only HTML pages are read")
    body = record.content_stream().read(MAX_BYTES + 1)
    if len(body) > MAX_BYTES:
        return Skip(source, "too-large", f"a response body over {MAX_BYTES} bytes")
    try:
        decoded = decode(body)
        doc = html_to_document(uri or f"record-{number}", decoded.text, source=source)
    except SkipDocument as s:
        return Skip(source, s.reason, s.detail)
    except Exception as e:  # noqa: BLE001 - one record's failure is its own skip
        return Skip(source, "read-failed", f"{type(e).__name__}: {e}"[:500])
    warnings = tuple(dict.fromkeys(decoded.warnings + doc.warnings))
    return replace(doc, fmt="warc", content_hash=text_hash(doc.text), warnings=warnings)
