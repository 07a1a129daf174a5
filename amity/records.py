"""Records passed between pipeline stages: frozen dataclasses, serialised to the spec's JSON."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

EVENT_TYPES = ("agreement", "meeting", "visit", "conference", "program", "release")
STATUSES = ("occurred", "planned", "historical")
SALIENCES = ("main", "mentioned")
ROLES = ("host", "guest", "signatory", "speaker", "organizer", "leader", "attendee")
FIELDS = (
    "culture", "education", "youth", "sports", "media", "tourism", "economy",
    "environment", "science", "health", "governance", "security", "heritage", "people",
)


@dataclass(frozen=True)
class Document:
    """A document as read: `text` is what evidence offsets point into."""

    doc: str                      # base file name (or the JSONL line's id)
    text: str
    source: str = ""              # path or URL it came from
    title: str | None = None
    published: str | None = None  # ISO date from metadata, when the container gives one
    language: str | None = None
    content_hash: str = ""
    fmt: str = "txt"              # txt, html, jsonl
    mask: tuple[tuple[int, int], ...] = ()  # boilerplate spans (offsets into text) to ignore
    warnings: tuple[str, ...] = ()  # what was uncertain in reading it (bad bytes replaced, a page cut short)


# Why a document was skipped; `amity ingest` and `amity extract` name these on standard error.
SKIP_REASONS: dict[str, str] = {
    "empty": "the file (or JSON Lines record) has no text",
    "binary": "a binary format (PDF, image, archive, executable...) or control bytes text never has",
    "undecodable": "no character encoding reads the bytes as text",
    "unknown-format": "a file extension amity does not read",
    "too-large": "over the size limit",
    "unreadable": "the file or folder cannot be opened or listed (permissions, I/O error)",
    "not-a-file": "a FIFO, device, socket or folder where a file was expected",
    "broken-link": "a symbolic link to nothing",
    "link-loop": "a symbolic link that leads back to itself or to a folder being read",
    "bad-json": "a JSON Lines line that is not a JSON object (or nests too deep)",
    "bad-html": "a page the HTML parser could not read",
    "no-text": "only page furniture (menus, links, footers)",
    "not-a-response": "a WARC record that is not an HTTP response (request, metadata, warcinfo...)",
    "http-status": "a WARC response whose HTTP status is not a success",
    "not-html": "a WARC response that is not an HTML page",
    "read-failed": "reading failed unexpectedly",
    "extract-failed": "the extractor failed on the document",
    "store-failed": "the registry could not store the document",
}


@dataclass(frozen=True)
class Skip:
    """A document that could not be read, and why."""

    source: str
    reason: str
    detail: str = ""
    content_hash: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source, "reason": self.reason, "detail": self.detail}


@dataclass(frozen=True)
class Span:
    start: int
    end: int

    def to_dict(self) -> dict[str, int]:
        return {"start": self.start, "end": self.end}


@dataclass(frozen=True)
class Place:
    name: str | None
    country: str | None
    warning: str | None = None

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"name": self.name, "country": self.country}
        if self.warning:
            d["warning"] = self.warning
        return d


@dataclass(frozen=True)
class Organization:
    name: str
    acronym: str | None = None
    country: str | None = None
    role: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "acronym": self.acronym, "country": self.country, "role": self.role}


@dataclass(frozen=True)
class Person:
    name: str | None
    title: str | None = None
    organization: str | None = None
    country: str | None = None
    role: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name, "title": self.title, "organization": self.organization,
            "country": self.country, "role": self.role,
        }


@dataclass(frozen=True)
class Event:
    type: str
    status: str
    salience: str
    name: str | None = None
    date: str | None = None
    end_date: str | None = None
    place: Place | None = None
    countries: tuple[str, ...] = ()
    organizations: tuple[Organization, ...] = ()
    participants: tuple[Person, ...] = ()
    fields: tuple[str, ...] = ()
    size: int | None = None
    program: str | None = None
    evidence: tuple[Span, ...] = ()
    trigger: str | None = None
    warnings: tuple[str, ...] = ()

    @property
    def cameo(self) -> list[str]:
        return list(CAMEO[self.type])

    @property
    def plover(self) -> str | None:
        return PLOVER[self.type]

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "type": self.type, "status": self.status, "salience": self.salience, "name": self.name,
            "date": self.date, "end_date": self.end_date,
            "place": self.place.to_dict() if self.place else None,
            "countries": sorted(self.countries),
            "organizations": [o.to_dict() for o in self.organizations],
            "participants": [p.to_dict() for p in self.participants],
            "fields": sorted(self.fields), "size": self.size, "program": self.program,
            "evidence": [s.to_dict() for s in self.evidence],
            "cameo": self.cameo, "plover": self.plover, "trigger": self.trigger,
        }
        if self.warnings:
            d["warnings"] = list(self.warnings)
        return d


CAMEO: dict[str, tuple[str, ...]] = {
    "agreement": ("057",), "meeting": ("040", "043"), "visit": ("042", "043"),
    "conference": ("043",), "program": ("030", "050"), "release": ("010", "020"),
}
PLOVER: dict[str, str | None] = {
    "agreement": "AGREE", "meeting": "CONSULT", "visit": "CONSULT", "conference": "CONSULT",
    "program": "COOPERATE", "release": None,
}


@dataclass(frozen=True)
class DocumentRecord:
    """The extraction result of one document: exactly the record of ../shared/spec/events.md."""

    doc: str
    title: str | None
    published: str | None
    language: str | None
    events: tuple[Event, ...] = ()
    participants: tuple[Person, ...] = ()
    organizations: tuple[Organization, ...] = ()
    warnings: tuple[str, ...] = field(default=())

    def with_warnings(self, warnings: tuple[str, ...]) -> DocumentRecord:
        """The record with the reading warnings of its document (bad bytes, a page cut short) first."""
        if not warnings:
            return self
        from dataclasses import replace

        return replace(self, warnings=tuple(dict.fromkeys(warnings + self.warnings)))

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "doc": self.doc, "title": self.title, "published": self.published, "language": self.language,
            "events": [e.to_dict() for e in self.events],
            "participants": [p.to_dict() for p in self.participants],
            "organizations": [o.to_dict() for o in self.organizations],
        }
        if self.warnings:
            d["warnings"] = list(self.warnings)
        return d


def record_from_dict(d: dict[str, Any]) -> DocumentRecord:
    """A DocumentRecord from its spec JSON (the inverse of `DocumentRecord.to_dict`), lenient about
    keys an older record may lack."""

    def org(o: dict[str, Any]) -> Organization:
        return Organization(o["name"], o.get("acronym"), o.get("country"), o.get("role"))

    def per(p: dict[str, Any]) -> Person:
        return Person(p.get("name"), p.get("title"), p.get("organization"), p.get("country"), p.get("role"))

    def ev(e: dict[str, Any]) -> Event:
        place = e.get("place")
        return Event(
            type=e["type"],
            status=e.get("status") or "occurred",
            salience=e.get("salience") or "main",
            name=e.get("name"),
            date=e.get("date"),
            end_date=e.get("end_date"),
            place=Place(place.get("name"), place.get("country")) if place else None,
            countries=tuple(e.get("countries") or ()),
            organizations=tuple(org(o) for o in e.get("organizations") or () if o.get("name")),
            participants=tuple(per(p) for p in e.get("participants") or ()),
            fields=tuple(e.get("fields") or ()),
            size=e.get("size"),
            program=e.get("program"),
            evidence=tuple(Span(s["start"], s["end"]) for s in e.get("evidence") or ()),
            trigger=e.get("trigger"),
            warnings=tuple(e.get("warnings") or ()),
        )

    return DocumentRecord(
        doc=d.get("doc") or "",
        title=d.get("title"),
        published=d.get("published"),
        language=d.get("language"),
        events=tuple(ev(e) for e in d.get("events") or ()),
        participants=tuple(per(p) for p in d.get("participants") or ()),
        organizations=tuple(org(o) for o in d.get("organizations") or () if o.get("name")),
        warnings=tuple(d.get("warnings") or ()),
    )
