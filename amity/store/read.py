"""The registry's reads, returning the dict shapes documented in `amity.store.interface`."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from amity.curate.overlay import hidden_clause
from amity.errors import NotFoundError
from amity.records import CAMEO, PLOVER
from amity.resolve.names import person_key
from amity.store.db import Database
from amity.store.interface import EventFilter
from amity.store.query import INDEXED_SORTS, build_where, event_where, like_pattern, order_by
from amity.store.summary import summary_stats

EVENT_COLUMNS = (
    "e.id, e.type, e.status, e.salience, e.name, e.date, e.end_date, e.place_id, e.place_name, "
    "e.place_country, e.size, e.program, e.n_sources, e.warnings"
)


def _by_event(db: Database, sql: str, ids: list[int]) -> dict[int, list[tuple[Any, ...]]]:
    out: dict[int, list[tuple[Any, ...]]] = {i: [] for i in ids}
    if ids:
        for row in db.rows(sql.format(ids=db.in_list(ids)), ids):
            out[row[0]].append(row[1:])
    return out


def event_summaries(db: Database, rows: list[tuple[Any, ...]]) -> list[dict[str, Any]]:
    ids = [r[0] for r in rows]
    countries = _by_event(
        db,
        "SELECT event_id, country FROM event_countries WHERE event_id IN {ids} ORDER BY event_id, country",
        ids,
    )
    fields = _by_event(
        db, "SELECT event_id, field FROM event_fields WHERE event_id IN {ids} ORDER BY event_id, field", ids
    )
    people = _by_event(
        db,
        "SELECT ep.event_id, ep.person_id, p.name, ep.title, ep.document_id FROM event_participants "
        "ep JOIN people p ON p.id = ep.person_id WHERE ep.event_id IN {ids} "
        "ORDER BY ep.event_id, ep.document_id, ep.person_id",
        ids,
    )
    out = []
    for r in rows:
        eid = r[0]
        participants: dict[int, dict[str, Any]] = {}
        for pid, name, title, _ in people[eid]:
            entry = participants.setdefault(pid, {"id": pid, "name": name, "title": title})
            entry["title"] = entry["title"] or title
        place = {"id": r[7], "name": r[8], "country": r[9]} if (r[7] is not None or r[8] or r[9]) else None
        out.append(
            {
                "id": eid,
                "type": r[1],
                "status": r[2],
                "salience": r[3],
                "name": r[4],
                "date": r[5],
                "end_date": r[6],
                "place": place,
                "countries": [c[0] for c in countries[eid]],
                "fields": [f[0] for f in fields[eid]],
                "size": r[10],
                "program": r[11],
                "n_sources": r[12],
                "participants": list(participants.values()),
            }
        )
    return out


def rows_by_id(db: Database, ids: list[int]) -> list[tuple[Any, ...]]:
    """The events' columns (EVENT_COLUMNS), in the order of `ids`."""
    if not ids:
        return []
    found = {
        r[0]: r for r in db.rows(f"SELECT {EVENT_COLUMNS} FROM events e WHERE e.id IN {db.in_list(ids)}", ids)
    }
    return [found[i] for i in ids if i in found]


def list_events(db: Database, f: EventFilter) -> tuple[list[dict[str, Any]], int]:
    w = build_where(db, f)
    order = order_by(f, db.dialect)
    limit, offset = max(0, f.limit), max(0, f.offset)
    count_sql, count_params = w.count_sql()
    total = int(db.scalar(count_sql, count_params) or 0)
    if total == 0 or offset >= total or limit == 0:
        return [], total
    # A large id set is best probed while reading the sort's index; a small one, sorted whole.
    probe = (
        db.dialect == "sqlite"
        and bool(w.sets)
        and not w.clauses
        and f.sort in INDEXED_SORTS
        and total * total * 20 > int(db.scalar("SELECT COUNT(*) FROM events") or 0) * (offset + limit)
    )
    where, params = w.sql(probe)
    # ids first (from indexes alone), then the page's rows: deep offsets skip index entries, not rows
    ids = [
        r[0]
        for r in db.rows(
            f"SELECT e.id FROM events e {where} {order} LIMIT ? OFFSET ?", [*params, limit, offset]
        )
    ]
    return event_summaries(db, rows_by_id(db, ids)), total


def _url(source: str) -> str | None:
    return source if source.startswith(("http://", "https://")) else None


