"""Request bodies of the write API: every field checked (types, patterns, lengths), unknown keys refused."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints, field_validator

from amity.resolve.events import parse_interval
from amity.serve.params import COUNTRY_PATTERN, DATE_PATTERN, MAX_ID, EventType, Status
from amity.serve.params import Field as FieldName

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)]
LongText = Annotated[str, StringConstraints(max_length=200_000)]
@lru_cache(maxsize=1)
def known_codes() -> frozenset[str]:
    """ISO 3166-1 alpha-2 codes and the bloc codes of amity's gazetteer."""
    import pycountry

    blocs = json.loads(resources.files("amity").joinpath("data/places.json").read_text("utf-8"))["blocs"]
    return frozenset({c.alpha_2 for c in pycountry.countries} | set(blocs.values()) | {"XK"})


def _known(code: str) -> str:
    if code not in known_codes():
        raise ValueError(f"{code!r} is not an ISO 3166-1 alpha-2 country code or a bloc code")
    return code


Country = Annotated[
    str,
    StringConstraints(
        strip_whitespace=True, to_upper=True, pattern=COUNTRY_PATTERN, min_length=2, max_length=32
    ),
    AfterValidator(_known),
]
DateText = Annotated[str, StringConstraints(pattern=DATE_PATTERN)]
Acronym = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=30)]
Role = Literal["host", "guest", "signatory", "speaker", "organizer", "leader", "attendee"]
Salience = Literal["main", "mentioned"]
RecordId = Annotated[int, Field(ge=1, le=MAX_ID)]
STRICT = ConfigDict(extra="forbid")


def _real_date(value: str | None) -> str | None:
    if value is not None and parse_interval(value) is None:
        raise ValueError(f"{value!r} is not a calendar date")
    return value


class PlaceIn(BaseModel):
    model_config = STRICT
    name: Text | None = None
    country: Country | None = None


class EventFieldsIn(BaseModel):
    """Any of an event's fields; null clears name, dates, place, size and programme."""

    model_config = STRICT
    type: EventType | None = None
    status: Status | None = None
    salience: Salience | None = None
    name: Text | None = None
    date: DateText | None = None
    end_date: DateText | None = None
    place: PlaceIn | None = None
    countries: Annotated[list[Country], Field(max_length=40)] | None = None
    fields: Annotated[list[FieldName], Field(max_length=14)] | None = None
    size: Annotated[int, Field(ge=0, le=10_000_000)] | None = None
    program: Text | None = None

    _dates = field_validator("date", "end_date")(_real_date)

    def changes(self) -> dict[str, Any]:
        """The fields given, as JSON values (lists sorted and de-duplicated)."""
        out: dict[str, Any] = {}
        for name in self.model_fields_set & set(EventFieldsIn.model_fields):
            value = getattr(self, name)
            if isinstance(value, BaseModel):
                value = value.model_dump()
            if isinstance(value, list):
                value = sorted(set(value))
            out[name] = value
        return out

    def required_not_null(self) -> list[str]:
        return [
            k
            for k in ("type", "status", "salience", "countries", "fields")
            if k in self.model_fields_set and getattr(self, k) is None
        ]


class DocumentIn(BaseModel):
    """A text to keep with an event entered by hand (a report from the office's own files)."""

    model_config = STRICT
    text: Annotated[str, StringConstraints(min_length=1, max_length=200_000)]
    title: Text | None = None
    url: Annotated[str, StringConstraints(max_length=2000, pattern=r"^https?://")] | None = None
    published: DateText | None = None
    language: Annotated[str, StringConstraints(pattern=r"^[a-z]{2}$")] | None = None


class ParticipantIn(BaseModel):
    """A person on an event: an existing one (`person_id`) or a new one entered by hand (`name`)."""

    model_config = STRICT
    person_id: RecordId | None = None
    name: Text | None = None
    country: Country | None = None
    title: Text | None = None
    organization: Text | None = None
    role: Role | None = None


class OrganizationIn(BaseModel):
    """An organization on an event: an existing one (`org_id`) or a new one (`name`)."""

    model_config = STRICT
    org_id: RecordId | None = None
    name: Text | None = None
    acronym: Acronym | None = None
    country: Country | None = None
    role: Role | None = None


class EventIn(EventFieldsIn):
    """An event entered by hand: its type is required, status defaults to occurred, salience to main."""

    type: EventType  # type: ignore[assignment]
    document: DocumentIn | None = None
    participants: Annotated[list[ParticipantIn], Field(max_length=200)] = []
    organizations: Annotated[list[OrganizationIn], Field(max_length=200)] = []

    def values(self) -> dict[str, Any]:
        return self.changes()


class LinkPatch(BaseModel):
    model_config = STRICT
    title: Text | None = None
    role: Role | None = None


class MergeIn(BaseModel):
    """Merge record `other` into this one; `preview` answers with the result without keeping it."""

    model_config = STRICT
    other: RecordId
    preview: bool = False


class SplitIn(BaseModel):
    """Split report `idx` of document `document_id` off this event; `preview` keeps nothing."""

    model_config = STRICT
    document_id: RecordId
    idx: Annotated[int, Field(ge=0, le=100_000)]
    preview: bool = False


Aliases = Annotated[list[Text], Field(max_length=100)]


class PersonIn(BaseModel):
    model_config = STRICT
    name: Text
    country: Country | None = None
    aliases: Aliases | None = None


class PersonPatch(BaseModel):
    model_config = STRICT
    name: Text | None = None
    country: Country | None = None
    aliases: Aliases | None = None


class OrgIn(PersonIn):
    acronym: Acronym | None = None


class OrgPatch(PersonPatch):
    acronym: Acronym | None = None


class ProgramPatch(BaseModel):
    """A programme's name, other names, and notes on its history ('1999-2019, hiatus, resumed 2024')."""

    model_config = STRICT
    name: Text | None = None
    aliases: Aliases | None = None
    notes: Annotated[str, StringConstraints(max_length=5000)] | None = None


def given(model: BaseModel) -> dict[str, Any]:
    """The fields a patch body gives (lists de-duplicated, in order)."""
    out = {}
    for name in model.model_fields_set:
        value = getattr(model, name)
        out[name] = list(dict.fromkeys(value)) if isinstance(value, list) else value
    return out
