"""The boilerplate line test runs a pattern only on a line holding one of its required strings: it must
say what running every pattern on every line says."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from amity.ingest import meta


def _every_pattern(line: str, cjk_document: bool = False) -> bool:
    if any(p.match(line) for p in meta._compiled("line_patterns")):
        return True
    return not cjk_document and any(p.match(line) for p in meta._compiled("other_script_line_patterns"))


# pieces of furniture and of prose, in any case, glued together: lines near the patterns' edges
PIECES = [
    "Share",
    "PRINT",
    "e-mail",
    "Subscribe",
    "Copyright",
    "(C)",
    "©",
    "All Rights Reserved",
    "by",
    "By:",
    "Reporter:",
    "The Jakarta Post",
    "Daily",
    "NEWS",
    "Times",
    "Herald",
    "Insider",
    "and",
    "Maria Lopez",
    "facebook",
    "X.com",
    "WhatsApp",
    "@",
    "desk@example.org",
    "Skip to main content",
    "privacy policy",
    "the writer is",
    "This article first appeared",
    "[Headline not captured]",
    "Readouts",
    "한국어",
    "中文",
    "·",
    "=",
    "visited",
    "the ministry said on Monday.",
    "2024",
    "/ Asia",
    "(",
    ")",
    ",",
    " ",
    "\t",
]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=7), st.booleans())
def test_the_prefilter_never_changes_the_answer(parts: list[str], cjk_document: bool) -> None:
    line = " ".join(parts)
    assert meta.is_boilerplate_line(line, cjk_document) == _every_pattern(line, cjk_document)


def test_each_kind_of_furniture_is_still_found() -> None:
    for line in (
        "Share",
        "Copyright 2024 Example Media",
        "By Ana Reyes, The Manila Times",
        "Follow us on Facebook",
        "Write to desk@example.org",
    ):
        assert meta.is_boilerplate_line(line), line
    assert not meta.is_boilerplate_line("The mayor of Busan met a delegation from Hue on Monday.")


def test_patterns_the_standard_parser_cannot_read_run_on_every_line() -> None:
    kinds = {kind: meta._prefiltered(kind) for kind in ("line_patterns", "other_script_line_patterns")}
    assert all(need is not None for _, need in kinds["line_patterns"])
    assert [need for _, need in kinds["other_script_line_patterns"]] == [None]  # '\p{Hangul}'
