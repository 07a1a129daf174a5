"""Turn paths (files, folders, globs, '-') into Documents; bad input becomes a Skip with a reason."""

from __future__ import annotations

import glob
import hashlib
import json
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from amity.errors import InputError, SkipDocument
from amity.ingest.clean import html_to_document, text_to_document
from amity.records import Document, Skip

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
KNOWN_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
MAX_BYTES = 64 * 1024 * 1024  # larger files are skipped, not loaded


def expand_paths(paths: Iterable[str]) -> Iterator[str]:
    """Files as given, folders recursively (sorted), glob patterns, and '-' for stdin."""
    for p in paths:
        if p == "-":
            yield "-"
            continue
        path = Path(p)
        if path.is_dir():
            for f in sorted(path.rglob("*")):
                hidden = any(part.startswith(".") for part in f.relative_to(path).parts)
                if f.is_file() and not hidden:
                    yield str(f)
        elif path.exists():
            yield str(path)
        elif any(c in p for c in "*?["):
            matches = sorted(glob.glob(p, recursive=True))
            if not matches:
                raise InputError(
                    f"no file matches {p!r}", "check the pattern; quote it to let amity expand it"
                )
            for m in matches:
                if Path(m).is_file():
                    yield m
                elif Path(m).is_dir():
                    yield from expand_paths([m])
        else:
            raise InputError(f"no such file or folder: {p}", "check the path")


def content_hash(data: bytes | str) -> str:
    if isinstance(data, str):
        data = data.encode("utf-8", "surrogatepass")
    return hashlib.sha256(data).hexdigest()


def decode(data: bytes) -> str:
    """Decode bytes as UTF-8 (with or without BOM) or UTF-16 with BOM; else cp1252 when it reads as text."""
    if not data.strip():
        raise SkipDocument("empty", "the file has no text")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as e:
            raise SkipDocument("undecodable", f"bad UTF-16: {e}") from e
    head = data[:8192]
    if b"\x00" in head:
        raise SkipDocument("binary", "the file contains NUL bytes; it is not a text document")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            raise SkipDocument("undecodable", f"not UTF-8 ({e.reason} at byte {e.start}) nor cp1252") from e
        printable = sum(c.isprintable() or c.isspace() for c in text[:8192])
        if printable / max(1, len(text[:8192])) < 0.95:
            raise SkipDocument("undecodable", f"not UTF-8 ({e.reason} at byte {e.start})") from e
        return text


def _kind(name: str, data: bytes) -> str:
    suffix = Path(name).suffix.lower()
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


def read_bytes(name: str, data: bytes, source: str | None = None) -> Iterator[Document | Skip]:
    """Documents from one file's bytes; a JSONL file gives one per line."""
    source = source or name
    h = content_hash(data)
    try:
        kind = _kind(name, data)
        text = decode(data)
    except SkipDocument as s:
        yield Skip(source, s.reason, s.detail, h)
        return
    base = Path(name).name
    if kind in ("txt", "html"):
        convert = text_to_document if kind == "txt" else html_to_document
        try:
            yield convert(base, text, source=source, content_hash=h)
        except SkipDocument as s:
            yield Skip(source, s.reason, s.detail, h)
    else:
        yield from _read_jsonl(base, text, source)


def _read_jsonl(base: str, text: str, source: str) -> Iterator[Document | Skip]:
    # JSON Lines are separated by \n only: U+2028 and friends may appear raw inside JSON strings
    for n, line in enumerate((ln.rstrip("\r") for ln in text.split("\n")), 1):
        if not line.strip():
            continue
        where = f"{source}:{n}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            yield Skip(where, "bad-json", f"line {n} is not JSON: {e.msg}", content_hash(line))
            continue
        if not isinstance(obj, dict):
            yield Skip(where, "bad-json", f"line {n} is not a JSON object", content_hash(line))
            continue
        body = obj.get("text") if isinstance(obj.get("text"), str) else None
        html = obj.get("html") if isinstance(obj.get("html"), str) else None
        if not (body or "").strip() and not (html or "").strip():
            yield Skip(where, "empty", f"line {n} has no 'text' or 'html'", content_hash(line))
            continue
        doc_id = str(obj.get("id") or f"{Path(base).stem}-{n}")
        h = content_hash(line)
        url = obj.get("url") if isinstance(obj.get("url"), str) else None
        try:
            if body and body.strip():
                doc = text_to_document(doc_id, body, source=url or where, content_hash=h)
            else:
                doc = html_to_document(doc_id, html or "", source=url or where, content_hash=h)
        except SkipDocument as s:
            yield Skip(where, s.reason, s.detail, h)
            continue
        title = obj.get("title") if isinstance(obj.get("title"), str) else None
        published = obj.get("published") if isinstance(obj.get("published"), str) else None
        from dataclasses import replace

        from amity.ingest.meta import normalise_date

        yield replace(
            doc,
            fmt="jsonl",
            title=title or doc.title,
            published=normalise_date(published) if published else doc.published,
        )


def read_source(path: str) -> Iterator[Document | Skip]:
    """Documents from one path ('-' is stdin). Never raises for bad content: yields a Skip instead."""
    if path == "-":
        data = sys.stdin.buffer.read()
        yield from read_bytes("stdin.txt", data, source="-")
        return
    try:
        size = os.path.getsize(path)
        if size > MAX_BYTES:
            yield Skip(path, "too-large", f"{size} bytes; the limit is {MAX_BYTES}")
            return
        data = Path(path).read_bytes()
    except OSError as e:
        yield Skip(path, "unreadable", e.strerror or str(e))
        return
    yield from read_bytes(Path(path).name, data, source=path)


def read_sources(paths: Iterable[str]) -> Iterator[Document | Skip]:
    for p in expand_paths(paths):
        yield from read_source(p)
