"""`amity extract`: one JSON record per document, as JSON Lines."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from amity.commands.terminal import SkipReport, json_text, reasons_summary
from amity.errors import InputError
from amity.extract import Extractor
from amity.ingest import expand_paths, read_source
from amity.records import Document, Skip


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "extract",
        help="extract exchange events from documents as JSON Lines",
        description="Read documents (.txt, .html, .jsonl; folders, globs, '-' for stdin) and write one JSON "
        "record per document in the format of the events spec.",
        epilog="Example: amity extract news/*.txt -o events.jsonl",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    model = p.add_mutually_exclusive_group()
    model.add_argument(
        "--event-model",
        metavar="FILE",
        type=Path,
        help="event classifier file to use (default: the packaged one)",
    )
    model.add_argument(
        "--rules-only", action="store_true", help="no trained event classifier: the rules alone"
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    paths = list(expand_paths(args.paths))  # a wrong path fails here, before anything is written
    if args.event_model is not None and not args.event_model.is_file():
        raise InputError(f"event model {args.event_model} not found", "give the path of a trained model file")
    extractor = Extractor(False if args.rules_only else (args.event_model or True))
    try:
        out: TextIO = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout  # noqa: SIM115
    except OSError as e:
        raise InputError(f"cannot write {args.output}: {e.strerror}", "check the folder exists") from e

    report = SkipReport()
    read = 0

    def documents() -> Iterator[Document]:
        nonlocal read
        for path in paths:
            for item in read_source(path):
                if isinstance(item, Skip):
                    report.add(item)
                else:
                    read += 1
                    yield item

    try:
        for doc, result in extractor.extract_many(documents()):
            if isinstance(result, Exception):  # one document's failure must not lose the rest of the batch
                failure = f"{type(result).__name__}: {result}"
                report.add(Skip(doc.source or doc.doc, "extract-failed", failure))
                continue
            out.write(json_text(result.with_warnings(doc.warnings).to_dict()) + "\n")
            out.flush()
    finally:
        if args.output:
            out.close()
    report.close()
    if report.count:
        print(f"amity: {read} documents read, {report.count} skipped:", file=sys.stderr)
        for line in reasons_summary(report.reasons):
            print(line, file=sys.stderr)
    if report.count and not read:
        raise InputError(
            f"none of the {report.count} inputs could be read", "see the reasons above for each file"
        )
    return 0
