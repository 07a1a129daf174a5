"""People with titles, organisations and countries, from the shapes news prose uses."""

from __future__ import annotations

from collections.abc import Callable

from amity.extract.names import rule_patterns
from amity.records import DocumentRecord, Person

Run = Callable[[str], DocumentRecord]


def person(rec: DocumentRecord, name: str) -> Person:
    found = [p for p in rec.participants if p.name == name]
    assert found, f"{name!r} not among {[p.name for p in rec.participants]}"
    return found[0]


def test_apposition_with_acronym_defined_earlier(run: Run) -> None:
    rec = run(
        "On March 11, the Korea Youth Exchange Foundation (KYEF) and the China Youth Development Agency (CYDA) "
        "signed a memorandum of understanding in Seoul.\n\n"
        "Kim Ha-eun, President of the KYEF, said the agreement opens a new chapter for young people.\n"
    )
    p = person(rec, "Kim Ha-eun")
    assert p.title == "President"
    assert p.organization == "Korea Youth Exchange Foundation"
    assert p.country == "KR"


def test_title_before_name_gives_title_and_country(run: Run) -> None:
    rec = run(
        "Hanoi Mayor Tran Van Minh met Osaka Governor Hideo Tanimura in Osaka on Tuesday to discuss tourism.\n"
    )
    minh = person(rec, "Tran Van Minh")
    assert minh.title == "Mayor" and minh.country == "VN"
    tanimura = person(rec, "Hideo Tanimura")
    assert tanimura.title == "Governor" and tanimura.country == "JP"


def test_short_mention_joins_the_full_name(run: Run) -> None:
    rec = run(
        "Deputy Minister Park Ji-ho met a visiting delegation from Vietnam in Seoul on Tuesday.\n\n"
        "Deputy Minister Park said the two countries share a long history of cultural exchange.\n"
    )
    names = [p.name for p in rec.participants]
    assert names.count("Park Ji-ho") == 1 and "Park" not in names


def test_two_roles_joined_by_and(run: Run) -> None:
    rec = run(
        "The Vietnam-Japan Friendship Association (VJFA) held a forum in Hanoi on Monday with Japanese partners.\n\n"
        "Le Thi Lan, Vice President of the VJFA and Honorary Chair of the Hanoi Youth Union, opened the forum.\n"
    )
    p = person(rec, "Le Thi Lan")
    assert p.title is not None and p.title.startswith("Vice President") and "Honorary Chair" in p.title
    assert p.organization == "Vietnam-Japan Friendship Association"


def test_lowercase_title_after_name(run: Run) -> None:
    rec = run(
        "A symposium on Korea-China relations was held in Beijing on Monday.\n\n"
        "Zhou Min, a research fellow at the Beijing Institute of Asian Studies, said exchanges were recovering.\n"
    )
    p = person(rec, "Zhou Min")
    assert p.title == "research fellow"
    assert p.organization == "Beijing Institute of Asian Studies"
    assert p.country == "CN"


def test_no_people_without_an_exchange_event(run: Run) -> None:
    rec = run("Local voters chose a new council on Sunday. Mayor Jane Doe thanked her supporters.\n")
    assert rec.events == () and rec.participants == ()


def test_a_delegation_leader_belongs_to_the_body_the_delegation_is_from(run: Run) -> None:
    rec = run(
        "Farm officials on study tour\n\n"
        "A nine-member delegation from the Malaysian Ministry of Rural Development, led by Deputy "
        "Secretary-General Aisyah Rahman, visited Thailand this week. On Monday the delegation met officials "
        "of the Thai Ministry of Agriculture in Bangkok.\n"
    )
    leader = person(rec, "Aisyah Rahman")
    assert leader.country == "MY"
    assert leader.organization and "Rural Development" in leader.organization


def test_an_acronym_before_a_title_is_not_the_city_it_spells(run: Run) -> None:
    rec = run(
        "Universities agree on joint research\n\n"
        "Seoul National University and Tashkent State University signed a memorandum on faculty exchanges on "
        "Wednesday. SNU President Ryu Hyun-soo and TSU Rector Akmal Karimov signed it in Tashkent.\n"
    )
    rector = person(rec, "Akmal Karimov")
    assert rector.country != "JP"  # 'TSU' is the university, not Tsu in Japan
    assert all("JP" not in e.countries for e in rec.events)


def test_a_lower_case_prime_or_foreign_minister_keeps_the_whole_title(run: Run) -> None:
    rec = run(
        "Ministers meet in Lima\n\n"
        "Chilean foreign minister Luis Soto met Peruvian prime minister Ana Rojas in Lima on Monday to "
        "discuss student exchanges.\n"
    )
    assert person(rec, "Luis Soto").title == "foreign minister"
    assert person(rec, "Ana Rojas").title == "prime minister"


def test_an_analyst_quoted_about_the_visit_is_not_a_participant(run: Run) -> None:
    rec = run(
        "Estonian Prime Minister Kadri Lepp arrived in Seoul on Monday for a three-day official visit.\n\n"
        "Lepp met South Korean Prime Minister Han Dong-su at the government complex on Tuesday.\n\n"
        "\"Small states need partners far away,\" said Mart Kask, a senior fellow at a Tallinn research "
        "institute.\n\n"
        "Foreign ministry spokesperson Lee Ji-won told reporters the two sides would publish a statement.\n"
    )
    names = {p.name for p in rec.participants}
    assert {"Kadri Lepp", "Han Dong-su"} <= names
    assert "Mart Kask" not in names and "Lee Ji-won" not in names



def test_a_given_name_joined_by_a_hyphen_is_kept_whole() -> None:
    """The shapes that find names the recogniser missed take 'Aibek-Temir' whole, as they take 'Sung-han'."""
    after_title, *_ = rule_patterns()
    for text, name in [
        ("Kyrgyz President Aibek-Temir Osmonov praised the alliance.", "Aibek-Temir Osmonov"),
        ("Korean Ambassador Kim Sung-han attended.", "Kim Sung-han"),
    ]:
        m = after_title.search(text)
        assert m and m.group(1) == name


def test_each_person_takes_the_part_the_words_before_their_name_give(run: Run) -> None:
    rec = run(
        "A delegation of Chilean young diplomats, headed by Director Ana Rojas, was received by Latvian State "
        "Secretary Janis Berzins at the foreign ministry in Riga on Monday.\n"
    )
    roles = {p.name: p.role for e in rec.events for p in e.participants}
    assert roles.get("Ana Rojas") == "leader", roles
    assert roles.get("Janis Berzins") == "host", roles
