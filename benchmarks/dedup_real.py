"""Deduplication on real reports: the dev set's articles that report one real-world event.

    python benchmarks/dedup.py --real [--cache FILE] [--examples]

The clusters (benchmarks/data/dev_clusters.json) name, for each real event that several dev articles
report, the gold event of each report. The dev documents are ingested into a fresh SQLite registry
with the real extractor; each gold event is matched to the registry event whose evidence, in that
document, covers the gold quote (as the held-out clusters are scored). Then, over pairs of gold
events from different documents:

- precision: of the pairs the registry puts in one event, how many belong to one cluster;
- recall: of the pairs a cluster holds, how many the registry puts in one event (both over every
  pair, and over the pairs whose two reports the extractor found at all);
- records per cluster: how many registry events hold a cluster's reports;
- part_of: of the hand-listed summit/sideline and visit/talks pairs, how many are linked (and none
  merged).
Ambiguous pairs (benchmarks/data/dev_clusters.json) count neither way.
"""

from __future__ import annotations

import json
import sys
import tempfile
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DEV = ROOT.parent / "shared" / "eval" / "dev"
CLUSTERS = HERE / "data" / "dev_clusters.json"

Ref = tuple[str, int]  # (document-name prefix, gold event index)


@dataclass(frozen=True)
class GoldEvent:
    ref: Ref
    doc: str
    type: str
    quote: str


def gold_events(gold_path: Path) -> dict[Ref, GoldEvent]:
    out: dict[Ref, GoldEvent] = {}
    for d in json.loads(gold_path.read_text(encoding="utf-8")):
        prefix = d["doc"].split("_", 1)[0]
        for i, e in enumerate(d["events"]):
            out[(prefix, i)] = GoldEvent((prefix, i), d["doc"], e["type"], e.get("quote") or "")
    return out


def _overlap(spans: list[list[int]], lo: int, hi: int) -> int:
    return sum(max(0, min(hi, e) - max(lo, s)) for s, e in spans)


def locate(db: Any, gold: dict[Ref, GoldEvent]) -> dict[Ref, int]:
    """Each gold event's registry event: the one whose evidence in that document overlaps the quote most."""
    found: dict[Ref, int] = {}
    by_doc: dict[str, list[GoldEvent]] = defaultdict(list)
    for g in gold.values():
        by_doc[g.doc].append(g)
    for name, events in by_doc.items():
        row = db.one("SELECT id, text FROM documents WHERE doc = ? AND status = 'extracted'", (name,))
        if row is None:
            continue
        doc_id, text = row
        sources = [
            (int(eid), json.loads(ev), json.loads(ej).get("type"))
            for eid, ev, ej in db.rows(
                "SELECT event_id, evidence, event_json FROM event_sources WHERE document_id = ?", (doc_id,)
            )
        ]
        for g in events:
            i = (text or "").find(g.quote) if g.quote else -1
            if i < 0:
                continue
            lo, hi = i, i + len(g.quote)
            best = max(
                ((_overlap(spans, lo, hi), -eid, eid) for eid, spans, typ in sources if typ == g.type),
                default=(0, 0, None),
            )
            if best[0] > 0 and best[2] is not None:
                found[g.ref] = best[2]
    return found


def _refs(rows: list[list[Any]]) -> list[Ref]:
    return [(str(r[0]), int(r[1])) for r in rows]


def _pairs_across_docs(refs: list[Ref]) -> Iterator[tuple[Ref, Ref]]:
    for a, b in combinations(sorted(refs), 2):
        if a[0] != b[0]:
            yield a, b


def ingest_dev(reg: Any, cache: Path | None) -> None:
    """The dev documents into `reg`, extracted by the real extractor (records cached in `cache`)."""
    from dedup import CachedExtractor

    from amity.pipeline import ingest

    ingest(reg, [str(DEV / "docs")], CachedExtractor([], False, cache))


