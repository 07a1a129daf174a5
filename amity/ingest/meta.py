"""Title, publication date and language of a document."""

from __future__ import annotations

import re
from functools import cache

import regex

from amity.data_files import load_json
from amity.prefilter import fold, folded_pattern, required

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = r"(jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.?"
_DATE_FORMS = [
    (re.compile(r"(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)"), ("y", "m", "d")),
    (re.compile(rf"\b{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.I), ("M", "d", "y")),
    (re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH},?\s+(\d{{4}})\b", re.I), ("d", "M", "y")),
]


def _valid(y: int, m: int, d: int) -> bool:
    import datetime as dt

    try:
        dt.date(y, m, d)
    except ValueError:
        return False
    return 1900 <= y <= 2100


_NUMERIC = re.compile(r"(?<![\d/.])(\d{1,2})[/.](\d{1,2})[/.](\d{4})(?![\d/.])")


def _numeric_date(s: str) -> tuple[int, str] | None:
    """'21/10/2024' (day first) or '10/21/2024' (month first) when the numbers tell; None when ambiguous."""
    m = _NUMERIC.search(s)
    if not m:
        return None
    a, b, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
    if a > 12 >= b:
        d, mo = a, b
    elif b > 12 >= a:
        d, mo = b, a
    elif a == b:
        d, mo = a, b
    else:
        return None
    return (m.start(), f"{y:04d}-{mo:02d}-{d:02d}") if _valid(y, mo, d) else None


def find_date(s: str) -> str | None:
    """The first full calendar date in `s` as ISO YYYY-MM-DD, or None."""
    best: tuple[int, str] | None = _numeric_date(s)
    for rx, order in _DATE_FORMS:
        m = rx.search(s)
        if not m:
            continue
        vals: dict[str, int] = {}
        groups = list(m.groups())
        gi = 0
        for part in order:
            if part == "M":
                vals["m"] = MONTHS[groups[gi].lower()[:3]]
            else:
                vals[part] = int(groups[gi])
            gi += 1
        if _valid(vals["y"], vals["m"], vals["d"]):
            iso = f"{vals['y']:04d}-{vals['m']:02d}-{vals['d']:02d}"
            if best is None or m.start() < best[0]:
                best = (m.start(), iso)
    return best[1] if best else None


def normalise_date(s: str) -> str | None:
    """An ISO date (or YYYY-MM, YYYY) from a metadata string; None when it holds no date."""
    s = s.strip()
    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", s)
    if m:
        y, mo, d = int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1)
        return s if _valid(y, mo, d) else None  # "2024-13-45" is no date
    return find_date(s)


@cache
def _compiled(kind: str) -> tuple[regex.Pattern[str], ...]:
    return tuple(regex.compile(p, regex.I) for p in load_json("boilerplate.json")[kind])


@cache
def _prefiltered(kind: str) -> tuple[tuple[regex.Pattern[str], frozenset[str] | None], ...]:
    """Each pattern with the strings one of which every line it matches holds, lowercased (None: no such
    strings known, or a pattern the standard library's parser does not read, like '\\p{Han}')."""
    out = []
    for source, compiled in zip(load_json("boilerplate.json")[kind], _compiled(kind), strict=True):
        try:
            need = required(folded_pattern(source))
        except re.error:
            need = None
        out.append((compiled, need))
    return tuple(out)


def _matches(kind: str, line: str) -> bool:
    low = fold(line)
    return any(
        (need is None or any(w in low for w in need)) and p.match(line) for p, need in _prefiltered(kind)
    )


def is_boilerplate_line(line: str, cjk_document: bool = False) -> bool:
    """Page furniture: a menu, share or copyright line. A line of Han or Hangul alone is furniture only
    in a document that is not itself written in them (`cjk_document`). A pattern runs only on a line
    holding one of its required strings (`amity.prefilter`): most lines are prose."""
    if _matches("line_patterns", line):
        return True
    return not cjk_document and _matches("other_script_line_patterns", line)


_CJK_CHAR = regex.compile(r"[\p{Han}\p{Hangul}\p{Hiragana}\p{Katakana}]")
_NOT_LETTER = regex.compile(r"\P{L}+")  # letters are what str.isalpha() calls alphabetic: category L*


def letters(text: str) -> int:
    """How many letters the text holds (counted in C, not character by character in Python)."""
    return len(_NOT_LETTER.sub("", text))


CJK_WORD_CHARS = 3  # a Han or Hangul character carries about as much text as three Latin letters


def cjk_share(text: str) -> float:
    """The share of the text's letters that are Han, Hangul or kana."""
    n = letters(text)
    return len(_CJK_CHAR.findall(text)) / n if n else 0.0


def text_length(text: str) -> int:
    """How many letters the text holds, in Latin-letter equivalents: Chinese and Korean pack a word
    into one to three characters, so each of their characters counts `CJK_WORD_CHARS`."""
    cjk = len(_CJK_CHAR.findall(text))
    return letters(text) - cjk + cjk * CJK_WORD_CHARS


_WEEKDAY_ABBR = r"(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+"
_ANY_DATE = (
    rf"(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}}"
    r"|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[/.]\d{1,2}[/.]\d{4})"
)
_CLOCK = (
    r"\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?"
    r"(?:\s*\(?(?:[a-z]{2,5}|gmt|utc)(?:\s*[+-]\s*\d{1,2}(?::?\d{2})?)?\)?)?"  # time zone: "KST", "GMT+7"
)
# a page's date and time and nothing else: "18 Oct 2024 at 14:36", "March 3, 2024 | 10:00 AM KST",
# "14:05, 2024-03-12", "Wed, April 3, 2024 - 07:30"
_DATE_TIME_LINE = re.compile(
    rf"^\s*(?:(?:first\s+|last\s+)?(?:published|posted|updated|modified)(?:\s+on)?\s*[:：]?\s*)?"
    rf"(?:{_CLOCK}\s*[,|•·–—-]?\s*)?(?:{_WEEKDAY_ABBR})?{_ANY_DATE}"
    rf"(?:\s*(?:[,|•·–—-]|at)?\s*{_CLOCK})?\s*$",
    re.I,
)


def is_date_line(line: str) -> bool:
    """A page's publication or update line: "Updated: 2025-05-06", "PUBLISHED : 20 Nov 2024",
    "Wed, April 3, 2024", "18 Oct 2024 at 14:36"."""
    if len(line) >= 120:
        return False
    return bool(_DATE_TIME_LINE.match(line)) or any(p.match(line) for p in _compiled("date_line_patterns"))


LANGUAGE_SAMPLE = 2_500


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's main language (py3langid), or None for too little text. The first
    LANGUAGE_SAMPLE characters decide: on the news stream and the dev sets they give the language the
    first 5,000 give on every document, in 60% of the time."""
    sample = text[:LANGUAGE_SAMPLE]
    if text_length(sample) < 20:
        return None
    import py3langid

    lang, _ = py3langid.classify(sample)
    # the classifier tells Chinese varieties apart on short texts (Wu, Cantonese): all are read as Chinese
    return "zh" if lang in CHINESE_VARIETIES else str(lang)


CHINESE_VARIETIES = frozenset({"zh", "wuu", "yue", "gan", "hak", "nan", "cmn", "lzh"})
