"""Hostile files, generated here (nothing binary is committed): no file aborts a batch, nothing is read
wrongly in silence, and every file that is not read is a skip with its reason."""

from __future__ import annotations

import io
import json
import os
import random
import stat
import sys
import threading
from pathlib import Path

import pytest

from amity.ingest import expand_paths, read_source, read_sources
from amity.ingest.readers import MAX_JSON_DEPTH, json_depth_ok, text_hash
from amity.records import Document, Skip

ARTICLE = (
    "Seoul and Hanoi sign youth exchange memorandum\n"
    "Updated: 2025-03-14\n\n"
    "The Korea Youth Exchange Foundation and the Vietnam Youth Federation signed a memorandum "
    "of understanding in Hanoi on Thursday to send university students to each other\u2019s country "
    "every summer.\n\n"
    "Both sides said the first group of forty students would travel in July.\n"
)
ZH = "北京市代表团访问首尔，双方签署了青年交流合作备忘录。中韩两国青年代表在首尔举行座谈会，讨论文化、教育和旅游领域的合作。"
ZH_HANT = "台北市代表團訪問首爾，雙方簽署了青年交流合作備忘錄。兩國青年代表在首爾舉行座談會，討論文化、教育和旅遊領域的合作。"
KO = "서울시와 하노이시는 청소년 교류를 확대하기 위한 양해각서를 체결했다고 밝혔다. 오세훈 서울시장은 하노이 대표단과 만났다."
JA = "東京都と大阪府の代表団がソウルを訪問し、青少年交流に関する覚書に署名しました。両国の代表は文化と教育について話し合った。"
RU = "Делегация Москвы посетила Сеул и подписала меморандум о молодёжных обменах. Стороны обсудили сотрудничество."
EL = "Η αντιπροσωπεία της Αθήνας επισκέφθηκε τη Σεούλ και υπέγραψε μνημόνιο για ανταλλαγές νέων."
PL = "Delegacja z Krakowa odwiedziła Seul i podpisała memorandum o wymianie młodzieży. Źródła podają, że współpraca się rozwija."
ES = "La delegación de España visitó Seúl y firmó un memorando. El señor Muñoz habló de la cooperación cultural."
TR = "İstanbul heyeti Seul'ü ziyaret etti ve gençlik değişimi konusunda bir mutabakat zaptı imzaladı. Çalışmalar sürüyor."


def one(path: Path) -> Document | Skip:
    items = list(read_source(str(path)))
    assert len(items) == 1, items
    return items[0]


def write(tmp_path: Path, name: str | bytes, data: bytes | str) -> Path:
    p = tmp_path / (os.fsdecode(name) if isinstance(name, bytes) else name)
    p.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return p


# --- 2. text decoded right, never wrongly in silence ---------------------------------------------

@pytest.mark.parametrize(
    ("encoding", "body"),
    [
        ("gbk", ZH), ("gb18030", ZH + " 𠀀"), ("big5", ZH_HANT), ("euc-kr", KO), ("shift_jis", JA),
        ("euc-jp", JA), ("cp1251", RU), ("cp1253", EL), ("cp1250", PL), ("cp1252", ES), ("cp1254", TR),
        ("utf-32", ZH), ("utf-16", KO), ("utf-8-sig", JA),
    ],
)
def test_legacy_and_unicode_encodings_are_decoded_exactly(tmp_path: Path, encoding: str, body: str) -> None:
    text = f"Delegation news\n\n{body}\n\n{body}\n"
    item = one(write(tmp_path, f"{encoding}.txt", text.encode(encoding)))
    assert isinstance(item, Document), item
    assert item.text == text, f"{encoding} read as {item.warnings}"


def test_utf8_with_a_bad_byte_is_read_with_a_counted_warning(tmp_path: Path) -> None:
    raw = ARTICLE.encode("utf-8")
    at = raw.index(b"Hanoi on Thursday")
    item = one(write(tmp_path, "bad-byte.txt", raw[:at] + b"\xff" + raw[at:]))
    assert isinstance(item, Document)
    assert item.text == ARTICLE[: len(raw[:at].decode())] + "\ufffd" + ARTICLE[len(raw[:at].decode()):]
    assert any("1 invalid UTF-8" in w for w in item.warnings)
    # the sentences keep their offsets: what follows the bad byte is where the text says
    assert item.text.index("Hanoi on Thursday") == len(raw[:at].decode()) + 1


def test_utf8_cut_mid_character_is_read(tmp_path: Path) -> None:
    raw = (ARTICLE + "Nguyễn said «wonderful».\n").encode("utf-8")
    cut = raw[: raw.index("«".encode()) + 1]  # half of a two-byte character
    item = one(write(tmp_path, "cut.txt", cut))
    assert isinstance(item, Document)
    assert item.text.endswith("said \ufffd") and "cut short" in item.warnings[0]


