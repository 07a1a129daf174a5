"""Person identity: variants merge, same surname alone never does."""

from __future__ import annotations

from amity.resolve.names import person_key, person_sorted_key
from amity.resolve.people import PersonCandidate, PersonMention, link_short_names, match_person

CHUNG = PersonCandidate(1, ("Chung Byung-won",), "KR", frozenset({"Deputy Minister"}), frozenset({7}))


def test_hyphen_and_space_variants_share_a_key() -> None:
    assert person_key("Chung Byung-won") == person_key("Chung Byungwon") == person_key("chung byung won")
    assert person_sorted_key("Byung-won Chung") == person_sorted_key("Chung Byung-won")
    assert person_key("Dr. Liu Aiping") == person_key("Liu Aiping")


def test_variants_match() -> None:
    for name in ("Chung Byungwon", "Chung Byung Won", "CHUNG Byung-won", "Byung-won Chung"):
        assert match_person(PersonMention(name, country="KR"), [CHUNG]) == 1, name
    assert match_person(PersonMention("Chung Byung-won"), [CHUNG]) == 1  # unknown country does not conflict


def test_fuzzy_needs_same_country_and_surname() -> None:
    assert match_person(PersonMention("Chung Byung-woon", country="KR"), [CHUNG]) == 1
    assert match_person(PersonMention("Chung Byung-woon"), [CHUNG]) is None
    assert match_person(PersonMention("Chung Byung-woon", country="JP"), [CHUNG]) is None


def test_country_conflict_keeps_namesakes_apart() -> None:
    assert match_person(PersonMention("Chung Byung-won", country="US"), [CHUNG]) is None


def test_same_surname_alone_never_merges() -> None:
    assert match_person(PersonMention("Chung Eui-yong", country="KR"), [CHUNG]) is None
    assert match_person(PersonMention("Chung", country="KR"), [CHUNG]) is None
    assert match_person(PersonMention("Chung", "Minister", 7, "KR"), [CHUNG]) is None  # other title
    assert match_person(PersonMention("Chung", "Deputy Minister", 8, "KR"), [CHUNG]) is None  # other org


def test_surname_with_same_title_and_organization_merges() -> None:
    assert match_person(PersonMention("Chung", "Deputy Minister", 7, "KR"), [CHUNG]) == 1


def test_short_fuzzy_names_do_not_merge() -> None:
    liu = PersonCandidate(2, ("Liu Aiping",), "CN")
    assert match_person(PersonMention("Liu Aipeng", country="CN"), [liu]) is None


def test_ties_prefer_same_organization() -> None:
    a = PersonCandidate(3, ("Kim Min-jun",), None, frozenset(), frozenset({1}))
    b = PersonCandidate(4, ("Kim Min-jun",), None, frozenset(), frozenset({2}))
    assert match_person(PersonMention("Kim Minjun", org_id=2), [a, b]) == 4
    assert match_person(PersonMention("Kim Minjun"), [b, a]) == 3


def test_short_names_link_within_a_document() -> None:
    names = ["Chung Byung-won", "Chung", "Liu Aiping", "Liu Wei", "Liu"]
    links = link_short_names(names)
    assert links == {"Chung": "Chung Byung-won"}  # "Liu" is ambiguous: two Lius


def test_a_chinese_name_and_its_pinyin_are_one_person() -> None:
    from amity.resolve.people import PersonCandidate, PersonMention, match_person

    known = [PersonCandidate(7, ("Wang Yi",), "CN"), PersonCandidate(8, ("Wang Yong",), "CN")]
    assert match_person(PersonMention("王毅", country="CN"), known) == 7
    assert match_person(PersonMention("王勇", country="CN"), known) == 8
    assert match_person(PersonMention("李强", country="CN"), known) is None


def test_transliteration_links_join_the_only_counterpart_of_a_country() -> None:
    from amity.resolve.people import EventParticipant as P
    from amity.resolve.people import transliteration_links

    known = [P(1, "Wang Yi", "CN"), P(2, "Antony Blinken", "US", "guest")]
    assert transliteration_links([P(1, "王毅", "CN"), P(9, "布林肯", "US", "guest")], known) == {9: 2}
    # another country, another role, or the same script: no link
    assert transliteration_links([P(1, "王毅", "CN"), P(9, "布林肯", "GB")], known) == {}
    assert transliteration_links([P(1, "王毅", "CN"), P(9, "布林肯", "US", "host")], known) == {}
    assert transliteration_links([P(1, "Wang Yi", "CN"), P(9, "Tony Blinkin", "US")], known) == {}
    # two people of the country on either side: not guessed
    two = [*known, P(3, "Nicholas Burns", "US")]
    assert transliteration_links([P(1, "王毅", "CN"), P(9, "布林肯", "US")], two) == {}
    assert (
        transliteration_links([P(1, "王毅", "CN"), P(9, "布林肯", "US"), P(8, "伯恩斯", "US")], known) == {}
    )


def test_a_hangul_name_matches_its_english_spelling() -> None:
    from amity.resolve.people import PersonCandidate, PersonMention, match_person

    known = [PersonCandidate(1, ("Kim Hong-kyun",), "KR"), PersonCandidate(2, ("Lee Jung-min",), "KR")]
    assert match_person(PersonMention("김홍균", country="KR"), known) == 1
    assert match_person(PersonMention("이정민", country="KR"), known) == 2
    assert match_person(PersonMention("김홍민", country="KR"), known) is None
    assert match_person(PersonMention("김홍균", country="JP"), known) is None
