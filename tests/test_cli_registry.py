"""The registry commands end to end: ingest the sample corpus with the real extractor, list, show, export.
Only facts that do not depend on the extractor's quality are asserted."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import networkx as nx
import pytest

from amity.cli import main


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    d = tmp_path / "news"
    (d / "more").mkdir(parents=True)
    (d / "a.txt").write_text(
        "Seoul and Hanoi signed a tourism agreement on March 5, 2024. Mayor Oh Se-hoon "
        "and Chairman Tran Sy Thanh signed the memorandum at Seoul City Hall.\n"
    )
    (d / "more" / "b.html").write_text(
        "<html><head><title>Forum</title></head><body><p>The Japan-Vietnam "
        "heritage forum was held in Hue on 2 June 2023.</p></body></html>"
    )
    (d / "c.pdf").write_bytes(b"%PDF-1.4 not read")
    (d / "empty.txt").write_text("  \n")
    return d


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_ingest_is_idempotent_and_counts_skips(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "r.db")
    code, out, _ = run(capsys, "ingest", str(corpus), "--db", db)
    assert code == 0
    assert out.startswith("read 4, stored 2, unchanged 0, skipped 2;")
    assert "skipped 1: empty" in out and "skipped 1: unknown-format" in out
    code, out, _ = run(capsys, "ingest", str(corpus / "*.txt"), str(corpus), "--db", db)
    assert out.startswith("read 6, stored 0, unchanged 3, skipped 3;")
    with sqlite3.connect(db) as conn:
        assert conn.execute(
            "SELECT status, COUNT(*) FROM documents GROUP BY status ORDER BY status"
        ).fetchall() == [("extracted", 2), ("skipped", 2)]
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_ingest_sample_corpus_twice(
    samples_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    files = [p for p in samples_dir.rglob("*") if p.is_file() and not p.name.startswith(".")]
    if not files:
        pytest.skip("the sample corpus is not written yet")
    db = str(tmp_path / "s.db")
    _, first, _ = run(capsys, "ingest", str(samples_dir), "--db", db)
    _, second, _ = run(capsys, "ingest", str(samples_dir), "--db", db)
    read = int(first.split(",")[0].removeprefix("read "))
    assert read >= len(files)
    n_events = first.split(";")[1].split()[0]
    assert f"stored 0, unchanged {read - int(first.split('skipped ')[1].split(';')[0])}" in second
    assert second.split(";")[1].split()[0] == n_events


def test_list_show_export(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "r.db"
    monkeypatch.setenv("AMITY_DB", str(db))  # the default --db
    run(capsys, "ingest", str(corpus))
    assert db.exists()
    code, out, _ = run(capsys, "events", "--limit", "5")
    assert code == 0 and out.splitlines()[0].split() == [
        "ID",
        "DATE",
        "STATUS",
        "SALIENCE",
        "TYPE",
        "COUNTRIES",
        "NAME",
        "PLACE",
        "PARTICIPANTS",
        "SOURCES",
    ]
    assert out.rstrip().endswith("events")
    code, out, _ = run(capsys, "events", "--json", "--country", "KR", "--since", "2000")
    assert all("KR" in json.loads(line)["countries"] for line in out.splitlines())
    for cmd in ("people", "orgs"):
        code, out, _ = run(capsys, cmd)
        assert code == 0 and out.startswith("ID")
    code, out, _ = run(capsys, "show", "document", "1")
    assert code == 0 and "status: extracted" in out and "Seoul and Hanoi" in out
    code, out, _ = run(capsys, "show", "document", "1", "--json")
    assert json.loads(out)["doc"] == "a.txt"
    code, _, err = run(capsys, "show", "event", "9999")
    assert code == 1 and "no event 9999" in err
    for fmt in ("csv", "jsonl", "parquet", "graphml"):
        code, _, err = run(capsys, "export", "--format", fmt, "-o", str(tmp_path / f"out.{fmt}"))
        assert code == 0 and (tmp_path / f"out.{fmt}").stat().st_size > 0
    nx.read_graphml(tmp_path / "out.graphml")
    code, out, _ = run(capsys, "export", "--format", "csv")
    assert out.startswith("id,type,status")


def test_top_level_help_example_names_a_folder_that_exists(capsys: pytest.CaptureFixture[str]) -> None:
    from amity.cli import build_parser

    epilog = build_parser().epilog or ""
    folder = epilog.split("amity ingest ")[1].split()[0]
    assert (Path(__file__).resolve().parent.parent / folder).is_dir()


def test_bad_paths_and_help(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "ingest", str(tmp_path / "missing"), "--db", str(tmp_path / "r.db"))
    assert code == 1 and "no such file" in err
    code, _, err = run(capsys, "events", "--db", str(tmp_path / "no" / "such" / "dir.db"))
    assert code == 1 and "no registry at" in err
    article = tmp_path / "a.txt"
    article.write_text("Korea and Japan held talks in Tokyo.\n")
    code, _, err = run(capsys, "ingest", str(article), "--db", str(tmp_path / "no" / "such" / "dir.db"))
    assert code == 1 and "folder does not exist" in err
    for cmd in ("ingest", "events", "people", "orgs", "show", "export"):
        with pytest.raises(SystemExit):
            main([cmd, "--help"])
        out = capsys.readouterr().out
        assert "Example: amity" in out
