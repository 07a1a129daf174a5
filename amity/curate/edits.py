"""Hand edits of events, people and organizations. Each edit runs in one transaction, records its audit
entries (with how to undo them) and leaves the store as derivation would, with the curated values on top.

Curated values live in their own tables (see `amity.curate.overlay`): re-ingest and re-extraction
recompute the derived rows and the overlay puts the curation back on top."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from amity.curate import history
from amity.curate.moves import move_org_rows, move_reports, pin_event_reports, pin_names
from amity.curate.overlay import CURATION_HASH, EVENT_FIELDS, curated_fields, note_curated
from amity.curate.rederive import rederive
from amity.errors import InputError, NotFoundError
from amity.ingest.readers import text_hash
from amity.store import read
from amity.store.db import Database
from amity.store.derive import Touched
from amity.store.events import refresh_event
from amity.store.refresh import refresh_org, refresh_person

MISSING = object()
PERSON_FIELDS = ("name", "country", "aliases")
ORG_FIELDS = ("name", "acronym", "country", "aliases")
TABLES = {"event": "events", "person": "people", "org": "organizations", "program": "programs"}
PROGRAM_FIELDS = ("name", "aliases", "notes")


class Conflict(InputError):
    """An edit that cannot apply to the record as it is (HTTP 409)."""


class _Preview(Exception):
    """Raised to roll a previewed edit back."""


@dataclass(frozen=True)
class LinkKind:
    """A participant (person) or an organization of an event, as the tables store them."""

    kind: str  # curated_links.kind
    entity: str  # person, org
    table: str  # event_participants, event_organizations
    column: str  # person_id, org_id


PARTICIPANT = LinkKind("participant", "person", "event_participants", "person_id")
ORGANIZATION = LinkKind("organization", "org", "event_organizations", "org_id")
LINKS = {"participant": PARTICIPANT, "organization": ORGANIZATION}


def event_values(d: dict[str, Any]) -> dict[str, Any]:
    """The editable fields of an event detail (place as {"name", "country"} or None)."""
    out = {k: d.get(k) for k in EVENT_FIELDS}
    place = d.get("place")
    out["place"] = {"name": place.get("name"), "country": place.get("country")} if place else None
    return out


def curation_document(db: Database) -> int:
    """The pseudo-document that participants and organizations added by hand hang on."""
    found = db.scalar("SELECT id FROM documents WHERE content_hash = ?", (CURATION_HASH,))
    if found is not None:
        return int(found)
    return db.insert(
        "INSERT INTO documents (content_hash, source, doc, title, status, text, record, ingested_at) "
        "VALUES (?, 'amity:curation', 'entered by hand', 'Entered by hand', 'extracted', '', '{}', ?)",
        (CURATION_HASH, history.now()),
    )


class Curator:
    """Edits made by one user."""

    def __init__(self, db: Database, user: str) -> None:
        self.db = db
        self.user = user

    # plumbing --------------------------------------------------------------------------------------
    def _exists(self, kind: str, entity_id: int) -> None:
        if not self.db.scalar(f"SELECT 1 FROM {TABLES[kind]} WHERE id = ?", (entity_id,)):
            what = {"event": "event", "person": "person", "org": "organization", "program": "programme"}[kind]
            raise NotFoundError(f"no {what} {entity_id} in the registry", "check the id")

    def _mark(self, kind: str, entity_id: int, origin: str = "edited") -> None:
        """Curation holds the record from now on: it keeps its id through re-derivation."""
        db = self.db
        row = db.one("SELECT origin FROM curated_records WHERE kind = ? AND entity_id = ?", (kind, entity_id))
        if row is None:
            db.execute(
                "INSERT INTO curated_records (kind, entity_id, origin) VALUES (?, ?, ?)",
                (kind, entity_id, origin),
            )
        elif origin != "edited" and row[0] == "edited":
            db.execute(
                "UPDATE curated_records SET origin = ? WHERE kind = ? AND entity_id = ?",
                (origin, kind, entity_id),
            )
        if kind == "event":
            pin_event_reports(db, entity_id)
        elif kind in ("person", "org"):
            pin_names(db, kind, entity_id)

    def _set(self, kind: str, entity_id: int, field: str, value: Any) -> None:
        self.db.execute(
            "DELETE FROM curated_fields WHERE kind = ? AND entity_id = ? AND field = ?",
            (kind, entity_id, field),
        )
        self.db.execute(
            "INSERT INTO curated_fields (kind, entity_id, field, value) VALUES (?, ?, ?, ?)",
            (kind, entity_id, field, json.dumps(value, ensure_ascii=False)),
        )

    def _unset(self, kind: str, entity_id: int, field: str) -> None:
        self.db.execute(
            "DELETE FROM curated_fields WHERE kind = ? AND entity_id = ? AND field = ?",
            (kind, entity_id, field),
        )

    def refresh(self, kind: str, entity_id: int) -> None:
        """Recompute the record (and what shows it) with the curation on top."""
        db = self.db
        t = Touched()
        if kind == "event":
            t.events.add(entity_id)
            t.people |= {
                r[0]
                for r in db.rows(
                    "SELECT DISTINCT person_id FROM event_participants WHERE "
                    "event_id = ? AND person_id IS NOT NULL",
                    (entity_id,),
                )
            }
            t.orgs |= {
                r[0]
                for r in db.rows(
                    "SELECT DISTINCT org_id FROM event_organizations WHERE event_id = ?", (entity_id,)
                )
            }
        elif kind == "person":
            t.people.add(entity_id)
        elif kind == "org":
            t.orgs.add(entity_id)
        t.refresh(db)

    def _record(self, *args: Any, **kwargs: Any) -> int:
        """An audit entry by this user: `history.record`'s arguments after the user."""
        return history.record(self.db, self.user, *args, **kwargs)

    @contextmanager
    def _write(self, preview: bool = False) -> Iterator[None]:
        """One transaction; with `preview`, rolled back at the end (the caller reads the result first)."""
        try:
            with self.db.transaction():
                note_curated(self.db)  # the store's curation hooks run for the rest of it
                yield
                if preview:
                    raise _Preview
        except _Preview:
            pass

    def _fields(self, kind: str, entity_id: int, changes: dict[str, Any], current: dict[str, Any]) -> None:
        cur = curated_fields(self.db, kind, entity_id)
        for field, value in changes.items():
            was = cur.get(field, MISSING)
            self._set(kind, entity_id, field, value)
            undo = {
                "op": "field",
                "field": field,
                "curated": was is not MISSING,
                "value": None if was is MISSING else was,
            }
            self._record(kind, entity_id, "set", field, current.get(field), value, undo)

    # events ----------------------------------------------------------------------------------------
    def patch_event(self, event_id: int, changes: dict[str, Any]) -> dict[str, Any]:
        """Set any of the event's fields (EVENT_FIELDS) by hand."""
        with self._write():
            self._exists("event", event_id)
            unknown = set(changes) - set(EVENT_FIELDS)
            if unknown:
                raise InputError(
                    f"not an event field: {', '.join(sorted(unknown))}", "use " + ", ".join(EVENT_FIELDS)
                )
            self._mark("event", event_id)
            self._fields("event", event_id, changes, event_values(read.get_event(self.db, event_id)))
            self.refresh("event", event_id)
        return read.get_event(self.db, event_id)

    def create_event(self, values: dict[str, Any], document: dict[str, Any] | None = None) -> dict[str, Any]:
        """An event entered by hand, optionally with a document (a text of the office's own files)."""
        db = self.db
        with self._write():
            event_id = db.insert(
                "INSERT INTO events (type, status, salience) VALUES (?, ?, ?)",
                (values["type"], values.get("status") or "occurred", values.get("salience") or "main"),
            )
            self._mark("event", event_id, "manual")
            given = {k: v for k, v in values.items() if k in EVENT_FIELDS and v is not None}
            given.setdefault("status", "occurred")
            given.setdefault("salience", "main")
            for field, value in given.items():
                self._set("event", event_id, field, value)
            if document is not None:
                self._attach(event_id, given, document)
            self.refresh("event", event_id)
            self._record("event", event_id, "create", None, None, given, {"op": "delete_event"})
        return read.get_event(db, event_id)

    def _attach(self, event_id: int, values: dict[str, Any], document: dict[str, Any]) -> None:
        db = self.db
        text = str(document.get("text") or "")
        h = text_hash(text)
        if db.scalar("SELECT id FROM documents WHERE content_hash = ?", (h,)) is not None:
            raise Conflict(
                "a document with this text is stored already",
                "add the event without the text, or edit the event that document reports",
            )
        doc_id = db.insert(
            "INSERT INTO documents (content_hash, source, doc, title, published, language, fmt, text, "
            "status, record, ingested_at) VALUES (?, ?, ?, ?, ?, ?, 'txt', ?, 'extracted', ?, ?)",
            (
                h,
                document.get("url") or f"entered by hand: {self.user}",
                document.get("title") or "entered by hand",
                document.get("title"),
                document.get("published"),
                document.get("language"),
                text,
                json.dumps({"doc": "", "events": [], "entered_by": self.user}),
                history.now(),
            ),
        )
        report = {**values, "place": values.get("place"), "participants": [], "organizations": []}
        db.execute(
            "INSERT INTO event_sources (event_id, document_id, idx, event_json, evidence) "
            "VALUES (?, ?, 0, ?, ?)",
            (
                event_id,
                doc_id,
                json.dumps(report, ensure_ascii=False, sort_keys=True),
                json.dumps([[0, len(text)]] if text else []),
            ),
        )
        pin_event_reports(db, event_id)

    def merge_events(self, target: int, other: int, preview: bool = False) -> dict[str, Any]:
        """Merge `other` into `target`: every report, participant and organization; `other` goes (its
        id answers with where it went). Re-derivation never parts them again."""
        if target == other:
            raise InputError("an event cannot be merged with itself", "give two different event ids")
        db = self.db
        result: dict[str, Any] = {}
        with self._write(preview):
            self._exists("event", target)
            self._exists("event", other)
            before = read.get_event(db, other)
            for table in ("event_sources", "event_participants", "event_organizations", "curated_reports"):
                db.execute(f"UPDATE {table} SET event_id = ? WHERE event_id = ?", (target, other))
            db.execute(
                "DELETE FROM curated_links WHERE event_id = ? AND EXISTS (SELECT 1 FROM curated_links t "
                "WHERE t.event_id = ? AND t.kind = curated_links.kind "
                "AND t.entity_id = curated_links.entity_id)",
                (other, target),
            )
            db.execute("UPDATE curated_links SET event_id = ? WHERE event_id = ?", (target, other))
            self._forget(other, target)
            self._mark("event", target, "merged")
            refresh_event(db, other)  # nothing left: it goes
            self.refresh("event", target)
            self._record(
                "event",
                target,
                "merge",
                "events",
                None,
                {"merged": other, "name": before.get("name"), "date": before.get("date")},
            )
            self._record("event", other, "merged_into", None, None, {"event": target})
            result = read.get_event(db, target)
        return result

    def _forget(self, old: int, new: int, kind: str = "event") -> None:
        """Drop the curation of a merged-away record and remember where it went."""
        db = self.db
        for table in ("curated_fields", "curated_records"):
            db.execute(f"DELETE FROM {table} WHERE kind = ? AND entity_id = ?", (kind, old))
        db.execute("UPDATE redirects SET new_id = ? WHERE kind = ? AND new_id = ?", (new, kind, old))
        db.execute("DELETE FROM redirects WHERE kind = ? AND old_id = ?", (kind, old))
        db.execute("INSERT INTO redirects (kind, old_id, new_id) VALUES (?, ?, ?)", (kind, old, new))

    def split_event(self, event_id: int, document_id: int, idx: int, preview: bool = False) -> dict[str, Any]:
        """Split one report (document, index) off the event into an event of its own."""
        db = self.db
        result: dict[str, Any] = {}
        with self._write(preview):
            self._exists("event", event_id)
            row = db.one(
                "SELECT event_json FROM event_sources WHERE event_id = ? AND document_id = ? AND idx = ?",
                (event_id, document_id, idx),
            )
            if row is None:
                raise NotFoundError(
                    f"event {event_id} has no report {idx} of document {document_id}",
                    "see the event's sources",
                )
            if int(db.scalar("SELECT COUNT(*) FROM event_sources WHERE event_id = ?", (event_id,)) or 0) < 2:
                raise Conflict(f"event {event_id} has only this report", "there is nothing to split it from")
            report = json.loads(row[0])
            new = db.insert(
                "INSERT INTO events (type, status, salience) VALUES (?, ?, ?)",
                (report["type"], report.get("status") or "occurred", report.get("salience") or "main"),
            )
            db.execute(
                "INSERT INTO curated_records (kind, entity_id, origin) VALUES ('event', ?, 'split')", (new,)
            )
            move_reports(db, document_id, {idx: new})
            self._mark("event", event_id)
            self._mark("event", new, "split")
            self.refresh("event", event_id)
            self.refresh("event", new)
            self._record(
                "event",
                event_id,
                "split",
                "events",
                None,
                {"event": new, "document_id": document_id, "idx": idx},
            )
            self._record("event", new, "split_from", None, None, {"event": event_id})
            result = read.get_event(db, new)
        return result

    # participants and organizations of an event -------------------------------------------------------
    def add_link(self, kind: str, event_id: int, entity_id: int, values: dict[str, Any]) -> dict[str, Any]:
        """Add a person (kind 'participant') or an organization to an event by hand."""
        lk = LINKS[kind]
        db = self.db
        with self._write():
            self._exists("event", event_id)
            self._exists(lk.entity, entity_id)
            if db.scalar(
                f"SELECT 1 FROM {lk.table} WHERE event_id = ? AND {lk.column} = ?", (event_id, entity_id)
            ):
                raise Conflict(
                    f"{lk.entity} {entity_id} is already on event {event_id}", "change it with PATCH instead"
                )
            cur = curation_document(db)
            if lk is PARTICIPANT:
                name = db.scalar("SELECT name FROM people WHERE id = ?", (entity_id,))
                db.execute(
                    "INSERT INTO event_participants (event_id, document_id, person_id, name, title, "
                    "organization, country, role) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        event_id,
                        cur,
                        entity_id,
                        name,
                        values.get("title"),
                        values.get("organization"),
                        values.get("country"),
                        values.get("role"),
                    ),
                )
            else:
                db.execute(
                    "INSERT INTO event_organizations (event_id, document_id, org_id, role) "
                    "VALUES (?, ?, ?, ?)",
                    (event_id, cur, entity_id, values.get("role")),
                )
            db.execute(
                "DELETE FROM curated_links WHERE kind = ? AND event_id = ? AND entity_id = ?",
                (kind, event_id, entity_id),
            )
            self._mark("event", event_id)
            self.refresh("event", event_id)
            self._record(
                "event",
                event_id,
                f"add_{kind}",
                kind + "s",
                None,
                {"id": entity_id, **values},
                {"op": "unlink", "kind": kind, "entity": entity_id},
            )
        return read.get_event(db, event_id)

    def _link_row(self, lk: LinkKind, event_id: int, entity_id: int) -> dict[str, Any] | None:
        row = self.db.one(
            "SELECT removed, title, role FROM curated_links WHERE kind = ? AND event_id = ? AND "
            "entity_id = ?",
            (lk.kind, event_id, entity_id),
        )
        return {"removed": row[0], "title": row[1], "role": row[2]} if row else None

    def _current_link(self, lk: LinkKind, event_id: int, entity_id: int) -> dict[str, Any]:
        d = read.get_event(self.db, event_id)
        key = "participants" if lk is PARTICIPANT else "organizations"
        found = next((x for x in d[key] if x.get("id") == entity_id), None)
        if found is None:
            raise NotFoundError(
                f"{lk.entity} {entity_id} is not on event {event_id}", "see the event's " + key
            )
        return {k: found.get(k) for k in ("id", "name", "title", "role") if k in found}

    def change_link(self, kind: str, event_id: int, entity_id: int, values: dict[str, Any]) -> dict[str, Any]:
        """Change the title or role a participant (or the role an organization) has on an event."""
        lk = LINKS[kind]
        with self._write():
            self._exists("event", event_id)
            before = self._current_link(lk, event_id, entity_id)
            previous = self._link_row(lk, event_id, entity_id)
            self._put_link(lk, event_id, entity_id, 0, values.get("title"), values.get("role"))
            self._mark("event", event_id)
            self.refresh("event", event_id)
            self._record(
                "event",
                event_id,
                f"change_{kind}",
                kind + "s",
                before,
                {"id": entity_id, **values},
                {"op": "link", "kind": kind, "entity": entity_id, "previous": previous},
            )
        return read.get_event(self.db, event_id)

    def remove_link(self, kind: str, event_id: int, entity_id: int) -> dict[str, Any]:
        """Take a participant or organization off an event; re-derivation never brings it back."""
        lk = LINKS[kind]
        db = self.db
        with self._write():
            self._exists("event", event_id)
            before = self._current_link(lk, event_id, entity_id)
            previous = self._link_row(lk, event_id, entity_id)
            self._put_link(lk, event_id, entity_id, 1, None, None)
            db.execute(
                f"DELETE FROM {lk.table} WHERE event_id = ? AND {lk.column} = ?", (event_id, entity_id)
            )
            self._mark("event", event_id)
            self.refresh("event", event_id)
            self._refresh_entity(lk.entity, entity_id)
            self._record(
                "event",
                event_id,
                f"remove_{kind}",
                kind + "s",
                before,
                None,
                {"op": "link", "kind": kind, "entity": entity_id, "previous": previous},
            )
        return read.get_event(db, event_id)

    def _put_link(
        self, lk: LinkKind, event_id: int, entity_id: int, removed: int, title: Any, role: Any
    ) -> None:
        self.db.execute(
            "DELETE FROM curated_links WHERE kind = ? AND event_id = ? AND entity_id = ?",
            (lk.kind, event_id, entity_id),
        )
        self.db.execute(
            "INSERT INTO curated_links (kind, event_id, entity_id, removed, title, role) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (lk.kind, event_id, entity_id, removed, title, role),
        )

    def _refresh_entity(self, kind: str, entity_id: int) -> None:
        (refresh_person if kind == "person" else refresh_org)(self.db, entity_id)

    # people and organizations ------------------------------------------------------------------------
    def create_entity(self, kind: str, values: dict[str, Any]) -> dict[str, Any]:
        """A person or organization entered by hand."""
        db = self.db
        with self._write():
            if kind == "person":
                new = db.insert(
                    "INSERT INTO people (name, country) VALUES (?, ?)",
                    (values["name"], values.get("country")),
                )
            else:
                new = db.insert(
                    "INSERT INTO organizations (name, acronym, country) VALUES (?, ?, ?)",
                    (values["name"], values.get("acronym"), values.get("country")),
                )
            given = {k: v for k, v in values.items() if v is not None}
            for field, value in given.items():
                self._set(kind, new, field, value)
            db.execute(
                "INSERT INTO curated_records (kind, entity_id, origin) VALUES (?, ?, 'manual')", (kind, new)
            )
            self._refresh_entity(kind, new)
            pin_names(db, kind, new)
            self._record(kind, new, "create", None, None, given, None)
        return self.get(kind, new)

    def get(self, kind: str, entity_id: int) -> dict[str, Any]:
        from amity.curate.programs import get_program

        getter: Callable[[Database, int], dict[str, Any]] = {
            "event": read.get_event,
            "person": read.get_person,
            "org": read.get_org,
            "program": get_program,
        }[kind]
        return getter(self.db, entity_id)

    def patch_program(self, program_id: int, changes: dict[str, Any]) -> dict[str, Any]:
        """A programme's name, aliases (other names its events give it) and notes on its history."""
        unknown = set(changes) - set(PROGRAM_FIELDS)
        if unknown:
            raise InputError(
                f"not a programme field: {', '.join(sorted(unknown))}", "use name, aliases, notes"
            )
        with self._write():
            self._exists("program", program_id)
            current = self.get("program", program_id)
            self._mark("program", program_id)
            self._fields("program", program_id, changes, current)
        return self.get("program", program_id)

    def patch_entity(self, kind: str, entity_id: int, changes: dict[str, Any]) -> dict[str, Any]:
        """Rename a person or organization, set its country (an organization's acronym), its aliases."""
        allowed = PERSON_FIELDS if kind == "person" else ORG_FIELDS
        unknown = set(changes) - set(allowed)
        if unknown:
            raise InputError(
                f"not a field of this record: {', '.join(sorted(unknown))}", "use " + ", ".join(allowed)
            )
        with self._write():
            self._exists(kind, entity_id)
            current = self.get(kind, entity_id)
            self._mark(kind, entity_id)
            self._fields(kind, entity_id, changes, current)
            self._refresh_entity(kind, entity_id)
            pin_names(self.db, kind, entity_id)
        return self.get(kind, entity_id)

    def merge_entities(self, kind: str, target: int, other: int, preview: bool = False) -> dict[str, Any]:
        """Merge person (or organization) `other` into `target`: mentions, events, names."""
        if target == other:
            raise InputError("a record cannot be merged with itself", "give two different ids")
        db = self.db
        result: dict[str, Any] = {}
        with self._write(preview):
            self._exists(kind, target)
            self._exists(kind, other)
            before = self.get(kind, other)
            pin_names(db, kind, other)
            db.execute(
                "UPDATE curated_names SET entity_id = ? WHERE kind = ? AND entity_id = ?",
                (target, kind, other),
            )
            link = "participant" if kind == "person" else "organization"
            db.execute(
                "DELETE FROM curated_links WHERE kind = ? AND entity_id = ? AND EXISTS (SELECT 1 FROM "
                "curated_links t WHERE t.kind = curated_links.kind AND t.event_id = curated_links.event_id "
                "AND t.entity_id = ?)",
                (link, other, target),
            )
            db.execute(
                "UPDATE curated_links SET entity_id = ? WHERE kind = ? AND entity_id = ?",
                (target, link, other),
            )
            events = self._events_of(kind, other)
            if kind == "person":
                for table in ("person_mentions", "event_participants"):
                    db.execute(f"UPDATE {table} SET person_id = ? WHERE person_id = ?", (target, other))
            else:
                move_org_rows(db, other, target)
            self._forget(other, target, kind)
            self._mark(kind, target, "merged")
            self._refresh_entity(kind, other)  # nothing left: it goes
            t = Touched(events=events)
            (t.people if kind == "person" else t.orgs).add(target)
            t.refresh(db)
            pin_names(db, kind, target)
            self._record(kind, target, "merge", kind, None, {"merged": other, "name": before.get("name")})
            self._record(kind, other, "merged_into", None, None, {kind: target})
            result = self.get(kind, target)
        return result

    def _events_of(self, kind: str, entity_id: int) -> set[int]:
        if kind == "event":
            return {entity_id}
        lk = PARTICIPANT if kind == "person" else ORGANIZATION
        return {
            r[0]
            for r in self.db.rows(
                f"SELECT DISTINCT event_id FROM {lk.table} WHERE {lk.column} = ?", (entity_id,)
            )
        }

    # suppression -------------------------------------------------------------------------------------
    def suppress(self, kind: str, entity_id: int, hidden: bool = True) -> dict[str, Any]:
        """Hide a record (kept, reversible) or show it again."""
        with self._write():
            self._exists(kind, entity_id)
            self._set_hidden(kind, entity_id, hidden)
            action = "suppress" if hidden else "restore"
            self._record(
                kind,
                entity_id,
                action,
                "suppressed",
                not hidden,
                hidden,
                {"op": "suppress", "hidden": not hidden},
            )
        return self.get(kind, entity_id)

    def _set_hidden(self, kind: str, entity_id: int, hidden: bool) -> None:
        db = self.db
        self._mark(kind, entity_id)
        db.execute(
            "UPDATE curated_records SET suppressed = ? WHERE kind = ? AND entity_id = ?",
            (int(hidden), kind, entity_id),
        )
        if kind == "event":
            return
        if hidden:  # its rows come off every event it is on
            t = Touched(events=self._events_of(kind, entity_id))
            t.refresh(db)
            self._refresh_entity(kind, entity_id)
        else:  # its rows come back from the documents that mention it
            self._rederive_mentions(kind, entity_id)

    def _rederive_mentions(self, kind: str, entity_id: int) -> None:
        table, col = ("person_mentions", "person_id") if kind == "person" else ("org_mentions", "org_id")
        for (doc_id,) in self.db.rows(
            f"SELECT DISTINCT document_id FROM {table} WHERE {col} = ? ORDER BY 1", (entity_id,)
        ):
            rederive(self.db, doc_id)

    # revert ------------------------------------------------------------------------------------------
    def revert(self, entry_id: int) -> dict[str, Any]:
        """Undo one history entry (recorded as an entry of its own)."""
        db = self.db
        with self._write():
            entry, undo = history.entry(db, entry_id)
            if entry["reverted_by"] is not None:
                raise Conflict(f"history entry {entry_id} is reverted already", "see the record's history")
            if undo is None:
                raise Conflict(
                    f"history entry {entry_id} ({entry['action']}) cannot be reverted",
                    "undo a merge by splitting its reports off, a split by merging the events",
                )
            kind, rid = entry["kind"], entry["record_id"]
            self._exists(kind, rid)
            self._undo(kind, rid, undo)
            by = self._record(
                kind, rid, "revert", entry["field"], entry["after"], entry["before"], None, reverts=entry_id
            )
            history.mark_reverted(db, entry_id, by)
        gone = undo["op"] == "delete_event"
        return {**history.entry(db, by)[0], "record": None if gone else self.get(kind, rid)}

    def _undo(self, kind: str, rid: int, undo: dict[str, Any]) -> None:
        db = self.db
        op = undo["op"]
        if op == "field":
            if undo["curated"]:
                self._set(kind, rid, undo["field"], undo["value"])
            else:
                self._unset(kind, rid, undo["field"])
            if kind == "event":
                self.refresh(kind, rid)
            elif kind in ("person", "org"):
                self._refresh_entity(kind, rid)
        elif op == "suppress":
            self._set_hidden(kind, rid, bool(undo["hidden"]))
        elif op == "unlink":
            lk = LINKS[undo["kind"]]
            cur = curation_document(db)
            db.execute(
                f"DELETE FROM {lk.table} WHERE event_id = ? AND {lk.column} = ? AND document_id = ?",
                (rid, undo["entity"], cur),
            )
            self.refresh("event", rid)
            self._refresh_entity(lk.entity, undo["entity"])
        elif op == "link":
            lk = LINKS[undo["kind"]]
            db.execute(
                "DELETE FROM curated_links WHERE kind = ? AND event_id = ? AND entity_id = ?",
                (lk.kind, rid, undo["entity"]),
            )
            prev = undo.get("previous")
            if prev:
                self._put_link(lk, rid, undo["entity"], prev["removed"], prev["title"], prev["role"])
            docs = [
                r[0]
                for r in db.rows(
                    "SELECT DISTINCT document_id FROM event_sources WHERE event_id = ? ORDER BY 1", (rid,)
                )
            ]
            for doc_id in docs:  # the rows taken off come back from the reports
                rederive(db, doc_id)
            self.refresh("event", rid)
        elif op == "delete_event":
            from amity.store.events import delete_event

            people = self._people_orgs(rid)
            for table in ("curated_fields", "curated_records"):
                db.execute(f"DELETE FROM {table} WHERE kind = 'event' AND entity_id = ?", (rid,))
            db.execute("DELETE FROM curated_reports WHERE event_id = ?", (rid,))
            db.execute("DELETE FROM curated_links WHERE event_id = ?", (rid,))
            delete_event(db, rid)
            people.refresh(db)
        else:
            raise Conflict(f"unknown undo step {op!r}", "this history entry was written by another amity")

    def _people_orgs(self, event_id: int) -> Touched:
        db = self.db
        return Touched(
            people={
                r[0]
                for r in db.rows(
                    "SELECT DISTINCT person_id FROM event_participants WHERE event_id = ? "
                    "AND person_id IS NOT NULL",
                    (event_id,),
                )
            },
            orgs={
                r[0]
                for r in db.rows(
                    "SELECT DISTINCT org_id FROM event_organizations WHERE event_id = ?", (event_id,)
                )
            },
        )
