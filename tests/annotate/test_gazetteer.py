"""Places by the names news uses, with warnings for places that do not exist."""

from __future__ import annotations

import pytest

from amity.annotate.gazetteer import gazetteer


@pytest.mark.parametrize(
    ("name", "country", "kind"),
    [
        ("Dezhou City", "CN", "city"),
        ("Shandong Province", "CN", "division"),
        ("Gyeonggi-do", "KR", "division"),
        ("the ROK", "KR", "country"),
        ("Viet Nam", "VN", "country"),
        ("Hanoi", "VN", "city"),
        ("Osaka", "JP", "division"),  # a prefecture and its capital city: the division is taken
        ("Toulouse", "FR", "city"),
        ("Cheongju", "KR", "city"),
        ("Can Tho", "VN", "division"),  # a province-level city in pycountry
    ],
)
def test_known_places(name: str, country: str, kind: str) -> None:
    info, warning = gazetteer().lookup(name)
    assert info is not None and info.country == country and info.kind == kind
    assert warning is None


def test_a_city_called_a_province_is_kept_and_flagged() -> None:
    info, warning = gazetteer().lookup("Zhenjiang Province")
    assert info is not None and info.country == "CN" and info.name == "Zhenjiang Province"
    assert warning is not None and "Zhenjiang" in warning and "city" in warning


@pytest.mark.parametrize("word", ["Kim", "President", "Central", "Monday", "Global Times"])
def test_surnames_titles_and_common_words_are_not_places(word: str) -> None:
    assert gazetteer().lookup(word)[0] is None


def test_demonyms_and_blocs() -> None:
    g = gazetteer()
    assert g.demonym("Vietnamese") == "VN"
    assert g.demonym("South Korean") == "KR"
    assert g.bloc("ASEAN") == "ASEAN"
    assert g.bloc("Arab League") == "ARAB_LEAGUE"


def test_regular_demonyms_are_derived_from_country_names() -> None:
    from amity.annotate.gazetteer import gazetteer

    g = gazetteer()
    assert [g.demonym(w) for w in ("Bolivian", "Chilean", "Sudanese", "Pakistani", "Mexican")] == [
        "BO", "CL", "SD", "PK", "MX"
    ]
    assert g.demonym("Human") is None and g.demonym("Christian") is None and g.demonym("Urban") is None


def test_chinese_and_korean_country_names_cover_every_country() -> None:
    from amity.annotate.cjk import places

    p = places()
    assert p.code("玻利维亚") == "BO" and p.code("볼리비아") == "BO" and p.code("玻利維亞") == "BO"
    assert p.code("印尼") == "ID"
