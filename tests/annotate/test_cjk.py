"""Chinese and Korean annotators, place names, romanized keys (sentences written for these tests)."""

from __future__ import annotations

from amity.annotate.cjk import annotate, place_names, split_sentences
from amity.annotate.romanize import romanized_key
from amity.extract.cjk import countries_in, dates_in


def test_zh_sentences_and_offsets() -> None:
    text = "外交部长王毅昨天会见了来访的客人。\n\n双方交换了意见！他们还谈到了旅游"
    ann = annotate(text, "zh")
    assert [s.text for s in ann.sentences] == [
        "外交部长王毅昨天会见了来访的客人。",
        "双方交换了意见！",
        "他们还谈到了旅游",
    ]
    for s in ann.sentences:
        assert text[s.start : s.end] == s.text
        for t in s.tokens:
            assert text[t.start : t.end] == t.text
    assert ann.sentences[1].paragraph == 1
    assert any(n.text == "王毅" and n.kind == "person" for n in ann.sentences[0].names)


def test_ko_sentences_names_without_particles() -> None:
    text = "이민호 시장은 어제 부산에서 손님을 맞았다. 양측은 협력을 논의했다."
    ann = annotate(text, "ko")
    assert len(ann.sentences) == 2
    names = [n.text for s in ann.sentences for n in s.names]
    assert "부산" in names
    assert all(not n.endswith(("은", "는", "에서")) for n in names)
    for s in ann.sentences:
        assert text[s.start : s.end] == s.text


def test_korean_splits_on_period_space_not_decimals() -> None:
    spans = split_sentences("성장률은 2.5%였다. 다음 문장이다.", "ko")
    assert len(spans) == 2


def test_places_to_iso_codes() -> None:
    codes = {
        n: c
        for n, _s, _e, c in place_names(
            "印尼、印度尼西亚、韩国、北京、伊斯兰堡、인도네시아、한국、서울、도쿄"
        )
    }
    assert codes["印尼"] == "ID" and codes["印度尼西亚"] == "ID" and codes["인도네시아"] == "ID"
    assert codes["韩国"] == "KR" and codes["한국"] == "KR" and codes["서울"] == "KR"
    assert codes["北京"] == "CN" and codes["伊斯兰堡"] == "PK" and codes["도쿄"] == "JP"


def test_country_compounds() -> None:
    assert countries_in("中方愿同韩方加强合作") == {"CN", "KR"}
    assert countries_in("中印尼关系稳步发展") >= {"CN", "ID"}
    assert countries_in("한중 관계가 좋아졌다") == {"KR", "CN"}
    assert countries_in("东盟秘书处") == {"ASEAN"}


def test_dates_resolved_against_publication() -> None:
    from datetime import date

    ref = date(2024, 12, 9)
    assert [d.value for d in dates_in("12月8日上午，双方举行会谈", "zh", ref)] == ["2024-12-08"]
    r = dates_in("论坛于12月8日至10日举行", "zh", ref)
    assert (r[0].value, r[0].end_value) == ("2024-12-08", "2024-12-10")
    assert dates_in("8日晚，代表团抵达", "zh", ref)[0].value == "2024-12-08"
    assert dates_in("2019年9月访问", "zh", ref)[0].value == "2019-09"
    ko_ref = date(2025, 8, 15)
    assert dates_in("2025년 8월 13일 서울에서", "ko", ko_ref)[0].value == "2025-08-13"
    assert dates_in("지난 13일 회담했다", "ko", ko_ref)[0].value == "2025-08-13"
    assert dates_in("오는 20일 열린다", "ko", ko_ref)[0].value == "2025-08-20"
    assert dates_in("오는 3일 열린다", "ko", ko_ref)[0].value == "2025-09-03"
    assert dates_in("지난 28일 만났다", "ko", ko_ref)[0].value == "2025-07-28"


def test_romanized_keys() -> None:
    assert romanized_key("王毅", "zh") == "wang yi"
    assert romanized_key("习近平", "zh") == "xi jinping"
    assert romanized_key("曾庆红", "zh") == "zeng qinghong"
    assert romanized_key("欧阳修", "zh") == "ouyang xiu"
    assert romanized_key("伊姆兰・汗", "zh") == "yimulan han"
    assert romanized_key("김홍균", "ko") == "kim honggyun"  # the conventional surname spelling
    assert romanized_key("남궁민", "ko") == "namgoong min"
    assert romanized_key("  Wang  Yi ", "en") == "wang yi"
    assert romanized_key("", "zh") == ""
