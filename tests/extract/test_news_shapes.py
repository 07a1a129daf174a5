"""Shapes from wire copy and ministry releases: datelines, numeric dates, counterparts, nationality titles."""

from __future__ import annotations

from typing import Any

from amity.ingest.clean import text_to_document
from amity.ingest.meta import find_date


def extract(extractor: Any, text: str) -> Any:
    return extractor.extract(text_to_document("t.txt", text))


def test_numeric_dates_day_or_month_first_when_the_numbers_tell() -> None:
    assert find_date("Updated: 08:15, 21/10/2024") == "2024-10-21"
    assert find_date("Posted 10/21/2024 at noon") == "2024-10-21"
    assert find_date("on 03/04/2024") is None  # ambiguous: not guessed


def test_wire_dateline_anchors_relative_dates(extractor: Any) -> None:
    rec = extract(
        extractor,
        "Vietnam, Laos boost education ties\n\n"
        "HANOI, Oct. 21 (VNA) - Deputy Prime Minister Tran Hong Ha received a delegation from the Lao "
        "Ministry of Education and Sports in Hanoi on Sunday.\n\n"
        "The two sides will sign a new cooperation plan for the 2026-2030 period in December, after a "
        "scholarship scheme that began in 2025.\n",
    )
    meeting = next(e for e in rec.events if e.type == "meeting")
    # 21 October of the year the text speaks of (2025, not the range 2026-2030); the Sunday before it
    assert meeting.date == "2025-10-19"


def test_host_and_counterpart(extractor: Any) -> None:
    rec = extract(
        extractor,
        "Ministers meet\nUpdated: 2025-03-12\n\n"
        "Japanese Foreign Minister Takeshi Iwaya hosted his South Korean counterpart Cho Tae-yul in Tokyo on "
        "Tuesday to discuss youth exchanges.\n",
    )
    meeting = next(e for e in rec.events if e.type == "meeting")
    assert meeting.date == "2025-03-11" and meeting.place is not None and meeting.place.country == "JP"
    cho = next(p for p in rec.participants if p.name == "Cho Tae-yul")
    assert cho.title == "Foreign Minister" and cho.country == "KR"


def test_nationality_before_an_apposition_title(extractor: Any) -> None:
    rec = extract(
        extractor,
        "Culture year opens\nUpdated: 2025-01-15\n\n"
        "The China-Brazil Year of Culture was launched in Beijing on Wednesday.\n\n"
        "Sun Yeli, Chinese Minister of Culture and Tourism, and Brazilian Minister of Culture Margareth Menezes "
        "attended the opening ceremony of the year.\n",
    )
    sun = next(p for p in rec.participants if p.name == "Sun Yeli")
    assert sun.title == "Minister of Culture and Tourism" and sun.country == "CN"
    menezes = next(p for p in rec.participants if p.name == "Margareth Menezes")
    assert menezes.country == "BR"


def test_meeting_after_an_agreement_clause_is_not_planned(extractor: Any) -> None:
    rec = extract(
        extractor,
        "Ministers agree on tourism\nUpdated: 2025-08-14\n\n"
        "Malaysia and Thailand have agreed to step up cooperation in border tourism following a bilateral "
        "meeting between Tourism, Arts and Culture Minister Tiong King Sing and his Thai counterpart Sorawong "
        "Thienthong in Kuala Lumpur today.\n",
    )
    meeting = next(e for e in rec.events if e.type == "meeting")
    assert meeting.status == "occurred" and meeting.date == "2025-08-14"
    tiong = next(p for p in rec.participants if p.name == "Tiong King Sing")
    assert tiong.title == "Tourism, Arts and Culture Minister"


def test_tourist_statistics_are_not_visits(extractor: Any) -> None:
    rec = extract(
        extractor,
        "Arrivals rise\nUpdated: 2025-08-14\n\n"
        "Last year, 4.6 million Malaysians visited Thailand, while Thailand sent 4.9 million tourists to "
        "Malaysia.\n",
    )
    assert not [e for e in rec.events if e.type == "visit"]


