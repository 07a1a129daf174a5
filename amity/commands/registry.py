"""Registry commands: `amity ingest`, `events`, `people`, `orgs`, `show`, `export`.

Thin: parse, call the library, print."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import Any

from amity.commands.terminal import LISTED_SKIPS, json_text, reasons_summary, safe, safe_lines, skip_line
from amity.records import EVENT_TYPES, FIELDS, STATUSES
from amity.store import EventFilter, SQLRegistry, default_url, open_registry
from amity.store.export import BINARY_FORMATS, FORMATS, KINDS
from amity.store.inputs import check_countries, check_country, check_date, check_limit

NO_LIMIT = 2**62  # `--limit all`

RAW = argparse.HelpFormatter


def _db_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--db",
        metavar="URL",
        default=None,
        help="registry: a SQLite file (default: $AMITY_DB or amity.db here), sqlite:///path, "
        "or postgresql://user@host:port/db",
    )


def _filter_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--type", choices=EVENT_TYPES, help="only events of this type")
    p.add_argument("--status", choices=STATUSES, help="occurred, planned or historical")
    p.add_argument(
        "--country",
        action="append",
        default=[],
        metavar="CC",
        help="only events involving this country (ISO code or bloc); give twice for a pair",
    )
    p.add_argument("--field", choices=FIELDS, help="only events in this field of cooperation")
    p.add_argument("--person", metavar="ID|NAME", help="only events this person took part in")
    p.add_argument("--org", metavar="ID|NAME", help="only events this organization took part in")
    p.add_argument("--place", metavar="TEXT", help="only events at a place named TEXT (or in country CC)")
    p.add_argument(
        "--since", metavar="DATE", help="only events on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD)"
    )
    p.add_argument("--until", metavar="DATE", help="only events on or before DATE (inclusive prefix)")
    p.add_argument("-q", "--query", metavar="TEXT", help="full-text search in names, programmes and evidence")


def _limit_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--limit", default="50", metavar="N", help="at most N rows, or 'all' (default 50)")


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "ingest",
        help="read, extract and store documents in the registry",
        formatter_class=RAW,
        description="Read documents (files, folders recursively, globs, '-' for stdin), extract their events "
        "and store them. Documents already stored by this extractor version are skipped as unchanged; "
        "documents stored by an older version are re-derived. Work is committed in batches, so an "
        "interrupted run "
        "resumes where it stopped.",
        epilog="Example: amity ingest news/ extra/*.html --db registry.db",
    )
    p.add_argument("paths", nargs="+", metavar="PATH")
    _db_option(p)
    p.add_argument(
        "--batch", type=int, default=25, metavar="N", help="documents per transaction (default 25)"
    )
    p.add_argument(  # curation (issue 11)
        "--reextract",
        action="store_true",
        help="extract the documents under PATH again even if stored by this extractor version; values "
        "curated by hand (the write API, the web UI) win over the new extraction",
    )
    p.add_argument(
        "--workers",
        type=int,
        default=None,
        metavar="N",
        help="extract in N worker processes on a local Ray that amity starts and stops "
        "(default: in this process)",
    )
    p.add_argument(
        "--ray",
        metavar="ADDRESS",
        default=None,
        help="extract on the Ray cluster at ADDRESS (e.g. ray://head:10001 or auto); "
        "the files must be readable at the same paths on every node",
    )
    p.set_defaults(func=run_ingest)

    p = sub.add_parser(
        "events",
        help="list events in the registry",
        formatter_class=RAW,
        description="List stored events, newest first, as an aligned table.",
        epilog="Example: amity events --country CN --country KR --since 2024 --type meeting",
    )
    _db_option(p)
    _filter_options(p)
    _limit_option(p)
    p.add_argument("--json", action="store_true", help="print JSON Lines instead of a table")
    p.set_defaults(func=run_events)

    for name, what in (("people", "people"), ("orgs", "organizations")):
        p = sub.add_parser(
            name,
            help=f"list {what} in the registry",
            formatter_class=RAW,
            description=f"List stored {what}, those in most events first.",
            epilog=f"Example: amity {name} --country KR -q {'kim' if name == 'people' else 'foundation'}",
        )
        _db_option(p)
        p.add_argument("-q", "--query", metavar="TEXT", help="name or alias containing TEXT")
        p.add_argument("--country", metavar="CC", help="only this country (ISO code)")
        _limit_option(p)
        p.add_argument("--json", action="store_true", help="print JSON Lines instead of a table")
        p.set_defaults(func=run_people if name == "people" else run_orgs)

    p = sub.add_parser(
        "show",
        help="show one event, person, organization or document",
        formatter_class=RAW,
        description="Print everything the registry holds about one record (as JSON with --json).",
        epilog="Example: amity show event 12",
    )
    p.add_argument("kind", choices=("event", "person", "org", "document"))
    p.add_argument("id", type=int)
    _db_option(p)
    p.add_argument("--json", action="store_true", help="print the record as JSON")
    p.set_defaults(func=run_show)

    p = sub.add_parser(
        "export",
        help="export events, people or organizations as CSV, JSON Lines, Parquet, or a GraphML network",
        formatter_class=RAW,
        description="Export the events (optionally filtered), people or organizations. Events carry their "
        "organizations, participants with titles, and per source the title, URL, publication date and "
        "evidence text (the same columns as the web UI's CSV). GraphML gives people, organizations and "
        "countries as nodes and co-participation in events as weighted edges "
        "(networkx.read_graphml loads it). People and organizations take -q and --country.",
        epilog="Example: amity export --format csv -o events.csv --country KR  "
        "(people: amity export people --format parquet -o people.parquet)",
    )
    p.add_argument("kind", nargs="?", choices=KINDS, default="events", help="default: events")
    _db_option(p)
    p.add_argument("--format", required=True, choices=FORMATS)
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE (default: stdout)")
    _filter_options(p)
    p.set_defaults(func=run_export)


def _open(args: argparse.Namespace, create: bool = False) -> SQLRegistry:
    """The registry of --db; only `ingest` may create one (a typo must not give an empty registry)."""
    return open_registry(args.db or default_url(), must_exist=not create)


def _filter(args: argparse.Namespace, reg: SQLRegistry, limit: int | None = 50) -> EventFilter:
    """The event filter of the options, each checked (amity.store.inputs, as the API does)."""
    return EventFilter(
        type=args.type,
        status=args.status,
        countries=check_countries(args.country, "--country"),
        field=args.field,
        person_id=_entity_id(reg, "person", args.person),
        org_id=_entity_id(reg, "org", args.org),
        place=(args.place or "").strip() or None,
        since=check_date(args.since, "--since"),
        until=check_date(args.until, "--until"),
        q=args.query,
        limit=NO_LIMIT if limit is None else limit,
    )


def _entity_id(reg: SQLRegistry, kind: str, value: str | None) -> int | None:
    """A person's or organization's id: given as a number, or a name matching exactly one record."""
    from amity.errors import InputError

    if value is None or not value.strip():
        return None
    if value.strip().isdigit():
        return int(value)
    lister = reg.list_people if kind == "person" else reg.list_orgs
    found, total = lister(q=value.strip(), limit=6)
    exact = [r for r in found if (r["name"] or "").casefold() == value.strip().casefold()]
    if len(exact) == 1 or total == 1:
        return int((exact or found)[0]["id"])
    listing = "people" if kind == "person" else "orgs"
    if not found:
        raise InputError(f"no {'person' if kind == 'person' else 'organization'} matches {value!r}",
                         f"list them with `amity {listing} -q TEXT`")
    names = ", ".join(f"{r['name']} ({r['id']})" for r in found[:5])
    raise InputError(f"--{kind} {value!r} matches {total}: {names}{' ...' if total > 5 else ''}",
                     f"give the id, e.g. --{kind} {found[0]['id']}")


def run_ingest(args: argparse.Namespace) -> int:
    from amity.errors import InputError
    from amity.ingest.paths import check_paths
    from amity.pipeline import ingest

    if args.batch < 1:
        raise InputError(f"--batch must be at least 1, not {args.batch}")
    if args.workers is not None and args.workers < 1:
        raise InputError(f"--workers must be at least 1, not {args.workers}")
    check_paths(args.paths)  # a wrong path fails before the registry is created
    progress = sys.stderr.isatty()
    with _open(args, create=True) as reg:
        if args.workers is None and args.ray is None:
            from amity.extract import Extractor

            result = ingest(reg, args.paths, Extractor(), progress=progress, batch_size=args.batch,
                            reextract=args.reextract)
        else:
            from amity.batch import RayRunner, ray_session

            with ray_session(args.workers, args.ray) as n:
                runner = RayRunner(n)
                result = ingest(reg, args.paths, progress=progress, batch_size=args.batch, runner=runner,
                                reextract=args.reextract)
    listed = result.skips[:LISTED_SKIPS]
    for skip in listed:
        print(skip_line(skip), file=sys.stderr)
    if result.skipped > len(listed):
        print(
            f"amity: ... and {result.skipped - len(listed)} more skipped; every skip is recorded in "
            "the registry (documents with status 'skipped')",
            file=sys.stderr,
        )
    print(
        f"read {result.read}, stored {result.stored}, "
        + (f"screened out {result.screened_out}, " if result.screened_out else "")
        + f"unchanged {result.unchanged}, skipped {result.skipped}; {result.events} events in the registry"
    )
    for line in reasons_summary(result.skip_reasons):
        print(line)
    if result.unsupported:
        langs = ", ".join(f"{lang} {n}" for lang, n in result.unsupported.items())
        print(
            f"  not read for events {sum(result.unsupported.values())}: language-unsupported ({langs}); "
            "stored, amity reads English, Chinese and Korean"
        )
    if not result.read:
        raise InputError("no documents found in " + ", ".join(args.paths),
                         "give files or folders holding .txt, .html or .jsonl documents")
    if result.stored + result.screened_out + result.unchanged == 0:
        raise InputError(
            f"none of the {result.read} documents could be read", "see the reasons above for each file"
        )
    return 0


def table(headers: Sequence[str], rows: Sequence[Sequence[Any]], widths: dict[int, int] | None = None) -> str:
    """An aligned plain-text table; cells cut to `widths` (column index -> max characters)."""

    def cell(i: int, v: Any) -> str:
        s = safe(v)
        w = (widths or {}).get(i)
        return s if not w or len(s) <= w else s[: w - 1] + "…"

    cells = [[cell(i, v) for i, v in enumerate(r)] for r in rows]
    sizes = [max([len(h)] + [len(r[i]) for r in cells]) for i, h in enumerate(headers)]
    lines = ["  ".join(h.ljust(sizes[i]) for i, h in enumerate(headers)).rstrip()]
    lines += ["  ".join(c.ljust(sizes[i]) for i, c in enumerate(r)).rstrip() for r in cells]
    return "\n".join(lines)


def _jsonl(items: Sequence[dict[str, Any]]) -> None:
    for it in items:
        print(json_text(it))


def run_events(args: argparse.Namespace) -> int:
    limit = check_limit(args.limit, "--limit")
    with _open(args) as reg:
        events, total = reg.list_events(_filter(args, reg, limit))
    if args.json:
        _jsonl(events)
        return 0
    rows = []
    for e in events:
        place = e["place"] or {}
        where = ", ".join(x for x in (place.get("name"), place.get("country")) if x)
        rows.append(
            [
                e["id"],
                e["date"] or "-",
                e["status"],
                e["salience"],
                e["type"],
                "-".join(e["countries"]),
                e["name"] or e["program"] or "",
                where,
                "; ".join(p["name"] or "" for p in e["participants"]),
                e["n_sources"],
            ]
        )
    print(
        table(
            ["ID", "DATE", "STATUS", "SALIENCE", "TYPE", "COUNTRIES", "NAME", "PLACE", "PARTICIPANTS",
             "SOURCES"],
            rows,
            {6: 40, 7: 24, 8: 40},
        )
    )
    print(f"{len(events)} of {total} events")
    return 0


def _one_country(args: argparse.Namespace) -> str | None:
    return check_country(args.country, "--country") if args.country else None


def _limit(args: argparse.Namespace) -> int:
    limit = check_limit(args.limit, "--limit")
    return NO_LIMIT if limit is None else limit


def run_people(args: argparse.Namespace) -> int:
    with _open(args) as reg:
        people, total = reg.list_people(q=args.query, country=_one_country(args), limit=_limit(args))
    if args.json:
        _jsonl(people)
        return 0
    rows = [
        [p["id"], p["name"], p["country"] or "", p["title"] or "", p["organization"] or "", p["n_events"]]
        for p in people
    ]
    print(table(["ID", "NAME", "COUNTRY", "TITLE", "ORGANIZATION", "EVENTS"], rows, {3: 30, 4: 40}))
    print(f"{len(people)} of {total} people")
    return 0


def run_orgs(args: argparse.Namespace) -> int:
    with _open(args) as reg:
        orgs, total = reg.list_orgs(q=args.query, country=_one_country(args), limit=_limit(args))
    if args.json:
        _jsonl(orgs)
        return 0
    rows = [
        [o["id"], o["name"], o["acronym"] or "", o["country"] or "", o["n_events"], o["n_people"]]
        for o in orgs
    ]
    print(table(["ID", "NAME", "ACRONYM", "COUNTRY", "EVENTS", "PEOPLE"], rows, {1: 60}))
    print(f"{len(orgs)} of {total} organizations")
    return 0


def run_show(args: argparse.Namespace) -> int:
    with _open(args) as reg:
        get = {
            "event": reg.get_event,
            "person": reg.get_person,
            "org": reg.get_org,
            "document": reg.get_document,
        }[args.kind]
        record = get(args.id)
    if args.json:
        print(json_text(record, indent=2))
        return 0
    print(render(record))
    return 0


def render(record: dict[str, Any], indent: str = "") -> str:
    """A record as indented `key: value` lines; lists of records as numbered blocks."""
    lines = []
    for k, v in record.items():
        if isinstance(v, list) and v and isinstance(v[0], dict):
            lines.append(f"{indent}{safe(k)}:")
            for i, item in enumerate(v, 1):
                lines.append(f"{indent}  [{i}]")
                lines.append(render(item, indent + "    "))
        elif isinstance(v, dict):
            lines.append(f"{indent}{safe(k)}:")
            lines.append(render(v, indent + "  "))
        elif isinstance(v, list):
            lines.append(f"{indent}{safe(k)}: {', '.join(safe(x) for x in v)}")
        elif k == "text" and isinstance(v, str):
            lines.append(f"{indent}{k}:")
            lines += [f"{indent}  {line}" for line in safe_lines(v)]
        else:
            lines.append(f"{indent}{safe(k)}: {safe(v)}")
    return "\n".join(lines)


def run_export(args: argparse.Namespace) -> int:
    from amity.errors import InputError
    from amity.store.export import export

    binary = args.format in BINARY_FORMATS
    if args.format == "parquet" and not args.output and sys.stdout.isatty():
        raise InputError(
            "Parquet is binary and would be written to the terminal",
            f"write it to a file: amity export {args.kind} --format parquet -o {args.kind}.parquet",
        )
    if args.kind != "events":
        extra = [f"--{k}" for k in ("type", "field", "since", "until") if getattr(args, k)]
        if extra:
            raise InputError(f"{', '.join(extra)} filter events, not {args.kind}", "use -q and --country")
    with _open(args) as reg:
        f = _filter(args, reg)
        if not args.output:
            export(reg, args.format, sys.stdout.buffer if binary else sys.stdout, f, args.kind)
            return 0
        try:
            out = open(  # noqa: SIM115
                args.output,
                "wb" if binary else "w",
                encoding=None if binary else "utf-8",
                newline=None if binary else "",
            )
        except OSError as e:
            raise InputError(f"cannot write {args.output}: {e.strerror}", "check the folder exists") from e
        with out:
            n = export(reg, args.format, out, f, args.kind)
    what = "nodes" if args.format == "graphml" else args.kind
    print(f"wrote {n} {what} to {args.output}", file=sys.stderr)
    return 0
