"""`RayRunner`: `amity.pipeline.process_shard` on Ray actors, one extractor (spaCy model, gazetteer)
loaded per actor when it starts, never per shard.

Shards go out as workers free up (IN_FLIGHT per worker at a time, the next one sent before the writer
stores what came back) and come back in any order;
the runner yields them in shard order (holding those that finish early), so the writer stores them as
one process would. A worker killed mid-shard is restarted by Ray and its shard retried."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from amity.errors import InputError
from amity.ingest.shards import Shard
from amity.pipeline import Item, ShardResult, process_shard, warm
from amity.records import Skip

IN_FLIGHT = 1  # shards given to a worker at a time: the next goes to whichever worker frees up first
RETRIES = 3  # a shard whose worker dies this many more times is recorded as a skip, and redone next run


class ShardWorker:
    """The body of a Ray actor: an extractor loaded once, then shard after shard."""

    def __init__(self, event_model: str | bool) -> None:
        from amity.extract import Extractor

        model = Path(event_model) if isinstance(event_model, str) else event_model
        self.extractor = Extractor(event_model=model)
        warm(self.extractor)  # its first shard then costs what the others do

    def process(self, shard: Shard) -> ShardResult:
        return process_shard(shard, self.extractor)

    def peak_rss_mb(self) -> float:
        import resource

        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    def cpu_s(self) -> float:
        """CPU seconds (user and system) this worker has used so far."""
        import resource

        usage = resource.getrusage(resource.RUSAGE_SELF)
        return usage.ru_utime + usage.ru_stime

    def pid(self) -> int:
        return os.getpid()


@contextmanager
def ray_session(workers: int | None, address: str | None) -> Iterator[int]:
    """A Ray to run on: a local one with `workers` CPUs, started here and stopped on the way out, or the
    cluster at `address` (left running). Yields the number of workers to start."""
    try:
        import ray
    except ImportError as e:  # a dependency: only a broken install lacks it
        raise InputError("Ray is not installed", "reinstall amity (pip install -e .)") from e
    if ray.is_initialized():
        yield workers or int(ray.cluster_resources().get("CPU", 1))
        return
    try:
        if address:
            ray.init(address=address, log_to_driver=False, logging_level=logging.ERROR)
        else:
            # Ray runs its workers at nice 15 by default; here they are the work itself, as a plain
            # `amity ingest` process would be, so they run at normal priority
            ray.init(
                num_cpus=workers,
                include_dashboard=False,
                log_to_driver=False,
                logging_level=logging.ERROR,
                _system_config={"worker_niceness": 0},
            )
    except Exception as e:  # noqa: BLE001 - Ray raises many kinds: one clear error
        where = f"the Ray cluster at {address}" if address else "a local Ray"
        raise InputError(f"cannot start {where}: {type(e).__name__}: {e}"[:500],
                         "check the address (ray status), or run without --ray") from e
    try:
        yield workers or max(1, int(ray.cluster_resources().get("CPU", 1)))
    finally:
        ray.shutdown()


@dataclass
class RayRunner:
    """Shards to results on `workers` Ray actors (inside a `ray_session`)."""

    workers: int
    event_model: str | bool = True

    def __post_init__(self) -> None:
        import ray

        actor = ray.remote(num_cpus=1, max_restarts=-1, max_task_retries=RETRIES)(ShardWorker)
        self.actors: list[Any] = [actor.remote(self.event_model) for _ in range(self.workers)]

    def close(self) -> None:
        """Stop the workers (their CPUs go back to Ray)."""
        import ray

        for a in self.actors:
            ray.kill(a)
        self.actors = []

    def peak_rss_mb(self) -> list[float]:
        import ray

        return list(ray.get([a.peak_rss_mb.remote() for a in self.actors]))

    def cpu_s(self) -> list[float]:
        import ray

        return list(ray.get([a.cpu_s.remote() for a in self.actors]))

    def map(self, shards: Iterator[Shard]) -> Iterator[ShardResult]:
        import ray

        running: dict[Any, int] = {}  # object ref -> shard index
        load = dict.fromkeys(range(len(self.actors)), 0)
        owner: dict[Any, int] = {}
        shard_of: dict[Any, Shard] = {}
        ready: dict[int, ShardResult] = {}
        order: list[int] = []  # shard indexes in the order given
        next_out = 0
        exhausted = False

        def top_up() -> None:
            nonlocal exhausted
            limit = IN_FLIGHT * len(self.actors)
            while not exhausted and len(running) < limit and len(ready) < 4 * limit:
                shard = next(shards, None)
                if shard is None:
                    exhausted = True
                    break
                a = min(load, key=lambda i: load[i])
                ref = self.actors[a].process.remote(shard)
                running[ref] = shard.index
                shard_of[ref] = shard
                owner[ref] = a
                load[a] += 1
                order.append(shard.index)

        while True:
            top_up()
            if not running:
                break
            done, _ = ray.wait(list(running), num_returns=1)
            for ref in done:
                running.pop(ref)
                load[owner.pop(ref)] -= 1
                shard = shard_of.pop(ref)
                try:
                    result: ShardResult = ray.get(ref)
                except ray.exceptions.RayActorError as e:  # its worker died RETRIES + 1 times on it
                    detail = f"a worker died {RETRIES + 1} times extracting it: {type(e).__name__}"
                    failed = Item("skip", skip=Skip(shard.source, "extract-failed", detail))
                    result = ShardResult(shard, (failed,), complete=False)
                ready[result.shard.index] = result
            # the freed worker gets its next shard before the writer stores this one, so it never waits
            # for the registry
            top_up()
            while next_out < len(order) and order[next_out] in ready:
                yield ready.pop(order[next_out])
                next_out += 1
