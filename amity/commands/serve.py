"""`amity serve`: the web UI and the read-only JSON API over a registry."""

from __future__ import annotations

import argparse
import ipaddress
import re
import sys

from amity.errors import InputError

LOOPBACK_NAMES = {"localhost"}


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "serve",
        help="serve the web UI and the JSON API",
        description="Serve the registry: the web UI at / and the JSON API under /api (documented at /docs). "
        "Binds the loopback address unless --host says otherwise. The API is read-only unless the registry "
        "has users (`amity users add`): then editors change it with their token.",
        epilog="Example: amity serve --db amity.db --port 8000   (then open http://127.0.0.1:8000/)",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument(
        "--db",
        metavar="URL",
        default=None,
        help="registry: a SQLite path, sqlite:///path or postgresql://... (default: $AMITY_DB or amity.db)",
    )
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default: 127.0.0.1)")
    p.add_argument("--port", type=int, default=8000, help="port to listen on (default: 8000)")
    p.add_argument(
        "--allow-host",
        action="append",
        default=[],
        metavar="NAME",
        help="also answer requests for this Host name or address (repeatable; '*' for any). By default "
        "only 127.0.0.1, localhost and the --host address are answered, so that a web page on another "
        "site cannot read the registry through a DNS-rebinding name",
    )
    p.set_defaults(func=run)


def is_loopback(host: str) -> bool:
    if host in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def redact(url: str) -> str:
    """The registry URL without a password."""
    return re.sub(r"(://[^:/@]+):[^@/]*@", r"\1:***@", url)


def display_url(host: str, port: int) -> str:
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}/"


WILDCARDS = {"0.0.0.0", "::", ""}


def allowed_hosts(host: str, extra: list[str]) -> tuple[str, ...]:
    """The Host names `amity serve` answers: the loopback names, the bound address unless it is a
    wildcard, and the --allow-host names."""
    from amity.serve.middleware import LOOPBACK_HOSTS

    bound = [] if host in WILDCARDS else [host]
    return tuple(dict.fromkeys([*sorted(LOOPBACK_HOSTS), *bound, *extra]))


def check_port(host: str, port: int) -> None:
    """Refuse, in one line, a port another program holds (or one this user may not bind), before
    anything says "serving"."""
    import errno
    import socket

    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn binds
        try:
            s.bind((host, port))
        except OSError as e:
            other = port + 1 if port < 65535 else 8000
            hint = f"pick another with --port {other} (make run PORT={other})"
            if e.errno == errno.EADDRINUSE:
                raise InputError(f"port {port} on {host} is already in use (another server?)", hint) from e
            if e.errno == errno.EADDRNOTAVAIL:
                raise InputError(f"--host {host} is not an address of this machine",
                                 "use 127.0.0.1, or an address `ip addr` lists") from e
            raise InputError(f"cannot listen on {host}:{port}: {e.strerror}", hint) from e


def run(args: argparse.Namespace) -> int:
    if not 0 < args.port < 65536:
        raise InputError(f"--port {args.port} is not a TCP port", "give a number from 1 to 65535")
    check_port(args.host, args.port)
    import uvicorn

    from amity.serve import create_app
    from amity.store import open_registry

    registry = open_registry(args.db, must_exist=True)
    try:
        hosts = allowed_hosts(args.host, args.allow_host)
        app = create_app(registry, allowed_hosts=hosts)
        if not is_loopback(args.host):
            print(f"amity: warning: serving on {args.host}, reachable from other machines", file=sys.stderr)
            if args.host in WILDCARDS and not args.allow_host:
                print(
                    "amity: only requests for " + ", ".join(hosts) + " are answered; add the names other "
                    "machines use with --allow-host NAME",
                    file=sys.stderr,
                )
        where = display_url(args.host, args.port)
        print(
            f"amity: serving {redact(str(registry.url))} at {where} (API docs: {where}docs); Ctrl-C stops",
            flush=True,
        )
        uvicorn.run(app, host=args.host, port=args.port, log_level="warning", access_log=False)
    finally:
        registry.close()
    return 0
