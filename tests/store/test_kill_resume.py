"""An ingest killed with SIGKILL midway, then rerun, leaves the registry an uninterrupted run leaves."""

from __future__ import annotations

import importlib.util
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from types import ModuleType

import pytest

from amity.store import open_registry
from amity.store.dump import canonical_dump

REPO = Path(__file__).resolve().parents[2]
N_DOCS = 200
BATCH = 10
HANG_AT = 117  # the 117th extraction never returns: 11 batches (110 documents) are committed by then


def load_generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("gen_corpus", REPO / "benchmarks" / "gen_corpus.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("corpus")
    load_generator().write_corpus(out, N_DOCS, seed=11)
    return out


def _runner(db_url: str, corpus: Path, hang_at: int, marker: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "tests.store.kill_runner",
            db_url,
            str(corpus),
            str(hang_at),
            str(marker),
            str(BATCH),
        ],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _complete(db_url: str, corpus: Path, tmp_path: Path) -> dict[str, int]:
    proc = _runner(db_url, corpus, 0, tmp_path / "unused")
    out, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err
    return dict(json.loads(out))


def _dump(db_url: str) -> dict[str, object]:
    with open_registry(db_url) as reg:
        return canonical_dump(reg.db)


def test_sigkill_midway_then_resume_equals_uninterrupted(
    db_url: str, corpus: Path, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    if "postgresql" in db_url:
        clean_url = request.getfixturevalue("pg_url_second")
    else:
        clean_url = str(tmp_path / "clean.db")
    marker = tmp_path / "hung"
    proc = _runner(db_url, corpus, HANG_AT, marker)
    deadline = time.monotonic() + 300
    while not marker.exists():
        assert proc.poll() is None, proc.stderr.read() if proc.stderr else ""
        assert time.monotonic() < deadline, "the ingest never reached the document it should stop at"
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL
    with open_registry(db_url) as reg:
        stored = reg.counts()["documents"]
    assert stored == (HANG_AT - 1) // BATCH * BATCH  # whole batches only

    resumed = _complete(db_url, corpus, tmp_path)
    assert resumed["unchanged"] == stored
    assert resumed["stored"] == N_DOCS - stored
    clean = _complete(clean_url, corpus, tmp_path)
    assert clean["stored"] == N_DOCS
    assert resumed["events"] == clean["events"]
    assert clean["events"] < N_DOCS  # some stories were reported twice and merged

    assert _dump(db_url) == _dump(clean_url)
    again = _complete(db_url, corpus, tmp_path)  # and a third run changes nothing
    assert (again["stored"], again["unchanged"]) == (0, N_DOCS)
    assert _dump(db_url) == _dump(clean_url)
