"""The stats summary tables kept on write equal a recount, through merges, re-derivation and orphan
removal, and after the migration that adds them to an existing registry; paged set filters."""

from __future__ import annotations

from typing import Any

from amity.records import Organization
from amity.store import EventFilter, SQLRegistry, open_registry
from amity.store.db import Database
from tests.store.builders import event, make_doc, person, record, span_of
from tests.store.test_registry import OTHER_MEETING, REPORT_A, REPORT_B, _meeting, add


def recount(db: Database) -> dict[str, Any]:
    """stats() of the whole registry computed from the events tables, as before the summaries."""
    by_month = [
        {"month": r[0], "type": r[1], "n": r[2]}
        for r in db.rows(
            "SELECT SUBSTR(e.date, 1, 7) AS m, e.type, COUNT(*) FROM events e WHERE LENGTH(e.date) >= 7 "
            "GROUP BY m, e.type ORDER BY m, e.type"
        )
    ]
    by_pair = [
        {"a": r[0], "b": r[1], "n": r[2]}
        for r in db.rows(
            "SELECT a.country, b.country, COUNT(*) AS n FROM event_countries a JOIN event_countries b "
            "ON b.event_id = a.event_id AND a.country < b.country "
            "GROUP BY a.country, b.country ORDER BY n DESC, a.country, b.country"
        )
    ]
    by_field = [
        {"field": r[0], "n": r[1]}
        for r in db.rows(
            "SELECT field, COUNT(*) AS n FROM event_fields GROUP BY field ORDER BY n DESC, field"
        )
    ]
    totals = {
        t: int(db.scalar(f"SELECT COUNT(*) FROM {t}") or 0)
        for t in ("events", "documents", "people", "organizations")
    }
    return {"by_month": by_month, "by_pair": by_pair, "by_field": by_field, "totals": totals}


def check(reg: SQLRegistry) -> dict[str, Any]:
    s = reg.stats()
    assert s == recount(reg.db)
    return s


def fill(reg: SQLRegistry) -> None:
    a = _meeting(REPORT_A, "Jeonju Mayor Woo", "2024-05-27", "Woo Beom-ki", "Liu Wenxiang")
    add(reg, "a.txt", REPORT_A, [a])
    check(reg)
    # a second report of the same meeting adds a field: the merged event's contribution changes
    b = _meeting(
        REPORT_B,
        "A delegation led",
        "2024-05-27",
        "Woo Beomki",
        "Liu Wenxiang",
        fields=("youth", "education"),
    )
    add(reg, "b.txt", REPORT_B, [b])
    check(reg)
    add(
        reg,
        "c.txt",
        OTHER_MEETING,
        [_meeting(OTHER_MEETING, "Mayor Woo", "2018-10-03", "Woo Beom-ki", "Liu")],
    )
    t = "Japan, Korea and China held a youth forum in 2022; a Korea-Japan visit followed in 2023-02."
    doc = make_doc("d.txt", t)
    evs = [
        event(
            "conference", "2022", countries=("JP", "KR", "CN"), fields=("youth",), evidence=[span_of(t, t)]
        ),
        event("visit", "2023-02", countries=("KR", "JP"), orgs=[Organization("KF", "KF", "KR", "host")]),
    ]
    reg.add_document(doc, record(doc, evs), "1")
    s = check(reg)
    assert {"a": "CN", "b": "KR", "n": 3} in s["by_pair"]
    assert {"field": "youth", "n": 3} in s["by_field"]
    # re-derived with a newer extractor: one event changes type and date, the other disappears
    reg.add_document(doc, record(doc, [event("meeting", "2023-03-01", countries=("KR", "JP"))]), "2")
    check(reg)
    # re-derive the merged meeting's second report away: the meeting loses its extra field
    doc_b = make_doc("b.txt", REPORT_B, "2024-05-28")
    reg.add_document(doc_b, record(doc_b, []), "2")
    s = check(reg)
    assert {"field": "education", "n": 1} not in s["by_field"]


def test_summaries_follow_every_write(registry: SQLRegistry) -> None:
    fill(registry)


