"""Query parameters shared by the list, stats and export endpoints, parsed into an `EventFilter`."""

from __future__ import annotations

from dataclasses import replace
from typing import Annotated, Literal

from fastapi import Query
from pydantic import StringConstraints

from amity.errors import InputError
from amity.records import EVENT_TYPES, FIELDS, STATUSES
from amity.serve.errors import ApiError
from amity.store.inputs import DATE_PATTERN, check_countries, check_date, country_pattern
from amity.store.interface import EventFilter

EventType = Literal["agreement", "meeting", "visit", "conference", "program", "release"]
Status = Literal["occurred", "planned", "historical"]
Field = Literal[
    "culture", "education", "youth", "sports", "media", "tourism", "economy",
    "environment", "science", "health", "governance", "security", "heritage", "people",
]
Sort = Literal["date", "-date", "type", "-n_sources", "id"]

# a known ISO 3166-1 alpha-2 code or a bloc code (ASEAN, EU, INTL), any case; empty means no filter.
# Declared in the schema; checked by check_countries (which names the codes a wrong value may mean).
COUNTRY_PATTERN = country_pattern()
MAX_COUNTRY = 40
MAX_LIMIT = 500
MAX_TEXT = 200
MAX_ID = 2**63 - 1  # the registry's ids are signed 64-bit integers
CountryCode = Annotated[str, StringConstraints(max_length=MAX_COUNTRY)]

assert set(EventType.__args__) == set(EVENT_TYPES)  # type: ignore[attr-defined]
assert set(Status.__args__) == set(STATUSES)  # type: ignore[attr-defined]
assert set(Field.__args__) == set(FIELDS)  # type: ignore[attr-defined]


def invalid(param: str, error: InputError) -> ApiError:
    """A check of amity.store.inputs failing on a query parameter, as a 422 naming the parameter."""
    return ApiError(422, "validation_error", str(error),
                    [{"loc": ["query", param], "type": "value_error", "msg": str(error)}])


def normalise_countries(values: list[str]) -> tuple[str, ...]:
    """Known country or bloc codes, upper-cased, de-duplicated; at most two (a pair). A name or an
    unknown code is refused with the codes it may mean (the CLI's check)."""
    try:
        return check_countries([v[:80] for v in values], "country")
    except InputError as e:
        raise invalid("country", e) from e


def checked_date(param: str, value: str | None) -> str | None:
    try:
        return check_date(value, param)
    except InputError as e:
        raise invalid(param, e) from e


def _blank_to_none(value: str | None) -> str | None:
    if value is None:
        return None
    value = value.strip()
    return value or None


# checked by check_date (one message for every wrong date, with the accepted forms); the schema
# declares the same dates as a pattern
DateParam = Annotated[str | None, Query(
    max_length=MAX_TEXT, description="YYYY[-MM[-DD]], inclusive; a real date",
    json_schema_extra={"pattern": DATE_PATTERN})]


def event_filter(
    type: Annotated[EventType | None, Query(description="event type")] = None,
    status: Annotated[Status | None, Query(description="occurred, planned or historical")] = None,
    country: Annotated[list[CountryCode], Query(
        max_length=2, json_schema_extra={"items": {"type": "string", "pattern": COUNTRY_PATTERN}},
        description="ISO 3166-1 alpha-2 or bloc code; repeat it for a pair: ?country=CN&country=KR")] = [],  # noqa: B006
    field: Annotated[Field | None, Query(description="field of cooperation")] = None,
    program: Annotated[str | None, Query(max_length=MAX_TEXT, description="programme name substring")] = None,
    person: Annotated[int | None, Query(ge=1, le=MAX_ID, description="person id")] = None,
    org: Annotated[int | None, Query(ge=1, le=MAX_ID, description="organization id")] = None,
    place: Annotated[str | None, Query(max_length=MAX_TEXT, description="place name or country")] = None,
    since: DateParam = None,
    until: DateParam = None,
    q: Annotated[str | None, Query(max_length=MAX_TEXT, description="full-text search")] = None,
    sort: Annotated[Sort, Query(description="sort order")] = "-date",
) -> EventFilter:
    return EventFilter(
        type=type, status=status, countries=normalise_countries(country), field=field,
        program=_blank_to_none(program), person_id=person, org_id=org, place=_blank_to_none(place),
        since=checked_date("since", since), until=checked_date("until", until), q=_blank_to_none(q),
        sort=sort,
    )


def paged(f: EventFilter, limit: int, offset: int) -> EventFilter:
    return replace(f, limit=limit, offset=offset)


Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"page size, 1 to {MAX_LIMIT}")]
Offset = Annotated[int, Query(ge=0, le=10_000_000, description="rows to skip")]
