"""`amity resolve`: re-run cross-document matching over the whole registry. Thin: parse, call, print."""

from __future__ import annotations

import argparse
import sys

from amity.commands.registry import _db_option
from amity.store import default_url, open_registry
from amity.store.rederive import reresolve


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "resolve",
        help="re-run cross-document matching (people, organizations, places, events) over the registry",
        description="Rebuild everything derived from the stored documents with the current matching: "
        "who is who, which reports are one event, which events are part of others and which may be "
        "duplicates. Run it after upgrading amity's matching, or after a batch ingested in parallel. "
        "Nothing is extracted again; running it twice leaves the registry unchanged.",
        epilog="Example: amity resolve --db amity.db",
    )
    _db_option(p)
    p.set_defaults(func=run_resolve)


def run_resolve(args: argparse.Namespace) -> int:
    with open_registry(args.db or default_url(), must_exist=True) as reg:
        r = reresolve(reg.db)
    print(
        f"re-resolved {r.documents} documents: {r.events} events (was {r.events_before}), "
        f"{r.people} people, {r.organizations} organizations; "
        f"{r.part_of} events linked as part of another, {r.possible_duplicates} possible duplicates",
        file=sys.stdout,
    )
    return 0
