"""Shards: the units of ingest work. A run's paths become a stream of shards, each small enough to
extract in one go and named by a key that says whether an earlier run finished it:

- `files`: a few consecutive files of a folder walk (or given paths), up to FILES_PER_SHARD of them or
  SHARD_BYTES in all;
- `lines`: a range of lines of a JSON Lines file (`.jsonl`, `.ndjson`, and the same gzipped);
- `records`: a range of records of a WARC file (`.warc`, `.warc.gz`);
- `stdin`: standard input, read whole (never recorded: it cannot be read twice).

Planning reads an archive once, front to back, to find where its shards start (a line or record
boundary); it never holds more than one block of a file, and folders are walked lazily, so a
folder of any size is streamed. Reading a shard (`read_shard`) opens the file at its shard's start.
A shard's key covers the file's size and modification time, so a file changed since is read again."""

from __future__ import annotations

import gzip
import hashlib
import io
import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import BinaryIO

from amity.ingest.paths import MAX_BYTES, display, expand_paths
from amity.ingest.readers import read_jsonl_range, read_source
from amity.records import Document, Skip

FILES_PER_SHARD = 16
LINES_PER_SHARD = 32
RECORDS_PER_SHARD = 64  # a crawl's WARC holds a request and a response (and metadata) per page
SHARD_BYTES = 16 * 1024 * 1024
BLOCK = 1 << 20

