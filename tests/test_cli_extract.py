"""`amity extract` and the command line, driven in process and once as a real subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from amity.cli import build_parser, main

AMITY = Path(sys.executable).parent / "amity"
ARTICLE = (
    "Busan and Fukuoka mayors hold talks on youth exchanges\n"
    "Posted March. 14, 2025\n\n"
    "Busan Mayor Park Jin-ho held talks with Fukuoka Mayor Takahashi Ren in Fukuoka on Thursday "
    "on expanding exchanges of students between the two cities.\n"
)
README_COMMANDS = ("extract", "ingest", "events", "people", "orgs", "show", "export", "serve")


@pytest.fixture
def shared_extractor(monkeypatch: pytest.MonkeyPatch, extractor: Any) -> Any:
    """Make `amity extract` reuse the session's Extractor instead of loading a new one."""
    monkeypatch.setattr("amity.commands.extract.Extractor", lambda *a, **k: extractor)
    return extractor


def lines(text: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def test_extract_to_file_writes_one_line_per_document(
    shared_extractor: Any, samples_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    out = tmp_path / "out.jsonl"
    files = [samples_dir / "01_kyef_cyda_mou.txt", samples_dir / "17_wire_briefs.jsonl",
             samples_dir / "16_korea_us_teacher_exchange.html"]
    assert main(["extract", *map(str, files), "-o", str(out)]) == 0
    records = lines(out.read_text(encoding="utf-8"))
    assert [r["doc"] for r in records] == [
        "01_kyef_cyda_mou.txt", "wire-2025-0121-guangxi-aun", "wire-2025-1002-vn-culture-paris",
        "16_korea_us_teacher_exchange.html",
    ]
    assert records[0]["published"] == "2025-03-14"
    assert records[0]["title"] == "Korea and China youth bodies sign memorandum to expand student exchanges"
    assert records[3]["published"] == "2025-02-10"
    assert all(r["language"] == "en" for r in records)
    assert capsys.readouterr().out == "", "with -o nothing goes to stdout"


def test_extract_to_stdout(shared_extractor: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a = tmp_path / "a.txt"
    a.write_text(ARTICLE, encoding="utf-8")
    b = tmp_path / "b.txt"
    b.write_text(ARTICLE.replace("Fukuoka", "Osaka"), encoding="utf-8")
    assert main(["extract", str(a), str(b)]) == 0
    captured = capsys.readouterr()
    records = lines(captured.out)
    assert [r["doc"] for r in records] == ["a.txt", "b.txt"]
    for r in records:
        assert {"doc", "title", "published", "language", "events"} <= set(r)
        assert r["published"] == "2025-03-14"
    assert captured.err == ""


def test_skipped_files_reported_on_stderr_and_exit_zero(
    shared_extractor: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "scan.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "blank.txt").write_bytes(b"")
    (tmp_path / "image.txt").write_bytes(b"\x00\x01\x02\x03" * 64)
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(tmp_path / "*.*"), "-o", str(out)]) == 0
    assert [r["doc"] for r in lines(out.read_text(encoding="utf-8"))] == ["good.txt"]
    err = capsys.readouterr().err
    for name, reason in (("scan.pdf", "unknown-format"), ("blank.txt", "empty"), ("image.txt", "binary")):
        line = next((ln for ln in err.splitlines() if name in ln), "")
        assert "skipped" in line and reason in line, err


def test_jsonl_with_lone_surrogate_escape_does_not_stop_the_batch(
    shared_extractor: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text(
        json.dumps({"id": "s1", "text": "Mayor Kim met the delegation \ud800 in Seoul on Monday."}) + "\n"
        + json.dumps({"id": "s2", "text": ARTICLE}) + "\n",
        encoding="utf-8",
    )
    assert "\\ud800" in feed.read_text(encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(feed), "-o", str(out)]) == 0
    assert "s2" in [r["doc"] for r in lines(out.read_text(encoding="utf-8"))]


def test_missing_path_is_an_error_with_exit_one(
    shared_extractor: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["extract", str(tmp_path / "nope.txt")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("amity: error:") and "nope.txt" in err


def test_help_lists_commands(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["--help"])
    assert exc.value.code == 0
    out = capsys.readouterr().out
    assert "extract" in out
    assert "Example" in out


def test_help_lists_every_documented_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    missing = [c for c in README_COMMANDS if c not in out]
    assert not missing, f"commands in the README but not in `amity --help`: {missing}"


def _subcommands() -> list[str]:
    parser = build_parser()
    for action in parser._subparsers._group_actions if parser._subparsers else ():
        choices = getattr(action, "choices", None)
        if choices:
            return sorted(choices)
    return []


@pytest.mark.parametrize("command", _subcommands())
def test_each_subcommand_help_has_an_example(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main([command, "--help"])
    assert exc.value.code == 0
    out = capsys.readouterr().out
    assert "Example" in out and f"amity {command}" in out, out


def test_no_command_prints_help_and_exit_two(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 2
    assert "usage: amity" in capsys.readouterr().out


def test_real_subprocess_with_stdin_and_file(samples_dir: Path, tmp_path: Path) -> None:
    """The installed console script, end to end: loads the real pipeline, reads stdin and a file."""
    if not AMITY.exists():
        pytest.skip(f"{AMITY} is not installed")
    sample = samples_dir / "02_hanoi_osaka_delegation.txt"
    (tmp_path / "x.unknown").write_text("not a known format", encoding="utf-8")
    proc = subprocess.run(
        [str(AMITY), "extract", "-", str(sample), str(tmp_path / "x.unknown")],
        input=ARTICLE.encode("utf-8"), capture_output=True, timeout=300, check=False,
    )
    assert proc.returncode == 0, proc.stderr.decode()
    records = lines(proc.stdout.decode("utf-8"))
    assert [r["doc"] for r in records] == ["stdin.txt", "02_hanoi_osaka_delegation.txt"]
    assert records[1]["published"] == "2025-03-20"
    err = proc.stderr.decode()
    assert "x.unknown" in err and "unknown-format" in err


def test_real_subprocess_help() -> None:
    if not AMITY.exists():
        pytest.skip(f"{AMITY} is not installed")
    proc = subprocess.run([str(AMITY), "--help"], capture_output=True, text=True, timeout=120, check=False)
    assert proc.returncode == 0
    assert "extract" in proc.stdout
