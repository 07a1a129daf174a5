"""Ingest throughput: generate the templated corpus, run `amity ingest` on it, print the figures.

    python benchmarks/ingest.py [--n 2000] [--seed 7] [--db URL] [--store-only]

--store-only skips the NLP extractor and stores the generator's own records, measuring the registry
alone. Figures: documents per second, registry size on disk (SQLite), events, people, organizations.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from gen_corpus import write_corpus  # noqa: E402


def store_only(db: str, corpus: Path) -> None:
    from amity.pipeline import ingest
    from amity.records import Document, DocumentRecord
    from amity.store import open_registry
    from tests.store.builders import record_from_dict

    records = {}
    for line in (corpus / ".truth.jsonl").read_text(encoding="utf-8").splitlines():
        d = json.loads(line)
        records[d["doc"]] = d

    class Truth:
        def extract(self, doc: Document) -> DocumentRecord:
            return record_from_dict(records[doc.doc])

    with open_registry(db) as reg:
        print(ingest(reg, [str(corpus)], Truth()))


def main() -> None:
    ap = argparse.ArgumentParser(
        description="Measure `amity ingest` on a generated corpus.",
        epilog="Example: python benchmarks/ingest.py --n 2000",
    )
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--db", help="registry URL (default: a fresh SQLite file in a temporary folder)")
    ap.add_argument("--store-only", action="store_true", help="store the generator's records; no NLP")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        write_corpus(corpus, args.n, args.seed)
        db = args.db or str(Path(tmp) / "bench.db")
        start = time.perf_counter()
        if args.store_only:
            store_only(db, corpus)
        else:
            amity = Path(sys.executable).with_name("amity")
            out = subprocess.run(
                [str(amity), "ingest", str(corpus), "--db", db], check=True, capture_output=True, text=True
            ).stdout
            print(out.strip())
        seconds = time.perf_counter() - start
        start = time.perf_counter()
        rerun = (
            subprocess.run(
                [str(Path(sys.executable).with_name("amity")), "ingest", str(corpus), "--db", db],
                check=True,
                capture_output=True,
                text=True,
            ).stdout
            if not args.store_only
            else ""
        )
        rerun_s = time.perf_counter() - start
        from amity.store import open_registry

        with open_registry(db) as reg:
            counts = reg.counts()
        size = (
            sum(os.path.getsize(db + s) for s in ("", "-wal", "-shm") if os.path.exists(db + s))
            if not db.startswith("postgres")
            else 0
        )
        print(
            f"documents: {args.n} in {seconds:.1f} s = {args.n / seconds:.1f} docs/s"
            f"{' (store only)' if args.store_only else ' (amity ingest, incl. model load)'}"
        )
        if rerun:
            print(f"rerun (all unchanged): {rerun_s:.1f} s; {rerun.strip().splitlines()[0]}")
        if size:
            print(f"registry size: {size / 1e6:.1f} MB ({size / args.n / 1e3:.1f} kB per document)")
        print("registry: " + ", ".join(f"{k} {v}" for k, v in counts.items()))


if __name__ == "__main__":
    main()
