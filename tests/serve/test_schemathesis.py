"""Schemathesis over the OpenAPI schema, every check (`--checks all`), a bounded number of examples:
the API must answer as its schema says (no 500s, no undocumented statuses, valid data accepted,
invalid data rejected, error bodies in the declared shape)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.serve.server import ServerThread

EXAMPLES = 10  # per operation and phase: bounded, so the run takes about a minute on two cores


@pytest.mark.slow
def test_schemathesis_finds_no_failure(reopen_registry: Callable[[], Any], tmp_path: Path) -> None:
    cli = shutil.which("schemathesis", path=str(Path(sys.executable).parent))
    if cli is None:
        pytest.fail("schemathesis is not installed: pip install -e '.[test]'")
    server = ServerThread(reopen_registry)
    server.start()
    try:
        server.wait_started()
        proc = subprocess.run(
            [
                cli, "run", f"{server.url}/openapi.json", "--checks", "all", "--max-examples", str(EXAMPLES),
                "--seed", "20261201", "--generation-database", "none", "--no-color", "--workers", "1",
                "--request-timeout", "30", "--max-failures", "5",
            ],
            cwd=tmp_path,  # its state folder goes there, not into the repository
            capture_output=True,
            text=True,
            timeout=600,
        )
    finally:
        server.stop()
    summary = proc.stdout[-6000:]
    assert proc.returncode == 0, summary + proc.stderr[-2000:]
    assert "No issues found" in summary, summary