def measure(db: Any) -> dict[str, Any]:
    """The figures of the module docstring, for the registry `db` holding the ingested dev set."""
    spec = json.loads(CLUSTERS.read_text(encoding="utf-8"))
    gold = gold_events(DEV / "gold.json")
    where = locate(db, gold)
    cluster_of: dict[Ref, int] = {}
    for ci, c in enumerate(spec["clusters"]):
        for ref in _refs(c["reports"]):
            cluster_of[ref] = ci
    ambiguous = {tuple(sorted(_refs(p))) for p in spec["ambiguous"]}
    true_pairs = {(a, b) for c in spec["clusters"] for a, b in _pairs_across_docs(_refs(c["reports"]))}
    by_event: dict[int, list[Ref]] = defaultdict(list)
    for ref, eid in where.items():
        by_event[eid].append(ref)
    merged = {
        (a, b) for refs in by_event.values() for a, b in _pairs_across_docs(refs) if (a, b) not in ambiguous
    }
    tp = merged & true_pairs
    found_pairs = {(a, b) for a, b in true_pairs if a in where and b in where}
    records = {
        ci: len({where[r] for r in _refs(c["reports"]) if r in where})
        + sum(1 for r in _refs(c["reports"]) if r not in where)
        for ci, c in enumerate(spec["clusters"])
    }
    links = set()
    has_links = db.scalar("SELECT COUNT(*) FROM sqlite_master WHERE name = 'event_links'")
    for a_id, b_id in db.rows("SELECT event_id, other_id FROM event_links") if has_links else []:
        links.add((int(a_id), int(b_id)))
        links.add((int(b_id), int(a_id)))
    part_pairs = [tuple(_refs(p)) for group in spec["part_of"] for p in group["pairs"]]
    part_linked = part_merged = part_missing = 0
    for a, b in part_pairs:
        if a not in where or b not in where:
            part_missing += 1
        elif where[a] == where[b]:
            part_merged += 1
        elif (where[a], where[b]) in links:
            part_linked += 1
    return {
        "clusters": len(spec["clusters"]),
        "reports": len(cluster_of),
        "reports_found": sum(1 for r in cluster_of if r in where),
        "true_pairs": len(true_pairs),
        "true_pairs_found": len(found_pairs),
        "merged_pairs": len(merged),
        "correct_merges": len(tp),
        "precision": len(tp) / len(merged) if merged else 1.0,
        "recall": len(tp) / len(true_pairs) if true_pairs else 1.0,
        "recall_found": len(tp & found_pairs) / len(found_pairs) if found_pairs else 1.0,
        "records_per_cluster": [records[ci] for ci in sorted(records)],
        "wrong": sorted(merged - true_pairs),
        "missed": sorted(true_pairs - merged),
        "part_of": {
            "pairs": len(part_pairs),
            "linked": part_linked,
            "merged": part_merged,
            "unfound": part_missing,
        },
        "events": int(db.scalar("SELECT COUNT(*) FROM events") or 0),
    }


def run_real(cache: Path | None, examples: bool) -> dict[str, Any]:
    sys.path.insert(0, str(ROOT))
    from amity.store import open_registry

    with tempfile.TemporaryDirectory() as tmp, open_registry(str(Path(tmp) / "dev.db")) as reg:
        ingest_dev(reg, cache)
        m = measure(reg.db)
        if examples:
            _explain(reg.db, m)
        from amity.store.rederive import reresolve

        reresolve(reg.db)  # `amity resolve`: the same rules over the whole registry at once
        again = measure(reg.db)
    print(
        f"real reports: {m['clusters']} clusters of {m['reports']} reports "
        f"({m['reports_found']} found by the extractor)"
    )
    print(
        f"pairwise merge precision {m['precision']:.3f} ({m['correct_merges']}/{m['merged_pairs']}), "
        f"recall {m['recall']:.3f} ({m['correct_merges']}/{m['true_pairs']}); "
        f"recall over pairs whose reports were both found {m['recall_found']:.3f} "
        f"({m['true_pairs_found']} pairs)"
    )
    print(f"records per cluster: {m['records_per_cluster']}")
    p = m["part_of"]
    print(f"part_of pairs: {p['linked']}/{p['pairs']} linked, {p['merged']} merged, {p['unfound']} not found")
    print(f"events in the registry: {m['events']}")
    print(
        f"after `amity resolve`: precision {again['precision']:.3f}, recall {again['recall']:.3f}, "
        f"{again['events']} events"
    )
    return m


def _explain(db: Any, m: dict[str, Any]) -> None:
    for label in ("wrong", "missed"):
        for a, b in m[label]:
            print(f"  {label}: {a[0]}/{a[1]} ~ {b[0]}/{b[1]}")
