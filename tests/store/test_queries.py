"""Filtered event lists, full-text search, people/org lists, stats and exports on both backends."""

from __future__ import annotations

import csv
import io
import json

import networkx as nx
import pyarrow.parquet as pq
import pytest

from amity.errors import InputError
from amity.records import Organization
from amity.store import EventFilter, SQLRegistry
from amity.store.export import export
from tests.store.builders import event, make_doc, person, record, span_of

T1 = (
    "Seoul and Hanoi sign a tourism pact. "
    "Mayor Oh Se-hoon and Chairman Tran Sy Thanh signed it on 2024-03-05."
)
T2 = "The Korea Foundation opened a youth camp in Osaka on 2023-08-01 with Japanese students."
T3 = "Vietnam and Japan held a heritage forum in Hue in 2022."


@pytest.fixture
def filled(registry: SQLRegistry) -> SQLRegistry:
    kf = Organization("Korea Foundation", "KF", "KR", "organizer")
    docs = [
        (
            T1,
            [
                event(
                    "agreement",
                    "2024-03-05",
                    countries=("KR", "VN"),
                    fields=("tourism",),
                    place=("Seoul", "KR"),
                    people=[
                        person("Oh Se-hoon", "Mayor", "Seoul Metropolitan Government", "KR", "signatory"),
                        person("Tran Sy Thanh", "Chairman", "Hanoi People's Committee", "VN", "signatory"),
                    ],
                    evidence=[span_of(T1, "Seoul and Hanoi sign a tourism pact.")],
                    name="Seoul-Hanoi Tourism Pact",
                )
            ],
        ),
        (
            T2,
            [
                event(
                    "program",
                    "2023-08-01",
                    countries=("JP", "KR"),
                    fields=("youth",),
                    place=("Osaka", "JP"),
                    orgs=[kf],
                    program="Korea-Japan Youth Camp",
                    evidence=[span_of(T2, T2)],
                )
            ],
        ),
        (
            T3,
            [
                event(
                    "conference",
                    "2022",
                    countries=("JP", "VN"),
                    fields=("heritage",),
                    place=("Hue", "VN"),
                    evidence=[span_of(T3, T3)],
                )
            ],
        ),
    ]
    for i, (text, evs) in enumerate(docs):
        doc = make_doc(f"d{i}.txt", text)
        registry.add_document(doc, record(doc, evs), "1")
    return registry


def names(reg: SQLRegistry, **kw: object) -> list[str | None]:
    events, total = reg.list_events(EventFilter(**kw))  # type: ignore[arg-type]
    assert total == len(events)
    return [e["type"] for e in events]


def test_filters(filled: SQLRegistry) -> None:
    assert names(filled) == ["agreement", "program", "conference"]  # newest first
    assert names(filled, sort="date") == ["conference", "program", "agreement"]
    assert names(filled, type="program") == ["program"]
    assert names(filled, countries=("KR",)) == ["agreement", "program"]
    assert names(filled, countries=("JP", "VN")) == ["conference"]
    assert names(filled, countries=("kr", "VN")) == ["agreement"]
    assert names(filled, field="heritage") == ["conference"]
    assert names(filled, program="japan youth") == ["program"]
    assert names(filled, place="osaka") == ["program"]
    assert names(filled, place="VN") == ["conference"]
    assert names(filled, since="2023-08") == ["agreement", "program"]
    assert names(filled, until="2023") == ["program", "conference"]
    assert names(filled, since="2023", until="2023-12") == ["program"]
    assert names(filled, q="tourism pact") == ["agreement"]
    assert names(filled, q="students") == ["program"]
    assert names(filled, q="nothing-like-this") == []
    assert names(filled, q="100% _wild'card\"") == []
    oh = filled.list_people(q="oh se")[0][0]
    assert names(filled, person_id=oh["id"]) == ["agreement"]
    kf = filled.list_orgs(q="KF")[0][0]
    assert names(filled, org_id=kf["id"]) == ["program"]
    with pytest.raises(InputError):
        filled.list_events(EventFilter(sort="bogus"))


def test_paging(filled: SQLRegistry) -> None:
    page, total = filled.list_events(EventFilter(limit=2, offset=1))
    assert total == 3 and [e["type"] for e in page] == ["program", "conference"]


def test_people_orgs_and_details(filled: SQLRegistry) -> None:
    people, total = filled.list_people()
    assert total == 2
    oh = filled.get_person(next(p["id"] for p in people if p["name"] == "Oh Se-hoon"))
    assert (oh["title"], oh["organization"], oh["country"], oh["n_events"]) == (
        "Mayor",
        "Seoul Metropolitan Government",
        "KR",
        1,
    )
    assert oh["affiliations"][0]["first_seen"] == oh["affiliations"][0]["last_seen"] == "2024-03-05"
    assert [c["name"] for c in oh["co_participants"]] == ["Tran Sy Thanh"]
    assert filled.list_people(country="VN")[1] == 1
    org = filled.get_org(filled.list_orgs(q="seoul metro")[0][0]["id"])
    assert org["people"][0]["name"] == "Oh Se-hoon" and org["n_people"] == 1
    kf = filled.list_orgs(q="korea foundation")[0][0]
    assert (kf["acronym"], kf["n_events"]) == ("KF", 1)
    assert [e["type"] for e in filled.get_org(kf["id"])["events"]] == ["program"]


def test_stats(filled: SQLRegistry) -> None:
    s = filled.stats()
    assert s["totals"] == {"events": 3, "documents": 3, "people": 2, "organizations": 3}
    assert {"month": "2024-03", "type": "agreement", "n": 1} in s["by_month"]
    assert len(s["by_month"]) == 2  # the 2022 conference has no month
    assert {"a": "JP", "b": "VN", "n": 1} in s["by_pair"]
    assert s["by_field"][0]["n"] == 1
    assert filled.stats(EventFilter(countries=("KR",)))["totals"]["events"] == 2


def test_exports(filled: SQLRegistry, tmp_path) -> None:  # type: ignore[no-untyped-def]
    buf = io.StringIO()
    assert export(filled, "csv", buf) == 3
    rows = list(csv.DictReader(io.StringIO(buf.getvalue())))
    assert {r["type"] for r in rows} == {"agreement", "program", "conference"}
    buf = io.StringIO()
    export(filled, "jsonl", buf, EventFilter(type="program"))
    assert [json.loads(line)["organizations"][0]["acronym"] for line in buf.getvalue().splitlines()] == ["KF"]
    with open(tmp_path / "e.parquet", "wb") as out:
        export(filled, "parquet", out)
    table = pq.read_table(tmp_path / "e.parquet")
    assert table.num_rows == 3 and sorted(table.column("countries").to_pylist()[0]) == ["KR", "VN"]
    with open(tmp_path / "g.graphml", "wb") as out:
        export(filled, "graphml", out)
    g = nx.read_graphml(tmp_path / "g.graphml")
    oh = next(n for n, d in g.nodes(data=True) if d["label"] == "Oh Se-hoon")
    assert g.nodes[oh]["kind"] == "person"
    assert g.edges[oh, "country:VN"]["weight"] == 1
    assert g.edges["country:JP", "country:KR"]["weight"] == 1
