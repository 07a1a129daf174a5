"""Recompute a person's, organization's or place's stored summary from its mentions; drop orphans."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

from amity.curate import overlay
from amity.resolve.names import (
    acronym_key,
    initials,
    looks_like_acronym,
    org_key,
    person_blocks,
    person_key,
    person_tokens,
    place_key,
)
from amity.store.db import Database


def most_common(values: Iterable[Any]) -> Any:
    """The most frequent non-empty value; ties go to the one seen first."""
    vals = [v for v in values if v not in (None, "")]
    if not vals:
        return None
    counts = Counter(vals)
    top = max(counts.values())
    return next(v for v in vals if counts[v] == top)


def _set_aliases(
    db: Database, kind: str, entity_id: int, rows: list[tuple[str, str, str | None, str | None]]
) -> None:
    db.execute("DELETE FROM aliases WHERE kind = ? AND entity_id = ?", (kind, entity_id))
    db.executemany(
        "INSERT INTO aliases (kind, entity_id, name, key, block1, block2) VALUES (?, ?, ?, ?, ?, ?)",
        [(kind, entity_id, *r) for r in dict.fromkeys(rows)],
    )


def refresh_person(db: Database, pid: int) -> None:
    mentions = db.rows(
        "SELECT name, title, organization_id, country, seen FROM person_mentions "
        "WHERE person_id = ? ORDER BY document_id, name, title",
        (pid,),
    )
    db.execute("DELETE FROM affiliations WHERE person_id = ?", (pid,))
    if not mentions and overlay.keeps(db, "person", pid):  # curation: entered or edited by hand, it stays
        overlay.refresh_kept(db, "person", pid)
        return
    if not mentions:
        db.execute("DELETE FROM aliases WHERE kind = 'person' AND entity_id = ?", (pid,))
        db.execute("UPDATE event_participants SET person_id = NULL WHERE person_id = ?", (pid,))
        db.execute("DELETE FROM people WHERE id = ?", (pid,))
        return
    full = [m[0] for m in mentions if len(person_tokens(m[0])) > 1]
    name = most_common(full) or most_common(m[0] for m in mentions)
    country = most_common(m[3] for m in mentions)
    cur = overlay.entity_values(db, "person", pid, {"name": name, "country": country})  # curated wins
    name, country = cur["name"], cur["country"]
    spans: dict[tuple[int | None, str | None], list[str]] = {}
    for _, title, org_id, _, seen in mentions:
        if title or org_id is not None:
            spans.setdefault((org_id, title), [])
            if seen:
                spans[(org_id, title)].append(seen)
    affiliations = [
        (org_id, title, min(s) if s else None, max(s) if s else None) for (org_id, title), s in spans.items()
    ]
    db.executemany(
        "INSERT INTO affiliations (person_id, organization_id, title, first_seen, last_seen) "
        "VALUES (?, ?, ?, ?, ?)",
        [(pid, *a) for a in affiliations],
    )
    latest = max(affiliations, key=lambda a: (a[3] or "", a[2] or "", a[1] or "", a[0] or 0), default=None)
    title = latest[1] if latest else None
    org_id = latest[0] if latest else None
    n_events = db.scalar(
        "SELECT COUNT(DISTINCT event_id) FROM event_participants WHERE person_id = ?", (pid,)
    )
    db.execute(
        "UPDATE people SET name = ?, country = ?, title = ?, organization_id = ?, n_events = ? WHERE id = ?",
        (name, country, title, org_id, int(n_events or 0), pid),
    )
    _set_aliases(
        db,
        "person",
        pid,
        [(n, person_key(n), *person_blocks(n))
         for n in dict.fromkeys([*(m[0] for m in mentions), *overlay.extra_names(db, "person", pid)])],
    )


def refresh_org(db: Database, oid: int) -> None:
    mentions = db.rows(
        "SELECT name, acronym, country FROM org_mentions WHERE org_id = ? ORDER BY document_id, name", (oid,)
    )
    if not mentions and overlay.keeps(db, "org", oid):  # curation: entered or edited by hand, it stays
        overlay.refresh_kept(db, "org", oid)
        return
    if not mentions:
        db.execute("DELETE FROM aliases WHERE kind = 'org' AND entity_id = ?", (oid,))
        db.execute("DELETE FROM organizations WHERE id = ?", (oid,))
        return
    full = [m[0] for m in mentions if not looks_like_acronym(m[0])]
    name = most_common(full) or most_common(m[0] for m in mentions)
    acronym = most_common(m[1] for m in mentions) or most_common(
        m[0] for m in mentions if looks_like_acronym(m[0])
    )
    country = most_common(m[2] for m in mentions)
    cur = overlay.entity_values(db, "org", oid, {"name": name, "acronym": acronym, "country": country})
    name, acronym, country = cur["name"], cur["acronym"], cur["country"]  # curated wins
    n_events = db.scalar("SELECT COUNT(DISTINCT event_id) FROM event_organizations WHERE org_id = ?", (oid,))
    n_people = db.scalar(
        "SELECT COUNT(DISTINCT person_id) FROM affiliations WHERE organization_id = ?", (oid,)
    )
    db.execute(
        "UPDATE organizations SET name = ?, acronym = ?, country = ?, n_events = ?, n_people = ? "
        "WHERE id = ?",
        (name, acronym, country, int(n_events or 0), int(n_people or 0), oid),
    )
    rows: list[tuple[str, str, str | None, str | None]] = []
    curated_names = [(x, None, None) for x in overlay.extra_names(db, "org", oid)]
    for n, acr, _ in dict.fromkeys([*mentions, *curated_names]):
        rows.append((n, org_key(n), None, None))
        if acr:
            rows.append((acr, "acr:" + acronym_key(acr), None, None))
        if looks_like_acronym(n):
            rows.append((n, "acr:" + acronym_key(n), None, None))
        elif len(initials(n)) >= 3:
            rows.append((n, "acr:" + initials(n), None, None))
    _set_aliases(db, "org", oid, rows)


def refresh_place(db: Database, plid: int) -> None:
    rows = db.rows(
        "SELECT place_name, event_json FROM event_sources WHERE place_id = ? ORDER BY document_id, idx",
        (plid,),
    )
    if not rows:
        db.execute("DELETE FROM aliases WHERE kind = 'place' AND entity_id = ?", (plid,))
        db.execute("DELETE FROM places WHERE id = ?", (plid,))
        return
    import json

    names = [r[0] for r in rows if r[0]]
    countries = [(json.loads(r[1]).get("place") or {}).get("country") for r in rows]
    db.execute(
        "UPDATE places SET name = ?, country = ? WHERE id = ?",
        (most_common(names), most_common(countries), plid),
    )
    _set_aliases(db, "place", plid, [(n, place_key(n), None, None) for n in names])
