"""Helpers to extract from a text written in the test."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from amity.ingest.clean import text_to_document
from amity.records import DocumentRecord


@pytest.fixture
def run(extractor: Any) -> Callable[[str], DocumentRecord]:
    def _run(text: str, published: str = "2025-03-14") -> DocumentRecord:
        header = f"Test article\nUpdated: {published}\n\n" if published else "Test article\n\n"
        return extractor.extract(text_to_document("t.txt", header + text))  # type: ignore[no-any-return]

    return _run
