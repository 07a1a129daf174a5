"""Chinese and Korean documents: events read with each language's own annotator and lexicons.

`extract_cjk(doc)` is called by the Extractor for documents whose language is Chinese or Korean; the
English screen, recogniser and parser never see them. The shapes of the text (triggers, status cues,
titles, organisation suffixes, fields) are data: amity/data/zh/shapes.json, amity/data/ko/shapes.json;
countries and places: amity/data/cjk_places.json.

Stages: sentences and tokens (amity.annotate.cjk), people with their titles split off, trigger
candidates per sentence (status from cues and dates), a gate (the event's sentences name parties of two
countries or a bloc), merging of later references, then the records.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from typing import Any

from amity.annotate.cjk import CjkAnnotated, CjkSentence, annotate, place_names, places
from amity.data_files import load_json
from amity.extract.cjk_orgs import org_country, org_mentions, org_named, unify_orgs
from amity.records import Document, DocumentRecord, Event, Organization, Person, Place, Span

LANGUAGES = ("zh", "ko")
HOME = {"zh": "CN", "ko": "KR"}
_PUNCT = "，。；：！？“”‘’（）()《》,;:!?\n"


@dataclass(frozen=True)
class Lexicon:
    language: str
    triggers: tuple[tuple[str, tuple[str, ...]], ...]
    weak: tuple[tuple[str, tuple[str, ...]], ...]
    weak_needs: tuple[str, ...]
    planned: tuple[str, ...]
    negated: tuple[str, ...]
    since: tuple[str, ...]  # 以来: a clause dating something else from an undated past event
    during: tuple[str, ...]  # 期间: an event during a trip, dated by the trip
    many_countries_rx: re.Pattern[str] | None  # 150个国家: parties of many countries
    title_rx: re.Pattern[str]  # one title word
    chain_rx: re.Pattern[str]  # a chain of titles: 国务委员兼外长
    org_suffixes: tuple[str, ...]
    surnames: str
    compound_surnames: tuple[str, ...]
    foreign_chars: str
    name_stops: tuple[str, ...]
    name_stop_chars: str
    not_names: frozenset[str]
    size_rx: re.Pattern[str]
    delegation_rx: re.Pattern[str]
    name_rx: re.Pattern[str]
    programs: tuple[str, ...]
    dateline_rx: re.Pattern[str] | None
    phone: tuple[str, ...]
    fields: tuple[tuple[str, tuple[str, ...]], ...]


@cache
def lexicon(language: str) -> Lexicon:
    d: dict[str, Any] = load_json(f"{language}/shapes.json")
    titles = sorted(d["titles"], key=len, reverse=True)
    title = "|".join(re.escape(t) for t in titles)
    joiners = "|".join(re.escape(j) for j in d["title_joiners"])
    pre = r"(?:前|首任|代理|常务|제\d+)?"
    chain = rf"(?:{pre}(?:{title}))(?:\s?(?:{joiners})\s?(?:{pre}(?:{title})))*"
    return Lexicon(
        language=language,
        triggers=tuple((t, tuple(ws)) for t, ws in d["triggers"]),
        weak=tuple((t, tuple(ws)) for t, ws in d.get("weak_triggers", {}).items()),
        weak_needs=tuple(d.get("weak_needs", [])),
        planned=tuple(d["planned"]),
        negated=tuple(d["negated"]),
        since=tuple(d.get("since", [])),
        during=tuple(d.get("during", [])),
        many_countries_rx=re.compile(d["many_countries"]) if d.get("many_countries") else None,
        title_rx=re.compile(rf"(?:{d['title_prefixes']})?(?:{title})" if d.get("title_prefixes") else title),
        chain_rx=re.compile(chain),
        org_suffixes=tuple(sorted(d["org_suffixes"], key=len, reverse=True)),
        surnames=d["surnames"],
        compound_surnames=tuple(d["compound_surnames"]),
        foreign_chars=d.get("foreign_chars", ""),
        name_stops=tuple(d.get("name_stops", [])),
        name_stop_chars=d.get("name_stop_chars", ""),
        not_names=frozenset(d.get("not_names", [])),
        size_rx=re.compile(d["size"]),
        delegation_rx=re.compile(d["size_delegation"]),
        name_rx=re.compile(d["event_name"]),
        programs=tuple(d.get("programs", [])),
        dateline_rx=re.compile(d["dateline"]) if d.get("dateline") else None,
        phone=tuple(d.get("phone", [])),
        fields=tuple((f, tuple(ws)) for f, ws in d["fields"].items()),
    )


# --- dates -----------------------------------------------------------------------------------------

_ZH_DATES = (
    ("ymd_range", r"(\d{4})年(\d{1,2})月(\d{1,2})日(?:至|到|—|―|-|～|~)(?:(\d{1,2})月)?(\d{1,2})日"),
    ("md_range", r"(?<![\d年])(\d{1,2})月(\d{1,2})日?(?:至|到|—|―|-|～|~)(?:(\d{1,2})月)?(\d{1,2})日"),
    ("ymd", r"(\d{4})年(\d{1,2})月(\d{1,2})日"),
    ("ym", r"(\d{4})年(\d{1,2})月"),
    ("y", r"(\d{4})年"),
    ("md", r"(?<![\d年])(\d{1,2})月(\d{1,2})日(?!电)"),
    ("d", r"(?<![\d月年])(\d{1,2})日(?!电)"),
    ("this_year", r"今年"),
    ("last_year", r"去年"),
    ("next_year", r"明年"),
)
_KO_DATES = (
    ("ymd", r"(\d{4})년\s?(\d{1,2})월\s?(\d{1,2})일"),
    ("ym", r"(\d{4})년\s?(\d{1,2})월"),
    ("y", r"(\d{4})년"),
    ("md_range", r"(?<![\d년])(\d{1,2})월\s?(\d{1,2})일\s?(?:~|-|부터)\s?(?:(\d{1,2})월\s?)?(\d{1,2})일"),
    ("md", r"(?<![\d년])(\d{1,2})월\s?(\d{1,2})일"),
    ("past_d", r"지난\s?(\d{1,2})일"),
    ("next_d", r"오는\s?(\d{1,2})일"),
    ("d", r"(?<![\d월])(\d{1,2})일"),
    ("this_year", r"올해|금년"),
    ("last_year", r"지난해|작년"),
    ("next_year", r"내년"),
)


@cache
def _date_rx(language: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple((k, re.compile(rx)) for k, rx in (_KO_DATES if language == "ko" else _ZH_DATES))


@dataclass(frozen=True)
class DateMention:
    start: int  # offset in the sentence
    end: int
    value: str  # ISO, as precise as the text
    end_value: str | None = None


def _day(y: int, m: int, d: int) -> str | None:
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def _month_day(ref: date, m: int, d: int) -> str | None:
    """A month and day without a year: the nearest such date to the publication date (news looks back
    more than ahead: a date more than ~2 months ahead is last year's)."""
    y = ref.year
    if (m - ref.month) % 12 > 2 and m > ref.month:
        y -= 1
    return _day(y, m, d)


def _bare_day(ref: date, d: int, direction: int = 0) -> str | None:
    """'8日', '지난 13일', '오는 20일': this month's day, or the previous month's when it lies ahead of the
    publication date (next month's for a day announced ahead, 'direction' 1)."""
    y, m = ref.year, ref.month
    if direction >= 0 and d < ref.day and direction == 1:
        m += 1
    elif direction <= 0 and d > ref.day + 1 and direction != 1:
        m -= 1
    if m == 0:
        y, m = y - 1, 12
    if m == 13:
        y, m = y + 1, 1
    return _day(y, m, d)


def dates_in(text: str, language: str, ref: date | None) -> list[DateMention]:
    """Date expressions of a sentence resolved against the publication date, left to right, no overlaps."""
    out: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for kind, rx in _date_rx(language):
        for m in rx.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            g = [int(x) if x and x.isdigit() else None for x in m.groups()]
            value: str | None = None
            end_value: str | None = None
            if kind == "ymd_range" and g[0] and g[1] and g[2] and g[4]:
                value = _day(g[0], g[1], g[2])
                end_value = _day(g[0], g[3] or g[1], g[4])
            elif kind == "md_range" and ref and g[0] and g[1] and g[3]:
                value = _month_day(ref, g[0], g[1])
                if value:
                    end_value = _day(int(value[:4]), g[2] or g[0], g[3])
            elif kind == "ymd" and g[0] and g[1] and g[2]:
                value = _day(g[0], g[1], g[2])
            elif kind == "ym" and g[0] and g[1] and 1 <= g[1] <= 12:
                value = f"{g[0]:04d}-{g[1]:02d}"
            elif kind == "y" and g[0] and 1900 <= g[0] <= 2100:
                value = f"{g[0]:04d}"
            elif kind == "md" and ref and g[0] and g[1]:
                value = _month_day(ref, g[0], g[1])
            elif kind in ("d", "past_d", "next_d") and ref and g[0]:
                value = _bare_day(ref, g[0], {"d": 0, "past_d": -1, "next_d": 1}[kind])
            elif kind == "this_year" and ref:
                value = f"{ref.year:04d}"
            elif kind == "last_year" and ref:
                value = f"{ref.year - 1:04d}"
            elif kind == "next_year" and ref:
                value = f"{ref.year + 1:04d}"
            if value:
                out.append(DateMention(m.start(), m.end(), value, end_value))
                taken.append((m.start(), m.end()))
    return sorted(out, key=lambda x: x.start)


def _iso_date(s: str | None) -> date | None:
    if not s:
        return None
    try:
        return date.fromisoformat(s[:10])
    except ValueError:
        return None


# --- countries ---------------------------------------------------------------------------------------


@cache
def _short_rx() -> re.Pattern[str]:
    """Compounds of one-character country forms: 中方, 中韩, 中印尼, 한중, 한·미 (two or more forms joined,
    or one form followed by 方/측)."""
    forms = "|".join(re.escape(s) for s in sorted(places().short, key=len, reverse=True))
    return re.compile(
        rf"(?:(?:{forms})[·・]?){{2,3}}(?=关系|两国|双方|合作|友好|建交|友谊|경제|관계|정상|양국|협력|외교|회담|\s|的)|(?:{forms})(?:方|측)"
    )


def countries_in(text: str) -> set[str]:
    """Countries and blocs a text names: full names, places, and compounds of short forms."""
    p = places()
    works = [(m.start(), m.end()) for m in re.finditer(r"《[^》]{1,40}》", text)]
    # a city in the title of a work names no party: 《巴黎协定》, 《京都议定书》
    found = {
        code
        for name, s, e, code in place_names(text)
        if code and not (p.kind(name) == "place" and any(a < s and e < b for a, b in works))
    }
    short = places().short
    forms = sorted(short, key=len, reverse=True)
    for m in _short_rx().finditer(text):
        s = m.group().rstrip("方측").replace("·", "").replace("・", "")
        while s:
            f = next((f for f in forms if s.startswith(f)), None)
            if f is None:
                break
            found.add(short[f])
            s = s[len(f) :]
    return found


# --- people ------------------------------------------------------------------------------------------


@dataclass
class PersonInfo:
    name: str
    title: str | None
    organization: str | None
    country: str | None
    org_country: str | None = None
    mentions: set[int] = field(default_factory=set)  # sentence indexes


def _han(c: str) -> bool:
    return "\u4e00" <= c <= "\u9fff"


def _zh_name_at(text: str, i: int, lex: Lexicon) -> str | None:
    """A Chinese person's name starting at text[i]: surname and one or two characters, or a
    transliterated name (its parts joined by ・)."""
    rest = text[i : i + 24]
    if not rest or not _han(rest[0]):
        return None
    compound = next((c for c in lex.compound_surnames if rest.startswith(c)), None)
    sl = len(compound) if compound else 1
    translit = re.match(r"[\u4e00-\u9fff]{1,6}[・·]", rest)
    if (compound or rest[0] in lex.surnames) and not translit:
        given = ""
        for k, c in enumerate(rest[sl : sl + 2]):
            tail = rest[sl + k :]
            if not _han(c) or c in _FIRST_STOPS and k == 0:
                break
            if k == 1 and (
                (c in _SECOND_STOPS and not (len(tail) == 1 or tail[1:2] in _PUNCT))
                or any(tail.startswith(w) for w in lex.name_stops if len(w) > 1)
            ):
                break
            given += c
        name = rest[: sl + len(given)]
        if given and name not in lex.not_names:
            return name
        return None
    # a transliteration: characters of foreign names, parts joined by ・
    j = 0
    while j < len(rest) and (
        rest[j] in lex.foreign_chars
        or (translit and _han(rest[j]) and rest[j] not in lex.name_stop_chars)
        or (rest[j] in "・·" and j + 1 < len(rest) and _han(rest[j + 1]))
    ):
        j += 1
    name = rest[:j].rstrip("・·")
    return name if len(name) >= 2 else None


# words that name a foreign party without naming its country: 外宾, 在华外国商协会, 외국
_FOREIGN_CUES = ("外国", "外宾", "外方", "驻华", "各国", "多国", "외국", "해외", "각국")
_FIRST_STOPS = set("赴在同与说表率出向对就将于是的还也及并会到曾已")
_SECOND_STOPS = set("在同与说和等率向对就将于是的还也及并、")


def _zone_before(text: str, end: int, taken: list[tuple[int, int]]) -> str:
    """The words before a name that may be its title: back to punctuation, a verb or another name."""
    start = max(0, end - 40)
    for _s, e in taken:
        if e <= end:
            start = max(start, e)
    zone = text[start:end]
    cut = max(zone.rfind(p) for p in _PUNCT)
    zone = zone[cut + 1 :]
    for w in (
        "会见了",
        "会见",
        "会谈",
        "会晤",
        "接见",
        "同",
        "与",
        "在",
        "由",
        "的",
        "了",
        "率领",
        "分别",
        "应约",
        "应邀",
        "电",
        "出席",
        "及",
        "向",
        "对",
        "是",
        "为",
        "据",
        "和",
        "等",
    ):
        k = zone.rfind(w)
        if k >= 0 and not _inside_title(zone, k, w):
            zone = zone[k + len(w) :]
    zone = re.split(r"\s+", zone.strip())[-1] if zone.strip() else ""
    pieces = zone.split("、")
    kept = pieces.pop()
    lex = lexicon("zh")
    while pieces and lex.title_rx.match(kept) and lex.title_rx.search(pieces[-1][-6:]):
        kept = pieces.pop() + "、" + kept
    return kept.strip("、兼和 ")


def _inside_title(zone: str, k: int, w: str) -> bool:
    """Whether a boundary word at zone[k] is part of a title or organisation name (文化和旅游部)."""
    lex = lexicon("zh")
    after = zone[k + len(w) :]
    if w == "和" and lex.title_rx.match(after):  # 董事长和首席执行官: titles joined
        return True
    return any(s.endswith(w) or w in s for s in ("文化和旅游部", "国家发展和改革委员会", "应急管理部"))


def _split_zone(zone: str, lex: Lexicon) -> tuple[str | None, str | None, str | None, str | None]:
    """(title, organization, person's country, organisation's country) of a title zone:
    斯洛文尼亚外长 -> 外长, -, SI; 大连理工大学党委书记 -> 大连理工大学党委书记, 大连理工大学, -."""
    if not zone:
        return None, None, None, None
    p = places()
    country = None
    rest = zone
    for name, s, e, code in place_names(zone):
        if s == 0 and p.kind(name) == "country":
            country, rest = code, zone[e:].lstrip(" ")
        break
    if not rest:
        return None, None, country, None
    chain = lex.chain_rx.fullmatch(rest)
    if chain:
        return rest, None, country, None
    if not lex.chain_rx.search(rest):
        return None, None, country, None
    # the shortest organisation the zone starts with that a title follows
    for k in range(2, len(zone)):
        head = zone[:k]
        if any(head.endswith(sfx) for sfx in lex.org_suffixes) and lex.title_rx.match(zone[k:].lstrip(" ")):
            org_country = next(
                (c for n, s, _e, c in place_names(head) if s == 0 and p.kind(n) == "country"), None
            )
            org = head.strip()
            if org_country and head == next(n for n, s, _e, _c in place_names(head) if s == 0):
                continue
            return zone, org, country or org_country, org_country
    return zone, None, country, None


def _zh_people(ann: CjkAnnotated, lex: Lexicon) -> list[PersonInfo]:
    people: dict[str, PersonInfo] = {}
    for s in ann.sentences:
        text = s.text
        taken: list[tuple[int, int]] = []
        last_title: tuple[str | None, str | None, str | None, str | None] | None = None
        last_end = -1
        orgs = org_mentions(s, "zh")
        for m in lex.title_rx.finditer(text):
            name = _zh_name_at(text, m.end(), lex)
            if not name or lex.title_rx.match(name) or places().code(name):
                continue
            if any(text.startswith(w, m.end()) for w in ("兼", "、")):
                continue
            zone = _zone_before(text, m.end(), taken)
            at = m.end() - len(zone)
            # a boundary word inside an organisation's name does not cut it: 中共中央对外联络部
            whole = next((o for o in orgs if o.start < at < o.end and o.end <= m.end()), None)
            if whole is not None:
                zone = text[whole.start : m.end()]
            info = _split_zone(zone, lex)
            if info[0] is None:
                continue
            _add_person(people, name, info, s.index)
            taken.append((m.end(), m.end() + len(name)))
            last_title, last_end = info, m.end() + len(name)
            # an enumeration under one title: 自治区领导王莉霞、孟凡利、艾丽华
            while last_end < len(text) and text[last_end] == "、" and last_title:
                nxt = _zh_name_at(text, last_end + 1, lex)
                if not nxt or lex.title_rx.match(text, last_end + 1) or places().code(nxt):
                    break
                after = re.split(r"[、，。；：]", text[last_end + 1 :], maxsplit=1)[0]
                if (
                    lex.title_rx.search(after[:12])
                    or lex.org_suffixes
                    and any(after.startswith(x) for x in lex.org_suffixes)
                ):
                    break
                _add_person(people, nxt, last_title, s.index)
                taken.append((last_end + 1, last_end + 1 + len(nxt)))
                last_end += 1 + len(nxt)
    # later mentions by name alone
    for s in ann.sentences:
        for name, p in people.items():
            if name in s.text:
                p.mentions.add(s.index)
    return list(people.values())


def _add_person(
    people: dict[str, PersonInfo],
    name: str,
    info: tuple[str | None, str | None, str | None, str | None],
    index: int,
) -> None:
    title, org, country, org_country = info
    p = people.get(name)
    if p is None:
        people[name] = PersonInfo(name, title, org, country, org_country, {index})
        return
    p.mentions.add(index)
    if title and (not p.title or len(title) > len(p.title)):
        p.title, p.organization = title, org or p.organization
    p.country = p.country or country
    p.org_country = p.org_country or org_country


def _ko_is_name(word: str, lex: Lexicon) -> bool:
    if not re.fullmatch(r"[\uac00-\ud7a3]{2,4}", word) or places().code(word):
        return False
    if any(places().code(word[:k]) and word[k:] in _KO_PLACE_ENDINGS for k in range(2, len(word))):
        return False  # 서울서 is 'in Seoul'

    compound = any(word.startswith(c) for c in lex.compound_surnames)
    return (compound or word[0] in lex.surnames) and len(word) <= 4 and not lex.title_rx.fullmatch(word)


_KO_PLACE_ENDINGS = frozenset({"서", "에", "의", "은", "는", "이", "가", "을", "를", "도", "로", "와", "과"})


def _ko_foreign_name(word: str, following: list[tuple[str, int]], lex: Lexicon) -> bool:
    """A foreign name in Hangul, known by the country and title after it: 쑨웨이둥 중국 외교부 부부장과."""
    if not re.fullmatch(r"[\uac00-\ud7a3]{2,6}", word) or places().code(word) or _ko_word_kind(word, lex):
        return False
    kinds = [_ko_word_kind(_KO_PARTICLE.sub("", w), lex) for w, _ in following]
    return bool(kinds) and kinds[0] == "country" and "title" in kinds


_KO_PARTICLE = re.compile(r"(?:은|는|이|가|을|를|의|과|와|에게|에|께서|도|로|으로|이다|과의|와의)$")


def _ko_word_kind(word: str, lex: Lexicon) -> str | None:
    w = _KO_PARTICLE.sub("", word) if len(word) > 2 else word
    if places().kind(w) == "country":
        return "country"
    if re.fullmatch(rf"(?:제\d+)?(?:{lex.title_rx.pattern})", w) or lex.title_rx.fullmatch(w):
        return "title"
    if _ko_place_title(w, lex):
        return "title"
    if any(w.endswith(sfx) for sfx in lex.org_suffixes) and len(w) >= 2:
        return "org"
    return None


def _ko_place_title(w: str, lex: Lexicon) -> str | None:
    """The title of a word that writes it onto the place it serves: 시장 of 부산시장 (Busan's mayor),
    도지사 of 경기도지사; None for any other word."""
    for k in range(2, len(w) - 1):
        head, title = w[:k], w[k:]
        if lex.title_rx.fullmatch(title) and (places().code(head) or places().code(head[:-1])):
            return title
    return None


def _ko_title(w: str, lex: Lexicon) -> str:
    """A title word as the record gives it: without the place written onto it (부산시장 -> 시장)."""
    if lex.title_rx.fullmatch(w) or re.fullmatch(rf"(?:제\d+)?(?:{lex.title_rx.pattern})", w):
        return w
    return _ko_place_title(w, lex) or w


def _ko_foreign_after_title(words: list[tuple[str, int]], i: int, lex: Lexicon) -> tuple[str, int] | None:
    """A foreign name of one or two words written after its title, the title after its country, city or
    organisation: 알마티 국립공과대학 부총장 아이굴 누르벡, 치앙마이 시장 쏨삭 분야랏이 (name, words used)."""
    if i < 2 or _ko_word_kind(words[i - 1][0], lex) != "title" or _KO_PARTICLE.search(words[i - 1][0]):
        return None
    owner = words[i - 2][0]
    if not any(_ko_word_kind(w, lex) or places().code(w) for w in (owner, _KO_PARTICLE.sub("", owner))):
        return None
    parts: list[str] = []
    for w, _ in words[i : i + 2]:
        bare = _KO_PARTICLE.sub("", w)
        if not re.fullmatch(r"[\uac00-\ud7a3]{2,6}", bare) or _ko_word_kind(bare, lex) or places().code(bare):
            break
        parts.append(bare)
        if bare != w:
            break
    if not parts or _ko_is_name(parts[0], lex) and len(parts) == 1:
        return None
    last = words[i + len(parts) - 1][0]
    if last == parts[-1] and i + len(parts) < len(words) and words[i + len(parts)][0] not in ("등", "씨"):
        return None  # a name ends at its particle (or 등): 쏨삭 분야랏이, 아이굴 누르벡 등
    return " ".join(parts), len(parts)


def _ko_zone_info(
    words: list[tuple[str, int]], i: int, lex: Lexicon
) -> tuple[str | None, str | None, str | None, str | None]:
    """(title, organisation, country, country) of the words before words[i]: 알마티 국립공과대학 부총장."""
    zone: list[tuple[str, str]] = []
    j = i - 1
    while j >= 0 and len(zone) < 4:
        w = words[j][0]
        bare = w if places().code(w) else _KO_PARTICLE.sub("", w)
        k = _ko_word_kind(w, lex) or ("place" if places().code(bare) else None)
        if k is None or (bare != w and j != i - 1 and len(w) > 3):
            break
        zone.insert(0, (bare, k))
        j -= 1
    country = next((places().code(w) for w, k in zone if k == "country"), None)
    if country is None:
        country = next((places().code(w) for w, k in zone if k == "place"), None)
    title = " ".join(_ko_title(w, lex) for w, k in zone if k == "title") or None
    org = (
        " ".join(w for w, k in zone if k in ("org", "country", "place"))
        if any(k == "org" for _w, k in zone)
        else None
    )
    return title, org, country, country


def _ko_people(ann: CjkAnnotated, lex: Lexicon) -> list[PersonInfo]:
    people: dict[str, PersonInfo] = {}
    for s in ann.sentences:
        words = [(m.group(), m.start()) for m in re.finditer(r"[^\s,.·“”‘’()]+", s.text)]
        skip_to = 0
        for i, (word, _start) in enumerate(words):
            if i < skip_to:
                continue
            bare = _KO_PARTICLE.sub("", word)
            after_title = _ko_foreign_after_title(words, i, lex)
            if after_title:
                name, n_words = after_title
                skip_to = i + n_words
                _add_person(people, name, _ko_zone_info(words, i, lex), s.index)
                continue
            if _ko_foreign_name(bare, words[i + 1 : i + 4], lex) and word == bare:
                pass
            elif not _ko_is_name(bare, lex) and not (
                len(bare) > 2 and _ko_is_name(bare[:3], lex) and bare[3:] in ("은", "는", "이", "가")
            ):
                continue
            name = bare if _ko_is_name(bare, lex) or word == bare else bare[:3]
            before: list[tuple[str, str]] = []
            j = i - 1
            while j >= 0 and len(before) < 4:
                k = _ko_word_kind(words[j][0], lex)
                if k is None or _KO_PARTICLE.search(words[j][0]) and k != "title" and len(words[j][0]) > 3:
                    break
                before.insert(0, (words[j][0], k))
                j -= 1
            after: list[tuple[str, str]] = []
            if word == name:  # 김홍균 외교부 제1차관은
                j = i + 1
                while j < len(words) and len(after) < 4:
                    w = words[j][0]
                    bare_w = _KO_PARTICLE.sub("", w)
                    k = _ko_word_kind(bare_w, lex)
                    if k is None:
                        break
                    after.append((bare_w, k))
                    j += 1
                    if bare_w != w:
                        break
            zone = before if before and before[-1][1] == "title" else after
            if not zone or zone[-1][1] != "title":
                continue
            country = next((places().code(w) for w, k in zone if k == "country"), None)
            orgs = [_KO_PARTICLE.sub("", w) for w, k in zone if k in ("org", "country")]
            if not any(k == "org" for _w, k in zone):
                orgs = []
            titles = [_ko_title(w, lex) for w, k in zone if k == "title"]
            title = " ".join(titles)
            org = " ".join(orgs) or None
            _add_person(people, name, (title, org, country, country), s.index)
    for s in ann.sentences:
        for name, p in people.items():
            if name in s.text:
                p.mentions.add(s.index)
    return list(people.values())


def _person_country(p: PersonInfo, lex: Lexicon, home: str, foreign: str | None) -> str | None:
    if p.country:
        return p.country
    native = p.name[0] in lex.surnames or any(p.name.startswith(c) for c in lex.compound_surnames)
    if p.title and p.title.startswith("驻"):
        return home
    if native and "・" not in p.name and len(p.name) <= 4:
        return home
    return foreign


# --- events ------------------------------------------------------------------------------------------


@dataclass
class Cand:
    type: str
    trigger: str
    sentence: CjkSentence
    pos: int  # trigger offset in the sentence
    status: str = "occurred"
    date: DateMention | None = None
    place: Place | None = None
    sentences: list[CjkSentence] = field(default_factory=list)
    countries: set[str] = field(default_factory=set)  # named where the event is reported


def _clause(text: str, pos: int) -> tuple[int, int]:
    s = max(text.rfind(p, 0, pos) for p in "，；。,;") + 1
    ends = [i for i in (text.find(p, pos) for p in "，；。,;") if i >= 0]
    return s, min(ends) if ends else len(text)


def _label(text: str, i: int, word: str) -> bool:
    """Whether a trigger is a column's label, not an event: 国际论坛：…, …（国际论坛）."""
    head = re.match(r"[^，。：:（(]{1,8}[：:]", text)
    if head and i + len(word) <= head.end():
        return True
    for m in re.finditer(r"[（(]([^）)]{1,8})[）)]", text):
        if m.start() < i and i + len(word) < m.end() and m.end() >= len(text.rstrip()):
            return True
    return False


def _cands(s: CjkSentence, lex: Lexicon) -> list[Cand]:
    out: list[Cand] = []
    text = s.text
    longer = [w for _t, ws in lex.triggers for w in ws]
    for etype, words in lex.triggers:
        hits = [
            (i, w)
            for w in words
            for i in [m.start() for m in re.finditer(re.escape(w), text)]
            if not any(len(x) > len(w) and text.startswith(x, i) for x in longer) and not _label(text, i, w)
        ]
        if not hits:
            continue
        pos, word = min(hits)
        out.append(Cand(etype, word, s, pos))
    if any(c.type == "agreement" for c in out):
        out = [c for c in out if c.type != "program"]
    if lex.weak_needs and any(w in text for w in lex.weak_needs):
        for etype, words in lex.weak:
            if any(c.type == etype for c in out):
                continue
            hits = [(text.find(w), w) for w in words if w in text]
            if hits:
                pos, word = min(hits)
                out.append(Cand(etype, word, s, pos))
    return out


# a Korean verb ending that joins two clauses: 맺고, 둘러봤으며, 방문하면서
_KO_CONNECTIVE = re.compile(r"[\uac00-\ud7a3](?:고|며|면서)\s")


def _status(c: Cand, lex: Lexicon, ref: date | None) -> str | None:
    """occurred, planned or historical; None when the trigger reports what did not happen."""
    text = c.sentence.text
    cs, ce = _clause(text, c.pos)
    before = text[cs : c.pos]
    window = text[max(cs, c.pos - 12) : min(ce, c.pos + len(c.trigger) + 8)]
    if lex.language == "ko":  # the verb comes last: 회담이 태풍으로 취소됐다
        window = text[max(cs, c.pos - 12) :]
    if any(w in window for w in lex.negated):
        return None
    if c.date is None and any(w in text[c.pos : ce] for w in lex.since):  # 签署《巴黎协定》以来: background
        return None
    if lex.language == "ko":
        end = ce if ce > c.pos else len(text)
        joint = _KO_CONNECTIVE.search(text, c.pos, end)  # 자매결연을 맺고 …넓히기로 했다: two clauses
        end = joint.start() + 1 if joint else end
        if any(w in text[c.pos : end] for w in ("예정", "계획", "방침", "기로")) or re.search(
            r"오는\s?\d", before
        ):
            return "planned"
    elif any(w in before for w in lex.planned) and not any(w in before for w in ("将近", "将军")):
        return "planned"
    if c.date and ref:
        y = int(c.date.value[:4])
        if y < ref.year - 0 and (len(c.date.value) == 4 or y < ref.year) and ref.year - y >= 1:
            return "historical"
        if c.date.value > ref.isoformat()[: len(c.date.value)] and len(c.date.value) == 10:
            return "planned"
    return "occurred"


def _place_of(c: Cand, lex: Lexicon) -> Place | None:
    text = c.sentence.text
    p = places()
    found = place_names(text)
    if lex.language == "zh":
        pats = [r"在", r"于"] + (
            [r"访问", r"到访", r"赴", r"抵达", r"前往", r"出访"] if c.type == "visit" else []
        )
        for name, s, _e, code in found:
            if any(text[max(0, s - len(w)) : s] == w for w in pats) and code and len(code) == 2:
                return Place(name, code)
    else:
        for name, _s, e, code in found:
            if code and len(code) == 2 and re.match(r"(?:에서|을|를|시|에)", text[e : e + 2]):
                return Place(name, code)
    for name, _s, e, code in found:
        if p.kind(name) == "place" and code and (lex.language == "ko" or text[e : e + 1] in _PUNCT + "举召"):
            return Place(name, code)
    return None


def _merge(cands: list[Cand], people: list[PersonInfo] | None = None, home: str = "") -> list[Cand]:
    """One event per real event: a later mention of the same type, status and a compatible date is the
    same event, unless it is a meeting that introduces people of its own (a second round of talks)."""
    out: list[Cand] = []
    first = {p.name: min(p.mentions) for p in people or [] if p.mentions and p.title}
    country = {p.name: p.country for p in people or []}

    def own_people(c: Cand, o: Cand) -> bool:
        seen = {s.index for s in o.sentences}
        if c.type != "meeting" or seen == {0} or re.search(r"参加会见|陪同|在座|배석|동석", c.sentence.text):
            return False
        new = [n for n, i in first.items() if i == c.sentence.index]
        homes = {country[n] for n, i in first.items() if i in seen}
        # someone of another side than those met before: 访问期间，他还会见了参联会主席
        return bool(homes) and any(country.get(n) not in (None, home) for n in new)

    for c in cands:
        same = next(
            (
                o
                for o in out
                if o.type == c.type
                and o.status == c.status
                and not own_people(c, o)
                and (
                    not o.date
                    or not c.date
                    or o.date.value.startswith(c.date.value)
                    or c.date.value.startswith(o.date.value)
                    or c.type == "visit"
                    and o.date.value[:7] == c.date.value[:7]  # a trip lasts days
                )
            ),
            None,
        )
        if same is None:
            c.sentences = [c.sentence]
            out.append(c)
            continue
        if c.sentence not in same.sentences:
            same.sentences.append(c.sentence)
        if same.date is None or (c.date and len(c.date.value) > len(same.date.value)):
            same.date = c.date or same.date
        same.place = same.place or c.place
        same.countries |= c.countries
    return out


def _support(events: list[Cand], domestic: list[Cand]) -> None:
    """A sentence that reports an event of the same type, status and date as one with parties of two
    countries reports that event too (签约仪式上，自治区政府分别与…签署了协议): its parties and evidence
    join the event; such a sentence alone never makes an event."""
    for c in domestic:
        e = next(
            (
                o
                for o in events
                if o.type == c.type
                and o.status == c.status
                and (c.date is None or o.date is not None and o.date.value == c.date.value)
            ),
            None,
        )
        if e is not None and c.sentence not in e.sentences:
            e.sentences.append(c.sentence)


def _fields(text: str, lex: Lexicon) -> tuple[str, ...]:
    return tuple(sorted(f for f, words in lex.fields if any(w in text for w in words)))


_ZH_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def _number(s: str) -> int | None:
    if s.isdigit():
        return int(s)
    total, cur = 0, 0
    for ch in s:
        if ch in _ZH_DIGITS:
            cur = _ZH_DIGITS[ch]
        elif ch in "十百千":
            total += (cur or 1) * {"十": 10, "百": 100, "千": 1000}[ch]
            cur = 0
        else:
            return None
    return total + cur or None


def _size(text: str, lex: Lexicon) -> int | None:
    """The number of people: 六人代表团, 150余名, 150여 명 (not a count of countries or companies)."""
    for m in [*lex.delegation_rx.finditer(text), *lex.size_rx.finditer(text)]:
        if any(w in m.group() for w in ("个国家", "개국")) or m.group().endswith("家"):
            continue
        n = _number(m.group(1))
        if n and n >= 2:
            return n
    return None


def _event_name(c: Cand, lex: Lexicon) -> str | None:
    for m in lex.name_rx.finditer(c.sentence.text):
        inner = m.group(2)
        noun = m.group(3) if m.lastindex and m.lastindex >= 3 else None
        if noun or re.search(r"(论坛|研讨会|座谈会|会议|峰会|大会|포럼|세미나|회의|심포지엄)$", inner):
            return m.group().strip()
    return None


def _role(p: PersonInfo, c: Cand) -> str:
    text = c.sentence.text
    i = text.find(p.name)
    if i < 0:
        return "attendee"
    if re.search(rf"{re.escape(p.name)}[^，。]{{0,6}}(率领|率)", text) or re.search(
        r"(率领|이끄는|단장)", text[i : i + len(p.name) + 8]
    ):
        return "leader"
    if c.type == "agreement":
        return "signatory"
    if c.type == "meeting" and c.trigger in ("会见", "接见", "접견"):
        return "host" if i < c.pos else "guest"
    if re.search(r"(致辞|讲话|发言|主旨|기조연설|축사)", text[i : i + len(p.name) + 12]):
        return "speaker"
    return "attendee"


def _person_org_country(p: PersonInfo, home: str) -> str | None:
    """The country of a person's organisation: the one its name names, none for an international body
    (世界卫生组织), else the person's."""
    if not p.organization:
        return None
    m = org_named(p.organization)
    if m.named_country or m.international:
        return org_country(m, home)
    return p.org_country or p.country


def extract_cjk(doc: Document) -> DocumentRecord:
    """The document's record: its exchange events, people and organisations, read natively."""
    language = (doc.language or "").split("-")[0].lower()
    empty = DocumentRecord(doc.doc, doc.title, doc.published, doc.language)
    if language not in LANGUAGES or not doc.text.strip():
        return empty
    lex = lexicon(language)
    ann = annotate(doc.text, language)
    ref = _iso_date(doc.published)
    home = HOME[language]
    masked = [(a, b) for a, b in doc.mask]
    sentences = [
        s
        for s in ann.sentences
        if not any(a <= s.start and s.end <= b for a, b in masked)
        and not re.fullmatch(r"[\d\s\-:/.年月日]+", s.text)
    ]
    # the dateline: 新华社伊斯兰堡12月1日电
    dl_place: Place | None = None
    dl_date: str | None = None
    if lex.dateline_rx is not None:
        for s in sentences[:4]:
            m = lex.dateline_rx.search(s.text)
            if m:
                code = places().code(m.group(1)) if m.group(1) else None
                dl_place = Place(m.group(1), code) if code and len(code) == 2 else None
                if ref:
                    dl_date = _month_day(ref, int(m.group(2)), int(m.group(3)))
                break
    if dl_date is None:
        for s in sentences[1:4]:
            ds = [d for d in dates_in(s.text, language, ref) if len(d.value) == 10]
            if ds and s.text.find(ds[0].value) < 0 and ds[0].start < 12:
                dl_date = ds[0].value
                break
    lead_place: Place | None = None
    for s in sentences[:4]:
        for name, at, _e, code in place_names(s.text):
            if (
                code
                and len(code) == 2
                and (s.text[max(0, at - 1) : at] in ("在", "于") or s.text[_e : _e + 2] == "에서")
            ):
                lead_place = Place(name, code)
                break
        if lead_place:
            break
    people = _ko_people(ann, lex) if language == "ko" else _zh_people(ann, lex)
    doc_countries: dict[str, int] = {}
    for s in sentences:
        for code in countries_in(s.text):
            doc_countries[code] = doc_countries.get(code, 0) + 1
    foreign = max(
        (c for c in doc_countries if c != home and len(c) == 2), key=lambda c: doc_countries[c], default=None
    )
    for p in people:
        p.country = _person_country(p, lex, home, foreign)
        owner = org_named(p.organization).named_country if p.organization else None
        if owner and p.title and p.title.startswith(p.organization or ""):  # 中国美国商会总裁: US
            p.country = owner
    cands: list[Cand] = []
    domestic: list[Cand] = []  # candidates without two countries: support only
    for s in sentences:
        for c in _cands(s, lex):
            dates = dates_in(s.text, language, ref)
            before = [d for d in dates if d.start <= c.pos]
            _cs, ce = _clause(s.text, c.pos)
            after = [d for d in dates if c.pos < d.start < ce]  # not a date of the next clause
            c.date = before[-1] if before else (after[0] if after else None)
            st = _status(c, lex, ref)
            if st is None:
                continue
            c.status = st
            # the gate: parties of two countries (or a bloc) in the sentence
            near = [x for x in sentences if x.paragraph == s.paragraph and abs(x.index - s.index) <= 1]
            found = set()
            for x in near:
                found |= countries_in(x.text)
                found |= {p.country for p in people if x.index in p.mentions and p.country}
                found |= {m.named_country for m in org_mentions(x, language) if m.named_country}
            foreign_cue = any(w in x.text for x in near for w in _FOREIGN_CUES)
            # 150个国家和90多个国际组织的嘉宾与会: a gathering of many countries, in the trigger's sentence
            many = bool(lex.many_countries_rx and lex.many_countries_rx.search(s.text))
            if (
                len(found) < 2
                and not any(len(x) > 2 for x in found)
                and not ((found or c.type in ("meeting", "visit")) and foreign_cue)
                and not (many and c.type in ("conference", "program"))
            ):
                domestic.append(c)
                continue
            c.place = _place_of(c, lex)
            c.countries = found
            cands.append(c)
    events = _merge(cands, people, home)
    if not events:
        return empty
    _support(events, domestic)
    out: list[Event] = []
    used_people: dict[str, Person] = {}
    used_orgs: dict[str, Organization] = {}
    for e in events:
        idx = {s.index for s in e.sentences}
        # people named in the event's paragraph take part in it ('中国驻老挝大使王刚出席活动'), as in English
        around = idx | {s.index for s in sentences if s.paragraph in {y.paragraph for y in e.sentences}}
        text = "".join(s.text for s in e.sentences)
        parts = []
        for p in people:
            if p.mentions & around:
                role = _role(p, e)
                parts.append(Person(p.name, p.title, p.organization, p.country, role))
                used_people.setdefault(p.name, Person(p.name, p.title, p.organization, p.country))
        orgs: dict[str, Organization] = {}
        for p in people:
            if p.mentions & idx and p.organization:
                orgs.setdefault(
                    p.organization,
                    Organization(p.organization, None, _person_org_country(p, home), "attendee"),
                )
        named_by_orgs: set[str] = set()
        for s in e.sentences:
            for om in org_mentions(s, language):
                orgs.setdefault(om.name, Organization(om.name, None, org_country(om, home), "attendee"))
                if om.named_country:
                    named_by_orgs.add(om.named_country)
        for o in orgs.values():
            used_orgs.setdefault(o.name, Organization(o.name, None, o.country))
        cset = set(e.countries)
        cset |= {p.country for p in parts if p.country}
        cset |= named_by_orgs
        place = e.place
        if place is None and e.status == "occurred" and not any(w in text for w in lex.phone):
            place = lead_place or dl_place
        if place and place.country:
            cset.add(place.country)
        value = e.date.value if e.date else None
        end_value = e.date.end_value if e.date else None
        if value is None and e.status == "occurred" and re.search(r"이날|当天|当日|同日|当晚", text):
            value = next(
                (
                    x.date.value
                    for x in events
                    if x.status == "occurred" and x.date and len(x.date.value) == 10
                ),
                None,
            )
        during = any(w in text for w in lex.during)
        if value is None and e.status == "occurred" and e.type != "visit" and during:
            # 访问期间，他还会见了…: a meeting during the trip has the trip's date
            trip = next((x for x in events if x.type == "visit" and x.status == "occurred"), None)
            if trip is not None:
                value = (trip.date.value if trip.date else dl_date or "")[:7] or None
        if value is None and e.status == "occurred":
            # the dateline's day, else the year of publication: what the text supports of a recent event
            value = dl_date or (doc.published[:4] if doc.published else None)
        if e.type == "visit" and value and len(value) == 10 and not end_value:
            value = value[:7]  # a trip lasts days: the day it is reported on is not the trip's date
        salience = "main" if e.status == "occurred" else "mentioned"
        paras = {y.paragraph for y in e.sentences}
        program = next((p for p in lex.programs if p in text), None)
        out.append(
            Event(
                type=e.type,
                status=e.status,
                salience=salience,
                name=_event_name(e, lex),
                date=value,
                end_date=end_value,
                place=place,
                countries=tuple(sorted(c for c in cset if c)),
                organizations=tuple(orgs.values()),
                participants=tuple(parts),
                fields=_fields(text, lex),
                size=_size("".join(x.text for x in sentences if x.paragraph in paras), lex),
                program=program,
                evidence=tuple(Span(s.start, s.end) for s in sorted(e.sentences, key=lambda s: s.start)),
                trigger=e.trigger,
            )
        )
    if any(e.salience == "main" for e in out):
        # the people the article introduces by office take part in its exchange (hosts, guests, attendees)
        for p in people:
            if p.title:
                used_people.setdefault(p.name, Person(p.name, p.title, p.organization, p.country))
                if p.organization:
                    used_orgs.setdefault(
                        p.organization, Organization(p.organization, None, _person_org_country(p, home))
                    )
    record = DocumentRecord(
        doc.doc,
        doc.title,
        doc.published,
        doc.language,
        tuple(out),
        participants=tuple(used_people.values()),
        organizations=tuple(used_orgs.values()),
    )
    return unify_orgs(record) if language == "zh" else record


__all__ = ["LANGUAGES", "extract_cjk", "dates_in", "countries_in", "lexicon", "timedelta"]
