"""Users of the write API and their tokens. A token is shown once, when made; the registry keeps only its
key id (to find the user) and a salted scrypt hash of its secret part."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass

from amity.errors import InputError, NotFoundError
from amity.store.db import Database

ROLES = ("editor", "viewer")
PREFIX = "amity"
NAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.@-]{0,63}$")
TOKEN_RE = re.compile(rf"^{PREFIX}_([0-9a-f]{{16}})_([A-Za-z0-9_-]{{20,100}})$")
# scrypt cost: about 16 MiB and a few tens of milliseconds per check
SCRYPT = {"n": 2**14, "r": 8, "p": 1, "maxmem": 64 * 1024 * 1024, "dklen": 32}


@dataclass(frozen=True)
class User:
    id: int
    name: str
    role: str
    created_at: str
    revoked_at: str | None = None

    @property
    def can_edit(self) -> bool:
        return self.role == "editor" and self.revoked_at is None

    def to_dict(self) -> dict[str, object]:
        return {
            "name": self.name,
            "role": self.role,
            "created_at": self.created_at,
            "revoked_at": self.revoked_at,
        }


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def hash_secret(secret: str, salt: bytes) -> str:
    return hashlib.scrypt(secret.encode(), salt=salt, **SCRYPT).hex()  # type: ignore[arg-type]


def check_name(name: str) -> str:
    if not NAME_RE.match(name):
        raise InputError(
            f"{name!r} is not a usable user name",
            "use 1 to 64 letters, digits, '_', '.', '@' or '-', starting with a letter or digit",
        )
    return name


def add_user(db: Database, name: str, role: str) -> tuple[User, str]:
    """Create a user; returns it and its new token (the only time the token exists in clear)."""
    check_name(name)
    if role not in ROLES:
        raise InputError(f"unknown role {role!r}", "use editor or viewer")
    if db.scalar("SELECT 1 FROM users WHERE name = ?", (name,)):
        raise InputError(
            f"a user called {name!r} already exists",
            "pick another name, or revoke the old one and add it again under a new name",
        )
    key_id, secret, salt = secrets.token_hex(8), secrets.token_urlsafe(32), secrets.token_bytes(16)
    created = _now()
    uid = db.insert(
        "INSERT INTO users (name, role, key_id, salt, token_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)",
        (name, role, key_id, salt.hex(), hash_secret(secret, salt), created),
    )
    return User(uid, name, role, created), f"{PREFIX}_{key_id}_{secret}"


def list_users(db: Database) -> list[User]:
    return [
        User(*r) for r in db.rows("SELECT id, name, role, created_at, revoked_at FROM users ORDER BY name")
    ]


def revoke_user(db: Database, name: str) -> User:
    row = db.one("SELECT id, name, role, created_at, revoked_at FROM users WHERE name = ?", (name,))
    if row is None:
        raise NotFoundError(f"no user called {name!r}", "list them with `amity users list`")
    if row[4] is None:
        db.execute("UPDATE users SET revoked_at = ? WHERE id = ?", (_now(), row[0]))
    return User(int(row[0]), str(row[1]), str(row[2]), str(row[3]), row[4] or _now())


def has_users(db: Database) -> bool:
    """Whether any user can still sign in: without one, the API stays read-only."""
    return bool(db.scalar("SELECT 1 FROM users WHERE revoked_at IS NULL LIMIT 1"))


def authenticate(db: Database, token: str) -> User | None:
    """The (unrevoked) user a token belongs to, or None."""
    m = TOKEN_RE.match(token.strip())
    if m is None:
        return None
    row = db.one(
        "SELECT id, name, role, created_at, revoked_at, salt, token_hash FROM users WHERE key_id = ?",
        (m.group(1),),
    )
    if row is None or row[4] is not None:
        return None
    if not hmac.compare_digest(hash_secret(m.group(2), bytes.fromhex(row[5])), row[6]):
        return None
    return User(*row[:5])
