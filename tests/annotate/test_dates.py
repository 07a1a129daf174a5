"""Date expressions resolved against a reference date."""

from __future__ import annotations

import datetime as dt

import pytest

from amity.annotate.dates import find_dates, reference_date

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


def test_inexact_reference_leaves_relative_days_unresolved() -> None:
    ref = reference_date(None, "The 2024 forum opened. It was first held in 2018.")
    assert ref.exact is False and ref.date is not None and ref.date.year == 2024
    assert values("The forum met on Tuesday.", ref.date, exact=False) == []


def test_reference_prefers_publication_date() -> None:
    ref = reference_date("2024-08-01", "Something happened on 2020-01-01.")
    assert ref.date == dt.date(2024, 8, 1) and ref.exact


def test_numbers_that_are_not_dates_are_ignored() -> None:
    assert values("The deal is worth $6.5 billion and involves 50 aircraft.") == []


def test_a_range_across_the_new_year() -> None:
    assert values("The camp runs from December 30 to January 2, 2025.", dt.date(2024, 12, 1)) == [
        ("2024-12-30", "2025-01-02")
    ]
