"""Person identity across documents: conservative matching of a mention against known people."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from amity.annotate.romanize import korean_fold
from amity.resolve.names import fold, person_key, person_sorted_key, person_tokens

_CJK = re.compile(r"[\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]")

FUZZY_THRESHOLD = 92.0
MIN_FUZZY_KEY = 8  # short keys ("liuaiping") differ by one letter between different people


@dataclass(frozen=True)
class PersonMention:
    name: str
    title: str | None = None
    org_id: int | None = None
    country: str | None = None


@dataclass(frozen=True)
class PersonCandidate:
    id: int
    names: tuple[str, ...]
    country: str | None = None
    titles: frozenset[str] = field(default_factory=frozenset)
    org_ids: frozenset[int] = field(default_factory=frozenset)


def countries_conflict(a: str | None, b: str | None) -> bool:
    return bool(a and b and a != b)


def _title_key(title: str | None) -> str:
    return " ".join(fold(title).split()) if title else ""


def _score(m: PersonMention, c: PersonCandidate) -> float:
    """0 when the mention cannot be this candidate; higher is a better match."""
    if countries_conflict(m.country, c.country):
        return 0.0
    tokens = person_tokens(m.name)
    if not tokens:
        return 0.0
    key, skey = person_key(m.name), person_sorted_key(m.name)
    best = 0.0
    for name in c.names:
        ctokens = person_tokens(name)
        if not ctokens:
            continue
        if person_key(name) == key:
            best = max(best, 100.0)
        elif _hangul_and_latin(m.name, name) and _ko_folded(m.name) == _ko_folded(name):
            best = max(best, 98.0)  # 김홍균 and 'Kim Hong-kyun'
        elif len(tokens) > 1 and person_sorted_key(name) == skey:
            best = max(best, 99.0)
        elif len(tokens) == 1 or len(ctokens) == 1:
            # A surname alone merges only with the same title at the same organization.
            short, full = (tokens, ctokens) if len(tokens) == 1 else (ctokens, tokens)
            same_office = (
                m.org_id is not None
                and m.org_id in c.org_ids
                and _title_key(m.title) != ""
                and _title_key(m.title) in {_title_key(t) for t in c.titles}
            )
            if short[0] in (full[0], full[-1]) and same_office:
                best = max(best, 95.0)
        elif m.country and c.country == m.country and min(len(key), len(person_key(name))) >= MIN_FUZZY_KEY:
            same_surname = bool({tokens[0], tokens[-1]} & {ctokens[0], ctokens[-1]})
            ratio = fuzz.ratio(key, person_key(name))
            if same_surname and ratio >= FUZZY_THRESHOLD:
                best = max(best, ratio - 10.0)
    return best


_HANGUL = re.compile(r"[\uac00-\ud7a3]")


def _hangul_and_latin(a: str, b: str) -> bool:
    """One name written in Hangul, the other in Latin letters."""
    return bool(_HANGUL.search(a)) != bool(_HANGUL.search(b)) and not (_CJK.search(a) and _CJK.search(b))


def _ko_folded(name: str) -> str:
    return korean_fold(" ".join(person_tokens(name)))


def match_person(m: PersonMention, candidates: Iterable[PersonCandidate]) -> int | None:
    """The id of the known person `m` names, or None for a new person. Ties go to the same
    organization, then the lowest id (the person known longest)."""
    scored = [(_score(m, c), m.org_id is not None and m.org_id in c.org_ids, -c.id, c.id) for c in candidates]
    scored = [s for s in scored if s[0] > 0]
    if not scored:
        return None
    return max(scored)[3]


def link_short_names(names: Sequence[str]) -> dict[str, str]:
    """Within one document: a one-word name ('Chung') that is the first or last token of exactly one
    full name in the document ('Chung Byung-won') is that person."""
    full = [n for n in dict.fromkeys(names) if len(person_tokens(n)) > 1]
    links: dict[str, str] = {}
    for n in dict.fromkeys(names):
        t = person_tokens(n)
        if len(t) != 1:
            continue
        owners = {person_key(f) for f in full if t[0] in (person_tokens(f)[0], person_tokens(f)[-1])}
        if len(owners) == 1:
            links[n] = next(f for f in full if person_key(f) in owners)
    return links


@dataclass(frozen=True)
class EventParticipant:
    """A resolved participant of one event as one report gives it."""

    person_id: int
    name: str
    country: str | None
    role: str | None = None


_ANY_ROLE = (None, "", "attendee")


def _roles_agree(a: str | None, b: str | None) -> bool:
    return a == b or a in _ANY_ROLE or b in _ANY_ROLE


def _fits(q: EventParticipant, p: EventParticipant, cjk_script: bool) -> bool:
    """Whether q could be p: the same country, agreeing roles, its name in the script asked for."""
    return q.country == p.country and bool(_CJK.search(q.name)) == cjk_script and _roles_agree(q.role, p.role)


def transliteration_links(
    new: Sequence[EventParticipant], known: Sequence[EventParticipant]
) -> dict[int, int]:
    """Within one event that a new report joins: the new report's people who are the known reports'
    people written in another script (布林肯 for 'Antony Blinken', whose romanized key is not the English
    spelling). A new participant is linked to a known one when neither has a counterpart in the other
    report, one name is in Chinese or Korean script and the other is not, their countries are the same
    and their roles agree, and each is the only such participant on its side. Returns new person id ->
    known person id."""
    new_ids = {p.person_id for p in new}
    known_ids = {p.person_id for p in known}
    lone_new = [p for p in new if p.person_id not in known_ids and p.country]
    lone_known = [p for p in known if p.person_id not in new_ids and p.country]
    links: dict[int, int] = {}
    for p in lone_new:
        script = bool(_CJK.search(p.name))
        mates = {q.person_id for q in lone_known if _fits(q, p, not script)}
        rivals = {q.person_id for q in lone_new if _fits(q, p, script)}
        if len(mates) == 1 and rivals == {p.person_id}:
            links[p.person_id] = next(iter(mates))
    return links
