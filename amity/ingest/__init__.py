"""Ingest: read txt/HTML/JSONL documents into `Document` records, or `Skip` records with a reason."""

from amity.ingest.paths import display
from amity.ingest.readers import expand_paths, read_bytes, read_source, read_sources, text_hash

__all__ = ["display", "expand_paths", "read_bytes", "read_source", "read_sources", "text_hash"]