JSONL_NAMES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
WARC_NAMES = (".warc", ".warc.gz")
_WIDE_BOMS = (b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")


@dataclass(frozen=True)
class Shard:
    index: int  # position in the run: results are stored in this order
    kind: str  # files, lines, records, stdin
    paths: tuple[str, ...]
    offset: int = 0  # lines: byte offset (in the decompressed stream); records: file offset of the first
    first: int = 1  # number of its first line (from 1) or record (from 0)
    count: int = 0  # lines or records; files: len(paths)
    stamp: str = ""  # sizes and modification times of its files
    error: str = ""  # broken: why the file could not be planned past this point

    @property
    def key(self) -> str:
        """Identity across runs ('' for stdin, which is never recorded)."""
        if self.kind == "stdin":
            return ""
        parts = [self.kind, *self.paths, str(self.offset), str(self.first), str(self.count), self.stamp]
        text = "\0".join(parts)
        return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()

    @property
    def source(self) -> str:
        head = display(self.paths[0]) if self.paths else "-"
        if self.kind == "lines":
            return f"{head}:{self.first}-{self.first + self.count - 1}"
        if self.kind == "records":
            return f"{head}#{self.first}-{self.first + self.count - 1}"
        return head if self.count <= 1 else f"{head} (+{self.count - 1} files)"

    @property
    def size_hint(self) -> int:
        """Documents it is likely to hold (for the progress bar): lines, files, or half the records."""
        return max(1, self.count // 2) if self.kind == "records" else max(1, self.count)


def archive_kind(path: str) -> str | None:
    name = path.lower()
    if name.endswith(WARC_NAMES):
        return "records"
    if name.endswith(JSONL_NAMES):
        return "lines"
    return None


def _stamp(path: str) -> str:
    try:
        st = os.stat(path)
    except OSError:
        return "?"
    return f"{st.st_size}:{st.st_mtime_ns}"


def _regular(path: str) -> bool:
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return False


def _open(path: str) -> BinaryIO:
    raw = open(path, "rb")  # noqa: SIM115 - the caller closes it
    if path.lower().endswith(".gz"):
        return gzip.GzipFile(fileobj=raw, mode="rb")  # type: ignore[return-value]
    return raw


def plan_shards(paths: Iterable[str]) -> Iterator[Shard]:
    """The shards of `paths`, in reading order (folders walked lazily). Fails, like `expand_paths`, on
    a path that does not exist, before anything of the following paths is planned."""
    index = 0
    group: list[str] = []
    group_bytes = 0

    def files() -> Shard:
        nonlocal index, group, group_bytes
        shard = Shard(index, "files", tuple(group), count=len(group), stamp=";".join(map(_stamp, group)))
        index += 1
        group, group_bytes = [], 0
        return shard

    for path in expand_paths(paths):
        kind = archive_kind(path) if path != "-" else None
        if path == "-" or (kind and _regular(path)):
            if group:
                yield files()
            if path == "-":
                yield Shard(index, "stdin", ("-",), count=1)
                index += 1
                continue
            for shard in _archive_shards(path, kind or "", index):
                yield shard
                index = shard.index + 1
            continue
        try:
            size = os.stat(path).st_size
        except OSError:
            size = 0
        if group and (len(group) >= FILES_PER_SHARD or group_bytes + size > SHARD_BYTES):
            yield files()
        group.append(path)
        group_bytes += min(size, MAX_BYTES)
    if group:
        yield files()


def _archive_shards(path: str, kind: str, index: int) -> Iterator[Shard]:
    """Shards of one JSON Lines or WARC file. A JSON Lines file that is empty, binary or UTF-16/32 is
    one `files` shard (reading it whole gives the skip, or the documents); a file that cannot be scanned
    to its end gives, after the shards found, a `broken` shard that reads as a skip with the reason."""
    from amity.ingest.decode import sniff_binary

    stamp = _stamp(path)
    found = 0
    try:
        # warcio reads gzip itself, member by member: its offsets are the file's, where a reader can seek
        with _open(path) if kind == "lines" else open(path, "rb") as f:
            if kind == "lines":
                head = f.read(BLOCK)
                if not head.strip() or head.startswith(_WIDE_BOMS) or sniff_binary(head):
                    yield Shard(index, "files", (path,), count=1, stamp=stamp)
                    return
                f.seek(0)
            ranges = _line_ranges(f) if kind == "lines" else _record_ranges(f)
            for offset, first, count in ranges:
                yield Shard(index + found, kind, (path,), offset, first, count, stamp)
                found += 1
    except Exception as e:  # noqa: BLE001 - not gzip, cut short, not WARC: recorded, the run goes on
        error = f"{type(e).__name__}: {e}"[:500]
        yield Shard(index + found, "broken", (path,), count=1, stamp=stamp, error=error)


def _line_ranges(f: BinaryIO) -> Iterator[tuple[int, int, int]]:
    """(byte offset, first line number, lines) of consecutive ranges of LINES_PER_SHARD lines (fewer
    where SHARD_BYTES is reached), found one block at a time."""
    start, first, n, pos, end = 0, 1, 0, 0, 0
    while block := f.read(BLOCK):
        i = 0
        while (j := block.find(b"\n", i)) >= 0:
            n += 1
            end = pos + j + 1
            if n >= LINES_PER_SHARD or end - start >= SHARD_BYTES:
                yield start, first, n
                start, first, n = end, first + n, 0
            i = j + 1
        pos += len(block)
    if pos > start:  # lines left; the last one may have no line end
        yield start, first, n + (pos > end)


def _record_ranges(f: BinaryIO) -> Iterator[tuple[int, int, int]]:
    """(file offset, first record number, records) of consecutive ranges of RECORDS_PER_SHARD records."""
    from warcio.archiveiterator import ArchiveIterator

    it = ArchiveIterator(f)
    start, first, n = 0, 0, 0
    for number, _record in enumerate(it):
        if n == 0:
            start, first = it.get_record_offset(), number
        n += 1
        if n >= RECORDS_PER_SHARD:
            yield start, first, n
            n = 0
    if n:
        yield start, first, n


def read_shard(shard: Shard) -> Iterator[Document | Skip]:
    """The documents (and skips) of one shard, in order. Never raises for bad content."""
    if shard.kind == "broken":
        detail = f"the file could not be read to its end: {shard.error}"
        yield Skip(display(shard.paths[0]), "read-failed", detail)
        return
    if shard.kind in ("files", "stdin"):
        for path in shard.paths:
            yield from read_source(path)
        return
    path = shard.paths[0]
    source = display(path)
    try:
        if shard.kind == "lines":
            yield from _read_lines(shard, path, source)
        else:
            from amity.ingest.warc import read_records

            yield from read_records(path, shard.offset, shard.first, shard.count)
    except Exception as e:  # noqa: BLE001 - a file changed or damaged since planning: the shard is a skip
        yield Skip(shard.source, "read-failed", f"{type(e).__name__}: {e}"[:500])


def _read_lines(shard: Shard, path: str, source: str) -> Iterator[Document | Skip]:
    name = path[:-3] if path.lower().endswith(".gz") else path
    with _open(path) as f:
        _skip_to(f, shard.offset)
        for n in range(shard.first, shard.first + shard.count):
            line = f.readline(MAX_BYTES + 1)
            if len(line) > MAX_BYTES:
                while line and not line.endswith(b"\n"):
                    line = f.readline(BLOCK)
                yield Skip(f"{source}:{n}", "too-large", f"line {n} is over {MAX_BYTES} bytes")
                continue
            if not line:
                return  # the file is shorter than when it was planned
            if line.strip():
                yield from read_jsonl_range(name, line.rstrip(b"\n"), n, source=source)


def _skip_to(f: BinaryIO, offset: int) -> None:
    """Move to `offset`: a seek in a plain file, reading forward in a gzip stream (which cannot seek)."""
    if isinstance(f, io.BufferedReader):
        f.seek(offset)
        return
    left = offset
    while left > 0:
        got = len(f.read(min(left, BLOCK)))
        if not got:
            return
        left -= got
