"""The registry on both backends: storing records, merging reports of one event, keeping apart others."""

from __future__ import annotations

import pytest

from amity.errors import NotFoundError
from amity.records import Organization, Skip
from amity.store import EventFilter, SQLRegistry, open_registry
from amity.store.migrations import MIGRATIONS
from tests.store.builders import event, make_doc, person, record, span_of

REPORT_A = (
    "Jeonju and Dezhou renew friendship ties\n"
    "Jeonju Mayor Woo Beom-ki met Dezhou Party Secretary Liu Wenxiang at Jeonju City Hall on May 27, 2024. "
    "The two sides agreed to expand youth exchanges and tourism."
)
REPORT_B = (
    "Chinese delegation visits Jeonju\n"
    "A delegation led by Liu Wenxiang, Party Secretary of Dezhou City, held talks with Mayor Woo Beomki "
    "in Jeonju on Monday, discussing student exchange programmes."
)
OTHER_MEETING = (
    "Mayors meet again after six years\n"
    "Mayor Woo Beom-ki received Liu Wenxiang in Jeonju on 3 October 2018 to mark the sister-city anniversary."
)


def _meeting(
    text: str,
    sentence: str,
    date: str | None,
    woo: str,
    liu: str,
    place: str = "Jeonju",
    fields: tuple[str, ...] = ("youth",),
    doc_published: str | None = None,
) -> tuple:
    return event(
        "meeting",
        date,
        place=(place, "KR"),
        countries=("CN", "KR"),
        fields=fields,
        people=[
            person(woo, "Mayor", "Jeonju City", "KR", "host"),
            person(liu, "Party Secretary", "Dezhou Municipal Committee", "CN", "guest"),
        ],
        evidence=[span_of(text, sentence)],
    )


def add(
    reg: SQLRegistry,
    name: str,
    text: str,
    events: list,
    published: str | None = "2024-05-28",
    version: str = "1",
) -> int:
    doc = make_doc(name, text, published)
    return reg.add_document(doc, record(doc, events), version)


def test_two_reports_of_one_event_merge(registry: SQLRegistry) -> None:
    a = add(
        registry,
        "a.txt",
        REPORT_A,
        [
            _meeting(
                REPORT_A, "Jeonju Mayor Woo", "2024-05-27", "Woo Beom-ki", "Liu Wenxiang", "Jeonju City Hall"
            )
        ],
    )
    b = add(
        registry,
        "b.txt",
        REPORT_B,
        [
            _meeting(
                REPORT_B,
                "A delegation led",
                "2024-05-27",
                "Woo Beomki",
                "Liu Wenxiang",
                fields=("education",),
            )
        ],
    )
    events, total = registry.list_events(EventFilter())
    assert total == 1
    ev = registry.get_event(events[0]["id"])
    assert ev["n_sources"] == 2
    assert [s["document_id"] for s in ev["sources"]] == [a, b]
    assert ev["sources"][0]["evidence"][0]["text"].startswith("Jeonju Mayor Woo")
    assert ev["countries"] == ["CN", "KR"]
    assert ev["fields"] == ["education", "youth"]
    assert sorted(p["name"] for p in ev["participants"]) == ["Liu Wenxiang", "Woo Beom-ki"]
    woo = next(p for p in ev["participants"] if p["name"] == "Woo Beom-ki")
    assert registry.get_person(woo["id"])["aliases"] == ["Woo Beomki"]
    assert registry.counts()["people"] == 2


def test_same_people_years_apart_stay_apart(registry: SQLRegistry) -> None:
    add(
        registry,
        "a.txt",
        REPORT_A,
        [_meeting(REPORT_A, "Jeonju Mayor Woo", "2024-05-27", "Woo Beom-ki", "Liu Wenxiang")],
    )
    add(
        registry,
        "c.txt",
        OTHER_MEETING,
        [_meeting(OTHER_MEETING, "Mayor Woo", "2018-10-03", "Woo Beom-ki", "Liu Wenxiang")],
        published="2018-10-04",
    )
    _, total = registry.list_events(EventFilter())
    assert total == 2
    assert registry.counts()["people"] == 2  # the same two people, in two events
    woo = registry.list_people(q="Woo")[0][0]
    assert woo["n_events"] == 2
    assert woo["title"] == "Mayor"


