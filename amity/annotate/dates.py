"""Date expressions in news text, resolved against a reference date (publication, or the text's own).

Handles "On May 22", "on Monday, September 23", "on Tuesday", "June 21st", "from June 22nd
to 26th", "Nov. 2", "April 26, 2023", "in 1992", "from 1999 to 2019", "1966-1981", "in November", "last
June", "this year", "today", "last week", "earlier this month", "two years ago", "four-day visit"
(duration). Values are ISO strings: YYYY-MM-DD, YYYY-MM or YYYY.

A day or month written without its year, and a weekday, are placed in the direction the verb that governs
them says: "will present the survey on May 22" looks forward from the reference date, "met on Tuesday"
back.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass

from amity.ingest.meta import MONTHS

WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
}  # fmt: skip

_M = (
    r"(?P<mon>January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
)
_WD = r"(?:(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?"
_D = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_Y = r"(?:,?\s+(?P<year>(?:19|20)\d{2}))?"
_D2 = r"(?P<day2>\d{1,2})(?:st|nd|rd|th)?"
_WEEKDAY = r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_COUNT = r"(?P<n>\d{1,2}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"

PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"(?<![\d-])(?P<year>(?:19|20)\d{2})-(?P<m>\d{2})-(?P<day>\d{2})(?![\d-])")),
    (
        "range_md",
        re.compile(
            rf"(?:from\s+|between\s+)?{_M}\s+{_D}\s*(?:-|–|to|through|until|and)\s*"
            rf"(?:(?P<mon2>[A-Z][a-z]+)\.?\s+)?{_D2}{_Y}\b"
        ),
    ),
    ("range_dm", re.compile(rf"(?:from\s+)?{_D}\s*(?:-|–|to)\s*{_D2}\s+{_M}{_Y}\b")),
    ("md", re.compile(rf"{_WD}{_M}\s+{_D}{_Y}\b(?!\s*(?:million|billion|per|%))")),
    ("dm", re.compile(rf"{_WD}\b{_D}\s+{_M}{_Y}\b")),
    (
        "month_year",
        re.compile(
            rf"\b(?i:in|since|until|by|from|of|during|for|on|after|before|early|late|mid-?)\s+{_M},?\s+(?P<year>(?:19|20)\d{{2}})\b"
        ),
    ),
    (
        "year_range",
        re.compile(
            r"\b(?:(?i:from|between)\s+(?P<year>(?:19|20)\d{2})\s+(?:to|until|through|and)\s+(?P<year2>(?:19|20)\d{2})"
            r"|(?:(?i:from|in|during|between|of|since)\s+)?(?P<ryear>(?:19|20)\d{2})\s*[-–]\s*(?P<ryear2>(?:19|20)?\d{2}))"
            r"\b(?![-–]\d)"
        ),
    ),
    (
        "month_rel",
        re.compile(rf"\b(?P<rel>(?i:last|next|this|this past|this coming))\s+{_M}(?!\s+\d)\b"),
    ),
    # "the November summit", "their June meeting": a month naming an event
    (
        "month_adj",
        re.compile(
            rf"\b(?i:the|its|their|his|her|this|that)\s+{_M}\s+(?=(?:[A-Z][\w-]*\s+){{0,3}}(?i:summit|meeting|"
            r"visit|trip|talks|forum|conference|session|election|elections|dialogue|exchange|festival)\b)"
        ),
    ),
    (
        "month",
        re.compile(
            rf"\b(?i:in|since|until|by|during|early|late|mid-?|back in|earlier in|later in)\s+{_M}(?!\s+\d)\b"
        ),
    ),
    (
        "year",
        re.compile(
            r"\b(?i:in|since|until|by|from|during|of|early|late|mid-?|back in|a|the)\s+"
            r"(?P<year>(?:19|20)\d{2})\b(?![-–]\d)"
        ),
    ),
    (
        "year_adj",
        re.compile(
            r"\b(?P<year>(?:19|20)\d{2})\s+(?=visit|trip|tour|meeting|summit|forum|conference|agreement)"
        ),
    ),
    (
        "weekday",
        re.compile(
            rf"\b(?:(?P<rel>(?i:last|this|this past|this coming|next|on|the|since|until|by|from))\s+)"
            rf"{_WEEKDAY}\b"
        ),
    ),
    (
        "ago",
        re.compile(rf"\b{_COUNT}\s+(?P<unit>day|week|month|year)s?\s+ago\b", re.I),
    ),
    (
        "deictic",
        re.compile(
            r"\b(?P<deic>today|yesterday|tomorrow|this week|earlier this week|later this week|"
            r"this past week|last week|next week|this month|earlier this month|later this month|last month|"
            r"next month|this year|earlier this year|later this year|last year|next year|this weekend|"
            r"this past weekend|last weekend|next weekend|over the weekend)\b",
            re.I,
        ),
    ),
]
_NO_DIRECTION = frozenset({"iso", "month_year", "year_range", "year", "year_adj", "ago", "deictic"})
_DURATION = re.compile(r"\b(?P<n>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)-day\b", re.I)


def _days(m: re.Match[str]) -> int:
    n = m.group("n").lower()
    return int(n) if n.isdigit() else NUMBER_WORDS.get(n, 0)


def duration_days(text: str) -> int | None:
    """The days of the first 'four-day', '10-day' in a text, or None."""
    m = _DURATION.search(text)
    return _days(m) if m else None

# What the verb governing a date says of its time. Future: "will", "is set to", "plans to", "to be held";
# a passive after a future ("will be held") is one future cue, not a past participle.
_FUTURE_CUE = re.compile(
    r"\b(?:will|shall|won[’']t|would|(?:is|are|am)\s+(?:set|due|slated|scheduled|expected|poised|going|about)\s+to|"
    r"(?:is|are)\s+to|plans?\s+to|planning|planned|intends?\s+to|aims?\s+to|hopes?\s+to|scheduled|slated|"
    r"expected|upcoming|forthcoming|to\s+be\s+(?:held|hosted|signed|launched|opened|organi[sz]ed)|"
    r"(?:agreed|decided|pledged|promised|vowed|invited(?:\s+\w+)?|has|have|has\s+yet|have\s+yet)\s+to)\b"
    r"(?:\s+(?:not\s+)?(?:be|have)\s+\w+)?",
    re.I,
)
_PAST_CUE = re.compile(
    r"\b(?:(?i:was|were|had|did|has|have|ago|previously|yesterday|said|told|met|held|made|took|gave|began|"
    r"begun|led|went|came|saw|spoke|sent|won|brought|paid|wrote|flew|drew|chose|left|kept|ran|sat|stood|"
    r"struck|became|grew|sought|taught|bought|fought|thought)|[a-z]{2,}ed)\b(?!\s+by\b)"
)
# participles used as adjectives ("a forum themed ...", "the Seoul-based ..."), and words that merely end
# in -ed: no verb's tense
_NOT_TENSE = frozenset(
    "based located called named dubbed titled entitled themed related advanced detailed limited united "
    "interested concerned hundred kindred sacred naked wicked beloved aged red bed shed wed need needed "
    "proceed succeed exceed speed seed feed heed breed bleed indeed".split()
)
_TENSE_BREAK = re.compile(r"[;.!?](?:\s|$)|,\s+(?:and|but|while|whereas)\s")


def _tense_cues(text: str) -> list[tuple[int, int, int]]:
    """(start, end, +1 future / -1 past) of the tense cues in `text`, in text order."""
    fut = [(m.start(), m.end(), 1) for m in _FUTURE_CUE.finditer(text)]
    past = [
        (m.start(), m.end(), -1)
        for m in _PAST_CUE.finditer(text)
        if m.group().lower() not in _NOT_TENSE and not any(a <= m.start() < b for a, b, _ in fut)
    ]
    return sorted(fut + past)


def tense_at(
    text: str, start: int, end: int | None = None, cues: list[tuple[int, int, int]] | None = None
) -> int:
    """+1 when the verb governing the expression at text[start:end] is future, -1 past, 0 when nothing
    tells: the nearest cue before it, else the first after it in the same clause."""
    end = start if end is None else end
    cues = _tense_cues(text) if cues is None else cues
    before = [c for c in cues if c[1] <= start]
    if before:
        return before[-1][2]
    brk = _TENSE_BREAK.search(text, end)
    stop = brk.start() if brk else len(text)
    after = [c for c in cues if c[0] >= end and c[1] <= stop]
    return after[0][2] if after else 0


class ApproximateDate(dt.date):
    """A reference date read from the article's text (a caption, a lead's date) rather than from its
    publication line: the article's month, but not necessarily its day, so a bare weekday ("on Tuesday")
    cannot be placed from it."""


@dataclass(frozen=True)
class DateMention:
    start: int  # offsets into the string searched
    end: int
    value: str  # ISO: YYYY-MM-DD, YYYY-MM or YYYY
    end_value: str | None = None
    kind: str = "exact"  # exact, weekday, deictic, month, year
    explicit_year: bool = False


def _iso(d: dt.date) -> str:
    return dt.date(d.year, d.month, d.day).isoformat()


def _safe(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _month(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def _infer_year(
    m: int, d: int, ref: dt.date | None, weekday: int | None, direction: int, exact: bool
) -> int | None:
    """The year of a month-day with no year: the one nearest the reference date that fits the weekday, on
    the side the tense says (forward for a future verb, back otherwise)."""
    if ref is None:
        return None
    if not exact:
        return ref.year  # only the year is known: the text's own
    cands = []
    for y in (ref.year - 1, ref.year, ref.year + 1):
        day = _safe(y, m, d)
        if day is None:
            continue
        if weekday is not None and day.weekday() != weekday:
            continue
        cands.append(day)
    if not cands:
        return ref.year
    if direction > 0:
        after = [c for c in cands if c >= ref - dt.timedelta(days=1)]
        if after:
            return min(after).year
    slack = 2 if direction < 0 else 7
    before = [c for c in cands if c <= ref + dt.timedelta(days=slack)]
    if before:
        return max(before).year
    return min(cands, key=lambda c: abs((c - ref).days)).year


def _weekday_date(wd: int, ref: dt.date, rel: str, direction: int) -> dt.date:
    """The day named by a weekday: the nearest one with that name, forward for a future verb or 'next',
    back otherwise ('last Monday' is never the reference day itself)."""
    rel = rel.lower()
    if rel in ("next", "this coming", "until") or (
        direction > 0 and rel not in ("last", "this past", "since")
    ):
        delta = (wd - ref.weekday()) % 7
        return ref + dt.timedelta(days=(delta or 7) if rel == "next" else delta)
    delta = (ref.weekday() - wd) % 7
    if rel in ("last", "this past") and delta == 0:
        delta = 7
    return ref - dt.timedelta(days=delta)


def _add_months(ref: dt.date, k: int) -> str:
    y, m = ref.year, ref.month + k
    while m < 1:
        y, m = y - 1, m + 12
    while m > 12:
        y, m = y + 1, m - 12
    return f"{y:04d}-{m:02d}"


def find_dates(text: str, ref: dt.date | None, future: bool = False, exact: bool = True) -> list[DateMention]:
    """Every date expression in `text`, resolved against `ref`; non-overlapping, in text order.

    `future` is the direction for an expression whose own verb tells none. With an inexact reference (only
    its year is known) relative days and months are given that year only."""
    out: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    cues: list[tuple[int, int, int]] | None = None

    def free(s: int, e: int) -> bool:
        return all(e <= a or s >= b for a, b in taken)

    for kind, rx in PATTERNS:
        for m in rx.finditer(text):
            s, e = m.span()
            if not free(s, e):
                continue
            direction = 1 if future else 0
            if kind not in _NO_DIRECTION:
                cues = _tense_cues(text) if cues is None else cues
                direction = tense_at(text, s, e, cues) or direction
            mention = _resolve(kind, m, ref, direction, exact)
            if mention is None:
                continue
            taken.append((s, e))
            out.append(DateMention(s, e, *mention))
    dur = _DURATION.search(text)
    if dur:
        days = _days(dur)
        # "began a four-day visit on Sunday": the start day follows the duration; in "returned on
        # Saturday after a ten-day camp" the day is the end, and no end date is guessed
        out = [_with_duration(x, days) if x.start > dur.start() else x for x in out]
    return sorted(out, key=lambda x: x.start)


def _with_duration(x: DateMention, days: int) -> DateMention:
    if x.end_value or len(x.value) != 10 or days < 2:
        return x
    start = dt.date.fromisoformat(x.value)
    return DateMention(
        x.start, x.end, x.value, _iso(start + dt.timedelta(days=days - 1)), x.kind, x.explicit_year
    )


_Resolved = tuple[str, str | None, str, bool]


def _resolve(
    kind: str, m: re.Match[str], ref: dt.date | None, direction: int, exact: bool
) -> _Resolved | None:
    g = m.groupdict()
    year = int(g["year"]) if g.get("year") else None
    if kind == "iso":
        d = _safe(int(g["year"]), int(g["m"]), int(g["day"]))
        return (_iso(d), None, "exact", True) if d else None
    if kind in ("md", "dm", "range_md", "range_dm"):
        return _resolve_day(kind, g, year, ref, direction, exact)
    if kind == "month_year":
        return f"{int(g['year']):04d}-{_month(g['mon']):02d}", None, "month", True
    if kind == "year_range":
        if g.get("year"):
            return g["year"], g["year2"], "year", True
        y1, y2 = int(g["ryear"]), g["ryear2"]
        y2n = int(y2) if len(y2) == 4 else y1 // 100 * 100 + int(y2)
        return (str(y1), str(y2n), "year", True) if y1 < y2n <= y1 + 60 else None
    if kind in ("year", "year_adj"):
        return g["year"], None, "year", True
    if ref is None:
        return None
    if kind in ("month", "month_rel", "month_adj"):
        return _resolve_month(kind, g, ref, direction, exact)
    if kind == "weekday":
        rel = (g.get("rel") or "on").lower()
        if rel == "the" and not m.string[m.end() : m.end() + 12].strip().startswith(
            ("event", "meeting", "session", "forum", "ceremony", "talks")
        ):
            return None
        if not exact or isinstance(ref, ApproximateDate):
            return str(ref.year), None, "weekday", False  # the day is not known: the year is
        d = _weekday_date(WEEKDAYS[g["wd"].lower()], ref, rel, direction)
        return _iso(d), None, "weekday", False
    if kind == "ago":
        n = g["n"].lower()
        k = int(n) if n.isdigit() else 1 if n in ("a", "an") else NUMBER_WORDS[n]
        unit = g["unit"].lower()
        if unit == "year":
            return str(ref.year - k), None, "deictic", False
        if not exact:
            return None
        if unit == "month":
            return _add_months(ref, -k), None, "deictic", False
        back = ref - dt.timedelta(days=k * (7 if unit == "week" else 1))
        if unit == "week" or isinstance(ref, ApproximateDate):
            return _add_months(back, 0), None, "deictic", False
        return _iso(back), None, "deictic", False
    if kind == "deictic":
        return _resolve_deictic(g["deic"].lower(), ref, exact)
    return None


def _resolve_day(
    kind: str, g: dict[str, str | None], year: int | None, ref: dt.date | None, direction: int, exact: bool
) -> _Resolved | None:
    mon = _month(g["mon"] or "")
    day = int(g["day"] or 0)
    wd = WEEKDAYS.get((g.get("wd") or "").lower())
    y = year or _infer_year(mon, day, ref, wd, direction, exact)
    if y is None:
        return None
    mon2_word = (g.get("mon2") or "").lower().rstrip(".")
    if kind.startswith("range") and year and MONTHS.get(mon2_word, mon) < mon:
        y -= 1  # "December 30 to January 2, 2025": the year written is the end's
    d = _safe(y, mon, day)
    if d is None:
        return None
    end = None
    if kind.startswith("range"):
        mon2 = MONTHS.get(mon2_word, mon)
        d2 = _safe(y, mon2, int(g["day2"] or 0))
        if d2 is not None and d2 <= d and mon2 < mon:
            d2 = _safe(y + 1, mon2, int(g["day2"] or 0))  # "December 30 to January 2"
        if d2 is None or d2 <= d:
            return None
        end = _iso(d2)
    return _iso(d), end, "exact", year is not None


def _resolve_month(
    kind: str, g: dict[str, str | None], ref: dt.date, direction: int, exact: bool
) -> _Resolved | None:
    mon = _month(g["mon"] or "")
    rel = (g.get("rel") or "").lower()
    y = ref.year
    if not exact:
        return None
    if rel in ("last", "this past"):
        y -= mon >= ref.month
    elif rel in ("next", "this coming"):
        y += mon <= ref.month
    elif direction > 0:
        y += mon < ref.month
    else:
        y -= mon > ref.month
    return f"{y:04d}-{mon:02d}", None, "month", False


def _resolve_deictic(w: str, ref: dt.date, exact: bool) -> _Resolved | None:
    years = {"this year": 0, "earlier this year": 0, "later this year": 0, "last year": -1, "next year": 1}
    if w in years:
        return str(ref.year + years[w]), None, "deictic", False
    if not exact:
        return str(ref.year), None, "deictic", False  # "last week" in an article of 2024: 2024
    days = {"today": 0, "yesterday": -1, "tomorrow": 1}
    if w in days:
        d = ref + dt.timedelta(days=days[w])
        if isinstance(ref, ApproximateDate):
            return _add_months(d, 0), None, "deictic", False
        return _iso(d), None, "deictic", False
    months = {"last month": -1, "next month": 1}
    if w in months:
        return _add_months(ref, months[w]), None, "deictic", False
    # the weeks and weekends around the reference, and 'this month': given as their month
    shift = -7 if w.startswith(("last", "this past")) else 7 if w.startswith("next") else 0
    return _add_months(ref + dt.timedelta(days=shift), 0), None, "deictic", False


@dataclass(frozen=True)
class Reference:
    """What relative dates are resolved against; `exact` is False when only a year is known. A date read
    from the text rather than a publication line is an `ApproximateDate` (its month holds, its day may
    not)."""

    date: dt.date | None
    exact: bool


_FILE_PHOTO = re.compile(
    r"\b(?:file|archive|archival)\s+(?:photo|picture|image|pic)\b|\((?:file|archive)\)", re.I
)
_TARGET_YEAR = re.compile(
    r"\b(?:by|through|until|till|before|to|towards?)\s+(?:the\s+end\s+of\s+)?((?:19|20)\d{2})\b"
    r"|\b(?:Vision|Agenda|Goals?|Plan|Strategy|Roadmap|Target)\s+((?:19|20)\d{2})\b"
    r"|\b((?:19|20)\d{2})\s+(?:Vision|Agenda|Goals?|target)\b",
    re.I,
)
# a year used as an adjective or edition ("the 2024 forum", "ESG Summit 2024", "2024 elections"), not after a
# preposition ("in 1992", "since 2014"): the year the article is written in
_EDITION_YEAR = re.compile(
    r"(?<![\d/-])\b(?<!in )(?<!since )(?<!from )(?<!of )(?<!and )(?<!during )(?<!after )(?<!around )"
    r"(?<!at )(?<!for )(?<!between )(?<!to )(?<!until )(?<!by )(?<!through )(?<!before )"
    r"((?:19|20)\d{2})\b(?![-–/]\d)(?!\s*(?:-|–|to)\s*(?:19|20)\d{2})",
    re.I,
)


def _full_dates(text: str) -> list[tuple[int, int, dt.date]]:
    """(start, end, date) of each date written with day, month and year, in text order."""
    out = []
    for kind in ("iso", "md", "dm"):
        rx = dict(PATTERNS)[kind]
        for m in rx.finditer(text):
            if kind != "iso" and not m["year"]:
                continue
            mon = int(m["m"]) if kind == "iso" else _month(m["mon"])
            d = _safe(int(m["year"]), mon, int(m["day"]))
            if d:
                out.append((m.start(), m.end(), d))
    return sorted(out, key=lambda x: x[0])


def _line_of(text: str, pos: int) -> str:
    a = text.rfind("\n", 0, pos) + 1
    b = text.find("\n", pos)
    return text[a : b if b >= 0 else len(text)]


def _text_year(text: str, dates: list[tuple[int, int, dt.date]]) -> int | None:
    """The year the text is written in: the one its full dates and months (twice) and its editions ('the
    2024 forum', 'Summit 2024') name most, the one named first winning a tie; a year after a preposition
    ('in 1992', 'since 2014') or a target ('by 2030', 'Vision 2045') does not count, unless no other
    year is named."""
    targets = {m.start(i) for m in _TARGET_YEAR.finditer(text) for i in (1, 2, 3) if m.group(i)}
    explicit = {e - 4 for _, e, d in dates if text[e - 4 : e] == str(d.year)}
    explicit |= {m.start("year") for m in re.finditer(rf"{_M},?\s+(?P<year>(?:19|20)\d{{2}})\b", text)}
    counts: Counter[int] = Counter()
    first: dict[int, int] = {}
    for pos in sorted(explicit - targets):
        counts[int(text[pos : pos + 4])] += 2
        first.setdefault(int(text[pos : pos + 4]), pos)
    for m in _EDITION_YEAR.finditer(text):
        if m.start(1) not in explicit and m.start(1) not in targets:
            counts[int(m.group(1))] += 1
            first[int(m.group(1))] = min(first.get(int(m.group(1)), m.start(1)), m.start(1))
    if not counts:
        # only years after a preposition: "met at the ministry in 2024"; not a range's or a target's
        bare = [
            int(m["year"])
            for m in re.finditer(
                r"\b(?i:in|during|of)\s+(?P<year>(?:19|20)\d{2})\b(?!\s*(?:[-–]|to\b|and\b))", text
            )
            if m.start("year") not in targets
        ]
        return max(bare, key=lambda y: (bare.count(y), y)) if bare else None
    return max(counts, key=lambda y: (counts[y], -first[y]))


def reference_date(published: str | None, text: str) -> Reference:
    """Publication date; else the text's first full date (not a file photo's), exact when a weekday the
    text names falls on it or none is named, else good for its month only; else a dateline's month and day
    with the text's year; else the year the text's dates and editions name most."""
    if published:
        try:
            if len(published) == 10:
                return Reference(dt.date.fromisoformat(published), True)
            if len(published) == 7:
                return Reference(ApproximateDate(int(published[:4]), int(published[5:7]), 15), True)
            if len(published) == 4:
                return Reference(dt.date(int(published), 7, 1), False)
        except ValueError:
            pass  # not a real date: fall back on the text
    dates = _full_dates(text)
    fresh = [(s, e, d) for s, e, d in dates if not _FILE_PHOTO.search(_line_of(text, s))]
    if fresh:
        s, e, d = fresh[0]
        named = {
            WEEKDAYS[w.group().lower()]
            for w in re.finditer(r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b", text)
            # the date's own weekday ("on Thursday, May 16, 2024") tells nothing
            if not (s - 12 <= w.start() < e)
        }
        if named and d.weekday() not in named:
            return Reference(ApproximateDate(d.year, d.month, d.day), True)
        return Reference(d, True)
    # a dateline's month and day ("HANOI, Oct. 21 (VNA)") with the year the text speaks of
    year = _text_year(text, dates)
    dateline = re.search(rf"^[A-Z][A-Za-z .,'-]{{2,40}},\s+{_M}\s+(?P<day>\d{{1,2}})\b", text, re.M)
    if dateline and year:
        day = _safe(year, _month(dateline["mon"]), int(dateline["day"]))
        if day:
            return Reference(day, True)
    if year:
        return Reference(dt.date(year, 7, 1), False)
    return Reference(None, False)
