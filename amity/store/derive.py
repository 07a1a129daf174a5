"""Writing one document's record into the registry: resolve its people, organizations and places,
attach its events to known events or create them, and keep every derived table consistent."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from amity.records import Document, DocumentRecord, Event, Organization, Person
from amity.resolve.events import EventKey, Match
from amity.resolve.names import (
    initials,
    looks_like_acronym,
    org_key,
    person_blocks,
    person_key,
    person_tokens,
    place_key,
)
from amity.resolve.orgs import (
    OrgCandidate,
    OrgMention,
    PlaceCandidate,
    match_org,
    match_place,
    org_alias_keys,
    org_lookup_keys,
)
from amity.resolve.people import (
    EventParticipant,
    PersonCandidate,
    PersonMention,
    link_short_names,
    match_person,
    transliteration_links,
)
from amity.store.candidates import candidate_events, judge
from amity.store.db import Database
from amity.store.events import refresh_event
from amity.store.links import refresh_links
from amity.store.refresh import refresh_org, refresh_person, refresh_place


@dataclass
class Touched:
    events: set[int] = field(default_factory=set)
    people: set[int] = field(default_factory=set)
    orgs: set[int] = field(default_factory=set)
    places: set[int] = field(default_factory=set)

    def refresh(self, db: Database) -> None:
        """Order matters: events drop their references first, then people, organizations, places."""
        for eid in sorted(self.events):
            refresh_event(db, eid)
        refresh_links(db, self.events)
        for pid in sorted(self.people):
            refresh_person(db, pid)
        for oid in sorted(self.orgs):
            refresh_org(db, oid)
        for plid in sorted(self.places):
            refresh_place(db, plid)


def remove_derived(db: Database, doc_id: int) -> Touched:
    """Detach a document from everything derived from it (before re-deriving it)."""
    t = Touched()
    t.events = {
        r[0] for r in db.rows("SELECT DISTINCT event_id FROM event_sources WHERE document_id = ?", (doc_id,))
    }
    t.people = {
        r[0]
        for r in db.rows("SELECT DISTINCT person_id FROM person_mentions WHERE document_id = ?", (doc_id,))
    }
    t.orgs = {
        r[0] for r in db.rows("SELECT DISTINCT org_id FROM org_mentions WHERE document_id = ?", (doc_id,))
    }
    t.places = {
        r[0]
        for r in db.rows(
            "SELECT DISTINCT place_id FROM event_sources WHERE document_id = ? AND place_id IS NOT NULL",
            (doc_id,),
        )
    }
    for table in (
        "event_participants",
        "event_organizations",
        "event_sources",
        "person_mentions",
        "org_mentions",
    ):
        db.execute(f"DELETE FROM {table} WHERE document_id = ?", (doc_id,))
    return t


def _add_alias(
    db: Database, kind: str, entity_id: int, name: str, key: str, blocks: tuple[str, str] = ("", "")
) -> None:
    db.execute(
        "INSERT INTO aliases (kind, entity_id, name, key, block1, block2) VALUES (?, ?, ?, ?, ?, ?) "
        "ON CONFLICT DO NOTHING",
        (kind, entity_id, name, key, blocks[0] or None, blocks[1] or None),
    )


class DocumentDeriver:
    """Resolves one document's mentions; caches per document so a name is resolved once."""

    def __init__(self, db: Database, doc_id: int, doc: Document, record: DocumentRecord) -> None:
        self.db = db
        self.doc_id = doc_id
        self.doc = doc
        self.record = record
        self.published = record.published or doc.published
        self.touched = Touched()
        self._orgs: dict[str, int] = {}
        self._org_mentions: set[tuple[int, str, str | None, str | None]] = set()
        self._people: dict[str, int] = {}
        self._places: dict[tuple[str, str | None], int] = {}
        names = [p.name for p in self._all_people() if p.name]
        self._links = link_short_names(names)

    def _all_people(self) -> Iterable[Person]:
        yield from self.record.participants
        for e in self.record.events:
            yield from e.participants

    # organizations ---------------------------------------------------------------------------
    def org_id(self, name: str, acronym: str | None = None, country: str | None = None) -> int:
        cache_keys = [org_key(name)] + (["acr:" + acronym.upper()] if acronym else [])
        if looks_like_acronym(name):
            cache_keys.append("acr:" + name.upper())
        for k in cache_keys:
            if k in self._orgs:
                oid = self._orgs[k]
                break
        else:
            oid = self._resolve_org(OrgMention(name, acronym, country))
        for k in cache_keys:
            self._orgs.setdefault(k, oid)
        if (oid, name, acronym, country) not in self._org_mentions:
            self._org_mentions.add((oid, name, acronym, country))
            self.db.execute(
                "INSERT INTO org_mentions (org_id, document_id, name, acronym, country) "
                "VALUES (?, ?, ?, ?, ?)",
                (oid, self.doc_id, name, acronym, country),
            )
        self.touched.orgs.add(oid)
        return oid

    def _resolve_org(self, m: OrgMention) -> int:
        db = self.db
        keys = org_lookup_keys(m)
        ids = [
            r[0]
            for r in db.rows(
                f"SELECT DISTINCT entity_id FROM aliases WHERE kind = 'org' AND key IN {db.in_list(keys)}",
                keys,
            )
        ]
        candidates = []
        for oid in sorted(ids):
            row = db.one("SELECT name, acronym, country FROM organizations WHERE id = ?", (oid,))
            if row:
                names = tuple(
                    r[0]
                    for r in db.rows(
                        "SELECT DISTINCT name FROM aliases WHERE kind = 'org' AND entity_id = ?", (oid,)
                    )
                )
                candidates.append(OrgCandidate(oid, row[0], row[1], row[2], names))
        oid = match_org(m, candidates)
        if oid is None:
            oid = db.insert(
                "INSERT INTO organizations (name, acronym, country) VALUES (?, ?, ?)",
                (m.name, m.acronym, m.country),
            )
        for k in org_alias_keys(m.name, m.acronym):
            _add_alias(db, "org", oid, m.name, k)
        if not looks_like_acronym(m.name) and len(initials(m.name)) >= 3:
            _add_alias(db, "org", oid, m.name, "acr:" + initials(m.name))
        return oid

    def person_org_id(self, p: Person) -> int | None:
        return self.org_id(p.organization) if p.organization else None

    # people -----------------------------------------------------------------------------------
    def person_id(self, p: Person, seen: str | None) -> tuple[int | None, int | None]:
        """The person's id (None when unnamed) and the id of the organization the mention gives."""
        org_id = self.person_org_id(p)
        if not p.name or not person_tokens(p.name):
            return None, org_id
        full = self._links.get(p.name, p.name)
        key = person_key(full)
        if key in self._people:
            pid = self._people[key]
        else:
            pid = self._resolve_person(PersonMention(full, p.title, org_id, p.country))
            self._people[key] = pid
        _add_alias(self.db, "person", pid, p.name, person_key(p.name), person_blocks(p.name))
        self.db.execute(
            "INSERT INTO person_mentions (person_id, document_id, name, title, organization_id, country, "
            "seen)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (pid, self.doc_id, p.name, p.title, org_id, p.country, seen),
        )
        self.touched.people.add(pid)
        return pid, org_id

    def _resolve_person(self, m: PersonMention) -> int:
        db = self.db
        b = person_blocks(m.name)
        # one indexed lookup per column (aliases_key, aliases_block1, aliases_block2): an OR across
        # the three columns makes the planner scan every person alias
        rows = db.rows(
            "SELECT entity_id FROM aliases WHERE kind = 'person' AND key = ? "
            "UNION SELECT entity_id FROM aliases WHERE kind = 'person' AND block1 IN (?, ?) "
            "UNION SELECT entity_id FROM aliases WHERE kind = 'person' AND block2 IN (?, ?)",
            (person_key(m.name), b[0], b[1], b[0], b[1]),
        )
        candidates = [self._person_candidate(r[0]) for r in sorted(rows)]
        pid = match_person(m, [c for c in candidates if c])
        if pid is None:
            pid = db.insert("INSERT INTO people (name, country) VALUES (?, ?)", (m.name, m.country))
            _add_alias(db, "person", pid, m.name, person_key(m.name), person_blocks(m.name))
        return pid

    def _person_candidate(self, pid: int) -> PersonCandidate | None:
        db = self.db
        row = db.one("SELECT country FROM people WHERE id = ?", (pid,))
        if row is None:
            return None
        names = tuple(
            r[0]
            for r in db.rows(
                "SELECT DISTINCT name FROM aliases WHERE kind = 'person' AND entity_id = ?", (pid,)
            )
        )
        offices = db.rows(
            "SELECT DISTINCT title, organization_id FROM person_mentions WHERE person_id = ?", (pid,)
        )
        countries = [
            r[0]
            for r in db.rows(
                "SELECT DISTINCT country FROM person_mentions WHERE person_id = ? AND country IS NOT NULL",
                (pid,),
            )
        ]
        country = row[0] or (countries[0] if len(countries) == 1 else None)
        return PersonCandidate(
            pid,
            names,
            country,
            frozenset(t for t, _ in offices if t),
            frozenset(o for _, o in offices if o is not None),
        )

    # places -----------------------------------------------------------------------------------
    def place_id(self, name: str | None, country: str | None) -> int | None:
        if not name or not place_key(name):
            return None
        ck = (place_key(name), country)
        if ck in self._places:
            return self._places[ck]
        db = self.db
        ids = [
            r[0]
            for r in db.rows(
                "SELECT DISTINCT entity_id FROM aliases WHERE kind = 'place' AND key = ?", (place_key(name),)
            )
        ]
        candidates = []
        for plid in sorted(ids):
            row = db.one("SELECT name, country FROM places WHERE id = ?", (plid,))
            if row:
                candidates.append(PlaceCandidate(plid, row[0], row[1]))
        plid = match_place(name, country, candidates)
        if plid is None:
            plid = db.insert("INSERT INTO places (name, country) VALUES (?, ?)", (name, country))
        _add_alias(db, "place", plid, name, place_key(name))
        self._places[ck] = plid
        self.touched.places.add(plid)
        return plid

    # events -----------------------------------------------------------------------------------
    def derive(self) -> Touched:
        for o in self.record.organizations:
            self.org_id(o.name, o.acronym, o.country)
        for p in self.record.participants:
            self.person_id(p, self.published)
        for idx, e in enumerate(self.record.events):
            self._add_event(idx, e)
        self.touched.refresh(self.db)
        return self.touched

    def _add_event(self, idx: int, e: Event) -> None:
        seen = e.date if e.date and e.status != "historical" else self.published
        people = [(p, *self.person_id(p, seen)) for p in e.participants]
        orgs = [(o, self.org_id(o.name, o.acronym, o.country)) for o in e.organizations]
        place_id = self.place_id(e.place.name, e.place.country) if e.place else None
        key = EventKey(
            type=e.type,
            date=e.date,
            end_date=e.end_date,
            published=self.published,
            name=e.name,
            place_id=place_id,
            countries=frozenset(e.countries),
            person_ids=frozenset(pid for _, pid, _ in people if pid is not None),
            org_ids=frozenset(oid for _, oid in orgs),
            place_name=e.place.name if e.place else None,
            place_country=e.place.country if e.place else None,
            person_names=frozenset(self._links.get(p.name, p.name) for p in e.participants if p.name),
            person_countries=frozenset(p.country for p in e.participants if p.name and p.country),
            person_pairs=frozenset(
                (self._links.get(p.name, p.name), p.country) for p in e.participants if p.name
            ),
        )
        found = self._match_event(key)
        db = self.db
        if found is not None:
            people = self._join_transliterations(found[0], people)
        if found is None:
            event_id = db.insert(
                "INSERT INTO events (type, status, salience) VALUES (?, ?, ?)", (e.type, e.status, e.salience)
            )
            match: Match | None = None
        else:
            event_id, match = found
        db.execute(
            "INSERT INTO event_sources (event_id, document_id, idx, place_id, place_name, event_json, "
            "evidence, match_basis, match_score, match_evidence)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                event_id,
                self.doc_id,
                idx,
                place_id,
                e.place.name if e.place else None,
                json.dumps(e.to_dict(), ensure_ascii=False, sort_keys=True),
                json.dumps([[s.start, s.end] for s in e.evidence]),
                match.basis if match else None,
                match.score if match else None,
                json.dumps(dict(match.evidence), sort_keys=True) if match else None,
            ),
        )
        db.executemany(
            "INSERT INTO event_participants (event_id, document_id, person_id, name, title, organization_id, "
            "organization, country, role) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (event_id, self.doc_id, pid, p.name, p.title, oid, p.organization, p.country, p.role)
                for p, pid, oid in people
            ],
        )
        db.executemany(
            "INSERT INTO event_organizations (event_id, document_id, org_id, role) VALUES (?, ?, ?, ?)",
            [(event_id, self.doc_id, oid, o.role) for o, oid in _unique_orgs(orgs)],
        )
        self.touched.events.add(event_id)

    def _join_transliterations(
        self, event_id: int, people: list[tuple[Person, int | None, int | None]]
    ) -> list[tuple[Person, int | None, int | None]]:
        """The event's participants with a person first met in this document joined to the person the
        event's other reports give in another script (see `transliteration_links`)."""
        db = self.db
        known = [
            EventParticipant(int(r[0]), r[1], r[2], r[3])
            for r in db.rows(
                "SELECT DISTINCT person_id, name, country, role FROM event_participants "
                "WHERE event_id = ? AND document_id != ? AND person_id IS NOT NULL AND name IS NOT NULL",
                (event_id, self.doc_id),
            )
        ]
        new = [
            EventParticipant(pid, p.name, p.country, p.role)
            for p, pid, _ in people
            if pid is not None and p.name
        ]
        links = {
            a: b
            for a, b in transliteration_links(new, known).items()
            if not db.scalar(
                "SELECT COUNT(*) FROM person_mentions WHERE person_id = ? AND document_id != ?",
                (a, self.doc_id),
            )
        }
        for a, b in links.items():
            self._merge_person(a, b)
        return [(p, links.get(pid, pid) if pid is not None else None, oid) for p, pid, oid in people]

    def _merge_person(self, a: int, b: int) -> None:
        """Person `a`, known only from this document, becomes person `b`: its mentions, participations
        and names move to `b` (the emptied record is removed when the people touched are refreshed)."""
        db = self.db
        for name, key, b1, b2 in db.rows(
            "SELECT name, key, block1, block2 FROM aliases WHERE kind = 'person' AND entity_id = ?", (a,)
        ):
            _add_alias(db, "person", b, name, key, (b1 or "", b2 or ""))
        db.execute("DELETE FROM aliases WHERE kind = 'person' AND entity_id = ?", (a,))
        db.execute("UPDATE person_mentions SET person_id = ? WHERE person_id = ?", (b, a))
        db.execute("UPDATE event_participants SET person_id = ? WHERE person_id = ?", (b, a))
        self._people = {k: (b if v == a else v) for k, v in self._people.items()}
        self.touched.people.add(b)

    def _match_event(self, key: EventKey) -> tuple[int, Match] | None:
        """The stored event this report is (the best-scoring merge among the candidates), or None."""
        best, _ = judge(self.db, key, candidate_events(self.db, key, exclude_doc=self.doc_id))
        return best


def _unique_orgs(orgs: list[tuple[Organization, int]]) -> list[tuple[Organization, int]]:
    seen: dict[int, tuple[Organization, int]] = {}
    for o, oid in orgs:
        seen.setdefault(oid, (o, oid))
    return list(seen.values())


def stored_document(db: Database, doc_id: int) -> tuple[Document, dict[str, Any]] | None:
    """An extracted document as stored, with its stored extraction record (None for any other id)."""
    row = db.one(
        "SELECT doc, text, source, title, published, language, content_hash, fmt, mask, record "
        "FROM documents WHERE id = ? AND status = 'extracted'",
        (doc_id,),
    )
    if row is None:
        return None
    doc = Document(
        doc=row[0],
        text=row[1] or "",
        source=row[2] or "",
        title=row[3],
        published=row[4],
        language=row[5],
        content_hash=row[6],
        fmt=row[7] or "txt",
        mask=tuple((int(a), int(b)) for a, b in json.loads(row[8] or "[]")),
    )
    return doc, json.loads(row[9] or "{}")
