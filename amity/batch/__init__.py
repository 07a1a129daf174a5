"""Ingest on Ray: shards extracted by worker processes (a local Ray started and stopped by amity, or an
existing cluster), results handed back to the one writer of `amity.pipeline` in shard order."""

from amity.batch.ray_runner import RayRunner, ray_session

__all__ = ["RayRunner", "ray_session"]
