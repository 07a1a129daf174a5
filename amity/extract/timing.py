"""When an event happened: the date mention that belongs to a trigger's clause."""

from __future__ import annotations

import datetime as dt
import re

from amity.annotate.dates import DateMention, find_dates
from amity.extract.events import Candidate, clause_text, status_of
from amity.ingest.clean import DATELINE


def date_for(c: Candidate, ref: dt.date | None, exact: bool = True) -> DateMention | None:
    s = c.sentence
    future = status_of(c, None) == "planned"
    mentions = find_dates(s.text, ref, future=future, exact=exact)
    dateline = DATELINE.match(s.text)
    if dateline:  # the dateline dates the report, not the event
        mentions = [m for m in mentions if m.start >= dateline.end()]
    if not mentions:
        return None
    rel = c.trigger_start - s.start
    # prefer a date in the trigger's clause, nearest to the trigger
    clause = clause_text(s, c.trigger_start, c.trigger_end)
    c0 = s.text.find(clause)
    inside = [m for m in mentions if c0 <= m.start < c0 + len(clause)]
    if not inside:
        # "since 2014, when the late Sultan visited": the time named just before 'when'
        lead = s.text[:c0].rstrip()
        if re.search(r",?\s*when$", lead):
            inside = [m for m in mentions if 0 <= c0 - m.end <= 8]
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
    return min(finer, key=lambda m: abs(m.start - rel)) if finer else best
