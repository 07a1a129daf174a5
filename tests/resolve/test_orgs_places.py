"""Organizations by name and acronym without country conflicts; places by normalised name."""

from __future__ import annotations

from amity.resolve.names import initials, org_key, place_key
from amity.resolve.orgs import OrgCandidate, OrgMention, PlaceCandidate, match_org, match_place

CIYEC = OrgCandidate(1, "China International Youth Exchange Center", "CIYEC", "CN")
KF = OrgCandidate(2, "Korea Foundation", None, "KR")


def test_normalised_names() -> None:
    assert org_key("The Korea Foundation") == org_key("Korea  Foundation") == "korea foundation"
    assert initials("China International Youth Exchange Center") == "CIYEC"
    assert initials("Ministry of Foreign Affairs") == "MFA"


def test_org_by_name_and_acronym() -> None:
    assert match_org(OrgMention("the Korea Foundation", None, "KR"), [CIYEC, KF]) == 2
    assert match_org(OrgMention("CIYEC"), [CIYEC, KF]) == 1
    assert match_org(OrgMention("China International Youth Exchange Centre", "CIYEC", "CN"), [CIYEC]) == 1
    bare = OrgCandidate(3, "CIYEC", None, None)
    assert match_org(OrgMention("China International Youth Exchange Center"), [bare]) == 3


def test_org_country_conflict() -> None:
    assert match_org(OrgMention("Korea Foundation", None, "US"), [KF]) is None
    assert match_org(OrgMention("CIYEC", None, "KR"), [CIYEC]) is None


def test_unrelated_orgs_stay_apart() -> None:
    assert match_org(OrgMention("Korea Tourism Organization", "KTO", "KR"), [CIYEC, KF]) is None


def test_places() -> None:
    assert place_key("Dezhou City") == place_key("Dezhou") == place_key("dezhou-shi")
    assert place_key("Gyeonggi Province") == place_key("Gyeonggi-do")
    c = [PlaceCandidate(1, "Dezhou", "CN"), PlaceCandidate(2, "Jeonju", "KR")]
    assert match_place("Dezhou City", "CN", c) == 1
    assert match_place("Dezhou City", None, c) == 1
    assert match_place("Dezhou", "KR", c) is None
    assert match_place("Busan", "KR", c) is None
