"""Date expressions in news text, resolved against a reference date (publication, or the text's own).

Handles "On May 22", "on Monday, September 23", "on Tuesday", "June 21st", "from June 22nd to 26th",
"Nov. 2", "April 26, 2023", "in 1992", "from 1999 to 2019", "in November", "this year", "today",
"last week", "four-day visit" (duration). Values are ISO strings: YYYY-MM-DD, YYYY-MM or YYYY.
"""

from __future__ import annotations

import datetime as dt
import re
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
        re.compile(r"\bfrom\s+(?P<year>(?:19|20)\d{2})\s+(?:to|until|through)\s+(?P<year2>(?:19|20)\d{2})\b"),
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
            r"\b(?:(?P<rel>(?i:last|this|next|on|the|since|until|by|from))\s+)(?P<wd>Monday|Tuesday|Wednesday|"
            r"Thursday|Friday|Saturday|Sunday)\b"
        ),
    ),
    (
        "deictic",
        re.compile(
            r"\b(?P<deic>today|yesterday|tomorrow|this week|last week|next week|this month|"
            r"earlier this month|later this month|last month|next month|this year|earlier this year|"
            r"later this year|last year|next year|this weekend)\b",
            re.I,
        ),
    ),
]
_DURATION = re.compile(r"\b(?P<n>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)-day\b", re.I)


@dataclass(frozen=True)
class DateMention:
    start: int  # offsets into the string searched
    end: int
    value: str  # ISO: YYYY-MM-DD, YYYY-MM or YYYY
    end_value: str | None = None
    kind: str = "exact"  # exact, weekday, deictic, month, year
    explicit_year: bool = False


def _iso(d: dt.date) -> str:
    return d.isoformat()


