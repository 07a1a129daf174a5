"""JSON Schema of the record `DocumentRecord.to_dict()` emits, generated with pydantic.

The TypedDicts below mirror `amity.records` key by key (the tests check that they stay in step);
`record_schema()` turns them into a JSON Schema (draft 2020-12) that forbids unknown keys.
"""

from __future__ import annotations

from functools import cache
from typing import Annotated, Any, Literal, NotRequired

from pydantic import ConfigDict, StringConstraints, TypeAdapter, with_config
from typing_extensions import TypedDict  # pydantic needs it on Python < 3.12

ISODate = Annotated[str, StringConstraints(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")]
Country = Annotated[str, StringConstraints(pattern=r"^([A-Z]{2}|[A-Z][A-Z0-9_]{2,})$")]
EventType = Literal["agreement", "meeting", "visit", "conference", "program", "release"]
Status = Literal["occurred", "planned", "historical"]
Salience = Literal["main", "mentioned"]
Role = Literal["host", "guest", "signatory", "speaker", "organizer", "leader", "attendee"]
Field = Literal[
    "culture", "education", "youth", "sports", "media", "tourism", "economy",
    "environment", "science", "health", "governance", "security", "heritage", "people",
]
_STRICT = ConfigDict(extra="forbid")


@with_config(_STRICT)
class SpanDict(TypedDict):
    start: int
    end: int


@with_config(_STRICT)
class PlaceDict(TypedDict):
    name: str | None
    country: Country | None
    warning: NotRequired[str]


@with_config(_STRICT)
class OrganizationDict(TypedDict):
    name: str
    acronym: str | None
    country: Country | None
    role: Role | None


@with_config(_STRICT)
class PersonDict(TypedDict):
    name: str | None
    title: str | None
    organization: str | None
    country: Country | None
    role: Role | None


@with_config(_STRICT)
class EventDict(TypedDict):
    type: EventType
    status: Status
    salience: Salience
    name: str | None
    date: ISODate | None
    end_date: ISODate | None
    place: PlaceDict | None
    countries: list[Country]
    organizations: list[OrganizationDict]
    participants: list[PersonDict]
    fields: list[Field]
    size: int | None
    program: str | None
    evidence: list[SpanDict]
    cameo: list[Annotated[str, StringConstraints(pattern=r"^\d{2,4}$")]]
    plover: str | None
    trigger: str | None
    warnings: NotRequired[list[str]]


@with_config(_STRICT)
class DocumentRecordDict(TypedDict):
    doc: str
    title: str | None
    published: ISODate | None
    language: str | None
    events: list[EventDict]
    participants: list[PersonDict]
    organizations: list[OrganizationDict]
    warnings: NotRequired[list[str]]


@cache
def _adapter() -> TypeAdapter[DocumentRecordDict]:
    return TypeAdapter(DocumentRecordDict)


def record_schema() -> dict[str, Any]:
    """The JSON Schema of one output record (a fresh dict each call)."""
    schema = _adapter().json_schema(mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "amity document record"
    schema["description"] = "One line of `amity extract` output: DocumentRecord.to_dict()."
    return schema


def validate_record(record: dict[str, Any]) -> None:
    """Raise pydantic.ValidationError when `record` does not fit the schema."""
    _adapter().validate_python(record, strict=True)
