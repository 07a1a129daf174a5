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


def test_an_english_and_a_chinese_report_share_the_person_and_the_event(
    extractor: Any, tmp_path: Path
) -> None:
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


ENGLISH_TALKS = (
    "Wang Yi holds talks with US Secretary of State in Beijing\nUpdated: 2024-04-27\n\n"
    "Chinese Foreign Minister Wang Yi held talks with US Secretary of State Antony Blinken in Beijing on "
    "Friday, as the two sides discussed student exchanges and trade.\n"
)
CHINESE_TALKS = (
    "王毅同美国国务卿布林肯会谈\n2024-04-27\n\n"
    "新华社北京4月26日电 4月26日，中共中央政治局委员、外交部长王毅在北京同美国国务卿布林肯举行会谈。"
    "双方就两国留学生交流和经贸问题交换了意见。\n"
)


def _ingest_pair(extractor: Any, tmp_path: Path, first: str, second: str) -> Any:
    (tmp_path / "a.txt").write_text(first, encoding="utf-8")
    (tmp_path / "b.txt").write_text(second, encoding="utf-8")
    registry = open_registry(str(tmp_path / "pair.db"))
    ingest(registry, [str(tmp_path / "a.txt")], extractor)
    ingest(registry, [str(tmp_path / "b.txt")], extractor)
    return registry


@pytest.mark.parametrize("order", ["english first", "chinese first"])
def test_a_transliterated_foreign_participant_is_one_person(
    extractor: Any, tmp_path: Path, order: str
) -> None:
    pair = (ENGLISH_TALKS, CHINESE_TALKS) if order == "english first" else (CHINESE_TALKS, ENGLISH_TALKS)
    registry = _ingest_pair(extractor, tmp_path, *pair)
    try:
        events, _ = registry.list_events(EventFilter())
        meetings = [e for e in events if e["type"] == "meeting"]
        assert len(meetings) == 1 and meetings[0]["n_sources"] == 2, meetings
        people, total = registry.list_people()
        assert total == 2, people  # Wang Yi and Blinken, each once
        for q in ("Blinken", "布林肯"):
            found, _ = registry.list_people(q=q)
            assert len(found) == 1 and found[0]["country"] == "US", q
        [wang] = registry.list_people(q="王毅")[0]
        assert wang["country"] == "CN"
    finally:
        registry.close()


def test_two_foreigners_of_one_country_are_not_guessed(extractor: Any, tmp_path: Path) -> None:
    english = ENGLISH_TALKS.replace(
        "Antony Blinken in Beijing", "Antony Blinken and US Ambassador Nicholas Burns in Beijing"
    )
    registry = _ingest_pair(extractor, tmp_path, english, CHINESE_TALKS)
    try:
        found, _ = registry.list_people(q="布林肯")
        assert len(found) == 1 and found[0]["name"] == "布林肯"  # two candidates: left apart
    finally:
        registry.close()


ENGLISH_SEOUL = (
    "Korea, China vice foreign ministers meet in Seoul\nUpdated: 2025-08-14\n\n"
    "Korea's First Vice Foreign Minister Kim Hong-kyun met Chinese Vice Foreign Minister Sun Weidong "
    "in Seoul on Wednesday to discuss youth exchanges and tourism between the two countries.\n"
)
KOREAN_SEOUL = (
    "외교부 제1차관, 중국 외교부 부부장과 서울서 회담\n2025-08-14\n\n"
    "외교부 제1차관 김홍균은 지난 13일 서울에서 쑨웨이둥 중국 외교부 부부장과 회담하고 두 나라의 청소년 "
    "교류와 관광 협력 방안을 논의했다.\n"
)


def test_an_english_and_a_korean_report_share_both_people(extractor: Any, tmp_path: Path) -> None:
    registry = _ingest_pair(extractor, tmp_path, ENGLISH_SEOUL, KOREAN_SEOUL)
    try:
        events, _ = registry.list_events(EventFilter())
        meetings = [e for e in events if e["type"] == "meeting"]
        assert len(meetings) == 1 and meetings[0]["n_sources"] == 2, meetings
        for q in ("Kim Hong-kyun", "김홍균"):
            found, _ = registry.list_people(q=q)
            assert len(found) == 1 and found[0]["country"] == "KR", q
        for q in ("Sun Weidong", "쑨웨이둥"):
            found, _ = registry.list_people(q=q)
            assert len(found) == 1 and found[0]["country"] == "CN", q
        assert registry.list_people()[1] == 2
    finally:
        registry.close()
