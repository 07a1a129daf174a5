"""When an event happened: the date mention that belongs to a trigger's clause."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from functools import cache

from amity.annotate.dates import DateMention, duration_days, find_dates
from amity.data_files import load_json
from amity.extract.events import Candidate, clause_text, status_of
from amity.ingest.clean import DATELINE


@cache
def _abbreviation_dot() -> re.Pattern[str]:
    """A period that ends an abbreviation ("Jan. 25", "Marcos Jr. and", "U.S. envoy"): no clause end."""
    words = "|".join(re.escape(w) for w in load_json("boilerplate.json")["abbreviations"])
    return re.compile(rf"\b(?:{words}|[A-Z]|[A-Z]\.[A-Z])\.(?=\s)")


# the date of a report, not of what it reports: "..., according to a statement released on Sunday"
_ATTRIBUTION = re.compile(
    r"(?:\baccording to|,\s*[^,;]{0,40}\b(?:said|says|told|reported|announced))\b[^,;]{0,80}$", re.I
)
# "concluded his state visit on Sunday": the day is the event's last
_ENDS = re.compile(
    r"\b(?:concluded|concludes|wrapped up|wraps up|ended|ends|winds up|wound up|closed|closes|"
    r"rounded off|completed|completes)\s+(?:(?:his|her|their|its|a|the)\s+)?(?:[\w-]+\s+){0,3}$",
    re.I,
)


def _clause(c: Candidate) -> tuple[int, str]:
    """(offset, text) of the trigger's clause in the sentence, abbreviation periods not breaking it."""
    s = c.sentence
    # the period becomes a one-dot leader: same length, so offsets hold
    masked = _abbreviation_dot().sub(lambda m: m.group()[:-1] + "\u2024", s.text)
    clause = clause_text(dataclasses.replace(s, text=masked), c.trigger_start, c.trigger_end)
    c0 = masked.find(clause)
    return c0, s.text[c0 : c0 + len(clause)]


# 'upon his arrival to take part in the summit, on Tuesday', 'flew to Kazan for the summit on Monday':
# the day is the journey's, and the summit it is for may have begun before or after it
_TRIP_FOR = re.compile(
    r"\b(?:arriv(?:al|ed|es|ing)|travel(?:s|led|ed|ling|ing)?|flew|flies|flying|head(?:s|ed|ing)|"
    r"left|leaves|depart(?:s|ed|ing|ure))\b[^.;]{0,60}?\b(?:to (?:attend|participate in|take part in|join)|"
    r"for)\s+(?:the\s+|a\s+|this\s+year's\s+)?(?:[\w&'’-]+\s+){0,6}$",
    re.I,
)

_JOURNEY = re.compile(
    r"\b(?:arriv(?:ed|es|ing)|travel(?:s|led|ed|ling|ing)?|flew|flies|head(?:s|ed|ing)|left|leaves|"
    r"depart(?:s|ed|ing)|set(?:s)? off)\s+(?:for|to|in)\b[^.;,]{0,60}$",
    re.I,
)


def date_for(c: Candidate, ref: dt.date | None, exact: bool = True) -> DateMention | None:
    s = c.sentence
    rel = c.trigger_start - s.start
    if c.type == "conference" and _TRIP_FOR.search(s.text[max(0, rel - 120) : rel]):
        return None
    # a date's own verb sets the direction it is read in ("will present the survey on May 22"); the
    # event's status is the fallback when no verb tells
    future = status_of(c, None) == "planned"
    mentions = find_dates(s.text, ref, future=future, exact=exact)
    if c.type == "conference":
        # 'leaves for the G20 in India on Thursday, aiming to ... at a summit': the journey's day (a month,
        # 'flew to Riyadh in May where he attended the summit', is both's)
        mentions = [
            m
            for m in mentions
            if m.start > rel
            or len(m.value) < 10
            or not _JOURNEY.search(s.text[max(0, m.start - 80) : m.start])
        ]
    dateline = DATELINE.match(s.text)
    if dateline:  # the dateline dates the report, not the event
        mentions = [m for m in mentions if m.start >= dateline.end()]
    if not mentions:
        return None
    rel = c.trigger_start - s.start
    rel_end = c.trigger_end - s.start
    # prefer a date in the trigger's clause, nearest to the trigger
    c0, clause = _clause(c)
    inside = [m for m in mentions if c0 <= m.start < c0 + len(clause)]
    if not inside:
        # "since 2014, when the late Sultan visited": the time named just before 'when'
        lead = s.text[:c0].rstrip()
        if re.search(r",?\s*when$", lead) or re.match(r"when\b", clause):
            gap = 8 if not clause.startswith("when") else 3
            inside = [m for m in mentions if 0 <= c0 - m.end <= gap]
    if not inside:
        # "presidents who have visited Vietnam since Bill Clinton in 2000": the first such visit's year; not
        # "the first visit since 2004" (the year of an earlier visit, not this one)
        tail = s.text[c0 + len(clause) :]
        if re.match(r"\s*since\s+(?:[A-Z][\w.’'-]*\s+){1,4}in\s", tail) and not re.search(
            r"\bfirst\b", clause
        ):
            inside = [m for m in mentions if 0 <= m.start - (c0 + len(clause)) <= 30]
    # "signed an agreement, according to a statement released on Sunday": the statement's day
    inside = [m for m in inside if not (m.start > rel_end and _ATTRIBUTION.search(s.text[rel_end : m.start]))]
    if not inside:
        return None
    # a time expression usually follows what it dates ("the visit to France back in March")
    best = min(inside, key=lambda m: (m.start - rel) if m.start >= rel else 2 * (rel - m.end))
    # "in 2018 ... back in March": a more precise date that agrees with the nearest one refines it
    finer = [
        m
        for m in inside
        if len(m.value) > len(best.value) and m.value.startswith(best.value) and abs(m.start - rel) <= 80
    ]
    chosen = min(finer, key=lambda m: abs(m.start - rel)) if finer else best
    return _as_end(chosen, s.text[max(0, rel - 60) : rel], s.text[chosen.start : chosen.end], c.type)


def _as_end(m: DateMention, lead: str, written: str, etype: str) -> DateMention:
    """'concluded his four-day visit on Sunday': the day is the last; the first is counted back from a
    duration, else (a trip, which lasts days) only the month is known."""
    if (
        len(m.value) != 10
        or re.search(r"\d\s*(?:-|–|to|through|until|and)\s*\w", written)
        or not _ENDS.search(lead)
    ):
        return m
    last = dt.date.fromisoformat(m.value)
    days = duration_days(lead)
    if days:
        first = last - dt.timedelta(days=days - 1)
        return DateMention(m.start, m.end, first.isoformat(), m.value, m.kind, m.explicit_year)
    if etype != "visit":
        return m  # "closed the forum on Friday": a one-day event may end the day it began
    return DateMention(m.start, m.end, m.value[:7], m.value, m.kind, m.explicit_year)
