"""The ingest pipeline: read -> screen -> extract -> store, shard by shard.

One module drives every ingest: the single-process one (`amity ingest`), the one whose shards are
extracted by Ray workers (`amity ingest --workers N`, `amity.batch`), and the tests'.

- **Read**: the paths become shards (`amity.ingest.shards`: a few files, a range of JSON Lines lines, a
  range of WARC records), planned lazily in a thread so the progress bar knows what lies ahead.
- **Screen**: a document the extractor's cheap screen turns away (no trigger word in its readable
  text) never reaches the NLP; it is stored as `screened-out`, so a re-ingest skips it.
- **Extract**: the other documents of a shard go through the extractor in one batch (`extract_many`).
  `process_shard` does both, here or in a worker.
- **Store**: one writer, here, stores the shards' results in shard order (whatever order the workers
  finish in), so a registry does not depend on how many workers made it. Writes are transactional per
  batch; a shard is recorded as finished in the transaction that writes its last document, so a rerun
  after a kill skips finished shards and redoes the rest. Idempotent and incremental: a document
  already stored by this extractor version is `unchanged`. Nothing one document does aborts the batch:
  a file that cannot be read, a document the extractor fails on and one the registry cannot store each
  become a recorded skip with a reason."""

from __future__ import annotations

import queue
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from typing import Any, Protocol

from amity import EXTRACTOR_VERSION
from amity.ingest.shards import Shard, plan_shards, read_shard
from amity.records import Document, DocumentRecord, Skip
from amity.store.interface import IngestResult
from amity.store.registry import SQLRegistry, doc_hash

BATCH_SIZE = 25
LISTED_SKIPS = 50  # skips kept in the result for the command to list; all of them are in the registry
PLAN_AHEAD = 10_000  # shards planned ahead of the extraction (for the progress bar's total)
UNSUPPORTED = "language-unsupported"


class ExtractorLike(Protocol):
    def extract(self, doc: Document) -> DocumentRecord: ...


Known = Callable[[list[str]], set[str]]


@dataclass(frozen=True)
class Item:
    """One outcome of a shard: a document and its record, a document screened out (its text dropped),
    a document already stored (its hash only), or a skip."""

    kind: str  # document, screened, unchanged, skip
    doc: Document | None = None
    record: DocumentRecord | None = None
    skip: Skip | None = None


@dataclass(frozen=True)
class ShardResult:
    shard: Shard
    items: tuple[Item, ...]
    seconds: float = 0.0  # spent reading, screening and extracting it
    complete: bool = True  # False: the shard could not be processed (recorded as a skip, redone next run)


def _failure(e: BaseException) -> str:
    return f"{type(e).__name__}: {e}"[:500]


def _where(doc: Document) -> str:
    return doc.source or doc.doc


def process_shard(shard: Shard, extractor: ExtractorLike, known: Known | None = None) -> ShardResult:
    """Read, screen and extract one shard. `known` (content hashes -> those already stored) lets the
    documents stored before skip the extractor; without it the writer finds them."""
    t0 = time.perf_counter()
    read = list(read_shard(shard))
    hashes = [doc_hash(x) for x in read if isinstance(x, Document)]
    stored = known(hashes) if known and hashes else set()
    screen = getattr(extractor, "screen", None)
    seen: set[str] = set()
    slots: list[Item | Document] = []
    for x in read:
        if isinstance(x, Skip):
            slots.append(Item("skip", skip=x))
            continue
        h = doc_hash(x)
        if h in stored or h in seen:
            slots.append(Item("unchanged", doc=replace(x, text="", mask=(), content_hash=h)))
        elif screen is not None and not screen(x):
            seen.add(h)
            slots.append(Item("screened", doc=replace(x, text="", mask=(), content_hash=h)))
        else:
            seen.add(h)
            slots.append(x)
    todo = [x for x in slots if isinstance(x, Document)]
    records = iter(extract_all(extractor, todo))
    items = tuple(x if isinstance(x, Item) else next(records) for x in slots)
    return ShardResult(shard, items, time.perf_counter() - t0)


