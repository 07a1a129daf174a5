"""The dependency tree around a trigger: negation, modality, objects that are not parties, scope."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from amity.annotate.parse import parse_many
from amity.extract.syntax import imperative, negated, planned, thing_object, trigger_token
from amity.records import DocumentRecord

Run = Callable[[str], DocumentRecord]


def _read(sentence: str, trigger: str) -> tuple[bool, bool, bool, bool]:
    [parse] = parse_many([sentence])
    assert parse is not None
    i = sentence.index(trigger)
    tok = trigger_token(parse, i, i + len(trigger))
    assert tok is not None
    return negated(parse, tok), planned(parse, tok), thing_object(parse, tok), imperative(parse, tok)


@pytest.mark.parametrize(
    "sentence, trigger",
    [
        ("The ministry cancelled the minister's planned visit to Lisbon.", "visit"),
        ("Oslo rejected an offer to host a summit of Nordic and Baltic mayors.", "summit"),
        ("The two governors did not meet in Rabat last week.", "meet"),
        ("Organisers called off the youth forum because of the storm.", "forum"),
        ("Quito postponed the signing of the memorandum with Lima.", "signing"),
    ],
)
def test_events_that_did_not_happen_are_negated(sentence: str, trigger: str) -> None:
    assert _read(sentence, trigger)[0]


@pytest.mark.parametrize(
    "sentence, trigger",
    [
        ("The mayor of Porto will visit Curitiba in May.", "visit"),
        ("The Chilean delegation plans to hold a forum on water policy in Santiago.", "forum"),
        ("She invited the Peruvian minister to visit Montevideo next spring.", "visit"),
        ("The two sides agreed to hold a meeting of trade officials next year.", "meeting"),
    ],
)
def test_future_and_intended_events_are_planned(sentence: str, trigger: str) -> None:
    negated_, planned_, _, _ = _read(sentence, trigger)
    assert planned_ and not negated_


@pytest.mark.parametrize(
    "sentence, trigger",
    [
        ("The mayor of Porto visited Curitiba on Monday.", "visited"),
        ("Delegates met their Estonian counterparts in Tallinn.", "met"),
        ("The treaty, which both states rejected in 1990, was finally signed in Vilnius.", "signed"),
    ],
)
def test_plain_past_events_are_neither(sentence: str, trigger: str) -> None:
    negated_, planned_, thing, imp = _read(sentence, trigger)
    assert not (negated_ or planned_ or thing or imp)


def test_meeting_a_demand_is_not_a_meeting() -> None:
    assert _read("The new plant will help the company meet the rising demand for batteries.", "meet")[2]
    assert not _read("The envoy met the Bolivian foreign minister in La Paz.", "met")[2]


def test_an_activity_called_domestic_is_domestic() -> None:
    from amity.extract.syntax import domestic

    for sentence, word, want in [
        ("Two Kenyan runners were disqualified at a domestic competition in Nairobi.", "competition", True),
        ("Kenyan and Ugandan runners met at a joint competition in Kampala.", "competition", False),
    ]:
        [parse] = parse_many([sentence])
        assert parse is not None
        i = sentence.index(word)
        tok = trigger_token(parse, i, i + len(word))
        assert tok is not None and domestic(parse, tok) is want


def test_an_instruction_to_the_reader_is_not_a_visit() -> None:
    assert _read("Visit the museum's website to book a guided tour.", "Visit")[3]


def test_cancelled_visit_yields_no_event(run: Run) -> None:
    rec = run(
        "The Uruguayan foreign minister cancelled a planned visit to Paraguay on Tuesday after a row over "
        "river dredging.\n"
    )
    assert not [e for e in rec.events if e.type == "visit" and e.status == "occurred"]


def test_future_visit_is_planned(run: Run) -> None:
    rec = run("The Mayor of Valparaiso, Ana Lopez, will visit Busan in South Korea on April 2 to sign a pact.\n")
    visits = [e for e in rec.events if e.type == "visit"]
    assert visits and all(e.status == "planned" for e in visits)


def test_a_domestic_festival_is_not_an_exchange(run: Run) -> None:
    rec = run(
        "The city of Chiang Mai opened its annual lantern festival on Friday with food stalls and music.\n"
        "The Chiang Mai governor said the festival would run until Sunday.\n"
    )
    assert not [e for e in rec.events if e.type == "program"]


def test_a_festival_between_two_countries_is_an_exchange(run: Run) -> None:
    rec = run(
        "The Chilean embassy and the Thai Ministry of Culture opened a Chile-Thailand film festival in "
        "Bangkok on Friday, showing films from both countries.\n"
    )
    assert [e for e in rec.events if e.type == "program"]


def test_meetings_with_different_people_stay_apart(run: Run) -> None:
    rec = run(
        "Chilean Trade Minister Rosa Vidal met Kenji Watanabe, president of a Japanese robotics maker, in "
        "Tokyo on Monday.\n"
        "Vidal met Haruto Sato, chairman of a Japanese shipping line, to discuss port investment in Chile.\n"
    )
    assert len([e for e in rec.events if e.type == "meeting"]) == 2


def test_one_meeting_told_twice_is_one_event(run: Run) -> None:
    rec = run(
        "Chilean Trade Minister Rosa Vidal met Japanese Foreign Minister Kenji Watanabe in Tokyo on Monday.\n"
        "Vidal and Watanabe met for an hour and discussed copper exports.\n"
    )
    assert len([e for e in rec.events if e.type == "meeting"]) == 1


def test_the_screen_passes_trigger_words_and_drops_the_rest() -> None:
    from amity.extract.events import screen
    from amity.ingest.clean import text_to_document

    assert screen(text_to_document("a.txt", "Title\n\nThe two mayors signed a memorandum in Lima.\n"))
    assert not screen(text_to_document("b.txt", "Title\n\nShares fell two percent on Monday in Lima.\n"))


def test_place_words_come_from_the_tree() -> None:
    from amity.extract.syntax import place_words

    sentence = "After talks in Lima last year, the Chilean minister will visit Quito before the Bogota summit."
    [parse] = parse_many([sentence])
    assert parse is not None
    i = sentence.index("visit")
    tok = trigger_token(parse, i, i + 5)
    assert tok is not None
    words = place_words(parse, tok)
    assert words and words[0] == "Quito" and "Lima" not in words


def test_a_past_day_is_not_planned_because_a_word_looks_ahead(run: Run) -> None:
    rec = run(
        "LIMA -- Most young Peruvians and Chileans would like to study in each other's country, according "
        "to a survey released in Lima on Monday by a Peruvian institute and a Chilean university.\n",
        published="2025-03-14",
    )
    releases = [e for e in rec.events if e.type == "release"]
    assert releases and releases[0].status == "occurred" and releases[0].date == "2025-03-10"


def test_talks_that_collapsed_did_not_happen() -> None:
    assert _read("Talks between the Serbian and Kosovar envoys broke down on Monday.", "Talks")[0]
    assert _read("The trade talks collapsed after a week in Geneva.", "talks")[0]
