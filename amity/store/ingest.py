"""Ingest: read documents, extract their events, store them. Idempotent, incremental, and
transactional per batch: a killed run leaves whole batches, and rerunning completes the rest.

Nothing one document does aborts the batch: a file that cannot be read, a document the extractor
fails on and one the registry cannot store each become a recorded skip with a reason."""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import Protocol

from amity import EXTRACTOR_VERSION
from amity.ingest import display, expand_paths, read_source
from amity.records import Document, DocumentRecord, Skip
from amity.store.interface import IngestResult
from amity.store.registry import SQLRegistry, doc_hash

BATCH_SIZE = 25
LISTED_SKIPS = 50  # skips kept in the result for the command to list; all of them are in the registry


class ExtractorLike(Protocol):
    def extract(self, doc: Document) -> DocumentRecord: ...


def _items(path: str) -> Iterator[Document | Skip]:
    """`read_source`, with a last guard: an unexpected failure becomes a skip of the path."""
    try:
        yield from read_source(path)
    except Exception as e:  # noqa: BLE001 - one file must not abort the batch
        yield Skip(display(path), "read-failed", f"{type(e).__name__}: {e}"[:500])


def _failure(e: BaseException) -> str:
    return f"{type(e).__name__}: {e}"[:500]


def ingest(
    registry: SQLRegistry,
    paths: Iterable[str],
    extractor: ExtractorLike,
    progress: bool = False,
    batch_size: int = BATCH_SIZE,
    extractor_version: str = EXTRACTOR_VERSION,
    reextract: bool = False,
) -> IngestResult:
    """Store every document under `paths` not already stored with this extractor version (with
    `reextract`, every document: stored ones are extracted again; curated values still win).
    Documents are extracted, then written `batch_size` at a time, each batch in one transaction."""
    files = list(expand_paths(paths))  # fails on a bad path before anything is written
    counts: Counter[str] = Counter()
    reasons: Counter[str] = Counter()
    unsupported: Counter[str] = Counter()
    listed: list[Skip] = []
    pending: list[tuple[Document, DocumentRecord] | Skip] = []
    pending_hashes: set[str] = set()

    def skipped(skip: Skip) -> Skip:
        counts["skipped"] += 1
        reasons[skip.reason] += 1
        if len(listed) < LISTED_SKIPS:
            listed.append(skip)
        return skip

    def write(item: tuple[Document, DocumentRecord] | Skip) -> None:
        if isinstance(item, Skip):
            registry.add_skip(item)
        else:
            registry.add_document(item[0], item[1], extractor_version)

    def flush() -> None:
        if not pending:
            return
        try:
            with registry.transaction():
                for item in pending:
                    write(item)
        except Exception:  # noqa: BLE001 - find the item the registry refuses: one at a time
            for item in pending:
                try:
                    with registry.transaction():
                        write(item)
                except Exception as e:  # noqa: BLE001
                    if isinstance(item, Skip):
                        raise  # the registry cannot even record a skip: it is broken, stop
                    doc = item[0]
                    counts["stored"] -= 1
                    skip = skipped(Skip(doc.source or doc.doc, "store-failed", _failure(e)))
                    with registry.transaction():
                        registry.add_skip(skip)
        pending.clear()
        pending_hashes.clear()

    bar = _progress(len(files), progress)
    try:
        for path in files:
            for item in _items(path):
                counts["read"] += 1
                if isinstance(item, Skip):
                    pending.append(skipped(item))
                else:
                    h = doc_hash(item)
                    stored = not reextract and registry.has_document(h, extractor_version)  # --reextract
                    if h in pending_hashes or stored:
                        counts["unchanged"] += 1
                        continue
                    pending_hashes.add(h)
                    try:
                        record = extractor.extract(item).with_warnings(item.warnings)
                    except Exception as e:  # noqa: BLE001 - one document's failure is recorded
                        pending.append(skipped(Skip(item.source or item.doc, "extract-failed", _failure(e))))
                    else:
                        pending.append((item, record))
                        counts["stored"] += 1
                        if any(w.startswith("language-unsupported") for w in record.warnings):
                            unsupported[item.language or "?"] += 1
                if len(pending) >= batch_size:
                    flush()
            if bar is not None:
                bar.update(1)
        flush()
    finally:
        if bar is not None:
            bar.close()
    return IngestResult(
        read=counts["read"],
        stored=counts["stored"],
        unchanged=counts["unchanged"],
        skipped=counts["skipped"],
        events=registry.counts()["events"],
        skip_reasons=dict(sorted(reasons.items())),
        skips=tuple(listed),
        unsupported=dict(sorted(unsupported.items())),
    )


def _progress(total: int, enabled: bool):  # type: ignore[no-untyped-def]
    if not enabled:
        return None
    from tqdm import tqdm

    return tqdm(total=total, unit="file", file=sys.stderr, dynamic_ncols=True)
