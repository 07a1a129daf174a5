"""Fields of cooperation from the words of the text (vocabulary and cues in data/fields.json)."""

from __future__ import annotations

import re
from functools import cache

from amity.data_files import load_json


@cache
def _patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    data = load_json("fields.json")
    return tuple(
        (name, re.compile("|".join(f"(?:{p})" for p in pats), re.I))
        for name, pats in data.items()
        if not name.startswith("_")
    )


def fields_in(text: str, names: tuple[str, ...] = ()) -> set[str]:
    """The fields of cooperation a passage speaks of. Words inside `names` (organisations: the 'Forestry'
    of a university's name) say nothing about the cooperation and are ignored."""
    for n in names:
        text = text.replace(n, " ")
    return {name for name, rx in _patterns() if rx.search(text)}
