"""Organisation names as news writes them: coordinated names split, possessives and descriptors stripped,
the body's own country, international bodies that meet, and people's affiliations named around their titles."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from amity.extract.orgs import (
    clean_org_name,
    international_name,
    looks_like_org,
    place_lead,
    trim_span,
)
from amity.records import DocumentRecord, Organization, Person

Run = Callable[[str], DocumentRecord]


def org(rec: DocumentRecord, name: str) -> Organization:
    found = [o for o in rec.organizations if o.name == name]
    assert found, f"{name!r} not among {[o.name for o in rec.organizations]}"
    return found[0]


def person(rec: DocumentRecord, name: str) -> Person:
    found = [p for p in rec.participants if p.name == name]
    assert found, f"{name!r} not among {[p.name for p in rec.participants]}"
    return found[0]


# --- names, without the pipeline ---


@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("Vietnam's Finance Ministry", "Ministry of Finance"),
        ("Seoul-based Hanbit Financial Group", "Hanbit Financial Group"),
        ("the Commerce Ministry", "Ministry of Commerce"),
        ("Foreign Affairs Ministry", "Ministry of Foreign Affairs"),
        ("Chinese Ministry", "Chinese Ministry"),  # a nationality is no portfolio
        ("• Lotus Energy Group", "Lotus Energy Group"),  # a bullet heading
        ("U.N. Security Council", "United Nations Security Council"),
    ],
)
def test_clean_name(written: str, name: str) -> None:
    assert clean_org_name(written) == name


@pytest.mark.parametrize(
    ("written", "country"),
    [("Vietnam's Finance Ministry", "VN"), ("Seoul-based Hanbit Group", "KR"), ("Hanbit Group", None)],
)
def test_place_leading_a_name_gives_its_country(written: str, country: str | None) -> None:
    assert place_lead(written)[0] == country


def test_recogniser_span_cut_at_a_clause() -> None:
    assert trim_span("Korean Embassy in Laos stressed that the exchange") == "Korean Embassy in Laos"
    assert (
        trim_span("Fédération de la Haute Couture et de la Mode")
        == "Fédération de la Haute Couture et de la Mode"
    )
    assert not looks_like_org("Korean Embassy in Laos stressed that the exchange")


@pytest.mark.parametrize(
    ("written", "body"),
    [
        ("Brics", "BRICS"),
        ("4th Brics Plus Summit", "BRICS"),
        ("Group of 20 Summit", "Group of 20"),
        ("ASEAN Foreign Ministers' Meeting", "ASEAN"),
        ("Lotus Summit", None),
    ],
)
def test_international_body_behind_its_meeting(written: str, body: str | None) -> None:
    assert international_name(written) == body


def test_head_nouns_alone_are_no_name() -> None:
    assert not looks_like_org("Foundation")
    assert not looks_like_org("Group")
    assert looks_like_org("Lotus Foundation")


# --- documents ---


def test_coordinated_names_are_two_organisations(run: Run) -> None:
    rec = run(
        "Officials of Harbor Polytechnic University and Lotus Valley School from Japan signed a memorandum of "
        "understanding with Vietnamese partners in Hanoi on Monday.\n"
    )
    names = {o.name for o in rec.organizations}
    assert "Harbor Polytechnic University" in names and "Lotus Valley School" in names
    assert not any(" and " in n for n in names)


def test_acronym_coordinated_with_a_name(run: Run) -> None:
    rec = run(
        "Executives of PLN and Hanbit Kookmin Bank signed a financing deal in Seoul on Tuesday with Korean and "
        "Indonesian officials present.\n"
    )
    names = {o.name for o in rec.organizations}
    assert {"PLN", "Hanbit Kookmin Bank"} <= names


def test_company_introduced_by_what_it_does(run: Run) -> None:
    rec = run(
        "Vietnam's state utility EVN signed a memorandum of understanding with Korean investors in Hanoi on "
        "Monday.\n"
    )
    assert org(rec, "EVN").country == "VN"


def test_possessive_country_of_a_ministry(run: Run) -> None:
    rec = run(
        "Indonesia's Finance Ministry and the Seoul-based Hanbit Financial Group signed a loan agreement in "
        "Jakarta on Monday.\n"
    )
    assert org(rec, "Ministry of Finance").country == "ID"
    assert org(rec, "Hanbit Financial Group").country == "KR"


def test_possessive_place_gives_the_country_and_leaves_the_name(run: Run) -> None:
    rec = run(
        "Thailand's Ministry of Social Development and Human Security (MSDHS) hosted a forum with the "
        "Seoul-based Hanbit Financial Group in Bangkok on Monday, attended by delegates from Korea.\n"
    )
    ministry = org(rec, "Ministry of Social Development and Human Security")
    assert ministry.country == "TH"
    assert org(rec, "Hanbit Financial Group").country == "KR"


def test_photo_credit_names_no_party(run: Run) -> None:
    rec = run(
        "Indonesian and Japanese officials signed a memorandum on maritime cooperation in Jakarta on Monday. "
        "(Photo Courtesy of the Lotus Heritage Foundation)\n"
    )
    assert all("Lotus" not in o.name for o in rec.organizations)


def test_outlet_quoted_by_the_official_agency_takes_no_part(run: Run) -> None:
    rec = run(
        "Vietnam and Laos signed an agreement on border trade in Vientiane on Monday, the Prime Minister was "
        "quoted as saying by the official Xinhua News Agency.\n"
    )
    assert all(o.name != "Xinhua News Agency" for o in rec.organizations)


def test_bloc_whose_summit_is_reported_is_a_party(run: Run) -> None:
    rec = run(
        "Leaders of Brazil, India and South Africa met in Kazan on Tuesday at the BRICS summit hosted by "
        "Russia, and signed a joint declaration on trade.\n"
    )
    assert any(o.name == "BRICS" for o in rec.organizations)


def test_bloc_named_in_passing_is_not_a_party(run: Run) -> None:
    rec = run(
        "Vietnam and Japan signed an agreement on port investment in Hanoi on Monday. Both countries are "
        "members of ASEAN and the United Nations.\n"
    )
    assert all(o.name not in ("BRICS", "United Nations") and o.acronym != "ASEAN" for o in rec.organizations)


def test_lowercase_ministry_after_a_nationality(run: Run) -> None:
    rec = run(
        "Chinese train maker Lotus Rail signed an agreement with the Serbian ministry of transport and "
        "infrastructure in Belgrade on Tuesday.\n"
    )
    ministry = org(rec, "Ministry of Transport and Infrastructure")
    assert ministry.country == "RS"
    assert any(o.name == "Lotus Rail" for o in rec.organizations)


def test_one_generic_ministry_per_country(run: Run) -> None:
    rec = run(
        "The delegation of the Chinese Ministry of Foreign Affairs met officials of the Korean Ministry of "
        "Foreign Affairs in Seoul on Monday.\n"
    )
    countries = {o.country for o in rec.organizations if o.name == "Ministry of Foreign Affairs"}
    assert countries == {"CN", "KR"}


def test_embassy_named_by_its_post_keeps_its_country(run: Run) -> None:
    rec = run(
        "Counsellor Kim Ha-eun from the Korean Embassy in Laos met Lao Deputy Minister of Culture Souk "
        "Phommachanh in Vientiane on Friday to discuss exchanges.\n"
    )
    embassy = next(o for o in rec.organizations if o.name.endswith("Embassy in Laos"))
    assert embassy.country == "KR"
    assert person(rec, "Kim Ha-eun").organization == embassy.name


# --- people's affiliations ---


def test_organisation_before_a_lowercase_title(run: Run) -> None:
    rec = run(
        "Thai Prime Minister Somchai Rattanakul met Bank of Lotus deputy CEO Zhang Wenhao and BOI "
        "secretary-general Niran Saetang in Beijing on Monday. The Board of Investment (BOI) promotes "
        "investment in Thailand.\n"
    )
    zhang = person(rec, "Zhang Wenhao")
    assert zhang.organization == "Bank of Lotus" and zhang.title == "deputy CEO"
    assert person(rec, "Niran Saetang").organization == "Board of Investment"


def test_description_after_the_organisation_is_not_the_title(run: Run) -> None:
    rec = run(
        "The French Prime Minister met Vietnamese Prime Minister Pham Van Duc in Hanoi on Monday. Among those "
        "he met was Jean Moreau, chairman and CEO of Lotus Hotels Group, a French hospitality company that "
        "runs resorts in Asia.\n"
    )
    moreau = person(rec, "Jean Moreau")
    assert moreau.organization == "Lotus Hotels Group"
    assert moreau.title is not None and "company" not in moreau.title


def test_organisation_owning_the_title(run: Run) -> None:
    rec = run(
        "Thai Prime Minister Somchai Rattanakul met executives of Chinese firms in Beijing on Monday. He met "
        "Lotus Group's chairman, Zhang Wenhao, to discuss investment in Thailand.\n"
    )
    assert person(rec, "Zhang Wenhao").organization == "Lotus Group"


def test_portfolio_title_takes_the_named_department(run: Run) -> None:
    rec = run(
        "MANILA, Philippines - The Department of Education (DepEd) signed a memorandum of understanding with "
        "Japan's education ministry in Tokyo on Monday. Education Secretary Ramon Dizon signed for the "
        "Philippines.\n"
    )
    dizon = person(rec, "Ramon Dizon")
    assert dizon.organization == "Department of Education"
    assert org(rec, "Department of Education").country == "PH"


def test_age_is_not_the_title(run: Run) -> None:
    rec = run(
        "Students from Vietnam and Japan competed in the Asia youth speech contest held in Hanoi on Sunday. "
        "Nguyen Lan Anh, a 17-year-old competitor from Hanoi Lotus High School, said the contest opened her "
        "mind.\n"
    )
    anh = person(rec, "Nguyen Lan Anh")
    assert anh.title == "competitor"
    assert anh.organization == "Hanoi Lotus High School"


def test_party_written_in_lower_case_before_its_chief(run: Run) -> None:
    rec = run(
        "On Monday, ruling Vietnamese Communist party chief Nguyen Van Thanh met Japanese Prime Minister Kenji "
        "Sato in Tokyo.\n"
    )
    thanh = person(rec, "Nguyen Van Thanh")
    assert thanh.organization == "Vietnamese Communist party"
    assert thanh.country == "VN"