def extract_all(extractor: ExtractorLike, docs: list[Document]) -> list[Item]:
    """Items for documents to extract, in order: batched through `extract_many` when the extractor
    has it, one at a time otherwise; a document the extractor fails on becomes an `extract-failed` skip."""
    many = getattr(extractor, "extract_many", None)
    out: list[Item] = []
    if many is not None and docs:
        try:
            pairs = list(many(docs))
        except Exception:  # noqa: BLE001 - the batch itself failed: one at a time below
            pairs = []
        if len(pairs) == len(docs):
            for doc, rec in pairs:
                out.append(_item(doc, rec))
            return out
    for doc in docs:
        try:
            one: DocumentRecord | Exception = extractor.extract(doc)
        except Exception as e:  # noqa: BLE001 - one document's failure is recorded
            one = e
        out.append(_item(doc, one))
    return out


def _item(doc: Document, rec: DocumentRecord | Exception) -> Item:
    if isinstance(rec, Exception):
        return Item("skip", skip=Skip(_where(doc), "extract-failed", _failure(rec)))
    return Item("document", doc=doc, record=rec.with_warnings(doc.warnings))


class ShardRunner(Protocol):
    """Turns shards into their results, in the shards' order (here, or on workers)."""

    def map(self, shards: Iterator[Shard]) -> Iterator[ShardResult]: ...


@dataclass
class LocalRunner:
    """Extraction in this process."""

    extractor: ExtractorLike
    known: Known | None = None

    def map(self, shards: Iterator[Shard]) -> Iterator[ShardResult]:
        for shard in shards:
            yield process_shard(shard, self.extractor, self.known)


@dataclass
class _Tally:
    read: int = 0
    skipped: int = 0
    screened: int = 0
    reasons: Counter[str] = field(default_factory=Counter)

    def as_dict(self) -> dict[str, Any]:
        return {"read": self.read, "skipped": self.skipped, "screened_out": self.screened,
                "reasons": dict(sorted(self.reasons.items()))}


