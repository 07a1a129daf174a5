"""A thin connection wrapper hiding the two dialects: '?' placeholders, RETURNING ids, transactions."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from amity.errors import StoreError

Params = Sequence[Any]
NUL_REPLACEMENT = "\ufffd"  # PostgreSQL text cannot hold NUL; one code point keeps evidence offsets valid


_SURROGATE = re.compile("[\ud800-\udfff]")


def _clean(p: Any) -> Any:
    if not isinstance(p, str) or p.isascii() and "\x00" not in p:
        return p
    # NUL (PostgreSQL text cannot hold it) and lone surrogates (no UTF-8 encodes them) become U+FFFD:
    # one code point each, so evidence offsets stay valid
    return _SURROGATE.sub(NUL_REPLACEMENT, p.replace("\x00", NUL_REPLACEMENT))


def clean_params(params: Params) -> tuple[Any, ...]:
    """Parameters with NUL characters and lone surrogates in strings replaced (on both backends, so
    both store the same)."""
    return tuple(_clean(p) for p in params)


class Database:
    """One connection. SQL is written with '?' placeholders; PostgreSQL gets '%s'."""

    def __init__(self, dialect: str, conn: Any, url: str) -> None:
        self.dialect = dialect
        self.conn = conn
        self.url = url
        self._depth = 0
        self._pending: dict[str, tuple[Any, Callable[[Database, Any], None]]] = {}

    @classmethod
    def open(cls, url: str, must_exist: bool = False) -> Database:
        """Open a registry URL; `must_exist` refuses to create a new SQLite file (for read-only commands)."""
        if url.startswith(("postgresql://", "postgres://")):
            return cls._open_postgres(url)
        scheme = re.match(r"^([a-z][a-z0-9+.-]*)://", url)
        if scheme and scheme.group(1) != "sqlite":
            raise StoreError(
                f"unsupported registry URL {url!r}",
                "use a SQLite file path, sqlite:///path, or postgresql://user@host:port/db",
            )
        path = url.removeprefix("sqlite:///") if url.startswith("sqlite:///") else url.removeprefix("sqlite:")
        if must_exist and path != ":memory:" and not Path(path).exists():
            raise StoreError(
                f"no registry at {path}", "run `amity ingest PATH --db ...` first, or check --db"
            )
        return cls._open_sqlite(path, url)

    @classmethod
    def _open_sqlite(cls, path: str, url: str) -> Database:
        if path != ":memory:" and not Path(path).parent.exists():
            raise StoreError(
                f"cannot create the registry {path}: its folder does not exist",
                "create the folder or pass another --db path",
            )
        try:
            conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False, timeout=30)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute("PRAGMA foreign_keys=ON")
        except sqlite3.DatabaseError as e:
            raise StoreError(
                f"cannot open the SQLite registry {path}: {e}",
                "check that it is an amity registry file, or pass another --db",
            ) from e
        return cls("sqlite", conn, url)

    @classmethod
    def _open_postgres(cls, url: str) -> Database:
        try:
            import psycopg
        except ImportError as e:
            raise StoreError("PostgreSQL support is not installed", "pip install 'psycopg[binary]'") from e

        try:
            conn = psycopg.connect(url, autocommit=True)
        except psycopg.Error as e:
            raise StoreError(
                f"cannot connect to PostgreSQL: {e}".strip(),
                "check the server is running and the URL (postgresql://user@host:port/db)",
            ) from e
        return cls("postgresql", conn, url)

    def close(self) -> None:
        self.conn.close()

    def _sql(self, sql: str) -> str:
        return sql.replace("?", "%s") if self.dialect == "postgresql" else sql

    def execute(self, sql: str, params: Params = ()) -> Any:
        try:
            return self.conn.execute(self._sql(sql), clean_params(params))
        except Exception as e:  # sqlite3.Error / psycopg.Error: one error type for callers
            if type(e).__module__.split(".")[0] in ("sqlite3", "psycopg"):
                raise StoreError(f"registry query failed: {e}".strip(), self._hint(e)) from e
            raise

    def _hint(self, e: Exception) -> str:
        if "locked" in str(e):
            return "another amity process is writing this registry; retry when it has finished"
        return "the registry may be damaged or from a newer amity"

    def executemany(self, sql: str, rows: Sequence[Params]) -> None:
        if not rows:
            return
        try:
            if self.dialect == "postgresql":
                with self.conn.cursor() as cur:
                    cur.executemany(self._sql(sql), [clean_params(r) for r in rows])
            else:
                self.conn.executemany(sql, [clean_params(r) for r in rows])
        except Exception as e:
            if type(e).__module__.split(".")[0] in ("sqlite3", "psycopg"):
                raise StoreError(f"registry write failed: {e}".strip(), self._hint(e)) from e
            raise

    def rows(self, sql: str, params: Params = ()) -> list[tuple[Any, ...]]:
        return list(self.execute(sql, params).fetchall())

    def one(self, sql: str, params: Params = ()) -> tuple[Any, ...] | None:
        row = self.execute(sql, params).fetchone()
        return tuple(row) if row is not None else None

    def scalar(self, sql: str, params: Params = ()) -> Any:
        row = self.one(sql, params)
        return row[0] if row else None

    def insert(self, sql: str, params: Params = ()) -> int:
        """Run an INSERT and return the new row's id."""
        return int(self.execute(sql + " RETURNING id", params).fetchone()[0])

    def before_commit(self, key: str, make: Callable[[], Any], flush: Callable[[Database, Any], None]) -> Any:
        """The pending state under `key` for the open transaction (made by `make()` the first time),
        which `flush(db, state)` writes just before the transaction commits; dropped on rollback.
        None outside a transaction (the caller writes at once)."""
        if not self._depth:
            return None
        if key not in self._pending:
            self._pending[key] = (make(), flush)
        return self._pending[key][0]

    def _flush_pending(self) -> None:
        for key in sorted(self._pending):
            state, flush = self._pending.pop(key)
            flush(self, state)

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """A write transaction; nested calls join the outer one."""
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        self._depth = 1
        self._pending.clear()
        try:
            if self.dialect == "sqlite":
                self.execute("BEGIN IMMEDIATE")
                try:
                    yield
                    self._flush_pending()
                except BaseException:
                    self.conn.execute("ROLLBACK")
                    raise
                self.execute("COMMIT")
            else:
                with self.conn.transaction():
                    yield
                    self._flush_pending()
        finally:
            self._depth = 0
            self._pending.clear()

    def in_list(self, values: Sequence[Any]) -> str:
        """'(?, ?, ?)' for an IN clause of `values` (never empty: callers check)."""
        return "(" + ", ".join("?" * len(values)) + ")"
