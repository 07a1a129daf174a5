"""One record per real event in the registry: why each report joined, records merged when a later
report shows they were one, events during other events linked (never merged), re-resolution."""

from __future__ import annotations

from typing import Any

from amity.store import EventFilter, SQLRegistry
from amity.store.rederive import reresolve
from tests.store.builders import event, make_doc, person, record, span_of

KIM = person("Kim Seo-yeon", "Minister of Oceans", country="KR")
SATO = person("Sato Haruto", "Minister of Fisheries", country="JP")


def add(
    reg: SQLRegistry, name: str, text: str, events: list[Any], published: str | None = "2024-05-11"
) -> int:
    doc = make_doc(name, text, published)
    return reg.add_document(doc, record(doc, events), "test")


def one(reg: SQLRegistry, name: str, text: str, published: str | None, *events: Any) -> int:
    return add(reg, name, text, list(events), published)


def meeting(text: str, people: list[Any], **kw: Any) -> Any:
    return event(
        "meeting",
        kw.pop("date", "2024-05-10"),
        countries=("JP", "KR"),
        people=people,
        evidence=[span_of(text, text)],
        **kw,
    )


def test_a_later_report_that_names_both_sides_merges_two_records(registry: SQLRegistry) -> None:
    t1 = "Minister Kim Seo-yeon met her Japanese counterpart in talks on fishing quotas."
    t2 = "Japan's fisheries minister Sato Haruto held talks with a Korean delegation."
    t3 = "Kim Seo-yeon and Sato Haruto agreed in their talks to share data on fish stocks."
    add(registry, "a.txt", t1, [meeting(t1, [KIM])])
    add(registry, "b.txt", t2, [meeting(t2, [SATO])])
    assert registry.counts()["events"] == 2  # each names only its own side: not known to be one
    add(registry, "c.txt", t3, [meeting(t3, [KIM, SATO])])
    events, total = registry.list_events(EventFilter())
    assert total == 1
    ev = registry.get_event(events[0]["id"])
    assert ev["n_sources"] == 3
    assert ev["sources"][0]["match"] is None  # the report that made the record
    joined = [s["match"] for s in ev["sources"][1:]]
    assert all(m and m["basis"] == "person" and m["evidence"]["date"] == "day" for m in joined)
    assert {p["name"] for p in ev["participants"]} == {"Kim Seo-yeon", "Sato Haruto"}
    kim = next(p for p in ev["participants"] if p["name"] == "Kim Seo-yeon")
    assert registry.get_person(kim["id"])["n_events"] == 1


def test_talks_during_a_state_visit_are_linked_not_merged(registry: SQLRegistry) -> None:
    text = (
        "The Indonesian president paid a state visit to Beijing this month. "
        "On Saturday he held talks with the Chinese president at the Great Hall of the People."
    )
    visit_s, talks_s = text.split(". ")[0], text.split(". ")[1]
    add(
        registry,
        "visit.txt",
        text,
        [
            event(
                "visit",
                "2024-11",
                countries=("CN", "ID"),
                place=("Beijing", "CN"),
                evidence=[span_of(text, visit_s)],
            ),
            event(
                "meeting",
                "2024-11-09",
                countries=("CN", "ID"),
                place=("Beijing", "CN"),
                evidence=[span_of(text, talks_s)],
            ),
        ],
        published="2024-11-11",
    )
    events, total = registry.list_events(EventFilter())
    assert total == 2
    by_type = {e["type"]: e["id"] for e in events}
    talks = registry.get_event(by_type["meeting"])
    visit = registry.get_event(by_type["visit"])
    assert [w["id"] for w in talks["part_of"]] == [visit["id"]]
    assert talks["part_of"][0]["evidence"]["date"] == "within"
    assert [p["id"] for p in visit["parts"]] == [talks["id"]]
    assert visit["part_of"] == [] and talks["parts"] == []


def test_weak_evidence_is_a_possible_duplicate(registry: SQLRegistry) -> None:
    t1 = "A Belt and Road Forum took place in Beijing with Italian delegates."
    t2 = "Serbia's president attended the Third Belt and Road Forum for International Cooperation in China."
    forum = "Belt and Road Forum"
    conference = event(
        "conference",
        None,
        name=forum,
        place=("Beijing", "CN"),
        countries=("CN", "IT"),
        evidence=[span_of(t1, t1)],
    )
    one(registry, "undated.txt", t1, None, conference)
    conference = event(
        "conference",
        "2023-10-17",
        name=f"Third {forum} for International Cooperation",
        place=("China", "CN"),
        countries=("CN", "RS"),
        evidence=[span_of(t2, t2)],
    )
    one(registry, "dated.txt", t2, "2023-10-19", conference)
    events, total = registry.list_events(EventFilter())
    assert total == 2
    a = registry.get_event(events[0]["id"])
    dup = a["possible_duplicates"]
    assert [d["id"] for d in dup] == [events[1]["id"]]
    assert dup[0]["evidence"]["name"] == "contained" and dup[0]["score"] < 0.4


def _tables(reg: SQLRegistry) -> dict[str, list[tuple[Any, ...]]]:
    tables = (
        "events",
        "event_sources",
        "event_participants",
        "event_organizations",
        "event_countries",
        "event_fields",
        "event_links",
        "people",
        "organizations",
        "places",
        "aliases",
        "person_mentions",
        "org_mentions",
        "affiliations",
        "stats_months",
        "stats_pairs",
        "stats_fields",
    )
    return {t: sorted(map(repr, reg.db.rows(f"SELECT * FROM {t}"))) for t in tables}  # type: ignore[misc]


