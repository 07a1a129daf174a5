"""What the commands print, made safe for a terminal: control characters from documents (ESC and OSC
sequences in a title, C1 controls, bidirectional overrides) are shown escaped, never sent raw."""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterable
from typing import Any

from amity.records import SKIP_REASONS, Skip

# C0 and C1 controls, DEL, and the invisible marks that reorder or hide text on screen
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_UNSAFE_KEEP_TAB = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# what json.dumps(ensure_ascii=False) leaves raw that a terminal may act on (it escapes C0 itself)
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
LISTED_SKIPS = 20  # skipped files listed on standard error; then how many more


def _escape(m: re.Match[str]) -> str:
    c = ord(m.group())
    return f"\\x{c:02x}" if c < 0x100 else f"\\u{c:04x}"


def safe(value: Any) -> str:
    """One line of text for the terminal: every control character (line breaks too) shown as \\xNN."""
    return _UNSAFE.sub(_escape, "" if value is None else str(value))


def safe_lines(text: str) -> list[str]:
    """A multi-line text for the terminal: split at line breaks, each line made safe (tabs kept)."""
    return [_UNSAFE_KEEP_TAB.sub(_escape, line) for line in text.splitlines()]


def _json_escape(m: re.Match[str]) -> str:
    return f"\\u{ord(m.group()):04x}"


def json_text(obj: Any, indent: int | None = None) -> str:
    """JSON as amity prints it: non-ASCII kept readable, but C1 controls and bidirectional marks
    (which json.dumps leaves raw) escaped as \\uXXXX: the same JSON value, safe on a terminal."""
    return _JSON_UNSAFE.sub(_json_escape, json.dumps(obj, ensure_ascii=False, indent=indent))


def skip_line(skip: Skip) -> str:
    detail = f": {skip.detail}" if skip.detail else ""
    return f"amity: skipped {safe(skip.source)}: {skip.reason}{safe(detail)}"


class SkipReport:
    """Skips listed on standard error as they come, the first `limit` of them, then how many more."""

    def __init__(self, limit: int = LISTED_SKIPS) -> None:
        self.limit = limit
        self.count = 0
        self.reasons: dict[str, int] = {}

    def add(self, skip: Skip) -> None:
        self.count += 1
        self.reasons[skip.reason] = self.reasons.get(skip.reason, 0) + 1
        if self.count <= self.limit:
            print(skip_line(skip), file=sys.stderr)

    def close(self, where: str = "") -> None:
        if self.count > self.limit:
            print(f"amity: ... and {self.count - self.limit} more skipped{where}", file=sys.stderr)


def reasons_summary(reasons: dict[str, int]) -> Iterable[str]:
    """'  skipped 3: empty (the file ... has no text)' per reason, most frequent first."""
    for reason, n in sorted(reasons.items(), key=lambda rn: (-rn[1], rn[0])):
        what = SKIP_REASONS.get(reason)
        yield f"  skipped {n}: {reason}" + (f" ({what})" if what else "")