def get_event(db: Database, event_id: int) -> dict[str, Any]:
    rows = db.rows(f"SELECT {EVENT_COLUMNS} FROM events e WHERE e.id = ?", (event_id,))
    if not rows:
        raise NotFoundError(f"no event {event_id} in the registry", "list events with `amity events`")
    d = event_summaries(db, rows)[0]
    d["warnings"] = json.loads(rows[0][13] or "[]")
    d["cameo"] = list(CAMEO.get(d["type"], ()))
    d["plover"] = PLOVER.get(d["type"])
    parts: dict[Any, dict[str, Any]] = {}
    for pid, name, pname, title, org, country, role in db.rows(
        "SELECT ep.person_id, ep.name, p.name, ep.title, COALESCE(o.name, ep.organization), "
        "ep.country, ep.role "
        "FROM event_participants ep LEFT JOIN people p ON p.id = ep.person_id "
        "LEFT JOIN organizations o ON o.id = ep.organization_id WHERE ep.event_id = ? "
        "ORDER BY ep.document_id, ep.name",
        (event_id,),
    ):
        key = pid if pid is not None else ("unnamed", title, org)
        entry = parts.setdefault(
            key,
            {
                "id": pid,
                "name": pname if pid is not None else name,
                "title": title,
                "organization": org,
                "country": country,
                "role": role,
            },
        )
        for k, v in (("title", title), ("organization", org), ("country", country), ("role", role)):
            entry[k] = entry[k] or v
    d["participants"] = list(parts.values())
    orgs: dict[int, dict[str, Any]] = {}
    for oid, name, acronym, country, role in db.rows(
        "SELECT o.id, o.name, o.acronym, o.country, eo.role FROM event_organizations eo "
        "JOIN organizations o ON o.id = eo.org_id WHERE eo.event_id = ? ORDER BY eo.document_id, o.id",
        (event_id,),
    ):
        entry = orgs.setdefault(
            oid, {"id": oid, "name": name, "acronym": acronym, "country": country, "role": role}
        )
        entry["role"] = entry["role"] or role
    d["organizations"] = list(orgs.values())
    sources = []
    for doc_id, doc, title, source, published, evidence, text, basis, score, matched, idx in db.rows(
        "SELECT d.id, d.doc, d.title, d.source, d.published, es.evidence, d.text, es.match_basis, "
        "es.match_score, es.match_evidence, es.idx FROM event_sources es "
        "JOIN documents d ON d.id = es.document_id WHERE es.event_id = ? ORDER BY d.id, es.idx",
        (event_id,),
    ):
        spans = [{"start": a, "end": b, "text": (text or "")[a:b]} for a, b in json.loads(evidence)]
        sources.append(
            {
                "document_id": doc_id,
                "doc": doc,
                "title": title,
                "url": _url(source),
                "source": source,
                "published": published,
                "evidence": spans,
                # why this report joined the event (None for the report that made the record)
                "match": {"basis": basis, "score": score, "evidence": json.loads(matched or "{}")}
                if basis
                else None,
                "idx": idx,  # the report's place in its document (curation: split a report off)
            }
        )
    d["sources"] = sources
    d.update(event_links(db, event_id))
    return d


def event_links(db: Database, event_id: int) -> dict[str, list[dict[str, Any]]]:
    """The events this one is part of, the events part of it, and its possible duplicates, each
    with the score and evidence of the link."""
    out: dict[str, list[dict[str, Any]]] = {"part_of": [], "parts": [], "possible_duplicates": []}
    rows = db.rows(
        "SELECT l.event_id, l.other_id, l.kind, l.score, l.basis, l.evidence, e.id, e.type, e.name, e.date, "
        "e.status, e.place_name, e.place_country FROM event_links l JOIN events e "
        "ON e.id = CASE WHEN l.event_id = ? THEN l.other_id ELSE l.event_id END "
        "WHERE l.event_id = ? OR l.other_id = ? ORDER BY e.date, e.id",
        (event_id, event_id, event_id),
    )
    for a, _b, kind, score, basis, evidence, oid, typ, name, date, status, place, pcountry in rows:
        key = (
            "possible_duplicates" if kind == "possible_duplicate" else "part_of" if a == event_id else "parts"
        )
        out[key].append(
            {
                "id": oid,
                "type": typ,
                "name": name,
                "date": date,
                "status": status,
                "place": {"name": place, "country": pcountry} if place or pcountry else None,
                "score": score,
                "basis": basis,
                "evidence": json.loads(evidence or "{}"),
            }
        )
    return out


