"""Ingest: read documents, extract their events, store them. Idempotent, incremental, and
transactional per batch: a killed run leaves whole batches, and rerunning completes the rest."""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Iterable
from typing import Protocol

from amity import EXTRACTOR_VERSION
from amity.ingest import expand_paths, read_source
from amity.records import Document, DocumentRecord, Skip
from amity.store.interface import IngestResult
from amity.store.registry import SQLRegistry, doc_hash

BATCH_SIZE = 25


class ExtractorLike(Protocol):
    def extract(self, doc: Document) -> DocumentRecord: ...


def ingest(
    registry: SQLRegistry,
    paths: Iterable[str],
    extractor: ExtractorLike,
    progress: bool = False,
    batch_size: int = BATCH_SIZE,
    extractor_version: str = EXTRACTOR_VERSION,
) -> IngestResult:
    """Store every document under `paths` not already stored with this extractor version.
    Documents are extracted, then written `batch_size` at a time, each batch in one transaction."""
    files = list(expand_paths(paths))  # fails on a bad path before anything is written
    counts: Counter[str] = Counter()
    reasons: Counter[str] = Counter()
    pending: list[tuple[Document, DocumentRecord] | Skip] = []
    pending_hashes: set[str] = set()

    def flush() -> None:
        if not pending:
            return
        with registry.transaction():
            for item in pending:
                if isinstance(item, Skip):
                    registry.add_skip(item)
                else:
                    registry.add_document(item[0], item[1], extractor_version)
        pending.clear()
        pending_hashes.clear()

    bar = _progress(len(files), progress)
    try:
        for path in files:
            for item in read_source(path):
                counts["read"] += 1
                if isinstance(item, Skip):
                    counts["skipped"] += 1
                    reasons[item.reason] += 1
                    pending.append(item)
                else:
                    h = doc_hash(item)
                    if h in pending_hashes or registry.has_document(h, extractor_version):
                        counts["unchanged"] += 1
                        continue
                    pending_hashes.add(h)
                    try:
                        record = extractor.extract(item)
                    except Exception as e:  # one document's failure is recorded; the batch goes on
                        skip = Skip(item.source or item.doc, "extract-failed", f"{type(e).__name__}: {e}", h)
                        counts["skipped"] += 1
                        reasons[skip.reason] += 1
                        pending.append(skip)
                    else:
                        pending.append((item, record))
                        counts["stored"] += 1
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
    )


def _progress(total: int, enabled: bool):  # type: ignore[no-untyped-def]
    if not enabled:
        return None
    from tqdm import tqdm

    return tqdm(total=total, unit="file", file=sys.stderr, dynamic_ncols=True)