def test_rolled_back_batch_leaves_summaries(registry: SQLRegistry) -> None:
    fill(registry)
    before = registry.stats()
    t = "Vietnam and Laos signed a health accord on 2021-06-01."
    doc = make_doc("e.txt", t)
    try:
        with registry.transaction():
            registry.add_document(
                doc, record(doc, [event("agreement", "2021-06-01", countries=("VN", "LA"))]), "1"
            )
            raise RuntimeError("batch fails")
    except RuntimeError:
        pass
    assert registry.stats() == before == recount(registry.db)


def test_migration_fills_summaries_of_an_existing_registry(db_url: str) -> None:
    reg = open_registry(db_url)
    try:
        fill(reg)
        # back to schema version 1: no summary tables yet
        with reg.db.transaction():
            for table in ("stats_months", "stats_pairs", "stats_fields"):
                reg.db.execute(f"DROP TABLE {table}")
            if reg.dialect == "postgresql":
                reg.db.execute("DROP INDEX events_date_desc")
                reg.db.execute("DROP INDEX events_type_date_desc")
            reg.db.execute("DROP INDEX documents_source")  # of version 3
            reg.db.execute("DELETE FROM schema_migrations WHERE version IN (2, 3)")
    finally:
        reg.close()
    reg = open_registry(db_url)
    try:
        assert reg.schema_version >= 2
        check(reg)
    finally:
        reg.close()


def test_set_filters_page_like_a_sorted_list(registry: SQLRegistry) -> None:
    """Pages of country, field, person and text filters (read from indexes or probed while reading the
    date index, whichever the size calls for) are slices of the same events sorted newest first."""
    for i in range(12):
        t = f"Korea and Japan held youth talks number {i} in Seoul."
        doc = make_doc(f"k{i}.txt", t, "2024-05-28")
        countries = ("KR", "JP") if i % 3 else ("KR", "VN")
        date = None if i % 5 == 0 else f"20{10 + i}-0{1 + i % 9}-1{i % 10}"
        people = [
            person("Kim Jae-won", "Minister", None, "KR"),
            person("Kim Jae-won", "Minister", None, "KR"),
        ]
        evs = [
            event(
                "meeting" if i % 2 else "visit",
                date,
                countries=countries,
                fields=("youth",) if i % 4 else ("sports",),
                people=people if i % 2 else [],
                evidence=[span_of(t, t)],
            )
        ]
        registry.add_document(doc, record(doc, evs), "1")
    everything, _ = registry.list_events(EventFilter(limit=100, sort="id"))

    def newest_first(events: list[dict[str, Any]]) -> list[int]:
        dated = sorted((e for e in events if e["date"]), key=lambda e: (e["date"], e["id"]), reverse=True)
        undated = sorted((e for e in events if not e["date"]), key=lambda e: e["id"], reverse=True)
        return [e["id"] for e in dated + undated]

    kim = registry.list_people(q="kim jae")[0][0]["id"]
    filters = [
        (EventFilter(countries=("KR",)), lambda e: "KR" in e["countries"]),
        (EventFilter(countries=("KR", "JP")), lambda e: {"KR", "JP"} <= set(e["countries"])),
        (EventFilter(countries=("KR",), field="youth"), lambda e: "youth" in e["fields"]),
        (EventFilter(person_id=kim), lambda e: any(p["id"] == kim for p in e["participants"])),
        (EventFilter(q="youth talks"), lambda e: True),
        (EventFilter(q="seoul", type="meeting"), lambda e: e["type"] == "meeting"),
    ]
    for f, keep in filters:
        expected = newest_first([e for e in everything if keep(e)])
        for limit, offset in ((1, 0), (2, 3), (5, 0), (50, 0), (3, 10), (4, 100)):
            page, total = registry.list_events(
                EventFilter(**{**f.__dict__, "limit": limit, "offset": offset})
            )
            assert total == len(expected), f
            assert [e["id"] for e in page] == expected[offset : offset + limit], (f, limit, offset)
        ids = [e["id"] for e in registry.list_events(EventFilter(**{**f.__dict__, "sort": "id"}))[0]]
        assert ids == sorted(expected)
        assert registry.stats(f)["totals"]["events"] == len(expected)