class Writer:
    """The one writer: stores shard results in the order given, `batch_size` items a transaction."""

    def __init__(
        self, registry: SQLRegistry, extractor_version: str, batch_size: int, reextract: bool = False
    ) -> None:
        self.registry = registry
        self.version = extractor_version
        self.batch_size = batch_size
        self.reextract = reextract  # a stored document is derived again from its new extraction
        self.counts: Counter[str] = Counter()
        self.reasons: Counter[str] = Counter()
        self.unsupported: Counter[str] = Counter()
        self.listed: list[Skip] = []
        self.pending: list[tuple[Item | None, Shard, _Tally]] = []  # None: the shard's end
        self.n_items = 0

    def restore(self, counts: dict[str, Any]) -> None:
        """Count a shard an earlier run finished: its documents are unchanged, its skips skipped."""
        self.counts["read"] += int(counts["read"])
        self.counts["unchanged"] += int(counts["read"]) - int(counts["skipped"])
        self.counts["skipped"] += int(counts["skipped"])
        self.reasons.update({k: int(v) for k, v in counts["reasons"].items()})

    def add(self, result: ShardResult) -> None:
        tally = _Tally()
        for item in result.items:
            self.pending.append((item, result.shard, tally))
            self.n_items += 1
            if self.n_items >= self.batch_size:
                self.flush()
        if result.complete:
            self.pending.append((None, result.shard, tally))

    def _skipped(self, skip: Skip, tally: _Tally) -> None:
        self.counts["skipped"] += 1
        self.reasons[skip.reason] += 1
        tally.skipped += 1
        tally.reasons[skip.reason] += 1
        if len(self.listed) < LISTED_SKIPS:
            self.listed.append(skip)

    def _write(self, item: Item | None, shard: Shard, tally: _Tally, stored_before: bool) -> None:
        reg = self.registry
        if item is None:
            if shard.key:
                reg.finish_shard(shard.key, shard.source, tally.as_dict())
            return
        if item.kind == "skip" and item.skip is not None:
            reg.add_skip(item.skip)
            return
        assert item.doc is not None
        if item.kind == "unchanged" or stored_before:
            return
        if item.kind == "screened":
            reg.add_screened(item.doc, self.version)
        else:
            assert item.record is not None
            reg.add_document(item.doc, item.record, self.version)

    def _count(self, item: Item | None, tally: _Tally, stored_before: bool) -> None:
        """Count an item once it is written; `stored_before`: the registry held it already."""
        if item is None:
            return
        self.counts["read"] += 1
        tally.read += 1
        if item.kind == "skip" and item.skip is not None:
            self._skipped(item.skip, tally)
        elif item.kind == "unchanged" or stored_before:
            self.counts["unchanged"] += 1
        elif item.kind == "screened":
            self.counts["screened_out"] += 1
            tally.screened += 1
        else:
            self.counts["stored"] += 1
            assert item.doc is not None and item.record is not None
            if any(w.startswith(UNSUPPORTED) for w in item.record.warnings):
                self.unsupported[item.doc.language or "?"] += 1

    def _stored_before(self, item: Item | None) -> bool:
        if item is None or item.kind in ("skip", "unchanged") or item.doc is None or self.reextract:
            return False
        return self.registry.has_document(doc_hash(item.doc), self.version)

    def flush(self) -> None:
        if not self.pending:
            return
        batch, self.pending, self.n_items = self.pending, [], 0
        saved = self._snapshot(batch)
        try:
            with self.registry.transaction():
                for item, shard, tally in batch:
                    before = self._stored_before(item)
                    self._write(item, shard, tally, before)
                    self._count(item, tally, before)
        except Exception:  # noqa: BLE001 - find the item the registry refuses: one at a time
            self._restore(saved)
            for item, shard, tally in batch:
                self._one(item, shard, tally)

    def _snapshot(self, batch: list[tuple[Item | None, Shard, _Tally]]) -> tuple[Any, ...]:
        tallies = {id(t): (t, replace(t, reasons=Counter(t.reasons))) for _, _, t in batch}
        return (Counter(self.counts), Counter(self.reasons), Counter(self.unsupported), len(self.listed),
                list(tallies.values()))

    def _restore(self, saved: tuple[Any, ...]) -> None:
        self.counts, self.reasons, self.unsupported, n_listed, tallies = saved
        del self.listed[n_listed:]
        for tally, copy in tallies:
            tally.read, tally.skipped, tally.screened, tally.reasons = (
                copy.read, copy.skipped, copy.screened, copy.reasons)

    def _one(self, item: Item | None, shard: Shard, tally: _Tally) -> None:
        before = self._stored_before(item)
        try:
            with self.registry.transaction():
                self._write(item, shard, tally, before)
        except Exception as e:  # noqa: BLE001
            if item is None or item.kind == "skip" or item.doc is None:
                raise  # the registry cannot even record a skip or a shard: it is broken, stop
            skip = Skip(_where(item.doc), "store-failed", _failure(e))
            with self.registry.transaction():
                self.registry.add_skip(skip)
            self.counts["read"] += 1
            tally.read += 1
            self._skipped(skip, tally)
            return
        self._count(item, tally, before)

    def result(self) -> IngestResult:
        c = self.counts
        return IngestResult(
            read=c["read"],
            stored=c["stored"],
            unchanged=c["unchanged"],
            skipped=c["skipped"],
            events=self.registry.counts()["events"],
            skip_reasons=dict(sorted(self.reasons.items())),
            skips=tuple(self.listed),
            unsupported=dict(sorted(self.unsupported.items())),
            screened_out=c["screened_out"],
        )