def test_a_legacy_file_is_not_taken_for_utf8_with_bad_bytes(tmp_path: Path) -> None:
    text = ARTICLE.replace("\u2019", "'") + "The mayor called it \u201ca new chapter\u201d \u2013 a caf\u00e9 opened.\n"
    item = one(write(tmp_path, "legacy.txt", text.encode("cp1252")))
    assert isinstance(item, Document) and item.text == text


@pytest.mark.parametrize("size", [64, 300, 1024, 4096, 65536])
def test_random_bytes_are_never_text(tmp_path: Path, size: int) -> None:
    rng = random.Random(size)
    for n in range(5):
        item = one(write(tmp_path, f"random{n}.txt", rng.randbytes(size)))
        assert isinstance(item, Skip) and item.reason in {"binary", "undecodable"}, item


@pytest.mark.parametrize(
    ("name", "data", "what"),
    [
        ("report.txt", b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\nBT /F1 12 Tf (Seoul and Hanoi signed"
                       b" a memorandum) Tj ET\n%%EOF\n", "PDF"),
        ("photo.txt", b"\x89PNG\r\n\x1a\n" + b"IHDR" + b"Seoul" * 40, "PNG"),
        ("photo", b"\xff\xd8\xff\xe0" + b"JFIF Seoul and Hanoi " * 20, "JPEG"),
        ("archive.html", b"PK\x03\x04" + b"word/document.xml Seoul " * 20, "ZIP"),
        ("feed.jsonl", b"\x1f\x8b\x08\x00" + b'{"text": "x"}' * 20, "gzip"),
    ],
)
def test_binary_formats_are_known_by_content_whatever_the_name(
    tmp_path: Path, name: str, data: bytes, what: str
) -> None:
    item = one(write(tmp_path, name, data))
    assert isinstance(item, Skip) and item.reason == "binary" and what in item.detail


def test_jsonl_raw_nul_line_is_skipped_alone(tmp_path: Path) -> None:
    good = [json.dumps({"id": f"a{i}", "text": ARTICLE}) for i in range(3)]
    lines = [good[0].encode(), b'{"id": "bad", "text": "x\x00y"}', good[1].encode(), b"\x00\x01\x02", good[2].encode()]
    items = list(read_source(str(write(tmp_path, "feed.jsonl", b"\n".join(lines) + b"\n"))))
    assert [i.doc for i in items if isinstance(i, Document)] == ["a0", "a1", "a2"]
    assert [(i.source.rsplit(":", 1)[1], i.reason) for i in items if isinstance(i, Skip)] == [
        ("2", "bad-json"), ("4", "bad-json"),
    ]


def test_jsonl_line_with_bad_bytes_is_read_with_its_own_warning(tmp_path: Path) -> None:
    good = json.dumps({"id": "ok", "text": ARTICLE}).encode()
    bad = json.dumps({"id": "bad", "text": ARTICLE}).encode().replace(b"Hanoi on", b"Hanoi \xff on")
    items = list(read_source(str(write(tmp_path, "feed.jsonl", good + b"\n" + bad + b"\n"))))
    docs = {d.doc: d for d in items if isinstance(d, Document)}
    assert set(docs) == {"ok", "bad"}
    assert docs["ok"].warnings == () and "invalid UTF-8" in docs["bad"].warnings[0]


# --- 1. one file never aborts the batch ----------------------------------------------------------

def test_deeply_nested_json_line_is_skipped_alone(tmp_path: Path) -> None:
    deep = "[" * 100_000 + "]" * 100_000
    lines = [json.dumps({"id": "a", "text": ARTICLE}), deep, '{"id": "b", "x": ' + "[" * 5000 + "]" * 5000 + "}",
             json.dumps({"id": "c", "text": ARTICLE})]
    items = list(read_source(str(write(tmp_path, "deep.jsonl", "\n".join(lines)))))
    assert [i.doc for i in items if isinstance(i, Document)] == ["a", "c"]
    skips = [i for i in items if isinstance(i, Skip)]
    assert [s.reason for s in skips] == ["bad-json", "bad-json"] and "deeper" in skips[0].detail


def test_json_depth_check_ignores_brackets_in_strings() -> None:
    assert json_depth_ok(json.dumps({"text": "[" * 10_000}))
    assert json_depth_ok("[" * MAX_JSON_DEPTH + "]" * MAX_JSON_DEPTH)
    assert not json_depth_ok("[" * (MAX_JSON_DEPTH + 1) + "]" * (MAX_JSON_DEPTH + 1))


@pytest.mark.skipif(sys.platform == "darwin", reason="macOS file systems refuse names that are not UTF-8")
def test_file_name_that_is_not_utf8_is_read_and_shown_escaped(tmp_path: Path) -> None:
    path = write(tmp_path, b"caf\xe9 news.txt", ARTICLE)
    item = one(path)
    assert isinstance(item, Document)
    assert item.doc == "caf\\xe9 news.txt" and item.source.endswith("caf\\xe9 news.txt")
    item.source.encode("utf-8")  # printable and storable: no lone surrogates left
    [listed] = [d for d in read_sources([str(tmp_path)]) if isinstance(d, Document)]
    assert listed.doc == "caf\\xe9 news.txt"


# --- 3. only regular files are read; everything else is a skip with its reason -------------------

def test_links_fifos_and_devices_are_recorded_skips(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    write(folder, "a_good.txt", ARTICLE)
    (folder / "b_loop").symlink_to(folder / "b_loop")
    (folder / "c_dangling.txt").symlink_to(folder / "nowhere.txt")
    (folder / "d_zero").symlink_to("/dev/zero")
    os.mkfifo(folder / "e_fifo.txt")
    (folder / "f_up").symlink_to(folder)  # a folder link leading back: a loop, not an endless walk
    (folder / "g_link.txt").symlink_to(folder / "a_good.txt")  # a link to a regular file is read
    items: list[Document | Skip] = []
    reader = threading.Thread(target=lambda: items.extend(read_sources([str(folder)])), daemon=True)
    reader.start()
    reader.join(timeout=30)
    assert not reader.is_alive(), "reading blocked (a FIFO or a device was opened)"
    got = {Path(i.source).name: (i.reason if isinstance(i, Skip) else "read") for i in items}
    assert got == {
        "a_good.txt": "read", "b_loop": "link-loop", "c_dangling.txt": "broken-link", "d_zero": "not-a-file",
        "e_fifo.txt": "not-a-file", "f_up": "link-loop", "g_link.txt": "read",
    }
    assert all(i.detail for i in items if isinstance(i, Skip))


def test_a_device_or_fifo_given_by_name_is_skipped_not_read(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    for path in ("/dev/zero", str(fifo)):
        [item] = list(read_sources([path]))
        assert isinstance(item, Skip) and item.reason == "not-a-file"
        assert ("FIFO" if path == str(fifo) else "character device") in item.detail


def test_unreadable_folder_is_a_skip(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "news"
    locked = folder / "locked"
    locked.mkdir(parents=True)
    write(folder, "a.txt", ARTICLE)
    write(locked, "secret.txt", ARTICLE)
    real_scandir, real_listdir = os.scandir, os.listdir

    def refuse(path):  # type: ignore[no-untyped-def]
        if os.fspath(path) == str(locked):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    def refuse_list(path):  # type: ignore[no-untyped-def]
        if os.fspath(path) == str(locked):
            raise PermissionError(13, "Permission denied", str(path))
        return real_listdir(path)

    # as root (CI), permissions do not stop reading: the refusal is simulated where the walk lists
    monkeypatch.setattr(os, "scandir", refuse)
    monkeypatch.setattr(os, "listdir", refuse_list)
    items = list(read_sources([str(folder)]))
    assert [(Path(i.source).name, getattr(i, "reason", "read")) for i in items] == [
        ("a.txt", "read"), ("locked", "unreadable"),
    ]
    assert "Permission denied" in items[1].detail  # type: ignore[union-attr]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads folders whatever their permissions")
def test_unreadable_folder_by_permission_is_a_skip(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    write(locked, "a.txt", ARTICLE)
    locked.chmod(0)
    try:
        [item] = list(read_sources([str(tmp_path)]))
        assert isinstance(item, Skip) and item.reason == "unreadable"
    finally:
        locked.chmod(stat.S_IRWXU)


def test_size_limit_applies_before_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import amity.ingest.paths as paths

    monkeypatch.setattr(paths, "MAX_BYTES", 1000)
    item = one(write(tmp_path, "big.txt", ARTICLE * 10))
    assert isinstance(item, Skip) and item.reason == "too-large"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO((ARTICLE * 10).encode())))
    [item] = list(read_sources(["-"]))
    assert isinstance(item, Skip) and item.reason == "too-large"


def test_dangling_link_given_by_name_is_a_skip_not_a_missing_path(tmp_path: Path) -> None:
    link = tmp_path / "gone.txt"
    link.symlink_to(tmp_path / "never.txt")
    assert list(expand_paths([str(link)])) == [str(link)]
    [item] = list(read_sources([str(link)]))
    assert isinstance(item, Skip) and item.reason == "broken-link"


# --- 9. byte-different copies are one text ----------------------------------------------------------

def test_copies_differing_in_bom_line_ends_and_trailing_spaces_share_a_hash(tmp_path: Path) -> None:
    variants = {
        "lf.txt": ARTICLE.encode(),
        "crlf.txt": ARTICLE.replace("\n", "\r\n").encode(),
        "cr.txt": ARTICLE.replace("\n", "\r").encode(),
        "bom.txt": b"\xef\xbb\xbf" + ARTICLE.encode(),
        "spaces.txt": ARTICLE.replace("\n", "  \t\n").encode() + b"\n\n",
        "utf16.txt": ARTICLE.encode("utf-16"),
    }
    docs = [one(write(tmp_path, name, data)) for name, data in variants.items()]
    assert all(isinstance(d, Document) for d in docs)
    assert {d.content_hash for d in docs} == {text_hash(ARTICLE)}  # type: ignore[union-attr]
    assert text_hash(ARTICLE) != text_hash(ARTICLE.replace("forty", "fifty"))
