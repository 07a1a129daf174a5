#!/usr/bin/env python3
"""Accuracy on a gold set: run `amity extract` over its documents, then score with the shared scorer.

    .venv/bin/python benchmarks/accuracy.py [--gold-dir ../shared/eval/dev] [--verbose]

The gold folder holds `gold.json` and `docs/`; the scorer is `score.py` in the folder above it
(override with --score). Prints the scorer's report and exits with its status.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_GOLD = REPO.parent / "shared" / "eval" / "dev"


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description="Score `amity extract` against a gold set.")
    ap.add_argument("--gold-dir", type=Path, default=DEFAULT_GOLD,
                    help=f"folder with gold.json and docs/ (default: {DEFAULT_GOLD})")
    ap.add_argument("--score", type=Path, default=None,
                    help="the scorer script (default: score.py in the gold folder's parent)")
    ap.add_argument("--verbose", action="store_true", help="per-document details from the scorer")
    ap.add_argument("--json", action="store_true", help="the scorer's JSON report instead of text")
    ap.add_argument("--keep", type=Path, default=None, metavar="FILE",
                    help="also keep the predictions in FILE")
    return ap.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    gold_dir: Path = args.gold_dir.resolve()
    gold, docs = gold_dir / "gold.json", gold_dir / "docs"
    score = (args.score or gold_dir.parent / "score.py").resolve()
    for needed in (gold, docs, score):
        if not needed.exists():
            print(f"accuracy: {needed} not found (use --gold-dir / --score)", file=sys.stderr)
            return 2
    with tempfile.TemporaryDirectory(prefix="amity-accuracy-") as tmp:
        pred = Path(args.keep) if args.keep else Path(tmp) / "pred.jsonl"
        started = time.perf_counter()
        run = subprocess.run(
            [sys.executable, "-m", "amity.cli", "extract", str(docs), "-o", str(pred)],
            cwd=REPO, capture_output=True, text=True, check=False,
        )
        elapsed = time.perf_counter() - started
        if run.returncode != 0:
            print(run.stderr, file=sys.stderr, end="")
            print(f"accuracy: amity extract failed with status {run.returncode}", file=sys.stderr)
            return run.returncode or 1
        if run.stderr.strip():
            print(run.stderr, file=sys.stderr, end="")
        n = sum(1 for line in pred.read_text(encoding="utf-8").splitlines() if line.strip())
        print(f"amity extract: {n} documents from {docs} in {elapsed:.1f} s", file=sys.stderr)
        cmd = [sys.executable, str(score), str(gold), str(pred), "--docs", str(docs)]
        if args.verbose:
            cmd.append("--verbose")
        if args.json:
            cmd.append("--json")
        scored = subprocess.run(cmd, capture_output=True, text=True, check=False)
        print(scored.stdout, end="")
        if scored.stderr:
            print(scored.stderr, file=sys.stderr, end="")
        return scored.returncode


if __name__ == "__main__":
    sys.exit(main())
