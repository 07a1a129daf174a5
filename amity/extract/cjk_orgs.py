"""Organisations named in Chinese text, read from the segmenter's words and the shapes of
organisation names (amity/data/zh/shapes.json: `org_suffixes`, `org_shapes`).

An organisation is a run of noun-like words ending in a word that ends with an organisation suffix
(…部, …委员会, …协会, …大学, …研究院, …中心, …基金会, …商会, …政府) or that the segmenter tags as an
organisation (`nt`). The run stops at punctuation, verbs, particles, titles and people. A body listed
bare after one with a jurisdiction (自治区教育厅、公安厅) shares its jurisdiction; a short form that
abbreviates a longer name of the same text (中国贸促会 for 中国国际贸易促进委员会) or the longer name with
its legal form (中国船舶集团有限公司) is the same organisation.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache
from typing import Any

from amity.annotate.cjk import CjkSentence, Token, place_names, places
from amity.data_files import load_json
from amity.records import DocumentRecord, Organization, Person


@dataclass(frozen=True)
class OrgShapes:
    suffixes: tuple[str, ...]
    place_suffixes: tuple[str, ...]  # 市, 省: a city or province as a party, not after 在/于
    part_tags: frozenset[str]  # tags of words inside a name
    end_tags: frozenset[str]  # tags of the word a name ends with
    not_words: frozenset[str]  # common words ending in a suffix: 干部, 全部, 格局
    not_names: frozenset[str]  # generic bodies: 国际组织, 中国政府
    stops: frozenset[str]  # words a name never starts with or runs across
    jurisdictions: tuple[str, ...]  # 自治区, 省, 市: a prefix a bare body in a list shares
    international: tuple[str, ...]  # words of international bodies: 国际, 世界, 联合国
    legal_forms: tuple[str, ...]  # 有限公司: the same company with its legal form
    titles: frozenset[str]


@cache
def org_shapes(language: str = "zh") -> OrgShapes:
    d: dict[str, Any] = load_json(f"{language}/shapes.json")
    o: dict[str, Any] = d["org_shapes"]
    return OrgShapes(
        suffixes=tuple(sorted(d["org_suffixes"], key=len, reverse=True)),
        place_suffixes=tuple(o["place_suffixes"]),
        part_tags=frozenset(o["part_tags"]),
        end_tags=frozenset(o["end_tags"]),
        not_words=frozenset(o["not_words"]),
        not_names=frozenset(o["not_names"]),
        stops=frozenset(o["stops"]),
        jurisdictions=tuple(o["jurisdictions"]),
        international=tuple(o["international"]),
        legal_forms=tuple(sorted(o["legal_forms"], key=len, reverse=True)),
        titles=frozenset(d["titles"]),
    )


@dataclass(frozen=True)
class OrgMention:
    name: str
    start: int  # offsets in the sentence
    end: int
    named_country: str | None  # a country the name itself names (越南社会科学翰林院: VN)
    international: bool


def _is_end(t: Token, sh: OrgShapes) -> bool:
    if t.text in sh.not_words or t.text in sh.titles:
        return False
    if any(t.text.endswith(x) for x in sh.titles):  # 省委常委 is an office
        return False
    if t.tag not in sh.end_tags and t.tag != "nt":
        return False
    if any(t.text.endswith(s) for s in sh.suffixes):
        return True
    return any(t.text.endswith(s) for s in sh.place_suffixes)


def _is_part(t: Token, sh: OrgShapes) -> bool:
    return (
        t.tag in sh.part_tags
        and t.text not in sh.stops
        and t.text not in sh.titles
        and not any(t.text.endswith(x) for x in ("长", "员", "人"))
    )


def _country_of(name: str) -> str | None:
    """The first country the name names (越南社会科学翰林院: VN; 马来西亚中华总商会: MY), except that a body
    named after the host country and then its own is its own country's (中国美国商会 is the American
    chamber in China: US)."""
    p = places()
    found = [(s, e, code) for n, s, e, code in place_names(name) if p.kind(n) == "country" and code]
    if len(found) >= 2 and found[0][0] == 0 and found[1][0] == found[0][1] and found[0][2] == "CN":
        return found[1][2]
    return found[0][2] if found else None


def org_mentions(s: CjkSentence, language: str = "zh") -> list[OrgMention]:
    """The organisations a sentence names, longest forms, left to right."""
    if language != "zh" or not s.tokens:
        return []
    sh = org_shapes(language)
    toks = s.tokens
    spans: list[tuple[int, int]] = []  # token ranges, first and last word
    for k, t in enumerate(toks):
        if not _is_end(t, sh):
            continue
        j = k
        while j > 0 and _is_part(toks[j - 1], sh):
            j -= 1
        while j < k and len(toks[j].text) == 1:  # 在华…: a name does not start with a one-character word
            j += 1
        if (
            spans and j <= spans[-1][1]
        ):  # the longer name takes in the shorter: 中国社会科学院马克思主义研究院
            j = min(j, spans[-1][0])
            spans.pop()
        spans.append((j, k))
    out: list[OrgMention] = []
    merged = spans
    covered = 0
    shared = ""  # the jurisdiction of the list being read
    for n, (j, k) in enumerate(merged):
        start, end = toks[j].start - s.start, toks[k].end - s.start
        if start < covered:
            continue
        # 中共中央党校（国家行政学院）
        rest = s.text[end:]
        if rest.startswith("（") and "）" in rest[:16]:
            inner = rest[1 : rest.index("）")]
            if any(inner.endswith(x) for x in sh.suffixes):
                end += len(inner) + 2
        covered = end
        name = s.text[start:end]
        last = toks[k].text
        if name in sh.not_names or name in sh.suffixes or len(name) < 3:
            continue
        if any(last.endswith(x) for x in sh.place_suffixes) and not any(
            last.endswith(x) for x in sh.suffixes
        ):
            before = s.text[max(0, start - 1) : start]
            if before in ("在", "于", "到", "赴", "来", "至") or j == k and toks[k].tag != "ns":
                continue
        # a bare body in a list after one with a jurisdiction: 自治区教育厅、公安厅
        listed = n > 0 and s.text[max(0, start - 1) : start] in ("、", "和")
        if j == k and listed and shared and not name.startswith(shared):
            name = shared + name
        elif j < k:
            shared = toks[j].text if toks[j].text in sh.jurisdictions else ""
        elif not listed:
            shared = ""
        out.append(org_named(name, start, end, language))
    return out


def org_named(name: str, start: int = 0, end: int | None = None, language: str = "zh") -> OrgMention:
    """An organisation's name with the country it names and whether it is an international body."""
    intl = any(w in name for w in org_shapes(language).international)
    return OrgMention(name, start, len(name) if end is None else end, _country_of(name), intl)


