"""Which date mention of a sentence belongs to an event candidate (extract.timing.date_for)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from amity.annotate.dates import DateMention
from amity.annotate.document import Sentence
from amity.extract.events import Candidate
from amity.extract.timing import date_for
from amity.records import DocumentRecord

Run = Callable[..., DocumentRecord]
PUB = dt.date(2025, 5, 6)  # a Tuesday


def _date(text: str, trigger: str, etype: str = "meeting", ref: dt.date = PUB) -> DateMention | None:
    s = Sentence(0, 0, 0, len(text), text, (), ())
    i = text.index(trigger)
    return date_for(Candidate(etype, s, i, i + len(trigger), trigger, trigger.split()[-1]), ref)


def _value(text: str, trigger: str, etype: str = "meeting") -> str | None:
    m = _date(text, trigger, etype)
    return m.value if m else None


def test_a_future_day_and_month_is_dated_forward() -> None:
    text = "The two institutes will present the study in Perth on May 22 at a roundtable with lawmakers."
    assert _value(text, "roundtable", "conference") == "2025-05-22"


def test_a_past_weekday_in_a_sentence_with_a_conditional_looks_back() -> None:
    text = "Most students would like to study abroad, according to a survey released in Quito on Monday."
    assert _value(text, "survey released", "release") == "2025-05-05"


def test_an_abbreviated_month_does_not_end_the_clause() -> None:
    text = "Leaders are gathering in Lima today (Jan. 25) for the 12th Andean-Pacific Summit."
    m = _date(text, "Summit", "conference", dt.date(2018, 1, 25))
    assert m is not None and m.value == "2018-01-25"


def test_the_time_named_before_when() -> None:
    text = "The trip is the first by a head of state since 2009, when the late emir visited."
    assert _value(text, "visited", "visit") == "2009"


def test_an_earlier_occurrence_named_after_since() -> None:
    text = "He joins a list of presidents who have visited the islands since Jimmy Carter in 1978."
    assert _value(text, "visited", "visit") == "1978"
    text = "The visit will be her first to the islands since 2004."
    assert _value(text, "visit", "visit") is None  # 2004 is an earlier visit's year, not this one's


def test_the_date_of_a_statement_about_the_event_is_not_the_events() -> None:
    text = (
        "The utility has signed a development agreement with the government of Chile, according to a "
        "statement released by the company on Sunday."
    )
    assert _value(text, "signed a development agreement", "agreement") is None
    text = "The two ports signed a twinning agreement, the city said on Sunday."
    assert _value(text, "signed a twinning agreement", "agreement") is None
    text = "The two ports signed a twinning agreement on Sunday, the city said."
    assert _value(text, "signed a twinning agreement", "agreement") == "2025-05-04"


def test_a_concluded_visit_ends_on_the_day_named() -> None:
    m = _date("The president concluded his state visit to Hanoi on Sunday.", "state visit", "visit")
    assert m is not None and (m.value, m.end_value) == ("2025-05", "2025-05-04")
    m = _date("The president concluded his three-day state visit to Hanoi on Sunday.", "state visit", "visit")
    assert m is not None and (m.value, m.end_value) == ("2025-05-02", "2025-05-04")
    m = _date("The minister closed the two-day forum in Hanoi on Sunday.", "forum", "conference")
    assert m is not None and (m.value, m.end_value) == ("2025-05-03", "2025-05-04")
    assert _value("The minister closed the forum in Hanoi on Sunday.", "forum", "conference") == "2025-05-04"


def test_a_dateline_dates_the_report_not_the_event() -> None:
    text = "SEOUL, 4 May 2025 - The mayors met in the city hall."
    assert _value(text, "met", "meeting") is None


@pytest.mark.parametrize(
    ("body", "status", "date"),
    [
        ("The port authorities of Busan and Osaka will hold a joint seminar in Osaka on May 22.\n",
         "planned", "2025-05-22"),
        ("The port authorities of Busan and Osaka held a joint seminar in Osaka on April 22.\n",
         "occurred", "2025-04-22"),
    ],
)  # fmt: skip
def test_future_and_past_day_month_end_to_end(run: Run, body: str, status: str, date: str) -> None:
    rec = run(body, published="2025-05-06")
    [seminar] = [e for e in rec.events if e.type == "conference"]
    assert (seminar.status, seminar.date) == (status, date)


def test_publication_line_and_weekday_end_to_end(run: Run) -> None:
    rec = run(
        "PUBLISHED : 7 May 2025\n\nThe mayors of Busan and Fukuoka held talks in Busan on Monday on youth "
        "exchanges.\n",
        published="",
    )
    assert rec.published == "2025-05-07"
    [meeting] = [e for e in rec.events if e.type == "meeting"]
    assert meeting.date == "2025-05-05"
