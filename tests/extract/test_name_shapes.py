"""Spans the entity recogniser calls people that are not (only) people's names."""

from __future__ import annotations

import pytest

from amity.annotate.document import annotate
from amity.annotate.gazetteer import gazetteer
from amity.extract.names import clean_name, name_ok
from amity.extract.orgs import OrgTable
from amity.extract.people import _in_credit
from amity.ingest.clean import text_to_document


@pytest.mark.parametrize(
    "span, name",
    [
        ("Soto Meets Rojas", "Soto"),
        ("Will Rojas", "Rojas"),
        ("Luis Soto", "Luis Soto"),
        ("Carlos Marcos", "Carlos Marcos"),
    ],
)
def test_headline_shapes_are_cut_from_names(span: str, name: str) -> None:
    assert clean_name(span) == name


@pytest.mark.parametrize(
    "span, ok",
    [
        ("Luis Soto", True),
        ("Photo Courtesy", False),
        ("Chilean Baroque", False),
        ("Key NGOs", False),
        ("Ana Rojas", True),
    ],
)
def test_shapes_that_are_not_names(span: str, ok: bool) -> None:
    assert name_ok(span, gazetteer(), OrgTable()) is ok


def test_names_in_photo_credits() -> None:
    text = "T\n\nSoto met Rojas in Arica on Monday (Marta Diaz, Pool Photo via AP) to sign a pact with Luis Paz.\n"
    ann = annotate(text_to_document("t.txt", text))
    [s] = [x for x in ann.sentences if "Arica" in x.text]
    assert _in_credit(s, text.index("Marta"))
    assert not _in_credit(s, text.index("Luis Paz"))
    assert not _in_credit(s, text.index("Rojas"))


def test_a_countrys_possessive_gives_the_persons_country(extractor: object) -> None:
    from amity.extract.pipeline import Extractor

    assert isinstance(extractor, Extractor)
    rec = extractor.extract(
        text_to_document(
            "t.txt",
            "T\nUpdated: 2025-03-14\n\nThe ministers of three countries -- Chile's Luis Soto, Peru's Ana Rojas "
            "and South Africa's Foreign Minister Thabo Nkosi -- met in Lima on Monday.\n",
        )
    )
    countries = {p.name: p.country for p in rec.participants}
    assert countries.get("Luis Soto") == "CL"
    assert countries.get("Thabo Nkosi") == "ZA"


def test_leaders_named_as_context_are_not_participants(extractor: object) -> None:
    from amity.extract.pipeline import Extractor

    assert isinstance(extractor, Extractor)
    rec = extractor.extract(
        text_to_document(
            "t.txt",
            "T\nUpdated: 2025-03-14\n\nChilean Foreign Minister Luis Soto met Peruvian Foreign Minister Ana Rojas "
            "in Lima on Monday to discuss the Andean corridor initiative proposed by Bolivian President Marco "
            "Quispe, and praised Brazilian President Joao Lima's vision of a continental railway.\n",
        )
    )
    names = {p.name for p in rec.participants}
    assert "Luis Soto" in names
    assert not {"Marco Quispe", "Joao Lima"} & names
