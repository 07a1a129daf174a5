"""Hand-built documents and records for registry tests: articles written here, events prepared."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import Any

from amity.records import (
    Document,
    DocumentRecord,
    Event,
    Organization,
    Person,
    Place,
    Span,
    record_from_dict,  # noqa: F401 - tests build records from spec JSON
)


def make_doc(
    name: str, text: str, published: str | None = "2024-05-28", source: str | None = None
) -> Document:
    return Document(
        doc=name,
        text=text,
        source=source or f"/news/{name}",
        title=text.split("\n", 1)[0],
        published=published,
        language="en",
        content_hash=hashlib.sha256(text.encode()).hexdigest(),
        fmt="txt",
    )


def person(
    name: str | None,
    title: str | None = None,
    org: str | None = None,
    country: str | None = None,
    role: str | None = None,
) -> Person:
    return Person(name=name, title=title, organization=org, country=country, role=role)


def event(
    type: str = "meeting",
    date: str | None = "2024-05-27",
    *,
    status: str = "occurred",
    salience: str = "main",
    name: str | None = None,
    end_date: str | None = None,
    place: tuple[str | None, str | None] | None = None,
    countries: Sequence[str] = (),
    people: Sequence[Person] = (),
    orgs: Sequence[Organization] = (),
    fields: Sequence[str] = (),
    program: str | None = None,
    size: int | None = None,
    evidence: Sequence[tuple[int, int]] = (),
) -> Event:
    return Event(
        type=type,
        status=status,
        salience=salience,
        name=name,
        date=date,
        end_date=end_date,
        place=Place(*place) if place else None,
        countries=tuple(sorted(countries)),
        organizations=tuple(orgs),
        participants=tuple(people),
        fields=tuple(sorted(fields)),
        size=size,
        program=program,
        evidence=tuple(Span(a, b) for a, b in evidence),
    )


def record(
    doc: Document,
    events: Sequence[Event] = (),
    people: Sequence[Person] = (),
    orgs: Sequence[Organization] = (),
) -> DocumentRecord:
    return DocumentRecord(
        doc=doc.doc,
        title=doc.title,
        published=doc.published,
        language=doc.language,
        events=tuple(events),
        participants=tuple(people),
        organizations=tuple(orgs),
    )


def span_of(text: str, sentence: str) -> tuple[int, int]:
    start = text.index(sentence)
    return start, start + len(sentence)




class TableExtractor:
    """A fake extractor answering from prepared records keyed by document name."""

    def __init__(self, records: dict[str, dict[str, Any]]) -> None:
        self.records = records
        self.calls = 0

    def extract(self, doc: Document) -> DocumentRecord:
        self.calls += 1
        d = self.records.get(doc.doc)
        if d is None:
            return DocumentRecord(
                doc=doc.doc, title=doc.title, published=doc.published, language=doc.language
            )
        return record_from_dict(d)
