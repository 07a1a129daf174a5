"""Chinese and Korean articles read natively (every article here was written for these tests)."""

from __future__ import annotations

from amity.extract.cjk import extract_cjk
from amity.records import Document, DocumentRecord


def zh(text: str, published: str = "2024-12-09") -> DocumentRecord:
    return extract_cjk(Document("t.txt", text, language="zh", published=published))


def ko(text: str, published: str = "2025-08-15") -> DocumentRecord:
    return extract_cjk(Document("t.txt", text, language="ko", published=published))


def test_zh_meeting_with_titles_split() -> None:
    r = zh(
        "王毅会见老挝外长\n\n新华社北京12月8日电  12月8日，国务委员兼外长王毅在北京会见老挝外长沙伦赛。\n\n"
        "王毅表示，中方愿同老方加强经贸和文化交流。"
    )
    [e] = [e for e in r.events if e.type == "meeting"]
    assert e.status == "occurred" and e.salience == "main"
    assert e.date == "2024-12-08"
    assert e.place is not None and e.place.name == "北京" and e.place.country == "CN"
    assert e.countries == ("CN", "LA")
    people = {p.name: p for p in e.participants}
    assert people["王毅"].title == "国务委员兼外长" and people["王毅"].country == "CN"
    assert people["沙伦赛"].title == "外长" and people["沙伦赛"].country == "LA"


def test_zh_evidence_offsets_point_into_text() -> None:
    text = "新华社北京12月8日电  12月8日，国务委员兼外长王毅在北京会见老挝外长沙伦赛。"
    r = zh(text)
    [e] = r.events
    assert text[e.evidence[0].start : e.evidence[0].end].startswith("新华社北京")
    assert "会见" in text[e.evidence[0].start : e.evidence[0].end]


def test_zh_visit_and_size() -> None:
    r = zh(
        "12月5日，由六人组成的越南青年代表团抵达上海，开始对中国的访问。代表团团长阮文安表示，此访将促进青年交流。"
    )
    visits = [e for e in r.events if e.type == "visit"]
    assert visits and visits[0].countries == ("CN", "VN")
    assert visits[0].date == "2024-12"
    assert "youth" in visits[0].fields


def test_zh_mou_signing() -> None:
    r = zh("12月6日，中国某大学与泰国某大学在曼谷签署合作备忘录，双方将在教育和科技领域开展合作。")
    [e] = [e for e in r.events if e.type == "agreement"]
    assert e.status == "occurred" and e.date == "2024-12-06"
    assert e.place is not None and e.place.country == "TH"
    assert set(e.countries) == {"CN", "TH"}
    assert {"education", "science"} <= set(e.fields)


def test_zh_planned_event() -> None:
    r = zh("据悉，中韩双方将于明年在首尔举行青年论坛。")
    [e] = r.events
    assert e.type == "conference" and e.status == "planned" and e.salience == "mentioned"
    assert e.place is not None and e.place.country == "KR"


def test_zh_domestic_story_has_no_event() -> None:
    r = zh("12月6日，某省召开经济工作座谈会，省长李华出席会议并讲话。会议在省会举行，研究明年的工作。")
    assert r.events == () and r.participants == () and r.organizations == ()


def test_zh_negated_event_is_dropped() -> None:
    r = zh("受天气影响，中日双方原定本周举行的会谈被取消。")
    assert r.events == ()


def test_zh_later_references_merge() -> None:
    r = zh("12月8日，王毅在北京会见巴基斯坦外长达尔。会见中，双方就经济走廊建设交换意见。")
    assert len([e for e in r.events if e.type == "meeting"]) == 1


def test_ko_meeting_with_titles_split() -> None:
    r = ko("외교부 제1차관 김홍균은 지난 13일 서울에서 쑨웨이둥 중국 외교부 부부장과 회담했다.")
    [e] = r.events
    assert e.type == "meeting" and e.status == "occurred"
    assert e.date == "2025-08-13"
    assert e.place is not None and e.place.name == "서울" and e.place.country == "KR"
    assert e.countries == ("CN", "KR")
    people = {p.name: p for p in e.participants}
    assert people["김홍균"].title == "제1차관" and people["김홍균"].organization == "외교부"
    assert people["김홍균"].country == "KR"
    assert people["쑨웨이둥"].country == "CN"


def test_ko_visit_and_agreement() -> None:
    r = ko(
        "인도네시아 청소년 대표단 20여 명이 지난 12일 한국을 방문했다. 대표단은 이날 서울시와 청소년 교류 업무협약을 체결했다."
    )
    types = {e.type for e in r.events}
    assert {"visit", "agreement"} <= types
    agreement = next(e for e in r.events if e.type == "agreement")
    assert set(agreement.countries) == {"ID", "KR"}
    assert agreement.date == "2025-08-12"


def test_ko_planned_and_cancelled() -> None:
    r = ko("한일 양국은 오는 20일 도쿄에서 문화 포럼을 개최할 예정이다.")
    [e] = r.events
    assert e.type == "conference" and e.status == "planned" and e.date == "2025-08-20"
    assert e.place is not None and e.place.country == "JP"
    assert ko("한미 정상회담이 태풍으로 취소됐다.").events == ()


