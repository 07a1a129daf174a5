"""A canonical, id-free dump of a registry: two registries holding the same facts dump identically,
whatever ids their backends handed out (PostgreSQL sequences skip ids of rolled-back batches)."""

from __future__ import annotations

import json
from typing import Any

from amity.store.db import Database


def _identities(db: Database, sql: str) -> dict[int, str]:
    """entity id -> a stable identity: the sorted (document hash, ...) of the mentions naming it."""
    found: dict[int, list[list[Any]]] = {}
    for row in db.rows(sql):
        found.setdefault(row[0], []).append([str(x) if x is not None else "" for x in row[1:]])
    return {k: json.dumps(sorted(v)) for k, v in found.items()}


def canonical_dump(db: Database) -> dict[str, Any]:
    people = _identities(
        db,
        "SELECT m.person_id, d.content_hash, m.name, m.title FROM person_mentions m "
        "JOIN documents d ON d.id = m.document_id",
    )
    orgs = _identities(
        db,
        "SELECT m.org_id, d.content_hash, m.name, m.acronym FROM org_mentions m "
        "JOIN documents d ON d.id = m.document_id",
    )
    places = _identities(
        db,
        "SELECT s.place_id, d.content_hash, s.idx FROM event_sources s "
        "JOIN documents d ON d.id = s.document_id WHERE s.place_id IS NOT NULL",
    )
    events = _identities(
        db,
        "SELECT s.event_id, d.content_hash, s.idx FROM event_sources s "
        "JOIN documents d ON d.id = s.document_id",
    )

    def ref(table: dict[int, str], i: Any) -> str | None:
        return table.get(i) if i is not None else None

    out: dict[str, Any] = {}
    out["documents"] = sorted(
        db.rows(
            "SELECT content_hash, source, doc, title, published, language, fmt, text, mask, status, "
            "skip_reason, "
            "skip_detail, extractor_version, record FROM documents"
        )
    )
    ev_rows = []
    for r in db.rows(
        "SELECT id, type, status, salience, name, date, end_date, place_id, place_name, place_country, "
        "size, program, warnings, n_sources, published, win_lo, win_hi, search_text FROM events"
    ):
        eid = r[0]
        countries = sorted(
            x[0] for x in db.rows("SELECT country FROM event_countries WHERE event_id = ?", (eid,))
        )
        fields = sorted(x[0] for x in db.rows("SELECT field FROM event_fields WHERE event_id = ?", (eid,)))
        parts = sorted(
            json.dumps([ref(people, x[0]), x[1], x[2], x[3], x[4]])
            for x in db.rows(
                "SELECT person_id, name, title, organization, role FROM event_participants "
                "WHERE event_id = ?",
                (eid,),
            )
        )
        eorgs = sorted(
            json.dumps([ref(orgs, x[0]), x[1]])
            for x in db.rows("SELECT org_id, role FROM event_organizations WHERE event_id = ?", (eid,))
        )
        ev_rows.append([events.get(eid), *r[1:7], ref(places, r[7]), *r[8:], countries, fields, parts, eorgs])
    out["events"] = sorted(ev_rows, key=json.dumps)
    out["people"] = sorted(
        (
            [
                people.get(r[0]),
                r[1],
                r[2],
                r[3],
                ref(orgs, r[4]),
                r[5],
                sorted(
                    x[0]
                    for x in db.rows(
                        "SELECT name FROM aliases WHERE kind = 'person' AND entity_id = ?", (r[0],)
                    )
                ),
                sorted(
                    json.dumps([ref(orgs, x[0]), x[1], x[2], x[3]])
                    for x in db.rows(
                        "SELECT organization_id, title, first_seen, last_seen FROM affiliations "
                        "WHERE person_id = ?",
                        (r[0],),
                    )
                ),
            ]
            for r in db.rows("SELECT id, name, country, title, organization_id, n_events FROM people")
        ),
        key=json.dumps,
    )
    out["organizations"] = sorted(
        (
            [
                orgs.get(r[0]),
                *r[1:],
                sorted(
                    x[0]
                    for x in db.rows("SELECT key FROM aliases WHERE kind = 'org' AND entity_id = ?", (r[0],))
                ),
            ]
            for r in db.rows("SELECT id, name, acronym, country, n_events, n_people FROM organizations")
        ),
        key=json.dumps,
    )
    out["places"] = sorted(
        ([places.get(r[0]), r[1], r[2]] for r in db.rows("SELECT id, name, country FROM places")),
        key=json.dumps,
    )
    return json.loads(json.dumps(out, default=list))
