"""Cost bounded by length, whatever the shape: a page on one line is read in paragraph-sized pieces and
costs about what the same page with its line breaks does; HTML is bounded before parsing; peak memory
on any single document stays under 1 GiB."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

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
    start = time.perf_counter()
    cut, _ = bound_html(hostile)
    assert time.perf_counter() - start < 5 and cut == ""


def test_many_inline_elements_in_one_paragraph_are_bounded() -> None:
    page = "<html><body><article><p>Seoul and Hanoi signed a memorandum on youth exchanges.</p><p>" + (
        "<span>a</span>" * 60_000) + "</p></article></body></html>"
    start = time.perf_counter()
    doc = html_to_document("spans.html", page)
    assert time.perf_counter() - start < 30  # unbounded, trafilatura takes minutes on this page
    assert "Seoul and Hanoi signed" in doc.text and any("tags" in w for w in doc.warnings)


PROBE = r"""
import json, resource, sys, time
from amity.extract import Extractor
from amity.ingest import read_bytes
sentences, size = sys.argv[1], int(sys.argv[2])
body = (sentences * (size // len(sentences) + 1))[:size]
ordinary = "Digest\nUpdated: 2025-03-14\n\n" + body.replace(". The committee", ".\n\nThe committee")
one_line = "Digest\nUpdated: 2025-03-14\n\n" + body
extractor = Extractor()
extractor.extract(next(read_bytes("warm.txt", b"Seoul and Hanoi signed a memorandum on Tuesday.")))
out = {}
for name, text in (("ordinary", ordinary), ("one_line", one_line)):
    start = time.perf_counter()
    [doc] = list(read_bytes(name + ".txt", text.encode()))
    extractor.extract(doc)
    out[name] = time.perf_counter() - start
out["peak_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps(out))
"""


@pytest.mark.slow
def test_five_megabyte_line_costs_what_ordinary_lines_do(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-c", PROBE, SENTENCES, str(5_000_000)],
        capture_output=True, text=True, timeout=900, cwd=tmp_path,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    figures = json.loads(proc.stdout.strip().splitlines()[-1])
    assert figures["one_line"] <= 3 * figures["ordinary"] + 1.0, figures
    assert figures["peak_mib"] < 1024, figures
