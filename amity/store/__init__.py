"""The registry: documents, events, people, organizations and places in SQLite or PostgreSQL."""

from __future__ import annotations

import os

from amity.store.db import Database
from amity.store.interface import EventFilter, IngestResult, Registry
from amity.store.registry import SQLRegistry

DEFAULT_DB = "amity.db"


def default_url() -> str:
    """`AMITY_DB` from the environment, else amity.db in the current folder."""
    return os.environ.get("AMITY_DB") or DEFAULT_DB


def open_registry(url: str | None = None, must_exist: bool = False) -> SQLRegistry:
    """Open (creating and migrating as needed) a registry: a SQLite path, `sqlite:///path`, or
    `postgresql://user@host:port/db` (a schema via `?options=-csearch_path%3Dname`). With
    `must_exist`, a SQLite file that does not exist is an error instead of a new empty registry."""
    return SQLRegistry(Database.open(url or default_url(), must_exist=must_exist))


__all__ = [
    "DEFAULT_DB",
    "EventFilter",
    "IngestResult",
    "Registry",
    "SQLRegistry",
    "default_url",
    "open_registry",
]
