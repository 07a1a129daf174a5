"""`amity serve`: arguments, help, and a real server process answering on loopback."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from amity.cli import build_parser, main
from amity.commands.serve import display_url, is_loopback, redact
from amity.store import open_registry
from tests.serve import corpus


def test_defaults_bind_loopback() -> None:
    args = build_parser().parse_args(["serve"])
    assert args.host == "127.0.0.1" and args.port == 8000 and args.db is None


def test_help_has_an_example(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["serve", "--help"])
    out = capsys.readouterr().out
    assert "Example: amity serve --db" in out and "--host" in out and "--port" in out


@pytest.mark.parametrize(("host", "expected"), [
    ("127.0.0.1", True), ("localhost", True), ("::1", True),
    ("0.0.0.0", False), ("192.168.1.4", False), ("example", False),
])
def test_is_loopback(host: str, expected: bool) -> None:
    assert is_loopback(host) is expected


def test_display_url_and_redaction() -> None:
    assert display_url("127.0.0.1", 8000) == "http://127.0.0.1:8000/"
    assert display_url("::1", 9000) == "http://[::1]:9000/"
    assert redact("postgresql://amity:s3cret@db:5432/amity") == "postgresql://amity:***@db:5432/amity"
    assert redact("amity.db") == "amity.db"


def test_bad_port_is_an_input_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve", "--port", "70000"]) == 1
    assert "not a TCP port" in capsys.readouterr().err


def test_busy_port_is_one_clear_line(capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        port = holder.getsockname()[1]
        assert main(["serve", "--port", str(port)]) == 1
    captured = capsys.readouterr()
    (line,) = captured.err.splitlines()
    assert f"port {port} on 127.0.0.1 is already in use" in line
    assert f"--port {port + 1}" in line and f"make run PORT={port + 1}" in line
    assert "serving" not in captured.out + captured.err and "Errno" not in line


def test_serve_process_prints_the_url_and_answers(tmp_path: Path) -> None:
    db = tmp_path / "cmd.db"
    registry = open_registry(str(db))
    corpus.load(registry)
    registry.close()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    command = [sys.executable, "-m", "amity.cli", "serve", "--db", str(db), "--port", str(port)]
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = proc.stdout.readline() if proc.stdout else ""
        assert f"http://127.0.0.1:{port}/" in line
        body = None
        for _ in range(200):  # wait for the socket; not a timing assertion
            try:
                body = httpx.get(f"http://127.0.0.1:{port}/api/events", timeout=5).json()
                break
            except httpx.TransportError:
                time.sleep(0.05)
        assert body is not None and body["total"] == 6
    finally:
        proc.terminate()
        proc.wait(timeout=10)