def test_a_quoted_remark_is_not_an_event_name(extractor: Any) -> None:
    rec = extract(
        extractor,
        "Universities to swap students\nUpdated: 2025-08-14\n\n"
        "\"We also discussed a student exchange programme between universities in both countries,\" the "
        "Malaysian minister told reporters after meeting his Thai counterpart in Kuala Lumpur.\n",
    )
    assert all(e.name is None or len(e.name.split()) < 10 for e in rec.events)


def test_bloc_programme_and_an_earlier_agreement(extractor: Any) -> None:
    rec = extract(
        extractor,
        "EU and Japan launch student scheme\nPosted: 03.06.2025\n\n"
        "BRUSSELS - The European Union and Japan on Tuesday launched the EU-Japan Youth Mobility Partnership, "
        "a programme that will fund 2,000 university exchanges.\n\n"
        "The scheme builds on the EU-Japan Strategic Partnership Agreement signed in 2018.\n",
    )
    programme = next(e for e in rec.events if e.type == "program")
    assert programme.name == "EU-Japan Youth Mobility Partnership"
    assert {"EU", "JP"} <= set(programme.countries)
    earlier = next(e for e in rec.events if e.type == "agreement")
    assert earlier.status == "historical" and earlier.date == "2018"
    assert all(not o.name.startswith("BRUSSELS") for o in rec.organizations)


def test_wire_dateline_gives_publication_but_not_the_event_date(extractor: Any) -> None:
    rec = extract(
        extractor,
        "Mekong city welcomes Chinese guests\n\n"
        "Can Tho, 4 August 2017 - Pham Van Minh welcomed Wang Aiping and a delegation from China to Can Tho "
        "on 12 July 2017.\n",
    )
    assert rec.published == "2017-08-04"
    meeting = next(e for e in rec.events if e.type == "meeting")
    assert meeting.date == "2017-07-12"
    assert {"Pham Van Minh", "Wang Aiping"} <= {p.name for p in rec.participants}


def test_names_in_subject_position_and_coordinated(extractor: Any) -> None:
    rec = extract(
        extractor,
        "Universities sign\nUpdated: 2022-05-04\n\n"
        "Agus Saputra and Nakamura Hiroshi put their signatures to an MoU on youth exchanges between Indonesia "
        "and Japan in Jakarta on 3 May 2022.\n",
    )
    [agreement] = [e for e in rec.events if e.type == "agreement"]
    assert agreement.date == "2022-05-03"
    assert {p.name for p in agreement.participants} == {"Agus Saputra", "Nakamura Hiroshi"}


def test_gathering_for_a_named_camp_is_the_camp_not_a_meeting(extractor: Any) -> None:
    rec = extract(
        extractor,
        "Camp opens\nUpdated: 2017-08-05\n\n"
        "Young people from Korea and China met in Seoul on 4 August 2017 for the 10th Korean-Chinese Youth "
        "Exchange Camp, hosted by Ambassador Choi Hye-jin.\n",
    )
    assert [e.type for e in rec.events] == ["program"]
    assert all(p.name != "Exchanges And" for p in rec.participants)


def test_a_number_in_a_name_is_not_a_visitor_count(extractor: Any) -> None:
    rec = extract(
        extractor,
        "Mayor visits partner city\nUpdated: 2024-08-01\n\n"
        "Mayor Oh said that while it took time to restore ties between Korea and China after COVID-19, he "
        "visited Beijing because cooperation benefits citizens.\n",
    )
    assert [e.type for e in rec.events] == ["visit"]


def test_possessive_office_compound_numbers_and_durations(extractor: Any) -> None:
    rec = extract(
        extractor,
        "Students return from camp\nNew Delhi, July 28, 2024\n\n"
        "Forty-five Indian high school students returned home on Saturday after a ten-day cultural exchange "
        "camp in Tokyo.\n\n"
        "India's Ambassador to Japan, Sibi George, hosted a reception for the group in Tokyo on July 25.\n",
    )
    assert rec.published == "2024-07-28"
    camp = next(e for e in rec.events if e.type == "program")
    assert camp.size == 45 and camp.end_date is None  # the day given is when it ended, not began
    george = next(p for p in rec.participants if p.name == "Sibi George")
    assert george.title == "Ambassador to Japan" and george.country == "IN"
