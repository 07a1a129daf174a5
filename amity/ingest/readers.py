"""Turn paths (files, folders, globs, '-') into Documents; bad input becomes a Skip with a reason.

Nothing a file holds aborts a batch: every failure to read one document is caught at that document
and becomes a Skip naming the file (and the JSON Lines line) and the reason."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import PurePath
from typing import Any

from amity.errors import SkipDocument
from amity.ingest.clean import html_to_document, scrub, text_to_document
from amity.ingest.decode import Decoded, decode, detect, is_multibyte, lenient_utf8, sniff_binary
from amity.ingest.meta import normalise_date
from amity.ingest.paths import MAX_BYTES, display, expand_paths, read_file, read_stdin
from amity.records import Document, Skip

__all__ = [
    "MAX_BYTES",
    "expand_paths",
    "read_bytes",
    "read_jsonl_range",
    "read_source",
    "read_sources",
    "text_hash",
]

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
KNOWN_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
MAX_JSON_DEPTH = 64  # JSON Lines records are flat objects; deeper nesting is refused before parsing


def normalised(text: str) -> str:
    """The text as compared for identity: no byte-order mark, line ends as \\n, no spaces or tabs at
    line ends, no blank lines around it. Linear in the text's length (no regex backtracking)."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(line.rstrip(" \t") for line in text.split("\n")).strip("\n")


def text_hash(text: str) -> str:
    """A document's content identity: byte-different copies of one text (a BOM, CRLF line ends,
    trailing spaces) have the same hash."""
    return hashlib.sha256(normalised(text).encode("utf-8", "surrogatepass")).hexdigest()


def content_hash(data: bytes | str) -> str:
    if isinstance(data, str):
        data = data.encode("utf-8", "surrogatepass")
    return hashlib.sha256(data).hexdigest()


def _kind(name: str, data: bytes) -> str:
    suffix = PurePath(name).suffix.lower()
    if suffix in TEXT_SUFFIXES:
        return "txt"
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    if suffix == "":
        start = data[:512].lstrip().lower()
        if start.startswith((b"<!doctype html", b"<html")):
            return "html"
        if start.startswith(b"{"):
            return "jsonl"
        return "txt"
    raise SkipDocument("unknown-format", f"{suffix!r} files are not read; use .txt, .html, .htm or .jsonl")


def _with_identity(doc: Document, warnings: tuple[str, ...] = ()) -> Document:
    merged = tuple(dict.fromkeys(warnings + doc.warnings))
    return replace(doc, content_hash=text_hash(doc.text), warnings=merged)


def read_bytes(name: str, data: bytes, source: str | None = None) -> Iterator[Document | Skip]:
    """Documents from one file's bytes; a JSONL file gives one per line. Never raises for bad content."""
    source = source or display(name)
    try:
        yield from _read_bytes(display(PurePath(name).name), data, source)
    except Exception as e:  # noqa: BLE001 - whatever a hostile file does, the batch goes on
        yield Skip(source, "read-failed", f"{type(e).__name__}: {e}"[:500])


def _read_bytes(base: str, data: bytes, source: str) -> Iterator[Document | Skip]:
    try:
        kind = _kind(base, data)
        if kind == "jsonl":
            yield from _read_jsonl(base, data, source)
            return
        decoded = decode(data)
        convert = text_to_document if kind == "txt" else html_to_document
        doc = convert(base, decoded.text, source=source)
    except SkipDocument as s:
        yield Skip(source, s.reason, s.detail)
        return
    yield _with_identity(doc, decoded.warnings)


def json_depth_ok(line: str, limit: int = MAX_JSON_DEPTH) -> bool:
    """Whether the brackets of a JSON text nest at most `limit` deep (strings ignored), in linear time."""
    if line.count("[") + line.count("{") <= limit:
        return True
    depth = 0
    in_string = escaped = False
    for ch in line:
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch in "[{":
            depth += 1
            if depth > limit:
                return False
        elif ch in "]}":
            depth -= 1
    return True


