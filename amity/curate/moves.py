"""Moving reports between events and names between people or organizations, keeping every derived
row of a document with the report it came from. Used after (re-)derivation and by merge and split."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from amity.resolve.names import org_key, person_key
from amity.store.db import Database
from amity.store.derive import Touched

PARTICIPANT_COLS = "person_id, name, title, organization_id, organization, country, role"


def _overlap(a: Iterable[Iterable[int]], b: Iterable[Iterable[int]]) -> int:
    total = 0
    for s1, e1 in a:
        for s2, e2 in b:
            total += max(0, min(e1, e2) - max(s1, s2))
    return total


def _names(values: Iterable[dict[str, Any]]) -> set[str]:
    return {str(v.get("name") or "").casefold() for v in values if v.get("name")}


def _owner(
    idxs: list[int], reports: dict[int, tuple[int, dict[str, Any]]], name: str | None, key: str
) -> int:
    """The report (idx) of one event a row belongs to: the only one, or the one naming it."""
    if len(idxs) == 1 or not name:
        return idxs[0]
    return next((i for i in idxs if name.casefold() in _names(reports[i][1].get(key) or [])), idxs[0])


def move_reports(db: Database, doc_id: int, moving: dict[int, int]) -> set[int]:
    """Move the document's reports (idx -> target event) with their participants and organizations.
    Returns the events touched (where they were and where they went)."""
    reports = {
        r[0]: (r[1], json.loads(r[2]))
        for r in db.rows(
            "SELECT idx, event_id, event_json FROM event_sources WHERE document_id = ?", (doc_id,)
        )
    }
    moving = {i: t for i, t in moving.items() if i in reports and reports[i][0] != t}
    if not moving:
        return set()
    touched: set[int] = set(moving.values())
    for x in sorted({reports[i][0] for i in moving}):
        touched.add(x)
        idxs = sorted(i for i, (e, _) in reports.items() if e == x)
        people = db.rows(
            f"SELECT {PARTICIPANT_COLS} FROM event_participants WHERE event_id = ? AND document_id = ?",
            (x, doc_id),
        )
        orgs = db.rows(
            "SELECT eo.org_id, eo.role, o.name FROM event_organizations eo JOIN organizations o "
            "ON o.id = eo.org_id WHERE eo.event_id = ? AND eo.document_id = ?",
            (x, doc_id),
        )

        db.execute("DELETE FROM event_participants WHERE event_id = ? AND document_id = ?", (x, doc_id))
        db.execute("DELETE FROM event_organizations WHERE event_id = ? AND document_id = ?", (x, doc_id))
        db.executemany(
            f"INSERT INTO event_participants (event_id, document_id, {PARTICIPANT_COLS}) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(moving.get(_owner(idxs, reports, p[1], "participants"), x), doc_id, *p) for p in people],
        )
        db.executemany(
            "INSERT INTO event_organizations (event_id, document_id, org_id, role) VALUES (?, ?, ?, ?)",
            [(moving.get(_owner(idxs, reports, o[2], "organizations"), x), doc_id, o[0], o[1]) for o in orgs],
        )
    for i, t in sorted(moving.items()):
        db.execute("UPDATE event_sources SET event_id = ? WHERE document_id = ? AND idx = ?", (t, doc_id, i))
    return touched


def pin_event_reports(db: Database, event_id: int) -> None:
    """Pin every report of the event to it: re-derivation puts them back here."""
    for doc_id, idx, evidence, event_json in db.rows(
        "SELECT document_id, idx, evidence, event_json FROM event_sources WHERE event_id = ?", (event_id,)
    ):
        db.execute("DELETE FROM curated_reports WHERE document_id = ? AND idx = ?", (doc_id, idx))
        db.execute(
            "INSERT INTO curated_reports (document_id, idx, type, evidence, event_id) VALUES (?, ?, ?, ?, ?)",
            (doc_id, idx, json.loads(event_json).get("type"), evidence, event_id),
        )


def pin_names(db: Database, kind: str, entity_id: int) -> None:
    """Pin every name the person or organization goes by to it (a merge, a rename)."""
    key = person_key if kind == "person" else org_key
    for (name,) in db.rows(
        "SELECT DISTINCT name FROM aliases WHERE kind = ? AND entity_id = ?", (kind, entity_id)
    ):
        k = key(name)
        if k:
            db.execute("DELETE FROM curated_names WHERE kind = ? AND key = ?", (kind, k))
            db.execute(
                "INSERT INTO curated_names (kind, key, entity_id) VALUES (?, ?, ?)", (kind, k, entity_id)
            )


class Moves:
    """What `after_derive` does for one document."""

    def __init__(self, db: Database, doc_id: int) -> None:
        self.db = db
        self.doc_id = doc_id
        self.touched = Touched()

    def _exists(self, table: str, entity_id: int) -> bool:
        return bool(self.db.scalar(f"SELECT 1 FROM {table} WHERE id = ?", (entity_id,)))

    def reassign_reports(self) -> None:
        db = self.db
        pins = db.rows(
            "SELECT idx, type, evidence, event_id FROM curated_reports WHERE document_id = ? ORDER BY idx",
            (self.doc_id,),
        )
        if not pins:
            return
        reports = {
            r[0]: (r[1], json.loads(r[2]).get("type"), json.loads(r[3]))
            for r in db.rows(
                "SELECT idx, event_id, event_json, evidence FROM event_sources WHERE document_id = ?",
                (self.doc_id,),
            )
        }
        used: set[int] = set()
        moving: dict[int, int] = {}
        for idx, typ, evidence, target in pins:
            if not self._exists("events", target):
                continue
            spans = json.loads(evidence)
            same = idx if idx in reports and idx not in used and reports[idx][1] == typ else None
            if same is None:
                scored = sorted(
                    ((_overlap(spans, r[2]), r[1] == typ, i) for i, r in reports.items() if i not in used),
                    reverse=True,
                )
                same = next((i for score, _, i in scored if score > 0), None)
            if same is None:
                continue
            used.add(same)
            moving[same] = target
        self.touched.events |= move_reports(db, self.doc_id, moving)

    def _pins(self, kind: str, names: list[str]) -> dict[str, int]:
        """The pinned keys among these names (one query)."""
        key = person_key if kind == "person" else org_key
        keys = sorted({key(n) for n in names} - {""})
        if not keys:
            return {}
        return {
            k: int(e)
            for k, e in self.db.rows(
                f"SELECT key, entity_id FROM curated_names WHERE kind = ? AND key IN {self.db.in_list(keys)}",
                (kind, *keys),
            )
        }

    def repin_names(self) -> None:
        db = self.db
        people = db.rows(
            "SELECT DISTINCT person_id, name FROM person_mentions WHERE document_id = ?", (self.doc_id,)
        )
        pins = self._pins("person", [n for _, n in people])
        for pid, name in people if pins else ():
            target = pins.get(person_key(name))
            if target is None or target == pid or not self._exists("people", target):
                continue
            self.touched.events |= {
                r[0]
                for r in db.rows(
                    "SELECT event_id FROM event_participants WHERE document_id = ? AND person_id = ? "
                    "AND name = ?",
                    (self.doc_id, pid, name),
                )
            }
            for table in ("person_mentions", "event_participants"):
                db.execute(
                    f"UPDATE {table} SET person_id = ? WHERE document_id = ? AND person_id = ? AND name = ?",
                    (target, self.doc_id, pid, name),
                )
            self.touched.people |= {pid, target}
        orgs = db.rows("SELECT DISTINCT org_id, name FROM org_mentions WHERE document_id = ?", (self.doc_id,))
        org_pins = self._pins("org", [n for _, n in orgs])
        for oid, name in orgs if org_pins else ():
            target = org_pins.get(org_key(name))
            if target is None or target == oid or not self._exists("organizations", target):
                continue
            self.touched.events |= {
                r[0]
                for r in db.rows(
                    "SELECT event_id FROM event_organizations WHERE document_id = ? AND org_id = ?",
                    (self.doc_id, oid),
                )
            }
            move_org_rows(db, oid, target, self.doc_id, name)
            self.touched.orgs |= {oid, target}

    def refresh(self) -> None:
        self.touched.refresh(self.db)

    def pin_reports(self) -> None:
        db = self.db
        db.execute("DELETE FROM curated_reports WHERE document_id = ?", (self.doc_id,))
        db.execute(
            "INSERT INTO curated_reports (document_id, idx, type, evidence, event_id) "
            "SELECT es.document_id, es.idx, NULL, es.evidence, es.event_id FROM event_sources es "
            "JOIN curated_records c ON c.kind = 'event' AND c.entity_id = es.event_id "
            "WHERE es.document_id = ?",
            (self.doc_id,),
        )
        for idx, event_json in db.rows(
            "SELECT es.idx, es.event_json FROM event_sources es JOIN curated_reports c "
            "ON c.document_id = es.document_id AND c.idx = es.idx "
            "WHERE es.document_id = ?",
            (self.doc_id,),
        ):
            db.execute(
                "UPDATE curated_reports SET type = ? WHERE document_id = ? AND idx = ?",
                (json.loads(event_json).get("type"), self.doc_id, idx),
            )


def move_org_rows(
    db: Database, old: int, new: int, doc_id: int | None = None, name: str | None = None
) -> None:
    """Point an organization's rows at another one: all of them, or one document's (one name's mentions)."""
    doc = " AND document_id = ?" if doc_id is not None else ""
    extra: tuple[Any, ...] = (doc_id,) if doc_id is not None else ()
    named = " AND name = ?" if name is not None else ""
    db.execute(
        f"UPDATE org_mentions SET org_id = ? WHERE org_id = ?{doc}{named}",
        (new, old, *extra, *((name,) if name is not None else ())),
    )
    db.execute(f"UPDATE event_organizations SET org_id = ? WHERE org_id = ?{doc}", (new, old, *extra))
    for table in ("event_participants", "person_mentions"):
        db.execute(
            f"UPDATE {table} SET organization_id = ? WHERE organization_id = ?{doc}", (new, old, *extra)
        )
    if doc_id is None:
        db.execute("UPDATE affiliations SET organization_id = ? WHERE organization_id = ?", (new, old))
        db.execute("UPDATE people SET organization_id = ? WHERE organization_id = ?", (new, old))
