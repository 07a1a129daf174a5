"""amity's command line: parses arguments, calls the library, prints errors. Nothing else lives here."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from amity import __version__
from amity.errors import AmityError

# Each module defines register(subparsers) adding its commands with set_defaults(func=handler).
COMMAND_MODULES = (
    "amity.commands.extract",
    "amity.commands.registry",
    "amity.commands.resolve",
    "amity.commands.serve",
    "amity.commands.users",  # curation (issue 11)
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="amity",
        description="Extract international exchange events from news and keep them in a queryable registry.",
        epilog="Example (in amity's folder): amity ingest amity/data/samples && amity events --country CN "
        "--country KR",
    )
    parser.add_argument("--version", action="version", version=f"amity {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as e:
            if e.name == name:
                continue
            raise
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args) or 0)
    except AmityError as e:
        print(f"amity: error: {e}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("amity: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
