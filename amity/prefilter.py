"""Literal prefilters for regular expressions: the strings one of which every match must contain.

The trigger lexicon is a few dozen case-insensitive patterns with word boundaries and optional parts,
and Python's `re` tries every one of them at every position of the text. Most paragraphs of a news
page hold no trigger, and a substring test (`"visit" in text`) is two orders of magnitude cheaper
than a pattern, so each pattern is run only where one of its required strings occurs.

`required(pattern)` reads the pattern's syntax tree (the standard library's own parser) and returns a
set of strings such that every match of the pattern contains at least one of them, or None when no
such set is known (a pattern made of classes and repeats alone). The analysis is sound by
construction: literals concatenate, alternatives unite, an optional part or a zero-width assertion
requires nothing, and anything else (a class, an unbounded repeat) ends a run of literals.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from re import _constants as sre_c  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

MAX_SET = 64  # a run of literals with more spellings than this stops being spelled out
MAX_CLASS = 4  # a class of at most this many literal characters ('[sz]') is spelled out


def fold(text: str) -> str:
    """The text lowercased character for character, so offsets stay those of the text (a character
    whose lowercase is longer, like 'İ', is kept as it is)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def folded_pattern(pattern: str) -> str:
    """A case-insensitive pattern rewritten for `fold`ed text, to be compiled without re.I: literals and
    class ranges lowercased, escapes (\\b, \\S, \\W) kept. A case-sensitive group `(?-i:...)` becomes a
    plain group, so the result matches a superset of what the pattern matches. (Python's re runs an
    alternation of case-insensitive patterns many times slower than the same patterns lowercased.)"""
    out: list[str] = []
    i = 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            out.append(pattern[i : i + 2])
            i += 2
            continue
        out.append(c.lower())
        i += 1
    return "".join(out).replace("(?-i:", "(?:")


@dataclass(frozen=True)
class _Info:
    exact: frozenset[str] | None  # every string the part can match, when it is a small finite set
    need: frozenset[str] | None  # strings one of which any match of the part contains (None: unknown)


_NOTHING = _Info(None, None)
_EMPTY = _Info(frozenset({""}), None)


MIN_ANCHOR = 3  # a shorter required string ('a ', 'in') occurs in nearly every paragraph


def _useful(s: frozenset[str] | None) -> frozenset[str] | None:
    return s if s and "" not in s else None


def _minimal(s: frozenset[str]) -> frozenset[str]:
    """A string holding another of the set adds nothing: the shorter one occurs wherever it does."""
    return frozenset(x for x in s if not any(y != x and y in x for y in s))


# words in nearly every paragraph: a required string made of them alone screens nothing out
COMMON = frozenset(
    "a an the of in on at to for by with from and or as is are was were be been has have had will would "
    "can could may this that these those it its he she they his her their we our said".split()
)


def _weak(x: str) -> bool:
    words = x.split()
    return len(x.strip()) < MIN_ANCHOR or all(w in COMMON for w in words)


def _strength(s: frozenset[str]) -> tuple[bool, int, int]:
    """A set with a string too common to be rare is no test at all; then longer strings are rarer
    (up to a point), and fewer strings are a cheaper test."""
    return (not any(_weak(x) for x in s), min(min(len(x.strip()) for x in s), 6), -len(s))


def _best(cands: list[frozenset[str]]) -> frozenset[str] | None:
    good = [_minimal(c) for c in cands if _useful(c)]
    return max(good, key=_strength) if good else None


def _seq(items: Any) -> _Info:
    cur: frozenset[str] = frozenset({""})
    cands: list[frozenset[str]] = []
    exact = True
    word = ""  # the current run of single literals: 'joint ' in 'sign(?:ed)? (?:a )?joint statement'
    for op, av in items:
        info = _node(op, av)
        if info.exact is not None and len(info.exact) == 1:
            word += next(iter(info.exact))
        else:
            cands.append(frozenset({word}))
            word = ""
        if info.need is not None and info.exact is None:
            cands.append(info.need)
        elif info.exact is not None and len(info.exact) > 1:
            cands.append(info.exact)
        if info.exact is not None:
            joined = frozenset(a + b for a in cur for b in info.exact)
            if len(joined) <= MAX_SET:
                cur = joined
                continue
            cands.append(cur)
            cur, exact = info.exact, False
            continue
        exact = False
        cands.append(cur)
        cur = frozenset({""})
    cands += [frozenset({word}), cur]
    if exact:
        return _Info(cur, _best(cands))
    return _Info(None, _best(cands))


