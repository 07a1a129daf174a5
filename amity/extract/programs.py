"""The programme an event belongs to.

Read from the event's sentence: "under the 2024 Korea-Japan Youth Exchange Program" (a named programme
after "under", "as part of"...), a standing initiative the news names by a short form ("a Belt and Road
forum": the Belt and Road Initiative, from `data/initiatives.json`), or "the Green Cities Partnership
programme". A programme event with a name of its own and no other programme is that programme's event.
Within one article, events of the one programme the article reports on belong to it too.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import Protocol

from amity.annotate.gazetteer import gazetteer
from amity.data_files import load_json

_PROGRAM = re.compile(
    r"\b(?:under|of|for|in|part of|through|as part of)\s+the\s+"
    r"((?:\d{4}\s+)?(?:[\"“]?[A-Z][\w&'’.-]*[\"”]?\s+"
    r"(?:(?:of|for|and|on|the|to)\s+){0,2}){1,9}(?:Program|Programme|Initiative|Scholarship|Dialogue|Exchange|Project))\b"
)
# "the Youth for Climate programme", "Sister Schools Exchange Programme": capitalised words (short
# joining words allowed inside) before the word programme
_NAMED_BEFORE = re.compile(
    r"\b((?:[A-Z][\w&'’.-]*\s+(?:(?:of|for|and|on|the|to|in)\s+)?){1,8}?)"
    r"(?:(?P<cap>Exchange Program(?:me)?|Program(?:me)?)|(?:exchange\s+)?program(?:me)?)\b"
)
# an edition's ordinal ('21st Century' is a name, not an edition)
_ORDINAL = (
    r"\d+(?:st|nd|rd|th)(?!\s+Century)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|annual"
)
_LEADING = re.compile(rf"^(?:(?:the|\d{{4}}|{_ORDINAL}|inaugural)\s+)+", re.I)
# the parts of an event's name that are its edition, not the programme's: "2024 ... Forum", "Second ..."
_EDITION_TAIL = re.compile(r"\s+(?:\d{4}|Round|Session|Edition)$")
_POSSESSOR = re.compile(r"^(?:[A-Z][\w.&-]*\s+){0,3}[A-Z][\w.&-]*['’]s\s+")
# a programme event's name that names a standing programme ("the Seoul-Tokyo Youth Committee"), or a
# recurring activity, counted by its editions ("the fifth Mekong Youth Film Contest")
_STANDING = re.compile(
    r"\b(?:Program|Programme|Initiative|Scholarships?|Fellowships?|Dialogue|Committee|Coalition|Mechanism|"
    r"Partnership|Corridor|Year|Exchanges?|Network|Alliance|(?:Working|Consultative|Study|Friendship) Group)$"
)
# a tour is a programme where it goes somewhere ('Folk Culture Tour to Central Asia'), not a band's
_TOUR = re.compile(r"\bTour\s+(?:of|to|in|across|through)\s+[A-Z]")
_TAIL = re.compile(r"\s+(?:of|on|for|to|in|between|with)\s+.*$")
_RECURRING = re.compile(r"\b(?:Competition|Contest|Festival|Camp|Week|Games|Cup|Awards?|Olympiad|Forum)$")
_EDITION = re.compile(rf"^(?:the\s+)?(?:{_ORDINAL})\s", re.I)


class _HasProgram(Protocol):
    type: str
    status: str
    name: str | None
    program: str | None


@cache
def _known() -> tuple[re.Pattern[str], dict[str, str]]:
    """One pattern for every short form of the standing initiatives (longest first), and the canonical
    name of each form."""
    known = load_json("initiatives.json")["known"]
    canonical = {form: name for name, forms in known.items() for form in forms}
    alternatives = "|".join(re.escape(f) for f in sorted(canonical, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-]|\+)"), canonical


@cache
def _degree_words() -> frozenset[str]:
    """Last words of a course of study's name before a lower-case 'program' ('Asian Studies')."""
    return frozenset(load_json("initiatives.json")["degree_words"])


