"""Recompute one event's stored fields from the reports (event_sources) it has left."""

from __future__ import annotations

import json
from typing import Any

from amity.curate import overlay
from amity.resolve.events import EventKey, merge_events, window
from amity.store.db import Database
from amity.store.summary import EventFacts, event_facts, record_change


def refresh_event(db: Database, event_id: int) -> None:
    """Merge the event's reports into its row, countries, fields and search text; drop it if none left."""
    old = event_facts(db, event_id)
    sources = db.rows(
        "SELECT es.event_json, es.place_id, es.evidence, d.published, d.text FROM event_sources es "
        "JOIN documents d ON d.id = es.document_id WHERE es.event_id = ? ORDER BY es.document_id, es.idx",
        (event_id,),
    )
    if sources:
        m, place = _merged(sources)
        published = next((s[3] for s in sources if s[3]), None)
    else:  # curation keeps an edited, hand-entered, merged or split event that has lost its reports
        kept = overlay.unsourced_event(db, event_id)
        if kept is None:
            delete_event(db, event_id, old)
            return
        m, place, published = kept
    m, (place_id, place_name, place_country) = overlay.event_values(db, event_id, m, place)  # curated wins
    w = window(EventKey(type=m["type"], date=m["date"], end_date=m["end_date"], published=published))
    texts = [m["name"] or "", m["program"] or ""]
    for s in sources:
        body = s[4] or ""
        texts += [body[a:b] for a, b in json.loads(s[2])]
    search_text = "\n".join(t for t in dict.fromkeys(texts) if t)
    n_sources = _n_documents(db, event_id)
    db.execute(
        "UPDATE events SET type = ?, status = ?, salience = ?, name = ?, date = ?, end_date = ?, "
        "place_id = ?, "
        "place_name = ?, place_country = ?, size = ?, program = ?, warnings = ?, n_sources = ?, "
        "published = ?, "
        "win_lo = ?, win_hi = ?, search_text = ? WHERE id = ?",
        (
            m["type"],
            m["status"],
            m["salience"],
            m["name"],
            m["date"],
            m["end_date"],
            place_id,
            place_name,
            place_country,
            m["size"],
            m["program"],
            json.dumps(m["warnings"]),
            n_sources,
            published,
            w[0].isoformat() if w else None,
            w[1].isoformat() if w else None,
            search_text,
            event_id,
        ),
    )
    db.execute("DELETE FROM event_countries WHERE event_id = ?", (event_id,))
    db.executemany(
        "INSERT INTO event_countries (event_id, country) VALUES (?, ?)",
        [(event_id, c) for c in m["countries"]],
    )
    db.execute("DELETE FROM event_fields WHERE event_id = ?", (event_id,))
    db.executemany(
        "INSERT INTO event_fields (event_id, field) VALUES (?, ?)", [(event_id, f) for f in m["fields"]]
    )
    if db.dialect == "sqlite":
        db.execute("DELETE FROM events_fts WHERE rowid = ?", (event_id,))
        db.execute("INSERT INTO events_fts (rowid, search_text) VALUES (?, ?)", (event_id, search_text))
    record_change(
        db, old, EventFacts(m["type"], m["date"], frozenset(m["countries"]), frozenset(m["fields"]))
    )
    overlay.apply_links(db, event_id)  # curation: participants and organizations removed or changed by hand


def _merged(sources: list[tuple[Any, ...]]) -> tuple[dict[str, Any], overlay.Place]:
    """The event's values merged from its reports, and its place (id, name, country)."""
    reports = [json.loads(s[0]) for s in sources]
    m = merge_events(reports)
    place_id, place_name, place_country = None, None, None
    for (_, pid, _, _, _), r in zip(sources, reports, strict=True):
        if pid is not None and r.get("place"):
            place_id, place_name, place_country = pid, r["place"].get("name"), r["place"].get("country")
            break
    if place_id is None and m["place"]:
        place_name, place_country = m["place"].get("name"), m["place"].get("country")
    return m, (place_id, place_name, place_country)


def _n_documents(db: Database, event_id: int) -> int:
    return int(
        db.scalar("SELECT COUNT(DISTINCT document_id) FROM event_sources WHERE event_id = ?", (event_id,))
        or 0
    )


def delete_event(db: Database, event_id: int, old: EventFacts | None = None) -> None:
    """Remove the event and everything attached to it (`old`: its facts, if already read)."""
    record_change(db, old if old is not None else event_facts(db, event_id), None)
    for table in (
        "event_participants",
        "event_organizations",
        "event_countries",
        "event_fields",
        "event_sources",
    ):
        db.execute(f"DELETE FROM {table} WHERE event_id = ?", (event_id,))
    if db.dialect == "sqlite":
        db.execute("DELETE FROM events_fts WHERE rowid = ?", (event_id,))
    db.execute("DELETE FROM events WHERE id = ?", (event_id,))
