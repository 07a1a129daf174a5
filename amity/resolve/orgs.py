"""Organization and place identity: normalised names, acronyms, countries that must not conflict."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from amity.resolve.names import acronym_key, initials, looks_like_acronym, org_key, place_key
from amity.resolve.people import countries_conflict


@dataclass(frozen=True)
class OrgMention:
    name: str
    acronym: str | None = None
    country: str | None = None


@dataclass(frozen=True)
class OrgCandidate:
    id: int
    name: str
    acronym: str | None = None
    country: str | None = None
    aliases: tuple[str, ...] = field(default_factory=tuple)


def org_lookup_keys(m: OrgMention) -> tuple[str, ...]:
    """Alias keys under which a matching organization may be stored (see `org_alias_keys`)."""
    keys = [org_key(m.name)]
    if m.acronym:
        keys.append("acr:" + acronym_key(m.acronym))
    if looks_like_acronym(m.name):
        keys.append("acr:" + acronym_key(m.name))
    elif len(initials(m.name)) >= 3:
        keys.append("acr:" + initials(m.name))
    return tuple(dict.fromkeys(k for k in keys if k and k != "acr:"))


def org_alias_keys(name: str, acronym: str | None) -> tuple[str, ...]:
    keys = [org_key(name)]
    if acronym:
        keys.append("acr:" + acronym_key(acronym))
    if looks_like_acronym(name):
        keys.append("acr:" + acronym_key(name))
    return tuple(dict.fromkeys(k for k in keys if k and k != "acr:"))


def _acronyms(name: str, acronym: str | None) -> set[str]:
    out = {acronym_key(acronym)} if acronym else set()
    if looks_like_acronym(name):
        out.add(acronym_key(name))
    return out


def _org_score(m: OrgMention, c: OrgCandidate) -> int:
    if countries_conflict(m.country, c.country):
        return 0
    names = {org_key(n) for n in (c.name, *c.aliases)}
    if org_key(m.name) in names:
        return 3
    m_acr, c_acr = _acronyms(m.name, m.acronym), _acronyms(c.name, c.acronym)
    if m_acr & c_acr:
        return 2
    # acronym <-> full name: the mention's acronym spells the candidate's name, or the reverse
    c_initials = {initials(n) for n in (c.name, *c.aliases) if not looks_like_acronym(n)}
    if len(initials(m.name)) >= 3 and not looks_like_acronym(m.name) and initials(m.name) in c_acr:
        return 1
    if any(len(i) >= 3 and i in m_acr for i in c_initials):
        return 1
    return 0


def match_org(m: OrgMention, candidates: Iterable[OrgCandidate]) -> int | None:
    scored = [(_org_score(m, c), -c.id, c.id) for c in candidates]
    scored = [s for s in scored if s[0] > 0]
    return max(scored)[2] if scored else None


@dataclass(frozen=True)
class PlaceCandidate:
    id: int
    name: str
    country: str | None = None


def match_place(name: str, country: str | None, candidates: Iterable[PlaceCandidate]) -> int | None:
    """'Dezhou City' is 'Dezhou' unless their countries conflict. Lowest id wins ties."""
    key = place_key(name)
    ids = [
        c.id for c in candidates if place_key(c.name) == key and not countries_conflict(country, c.country)
    ]
    return min(ids) if ids else None
