"""Hostile input: the extractor never crashes and always returns a well-formed record."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from amity.ingest.clean import html_to_document, text_to_document
from amity.records import Document, DocumentRecord
from amity.schema import validate_record

PARAGRAPH = (
    "Seoul Mayor Oh Min-seok met a six-member delegation from Hanoi led by Vice Chairman Nguyen Van Hai "
    "on Tuesday, and the two cities signed a memorandum of understanding on youth exchanges. "
    "More than 120 guests attended a forum on tourism held in the afternoon.\n\n"
)


def check(record: DocumentRecord, doc: Document) -> dict[str, Any]:
    """The record is about `doc`, fits the schema, survives JSON, and its evidence points into the text."""
    assert isinstance(record, DocumentRecord)
    assert record.doc == doc.doc
    d = json.loads(json.dumps(record.to_dict(), ensure_ascii=False))
    validate_record(d)
    for ev in d["events"]:
        for span in ev["evidence"]:
            assert 0 <= span["start"] < span["end"] <= len(doc.text)
    return d


def strings_in(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in strings_in(v)]
    if isinstance(value, list):
        return [s for v in value for s in strings_in(v)]
    return []


@pytest.mark.slow
def test_twenty_megabyte_document(extractor: Any) -> None:
    filler = "".join(
        f"Paragraph {i}: the committee discussed budgets, roads and school repairs in district {i % 97}.\n\n"
        for i in range(2000)
    )
    block = PARAGRAPH + filler
    text = "Big city news digest\nUpdated: 2025-03-14\n\n" + block * (20_000_000 // len(block) + 1)
    assert len(text) >= 20_000_000
    doc = text_to_document("huge.txt", text)
    check(extractor.extract(doc), doc)


def test_one_word_document(extractor: Any) -> None:
    doc = text_to_document("one.txt", "Friendship")
    d = check(extractor.extract(doc), doc)
    assert d["events"] == [], "a single word reports no event"


@pytest.mark.parametrize(
    "text",
    [
        "서울시 대표단 방문\nUpdated: 2025-03-14\n\n" + PARAGRAPH
        + "오세훈 서울시장은 하노이 대표단과 청소년 교류 확대에 합의했다.\n\n"
        + "中韩青年交流项目在北京启动，双方签署了合作备忘录。\n\n"
        + "وقّع الجانبان مذكرة تفاهم لتعزيز التبادل الثقافي بين الشباب.\n\n"
        + "ประเทศไทยและญี่ปุ่นจัดค่ายเยาวชน 🎉🇰🇷🇻🇳 zero\u200bwidth\u200djoiner\u2028line\u2029para\n",
        "北京市代表团访问首尔\n\n" + "中韩两国青年代表在首尔举行座谈会。" * 200,
        "مؤتمر الشباب\n\n" + "عقد وفد من الرياض اجتماعا مع وزير الثقافة في سيول. " * 100 + PARAGRAPH,
    ],
    ids=["mixed", "chinese-only", "arabic-with-english"],
)
def test_mixed_scripts(extractor: Any, text: str) -> None:
    doc = text_to_document("mixed.txt", text)
    check(extractor.extract(doc), doc)


def test_text_with_script_tags(extractor: Any) -> None:
    text = (
        "Delegation visits Osaka\nPosted March. 14, 2025\n\n" + PARAGRAPH
        + "<script>alert('Mayor <b>Evil</b> signed'); document.cookie</script>\n\n"
        + "<img src=x onerror=alert(1)> The <iframe src='javascript:alert(2)'></iframe> forum closed.\n\n"
        + PARAGRAPH
    )
    doc = text_to_document("script.txt", text)
    d = check(extractor.extract(doc), doc)
    names = [p.get("name") or "" for e in d["events"] for p in e["participants"]]
    names += [o["name"] for e in d["events"] for o in e["organizations"]]
    assert not [n for n in names if "<" in n or ">" in n], "markup leaked into extracted names"


def test_html_script_content_is_not_read_as_text() -> None:
    html = (
        "<html><head><title>Busan and Fukuoka youth forum</title>"
        "<script>var secret = 'Mayor Fake Person signed an MoU';</script></head><body>"
        "<article><h1>Busan and Fukuoka youth forum</h1><p>" + PARAGRAPH + "</p>"
        "<script>document.write('Minister Injected met delegates')</script><p>" + PARAGRAPH + "</p>"
        "</article></body></html>"
    )
    doc = html_to_document("page.html", html)
    assert "Six" in doc.text or "six-member" in doc.text
    assert "Mayor Fake Person" not in doc.text
    assert "Minister Injected" not in doc.text


@pytest.mark.parametrize(
    "text",
    [
        "x" * 200_000,                                   # one 200k-character "word"
        "\n\n\n" + "." * 5000,                           # punctuation only
        "A\x00B\x01C\x7f " * 300 + PARAGRAPH,            # control characters
        "\ud800 lone surrogate " + PARAGRAPH,            # a bad JSON escape; scrubbed on reading
        ("Mr. " * 3000) + PARAGRAPH,                     # many title tokens, no name
        "(" * 5000 + PARAGRAPH + ")" * 5000,             # deep brackets
        "2025-03-14 " * 2000,                            # dates only
    ],
    ids=["long-token", "punctuation", "controls", "surrogate", "titles", "brackets", "dates"],
)
def test_odd_texts(extractor: Any, text: str) -> None:
    doc = Document(doc="odd.txt", text=text, language=None)
    record = extractor.extract(doc)
    assert record.doc == "odd.txt"
    validate_record(json.loads(json.dumps(record.to_dict(), ensure_ascii=True)))


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(min_size=1, max_size=400), published=st.one_of(st.none(), st.just("2025-03-14")))
def test_random_text_never_crashes(extractor: Any, text: str, published: str | None) -> None:
    doc = Document(doc="random.txt", text=text, published=published)
    record = extractor.extract(doc)
    validate_record(json.loads(json.dumps(record.to_dict(), ensure_ascii=True)))
