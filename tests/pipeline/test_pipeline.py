"""The ingest pipeline in one process: the screen, shards of JSON Lines and WARC, per-shard resume,
and the migration that lets documents be screened out."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from amity.ingest import read_source
from amity.ingest import shards as shards_mod
from amity.ingest.shards import plan_shards, read_shard
from amity.pipeline import ingest
from amity.records import Document, DocumentRecord
from amity.store import open_registry
from amity.store.dump import canonical_dump
from tests.pipeline.corpus import (
    articles,
    exchange_article,
    html_page,
    quiet_article,
    write_jsonl,
    write_warc,
)


class Counting:
    """Wraps the real extractor, counting the documents that reach it."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.seen: list[str] = []

    def screen(self, doc: Document) -> bool:
        return bool(self.inner.screen(doc))

    def extract_many(self, docs: list[Document]) -> Any:
        self.seen.extend(d.doc for d in docs)
        return self.inner.extract_many(docs)

    def extract(self, doc: Document) -> DocumentRecord:
        self.seen.append(doc.doc)
        return self.inner.extract(doc)  # type: ignore[no-any-return]


def test_screened_out_documents_skip_the_nlp_are_stored_as_such_and_skipped_on_reingest(
    tmp_path: Path, extractor: Any
) -> None:
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "visit.txt").write_text(exchange_article(0))
    (tmp_path / "news" / "rain.txt").write_text(quiet_article(0))
    counting = Counting(extractor)
    with open_registry(str(tmp_path / "r.db")) as reg:
        result = ingest(reg, [str(tmp_path / "news")], counting)
        assert (result.read, result.stored, result.screened_out) == (2, 1, 1)
        assert counting.seen == ["visit.txt"]  # the quiet one never reached the NLP
        status, text, record = reg.db.one(
            "SELECT status, text, record FROM documents WHERE doc = 'rain.txt'"
        ) or ()
        assert (status, text, record) == ("screened-out", None, None)
        assert result.events >= 1
        again = ingest(reg, [str(tmp_path / "news")], counting)
        assert (again.stored, again.screened_out, again.unchanged) == (0, 0, 2)
        assert counting.seen == ["visit.txt"]


def test_the_screen_is_what_extraction_would_find_nothing_in(extractor: Any) -> None:
    from amity.ingest.clean import text_to_document

    for i in range(4):
        doc = text_to_document(f"q{i}.txt", quiet_article(i))
        assert not extractor.screen(doc)
        assert extractor.extract(doc).events == ()
    assert extractor.screen(text_to_document("e.txt", exchange_article(1)))


def _docs(items: Any) -> list[tuple[str, str, str]]:
    return [(x.doc, x.source, x.text) if isinstance(x, Document) else ("skip", x.source, x.reason) for x in items]


@pytest.mark.parametrize("gz", [False, True])
def test_jsonl_shards_read_the_same_documents_as_the_whole_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, gz: bool
) -> None:
    monkeypatch.setattr(shards_mod, "LINES_PER_SHARD", 4)
    recs = articles(10)
    plain = write_jsonl(tmp_path / "feed.jsonl", recs)
    with plain.open("ab") as f:
        f.write(b"\nnot json\n")
        f.write(b'{"text": "A last line without a line end, about a trade fair."}')
    whole = _docs(read_source(str(plain)))
    path = plain
    if gz:
        import gzip

        path = tmp_path / "feed.jsonl.gz"
        path.write_bytes(gzip.compress(plain.read_bytes()))
        plain.unlink()
    planned = list(plan_shards([str(path)]))
    assert [s.kind for s in planned] == ["lines"] * 4 and [s.first for s in planned] == [1, 5, 9, 13]
    assert [s.count for s in planned] == [4, 4, 4, 1]
    even = write_jsonl(tmp_path / "even.jsonl", recs[:6])  # ends with a line end: no line after it
    assert [(s.first, s.count) for s in plan_shards([str(even)])] == [(1, 4), (5, 2)]
    got = [d for s in planned for d in _docs(read_shard(s))]
    if gz:  # the same names and line numbers, the source is the .gz file
        whole = [(a, b.replace("feed.jsonl", "feed.jsonl.gz"), c) for a, b, c in whole]
    assert got == whole
    assert ("skip", f"{path}:12", "bad-json") in got


def test_a_warc_gz_gives_one_document_per_html_response_and_skips_the_rest(
    tmp_path: Path, extractor: Any
) -> None:
    pages = [
        (f"https://news.example.org/story-{i}", html_page(f"Story {i}", exchange_article(i) if i % 2 else quiet_article(i)))
        for i in range(4)
    ]
    warc = write_warc(tmp_path / "crawl.warc.gz", pages)
    with open_registry(str(tmp_path / "r.db")) as reg:
        result = ingest(reg, [str(warc)], extractor)
        assert result.stored + result.screened_out == 4
        assert result.screened_out == 2
        assert result.skip_reasons == {"http-status": 1, "not-a-response": 4, "not-html": 1}
        sources = {r[0] for r in reg.db.rows("SELECT source FROM documents WHERE status <> 'skipped'")}
        assert sources == {url for url, _ in pages}
        text = reg.db.scalar("SELECT text FROM documents WHERE source = ?", (pages[1][0],))
        assert "memorandum of understanding" in text and "Home" not in text
        assert result.events >= 2