def test_ko_domestic_story_has_no_event() -> None:
    r = ko("서울시는 지난 13일 시민 안전 토론회를 열었다. 박영수 시장은 축사를 했다.")
    assert r.events == ()


def test_english_document_gets_nothing_here() -> None:
    r = extract_cjk(Document("t.txt", "The minister met his counterpart.", language="en"))
    assert r.events == ()


def test_zh_organizations_from_name_shapes() -> None:
    r = zh(
        "新华社成都12月3日电  12月3日，由四川省人民政府、中国国际经济交流中心和马来西亚中华总商会共同举办的"
        "中马经贸合作论坛在成都开幕。\n\n"
        "论坛期间，省政府与马来西亚中华总商会签署了合作备忘录，省教育厅、商务厅分别与马方签署了合作协议。"
        "中国国际经济交流中心副理事长陈德明、马来西亚中华总商会会长林国华出席并致辞。"
    )
    names = {o.name: o.country for o in r.organizations}
    assert names["中国国际经济交流中心"] == "CN"
    assert names["马来西亚中华总商会"] == "MY"  # the country its name names
    assert "四川省人民政府" in names
    people = {p.name: p for p in r.participants}
    assert people["林国华"].organization == "马来西亚中华总商会" and people["林国华"].country == "MY"
    assert people["陈德明"].organization == "中国国际经济交流中心"
    # no organisation made of a common word or a dateline's news agency
    assert not {"新华社", "中心", "政府"} & set(names)


def test_zh_short_form_of_an_organization_is_the_same_body() -> None:
    r = zh(
        "12月2日，中国国际贸易促进委员会会长张红在北京会见了越南工商会代表团。"
        "张红表示，中国贸促会愿同越方加强企业交流。"
    )
    names = [o.name for o in r.organizations]
    assert "中国国际贸易促进委员会" in names and "中国贸促会" not in names


def test_zh_domestic_signing_alone_makes_no_event() -> None:
    r = zh("12月2日，省政府与省内十家企业签署了战略合作协议，涉及新能源和数字经济等领域。")
    assert r.events == ()


def test_zh_opinion_column_reports_no_event() -> None:
    r = zh(
        "国际观察：绿色发展的中国答卷\n\n"
        "自从各国签署《巴黎协定》以来，中国在减排方面做了大量工作，光伏和风电装机容量位居世界前列。"
        "在我看来，这些成就来自长期的规划和坚持。\n\n"
        "中国城市的空气越来越好，这是每一位到访者都能感受到的变化（国际论坛）"
    )
    assert r.events == ()


def test_zh_domestic_meeting_reports_no_event() -> None:
    r = zh(
        "12月3日，省委书记李明在省会会见了省内重点企业负责人，听取企业对营商环境的意见。"
        "李明表示，省委、省政府将为企业发展提供更好的服务。"
    )
    assert r.events == ()


def test_zh_treaty_named_after_a_city_still_counts_its_parties() -> None:
    r = zh("12月5日，中法两国外长在北京签署了关于落实《巴黎协定》的联合声明。")
    assert any(set(e.countries) >= {"CN", "FR"} for e in r.events)


def test_zh_meeting_during_a_trip_has_the_trip_date() -> None:
    r = zh(
        "新华社河内12月3日电  国务委员兼国防部长李明日前率团访问越南。访问期间，李明还会见了越南国防部长潘文江。"
    )
    meetings = [e for e in r.events if e.type == "meeting"]
    visits = [e for e in r.events if e.type == "visit"]
    assert visits and meetings
    assert meetings[0].date == visits[0].date == "2024-12"  # not the dateline day 12-03


def test_zh_gathering_of_many_countries_is_an_exchange() -> None:
    r = zh(
        "在抗击疫情的过程中，我们同80多个国家的卫生部门举行了专家视频会议，分享防控经验。",
        published="2021-03-02",
    )
    [e] = [e for e in r.events if e.type == "conference"]
    assert e.status == "occurred"
    assert e.date == "2021"  # no date in the text: the year of publication
    # a domestic conference that only mentions many countries in another sentence is not one
    assert zh("本市举行了中小企业座谈会。会上介绍了企业产品销往30多个国家的情况。").events == ()


def test_ko_a_title_written_onto_its_city_is_the_title() -> None:
    rec = ko(
        "인천시, 필리핀 세부시와 관광 교류 협약\n\n"
        "인천시는 14일 시청에서 필리핀 세부시 대표단과 관광 교류에 관한 업무협약을 체결했다. "
        "협약식에는 이정민 인천시장이 참석했다."
    )
    people = {(p.name, p.title) for e in rec.events for p in e.participants}
    assert ("이정민", "시장") in people  # 인천시장: Incheon's mayor, one word


def test_zh_a_guest_named_in_the_events_paragraph_takes_part_in_it() -> None:
    rec = zh(
        "中国与尼泊尔举办青年交流活动\n\n"
        "12月6日，中尼青年友好交流活动在加德满都举行，两国150名青年参加。中国驻尼泊尔大使李明出席活动并致辞。"
    )
    [event] = rec.events
    assert [p.name for p in event.participants] == ["李明"]