def test_reresolve_is_deterministic_and_idempotent(registry: SQLRegistry) -> None:
    t1 = "Minister Kim Seo-yeon met her Japanese counterpart in talks on fishing quotas."
    t2 = "Japan's fisheries minister Sato Haruto held talks with a Korean delegation."
    t3 = "Kim Seo-yeon and Sato Haruto agreed in their talks to share data on fish stocks."
    for name, t, people in (("a.txt", t1, [KIM]), ("b.txt", t2, [SATO]), ("c.txt", t3, [KIM, SATO])):
        add(registry, name, t, [meeting(t, people)])
    incremental = registry.counts()
    first = reresolve(registry.db)
    assert (first.documents, first.events, first.people) == (3, 1, 2)
    assert registry.counts() == incremental
    once = _tables(registry)
    reresolve(registry.db)
    assert _tables(registry) == once
    assert registry.list_events(EventFilter())[1] == 1


def test_exports_carry_every_report_with_its_evidence(registry: SQLRegistry) -> None:
    import csv
    import io
    import json

    from amity.store.export import export

    t1 = "Minister Kim Seo-yeon met Sato Haruto in Busan for talks on fishing quotas."
    t2 = "In Busan, Kim Seo-yeon and Sato Haruto agreed to share data on fish stocks."
    for name, t in (("a.txt", t1), ("b.txt", t2)):
        doc = make_doc(name, t, "2024-05-11", source=f"https://news.example/{name}")
        registry.add_document(doc, record(doc, [meeting(t, [KIM, SATO])]), "test")
    out = io.StringIO()
    assert export(registry, "jsonl", out) == 1
    (row,) = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [s["url"] for s in row["sources"]] == ["https://news.example/a.txt", "https://news.example/b.txt"]
    assert [s["published"] for s in row["sources"]] == ["2024-05-11", "2024-05-11"]
    assert row["sources"][1]["evidence"] == [{"start": 0, "end": len(t2), "text": t2}]
    out = io.StringIO()
    export(registry, "csv", out)
    (flat,) = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert flat["source_urls"] == "https://news.example/a.txt | https://news.example/b.txt"
    assert flat["evidence"] == f"{t1} | {t2}"


def test_an_unanchored_report_two_records_would_take_merges_with_neither(registry: SQLRegistry) -> None:
    """No date, no publication date, and two editions of a named forum at its usual place: a guess."""
    texts = [
        f"The Jeju Peace Forum of {y} opened on the island with ministers from Korea and Japan."
        for y in (2023, 2024)
    ]
    for i, t in enumerate(texts):
        one(
            registry,
            f"ed{i}.txt",
            t,
            f"{2023 + i}-06-01",
            event(
                "conference",
                f"{2023 + i}-05-31",
                name="Jeju Peace Forum",
                place=("Jeju", "KR"),
                countries=("JP", "KR"),
                evidence=[span_of(t, t)],
            ),
        )
    assert registry.counts()["events"] == 2
    t = "Ministers from Korea and Japan spoke at the Jeju Peace Forum in Jeju."
    one(
        registry,
        "vague.txt",
        t,
        None,
        event(
            "conference",
            None,
            name="Jeju Peace Forum",
            place=("Jeju", "KR"),
            countries=("JP", "KR"),
            evidence=[span_of(t, t)],
        ),
    )
    events, total = registry.list_events(EventFilter())
    assert total == 3
    vague = next(e for e in events if e["date"] is None)
    assert len(registry.get_event(vague["id"])["possible_duplicates"]) == 2


def test_event_keys_loaded_many_at_a_time_hold_each_events_own_facts(
    registry: SQLRegistry, monkeypatch: Any
) -> None:
    from amity.store import candidates

    texts = [
        "Minister Kim Seo-yeon met her Japanese counterpart in talks on fishing quotas.",
        "Japan's fisheries minister Sato Haruto held talks with a Korean delegation.",
        "The two ministries held a workshop on aquaculture in Busan.",
    ]
    add(registry, "a.txt", texts[0], [meeting(texts[0], [KIM], date="2024-03-02")])
    add(registry, "b.txt", texts[1], [meeting(texts[1], [SATO], date="2024-04-09")])
    add(registry, "c.txt", texts[2], [event("conference", "2024-05-20", countries=("JP", "KR"),
                                            place=("Busan", "KR"), evidence=[span_of(texts[2], texts[2])])])
    ids = [r[0] for r in registry.db.rows("SELECT id FROM events ORDER BY id")]
    assert len(ids) == 3
    together = candidates.load_event_keys(registry.db, ids)
    monkeypatch.setattr(candidates, "KEY_CHUNK", 2)  # the ids split over two IN lists
    chunked = candidates.load_event_keys(registry.db, ids)
    assert together == chunked
    a, b, c = (together[i] for i in ids)
    assert (a.date, a.person_names, a.person_countries) == ("2024-03-02", {"Kim Seo-yeon"}, {"KR"})
    assert (b.date, b.person_names) == ("2024-04-09", {"Sato Haruto"})
    assert (c.type, c.place_name, c.countries, c.person_names) == ("conference", "Busan", {"JP", "KR"}, set())
    assert a.person_ids.isdisjoint(b.person_ids)
    assert candidates.load_event_key(registry.db, ids[1]) == b
