"""Organisations with acronyms and countries; fields of cooperation."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from amity.extract.fields import fields_in
from amity.records import DocumentRecord

Run = Callable[[str], DocumentRecord]


def test_acronym_defined_in_text_and_country_from_name(run: Run) -> None:
    rec = run(
        "The Korea International Cultural Exchange Center (KICEC) and the China Youth Development Agency (CYDA) "
        "signed a memorandum in Beijing on Monday.\n"
    )
    orgs = {o.name: o for o in rec.organizations}
    assert orgs["Korea International Cultural Exchange Center"].acronym == "KICEC"
    assert orgs["Korea International Cultural Exchange Center"].country == "KR"
    assert orgs["China Youth Development Agency"].country == "CN"


def test_nationality_before_a_generic_ministry(run: Run) -> None:
    rec = run(
        "Officials of the Vietnamese Ministry of Culture met a Japanese delegation in Hanoi on Monday.\n"
    )
    ministry = next(o for o in rec.organizations if o.name == "Ministry of Culture")
    assert ministry.country == "VN"


def test_news_outlets_are_not_parties(run: Run) -> None:
    rec = run(
        "Chinese and Korean scholars met in Beijing on Monday, the Global Times reported, to discuss exchanges.\n"
    )
    assert all(o.name != "Global Times" for o in rec.organizations)


@pytest.mark.parametrize(
    ("text", "fields"),
    [
        ("cooperation in animation and games and street dance", {"culture"}),
        ("a friendly football match between students", {"sports", "education", "youth"}),
        ("green economy, climate change and carbon neutrality", {"environment", "economy"}),
        ("visa-free travel to deepen mutual understanding", {"people"}),
        ("the preservation of historical sites", {"heritage"}),
        ("sharing exemplary policies between local governments", {"governance"}),
    ],
)
def test_fields_from_words(text: str, fields: set[str]) -> None:
    assert fields <= fields_in(text)
