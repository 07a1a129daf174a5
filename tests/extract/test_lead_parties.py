"""The parties of an exchange may be split over the lead: a headline names one country and the lead
sentence's people the other. A lead naming one country only is still a domestic story."""

from __future__ import annotations

from amity.ingest.clean import text_to_document
from amity.records import DocumentRecord


def _extract(extractor: object, text: str) -> DocumentRecord:
    return extractor.extract(text_to_document("lead.txt", text))  # type: ignore[attr-defined, no-any-return]


def test_a_headline_naming_one_party_and_a_lead_naming_the_other_make_an_exchange(extractor: object) -> None:
    rec = _extract(
        extractor,
        "Chiang Mai signs memorandum with France partners\n\n"
        "Chiang Mai, 2 May 2024 -\n"
        "Prasert Chaiyo and Julie Moreau put their signatures to an MoU on music education on 2 May 2024 in "
        "Chiang Mai. Officials said the exchange would strengthen music education. Julie Moreau thanked "
        "the hosts.\n",
    )
    assert [e.type for e in rec.events] == ["agreement"]
    assert {"FR", "TH"} <= set(rec.events[0].countries)


def test_a_lead_naming_one_country_only_is_a_domestic_story(extractor: object) -> None:
    rec = _extract(
        extractor,
        "Chiang Mai signs memorandum with local partners\n\n"
        "Chiang Mai, 2 May 2024 -\n"
        "Prasert Chaiyo and Anan Boonma put their signatures to an MoU on music education on 2 May 2024 in "
        "Chiang Mai. Officials said the exchange would strengthen music education.\n",
    )
    assert rec.events == ()


def test_a_city_of_two_words_the_recogniser_missed_names_its_country() -> None:
    from amity.annotate.document import Sentence
    from amity.annotate.gazetteer import gazetteer
    from amity.extract.orgs import OrgTable
    from amity.extract.pipeline import sentence_countries

    def countries(text: str) -> set[str]:
        s = Sentence(0, 0, 0, len(text), text, (), ())  # no entities: what the recogniser missed
        return sentence_countries(s, gazetteer(), OrgTable(), [])

    assert "TH" in countries("An American delegation held talks in Khon Kaen on Monday.")
    assert "MY" in countries("The envoy flew to Kuala Lumpur for the forum.")
    # a newspaper named after a city is no visit to it
    assert "US" not in countries("The Thai minister told the New York Times about the plan.")
