"""Hostile batches end to end through the command line: nothing aborts a batch, every skip is reported
with its reason and recorded, copies are one document, and the terminal never gets raw control codes."""

from __future__ import annotations

import json
import os
import sqlite3
import sys
from pathlib import Path
from typing import Any

import pytest

from amity.cli import main
from amity.pipeline import ingest
from amity.records import Document
from amity.store import EventFilter, open_registry
from tests.store.builders import TableExtractor, event, make_doc, person, record

ARTICLE = (
    "Seoul and Hanoi sign youth exchange memorandum\n\n"
    "The Korea Youth Exchange Foundation and the Vietnam Youth Federation signed a memorandum "
    "of understanding in Hanoi on Thursday to send university students to each other's country "
    "every summer. Korean Ambassador Park Min-soo met Vietnamese Minister Nguyen Van Hai in Hanoi.\n"
)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def rows(db: Path, sql: str) -> list[tuple[Any, ...]]:
    with sqlite3.connect(db) as conn:
        return conn.execute(sql).fetchall()


@pytest.mark.skipif(sys.platform == "darwin", reason="macOS file systems refuse names that are not UTF-8")
def test_deep_json_and_a_name_that_is_not_utf8_do_not_abort_the_batch(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], extractor: Any
) -> None:
    news = tmp_path / "news"
    news.mkdir()
    (news / "a.txt").write_text(ARTICLE)
    (news / os.fsdecode(b"b-caf\xe9.txt")).write_text(ARTICLE.replace("Hanoi", "Da Nang"))
    (news / "c.jsonl").write_text("[" * 100_000 + "]" * 100_000 + "\n" + json.dumps({"id": "c2", "text": ARTICLE.replace("Hanoi", "Hue")}))
    db = tmp_path / "r.db"
    for attempt in range(2):  # the rerun finds everything stored: nothing is lost, nothing added
        code, out, err = run(capsys, "ingest", str(news), "--db", str(db))
        assert code == 0, err
        assert out.startswith("read 4, stored 3, unchanged 0, skipped 1;" if attempt == 0 else
                              "read 4, stored 0, unchanged 3, skipped 1;"), out
    assert "b-caf\\xe9.txt" in {r[0].rsplit("/", 1)[1] for r in rows(db, "SELECT source FROM documents")}
    out_file = tmp_path / "out.jsonl"
    code, _, err = run(capsys, "extract", str(news), "-o", str(out_file))
    assert code == 0 and "c.jsonl:1: bad-json" in err
    assert sorted(json.loads(line)["doc"] for line in out_file.read_text().splitlines()) == ["a.txt", "b-caf\\xe9.txt", "c2"]


def test_skips_listed_on_stderr_each_its_own_record(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    news = tmp_path / "news"
    news.mkdir()
    for i in range(55):
        (news / f"empty{i:02}.txt").write_bytes(b"")
    (news / "z.pdf").write_bytes(b"%PDF-1.4")
    db = tmp_path / "r.db"
    code, out, err = run(capsys, "ingest", str(news), "--db", str(db))
    assert code == 1 and "none of the 56 documents could be read" in err  # nothing at all was read
    listed = [line for line in err.splitlines() if line.startswith("amity: skipped ")]
    assert len(listed) == 20 and listed[0].endswith("empty00.txt: empty: the file has no text")
    assert "and 36 more skipped" in err
    assert "skipped 55: empty" in out and "skipped 1: unknown-format" in out
    assert rows(db, "SELECT COUNT(*) FROM documents WHERE status = 'skipped'") == [(56,)]
    (news / "good.txt").write_text(ARTICLE)
    code, out, err = run(capsys, "ingest", str(news), "--db", str(db))
    assert code == 0 and rows(db, "SELECT COUNT(*) FROM documents WHERE status = 'skipped'") == [(56,)]


def test_ingest_of_an_empty_folder_fails(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "news").mkdir()
    code, _, err = run(capsys, "ingest", str(tmp_path / "news"), "--db", str(tmp_path / "r.db"))
    assert code == 1 and "no documents found in" in err and ".txt, .html or .jsonl" in err


def test_a_document_the_registry_refuses_is_a_skip_and_the_batch_goes_on(tmp_path: Path) -> None:
    (tmp_path / "news").mkdir()
    for name in ("a", "b", "c"):
        (tmp_path / "news" / f"{name}.txt").write_text(ARTICLE.replace("Hanoi", name.upper() * 5))
    with open_registry(str(tmp_path / "r.db")) as reg:
        real = reg.add_document

        def refuse_b(doc: Document, rec: Any, version: str) -> int:
            if doc.doc == "b.txt":
                raise ValueError("refused")
            return real(doc, rec, version)

        reg.add_document = refuse_b  # type: ignore[method-assign]
        result = ingest(reg, [str(tmp_path / "news")], TableExtractor({}))
        assert (result.stored, result.skipped, result.skip_reasons) == (2, 1, {"store-failed": 1})
        assert reg.counts()["documents"] == 2 and reg.counts()["skipped"] == 1


def test_byte_different_copies_are_one_document_with_no_events_added(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], extractor: Any
) -> None:
    copies = {
        "lf.txt": ARTICLE.encode(), "crlf.txt": ARTICLE.replace("\n", "\r\n").encode(),
        "bom.txt": b"\xef\xbb\xbf" + ARTICLE.encode(), "spaces.txt": ARTICLE.replace("\n", "   \n").encode(),
        "cr.txt": ARTICLE.replace("\n", "\r").encode(),
    }
    (tmp_path / "first").mkdir()
    (tmp_path / "first" / "lf.txt").write_bytes(copies["lf.txt"])
    db = tmp_path / "r.db"
    assert run(capsys, "ingest", str(tmp_path / "first"), "--db", str(db))[0] == 0
    one_copy = rows(db, "SELECT COUNT(*) FROM events")[0][0]
    (tmp_path / "copies").mkdir()
    for name, data in copies.items():
        (tmp_path / "copies" / name).write_bytes(data)
    code, out, _ = run(capsys, "ingest", str(tmp_path / "first"), str(tmp_path / "copies"), "--db", str(db))
    assert code == 0 and "stored 0, unchanged 6" in out
    assert rows(db, "SELECT COUNT(*) FROM documents") == [(1,)]
    assert rows(db, "SELECT COUNT(*) FROM events")[0][0] == one_copy


