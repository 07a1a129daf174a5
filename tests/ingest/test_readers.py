"""Readers: every bad input becomes a Skip with a reason and the batch goes on; metadata detection."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from amity.errors import InputError
from amity.ingest import expand_paths, read_source, read_sources
from amity.ingest.clean import analyse_text, masked_text, text_to_document
from amity.ingest.meta import detect_language
from amity.records import Document, Skip

ARTICLE = (
    "Seoul and Hanoi sign youth exchange memorandum\n"
    "Updated: 2025-03-14\n\n"
    "The Korea Youth Exchange Foundation and the Vietnam Youth Federation signed a memorandum "
    "of understanding in Hanoi on Thursday to send university students to each other's country "
    "every summer.\n\n"
    "Both sides said the first group of forty students would travel in July.\n"
)


def one(path: Path) -> Document | Skip:
    items = list(read_source(str(path)))
    assert len(items) == 1, items
    return items[0]


def write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    p = tmp_path / name
    if isinstance(data, str):
        p.write_text(data, encoding="utf-8")
    else:
        p.write_bytes(data)
    return p


# --- bad inputs: a Skip with a clear reason ----------------------------------------------------

@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "binary"),
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \n\n\t \r\n", "empty"),
        ("garbage.txt", b"\x81\x8d\x8f\x90\x9d" * 200, "undecodable"),
        ("controls.txt", b"\xff\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f\x10" * 100, "binary"),
        ("report.pdf", b"%PDF-1.7 some text", "unknown-format"),
        ("sheet.xlsx", b"PK\x03\x04", "unknown-format"),
    ],
)
def test_bad_file_is_skipped_with_reason(tmp_path: Path, name: str, data: bytes, reason: str) -> None:
    item = one(write(tmp_path, name, data))
    assert isinstance(item, Skip)
    assert item.reason == reason
    assert item.source.endswith(name)
    d = item.to_dict()
    assert set(d) == {"source", "reason", "detail"}
    if reason != "empty":
        assert item.detail, "a skip should say why in its detail"


def test_unknown_extension_detail_names_the_suffix(tmp_path: Path) -> None:
    item = one(write(tmp_path, "notes.docx", b"hello"))
    assert isinstance(item, Skip)
    assert ".docx" in item.detail


def test_batch_goes_on_after_bad_files(tmp_path: Path) -> None:
    good1 = write(tmp_path, "a_good.txt", ARTICLE)
    binary = write(tmp_path, "b_binary.txt", b"\x00\x01\x02" * 100)
    empty = write(tmp_path, "c_empty.txt", b"")
    unknown = write(tmp_path, "d_file.pdf", b"%PDF")
    good2 = write(tmp_path, "e_good.txt", ARTICLE.replace("Hanoi", "Da Nang"))
    items = list(read_sources([str(p) for p in (good1, binary, empty, unknown, good2)]))
    assert [type(i).__name__ for i in items] == ["Document", "Skip", "Skip", "Skip", "Document"]
    assert [i.reason for i in items if isinstance(i, Skip)] == ["binary", "empty", "unknown-format"]
    assert "Da Nang" in items[-1].text  # type: ignore[union-attr]


def test_broken_jsonl_line_is_skipped_and_others_read(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "a1", "url": "https://example.org/a1", "title": "First", "published": "2025-03-14",
                    "text": ARTICLE}),
        '{"id": "a2", "text": "unterminated',
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": "a4", "text": ""}),
        "",
        json.dumps({"id": "a5", "title": "Fifth", "published": "March 11, 2025", "text": ARTICLE}),
    ]
    p = write(tmp_path, "feed.jsonl", "\n".join(lines) + "\n")
    items = list(read_source(str(p)))
    docs = [i for i in items if isinstance(i, Document)]
    skips = [i for i in items if isinstance(i, Skip)]
    assert [d.doc for d in docs] == ["a1", "a5"]
    assert [(s.source, s.reason) for s in skips] == [
        (f"{p}:2", "bad-json"), (f"{p}:3", "bad-json"), (f"{p}:4", "empty"),
    ]
    assert docs[0].title == "First" and docs[0].published == "2025-03-14"
    assert docs[0].source == "https://example.org/a1"
    assert docs[1].published == "2025-03-11"
    assert all(d.fmt == "jsonl" for d in docs)


# --- encodings ------------------------------------------------------------------------------

def test_utf16_with_bom(tmp_path: Path) -> None:
    text = ARTICLE + "Nguyễn Thị Lan said the trip was «wonderful».\n"
    item = one(write(tmp_path, "u16.txt", text.encode("utf-16")))
    assert isinstance(item, Document)
    assert item.text == text
    assert item.published == "2025-03-14"


def test_utf8_with_bom_drops_the_bom(tmp_path: Path) -> None:
    item = one(write(tmp_path, "bom.txt", b"\xef\xbb\xbf" + ARTICLE.encode("utf-8")))
    assert isinstance(item, Document)
    assert item.text == ARTICLE
    assert item.title == "Seoul and Hanoi sign youth exchange memorandum"


def test_cp1252_file(tmp_path: Path) -> None:
    text = ARTICLE + "The mayor called it \u201ca new chapter\u201d \u2013 a caf\u00e9 opened.\n"
    item = one(write(tmp_path, "legacy.txt", text.encode("cp1252")))
    assert isinstance(item, Document)
    assert item.text == text


# --- HTML -----------------------------------------------------------------------------------

def test_broken_html_still_gives_its_text(tmp_path: Path) -> None:
    html = (
        "<html><head><title>Busan delegation visits Osaka</title><body><div><p>Unclosed paragraph "
        "<p>A delegation from Busan visited Osaka on Monday to discuss port cooperation and youth "
        "exchanges between the two cities.<div><span>"
    )
    item = one(write(tmp_path, "broken.html", html))
    assert isinstance(item, Document)
    assert "A delegation from Busan visited Osaka on Monday" in item.text
    assert item.fmt == "html"
    assert item.language == "en"


def test_html_metadata_title_and_date(samples_dir: Path) -> None:
    item = one(samples_dir / "16_korea_us_teacher_exchange.html")
    assert isinstance(item, Document)
    assert item.title == "New cohort of American teachers arrives in Korea for exchange year"
    assert item.published == "2025-02-10"
    assert "Twenty-five American teachers arrived in Seoul" in item.text
    assert "Privacy Policy" not in masked_text(item.text, item.mask)


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("menus.txt", "Skip to main content\nHome\nMenu\nSearch\n1. Ministry of Culture facebook\n"
                      "2. Ministry of Culture youtube\nPrivacy Policy\n"
                      "Copyright 2025 Example News. All rights reserved.\n"),
        ("nav.html", "<html><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
                     "<footer>Copyright 2025 Example News. All rights reserved.</footer></body></html>"),
    ],
)
def test_only_boilerplate_is_skipped(tmp_path: Path, name: str, data: str) -> None:
    item = one(write(tmp_path, name, data))
    assert isinstance(item, Skip)
    assert item.reason in {"no-text", "empty"}


def test_only_boilerplate_has_no_readable_text(tmp_path: Path) -> None:
    """Whatever ingest returns for a furniture-only file, nothing of it is left to read."""
    data = ("Skip to main content\nHome\nMenu\nSearch\n1. Ministry of Culture facebook\n"
            "Copyright 2025 Example News. All rights reserved.\n")
    item = one(write(tmp_path, "menus.txt", data))
    if isinstance(item, Document):
        assert masked_text(item.text, item.mask).strip() == ""
        assert item.language is None


# --- paths: stdin, folders, globs, missing ---------------------------------------------------

def test_stdin_dash(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = io.TextIOWrapper(io.BytesIO(ARTICLE.encode("utf-8")), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", fake)
    items = list(read_sources(["-"]))
    assert len(items) == 1 and isinstance(items[0], Document)
    assert items[0].text == ARTICLE
    assert items[0].source == "-"


def test_folder_recursion_sorted_and_hidden_ignored(tmp_path: Path) -> None:
    (tmp_path / "b" / "deep").mkdir(parents=True)
    write(tmp_path, "a.txt", ARTICLE)
    write(tmp_path / "b", "c.txt", ARTICLE)
    write(tmp_path / "b" / "deep", "d.html", "<html><body><p>" + ARTICLE + "</p></body></html>")
    write(tmp_path, ".hidden.txt", ARTICLE)
    found = [Path(p).relative_to(tmp_path).as_posix() for p in expand_paths([str(tmp_path)])]
    assert found == ["a.txt", "b/c.txt", "b/deep/d.html"]
    docs = list(read_sources([str(tmp_path)]))
    assert [d.doc for d in docs if isinstance(d, Document)] == ["a.txt", "c.txt", "d.html"]


def test_glob_expansion(tmp_path: Path) -> None:
    for n in ("one.txt", "two.txt", "three.html"):
        write(tmp_path, n, ARTICLE)
    found = sorted(Path(p).name for p in expand_paths([str(tmp_path / "*.txt")]))
    assert found == ["one.txt", "two.txt"]
    recursive = list(expand_paths([str(tmp_path / "**" / "*.html")]))
    assert [Path(p).name for p in recursive] == ["three.html"]


def test_glob_without_match_is_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no file matches"):
        list(expand_paths([str(tmp_path / "*.nothing")]))


def test_missing_path_is_input_error(tmp_path: Path) -> None:
    missing = tmp_path / "does-not-exist.txt"
    with pytest.raises(InputError) as exc:
        list(read_sources([str(missing)]))
    assert str(missing) in str(exc.value)
    assert exc.value.hint, "the error should say how to fix it"


# --- boilerplate masking, title, date, language ----------------------------------------------

def test_masking_keeps_offsets(samples_dir: Path) -> None:
    path = samples_dir / "01_kyef_cyda_mou.txt"
    raw = path.read_text(encoding="utf-8")
    item = one(path)
    assert isinstance(item, Document)
    assert item.text == raw, "the text must be kept exactly as read"
    visible = masked_text(item.text, item.mask)
    assert len(visible) == len(item.text)
    masked_lines = {item.text[s:e] for s, e in item.mask}
    assert "Skip to main content" in masked_lines
    assert "1. Korea Youth Exchange Foundation facebook" in masked_lines
    assert "Updated: 2025-03-14" in masked_lines
    for s, e in item.mask:
        assert visible[s:e].strip() == ""
    # article text is untouched and at the same offsets
    sentence = "signed a memorandum of understanding in Seoul on Thursday"
    at = item.text.index(sentence)
    assert visible[at:at + len(sentence)] == sentence
    assert not any(s <= at < e for s, e in item.mask)
    # newlines survive masking, so line structure is the same
    assert visible.count("\n") == item.text.count("\n")


def test_footer_lines_masked(samples_dir: Path) -> None:
    item = one(samples_dir / "11_markets_weather.txt")
    assert isinstance(item, Document)
    visible = masked_text(item.text, item.mask)
    assert "Stock quotes supplied by" not in visible
    assert "All rights reserved" not in visible
    assert "Share prices rose modestly on Tuesday" in visible


@pytest.mark.parametrize(
    ("date_line", "iso"),
    [
        ("Updated: 2025-03-14", "2025-03-14"),
        ("Posted March. 14, 2025", "2025-03-14"),
        ("Tue, March 11, 2025", "2025-03-11"),
        ("Published: 11 March 2025", "2025-03-11"),
        ("Tuesday, March 11, 2025", "2025-03-11"),
        ("2025-03-11", "2025-03-11"),
        ("Updated: Sept. 3, 2024 10:15 KST", "2024-09-03"),
    ],
)
def test_title_and_date_line_shapes(date_line: str, iso: str) -> None:
    text = f"Skip to main content\nMayors of Busan and Fukuoka meet\n{date_line}\n\n" \
           "The mayors of Busan and Fukuoka held talks on Monday about youth exchanges.\n"
    mask, title, published = analyse_text(text)
    assert title == "Mayors of Busan and Fukuoka meet"
    assert published == iso
    assert any(text[s:e] == date_line for s, e in mask), "the date line is furniture, not article text"


def test_date_in_body_is_not_publication_date() -> None:
    body = "Mayors meet\n\n" + "The two cities signed an agreement on March 3, 2019. " * 3 + "\n" * 2
    body += "\n".join(f"Paragraph {i} about the visit." for i in range(20))
    doc = text_to_document("x.txt", body)
    assert doc.published is None
    assert doc.title == "Mayors meet"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The delegation from Hanoi held talks with the mayor of Osaka on youth exchange and tourism.", "en"),
        ("La délégation vietnamienne a rencontré le maire de Lyon pour parler des échanges culturels.", "fr"),
        ("서울시와 하노이시는 청소년 교류를 확대하기 위한 양해각서를 체결했다고 밝혔다.", "ko"),
        ("Delegasi dari Jakarta mengunjungi Melbourne untuk mempelajari layanan pemerintah daerah.", "id"),
    ],
)
def test_language_detection(text: str, lang: str) -> None:
    assert detect_language(text) == lang


def test_language_of_too_little_text_is_none() -> None:
    assert detect_language("Hi") is None
    assert detect_language("12 34 56 --- !!!") is None


def test_documents_get_a_content_hash(tmp_path: Path) -> None:
    a = one(write(tmp_path, "a.txt", ARTICLE))
    b = one(write(tmp_path, "b.txt", ARTICLE))
    c = one(write(tmp_path, "c.txt", ARTICLE + "More.\n"))
    assert isinstance(a, Document) and isinstance(b, Document) and isinstance(c, Document)
    assert a.content_hash == b.content_hash != c.content_hash
    assert len(a.content_hash) == 64


@pytest.mark.parametrize(
    "headline, language",
    [("王毅会见老挝外长沙伦赛", "zh"), ("中韩青年论坛在首尔开幕", "zh"), ("외교차관 서울서 회담", "ko")],
)
def test_a_one_line_chinese_or_korean_headline_is_read(headline: str, language: str) -> None:
    """A headline without a body is text: Chinese and Korean pack a word into a character or three."""
    doc = text_to_document("h.txt", headline + "\n")
    assert doc.title == headline
    assert doc.language == language
    assert masked_text(doc.text, doc.mask).strip() == headline


def test_a_line_of_hangul_in_an_english_page_is_still_furniture() -> None:
    text = (
        "Seoul and Hanoi sign youth exchange pact\nUpdated: 2025-05-06\n\n한국어\n\n"
        "Officials from the two capitals signed an agreement on youth exchanges on Monday, "
        "the city said in a statement.\n"
    )
    doc = text_to_document("e.txt", text)
    assert "한국어" not in masked_text(doc.text, doc.mask)
    assert doc.language == "en"


def test_an_html_page_whose_only_text_is_a_chinese_headline_is_read() -> None:
    from amity.ingest.clean import html_to_document

    doc = html_to_document("h.html", "<html><body><div>王毅会见老挝外长</div></body></html>")
    assert "王毅会见老挝外长" in doc.text