def _node(op: Any, av: Any) -> _Info:
    if op is sre_c.LITERAL:
        return _Info(frozenset({chr(av)}), frozenset({chr(av)}))
    if op in (sre_c.AT, sre_c.ASSERT, sre_c.ASSERT_NOT):
        return _EMPTY  # zero width: matches nothing of the text
    if op is sre_c.IN:
        if len(av) <= MAX_CLASS and all(o is sre_c.LITERAL for o, _ in av):
            chars = frozenset(chr(v) for _, v in av)
            return _Info(chars, chars)
        return _NOTHING
    if op is sre_c.SUBPATTERN:
        if av[1] & sre_c.SRE_FLAG_IGNORECASE:
            return _NOTHING  # '(?i:...)': its literals match in either case
        return _seq(av[-1])
    if op is getattr(sre_c, "ATOMIC_GROUP", None):
        return _seq(av)
    if op is sre_c.BRANCH:
        parts = [_seq(p) for p in av[1]]
        if all(p.exact is not None for p in parts):
            union = frozenset().union(*(p.exact for p in parts if p.exact is not None))
            if len(union) <= MAX_SET:
                return _Info(union, _useful(union))
        needs = [p.need for p in parts]
        if any(n is None for n in needs):
            return _NOTHING
        return _Info(None, frozenset().union(*(n for n in needs if n is not None)))
    if op in (sre_c.MAX_REPEAT, sre_c.MIN_REPEAT, getattr(sre_c, "POSSESSIVE_REPEAT", None)):
        lo, hi, body = av
        inner = _seq(body)
        if lo == 0:
            if hi == 1 and inner.exact is not None:
                return _Info(inner.exact | {""}, None)
            return _NOTHING
        if lo == hi == 1:
            return inner
        return _Info(None, inner.need)
    return _NOTHING


def required(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """Strings one of which every match of `pattern` (compiled with `flags`, without re.I) contains,
    or None when none are known. A pattern compiled with re.I gets no prefilter: fold the text and the
    pattern instead (see `folded_pattern`)."""
    if flags & re.I:
        return None
    tree = sre_parse.parse(pattern, flags)
    if tree.state.flags & re.I:  # an inline '(?i)'
        return None
    return _seq(tree).need


def _trie_pattern(words: list[str]) -> str:
    """One regex alternation of literal strings, as a trie ('meet', 'meeting', 'met' -> 'me(?:et(?:ing)?|t)'),
    so the engine tries a handful of branches at each position rather than every string."""
    trie: dict[str, Any] = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        alts = [re.escape(ch) + build(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        # a string ends here and longer ones go on: greedy, so the longest string found is reported
        return f"(?:{body})?" if "" in node else body

    return build(trie)


@dataclass(frozen=True)
class AnchorSet:
    """Finds which of many literal strings a text holds, in one pass of one pattern."""

    pattern: re.Pattern[str]
    within: dict[str, frozenset[str]]  # a found string -> it and every other string that begins it

    @classmethod
    def of(cls, words: set[str] | frozenset[str]) -> AnchorSet:
        ordered = sorted(words)
        # a lookahead finds a string at every position, so overlapping ones are all found
        pattern = re.compile(f"(?=({_trie_pattern(ordered)}))") if ordered else re.compile(r"(?!)")
        within = {w: frozenset(v for v in ordered if w.startswith(v)) for w in ordered}
        return cls(pattern, within)

    def found(self, text: str) -> frozenset[str]:
        """The strings that occur in `text`. At one position the pattern reports the longest string that
        starts there; the shorter ones starting there are its prefixes, added from `within`."""
        hits = set(self.pattern.findall(text))
        return frozenset().union(*(self.within[h] for h in hits)) if hits else frozenset()
