"""The bundled sample corpus: short articles written for amity, used by the demo and the tests."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def path() -> Path:
    """The folder holding the sample articles."""
    return Path(str(resources.files("amity.data").joinpath("samples")))