def _paged(
    db: Database,
    table: str,
    cols: str,
    q: str | None,
    country: str | None,
    limit: int,
    offset: int,
    order: str,
) -> tuple[list[tuple[Any, ...]], int]:
    clauses, params = [], []
    if q:
        kind = "person" if table == "people" else "org"
        # a person is also found by the key of any written form: 'Wang Yi' finds 王毅 (romanized keys)
        by_key = " OR t.id IN (SELECT entity_id FROM aliases WHERE kind = 'person' AND key = ?)"
        clauses.append(
            f"(LOWER(t.name) LIKE ? ESCAPE '\\' OR t.id IN (SELECT entity_id FROM aliases "
            f"WHERE kind = '{kind}' AND LOWER(name) LIKE ? ESCAPE '\\')"
            + (by_key if kind == "person" else "")
            + ")"
        )
        params += [like_pattern(q), like_pattern(q)] + ([person_key(q)] if kind == "person" else [])
    if country:
        clauses.append("t.country = ?")
        params.append(country.upper())
    hidden = hidden_clause(db, "person" if table == "people" else "org", "t")  # curation: suppressed
    if hidden:
        clauses.append(hidden)
    where = "WHERE " + " AND ".join(clauses) if clauses else ""
    total = int(db.scalar(f"SELECT COUNT(*) FROM {table} t {where}", params) or 0)
    rows = db.rows(
        f"SELECT {cols} FROM {table} t {where} ORDER BY {order} LIMIT ? OFFSET ?",
        [*params, max(0, limit), max(0, offset)],
    )
    return rows, total


PERSON_COLS = "t.id, t.name, t.country, t.title, o.name, t.n_events, t.organization_id"


def _person(r: tuple[Any, ...]) -> dict[str, Any]:
    return {
        "id": r[0],
        "name": r[1],
        "country": r[2],
        "title": r[3],
        "organization": r[4],
        "n_events": r[5],
        "organization_id": r[6],
    }


def list_people(
    db: Database, q: str | None, country: str | None, limit: int, offset: int
) -> tuple[list[dict[str, Any]], int]:
    rows, total = _paged(db, "people", "t.id", q, country, limit, offset, "t.n_events DESC, t.name, t.id")
    return [_person(r) for r in _people_rows(db, [r[0] for r in rows])], total


def _people_rows(db: Database, ids: list[int]) -> list[tuple[Any, ...]]:
    if not ids:
        return []
    found = {
        r[0]: r
        for r in db.rows(
            f"SELECT {PERSON_COLS} FROM people t LEFT JOIN organizations o "
            f"ON o.id = t.organization_id WHERE t.id IN {db.in_list(ids)}",
            ids,
        )
    }
    return [found[i] for i in ids if i in found]


def _event_ids_rows(db: Database, sql: str, param: int) -> list[dict[str, Any]]:
    rows = db.rows(
        f"SELECT {EVENT_COLUMNS} FROM events e WHERE e.id IN ({sql}) {order_by(EventFilter(), db.dialect)}",
        (param,),
    )
    return event_summaries(db, rows)


def get_person(db: Database, person_id: int) -> dict[str, Any]:
    rows = _people_rows(db, [person_id])
    if not rows:
        raise NotFoundError(f"no person {person_id} in the registry", "list people with `amity people`")
    d = _person(rows[0])
    d["aliases"] = sorted(
        {
            r[0]
            for r in db.rows("SELECT name FROM aliases WHERE kind = 'person' AND entity_id = ?", (person_id,))
        }
        - {d["name"]}
    )
    d["affiliations"] = [
        {"organization_id": r[0], "organization": r[1], "title": r[2], "first_seen": r[3], "last_seen": r[4]}
        for r in db.rows(
            "SELECT a.organization_id, o.name, a.title, a.first_seen, a.last_seen FROM affiliations a "
            "LEFT JOIN organizations o ON o.id = a.organization_id WHERE a.person_id = ? "
            "ORDER BY a.last_seen DESC, a.first_seen DESC, a.title",
            (person_id,),
        )
    ]
    d["events"] = _event_ids_rows(
        db, "SELECT event_id FROM event_participants WHERE person_id = ?", person_id
    )
    d["co_participants"] = [
        {"id": r[0], "name": r[1], "n_shared": r[2]}
        for r in db.rows(
            "SELECT p.id, p.name, COUNT(DISTINCT b.event_id) AS n FROM event_participants a "
            "JOIN event_participants b ON b.event_id = a.event_id AND b.person_id <> a.person_id "
            "JOIN people p ON p.id = b.person_id WHERE a.person_id = ? "
            "GROUP BY p.id, p.name ORDER BY n DESC, p.name, p.id",
            (person_id,),
        )
    ]
    return d


