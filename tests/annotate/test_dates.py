"""Date expressions resolved against a reference date; the reference itself; publication lines."""

from __future__ import annotations

import datetime as dt

import pytest

from amity.annotate.dates import ApproximateDate, find_dates, reference_date, tense_at
from amity.ingest.clean import analyse_text
from amity.ingest.meta import find_date, is_date_line

REF = dt.date(2025, 3, 14)  # a Friday


def values(text: str, ref: dt.date | None = REF, **kw: bool) -> list[tuple[str, str | None]]:
    return [(m.value, m.end_value) for m in find_dates(text, ref, **kw)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The two centres signed the memorandum on March 11.", [("2025-03-11", None)]),
        ("They met on Tuesday in Hanoi.", [("2025-03-11", None)]),
        ("The mayors met again on Friday.", [("2025-03-14", None)]),
        ("The forum was held on June 21st, 2024.", [("2024-06-21", None)]),
        ("Talks were held in Hanoi on Nov. 2, 2024.", [("2024-11-02", None)]),
        ("The camp runs from August 4th to 8th, 2024.", [("2024-08-04", "2024-08-08")]),
        ("The cities signed a friendship agreement in 1992.", [("1992", None)]),
        ("The programme was conducted from 1999 to 2019.", [("1999", "2019")]),
        ("The delegation met the minister today.", [("2025-03-14", None)]),
        ("It was resumed this year after a long pause.", [("2025", None)]),
        ("Officials met on Monday, September 23, 2024, in Seoul.", [("2024-09-23", None)]),
        ("The report appeared 2024-05-27 on the website.", [("2024-05-27", None)]),
    ],
)
def test_resolves_common_news_forms(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert values(text) == expected


def test_month_without_year_in_the_past_takes_the_previous_year() -> None:
    assert values("The minister visited Kuala Lumpur in June.") == [("2024-06", None)]


def test_planned_weekday_looks_forward() -> None:
    assert values("The delegation will arrive on Tuesday.", future=True) == [("2025-03-18", None)]


def test_duration_gives_an_end_date() -> None:
    assert values("He began a four-day state visit on Sunday.") == [("2025-03-09", "2025-03-12")]


def test_weekday_and_month_day_pick_a_year_that_fits() -> None:
    # Monday, September 23 is a Monday in 2024, not in 2025
    ref = reference_date(None, "Officials met on Monday, September 23, at the ministry in 2024.")
    assert values("Officials met on Monday, September 23.", ref.date, exact=ref.exact) == [
        ("2024-09-23", None)
    ]


def test_inexact_reference_gives_relative_days_only_their_year() -> None:
    ref = reference_date(None, "The 2024 forum opened. It was first held in 2018.")
    assert ref.exact is False and ref.date is not None and ref.date.year == 2024
    assert values("The forum met on Tuesday.", ref.date, exact=False) == [("2024", None)]
    assert values("The envoys talked last week.", ref.date, exact=False) == [("2024", None)]
    assert values("They will meet again next year.", ref.date, exact=False) == [("2025", None)]
    assert values("The mayors met in June.", ref.date, exact=False) == []  # which June is not known


def test_reference_prefers_publication_date() -> None:
    ref = reference_date("2024-08-01", "Something happened on 2020-01-01.")
    assert ref.date == dt.date(2024, 8, 1) and ref.exact


def test_numbers_that_are_not_dates_are_ignored() -> None:
    assert values("The deal is worth $6.5 billion and involves 50 aircraft.") == []


def test_a_range_across_the_new_year() -> None:
    assert values("The camp runs from December 30 to January 2, 2025.", dt.date(2024, 12, 1)) == [
        ("2024-12-30", "2025-01-02")
    ]


# the tense of the verb that governs a date sets the direction it is read in

PUB = dt.date(2025, 5, 6)  # a Tuesday


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a day and month with no year: forward for a future verb, back for a past one
        ("The two institutes will present the study in Perth on May 22.", "2025-05-22"),
        ("The two institutes presented the study in Perth on May 22.", "2024-05-22"),
        ("The memorandum is to be signed on April 30.", "2026-04-30"),
        ("The memorandum was signed on April 30.", "2025-04-30"),
        # weekdays: the nearest day with that name, on the side the tense says
        ("The governor will fly to Lima on Friday.", "2025-05-09"),
        ("The governor flew to Lima on Friday.", "2025-05-02"),
        ("The exhibition is scheduled to open on Thursday.", "2025-05-08"),
        ("The two sides agreed to hold a second round of talks on Thursday.", "2025-05-08"),
        ("The report, released on Monday, says most students would like to study abroad.", "2025-05-05"),
        ("Most students would like to study abroad, according to a report released on Monday.", "2025-05-05"),
        ("The festival will be held on Tuesday.", "2025-05-06"),
        ("The mayors met on Tuesday.", "2025-05-06"),
        ("They met last Tuesday.", "2025-04-29"),
        ("They will meet next Tuesday.", "2025-05-13"),
        # a month alone
        ("The choir will tour Busan in June.", "2025-06"),
        ("The choir toured Busan in June.", "2024-06"),
        ("The envoy visited Quito last June.", "2024-06"),
    ],
)
def test_direction_follows_the_tense(text: str, expected: str) -> None:
    assert [v for v, _ in values(text, PUB)] == [expected]


