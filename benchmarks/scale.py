#!/usr/bin/env python3
"""Ingest at scale: documents per second of `amity ingest` in one process, on Ray with 1 and with 2
workers, next to spaCy's full `en_core_web_sm` pipeline on the same documents, in the same run; peak
memory of every process and Ray worker.

    .venv/bin/python benchmarks/scale.py [--stream FILE] [--n 300] [--big 20000] [--json]

Corpus: the first --n articles of ../shared/corpus/news-stream.jsonl. With --big N, also a stream of N
documents made from the whole news stream by repeating it, each copy with its own id and a closing
line of its own (so every document is new to the registry, not an `unchanged` copy); the single-process
and 2-worker ingests run on it too.

Every side runs in its own child process, one after the other. Throughput is steady state: timed from
the moment everything loaded once is loaded (the extractor's spaCy model and gazetteer, in this process
or in every Ray worker, each warmed on one bundled sample; the gazetteer the driver's writer reads,
loaded while the workers load) to the end of the ingest (reading, screening, extraction and storing
into a fresh SQLite registry), so the one-time loads and Ray's start are reported apart, not counted.
spaCy's side is `nlp.pipe` over the same texts once the pipeline is loaded with every component
enabled and has read one text.

Targets (issue 10): 2 workers at least 1.6x the docs/s of 1 worker, with the same registry; ingest in
one worker at least 3x spaCy's docs/s; every worker under 1 GiB peak memory.
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
from typing import Any

REPO = Path(__file__).resolve().parent.parent
DEFAULT_STREAM = REPO.parent / "shared" / "corpus" / "news-stream.jsonl"
sys.path.insert(0, str(REPO / "benchmarks"))

from speed import jsonl_texts, spacy_model, stream_head  # noqa: E402


def big_stream(stream: Path, n: int, out: Path) -> int:
    """N documents from the stream, repeated; copy k of an article gets id '<id>~k' and a last line."""
    base = [json.loads(line) for line in stream.read_text(encoding="utf-8").split("\n") if line.strip()]
    with out.open("w", encoding="utf-8") as f:
        for i in range(n):
            rec = dict(base[i % len(base)])
            k = i // len(base)
            if k:
                rec["id"] = f"{rec.get('id', i)}~{k}"
                rec["text"] = f"{rec.get('text', '')}\n\nArchive copy {k}."
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return n


# --- children -------------------------------------------------------------------------------

def _rss_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child_local(corpus: Path, db: Path) -> dict[str, Any]:
    from amity.extract import Extractor
    from amity.pipeline import ingest, warm
    from amity.store import open_registry

    t0 = time.perf_counter()
    extractor = Extractor()
    warm(extractor)  # nothing lazy is left for the timed run (as in every Ray worker)
    load = time.perf_counter() - t0
    with open_registry(str(db)) as reg:
        t0, c0 = time.perf_counter(), time.process_time()
        result = ingest(reg, [str(corpus)], extractor)
        run, cpu = time.perf_counter() - t0, time.process_time() - c0
    return {"load_s": load, "run_s": run, "cpu_s": cpu, "result": _result(result), "peak_rss_mb": [_rss_mb()]}


def child_ray(corpus: Path, db: Path, workers: int) -> dict[str, Any]:
    import ray

    from amity.batch import RayRunner, ray_session
    from amity.pipeline import ingest, warm_writer
    from amity.store import open_registry

    t0 = time.perf_counter()
    with ray_session(workers, None) as n:
        started = time.perf_counter() - t0
        runner = RayRunner(n)
        warm_writer()  # the driver's one-time load, while the workers load theirs (as `ingest` does)
        ray.get([a.pid.remote() for a in runner.actors])  # every worker has loaded its extractor
        load = time.perf_counter() - t0 - started
        cpu0 = sum(runner.cpu_s()) + time.process_time()
        with open_registry(str(db)) as reg:
            t0 = time.perf_counter()
            result = ingest(reg, [str(corpus)], runner=runner)
            run = time.perf_counter() - t0
        cpu = sum(runner.cpu_s()) + time.process_time() - cpu0  # workers and driver
        rss = runner.peak_rss_mb()
    return {"ray_start_s": started, "load_s": load, "run_s": run, "cpu_s": cpu, "result": _result(result),
            "peak_rss_mb": rss, "driver_rss_mb": _rss_mb()}


def child_spacy(corpus: Path) -> dict[str, Any]:
    import spacy

    texts = jsonl_texts(corpus)
    t0 = time.perf_counter()
    nlp = spacy.load(spacy_model())  # every component enabled
    nlp(texts[0])
    load = time.perf_counter() - t0
    t0, c0 = time.perf_counter(), time.process_time()
    ents = sum(len(doc.ents) for doc in nlp.pipe(texts))
    return {"load_s": load, "run_s": time.perf_counter() - t0, "cpu_s": time.process_time() - c0,
            "entities": ents, "pipes": nlp.pipe_names, "peak_rss_mb": [_rss_mb()]}


def _result(r: Any) -> dict[str, Any]:
    return {"read": r.read, "stored": r.stored, "screened_out": r.screened_out, "unchanged": r.unchanged,
            "skipped": r.skipped, "events": r.events}


# --- parent ---------------------------------------------------------------------------------

def run_child(kind: str, corpus: Path, tmp: Path, workers: int = 0) -> dict[str, Any]:
    out = tmp / f"{kind}{workers}-{time.monotonic_ns()}.json"
    db = tmp / f"{kind}{workers}-{time.monotonic_ns()}.db"
    cmd = [sys.executable, __file__, "--child", kind, "--corpus", str(corpus), "--out", str(out),
           "--db", str(db), "--workers", str(workers)]
    proc = subprocess.run(cmd, cwd=REPO, capture_output=True, text=True)
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr[-3000:])
        raise SystemExit(f"scale: the {kind} child failed with status {proc.returncode}")
    result: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    result["db"] = str(db)
    return result


def same_registry(a: str, b: str) -> bool:
    from amity.store import open_registry
    from amity.store.dump import canonical_dump

    with open_registry(a) as ra, open_registry(b) as rb:
        return bool(canonical_dump(ra.db) == canonical_dump(rb.db))


def measure(corpus: Path, n_docs: int, tmp: Path, sides: list[tuple[str, int]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for kind, workers in sides:
        label = kind if kind != "ray" else f"ray{workers}"
        print(f"  {label} ...", file=sys.stderr, flush=True)
        r = run_child(kind, corpus, tmp, workers)
        r["docs_per_s"] = n_docs / r["run_s"] if r["run_s"] > 0 else float("inf")
        r["docs_per_cpu_s"] = n_docs / r["cpu_s"] if r["cpu_s"] > 0 else float("inf")
        out[label] = r
        print(f"  {label}: {r['docs_per_s']:.2f} docs/s steady ({r['run_s']:.1f} s, "
              f"load {r['load_s']:.1f} s), "
              f"peak {max(r['peak_rss_mb']):.0f} MB", file=sys.stderr, flush=True)
    if "ray1" in out and "ray2" in out:
        out["ray2_over_ray1"] = out["ray2"]["docs_per_s"] / out["ray1"]["docs_per_s"]
        out["ray1_ray2_same_registry"] = same_registry(out["ray1"]["db"], out["ray2"]["db"])
    if "local" in out and "ray2" in out:
        out["ray2_over_local"] = out["ray2"]["docs_per_s"] / out["local"]["docs_per_s"]
        out["local_ray2_same_registry"] = same_registry(out["local"]["db"], out["ray2"]["db"])
    if "spacy" in out:
        for k in ("local", "ray1"):
            if k in out:
                out[f"{k}_over_spacy"] = out[k]["docs_per_s"] / out["spacy"]["docs_per_s"]
                out[f"{k}_over_spacy_cpu"] = out[k]["docs_per_cpu_s"] / out["spacy"]["docs_per_cpu_s"]
    for r in out.values():
        if isinstance(r, dict):
            r.pop("db", None)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="amity ingest on 1 and 2 Ray workers next to spaCy's pipeline")
    ap.add_argument("--stream", type=Path, default=DEFAULT_STREAM)
    ap.add_argument("--n", type=int, default=300, help="articles of the stream (default 300)")
    ap.add_argument("--big", type=int, default=0, metavar="N",
                    help="also ingest N distinct documents made from the news stream (e.g. 20000)")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--child", choices=["local", "ray", "spacy"], help=argparse.SUPPRESS)
    ap.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--db", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--workers", type=int, default=0, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        if args.child == "local":
            res = child_local(args.corpus, args.db)
        elif args.child == "ray":
            res = child_ray(args.corpus, args.db, args.workers)
        else:
            res = child_spacy(args.corpus)
        args.out.write_text(json.dumps(res), encoding="utf-8")
        return 0
    if not args.stream.is_file():
        raise SystemExit(f"scale: {args.stream} not found (use --stream FILE)")
    report: dict[str, Any] = {"cpus": os.cpu_count(), "spacy_model": spacy_model()}
    with tempfile.TemporaryDirectory(prefix="amity-scale-") as tmp_name:
        tmp = Path(tmp_name)
        head = tmp / "head.jsonl"
        n = stream_head(args.stream, args.n, head)
        print(f"corpus: first {n} articles of {args.stream}", file=sys.stderr)
        sides = [("spacy", 0), ("local", 0), ("ray", 1), ("ray", 2)]
        report["head"] = {"docs": n, **measure(head, n, tmp, sides)}
        if args.big:
            big = tmp / "big.jsonl"
            big_stream(args.stream, args.big, big)
            print(f"corpus: {args.big} documents made from {args.stream}", file=sys.stderr)
            report["big"] = {"docs": args.big, **measure(big, args.big, tmp, [("local", 0), ("ray", 2)])}
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        print_report(report)
    return 0


def print_report(report: dict[str, Any]) -> None:
    for name in ("head", "big"):
        if name not in report:
            continue
        r = report[name]
        print(f"\n{name}: {r['docs']} documents (steady state: model load and Ray start excluded)")
        head = f"{'':8}{'docs/s':>9}{'docs/CPU s':>12}{'run':>9}{'load':>8}"
        print(f"{head}{'peak RSS per process/worker':>30}")
        for side in ("spacy", "local", "ray1", "ray2"):
            if side in r:
                s = r[side]
                rss = ", ".join(f"{x:.0f}" for x in s["peak_rss_mb"])
                print(f"{side:8}{s['docs_per_s']:>9.2f}{s['docs_per_cpu_s']:>12.2f}{s['run_s']:>7.1f} s"
                      f"{s['load_s']:>6.1f} s{rss:>27} MB")
        for key in ("ray2_over_ray1", "ray2_over_local", "local_over_spacy", "ray1_over_spacy",
                    "local_over_spacy_cpu", "ray1_over_spacy_cpu"):
            if key in r:
                print(f"{key}: {r[key]:.2f}x")
        for key in ("ray1_ray2_same_registry", "local_ray2_same_registry"):
            if key in r:
                print(f"{key}: {r[key]}")
        if "local" in r:
            print(f"ingest: {r['local']['result']}")


if __name__ == "__main__":
    sys.exit(main())