@cache
def _not_programmes() -> frozenset[str]:
    """Bodies whose names end in Programme ('World Food Programme'): organisations, not programmes."""
    return frozenset(load_json("initiatives.json")["organizations"])


def known_initiative(text: str) -> str | None:
    """The standing programme or initiative that `text` names, in its canonical name."""
    rx, canonical = _known()
    m = rx.search(text)
    return canonical[m.group(0)] if m else None


def program_in(text: str) -> str | None:
    """The programme a sentence places its event under, or None."""
    m = _PROGRAM.search(text)
    if m:
        name = _POSSESSOR.sub("", re.sub(r"^\d{4}\s+", "", m.group(1)).strip('“”" '))
        if name not in _not_programmes():
            return name
    named = [m2 for m2 in _NAMED_BEFORE.finditer(text) if _named_ok(m2)]
    capitalised = next((m2 for m2 in named if m2.group("cap")), None)
    if capitalised:  # 'the Mekong Youth Exchange Programme'
        return _named(capitalised)
    known = known_initiative(text)
    if known:
        return known
    return _named(named[0]) if named else None  # 'the Green Cities Partnership programme'


def _head(m: re.Match[str]) -> str:
    return _POSSESSOR.sub("", _LEADING.sub("", m.group(1)).strip())


def _named(m: re.Match[str]) -> str:
    head = _head(m)
    return head + " " + m.group("cap") if m.group("cap") else head


def _named_ok(m: re.Match[str]) -> bool:
    head = _head(m)
    caps = [w for w in head.split() if w[:1].isupper()]
    if len(caps) < 2 or _an_organization(_named(m)):
        return False
    # 'the Taiwan Studies program', 'the Public Policy and Global Affairs program': a course of study
    return m.group("cap") is not None or caps[-1] not in _degree_words()


def program_of_name(name: str) -> str | None:
    """The programme that a programme event's own name names, or None where the name is of a one-off
    activity: 'Mekong Youth Exchange Programme', '2024 Youth Bridge Camp' -> 'Youth Bridge Camp',
    'Startup Festival' -> None."""
    bare = name.strip("“”\"'’ ")
    if gazetteer().bloc(bare):
        return None  # 'Group of Seven'
    core = _POSSESSOR.sub("", _EDITION_TAIL.sub("", _LEADING.sub("", bare))) or bare
    if _an_organization(core):
        return None
    head = _TAIL.sub("", core)  # 'Youth Committee of the Two Cities'
    if _STANDING.search(head) or _TOUR.search(core) or (_RECURRING.search(head) and _EDITION.match(bare)):
        return core
    return None


def _an_organization(name: str) -> bool:
    return any(o in name for o in _not_programmes())


def _key(program: str) -> str:
    return re.sub(r"\W+", " ", program).lower().strip()


def settle_programs(events: Sequence[_HasProgram], lead: Sequence[bool]) -> None:
    """Fill in the programmes of an article's events (in place):
    - a programme event whose own name names a standing programme is that programme's ('the fifth
      Belt and Road Youth Contest' is the contest's own, not the Initiative's);
    - where the article's events name one programme only, and a main event of the lead names it, the
      article reports on that programme: its other events that are not historical belong to it too.
      A standing initiative as wide as the Belt and Road is not spread so: an article that names it
      once is seldom about it.
    `lead`: for each event, whether it is a main event reported in the article's lead."""
    for e in events:
        own = program_of_name(e.name) if e.type == "program" and e.name else None
        if own:
            e.program = own
    named = {_key(e.program): e.program for e in events if e.program}
    if len(named) != 1:
        return
    program = next(iter(named.values()))
    if program in _canonical_initiatives():
        return
    if not any(in_lead and e.program for e, in_lead in zip(events, lead, strict=True)):
        return
    for e in events:
        if e.program is None and e.status != "historical":
            e.program = program


@cache
def _canonical_initiatives() -> frozenset[str]:
    return frozenset(load_json("initiatives.json")["known"])
