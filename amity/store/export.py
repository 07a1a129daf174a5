"""Exporting the registry: events, people and organizations as CSV, JSON (Lines) or Parquet, and the
events' co-participation network as GraphML.

One code path for `amity export` and the API's download buttons: the same records (`records`), the
same columns (`TABLES`), the same CSV cells (`csv_chunks`)."""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import chain, combinations, islice
from typing import IO, Any

from amity.errors import InputError
from amity.store.interface import EventFilter

FORMATS = ("csv", "jsonl", "parquet", "graphml")
BINARY_FORMATS = ("parquet", "graphml")
KINDS = ("events", "people", "orgs")
PAGE = 500
# separators inside a CSV cell: between the items of a list, and between the entries of each source
LIST_SEP = "; "
SOURCE_SEP = " | "


def participant_label(p: dict[str, Any]) -> str:
    """'Name (title)', or the name or title alone."""
    name, title = p.get("name") or "", p.get("title") or ""
    return f"{name} ({title})" if name and title else name or title


def event_row(e: dict[str, Any]) -> dict[str, Any]:
    """One event as columns; list values stay lists (joined in CSV, lists in Parquet)."""
    place = e.get("place") or {}
    sources = e.get("sources") or []
    return {
        "id": e["id"],
        "type": e.get("type"),
        "status": e.get("status"),
        "salience": e.get("salience"),
        "name": e.get("name"),
        "date": e.get("date"),
        "end_date": e.get("end_date"),
        "place": place.get("name"),
        "place_country": place.get("country"),
        "countries": list(e.get("countries") or []),
        "fields": list(e.get("fields") or []),
        "size": e.get("size"),
        "program": e.get("program"),
        "n_sources": e.get("n_sources"),
        "participants": [participant_label(p) for p in e.get("participants") or []],
        "organizations": [o["name"] for o in e.get("organizations") or []],
        "part_of": e.get("part_of"),
        "source_titles": [src.get("title") or src.get("doc") or "" for src in sources],
        "source_urls": [src.get("url") or "" for src in sources],
        "source_published": [src.get("published") or "" for src in sources],
        "evidence": [" … ".join(sp["text"] for sp in src.get("evidence") or []) for src in sources],
    }


def _same(record: dict[str, Any]) -> dict[str, Any]:
    return record


@dataclass(frozen=True)
class Table:
    """The columns of one kind of record: (name, kind) with kind int, str, list (items joined with
    LIST_SEP in CSV) or sources (one entry per source, joined with SOURCE_SEP)."""

    kind: str
    columns: tuple[tuple[str, str], ...]
    row: Callable[[dict[str, Any]], dict[str, Any]]

    @property
    def names(self) -> list[str]:
        return [c for c, _ in self.columns]


TABLES = {
    "events": Table(
        "events",
        (
            ("id", "int"), ("type", "str"), ("status", "str"), ("salience", "str"), ("name", "str"),
            ("date", "str"), ("end_date", "str"), ("place", "str"), ("place_country", "str"),
            ("countries", "list"), ("fields", "list"), ("size", "int"), ("program", "str"),
            ("n_sources", "int"), ("participants", "list"), ("organizations", "list"), ("part_of", "int"),
            ("source_titles", "sources"), ("source_urls", "sources"), ("source_published", "sources"),
            ("evidence", "sources"),
        ),
        event_row,
    ),
    "people": Table(
        "people",
        (("id", "int"), ("name", "str"), ("country", "str"), ("title", "str"), ("organization", "str"),
         ("n_events", "int")),
        _same,
    ),
    "orgs": Table(
        "orgs",
        (("id", "int"), ("name", "str"), ("acronym", "str"), ("country", "str"), ("n_events", "int"),
         ("n_people", "int")),
        _same,
    ),
}
COLUMNS = tuple(TABLES["events"].names)


def flat_row(e: dict[str, Any]) -> dict[str, Any]:
    """One event as flat CSV columns (lists joined)."""
    return flat(TABLES["events"], event_row(e))


# a cell starting with one of these is run as a formula by spreadsheets (CSV injection)
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: str) -> str:
    """Defuse spreadsheet formulas: a text cell starting with = + - @ is prefixed with a quote."""
    return "'" + value if value.startswith(FORMULA_START) else value