def _safe(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _month(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def _infer_year(m: int, d: int, ref: dt.date | None, weekday: int | None, future: bool) -> int | None:
    """The year of a month-day with no year: the one nearest the reference date that fits the weekday."""
    if ref is None:
        return None
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
    if future:
        after = [c for c in cands if c >= ref - dt.timedelta(days=1)]
        if after:
            return min(after).year
    before = [c for c in cands if c <= ref + dt.timedelta(days=7)]
    if before:
        return max(before).year
    return min(cands, key=lambda c: abs((c - ref).days)).year


def _weekday_date(wd: int, ref: dt.date, rel: str, future: bool) -> dt.date:
    rel = rel.lower()
    if rel == "next" or (future and rel not in ("last",)):
        delta = (wd - ref.weekday()) % 7
        return ref + dt.timedelta(days=delta or 7 if rel == "next" else delta)
    delta = (ref.weekday() - wd) % 7
    if rel == "last" and delta == 0:
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

    With an inexact reference (only its year is known) relative days are left unresolved."""
    out: list[DateMention] = []
    taken: list[tuple[int, int]] = []

    def free(s: int, e: int) -> bool:
        return all(e <= a or s >= b for a, b in taken)

    for kind, rx in PATTERNS:
        for m in rx.finditer(text):
            s, e = m.span()
            if not free(s, e):
                continue
            if not exact and kind in ("weekday", "deictic", "month"):
                if kind == "deictic" and "year" in m.group().lower() and ref is not None:
                    pass
                else:
                    continue
            mention = _resolve(kind, m, ref, future and exact)
            if mention is None:
                continue
            taken.append((s, e))
            out.append(DateMention(s, e, *mention))
    dur = _DURATION.search(text)
    if dur:
        n = dur.group("n").lower()
        days = int(n) if n.isdigit() else NUMBER_WORDS.get(n, 0)
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


def _resolve(
    kind: str, m: re.Match[str], ref: dt.date | None, future: bool
) -> tuple[str, str | None, str, bool] | None:
    g = m.groupdict()
    year = int(g["year"]) if g.get("year") else None
    if kind == "iso":
        d = _safe(int(g["year"]), int(g["m"]), int(g["day"]))
        return (_iso(d), None, "exact", True) if d else None
    if kind in ("md", "dm", "range_md", "range_dm"):
        mon = _month(g["mon"])
        day = int(g["day"])
        wd = WEEKDAYS.get((g.get("wd") or "").lower())
        y = year or _infer_year(mon, day, ref, wd, future)
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
            mon2 = MONTHS.get((g.get("mon2") or "").lower().rstrip("."), mon)
            d2 = _safe(y, mon2, int(g["day2"]))
            if d2 is not None and d2 <= d and mon2 < mon:
                d2 = _safe(y + 1, mon2, int(g["day2"]))  # "December 30 to January 2"
            if d2 is None or d2 <= d:
                return None
            end = _iso(d2)
        return _iso(d), end, "exact", year is not None
    if kind == "month_year":
        return f"{int(g['year']):04d}-{_month(g['mon']):02d}", None, "month", True
    if kind == "month":
        if ref is None:
            return None
        mon = _month(g["mon"])
        y = ref.year
        if not future and mon > ref.month:
            y -= 1
        if future and mon < ref.month:
            y += 1
        return f"{y:04d}-{mon:02d}", None, "month", False
    if kind == "year_range":
        return g["year"], g["year2"], "year", True
    if kind in ("year", "year_adj"):
        return g["year"], None, "year", True
    if kind == "weekday":
        if ref is None:
            return None
        rel = (g.get("rel") or "on").lower()
        if rel in ("the",) and not m.string[m.end() : m.end() + 12].strip().startswith(
            ("event", "meeting", "session", "forum", "ceremony", "talks")
        ):
            return None
        d = _weekday_date(WEEKDAYS[g["wd"].lower()], ref, rel, future)
        return _iso(d), None, "weekday", False
    if kind == "deictic":
        if ref is None:
            return None
        w = g["deic"].lower()
        table: dict[str, str] = {
            "today": _iso(ref),
            "yesterday": _iso(ref - dt.timedelta(days=1)),
            "tomorrow": _iso(ref + dt.timedelta(days=1)),
            "this month": _add_months(ref, 0),
            "earlier this month": _add_months(ref, 0),
            "later this month": _add_months(ref, 0),
            "last month": _add_months(ref, -1),
            "next month": _add_months(ref, 1),
            "this year": str(ref.year),
            "earlier this year": str(ref.year),
            "later this year": str(ref.year),
            "last year": str(ref.year - 1),
            "next year": str(ref.year + 1),
            "this week": _add_months(ref, 0),
            "last week": _add_months(ref - dt.timedelta(days=7), 0),
            "next week": _add_months(ref + dt.timedelta(days=7), 0),
            "this weekend": _add_months(ref, 0),
        }
        return table[w], None, "deictic", False
    return None


@dataclass(frozen=True)
class Reference:
    """What relative dates are resolved against; `exact` is False when only a year is known."""

    date: dt.date | None
    exact: bool


def reference_date(published: str | None, text: str) -> Reference:
    """Publication date, else the text's first full date, else the year the text mentions most."""
    if published and len(published) == 10:
        try:
            return Reference(dt.date.fromisoformat(published), True)
        except ValueError:
            pass  # not a real date: fall back on the text
    for m in PATTERNS[0][1].finditer(text):
        d = _safe(int(m["year"]), int(m["m"]), int(m["day"]))
        if d:
            return Reference(d, True)
    for m in PATTERNS[3][1].finditer(text):
        if m["year"]:
            d = _safe(int(m["year"]), _month(m["mon"]), int(m["day"]))
            if d:
                return Reference(d, True)
    # a dateline's month and day ("HANOI, Oct. 21 (VNA)") with the year the text speaks of
    years = re.findall(r"(?<![\d-])(20\d{2})(?![\d-])", text)
    year = int(max(years, key=lambda y: (years.count(y), y))) if years else None
    dateline = re.search(rf"^[A-Z][A-Za-z .,'-]{{2,40}},\s+{_M}\s+(?P<day>\d{{1,2}})\b", text, re.M)
    if dateline and year:
        d = _safe(year, _month(dateline["mon"]), int(dateline["day"]))
        if d:
            return Reference(d, True)
    if year:
        return Reference(dt.date(year, 7, 1), False)
    return Reference(None, False)