ORG_COLS = "t.id, t.name, t.acronym, t.country, t.n_events, t.n_people"


def _org(r: tuple[Any, ...]) -> dict[str, Any]:
    return {"id": r[0], "name": r[1], "acronym": r[2], "country": r[3], "n_events": r[4], "n_people": r[5]}


def list_orgs(
    db: Database, q: str | None, country: str | None, limit: int, offset: int
) -> tuple[list[dict[str, Any]], int]:
    rows, total = _paged(
        db, "organizations", ORG_COLS, q, country, limit, offset, "t.n_events DESC, t.name, t.id"
    )
    return [_org(r) for r in rows], total


def get_org(db: Database, org_id: int) -> dict[str, Any]:
    row = db.one(f"SELECT {ORG_COLS} FROM organizations t WHERE t.id = ?", (org_id,))
    if row is None:
        raise NotFoundError(f"no organization {org_id} in the registry", "list them with `amity orgs`")
    d = _org(row)
    d["aliases"] = sorted(
        {r[0] for r in db.rows("SELECT name FROM aliases WHERE kind = 'org' AND entity_id = ?", (org_id,))}
        - {d["name"]}
    )
    d["people"] = [
        {"id": r[0], "name": r[1], "title": r[2], "first_seen": r[3], "last_seen": r[4]}
        for r in db.rows(
            "SELECT p.id, p.name, a.title, a.first_seen, a.last_seen FROM affiliations a "
            "JOIN people p ON p.id = a.person_id WHERE a.organization_id = ? "
            "ORDER BY a.last_seen DESC, p.name, p.id",
            (org_id,),
        )
    ]
    d["events"] = _event_ids_rows(db, "SELECT event_id FROM event_organizations WHERE org_id = ?", org_id)
    return d


DOC_COLS = (
    "id, doc, source, title, published, language, status, skip_reason, skip_detail, "
    "extractor_version, fmt, ingested_at"
)


def _doc(db: Database, r: tuple[Any, ...]) -> dict[str, Any]:
    keys = DOC_COLS.split(", ")
    d = dict(zip(keys, r, strict=True))
    d["event_ids"] = [
        x[0]
        for x in db.rows(
            "SELECT DISTINCT event_id FROM event_sources WHERE document_id = ? ORDER BY event_id", (r[0],)
        )
    ]
    return d


def get_document(db: Database, document_id: int) -> dict[str, Any]:
    row = db.one(f"SELECT {DOC_COLS}, text, mask, record FROM documents WHERE id = ?", (document_id,))
    if row is None:
        raise NotFoundError(f"no document {document_id} in the registry", "list them with `amity show`")
    d = _doc(db, row[:-3])
    d["text"] = row[-3]
    d["mask"] = json.loads(row[-2] or "[]")
    # what was uncertain in reading and extracting it (bad bytes replaced, a page cut short)
    d["warnings"] = list(json.loads(row[-1] or "{}").get("warnings") or [])
    return d


def list_documents(db: Database, limit: int, offset: int) -> tuple[list[dict[str, Any]], int]:
    total = int(db.scalar("SELECT COUNT(*) FROM documents") or 0)
    rows = db.rows(
        f"SELECT {DOC_COLS} FROM documents ORDER BY id LIMIT ? OFFSET ?", (max(0, limit), max(0, offset))
    )
    return [_doc(db, r) for r in rows], total


