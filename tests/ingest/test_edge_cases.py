"""Input edge cases found in review: bad metadata dates, JSON Lines with raw separators, hidden folders,
old Mac line endings, long documents, and documents the extractor cannot handle."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from amity.ingest import read_sources
from amity.ingest.clean import text_to_document
from amity.records import Document, Skip


def test_impossible_published_date_is_dropped(tmp_path: Path, extractor: Any) -> None:
    f = tmp_path / "a.jsonl"
    f.write_text(json.dumps({"id": "x", "published": "2024-13-45", "text": "Korea and Japan held talks."}) + "\n")
    [doc] = list(read_sources([str(f)]))
    assert isinstance(doc, Document) and doc.published is None
    assert extractor.extract(doc).published is None


def test_jsonl_strings_may_hold_line_separators(tmp_path: Path) -> None:
    f = tmp_path / "a.jsonl"
    raw = json.dumps({"id": "x", "text": "one\u2028two"}, ensure_ascii=False)
    f.write_text(raw + "\n" + raw.replace('"x"', '"y"') + "\n", encoding="utf-8")
    items = list(read_sources([str(f)]))
    assert [type(i) for i in items] == [Document, Document]


def test_hidden_folders_are_not_read(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "note.txt").write_text("Korea and Japan held talks.")
    (tmp_path / "news.txt").write_text("Korea and Japan held talks.")
    names = [i.doc for i in read_sources([str(tmp_path)]) if isinstance(i, Document)]
    assert names == ["news.txt"]


def test_carriage_return_lines_keep_title_out_of_evidence(extractor: Any) -> None:
    text = "Ministers meet\r\rJapanese and Korean ministers held talks in Tokyo on Monday.\r"
    rec = extractor.extract(text_to_document("a.txt", text))
    [meeting] = [e for e in rec.events if e.type == "meeting" and "held talks" in (e.trigger or "")]
    span = meeting.evidence[0]
    assert text[span.start : span.end].startswith("Japanese")


def test_long_documents_say_what_was_not_read(extractor: Any) -> None:
    body = "Korean and Japanese officials held talks in Tokyo on Monday. " * 6000
    rec = extractor.extract(text_to_document("long.txt", "Long\n\n" + body))
    assert any("were read for events" in w for w in rec.warnings)


def test_each_evidence_span_is_listed_once(extractor: Any) -> None:
    text = "Talks\nUpdated: 2025-01-02\n\nThe Korean minister met his Japanese counterpart and they met again later.\n"
    rec = extractor.extract(text_to_document("a.txt", text))
    for e in rec.events:
        spans = [(s.start, s.end) for s in e.evidence]
        assert len(spans) == len(set(spans))


def test_ingest_records_a_document_the_extractor_cannot_read(tmp_path: Path) -> None:
    from amity.pipeline import ingest
    from amity.store import open_registry

    class Failing:
        def extract(self, doc: Document) -> Any:
            raise ValueError("boom")

    (tmp_path / "a.txt").write_text("Korea and Japan held talks.")
    with open_registry(str(tmp_path / "r.db")) as reg:
        result = ingest(reg, [str(tmp_path / "a.txt")], Failing())  # type: ignore[arg-type]
        assert result.skipped == 1 and result.skip_reasons == {"extract-failed": 1}
    assert Skip  # the reason is recorded like any other skip
