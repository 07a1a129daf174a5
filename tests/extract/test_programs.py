"""The programme an event belongs to: named in its sentence, by a standing initiative's short form, by
the programme event's own name, or by the one programme the article reports on."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from amity.extract.programs import program_in, program_of_name, settle_programs
from amity.records import DocumentRecord

Run = Callable[[str], DocumentRecord]


def test_a_short_form_names_the_standing_initiative() -> None:
    assert program_in("Ministers from 30 countries met at a Belt and Road forum in Chengdu.") == (
        "Belt and Road Initiative"
    )
    assert program_in("Both sides joined the IPEF talks in Busan.") == "Indo-Pacific Economic Framework"


def test_a_form_inside_a_longer_word_is_not_the_initiative() -> None:
    assert program_in("The BRIC nations and the BRICS bank met in Kazan.") is None


def test_a_programme_named_in_full_goes_before_an_initiative_the_sentence_also_names() -> None:
    text = "Ten Laotian nurses arrived under the Mekong Care Exchange Programme, part of Belt and Road work."
    assert program_in(text) == "Mekong Care Exchange Programme"


def test_a_lower_case_programme_after_a_capitalised_name() -> None:
    assert program_in("Students from Peru joined the Green Cities Partnership programme in Osaka.") == (
        "Green Cities Partnership"
    )


def test_a_course_of_study_is_not_an_exchange_programme() -> None:
    assert program_in("She enrolled in the Asian Studies program at a university in Hanoi.") is None


def test_a_body_named_programme_is_an_organisation() -> None:
    assert program_in("The World Food Programme and Nepal signed a food aid deal in Kathmandu.") is None


def test_a_programme_events_own_name() -> None:
    assert program_of_name("2025 Danube Youth Exchange Programme") == "Danube Youth Exchange Programme"
    assert program_of_name("Seoul-Hanoi Culture Committee") == "Seoul-Hanoi Culture Committee"
    assert program_of_name("Folk Music Tour to Central Asia") == "Folk Music Tour to Central Asia"
    assert program_of_name("the Fourth Andes Student Film Contest") == "Andes Student Film Contest"


def test_a_one_off_activity_a_band_tour_or_a_bloc_names_no_programme() -> None:
    assert program_of_name("Spring Food Festival") is None  # no edition: one festival
    assert program_of_name("Midnight Lights Tour") is None
    assert program_of_name("Group of Seven") is None
    assert program_of_name("21st Century Cup Debate Contest") is None  # a century, not an edition


@dataclass
class Ev:
    type: str
    status: str
    name: str | None = None
    program: str | None = None


def test_the_one_programme_of_the_lead_is_the_articles() -> None:
    events = [
        Ev("program", "occurred", program="Baltic Teachers Exchange Program"),
        Ev("visit", "occurred"),
        Ev("meeting", "planned"),
        Ev("agreement", "historical"),
    ]
    settle_programs(events, [True, False, False, False])
    assert [e.program for e in events] == ["Baltic Teachers Exchange Program"] * 3 + [None]


def test_no_article_programme_where_two_are_named_or_the_lead_names_none() -> None:
    two = [
        Ev("program", "occurred", program="Alpha Exchange Program"),
        Ev("program", "occurred", program="Beta Fund"),
        Ev("visit", "occurred"),
    ]
    settle_programs(two, [True, True, False])
    assert two[2].program is None
    late = [Ev("visit", "occurred"), Ev("program", "occurred", program="Gamma Exchange Program")]
    settle_programs(late, [True, False])
    assert late[0].program is None


def test_a_wide_initiative_named_once_is_not_the_whole_articles() -> None:
    events = [Ev("conference", "occurred", program="Belt and Road Initiative"), Ev("meeting", "occurred")]
    settle_programs(events, [True, True])
    assert events[1].program is None


def test_a_delegations_trip_and_talks_belong_to_the_programme_of_the_lead(run: Run) -> None:
    rec = run(
        "A group of 12 young Mongolian diplomats arrived in Prague on Monday under the 2025 Steppe and Vltava "
        "Young Diplomats Program.\n\n"
        "On Tuesday the delegation met Czech Deputy Foreign Minister Jana Horakova at the foreign ministry.\n"
    )
    by_type = {e.type: e for e in rec.events}
    assert by_type["visit"].program == "Steppe and Vltava Young Diplomats Program"
    assert by_type["meeting"].program == "Steppe and Vltava Young Diplomats Program"
