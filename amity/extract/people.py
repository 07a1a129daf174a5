"""People in a document with their titles, organisations and countries.

Shapes read: "Seoul Mayor Oh Se-hoon" (title before the name), "Liu Aiping, Chairman of the Governing
Council of the CIYEC, said" (apposition after the name, several roles joined by "and"), later short
mentions ("Mayor Oh", "Xi") linked to the full name. Names are found in `names`, titles in `titles`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from amity.annotate.document import Annotated, Sentence
from amity.annotate.gazetteer import Gazetteer, fold, gazetteer
from amity.data_files import load_json
from amity.extract.names import HONORIFICS, clean_name, country_by_name, name_ok, person_spans
from amity.extract.orgs import OrgTable, country_in_name, is_international, looks_like_org
from amity.extract.titles import (
    apposition,
    is_title_start,
    local_government,
    ministry_of,
    nearby_demonym,
    prefix_title,
    roles,
    split_org,
    title_comma,
)


@dataclass(frozen=True)
class PersonInfo:
    name: str
    title: str | None
    organization: str | None
    country: str | None
    start: int
    mentions: tuple[int, ...] = ()  # indexes of sentences naming the person


_CREDIT = re.compile(r"\b(?:photo|photos|courtesy|credit|pool|handout|via|file)\b|/", re.I)


_CONTEXT_AFTER = re.compile(
    r"^['’]s?\s+(?:[\w-]+\s+){0,2}(?:proposal|initiative|policy|policies|government|administration|vision|"
    r"idea|concept|strategy|doctrine|era|regime|rule|presidency|tenure|legacy|term|call|calls|thought|"
    r"signature|flagship|brainchild|pet project)s?\b"
)
_CONTEXT_BEFORE = re.compile(
    r"\b(?:proposed|initiated|championed|put forward|conceived|envisioned|espoused) by\s+(?:the\s+)?"
    r"(?:[A-Z][\w.’'-]*\s+){0,5}$"
    r"|\b(?:under|during)\s+(?:the\s+)?(?:late\s+|former\s+|then[- ])?(?:[A-Z][\w.’'-]*\s+){0,4}$"
)


def _context_mention(s: Sentence, start: int, end: int) -> bool:
    """A person named as context, not as an actor: "the Belt and Road Initiative proposed by President
    X", "X's vision", "under President X"."""
    before = s.text[max(0, start - s.start - 80) : start - s.start]
    after = s.text[end - s.start : end - s.start + 60]
    return bool(_CONTEXT_AFTER.search(after) or _CONTEXT_BEFORE.search(before))


def _in_credit(s: Sentence, start: int) -> bool:
    """A name inside a parenthesised photo credit or caption note: '(Jane Roe, Pool Photo via AP)'."""
    rel = start - s.start
    open_ = s.text.rfind("(", 0, rel)
    if open_ < 0 or s.text.rfind(")", 0, rel) > open_:
        return False
    close = s.text.find(")", rel)
    inside = s.text[open_ : close if close >= 0 else len(s.text)]
    return bool(_CREDIT.search(inside))


def extract_people(ann: Annotated, orgs: OrgTable, doc_countries: tuple[str, ...] = ()) -> list[PersonInfo]:
    g = gazetteer()
    found: list[PersonInfo] = []
    for s in ann.sentences:
        persons = person_spans(s, g, orgs)
        for k, e in enumerate(persons):
            name = clean_name(e.text)
            lead = e.text.find(name) if name else 0
            if not name_ok(name, g, orgs) or _in_credit(s, e.start):
                continue
            start = e.start + max(0, lead)
            end = start + len(name)
            hon = re.search(r"\b(" + "|".join(HONORIFICS) + r")\s+$", s.text[: start - s.start])
            if hon and not name.startswith(hon.group(1)):
                name = f"{hon.group(1)} {name}"
                start = s.start + hon.start(1)
            nxt = persons[k + 1].start if k + 1 < len(persons) else None
            titles: list[str] = []
            org: str | None = None
            country: str | None = None
            p_title, p_org, p_country = prefix_title(s, start, orgs)
            if not p_title and re.search(r"\bcounterparts?\s*,?\s*$", s.text[: start - s.start]):
                # "hosted his South Korean counterpart Cho": the same office as the host's
                host = next((q for q in reversed(found) if q.mentions == (s.index,) and q.title), None)
                p_title = host.title if host else None
            if not p_title:
                tc = title_comma().search(s.text[max(0, start - s.start - 160) : start - s.start])
                if tc:
                    p_title, p_org, p_country = split_org(tc.group("title"), orgs, g)
                    if tc.group("owner"):  # "India's Ambassador to Japan, Sibi George"
                        p_country = g.country_of_name(tc.group("owner")) or p_country
            if p_title:
                titles.append(p_title)
            if p_org:
                known = orgs.resolve(p_org)
                org = known.name if known else p_org
                country = known.country if known else None
            elif p_title and re.search(r"\b(?:Mayor|Governor)$", p_title):
                org = local_government(s.text[: start - s.start], orgs)  # "Seoul Mayor": Seoul's government
            country = p_country or country
            appo = apposition(s, end, nxt)
            if appo:
                for role in roles(appo):
                    if not is_title_start(role):
                        continue
                    title, r_org, r_country = split_org(role, orgs, g)
                    if org and r_org and r_org != org and not re.search(r"\b[A-Z]{2,}\b\W*$", role):
                        title = re.sub(r"^(?:a|an|the)\s+", "", role.strip(" ,"))
                    if title:
                        titles.append(title)
                    if r_org and not org:
                        org = r_org
                    country = country or r_country
            after = s.text[end - s.start : end - s.start + 80]
            m_of = re.match(
                r"\s+of\s+(?:the\s+)?([A-Z][\w.'’ ]+?)(?=[,.;(]|\s+(?:and|on|for|to|in|at)\b|$)", after
            )
            if m_of and not country:
                country = g.country_of_name(m_of.group(1).strip())
            m_from = re.match(
                r"\s+from\s+(?:the\s+)?([A-Z][\w&@'’. -]+?)(?=[,.;]|\s+(?:and|were|was|who|said)\b|$)", after
            )
            if m_from and not org:
                cand = m_from.group(1).strip()
                known = orgs.resolve(cand)
                if known or looks_like_org(cand):
                    org = known.name if known else cand
                elif g.country_of_name(cand) and not country:
                    country = g.country_of_name(cand)
            if not org and not country:
                org, country = _delegation_leader(s.text[: start - s.start], orgs, g)
            if not country:
                country = nearby_demonym(s, start, g)
            org = expand_acronym(org, orgs) or ministry_of(titles)
            if org and not country:
                known = orgs.resolve(org)
                country = known.country if known else country_in_name(org, g)
            # a leader named only as context ("the initiative proposed by President X", "X's policy") is
            # known, with title and country, but this mention does not make them a participant
            where = () if _context_mention(s, start, end) else (s.index,)
            joined = "; ".join(dict.fromkeys(titles)) or None
            found.append(PersonInfo(name, joined, org, country, start, where))
    return _merge(found, doc_countries)


