"""User mistakes end with one clear error line, never a traceback, and leave nothing behind."""

from __future__ import annotations

from pathlib import Path

import pytest

from amity.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    err = capsys.readouterr().err
    return code, err


def test_read_commands_refuse_a_registry_that_does_not_exist(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "typo.db"
    code, err = run(capsys, "events", "--db", str(db))
    assert code == 1 and "no registry at" in err and "Traceback" not in err
    assert not db.exists()


def test_unknown_registry_scheme(capsys: pytest.CaptureFixture[str]) -> None:
    code, err = run(capsys, "events", "--db", "mysql://somewhere/db")
    assert code == 1 and "unsupported registry URL" in err


def test_ingest_checks_paths_before_creating_the_registry(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "new.db"
    code, err = run(capsys, "ingest", str(tmp_path / "missing"), "--db", str(db))
    assert code == 1 and "no such file or folder" in err
    assert not db.exists()


def test_dates_are_checked(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Ministers meet\nUpdated: 2025-01-02\n\nJapan and Korea held talks in Tokyo on Monday.\n")
    db = tmp_path / "r.db"
    assert run(capsys, "ingest", str(article), "--db", str(db))[0] == 0
    code, err = run(capsys, "events", "--db", str(db), "--since", "last week")
    assert code == 1 and "is not a date" in err


def test_output_to_a_missing_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Ministers meet\n\nJapan and Korea held talks in Tokyo.\n")
    code, err = run(capsys, "extract", str(article), "-o", str(tmp_path / "no" / "out.jsonl"))
    assert code == 1 and "cannot write" in err and "Traceback" not in err


def test_csv_export_defuses_formulas(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = tmp_path / "a.txt"
    article.write_text(
        "=HYPERLINK(\"http://x\") forum\nUpdated: 2025-01-02\n\n"
        "The =cmd|' /C calc'!A0 Forum was held in Tokyo on Monday with Korean and Japanese experts.\n"
    )
    db = tmp_path / "r.db"
    assert run(capsys, "ingest", str(article), "--db", str(db))[0] == 0
    out = tmp_path / "events.csv"
    assert run(capsys, "export", "--db", str(db), "--format", "csv", "-o", str(out))[0] == 0
    for line in out.read_text().splitlines()[1:]:
        for cell in line.split(","):
            assert not cell.strip('"').startswith(("=", "+", "@"))