def _planned(paths: list[str], on_plan: Callable[[Shard], None]) -> Iterator[Shard]:
    """`plan_shards(paths)`, planned in a thread up to PLAN_AHEAD shards ahead of the caller. A bad path
    raises here, in the caller, before anything is written."""
    shards = plan_shards(paths)
    first = next(shards, None)  # a path that does not exist fails now
    if first is None:
        return
    q: queue.Queue[Shard | BaseException | None] = queue.Queue(PLAN_AHEAD)
    stop = threading.Event()

    def plan() -> None:
        try:
            for shard in shards:
                if stop.is_set():
                    return
                q.put(shard)
            q.put(None)
        except BaseException as e:  # noqa: BLE001 - handed to the caller
            q.put(e)

    thread = threading.Thread(target=plan, name="amity-plan", daemon=True)
    thread.start()
    try:
        on_plan(first)
        yield first
        while (got := q.get()) is not None:
            if isinstance(got, BaseException):
                raise got
            on_plan(got)
            yield got
    finally:
        stop.set()
        while thread.is_alive():  # unblock a planner waiting on a full queue
            try:
                q.get_nowait()
            except queue.Empty:
                thread.join(0.05)


class Progress:
    """One bar across all workers: documents, documents/s, screened-out count, ETA."""

    def __init__(self, enabled: bool) -> None:
        self.bar = None
        if enabled:
            from tqdm import tqdm

            self.bar = tqdm(total=0, unit="doc", file=sys.stderr, dynamic_ncols=True, smoothing=0.1)

    def planned(self, shard: Shard) -> None:
        if self.bar is not None:
            self.bar.total += shard.size_hint
            self.bar.refresh()

    def done(self, shard: Shard, n_items: int, screened: int) -> None:
        if self.bar is not None:
            if n_items > shard.size_hint:
                self.bar.total += n_items - shard.size_hint
            self.bar.set_postfix_str(f"screened-out {screened}", refresh=False)
            self.bar.update(n_items)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def warm(extractor: ExtractorLike) -> None:
    """Read, screen and extract the first bundled sample article, and drop the result: the loads that
    wait for a first document (the language identifier, word lists, the date parser) happen now. A Ray
    worker does this when it starts, so that its first shard costs what the others do."""
    from amity.samples import articles

    sample = next(p for p in articles() if p.suffix == ".txt")
    for shard in plan_shards([str(sample)]):
        process_shard(shard, extractor)


def warm_writer() -> None:
    """Load, once per process, what the writer's event matching reads: the gazetteer of place names
    (about two seconds). `ingest` calls it before it asks its runner for the first shard, so that with
    workers it overlaps their own start instead of delaying the first store."""
    from amity.annotate.gazetteer import gazetteer

    gazetteer()


def ingest(
    registry: SQLRegistry,
    paths: Iterable[str],
    extractor: ExtractorLike | None = None,
    progress: bool = False,
    batch_size: int = BATCH_SIZE,
    extractor_version: str = EXTRACTOR_VERSION,
    runner: ShardRunner | None = None,
    reextract: bool = False,
) -> IngestResult:
    """Store every document under `paths` not already stored with this extractor version. Shards are
    extracted by `runner` (default: `extractor` in this process), then written `batch_size` items at a
    time in shard order, each batch in one transaction. Shards finished by an earlier run are skipped.
    With `reextract`, every document is extracted and derived again, stored or not (`amity ingest
    --reextract`): values curated by hand still win over the new extraction."""
    if runner is None:
        if extractor is None:
            raise ValueError("ingest needs an extractor or a runner")

        def known(hashes: list[str]) -> set[str]:
            return set() if reextract else registry.known_documents(hashes, extractor_version)

        runner = LocalRunner(extractor, known)
    writer = Writer(registry, extractor_version, batch_size, reextract)
    bar = Progress(progress)
    warm_writer()

    def todo() -> Iterator[Shard]:
        for shard in _planned(list(paths), bar.planned):
            counts = registry.shard_counts(shard.key) if shard.key and not reextract else None
            if counts is None:
                yield shard
            else:
                writer.restore(counts)
                bar.done(shard, int(counts["read"]), 0)

    screened = 0
    try:
        for result in runner.map(todo()):
            writer.add(result)
            screened += sum(1 for x in result.items if x.kind == "screened")
            bar.done(result.shard, len(result.items), screened)
        writer.flush()
    finally:
        bar.close()
    return writer.result()
