"""The bundled sample corpus: short articles written for amity, used by the demo and the tests."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def path() -> Path:
    """The folder holding the sample articles."""
    return Path(str(resources.files("amity.data").joinpath("samples")))


ARTICLE_SUFFIXES = (".txt", ".html", ".htm", ".jsonl")


def articles() -> list[Path]:
    """The sample articles (not the folder's README or expectations file), sorted."""
    return sorted(p for p in path().iterdir() if p.suffix in ARTICLE_SUFFIXES)
