"""Registry fixtures: every registry test runs on SQLite and on PostgreSQL (a fresh schema each)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from amity.store import SQLRegistry, open_registry

PG_URL = os.environ.get("AMITY_TEST_PG_URL")


def pg_schema_url(base: str, schema: str) -> str:
    sep = "&" if "?" in base else "?"
    return f"{base}{sep}options=-csearch_path%3D{schema}"


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A fresh PostgreSQL schema for one test, dropped afterwards."""
    yield from _fresh_schema()


@pytest.fixture
def pg_url_second() -> Iterator[str]:
    """A second fresh schema, for tests comparing two registries."""
    yield from _fresh_schema()


def _fresh_schema() -> Iterator[str]:
    if not PG_URL:
        pytest.skip(
            "AMITY_TEST_PG_URL is not set: no PostgreSQL server (start one with "
            "`. .ci/postgres.sh && start_postgres`)"
        )
    import psycopg

    schema = "t_" + uuid.uuid4().hex[:12]
    with psycopg.connect(PG_URL, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    try:
        yield pg_schema_url(PG_URL, schema)
    finally:
        with psycopg.connect(PG_URL, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return str(tmp_path / "registry.db")
    return str(request.getfixturevalue("pg_url"))


@pytest.fixture
def registry(db_url: str) -> Iterator[SQLRegistry]:
    reg = open_registry(db_url)
    try:
        yield reg
    finally:
        reg.close()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def fresh_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Callable[[], str]]:
    """A factory of fresh, empty registry URLs on one backend (for property tests: one per example)."""
    made: list[str] = []
    if request.param == "postgresql" and not PG_URL:
        pytest.skip("AMITY_TEST_PG_URL is not set: no PostgreSQL server")

    def make() -> str:
        if request.param == "sqlite":
            url = str(tmp_path / f"r{len(made)}.db")
        else:
            import psycopg

            schema = "t_" + uuid.uuid4().hex[:12]
            with psycopg.connect(str(PG_URL), autocommit=True) as conn:
                conn.execute(f"CREATE SCHEMA {schema}")
            url = pg_schema_url(str(PG_URL), schema)
        made.append(url)
        return url

    yield make
    if request.param == "postgresql":
        import psycopg

        with psycopg.connect(str(PG_URL), autocommit=True) as conn:
            for url in made:
                conn.execute(f"DROP SCHEMA {url.rsplit('%3D', 1)[1]} CASCADE")
