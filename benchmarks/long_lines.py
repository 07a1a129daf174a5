#!/usr/bin/env python3
"""What one very long line costs: a document written on a single line against the same text with its
line breaks, extracted in the same process, and the process's peak memory.

    .venv/bin/python benchmarks/long_lines.py [--mb 5] [--max-ratio 3] [--max-mib 1024] [--json]

The text is written here: short reports of meetings, signings and forums between committee minutes, so
that the extractor's triggers, recogniser and parser all have work on every line. Exit status 1 when the
single line costs more than --max-ratio times the ordinary document, or the peak passes --max-mib.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time

REPORTS = (
    "Seoul Mayor Oh Min-seok met a six-member delegation from Hanoi led by Vice Chairman Nguyen Van Hai on "
    "Tuesday. The two cities signed a memorandum of understanding on youth exchanges. More than 120 guests "
    "attended a forum on tourism held in the afternoon. "
) + "".join(f"The committee discussed budgets, roads and school repairs in district {i}. " for i in range(60))


def texts(size: int) -> tuple[str, str]:
    body = (REPORTS * (size // len(REPORTS) + 1))[:size]
    header = "Digest\nUpdated: 2025-03-14\n\n"
    return header + body.replace(". The committee", ".\n\nThe committee"), header + body


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=5.0, help="size of each document in MB (default 5)")
    ap.add_argument("--max-ratio", type=float, default=3.0, help="allowed single-line / ordinary time")
    ap.add_argument("--max-mib", type=float, default=1024.0, help="allowed peak resident memory in MiB")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)

    from amity.extract import Extractor
    from amity.ingest import read_bytes

    ordinary, one_line = texts(int(args.mb * 1_000_000))
    extractor = Extractor()
    extractor.extract(next(read_bytes("warm.txt", b"Seoul and Hanoi signed a memorandum on Tuesday.")))
    seconds = {}
    events = {}
    for name, text in (("ordinary", ordinary), ("one_line", one_line)):
        start = time.perf_counter()
        [doc] = list(read_bytes(name + ".txt", text.encode()))
        record = extractor.extract(doc)
        seconds[name] = time.perf_counter() - start
        events[name] = len(record.events)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    ratio = seconds["one_line"] / seconds["ordinary"]
    figures = {"mb": args.mb, "seconds": seconds, "events": events, "ratio": ratio, "peak_mib": peak}
    if args.json:
        print(json.dumps(figures))
    else:
        print(f"{args.mb:g} MB with line breaks: {seconds['ordinary']:.1f} s ({events['ordinary']} events)")
        print(f"{args.mb:g} MB on one line:      {seconds['one_line']:.1f} s ({events['one_line']} events)")
        print(f"ratio one line / ordinary: {ratio:.2f}x (allowed {args.max_ratio:g}x)")
        print(f"peak resident memory: {peak:.0f} MiB (allowed {args.max_mib:g} MiB)")
    return 0 if ratio <= args.max_ratio and peak <= args.max_mib else 1


if __name__ == "__main__":
    sys.exit(main())