def test_warc_record_shards_read_every_record_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shards_mod, "RECORDS_PER_SHARD", 3)
    pages = [(f"https://example.org/p{i}", html_page(f"P{i}", exchange_article(i))) for i in range(5)]
    for name in ("a.warc", "a.warc.gz"):
        warc = write_warc(tmp_path / name, pages)
        planned = list(plan_shards([str(warc)]))
        assert [s.count for s in planned] == [3, 3, 3, 3]  # 5 requests, 5 responses, an image, a 404
        docs = [x for s in planned for x in read_shard(s) if isinstance(x, Document)]
        assert [d.source for d in docs] == [u for u, _ in pages]


def test_a_finished_shard_is_not_read_again_and_a_changed_file_is(
    tmp_path: Path, extractor: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(shards_mod, "LINES_PER_SHARD", 5)
    feed = write_jsonl(tmp_path / "feed.jsonl", articles(10))
    counting = Counting(extractor)
    with open_registry(str(tmp_path / "r.db")) as reg:
        first = ingest(reg, [str(feed)], counting)
        assert reg.db.scalar("SELECT COUNT(*) FROM ingest_shards") == 2
        read_calls: list[Any] = []
        monkeypatch.setattr("amity.pipeline.read_shard", lambda s: read_calls.append(s) or read_shard(s))
        again = ingest(reg, [str(feed)], counting)
        assert read_calls == []  # both shards finished: nothing read
        assert (again.read, again.unchanged, again.stored) == (10, 10, 0)
        write_jsonl(feed, articles(12))  # the file grows: read again, only the new documents extracted
        before = len(counting.seen)
        grown = ingest(reg, [str(feed)], counting)
        assert (grown.stored + grown.screened_out, grown.unchanged) == (2, 10)
        assert len(counting.seen) - before <= 2
        assert first.events <= grown.events


def test_migration_5_lets_an_older_registry_hold_screened_out_documents(tmp_path: Path, extractor: Any) -> None:
    db = tmp_path / "old.db"
    (tmp_path / "a.txt").write_text(exchange_article(2))
    with open_registry(str(db)) as reg:
        ingest(reg, [str(tmp_path / "a.txt")], extractor)
        before = canonical_dump(reg.db)
    with sqlite3.connect(db) as conn:  # back to schema 3: the old CHECK, no shard table
        conn.execute("PRAGMA writable_schema = ON")
        sql = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'documents'").fetchone()[0]
        conn.execute(
            "UPDATE sqlite_master SET sql = ? WHERE name = 'documents'",
            (sql.replace(", 'screened-out'", ""),),
        )
        conn.execute("PRAGMA writable_schema = OFF")
    with sqlite3.connect(db) as conn:
        conn.execute("DROP TABLE ingest_shards")
        conn.execute("DELETE FROM schema_migrations WHERE version = 5")
        with pytest.raises(sqlite3.IntegrityError):
            conn.execute(
                "INSERT INTO documents (content_hash, doc, status, ingested_at) VALUES ('x', 'x', 'screened-out', 'x')"
            )
    (tmp_path / "b.txt").write_text(quiet_article(3))
    with open_registry(str(db)) as reg:
        assert reg.schema_version >= 5
        assert reg.db.rows("PRAGMA integrity_check") == [("ok",)]
        assert canonical_dump(reg.db) == before  # nothing lost: events, people, sources all there
        result = ingest(reg, [str(tmp_path / "b.txt")], extractor)
        assert result.screened_out == 1
        with pytest.raises(Exception, match="CHECK"):
            reg.db.execute(
                "INSERT INTO documents (content_hash, doc, status, ingested_at) VALUES ('y', 'y', 'bogus', 'y')"
            )


def test_warm_reads_screens_and_extracts_a_bundled_sample_through_every_stage(extractor: Any) -> None:
    from amity.pipeline import warm
    from amity.samples import articles

    seen: list[tuple[Document, Any]] = []

    class Recording(Counting):
        def extract_many(self, docs: list[Document]) -> Any:
            out = list(self.inner.extract_many(docs))
            seen.extend(out)
            return out

    warm(Recording(extractor))
    [(doc, rec)] = seen
    assert doc.doc == next(p for p in articles() if p.suffix == ".txt").name
    assert doc.language == "en"  # read by the ingest stage: the language identifier is loaded
    assert doc.title and rec.events  # the whole English route ran: parse, events, arguments


def test_the_writers_gazetteer_is_loaded_before_the_first_shard_is_asked_for(tmp_path: Path) -> None:
    from amity.annotate.gazetteer import gazetteer
    from amity.pipeline import ShardResult

    (tmp_path / "a.txt").write_text(quiet_article(0))
    asked: list[int] = []

    class Runner:
        def map(self, shards: Any) -> Any:
            for shard in shards:
                asked.append(gazetteer.cache_info().currsize)
                yield ShardResult(shard, ())

    gazetteer.cache_clear()
    with open_registry(str(tmp_path / "r.db")) as reg:
        ingest(reg, [str(tmp_path / "a.txt")], runner=Runner())
    assert asked == [1]  # loaded while workers would still be loading their models