def stats(db: Database, f: EventFilter | None) -> dict[str, Any]:
    w = build_where(db, f or EventFilter())
    if w.empty:  # the whole registry: from the summary tables kept up to date on write
        out = summary_stats(db)
    else:
        where, params = w.sql()
        # the matching ids: straight from the sets' indexes when the filter has only sets
        ids = w.id_set() if not w.clauses else f"SELECT e.id FROM events e {where}"
        ids_params = w.set_params if not w.clauses else params
        by_month = [
            {"month": r[0], "type": r[1], "n": r[2]}
            for r in db.rows(
                f"SELECT SUBSTR(e.date, 1, 7) AS m, e.type, COUNT(*) FROM events e {where} "
                f"{'AND' if where else 'WHERE'} LENGTH(e.date) >= 7 GROUP BY m, e.type ORDER BY m, e.type",
                params,
            )
        ]
        by_pair = [
            {"a": r[0], "b": r[1], "n": r[2]}
            for r in db.rows(
                f"SELECT a.country, b.country, COUNT(*) AS n FROM event_countries a JOIN event_countries b "
                f"ON b.event_id = a.event_id AND a.country < b.country WHERE a.event_id IN ({ids}) "
                f"GROUP BY a.country, b.country ORDER BY n DESC, a.country, b.country",
                ids_params,
            )
        ]
        by_field = [
            {"field": r[0], "n": r[1]}
            for r in db.rows(
                f"SELECT field, COUNT(*) AS n FROM event_fields WHERE event_id IN ({ids}) GROUP BY field "
                f"ORDER BY n DESC, field",
                ids_params,
            )
        ]
        count_sql, count_params = w.count_sql()
        out = {
            "by_month": by_month,
            "by_pair": by_pair,
            "by_field": by_field,
            "events": int(db.scalar(count_sql, count_params) or 0),
        }
    totals = {
        "events": out.pop("events"),
        "documents": int(db.scalar("SELECT COUNT(*) FROM documents") or 0),
        "people": int(db.scalar("SELECT COUNT(*) FROM people") or 0),
        "organizations": int(db.scalar("SELECT COUNT(*) FROM organizations") or 0),
    }
    return {**out, "totals": totals}


def iter_events(db: Database, f: EventFilter, batch: int = 1000) -> Iterator[dict[str, Any]]:
    """Every event matching `f` (limit and offset ignored) in id order, fetched `batch` at a time,
    each summary with "organizations": [{"id", "name", "acronym", "country", "role"}] added."""
    where, params = event_where(db, f)
    last = 0
    while True:
        cond = f"{where} AND e.id > ?" if where else "WHERE e.id > ?"
        rows = db.rows(
            f"SELECT {EVENT_COLUMNS} FROM events e {cond} ORDER BY e.id LIMIT ?", [*params, last, batch]
        )
        if not rows:
            return
        summaries = event_summaries(db, rows)
        ids = [r[0] for r in rows]
        orgs = _by_event(
            db,
            "SELECT DISTINCT eo.event_id, o.id, o.name, o.acronym, o.country FROM event_organizations eo "
            "JOIN organizations o ON o.id = eo.org_id WHERE eo.event_id IN {ids} ORDER BY eo.event_id, o.id",
            ids,
        )
        sources = _by_event(
            db,
            "SELECT es.event_id, d.id, d.doc, d.title, d.source, d.published, es.evidence, d.text "
            "FROM event_sources es JOIN documents d ON d.id = es.document_id "
            "WHERE es.event_id IN {ids} ORDER BY es.event_id, d.id, es.idx",
            ids,
        )
        wholes = _by_event(
            db,
            "SELECT event_id, other_id FROM event_links WHERE kind = 'part_of' AND event_id IN {ids} "
            "ORDER BY event_id",
            ids,
        )
        for d in summaries:
            d["organizations"] = [
                {"id": o[0], "name": o[1], "acronym": o[2], "country": o[3]} for o in orgs[d["id"]]
            ]
            d["sources"] = export_sources(sources[d["id"]])
            d["part_of"] = wholes[d["id"]][0][0] if wholes[d["id"]] else None
            yield d
        last = ids[-1]


def export_sources(rows: list[tuple[Any, ...]]) -> list[dict[str, Any]]:
    """One entry per reporting document: {doc, title, url, published, evidence: [{start, end, text}]}
    (a document that reports the event in several places gives all its spans in one entry)."""
    out: dict[int, dict[str, Any]] = {}
    for doc_id, doc, title, source, published, evidence, text in rows:
        entry = out.setdefault(
            doc_id,
            {"doc": doc, "title": title, "url": _url(source or ""), "published": published, "evidence": []},
        )
        entry["evidence"] += [
            {"start": a, "end": b, "text": (text or "")[a:b]} for a, b in json.loads(evidence)
        ]
    return list(out.values())
