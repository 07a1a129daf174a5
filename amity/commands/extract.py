"""`amity extract`: one JSON record per document, as JSON Lines."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

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

    def documents() -> Iterator[Document]:
        for path in paths:
            for item in read_source(path):
                if isinstance(item, Skip):
                    print(f"amity: skipped {item.source}: {item.reason}: {item.detail}", file=sys.stderr)
                else:
                    yield item

    try:
        for doc, result in extractor.extract_many(documents()):
            if isinstance(result, Exception):  # one document's failure must not lose the rest of the batch
                print(
                    f"amity: skipped {doc.source or doc.doc}: extract-failed: "
                    f"{type(result).__name__}: {result}",
                    file=sys.stderr,
                )
                continue
            out.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")
            out.flush()
    finally:
        if args.output:
            out.close()
    return 0
