"""Programmes as records: built from the events' `program`, one record per programme name (and the
aliases curation gives it), with its editions (rounds, by year), organizers, countries and participants.

A programme's id is stable: the `programs` table keys each programme by its folded name."""

from __future__ import annotations

import json
import re
from collections import Counter
from functools import lru_cache
from importlib import resources
from typing import Any

from amity.curate.overlay import curated_fields
from amity.errors import NotFoundError
from amity.resolve.names import event_name_key
from amity.store import read
from amity.store.db import Database


@lru_cache(maxsize=1)
def _edition_re() -> re.Pattern[str]:
    words = json.loads(resources.files("amity").joinpath("data/programs.json").read_text("utf-8"))[
        "edition_words"
    ]
    return re.compile(r"\b(\d+)(?:st|nd|rd|th)\s+(" + "|".join(map(re.escape, words)) + r")\b", re.IGNORECASE)


def program_key(name: str) -> str:
    return event_name_key(name, ordinals=True)


def _keys(db: Database) -> dict[str, int]:
    """Every name key -> programme id: the programmes' own keys and their curated aliases."""
    keys = {k: int(i) for i, k in db.rows("SELECT id, key FROM programs")}
    for pid, value in db.rows(
        "SELECT entity_id, value FROM curated_fields WHERE kind = 'program' AND field = 'aliases'"
    ):
        for alias in json.loads(value) or []:
            keys.setdefault(program_key(alias), int(pid))
    return keys


def sync(db: Database) -> dict[str, int]:
    """Give every programme name the events carry a record (kept once made); returns the key map."""
    keys = _keys(db)
    names = db.rows(
        "SELECT program, COUNT(*) FROM events WHERE program IS NOT NULL GROUP BY program "
        "ORDER BY COUNT(*) DESC, program"
    )
    new = [(program_key(n), n) for n, _ in reversed(names) if program_key(n) and program_key(n) not in keys]
    if new:
        with db.transaction():
            for key, name in dict(new).items():  # the most used spelling of a key names it
                if not db.scalar("SELECT 1 FROM programs WHERE key = ?", (key,)):
                    db.execute("INSERT INTO programs (key, name) VALUES (?, ?)", (key, name))
        keys = _keys(db)
    return keys


def _members(db: Database, keys: dict[str, int]) -> dict[int, list[int]]:
    """Programme id -> its events' ids (suppressed events left out)."""
    out: dict[int, list[int]] = {}
    hidden = {
        r[0] for r in db.rows("SELECT entity_id FROM curated_records WHERE kind = 'event' AND suppressed = 1")
    }
    for eid, program in db.rows("SELECT id, program FROM events WHERE program IS NOT NULL ORDER BY id"):
        pid = keys.get(program_key(program))
        if pid is not None and eid not in hidden:
            out.setdefault(pid, []).append(int(eid))
    return out


def _name(db: Database, pid: int) -> tuple[str, list[str], str | None]:
    row = db.one("SELECT name FROM programs WHERE id = ?", (pid,))
    if row is None:
        raise NotFoundError(f"no programme {pid} in the registry", "list them at /api/programs")
    cur = curated_fields(db, "program", pid)
    return cur.get("name") or row[0], list(cur.get("aliases") or []), cur.get("notes")


def list_programs(db: Database) -> list[dict[str, Any]]:
    keys = sync(db)
    members = _members(db, keys)
    out = []
    for (pid,) in db.rows("SELECT id FROM programs ORDER BY id"):
        events = members.get(pid, [])
        name, aliases, notes = _name(db, pid)
        dates = sorted(d for (d,) in _dates(db, events) if d)
        out.append(
            {
                "id": pid,
                "name": name,
                "aliases": aliases,
                "notes": notes,
                "n_events": len(events),
                "first": dates[0] if dates else None,
                "last": dates[-1] if dates else None,
            }
        )
    return sorted(out, key=lambda p: (-p["n_events"], p["name"]))


def _dates(db: Database, ids: list[int]) -> list[tuple[Any, ...]]:
    return db.rows(f"SELECT date FROM events WHERE id IN {db.in_list(ids)}", ids) if ids else []


def get_program(db: Database, pid: int) -> dict[str, Any]:
    keys = sync(db)
    name, aliases, notes = _name(db, pid)
    ids = _members(db, keys).get(pid, [])
    events = read.event_summaries(db, read.rows_by_id(db, ids))
    events.sort(key=lambda e: (e["date"] or "9999", e["id"]))
    names = (
        {r[0] for r in db.rows(f"SELECT DISTINCT program FROM events WHERE id IN {db.in_list(ids)}", ids)}
        if ids
        else set()
    )
    orgs: Counter[tuple[int, str]] = Counter()
    if ids:
        for _, oid, oname in db.rows(
            "SELECT DISTINCT eo.event_id, o.id, o.name FROM event_organizations eo JOIN organizations o "
            f"ON o.id = eo.org_id WHERE eo.event_id IN {db.in_list(ids)}",
            ids,
        ):
            orgs[(oid, oname)] += 1
    people: Counter[tuple[int, str]] = Counter()
    for e in events:
        for p in e["participants"]:
            people[(p["id"], p["name"])] += 1
    return {
        "id": pid,
        "name": name,
        "aliases": aliases,
        "notes": notes,
        "names_in_reports": sorted(names - {name}),
        "countries": sorted({c for e in events for c in e["countries"]}),
        "organizers": [{"id": i, "name": n, "n_events": k} for (i, n), k in orgs.most_common()],
        "participants": [{"id": i, "name": n, "n_events": k} for (i, n), k in people.most_common()],
        "editions": editions(events),
        "events": events,
        "n_events": len(events),
    }


def editions(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The programme's editions: its events by year, each with the round its names give ('1st round'),
    and the gaps of more than a year between editions (a hiatus)."""
    by_year: dict[str, list[dict[str, Any]]] = {}
    for e in events:
        by_year.setdefault((e["date"] or "")[:4] or "undated", []).append(e)
    out: list[dict[str, Any]] = []
    previous: int | None = None
    for year in sorted(by_year, key=lambda y: (y == "undated", y)):
        evs = by_year[year]
        rounds = sorted({int(m.group(1)) for e in evs for m in _edition_re().finditer(e["name"] or "")})
        dated = sorted(e["date"] for e in evs if e["date"])
        gap = year.isdigit() and previous is not None and int(year) - previous > 1
        out.append(
            {
                "year": year,
                "rounds": rounds,
                "first": dated[0] if dated else None,
                "last": dated[-1] if dated else None,
                "event_ids": [e["id"] for e in evs],
                "after_hiatus": bool(gap),
                "hiatus_years": int(year) - previous - 1 if gap and previous else 0,
            }
        )
        previous = int(year) if year.isdigit() else previous
    return out


def program_exists(db: Database, pid: int) -> bool:
    return bool(db.scalar("SELECT 1 FROM programs WHERE id = ?", (pid,)))
