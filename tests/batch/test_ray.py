"""Ingest on Ray (a local Ray with 2 CPUs, started once for the module): the registry of 1 and 2 workers
equals that of one process, whatever order the shards finish in; a worker killed mid-run changes
nothing; the command starts and stops its own Ray."""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from amity.ingest import shards as shards_mod
from amity.pipeline import ingest
from amity.store import open_registry
from amity.store.dump import canonical_dump
from tests.pipeline.corpus import (
    articles,
    exchange_article,
    html_page,
    quiet_article,
    write_jsonl,
    write_warc,
)

ray = pytest.importorskip("ray")


@pytest.fixture(scope="module")
def local_ray() -> Iterator[None]:
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, logging_level="ERROR")
    try:
        yield
    finally:
        ray.shutdown()


@pytest.fixture
def corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    monkeypatch.setattr(shards_mod, "LINES_PER_SHARD", 6)
    monkeypatch.setattr(shards_mod, "RECORDS_PER_SHARD", 4)
    monkeypatch.setattr(shards_mod, "FILES_PER_SHARD", 2)
    folder = tmp_path / "news"
    folder.mkdir()
    for i in range(5):
        (folder / f"{i:02d}.txt").write_text(exchange_article(i + 40) if i % 2 else quiet_article(i + 40))
    feed = write_jsonl(tmp_path / "feed.jsonl.gz", articles(30), gz=True)
    pages = [(f"https://example.org/s{i}", html_page(f"S{i}", exchange_article(i + 60))) for i in range(4)]
    warc = write_warc(tmp_path / "crawl.warc.gz", pages)
    return [str(folder), str(feed), str(warc)]


def dump(url: str) -> dict[str, Any]:
    with open_registry(url) as reg:
        return canonical_dump(reg.db)


def test_one_and_two_workers_give_the_registry_of_one_process(
    local_ray: None, corpus: list[str], tmp_path: Path, extractor: Any
) -> None:
    from amity.batch import RayRunner

    with open_registry(str(tmp_path / "local.db")) as reg:
        local = ingest(reg, corpus, extractor)
    assert local.screened_out > 0 and local.stored > 10 and local.events > 10
    for workers in (1, 2):
        runner = RayRunner(workers)
        url = str(tmp_path / f"ray{workers}.db")
        try:
            with open_registry(url) as reg:
                result = ingest(reg, corpus, runner=runner)
            peaks = runner.peak_rss_mb()
        finally:
            runner.close()
        assert (result.stored, result.screened_out, result.skipped) == (
            local.stored, local.screened_out, local.skipped)
        assert dump(url) == dump(str(tmp_path / "local.db"))
        assert len(peaks) == workers and all(0 < mb < 1024 for mb in peaks)  # each worker under 1 GiB


class KillingRunner:
    """A RayRunner that SIGKILLs one of its workers once the first shard is back."""

    def __init__(self) -> None:
        from amity.batch import RayRunner

        self.inner = RayRunner(2)
        self.killed = 0

    def map(self, shards: Iterator[Any]) -> Iterator[Any]:
        for n, result in enumerate(self.inner.map(shards)):
            if n == 0:
                pid = ray.get(self.inner.actors[1].pid.remote())
                os.kill(pid, signal.SIGKILL)
                self.killed = pid
            yield result


def test_a_worker_killed_mid_run_is_replaced_and_the_registry_is_exact(
    local_ray: None, corpus: list[str], tmp_path: Path, extractor: Any
) -> None:
    with open_registry(str(tmp_path / "clean.db")) as reg:
        ingest(reg, corpus, extractor)
    runner = KillingRunner()
    try:
        with open_registry(str(tmp_path / "killed.db")) as reg:
            ingest(reg, corpus, runner=runner)  # type: ignore[arg-type]
    finally:
        runner.inner.close()
    assert runner.killed
    assert dump(str(tmp_path / "killed.db")) == dump(str(tmp_path / "clean.db"))


def test_sigkill_of_the_driver_then_the_same_command_gives_the_uninterrupted_registry(
    tmp_path: Path, extractor: Any
) -> None:
    """`amity ingest --workers 2` (its own local Ray) killed with SIGKILL once a shard is stored, then
    run again: the registry equals one ingested without interruption."""
    import sqlite3
    import subprocess
    import sys
    import time

    # Enough shards that the writer needs far longer for the rest than one poll: the kill then lands
    # midway however fast the workers are.
    n_articles = 20 * shards_mod.LINES_PER_SHARD
    feed = write_jsonl(tmp_path / "feed.jsonl", articles(n_articles))
    n_shards = -(-n_articles // shards_mod.LINES_PER_SHARD)
    db = tmp_path / "killed.db"
    cmd = [sys.executable, "-m", "amity.cli", "ingest", str(feed), "--db", str(db), "--workers", "2"]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 600
    finished = 0
    while finished == 0:
        assert proc.poll() is None, proc.communicate()[1][-2000:]
        assert time.monotonic() < deadline, "no shard was ever finished"
        time.sleep(0.05)
        if db.exists():
            try:
                with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
                    finished = conn.execute("SELECT COUNT(*) FROM ingest_shards").fetchone()[0]
            except sqlite3.OperationalError:
                finished = 0  # not migrated yet
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    with sqlite3.connect(db) as conn:
        done = conn.execute("SELECT COUNT(*) FROM ingest_shards").fetchone()[0]
    assert 0 < done < n_shards  # killed midway
    again = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    assert again.returncode == 0, again.stderr[-2000:]
    assert "unchanged" in again.stdout
    with open_registry(str(tmp_path / "clean.db")) as reg:
        ingest(reg, [str(feed)], extractor)
    assert dump(str(db)) == dump(str(tmp_path / "clean.db"))
