"""Exporting the registry's events: CSV, JSON Lines, Parquet, and a GraphML co-participation network."""

from __future__ import annotations

import csv
import json
from collections import Counter
from collections.abc import Iterable, Iterator
from itertools import combinations
from typing import IO, Any

from amity.errors import InputError
from amity.store.interface import EventFilter
from amity.store.registry import SQLRegistry

FORMATS = ("csv", "jsonl", "parquet", "graphml")
BINARY_FORMATS = ("parquet", "graphml")
COLUMNS = (
    "id",
    "type",
    "status",
    "salience",
    "name",
    "date",
    "end_date",
    "place",
    "place_country",
    "countries",
    "fields",
    "size",
    "program",
    "n_sources",
    "participants",
    "organizations",
    "part_of",
    "source_titles",
    "source_urls",
    "source_published",
    "evidence",
)


def flat_row(e: dict[str, Any]) -> dict[str, Any]:
    """One event as flat columns; lists joined with '; '."""
    place = e.get("place") or {}
    return {
        "id": e["id"],
        "type": e["type"],
        "status": e["status"],
        "salience": e["salience"],
        "name": e["name"],
        "date": e["date"],
        "end_date": e["end_date"],
        "place": place.get("name"),
        "place_country": place.get("country"),
        "countries": "; ".join(e["countries"]),
        "fields": "; ".join(e["fields"]),
        "size": e["size"],
        "program": e["program"],
        "n_sources": e["n_sources"],
        "participants": "; ".join(p["name"] or "" for p in e["participants"]),
        "organizations": "; ".join(o["name"] for o in e.get("organizations", [])),
        "part_of": e.get("part_of"),
        "source_titles": " | ".join(src["title"] or src["doc"] for src in e.get("sources", [])),
        "source_urls": " | ".join(src["url"] or "" for src in e.get("sources", [])),
        "source_published": " | ".join(src["published"] or "" for src in e.get("sources", [])),
        "evidence": " | ".join(
            " … ".join(sp["text"] for sp in src["evidence"]) for src in e.get("sources", [])
        ),
    }


# a cell starting with one of these is run as a formula by spreadsheets (CSV injection)
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: str) -> str:
    """Defuse spreadsheet formulas: a text cell starting with = + - @ is prefixed with a quote."""
    return "'" + value if value.startswith(FORMULA_START) else value


def write_csv(events: Iterable[dict[str, Any]], out: IO[str]) -> int:
    w = csv.DictWriter(out, fieldnames=COLUMNS)
    w.writeheader()
    n = 0
    for e in events:
        w.writerow({k: safe_cell(v) if isinstance(v, str) else v for k, v in flat_row(e).items()})
        n += 1
    return n


def write_jsonl(events: Iterable[dict[str, Any]], out: IO[str]) -> int:
    n = 0
    for e in events:
        out.write(json.dumps(e, ensure_ascii=False) + "\n")
        n += 1
    return n


def write_parquet(events: Iterable[dict[str, Any]], out: IO[bytes]) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = [
        flat_row(e)
        | {
            "countries": e["countries"],
            "fields": e["fields"],
            "participants": [p["name"] or "" for p in e["participants"]],
            "organizations": [o["name"] for o in e.get("organizations", [])],
        }
        for e in events
    ]
    schema = pa.schema(
        [
            ("id", pa.int64()),
            ("type", pa.string()),
            ("status", pa.string()),
            ("salience", pa.string()),
            ("name", pa.string()),
            ("date", pa.string()),
            ("end_date", pa.string()),
            ("place", pa.string()),
            ("place_country", pa.string()),
            ("countries", pa.list_(pa.string())),
            ("fields", pa.list_(pa.string())),
            ("size", pa.int64()),
            ("program", pa.string()),
            ("n_sources", pa.int64()),
            ("participants", pa.list_(pa.string())),
            ("organizations", pa.list_(pa.string())),
            ("part_of", pa.int64()),
            ("source_titles", pa.string()),
            ("source_urls", pa.string()),
            ("source_published", pa.string()),
            ("evidence", pa.string()),
        ]
    )
    table = pa.Table.from_pylist(rows, schema=schema)
    pq.write_table(table, out)
    return len(rows)


def network(events: Iterable[dict[str, Any]]) -> Any:
    """People, organizations and countries as nodes; an edge's weight counts the events both took part in."""
    import networkx as nx

    g = nx.Graph()
    weights: Counter[tuple[str, str]] = Counter()
    for e in events:
        nodes: list[str] = []
        for p in e["participants"]:
            nodes.append(_node(g, f"person:{p['id']}", "person", p["name"] or ""))
        for o in e.get("organizations", []):
            nodes.append(_node(g, f"org:{o['id']}", "organization", o["name"], o.get("country")))
        for c in e["countries"]:
            nodes.append(_node(g, f"country:{c}", "country", c, c))
        for a, b in combinations(sorted(set(nodes)), 2):
            weights[(a, b)] += 1
    for (a, b), w in sorted(weights.items()):
        g.add_edge(a, b, weight=w)
    return g


def _node(g: Any, node_id: str, kind: str, label: str, country: str | None = None) -> str:
    if node_id not in g:
        g.add_node(node_id, kind=kind, label=label, country=country or "")
    return node_id


def write_graphml(events: Iterable[dict[str, Any]], out: IO[bytes]) -> int:
    import networkx as nx

    g = network(events)
    nx.write_graphml(g, out)
    return int(g.number_of_nodes())


def export(registry: SQLRegistry, fmt: str, out: IO[Any], f: EventFilter | None = None) -> int:
    """Write the events matching `f` to `out` (text for csv/jsonl, binary otherwise). Returns the number of
    events written (nodes, for GraphML)."""
    events: Iterator[dict[str, Any]] = registry.iter_events(f)
    writers = {"csv": write_csv, "jsonl": write_jsonl, "parquet": write_parquet, "graphml": write_graphml}
    if fmt not in writers:
        raise InputError(f"unknown export format {fmt!r}", "use one of: " + ", ".join(FORMATS))
    return int(writers[fmt](events, out))  # type: ignore[operator]
