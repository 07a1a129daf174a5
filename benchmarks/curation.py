"""What the curation layer costs the store, as ratios measured in one process run.

    python benchmarks/curation.py [--n 600] [--seed 7] [--curated 0.1]

Stores the generated corpus' own records (no NLP) three ways, each into a fresh SQLite registry:
1. baseline: the curation hooks replaced by no-ops (the store as it was before curation);
2. with the curation layer and nothing curated;
3. re-ingest of every document after a share (--curated) of the events has been edited by hand
   (a date set, a participant removed), against a re-ingest of the same registry with nothing curated.
Prints seconds and the ratios 2/1 and 3/(re-ingest, nothing curated).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from gen_corpus import write_corpus  # noqa: E402


def _records(corpus: Path) -> list[tuple[Any, Any]]:
    from amity.ingest import read_source
    from tests.store.builders import record_from_dict

    truth = {}
    for line in (corpus / ".truth.jsonl").read_text(encoding="utf-8").splitlines():
        d = json.loads(line)
        truth[d["doc"]] = record_from_dict(d)
    docs = [d for p in sorted(corpus.glob("*.txt")) for d in read_source(str(p))]
    return [(d, truth[d.doc]) for d in docs if d.doc in truth]


@contextmanager
def hooks_off() -> Iterator[None]:
    """The store without the curation layer: every hook a no-op (or its 'nothing curated' answer)."""
    from amity.curate import overlay
    from amity.store import events, query, read, refresh, registry

    saved: list[tuple[Any, str, Any]] = []

    def patch(module: Any, name: str, value: Callable[..., Any]) -> None:
        saved.append((module, name, getattr(module, name)))
        setattr(module, name, value)

    patch(overlay, "event_values", lambda db, eid, m, place: (m, place))
    patch(overlay, "unsourced_event", lambda db, eid: None)
    patch(overlay, "apply_links", lambda db, eid: None)
    patch(overlay, "keeps", lambda db, kind, eid: False)
    patch(overlay, "entity_values", lambda db, kind, eid, values: values)
    patch(overlay, "extra_names", lambda db, kind, eid: [])
    patch(registry, "after_derive", lambda db, doc_id: None)
    patch(query, "hidden_clause", lambda db, kind, alias: None)
    patch(read, "hidden_clause", lambda db, kind, alias: None)
    del events, refresh  # they call the overlay module's functions, patched above
    try:
        yield
    finally:
        for module, name, value in reversed(saved):
            setattr(module, name, value)


def store(db: str, items: list[tuple[Any, Any]]) -> float:
    from amity.store import open_registry

    start = time.perf_counter()
    with open_registry(db) as reg:
        for i in range(0, len(items), 25):
            with reg.transaction():
                for doc, record in items[i:i + 25]:
                    reg.add_document(doc, record, "bench")
    return time.perf_counter() - start


def curate(db: str, share: float) -> int:
    from amity.curate.edits import Curator
    from amity.store import open_registry

    with open_registry(db) as reg:
        ids = [r[0] for r in reg.db.rows("SELECT id FROM events ORDER BY id")]
        picked = ids[:: max(1, round(1 / share))] if share > 0 else []
        c = Curator(reg.db, "bench")
        for eid in picked:
            c.patch_event(eid, {"date": "2001-01-01"})
            people = [p["id"] for p in reg.get_event(eid)["participants"] if p["id"]]
            if people:
                c.remove_link("participant", eid, people[0])
        return len(picked)


def main() -> None:
    ap = argparse.ArgumentParser(description="Measure the cost of the curation layer in the store.",
                                 epilog="Example: python benchmarks/curation.py --n 600")
    ap.add_argument("--n", type=int, default=600)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--curated", type=float, default=0.1, help="share of events edited before re-ingest")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        write_corpus(corpus, args.n, args.seed)
        items = _records(corpus)
        store(str(Path(tmp) / "warm.db"), items[:50])  # first-use costs (imports, gazetteer) out of the way
        runs: dict[str, list[float]] = {"base": [], "layer": []}
        for i in range(2):  # alternated, the best of two each
            with hooks_off():
                runs["base"].append(store(str(Path(tmp) / f"base{i}.db"), items))
            runs["layer"].append(store(str(Path(tmp) / ("layer.db" if i else "layer0.db")), items))
        base, layer = min(runs["base"]), min(runs["layer"])
        plain_again = store(str(Path(tmp) / "layer.db"), items)
        n = curate(str(Path(tmp) / "layer.db"), args.curated)
        curated_again = store(str(Path(tmp) / "layer.db"), items)
    print(f"{len(items)} documents stored")
    print(f"store without the curation layer: {base:.2f} s; with it, nothing curated: {layer:.2f} s "
          f"(ratio {layer / base:.2f})")
    print(f"re-ingest, nothing curated: {plain_again:.2f} s; after {n} events curated: {curated_again:.2f} s "
          f"(ratio {curated_again / plain_again:.2f})")


if __name__ == "__main__":
    main()