def test_undated_reports_published_years_apart_stay_apart(registry: SQLRegistry) -> None:
    add(
        registry,
        "a.txt",
        REPORT_A,
        [_meeting(REPORT_A, "Jeonju Mayor Woo", None, "Woo Beom-ki", "Liu Wenxiang")],
        published="2019-03-01",
    )
    add(
        registry,
        "b.txt",
        REPORT_B,
        [_meeting(REPORT_B, "A delegation led", None, "Woo Beom-ki", "Liu Wenxiang")],
        published="2024-05-28",
    )
    assert registry.list_events(EventFilter())[1] == 2


def test_two_rounds_of_a_programme_stay_apart(registry: SQLRegistry) -> None:
    text1 = "The 5th Korea-China Youth Camp opened in Qingdao on 2023-07-10."
    text2 = "The 6th Korea-China Youth Camp opened in Qingdao on 2024-07-10."
    org = Organization("Korea Youth Foundation", "KYF", "KR", "organizer")
    for i, (t, n, d) in enumerate(
        [
            (text1, "5th Korea-China Youth Camp", "2023-07-10"),
            (text2, "6th Korea-China Youth Camp", "2023-07"),
        ]
    ):
        add(
            registry,
            f"r{i}.txt",
            t,
            [
                event(
                    "program",
                    d,
                    name=n,
                    place=("Qingdao", "CN"),
                    countries=("CN", "KR"),
                    orgs=[org],
                    program="Korea-China Youth Camp",
                )
            ],
        )
    assert registry.list_events(EventFilter())[1] == 2
    assert registry.list_orgs()[0][0]["n_events"] == 2


def test_same_place_and_countries_merge_without_people(registry: SQLRegistry) -> None:
    t1 = "A China-Korea media forum was held in Dezhou City on June 3, 2024."
    t2 = "Journalists from Korea and China gathered in Dezhou for a forum on 2024-06-03."
    add(
        registry,
        "f1.txt",
        t1,
        [
            event(
                "conference",
                "2024-06-03",
                place=("Dezhou City", "CN"),
                countries=("CN", "KR"),
                fields=("media",),
            )
        ],
    )
    add(
        registry,
        "f2.txt",
        t2,
        [event("conference", "2024-06-03", place=("Dezhou", "CN"), countries=("KR", "CN"))],
    )
    events, total = registry.list_events(EventFilter())
    assert total == 1
    assert events[0]["place"]["name"] == "Dezhou City"
    # a meeting of other countries in the same place and day is another event
    t3 = "Japanese and Vietnamese officials held a forum in Dezhou on 2024-06-03."
    add(
        registry,
        "f3.txt",
        t3,
        [event("conference", "2024-06-03", place=("Dezhou", "CN"), countries=("JP", "VN"))],
    )
    assert registry.list_events(EventFilter())[1] == 2


def test_multi_day_event_within_two_days(registry: SQLRegistry) -> None:
    t1 = "The ASEAN-Korea forum ran in Busan from 10 to 12 March 2024."
    t2 = "On March 13, 2024 the ASEAN-Korea forum in Busan closed."
    add(
        registry,
        "m1.txt",
        t1,
        [
            event(
                "conference",
                "2024-03-10",
                end_date="2024-03-12",
                place=("Busan", "KR"),
                countries=("ASEAN", "KR"),
            )
        ],
    )
    add(
        registry,
        "m2.txt",
        t2,
        [event("conference", "2024-03-13", place=("Busan", "KR"), countries=("ASEAN", "KR"))],
    )
    add(
        registry,
        "m3.txt",
        t2 + " ",
        [event("conference", "2024-03-20", place=("Busan", "KR"), countries=("ASEAN", "KR"))],
    )
    assert registry.list_events(EventFilter())[1] == 2