def test_each_date_of_a_sentence_takes_its_own_verb() -> None:
    text = "The delegation, which arrived on Sunday, will meet the governor on Wednesday."
    assert [v for v, _ in values(text, PUB)] == ["2025-05-04", "2025-05-07"]


def test_tense_cues() -> None:
    text = "They will meet on Friday."
    assert tense_at(text, text.index("on Friday")) == 1
    text = "They met on Friday."
    assert tense_at(text, text.index("on Friday")) == -1
    text = "On Friday, the delegation will tour the port."
    assert tense_at(text, 0, len("On Friday")) == 1  # no verb before: the first after, in its clause
    text = "A forum themed on green ports will open on Friday."
    assert tense_at(text, text.index("on Friday")) == 1  # an adjectival participle tells no tense


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The ministers met last week in Rabat.", "2025-04"),
        ("The ministers met earlier this month.", "2025-05"),
        ("The ministers will meet later this month.", "2025-05"),
        ("The two cities will sign the pact next year.", "2026"),
        ("The cities signed the pact last year.", "2024"),
        ("The envoys met earlier this year.", "2025"),
        ("The envoys will meet next month.", "2025-06"),
        ("The envoys met last month.", "2025-04"),
        ("The first round was held two years ago.", "2023"),
        ("The first round was held three days ago.", "2025-05-03"),
        ("Both leaders met over the weekend.", "2025-05"),
        ("The leaders met at the June summit.", "2024-06"),
    ],
)
def test_relative_expressions(text: str, expected: str) -> None:
    assert [v for v, _ in values(text, PUB)] == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Retailers expect strong Black Friday sales.",
        "The council meets every Monday.",
        "The Sunday Times said so.",
    ],
)
def test_weekday_names_that_are_not_dates(text: str) -> None:
    assert values(text, PUB) == []


def test_year_ranges() -> None:
    assert values("Volunteers served in the country from 1966-1981.") == [("1966", "1981")]
    assert values("Volunteers served in the country from 1966-81.") == [("1966", "1981")]
    assert values("The budget for 2024-25 was approved.") == [("2024", "2025")]


# the reference date when the page has no publication line


def test_reference_from_a_caption_date_the_text_confirms() -> None:
    text = (
        "Leaders shake hands in Lima on Thursday, May 16, 2024.\n"
        "The two presidents held talks on Thursday and signed a statement."
    )
    ref = reference_date(None, text)
    assert ref.exact and ref.date == dt.date(2024, 5, 16) and not isinstance(ref.date, ApproximateDate)
    assert values("The two presidents held talks on Thursday.", ref.date) == [("2024-05-16", None)]


def test_reference_from_a_text_date_the_weekdays_contradict_is_good_for_its_month_only() -> None:
    text = (
        "The minister attends a summit in Doha on Oct. 24, 2024.\n"
        "The president hosted his counterpart on Tuesday at the palace."
    )
    ref = reference_date(None, text)
    assert isinstance(ref.date, ApproximateDate) and ref.date.month == 10
    assert values("The president hosted his counterpart on Tuesday.", ref.date) == [("2024", None)]
    assert values("The two envoys met last month.", ref.date) == [("2024-09", None)]


def test_a_file_photo_gives_the_year_only() -> None:
    text = (
        "The minister speaks at a forum in this file photo taken on August 26, 2024.\n"
        "Officials took part in a regional forum held from November 21 to 22."
    )
    ref = reference_date(None, text)
    assert not ref.exact and ref.date is not None and ref.date.year == 2024
    assert values("They took part in a forum held from November 21 to 22.", ref.date, exact=ref.exact) == [
        ("2024-11-21", "2024-11-22")
    ]


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("The 2024 Regional Youth Forum opened. It was first held in 2018.", 2024),
        ("Emissions should fall by 2030. The 2024 election changed the plans. Bar exam 2024: results", 2024),
        ("The ASEAN Summit 2023 ended. The Vision 2045 plan was discussed in November 2023.", 2023),
        ("He served two terms, from 2003 to 2010.", None),  # a range is background, not the text's year
    ],
)
def test_year_inferred_from_the_texts_dates_and_editions(text: str, year: int | None) -> None:
    ref = reference_date(None, text)
    assert (ref.date.year if ref.date else None) == year
    assert not ref.exact


# publication lines at the top of a page


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("PUBLISHED : 20 Nov 2024", "2024-11-20"),
        ("Wed, April 3, 2024", "2024-04-03"),
        ("19 Nov 2024 at 09:12", "2024-11-19"),
        ("April 3, 2024 | 10:05 AM KST", "2024-04-03"),
        ("08:40, 2024-04-03", "2024-04-03"),
        ("First published on 3 April 2024, 10:15 GMT+7", "2024-04-03"),
    ],
)
def test_publication_lines(line: str, iso: str) -> None:
    assert is_date_line(line) and find_date(line) == iso
    text = f"Skip to main content\nTwo port cities sign a pact\npublished :\n{line}\n\nThe mayors met on Monday.\n"
    _, _, published = analyse_text(text)
    assert published == iso


def test_a_sentence_with_a_date_is_not_a_publication_line() -> None:
    assert not is_date_line("The two mayors signed the pact on April 3, 2024 in Busan.")
