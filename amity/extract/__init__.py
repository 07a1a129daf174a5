"""Extract: event detection and arguments over annotated documents."""

from amity.extract.pipeline import Extractor

__all__ = ["Extractor"]