def test_reingest_with_newer_extractor_rederives_without_duplicates(registry: SQLRegistry) -> None:
    ev = _meeting(REPORT_A, "Jeonju Mayor Woo", "2024-05-27", "Woo Beom-ki", "Liu Wenxiang")
    doc = make_doc("a.txt", REPORT_A)
    first = registry.add_document(doc, record(doc, [ev]), "1")
    add(
        registry,
        "b.txt",
        REPORT_B,
        [_meeting(REPORT_B, "A delegation led", "2024-05-27", "Woo Beomki", "Liu Wenxiang")],
    )
    assert registry.has_document(doc.content_hash, "1")
    assert not registry.has_document(doc.content_hash, "2")
    visit = event(
        "visit", "2024-05-26", countries=("CN", "KR"), people=[person("Liu Wenxiang", country="CN")]
    )
    again = registry.add_document(doc, record(doc, [ev, visit]), "2")
    assert again == first
    events, total = registry.list_events(EventFilter(sort="id"))
    assert total == 2
    assert sorted(e["type"] for e in events) == ["meeting", "visit"]
    assert next(e for e in events if e["type"] == "meeting")["n_sources"] == 2
    # a newer version that finds nothing drops the events only this document reported
    registry.add_document(doc, record(doc, []), "3")
    events, total = registry.list_events(EventFilter())
    assert total == 1 and events[0]["n_sources"] == 1
    assert registry.get_document(first)["event_ids"] == []
    assert registry.get_document(first)["extractor_version"] == "3"


def test_orphans_removed_on_rederive(registry: SQLRegistry) -> None:
    t = "Minister Kim Jae-won of Korea visited Hanoi on 2024-01-05."
    doc = make_doc("k.txt", t)
    registry.add_document(
        doc,
        record(
            doc,
            [
                event(
                    "visit",
                    "2024-01-05",
                    place=("Hanoi", "VN"),
                    countries=("KR", "VN"),
                    people=[person("Kim Jae-won", "Minister", "MOFA", "KR")],
                )
            ],
        ),
        "1",
    )
    assert registry.counts()["people"] == 1 and registry.counts()["places"] == 1
    registry.add_document(doc, record(doc, []), "2")
    c = registry.counts()
    assert (c["events"], c["people"], c["organizations"], c["places"]) == (0, 0, 0, 0)


def test_skips_are_recorded_once(registry: SQLRegistry) -> None:
    s = Skip("/news/bad.bin", "binary", "the file contains NUL bytes", "abc123")
    first = registry.add_skip(s)
    assert registry.add_skip(s) == first
    d = registry.get_document(first)
    assert (d["status"], d["skip_reason"], d["doc"]) == ("skipped", "binary", "bad.bin")
    assert registry.list_documents()[1] == 1


def test_each_skipped_path_is_its_own_record(registry: SQLRegistry) -> None:
    """Fifty empty files are fifty skips: identical content does not fold skipped paths together."""
    ids = {registry.add_skip(Skip(f"/news/empty{i}.txt", "empty", "", "same-hash")) for i in range(50)}
    assert len(ids) == 50
    assert registry.counts()["skipped"] == 50


def test_not_found(registry: SQLRegistry) -> None:
    for get in (registry.get_event, registry.get_person, registry.get_org, registry.get_document):
        with pytest.raises(NotFoundError):
            get(999)


def test_reopen_keeps_data_and_schema(db_url: str) -> None:
    reg = open_registry(db_url)
    add(
        reg,
        "a.txt",
        REPORT_A,
        [_meeting(REPORT_A, "Jeonju Mayor Woo", "2024-05-27", "Woo Beom-ki", "Liu Wenxiang")],
    )
    reg.close()
    reg = open_registry(db_url)
    try:
        assert reg.schema_version == MIGRATIONS[-1].version
        assert reg.counts()["events"] == 1
    finally:
        reg.close()