# "a delegation from the Philippine Department of Agriculture, led by Undersecretary ...": the leader
# belongs to the body (or comes from the place) the delegation is from
_LED_FROM = re.compile(
    r"\b(?:delegation|mission|team|group)\s+(?:from|of)\s+(?:the\s+)?"
    r"(?P<body>[A-Z][\w&'’.-]*(?:\s+(?:of\s+(?:the\s+)?|for\s+|and\s+)?[A-Z][\w&'’.-]*){0,8})"
    r",?\s+(?:led|headed)\s+by\s+(?:the\s+)?(?:[A-Z][\w.'’-]*\s+){0,6}$"
)


def _delegation_leader(before: str, orgs: OrgTable, g: Gazetteer) -> tuple[str | None, str | None]:
    """(organisation, country) of a delegation's leader named right after 'led by'."""
    m = _LED_FROM.search(before)
    if not m:
        return None, None
    body = m.group("body")
    known = orgs.resolve(body)
    if known:
        return known.name, known.country
    first, _, rest = body.partition(" ")
    home = g.demonym(first)
    if home and rest:  # 'the Philippine Department of Agriculture': the table holds it without 'Philippine'
        known = orgs.resolve(rest)
        return (known.name, known.country or home) if known else (None, home)
    code = g.country_of_name(body) or g.demonym(body)
    if code:
        return None, code
    info, _ = g.lookup(body)
    if info and info.kind in ("city", "division") and len(info.country) == 2:
        return None, info.country
    return None, None


def expand_acronym(org: str | None, orgs: OrgTable) -> str | None:
    """A person's organisation named by its acronym, written out when the text or the lexicon knows it."""
    if not org or not re.fullmatch(r"[A-Z][A-Za-z&]{1,9}", org):
        return org
    known = orgs.resolve(org)
    if known and known.name != org:
        return known.name
    return load_json("orgs.json")["expansions"].get(org, org)


def _merge(found: list[PersonInfo], doc_countries: tuple[str, ...]) -> list[PersonInfo]:
    """One entry per person: short mentions ('Xi', 'Mayor Oh') join the full name that contains them."""
    full = [p for p in found if len(p.name.split()) > 1]
    people: dict[str, PersonInfo] = {}
    for p in sorted(full, key=lambda x: (0 in x.mentions, x.start)):
        key = fold(p.name).replace("-", "").replace(" ", "")
        if key in people:
            people[key] = _combine(people[key], p)
            continue
        # "Sultan Ibrahim Iskandar" and "Sultan Ibrahim Sultan Iskandar"
        same = next(
            (k for k, q in people.items() if _contains(q.name, p.name) or _contains(p.name, q.name)), None
        )
        if same:
            people[same] = _combine(people[same], p)
        else:
            people[key] = p
    singles = [p for p in found if len(p.name.split()) == 1]
    for p in singles:
        host = [
            k
            for k, q in people.items()
            if p.name in re.split(r"[\s-]", q.name)
            and (q.name.split()[0] == p.name or q.name.split()[-1] == p.name or p.name in q.name.split())
        ]
        if len(host) == 1:
            people[host[0]] = _combine(people[host[0]], p)
        elif not host and p.title:
            key = fold(p.name)
            people[key] = _combine(people[key], p) if key in people else p
    out = []
    for p in sorted(people.values(), key=lambda x: x.start):
        if not p.country and not (p.organization and is_international(p.organization)):
            p = replace(p, country=country_by_name(p.name, doc_countries))
        out.append(p)
    return out


def _contains(big: str, small: str) -> bool:
    a, b = set(fold(big).split()), set(fold(small).split())
    return len(b) >= 2 and b <= a


def _combine(a: PersonInfo, b: PersonInfo) -> PersonInfo:
    name = a.name if len(a.name.split()) >= len(b.name.split()) else b.name
    title = a.title
    if b.title and (not title or (b.title not in title and len(b.title) > len(title) and not a.organization)):
        title = b.title if not title else title
    return PersonInfo(
        name,
        title or b.title,
        a.organization or b.organization,
        a.country or b.country,
        min(a.start, b.start),
        tuple(sorted(set(a.mentions + b.mentions))),
    )
