"""Event detection, status, dates, places, merging of references, and names."""

from __future__ import annotations

from collections.abc import Callable

from amity.records import DocumentRecord, Event

Run = Callable[[str], DocumentRecord]


def of_type(rec: DocumentRecord, kind: str) -> list[Event]:
    return [e for e in rec.events if e.type == kind]


def test_mou_signing_with_date_and_place(run: Run) -> None:
    rec = run(
        "On March 11, the Korea Youth Exchange Foundation (KYEF) and the China Youth Development Agency (CYDA) "
        "signed a memorandum of understanding in Seoul to expand youth and sports exchanges.\n"
    )
    [agreement] = of_type(rec, "agreement")
    assert agreement.status == "occurred" and agreement.salience == "main"
    assert agreement.date == "2025-03-11"
    assert agreement.place is not None and agreement.place.name == "Seoul" and agreement.place.country == "KR"
    assert {"youth", "sports"} <= set(agreement.fields)
    assert {"CN", "KR"} <= set(agreement.countries)
    assert agreement.cameo == ["057"] and agreement.plover == "AGREE"


def test_evidence_points_at_the_reporting_sentence(run: Run) -> None:
    text = "Hanoi and Osaka officials held talks in Hanoi on Tuesday on tourism cooperation between Vietnam and Japan.\n"
    rec = run(text)
    [meeting] = of_type(rec, "meeting")
    doc_text = "Test article\nUpdated: 2025-03-14\n\n" + text
    span = meeting.evidence[0]
    assert "held talks" in doc_text[span.start : span.end]


def test_historical_and_planned_events(run: Run) -> None:
    rec = run(
        "Mayor Kim of Cheongju met Can Tho Mayor Tran Hoa in Can Tho on Tuesday to discuss Korea-Vietnam ties.\n\n"
        "Cheongju and Can Tho signed a friendship agreement in 1998.\n\n"
        "Mayor Tran said he would visit Cheongju next month.\n"
    )
    statuses = {(e.type, e.status) for e in rec.events}
    assert ("meeting", "occurred") in statuses
    assert ("agreement", "historical") in statuses
    assert ("visit", "planned") in statuses
    historical = next(e for e in rec.events if e.status == "historical")
    assert historical.date == "1998" and historical.salience == "mentioned"


def test_later_references_join_one_event(run: Run) -> None:
    rec = run(
        "The 2025 Korea-Vietnam Heritage Forum was held in Hue, Vietnam on Tuesday with Korean experts.\n\n"
        "More than 120 guests attended the forum.\n\n"
        "During the forum, speakers discussed the preservation of historical sites.\n"
    )
    [forum] = of_type(rec, "conference")
    assert forum.name == "2025 Korea-Vietnam Heritage Forum"
    assert forum.size == 120
    assert len(forum.evidence) == 3
    assert "heritage" in forum.fields


def test_delegation_size_and_programme(run: Run) -> None:
    rec = run(
        "A six-member delegation from Japan visited Hanoi on Monday under the 2025 Japan-Vietnam Youth Friendship "
        "Program.\n"
    )
    [visit] = of_type(rec, "visit")
    assert visit.size == 6
    assert visit.program == "Japan-Vietnam Youth Friendship Program"
    assert visit.place is not None and visit.place.country == "VN"


def test_place_that_does_not_exist_is_kept_and_flagged(run: Run) -> None:
    rec = run(
        "Officials from Zhenjiang Province and Korea held talks in Zhenjiang Province on Monday on trade.\n"
    )
    [meeting] = of_type(rec, "meeting")
    assert meeting.place is not None and meeting.place.name == "Zhenjiang Province"
    assert meeting.warnings and "Zhenjiang" in meeting.warnings[0]


def test_generic_plurals_are_not_events(run: Run) -> None:
    rec = run(
        "The two centres of China and Korea plan to promote youth exchange through mutual visits, seminars and "
        "joint projects.\n"
    )
    assert not of_type(rec, "visit") and not of_type(rec, "conference")


def test_domestic_story_has_no_events(run: Run) -> None:
    rec = run("Shares rose on Tuesday as the central bank held interest rates. Rain is expected on Friday.\n")
    assert rec.events == ()