def flat(table: Table, row: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, kind in table.columns:
        value = row.get(name)
        if kind in ("list", "sources"):
            value = (LIST_SEP if kind == "list" else SOURCE_SEP).join(str(v) for v in value or [])
        out[name] = safe_cell(value) if isinstance(value, str) else value
    return out


def csv_chunks(table: Table, records: Iterable[dict[str, Any]], every: int = 200) -> Iterator[str]:
    """The CSV text of `records` (header first), in chunks of `every` rows."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=table.names, lineterminator="\r\n")
    writer.writeheader()
    for n, record in enumerate(records, 1):
        writer.writerow(flat(table, table.row(record)))
        if n % every == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def json_array_chunks(records: Iterable[dict[str, Any]]) -> Iterator[str]:
    """A JSON array of the records, one per line."""
    yield "["
    first = True
    for record in records:
        yield ("\n" if first else ",\n") + json.dumps(record, ensure_ascii=False)
        first = False
    yield "\n]\n"


def jsonl_chunks(records: Iterable[dict[str, Any]]) -> Iterator[str]:
    for record in records:
        yield json.dumps(record, ensure_ascii=False) + "\n"


def _paged(fetch: Callable[[int, int], tuple[list[dict[str, Any]], int]]) -> Iterator[dict[str, Any]]:
    offset = 0
    while True:
        items, total = fetch(PAGE, offset)
        yield from items
        offset += len(items)
        if not items or offset >= total:
            return


def records(registry: Any, kind: str, f: EventFilter | None = None) -> Iterator[dict[str, Any]]:
    """Every record of `kind` matching `f`: events with their organizations and sources (id order);
    people or organizations (most events first) matching `f.q` and the first of `f.countries`."""
    f = f or EventFilter()
    if kind == "events":
        return iter(registry.iter_events(f))
    country = f.countries[0] if f.countries else None
    lister = registry.list_people if kind == "people" else registry.list_orgs
    return _paged(lambda limit, offset: lister(q=f.q, country=country, limit=limit, offset=offset))


def started(items: Iterator[dict[str, Any]], cap: int | None = None) -> Iterator[dict[str, Any]]:
    """`items` (up to `cap`) with the first one read now: a query that cannot run raises here, before
    a caller starts writing (an HTTP 200, a file)."""
    items = iter(items) if cap is None else islice(items, cap)
    first = next(items, None)
    return iter(()) if first is None else chain([first], items)


def write_parquet(table: Table, rows: Iterable[dict[str, Any]], out: IO[bytes]) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    types = {"int": pa.int64(), "str": pa.string(), "list": pa.list_(pa.string()),
             "sources": pa.list_(pa.string())}
    schema = pa.schema([(name, types[kind]) for name, kind in table.columns])
    data = [table.row(r) for r in rows]
    pq.write_table(pa.Table.from_pylist(data, schema=schema), out)
    return len(data)


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


class _Counted:
    def __init__(self, items: Iterable[dict[str, Any]]) -> None:
        self.items, self.n = items, 0

    def __iter__(self) -> Iterator[dict[str, Any]]:
        for item in self.items:
            self.n += 1
            yield item


def export(registry: Any, fmt: str, out: IO[Any], f: EventFilter | None = None, kind: str = "events") -> int:
    """Write the records of `kind` matching `f` to `out` (text for csv/jsonl, binary otherwise). Returns
    the number of records written (nodes, for GraphML)."""
    if fmt not in FORMATS:
        raise InputError(f"unknown export format {fmt!r}", "use one of: " + ", ".join(FORMATS))
    if kind not in TABLES:
        raise InputError(f"unknown export {kind!r}", "export one of: " + ", ".join(KINDS))
    if fmt == "graphml" and kind != "events":
        raise InputError(f"GraphML is the events' network; {kind} export as csv, jsonl or parquet")
    table = TABLES[kind]
    items = _Counted(started(records(registry, kind, f)))
    if fmt == "parquet":
        return write_parquet(table, items, out)
    if fmt == "graphml":
        return write_graphml(items, out)
    for chunk in csv_chunks(table, items) if fmt == "csv" else jsonl_chunks(items):
        out.write(chunk)
    return items.n
