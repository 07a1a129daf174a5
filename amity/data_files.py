"""Load the package's data files (lexicons, gazetteer extras, patterns), cached per process."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

from amity.errors import DataFileError


@cache
def load_json(name: str) -> Any:
    """The parsed JSON data file `amity/data/<name>`; read once per process."""
    try:
        text = resources.files("amity.data").joinpath(name).read_text(encoding="utf-8")
    except (FileNotFoundError, OSError) as e:
        raise DataFileError(f"data file {name!r} is missing") from e
    try:
        return json.loads(text)
    except json.JSONDecodeError as e:
        raise DataFileError(f"data file {name!r} is not valid JSON: {e}") from e
