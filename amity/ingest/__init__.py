"""Ingest: read txt/HTML/JSONL documents into `Document` records, or `Skip` records with a reason."""

from amity.ingest.readers import expand_paths, read_source, read_sources

__all__ = ["expand_paths", "read_source", "read_sources"]