def org_country(m: OrgMention, home: str) -> str | None:
    """The country an organisation belongs to: the one its name names, none for an international body,
    else the home country of the text's language."""
    if m.named_country:
        return m.named_country
    return None if m.international else home


def same_org_forms(names: list[str], language: str = "zh") -> dict[str, str]:
    """Each name mapped to the form that stands for it in the text: a short form that abbreviates a
    longer name (its characters in order, first ones shared, not a prefix) or a name the longer one
    extends by a legal form only maps to the longer name."""
    sh = org_shapes(language)
    out: dict[str, str] = {}
    for a in names:
        best = a
        for b in names:
            if len(b) <= len(a) or b[0] != a[0]:
                continue
            if b.startswith(a):
                if any(b[len(a) :] == f for f in sh.legal_forms):
                    best = b if len(b) > len(best) else best
                continue
            if _subsequence(a, b) and len(a) >= 3 and a[:2] == b[:2]:
                best = b if len(b) > len(best) else best
        out[a] = best
    return out


def unify_orgs(record: DocumentRecord, language: str = "zh") -> DocumentRecord:
    """The record with each organisation under one name (see `same_org_forms`), listed once."""
    names = [o.name for o in record.organizations]
    names += [o.name for e in record.events for o in e.organizations]
    forms = same_org_forms(list(dict.fromkeys(names)), language)
    if all(k == v for k, v in forms.items()):
        return record

    def orgs(items: tuple[Organization, ...]) -> tuple[Organization, ...]:
        out: dict[str, Organization] = {}
        for o in items:
            name = forms.get(o.name, o.name)
            out.setdefault(name, replace(o, name=name))
        return tuple(out.values())

    def people(items: tuple[Person, ...]) -> tuple[Person, ...]:
        return tuple(
            replace(p, organization=forms.get(p.organization, p.organization)) if p.organization else p
            for p in items
        )

    events = tuple(
        replace(e, organizations=orgs(e.organizations), participants=people(e.participants))
        for e in record.events
    )
    return replace(
        record,
        events=events,
        organizations=orgs(record.organizations),
        participants=people(record.participants),
    )


def _subsequence(a: str, b: str) -> bool:
    it = iter(b)
    return all(c in it for c in a)


__all__ = [
    "OrgMention",
    "org_country",
    "org_mentions",
    "org_named",
    "org_shapes",
    "same_org_forms",
    "unify_orgs",
]