def test_undated_unpublished_events_merge_when_all_else_matches(tmp_path: Path) -> None:
    kim = person("Kim Jae-won", "Minister", None, "KR")
    sato = person("Sato Ken", "Minister", None, "JP")
    docs = [make_doc(f"r{i}.txt", f"Report {i}\nKorea and Japan held talks.\n", published=None) for i in range(3)]
    with open_registry(str(tmp_path / "r.db")) as reg:
        for i, doc in enumerate(docs):
            talks = event("meeting", None, countries=("KR", "JP"), people=[kim, sato], place=("Seoul", "KR"))
            other = event("visit", None, countries=("KR", "JP"), people=[kim] if i == 0 else [sato])
            reg.add_document(doc, record(doc, [talks, other], [kim, sato]), "1")
        events, _ = reg.list_events(EventFilter(limit=50))
        by_type = sorted((e["type"], e["n_sources"]) for e in events)
        # the three talks are one event; the visits name different people, so they stay apart
        assert by_type == [("meeting", 3), ("visit", 1), ("visit", 2)]


def test_show_escapes_control_characters_from_titles(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    hostile = "Talks \x1b]0;pwned\x07 in Seoul \x1b[2J\x9b31m \u202etxt.exe"
    doc = make_doc("evil.txt", hostile + "\nKorea and Japan held talks.\n", published="2024-05-28")
    db = tmp_path / "r.db"
    with open_registry(str(db)) as reg:
        doc_id = reg.add_document(doc, record(doc, [event("meeting", "2024-05-27", name=hostile, countries=("KR", "JP"))]), "1")
    for argv in (("show", "document", str(doc_id)), ("show", "event", "1"), ("events",), ("show", "document", str(doc_id), "--json")):
        code, out, _ = run(capsys, *argv, "--db", str(db))
        assert code == 0
        assert not any(c in out for c in "\x1b\x07\x9b\u202e"), (argv, out)
        assert "\\x1b" in out or "\\u001b" in out


def test_bad_bytes_are_a_warning_in_the_stored_record(tmp_path: Path, capsys: pytest.CaptureFixture[str], extractor: Any) -> None:
    raw = ARTICLE.replace("Nguyen", "Nguyễn").encode()
    at = raw.index(b"Hanoi on")
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "bad.txt").write_bytes(raw[:at] + b"\xc3\x28" + raw[at:])
    db = tmp_path / "r.db"
    assert run(capsys, "ingest", str(tmp_path / "news"), "--db", str(db))[0] == 0
    code, out, _ = run(capsys, "show", "document", "1", "--db", str(db), "--json")
    shown = json.loads(out)
    assert code == 0 and shown["status"] == "extracted"
    assert any("invalid UTF-8" in w for w in shown["warnings"])
    assert shown["text"].index("Hanoi on") == len(raw[:at].decode()) + 2  # U+FFFD and '(' in place


def test_migration_rekeys_documents_of_an_older_registry(tmp_path: Path) -> None:
    import hashlib

    from amity.ingest import text_hash
    from amity.records import Skip
    from amity.store.registry import skip_key

    crlf = ARTICLE.replace("\n", "\r\n")
    url = str(tmp_path / "old.db")
    with open_registry(url) as reg:
        old = make_doc("a.txt", crlf)  # keyed as version 2 did: the file's bytes
        reg.add_document(old, record(old), "1")
        old_skip = Skip("/news/empty.txt", "empty", "", hashlib.sha256(b"").hexdigest())
        reg.db.execute(
            "INSERT INTO documents (content_hash, source, doc, status, skip_reason, ingested_at) "
            "VALUES (?, ?, 'empty.txt', 'skipped', 'empty', 'x')", (old_skip.content_hash, old_skip.source),
        )
        reg.db.execute("DROP INDEX documents_source")
        reg.db.execute("DELETE FROM schema_migrations WHERE version = 3")
    with open_registry(url) as reg:
        assert reg.schema_version >= 3
        keys = {r[0] for r in reg.db.rows("SELECT content_hash FROM documents")}
        assert keys == {text_hash(ARTICLE), skip_key("/news/empty.txt", "empty")}
        assert reg.has_document(text_hash(ARTICLE.replace("\n", "\r\n")), "1")  # the LF copy is unchanged
