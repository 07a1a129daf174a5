"""The trigger lexicon's fast path: folded patterns and literal prefilters find exactly what the
case-insensitive patterns as written find."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from amity.data_files import load_json
from amity.extract.events import _lexicon, trigger_word
from amity.prefilter import AnchorSet, fold, folded_pattern, required

PATTERNS = [x["re"] for pats in load_json("triggers.json")["types"].values() for x in pats]
BLOCKS = load_json("triggers.json")["block"]

SENTENCES = [
    "The Mayor of Lima VISITED the Port of Busan on Tuesday and Signed a MoU on youth exchanges.",
    "Delegates from İzmir held talks with their counterparts; a joint statement was issued afterwards.",
    "Ms Okafor met with the Vice-Minister, who welcomed the delegation led by Mr Tan.",
    "The Youth Leaders Program was launched in Accra, and a seminar on river basins followed.",
    "Shares fell two percent on Monday as traders awaited the central bank's decision.",
    "The festival, a cultural performance by students from both countries, drew 300 guests.",
    "A new Fulbright Exchange Scheme will send teachers abroad; the ministry plans to develop it.",
    "He LEFT FOR Nairobi after a phone call with the premier and a courtesy visit to the embassy.",
    "The report was released by the institute; a White Paper on trade followed in Ulaanbaatar.",
    "ΣΥΝΑΝΤΗΣΗ in Athens: the ministers met; the Kelvin sign K and the long s ſ stay as they are.",
]


def _spans(rx: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in rx.finditer(text)]


@pytest.mark.parametrize("text", SENTENCES)
def test_folded_triggers_find_what_the_lexicon_as_written_finds(text: str) -> None:
    lex = _lexicon()
    low = fold(text)
    assert len(low) == len(text)
    live = lex.live(low)
    written = [re.compile(p, re.I) for p in PATTERNS]
    compiled = [t for ts in lex.types.values() for t in ts]
    for rx, trig in zip(written, compiled, strict=True):
        want = _spans(rx, text)
        got = [(m.start(), m.end()) for m in trig.finditer(text, low)] if trig in live else []
        assert got == want, rx.pattern
    assert trigger_word(text) == any(rx.search(text) for rx in written)
    assert lex.blocked(text, low, live) == any(re.search(b, text, re.I) for b in BLOCKS)


def test_fold_keeps_offsets_where_lowercasing_would_lengthen_the_text() -> None:
    text = "İstanbul hosted the forum"  # 'İ'.lower() is two characters
    low = fold(text)
    assert len(low) == len(text)
    assert low.endswith("stanbul hosted the forum")
    assert low.index("forum") == text.index("forum")


def test_folded_pattern_keeps_escapes_and_loosens_case_sensitive_groups() -> None:
    assert folded_pattern(r"\bSigned\s+\S+ [A-Z]\w") == r"\bsigned\s+\S+ [a-z]\w"
    loose = re.compile(folded_pattern(r"launched a (?-i:[A-Z]{2,})\b"))
    assert loose.search("launched a nato")  # a superset: the exact pattern confirms
    assert not re.compile(r"launched a (?-i:[A-Z]{2,})\b", re.I).search("launched a nato")


@pytest.mark.parametrize(
    ("pattern", "anchors"),
    [
        (r"\bvisit(?:ed|s)?\b", {"visit"}),
        (r"\b(?:met|meets) with\b", {"met with", "meets with"}),
        (r"\bsign(?:ed)? (?:a |the )?joint statement\b", {"joint statement"}),
        (r"(?<!press )conferences?", {"conference"}),
        (r"\b(?:forum|summit)s?\b[^.]{0,20}\bheld\b", {"forum", "summit"}),
    ],
)
def test_required_strings(pattern: str, anchors: set[str]) -> None:
    assert required(pattern) == anchors


@pytest.mark.parametrize("pattern", [r"[a-z]+", r"(?:ab)?\w*", r"\d{2,}|x?"])
def test_no_required_string_when_a_match_need_hold_none(pattern: str) -> None:
    assert required(pattern) is None


def test_case_insensitive_patterns_get_no_prefilter() -> None:
    assert required("visit", re.I) is None
    assert required("(?i)visit") is None
    assert required("(?i:visit)") is None
    assert required("(?i:visit)ed") == {"ed"}  # only the case-sensitive part is required as written


_SIMPLE = [p for p in PATTERNS if "(?<" not in p and "(?=" not in p and "(?!" not in p]


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(data=st.data())
def test_every_match_holds_one_of_its_required_strings(data: st.DataObject) -> None:
    """Strings generated to match a trigger pattern each contain one of the pattern's anchors."""
    pattern = folded_pattern(data.draw(st.sampled_from(_SIMPLE)))
    need = required(pattern)
    if need is None:
        return
    rx = re.compile(pattern)
    text = data.draw(st.from_regex(rx, fullmatch=True))
    m = rx.search(text)
    assert m is not None
    assert any(a in m.group() for a in need), (pattern, m.group(), need)


@given(
    words=st.sets(st.text(alphabet="abc ", min_size=1, max_size=4), min_size=1, max_size=12),
    text=st.text(alphabet="abcd ", max_size=40),
)
def test_anchor_set_finds_exactly_the_strings_the_text_holds(words: set[str], text: str) -> None:
    assert AnchorSet.of(words).found(text) == {w for w in words if w in text}
