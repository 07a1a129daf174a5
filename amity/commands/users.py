"""`amity users add|list|revoke`: who may change the registry through the write API."""

from __future__ import annotations

import argparse

from amity.store import open_registry


def _db(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--db",
        metavar="URL",
        default=None,
        help="registry: a SQLite path, sqlite:///path or postgresql://... (default: $AMITY_DB or amity.db)",
    )


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "users",
        help="add, list and revoke the users of the write API",
        description="Users sign in to the web UI and the write API with a token. An editor may change "
        "the registry, a viewer may only read. The token is printed once, as the last line of "
        "`users add`; the registry keeps only a salted hash of it. With no users, `amity serve` is "
        "read-only.",
        epilog="Example: amity users add alice --role editor --db amity.db",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    users = p.add_subparsers(dest="users_command", metavar="ACTION", required=True)
    a = users.add_parser(
        "add",
        help="create a user and print a new token (last line)",
        epilog="Example: amity users add alice --role editor",
    )
    a.add_argument("name")
    a.add_argument("--role", choices=("editor", "viewer"), required=True)
    _db(a)
    a.set_defaults(func=run_add)
    ls = users.add_parser(
        "list",
        help="list users, their roles and whether they are revoked",
        epilog="Example: amity users list --db amity.db",
    )
    _db(ls)
    ls.set_defaults(func=run_list)
    r = users.add_parser(
        "revoke",
        help="revoke a user's token (the user stays in the history)",
        epilog="Example: amity users revoke alice",
    )
    r.add_argument("name")
    _db(r)
    r.set_defaults(func=run_revoke)


def run_add(args: argparse.Namespace) -> int:
    from amity.curate.users import add_user

    with open_registry(args.db) as reg:
        user, token = add_user(reg.db, args.name, args.role)
    print(
        f"added {user.role} {user.name}; the token below is shown only now (send it as "
        "'Authorization: Bearer TOKEN', or paste it in the web UI's sign-in):"
    )
    print(token)
    return 0


def run_list(args: argparse.Namespace) -> int:
    from amity.curate.users import list_users

    with open_registry(args.db, must_exist=True) as reg:
        users = list_users(reg.db)
    if not users:
        print("no users: `amity serve` is read-only (add one with `amity users add NAME --role editor`)")
    for u in users:
        state = f"revoked {u.revoked_at}" if u.revoked_at else "active"
        print(f"{u.name}\t{u.role}\tcreated {u.created_at}\t{state}")
    return 0


def run_revoke(args: argparse.Namespace) -> int:
    from amity.curate.users import revoke_user

    with open_registry(args.db, must_exist=True) as reg:
        user = revoke_user(reg.db, args.name)
    print(f"revoked {user.name}: its token no longer works")
    return 0
