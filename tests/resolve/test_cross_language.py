"""One person and one event for an English and a Chinese report of the same meeting (real extraction)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from amity.pipeline import ingest
from amity.store import open_registry
from amity.store.interface import EventFilter

pytestmark = pytest.mark.slow

ENGLISH = (
    "Li Qiang meets Bolivian foreign minister\nUpdated: 2025-06-12\n\n"
    "Chinese Premier Li Qiang met Bolivian Foreign Minister Celinda Sosa in Beijing on Wednesday to "
    "discuss lithium cooperation between the two countries.\n"
)
CHINESE = (
    "李强会见玻利维亚外长\n2025-06-12\n\n"
    "新华社北京6月11日电 国务院总理李强11日在北京会见玻利维亚外长索萨。双方就锂矿合作交换了意见。\n"
)


def test_an_english_and_a_chinese_report_share_the_person_and_the_event(extractor: Any, tmp_path: Path) -> None:
    (tmp_path / "en.txt").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / "zh.txt").write_text(CHINESE, encoding="utf-8")
    registry = open_registry(str(tmp_path / "x.db"))
    try:
        ingest(registry, [str(tmp_path / "en.txt"), str(tmp_path / "zh.txt")], extractor)
        people, _ = registry.list_people(q="Li Qiang")
        assert len(people) == 1
        events, total = registry.list_events(EventFilter())
        meetings = [e for e in events if e["type"] == "meeting"]
        assert len(meetings) == 1, events
    finally:
        registry.close()


def test_a_person_is_found_by_either_form(extractor: Any, tmp_path: Path) -> None:
    (tmp_path / "zh.txt").write_text(CHINESE, encoding="utf-8")
    registry = open_registry(str(tmp_path / "zh.db"))
    try:
        ingest(registry, [str(tmp_path / "zh.txt")], extractor)
        for q in ("Li Qiang", "li qiang", "李强"):
            people, _ = registry.list_people(q=q)
            assert [p["name"] for p in people] == ["李强"], q
    finally:
        registry.close()
