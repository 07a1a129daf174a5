"""Cost bounded by length, whatever the shape: a page on one line is read in paragraph-sized pieces, and
HTML is bounded before parsing. (What a 5 MB line costs against the same text with line breaks, and the
peak memory, are measured by benchmarks/long_lines.py.)"""

from __future__ import annotations

from amity.annotate.document import PIECE_CHARS, paragraphs
from amity.ingest.clean import MAX_HTML_CHARS, MAX_HTML_TAGS, bound_html, html_to_document

SENTENCES = (
    "Seoul Mayor Oh Min-seok met a six-member delegation from Hanoi led by Vice Chairman Nguyen Van Hai on Tuesday. "
    "The two cities signed a memorandum of understanding on youth exchanges. "
    "More than 120 guests attended a forum on tourism held in the afternoon. "
) + "".join(f"The committee discussed budgets, roads and school repairs in district {i}. " for i in range(60))


def test_one_long_line_is_cut_into_paragraph_sized_pieces() -> None:
    line = SENTENCES * 200
    text = "Title\n\n" + line + "\nLast paragraph."
    pieces = paragraphs(text)
    assert pieces[0] == (0, "Title") and pieces[-1][1] == "Last paragraph."
    assert all(len(p) <= PIECE_CHARS for _, p in pieces)
    assert all(text[s : s + len(p)] == p for s, p in pieces), "offsets point into the text"
    assert all(p.endswith(".") for _, p in pieces[1:-1]), "cut at sentence ends"
    covered = sum(len(p) for _, p in pieces[1:-1])
    assert covered >= len(line.strip()) - len(pieces) * 2  # nothing but the spaces between pieces is lost


def test_ordinary_paragraphs_are_not_cut() -> None:
    text = "\n\n".join(SENTENCES[i : i + 1500] for i in range(0, 6000, 1500))
    assert [p for _, p in paragraphs(text)] == [p.strip() for p in text.split("\n\n")]


def test_html_is_bounded_before_parsing_with_a_warning() -> None:
    big = "<html><body><article>" + "<p>" + "Seoul and Hanoi signed a memorandum. " * 40 + "</p>" * 1 + (
        "<p>filler text about budgets and roads</p>" * 40_000) + "</article></body></html>"
    cut, warnings = bound_html(big)
    assert len(cut) <= MAX_HTML_CHARS and cut.count("<") <= MAX_HTML_TAGS
    assert warnings and "cut" in warnings[0]
    doc = html_to_document("big.html", big)
    assert "Seoul and Hanoi signed" in doc.text and doc.warnings


def test_dropping_scripts_is_linear_even_unclosed() -> None:
    hostile = "<script>" * 200_000 + "<p>x</p>" + "<!--" * 100_000 + "<style>" * 100_000
    cut, _ = bound_html(hostile)
    assert cut == ""


def test_many_inline_elements_in_one_paragraph_are_bounded() -> None:
    page = "<html><body><article><p>Seoul and Hanoi signed a memorandum on youth exchanges.</p><p>" + (
        "<span>a</span>" * 60_000) + "</p></article></body></html>"
    doc = html_to_document("spans.html", page)
    assert "Seoul and Hanoi signed" in doc.text and any("tags" in w for w in doc.warnings)