def _jsonl_lines(data: bytes, first: int = 1) -> Iterator[tuple[int, str, tuple[str, ...]]]:
    """(line number, text, warnings) of each line of a JSON Lines file. JSON is UTF-8: it is decoded
    line by line, so a line with bad bytes is read with replacement characters and a warning of its own.
    A file with a UTF-16 or UTF-32 byte-order mark, or one a multi-byte legacy encoding (GBK, Shift-JIS)
    reads whole, is decoded whole, then split."""
    whole: Decoded | None = None
    if data.startswith((b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")):
        whole = decode(data, check_controls=False)
    else:
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            if lenient_utf8(data) is None:
                detected = detect(data)
                if detected is not None and is_multibyte(detected, data):
                    whole = detected
    if whole is not None:
        # JSON Lines are separated by \n only: U+2028 and friends may appear raw inside JSON strings
        for n, line in enumerate(whole.text.split("\n"), first):
            yield n, line.rstrip("\r"), whole.warnings
        return
    for n, raw in enumerate(data.removeprefix(b"\xef\xbb\xbf").split(b"\n"), first):
        try:
            yield n, raw.decode("utf-8").rstrip("\r"), ()
        except UnicodeDecodeError as e:
            text = raw.decode("utf-8", "replace")
            warning = f"invalid UTF-8 bytes replaced by U+FFFD (first at byte {e.start} of the line)"
            yield n, text.rstrip("\r"), (warning,)


def _text_field(obj: dict[str, Any], key: str) -> str | None:
    value = obj.get(key)
    return scrub(value) if isinstance(value, str) else None


def _read_jsonl(base: str, data: bytes, source: str) -> Iterator[Document | Skip]:
    if not data.strip():
        raise SkipDocument("empty", "the file has no text")
    what = sniff_binary(data)
    if what:
        raise SkipDocument("binary", f"{what}, not a text document")
    yield from _jsonl_records(base, data, source, 1)


def read_jsonl_range(
    name: str, data: bytes, first: int, source: str | None = None
) -> Iterator[Document | Skip]:
    """Documents from consecutive lines of a JSON Lines file (`data`, whose first line is line `first`
    of the file), numbered and named as reading the whole file names them. Never raises."""
    source = source or display(name)
    try:
        yield from _jsonl_records(display(PurePath(name).name), data, source, first)
    except Exception as e:  # noqa: BLE001
        yield Skip(f"{source}:{first}", "read-failed", f"{type(e).__name__}: {e}"[:500])


def _jsonl_records(base: str, data: bytes, source: str, first: int) -> Iterator[Document | Skip]:
    for n, line, warnings in _jsonl_lines(data, first):
        if not line.strip():
            continue
        where = f"{source}:{n}"
        try:
            yield _jsonl_document(base, n, line, where, warnings)
        except SkipDocument as s:
            yield Skip(where, s.reason, s.detail)
        except Exception as e:  # noqa: BLE001 - one bad line is skipped alone
            yield Skip(where, "bad-json", f"line {n} could not be read: {type(e).__name__}: {e}"[:500])


def _jsonl_document(base: str, n: int, line: str, where: str, warnings: tuple[str, ...]) -> Document:
    if not json_depth_ok(line):
        raise SkipDocument("bad-json", f"line {n} nests deeper than {MAX_JSON_DEPTH} levels")
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as e:
        raise SkipDocument("bad-json", f"line {n} is not JSON: {e.msg}") from e
    except RecursionError as e:  # a guard in depth: json_depth_ok lets nothing this deep through
        raise SkipDocument("bad-json", f"line {n} nests too deep") from e
    if not isinstance(obj, dict):
        raise SkipDocument("bad-json", f"line {n} is not a JSON object")
    body, html = _text_field(obj, "text"), _text_field(obj, "html")
    if not (body or "").strip() and not (html or "").strip():
        raise SkipDocument("empty", f"line {n} has no 'text' or 'html'")
    raw_id = obj.get("id")
    doc_id = scrub(str(raw_id))[:300] if isinstance(raw_id, str | int) and str(raw_id) else None
    doc_id = doc_id or f"{PurePath(base).stem}-{n}"
    url = _text_field(obj, "url")
    if body and body.strip():
        doc = text_to_document(doc_id, body, source=url or where)
    else:
        doc = html_to_document(doc_id, html or "", source=url or where)
    title, published = _text_field(obj, "title"), _text_field(obj, "published")
    doc = replace(
        doc,
        fmt="jsonl",
        title=title or doc.title,
        published=normalise_date(published) if published else doc.published,
    )
    return _with_identity(doc, warnings)


def read_source(path: str) -> Iterator[Document | Skip]:
    """Documents from one path ('-' is stdin). Never raises for bad content: yields a Skip instead.
    Only regular files are opened; links, FIFOs, devices and unreadable folders are skips."""
    source = "-" if path == "-" else display(path)
    try:
        data = read_stdin() if path == "-" else read_file(path)
    except SkipDocument as s:
        yield Skip(source, s.reason, s.detail)
        return
    except Exception as e:  # noqa: BLE001
        yield Skip(source, "unreadable", f"{type(e).__name__}: {e}"[:500])
        return
    yield from read_bytes("stdin.txt" if path == "-" else path, data, source=source)


def read_sources(paths: Iterable[str]) -> Iterator[Document | Skip]:
    for p in expand_paths(paths):
        yield from read_source(p)
