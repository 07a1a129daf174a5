"""`amity resolve` end to end: the bundled samples ingested with the real extractor, then re-resolved."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from amity.cli import main

TABLES = ("events", "event_sources", "event_participants", "event_links", "people", "organizations", "places")


def snapshot(db: Path) -> dict[str, list[tuple[object, ...]]]:
    with sqlite3.connect(db) as conn:
        return {t: sorted(conn.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in TABLES}


def test_resolve_twice_changes_nothing(
    samples_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "reg.db"
    assert main(["ingest", str(samples_dir), "--db", str(db)]) == 0
    capsys.readouterr()
    assert main(["resolve", "--db", str(db)]) == 0
    first = capsys.readouterr().out
    assert first.startswith("re-resolved ") and " events (was " in first
    once = snapshot(db)
    assert once["events"], "the samples report events"
    assert main(["resolve", "--db", str(db)]) == 0
    assert capsys.readouterr().out == first
    assert snapshot(db) == once


def test_resolve_needs_an_existing_registry(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["resolve", "--db", str(tmp_path / "missing.db")]) == 1
    err = capsys.readouterr().err
    assert "no registry" in err and "amity ingest" in err
    assert not (tmp_path / "missing.db").exists()
