"""Organisations in a document: full names, acronyms defined in the text, and their countries."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, lru_cache

from amity.annotate.document import Annotated
from amity.annotate.gazetteer import Gazetteer, fold, gazetteer
from amity.data_files import load_json

_WORD = r"[A-Z][\w&'’.@-]*"
_LINK = r"(?:of|for|and|on|in|at|the|de|du|la|&)"
_ACRONYM_DEF = re.compile(
    rf"((?:{_WORD}|{_LINK})(?:[ \t]+(?:{_WORD}|{_LINK}|\d+\w*)){{0,14}})\s*\(\s*([A-Z][A-Za-z&]{{1,9}}"
    rf"(?:\s[A-Z]{{2,8}})?)\s*\)"
)


@dataclass(frozen=True)
class OrgInfo:
    name: str
    acronym: str | None
    country: str | None
    start: int


@dataclass
class OrgTable:
    """The organisations of one document, keyed by folded name; acronyms map to full names."""

    orgs: dict[str, OrgInfo] = field(default_factory=dict)
    acronyms: dict[str, str] = field(default_factory=dict)  # ACR -> folded full name
    country_acronyms: dict[str, str] = field(default_factory=dict)  # ROK -> KR

    def add(self, name: str, start: int, country: str | None, acronym: str | None = None) -> OrgInfo:
        if is_international(name) or (acronym and is_international(acronym)):
            country = None  # ASEAN, the UN: no one country's
        key = fold(name)
        if is_generic(name):
            # every country has a 'Ministry of Foreign Affairs': one entry per country
            if country is None and any(k.startswith(key + "|") for k in self.orgs):
                return next(v for k, v in self.orgs.items() if k.startswith(key + "|"))
            key = f"{key}|{country or ''}"
        old = self.orgs.get(key)
        if old:
            if (acronym and not old.acronym) or (country and not old.country):
                old = OrgInfo(old.name, old.acronym or acronym, old.country or country, old.start)
                self.orgs[key] = old
            return old
        info = OrgInfo(name, acronym, country, start)
        self.orgs[key] = info
        return info

    def resolve(self, text: str) -> OrgInfo | None:
        t = clean_org_name(text)
        if not t:
            return None
        if t in self.acronyms:
            return self.orgs.get(self.acronyms[t])
        key = fold(t)
        if key in self.orgs:
            return self.orgs[key]
        generic = [v for k, v in self.orgs.items() if k.startswith(key + "|")]
        if generic:
            return generic[0]
        # "the CIYEC's", "NIIS CASS" spelled inside a longer phrase
        for acr, full in self.acronyms.items():
            if t == acr or t.endswith(" " + acr) and len(t) <= len(acr) + 6:
                return self.orgs.get(full)
        return None

    def all(self) -> list[OrgInfo]:
        return sorted(self.orgs.values(), key=lambda o: o.start)


@cache
def _lex() -> dict[str, frozenset[str]]:
    d = load_json("orgs.json")
    t = load_json("titles.json")
    return {
        "heads": frozenset(d["heads"]),
        "prefix": frozenset(d["prefix_heads"]),
        "international": frozenset(d["international"]),
        "not": frozenset(d["not_orgs"]),
        "media": frozenset(t["media_outlets"]),
        "generic": frozenset(d["generic"]),
    }


def is_generic(name: str) -> bool:
    """A name many countries' bodies share ('Ministry of Foreign Affairs'): its country comes from context."""
    return clean_org_name(name) in _lex()["generic"]


@lru_cache(maxsize=16384)
def clean_org_name(s: str) -> str:
    s = s.strip().strip(",.;:“”‘’\"'()")
    s = re.sub(r"^[A-Z][A-Z .'-]{2,}\s*(?:,[^-–—]{0,30})?[-–—]+\s*", "", s)  # a dateline: "BRUSSELS - The EU"
    s = re.sub(r"^(?:the|The|a|an)\s+", "", s).strip(",.;:“”‘’\"'()")
    s = re.sub(r"['’]s$", "", s)
    s = re.sub(r"\s*\([A-Z][A-Za-z]{1,9}\)?$", "", s)  # "... Cooperation (OIC": the acronym is not the name
    s = _synonyms().get(s, s)
    # "the Party of Vietnam’s Central Commission" is written "Central Commission of the Party of Vietnam"
    m = re.fullmatch(
        r"((?:[A-Z][\w-]*\s+)(?:(?:of|for|and|the)\s+|[A-Z][\w-]*\s+)*?[A-Z][\w-]*)['’]s\s+"
        r"((?:[A-Z][\w-]*\s*)+)",
        s,
    )
    if m and looks_like_org(m.group(2)):
        s = f"{m.group(2).strip()} of the {m.group(1)}"
    return s.strip()


def looks_like_org(name: str) -> bool:
    """A capitalised phrase ending with an organisation head noun, or 'Ministry of ...'-shaped."""
    lex = _lex()
    n = clean_org_name(name)
    if (
        not n
        or n in lex["not"]
        or not n[0].isupper()
        or n.split()[0] in ("Initiative", "Program", "Programme")
    ):
        return False
    if n in lex["international"] or n in lex["media"]:
        return True
    if any(n.startswith(p + " ") for p in lex["prefix"]):
        return True
    core = re.sub(r"\s+(?:of|in)\s+(?:the\s+)?[A-Z][\w'’ -]*$", "", n) if " of " in n or " in " in n else n
    words = n.split()
    last = core.split()[-1] if core.split() else ""
    # "Renmin University China": a place written after the head
    placed = (
        len(words) > 2 and gazetteer().country_of_name(words[-1]) is not None and words[-2] in lex["heads"]
    )
    return last in lex["heads"] or words[-1] in lex["heads"] or placed


def is_media(name: str) -> bool:
    return clean_org_name(name) in _lex()["media"]


def is_international(name: str) -> bool:
    return clean_org_name(name) in _lex()["international"]


def country_in_name(name: str, g: Gazetteer) -> str | None:
    """The country a name carries: 'Korea International ...' KR, 'Beijing Forestry University' CN."""
    if is_international(name):
        return None
    words = re.split(r"[\s,@]+", name.replace("-", " ").replace("&", " "))
    for n in (3, 2, 1):
        for i in reversed(range(len(words) - n + 1)):
            chunk = " ".join(words[i : i + n])
            if not chunk or not chunk[0].isupper():
                continue
            code = g.country_of_name(chunk) or g.demonym(chunk) or g.demonym(chunk.title())
            if code:
                return code
            if n == 1 and len(chunk) > 3 and chunk.upper() == chunk:
                code = g.country_of_name(chunk.title())
                if code:
                    return code
            info, _ = g.lookup(chunk)
            if (
                info
                and info.kind in ("city", "division", "landmark")
                and info.country
                and len(info.country) == 2
            ):
                return info.country
    return None


def _trim_to_acronym(phrase: str, acr: str) -> str:
    words = phrase.split()
    letters = [c for c in acr if c.isupper()]
    best = None
    for i in range(len(words)):
        w = words[i]
        if not w[:1].isupper() or w in ("The", "On", "In", "At", "And"):
            continue
        caps = [x[0] for x in words[i:] if x[:1].isupper()]
        if caps and caps[0] == letters[0] and len(caps) <= len(letters) + 3:
            best = " ".join(words[i:])
            break
    return best or phrase


def modifier_country(text: str, start: int, g: Gazetteer) -> str | None:
    """Country given by the word(s) just before an org mention: 'Chinese Ministry ...', 'ROK Ministry'."""
    before = text[max(0, start - 40) : start]
    m = re.search(r"(?:\b(?:the|The)\s+)?([A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*)?)\s*$", before)
    if not m:
        return None
    words = m.group(1)
    for cand in (words, words.split()[-1]):
        code = g.demonym(cand) or g.country_of_name(cand)
        if code:
            return code
    return None


def build_org_table(ann: Annotated, g: Gazetteer | None = None) -> OrgTable:
    g = g or gazetteer()
    text = ann.doc.text
    table = OrgTable()
    for s in ann.sentences:
        for m in _ACRONYM_DEF.finditer(s.text):
            phrase, acr = m.group(1).strip(), m.group(2).strip()
            full = clean_org_name(_trim_to_acronym(phrase, acr))
            if not full or full == acr:
                continue
            code = g.country_of_name(full)
            if code:
                table.country_acronyms[acr] = code
                continue
            if (
                full in _lex()["not"]
                or is_media(full)
                or not (looks_like_org(full) or is_international(full))
            ):
                continue
            start = s.start + m.start(1) + phrase.find(full)
            country = country_in_name(full, g) or modifier_country(text, start, g)
            parts = re.split(r"\s+at\s+(?:the\s+)?", full, maxsplit=1)
            if len(parts) == 2 and len(acr.split()) == 2 and all(looks_like_org(x) for x in parts):
                # "X at the Y (XA YA)": two organisations, one inside the other
                for part, part_acr in zip(parts, acr.split(), strict=True):
                    added = table.add(
                        part, start + full.find(part), country_in_name(part, g) or country, part_acr
                    )
                    table.acronyms[part_acr] = fold(added.name)
                table.acronyms[acr] = fold(parts[0])
                continue
            info = table.add(full, start, country, acr)
            table.acronyms[acr] = fold(info.name)
    for s in ann.sentences:
        for e in s.entities:
            if e.label not in ("ORG", "FAC", "NORP", "GPE"):
                continue
            name = clean_org_name(e.text)
            if e.label != "ORG" and not looks_like_org(name):
                continue
            _add_mention(table, name, e.start + max(0, e.text.find(name)), text, g)
        for m in _CITY_GOVERNMENT.finditer(s.text):
            _add_mention(table, m.group(1).title(), s.start + m.start(1), text, g)
        for m in _org_phrases().finditer(s.text):
            _add_mention(table, clean_org_name(m.group()), s.start + m.start(), text, g)
    return table


# "the Seoul metropolitan government": a city's government, however the outlet capitalises it
_CITY_GOVERNMENT = re.compile(
    r"\b([A-Z][\w-]+ (?:[Mm]etropolitan|[Pp]rovincial|[Mm]unicipal|[Cc]ity|[Pp]refectural) [Gg]overnment)\b"
)


@cache
def _org_phrases() -> re.Pattern[str]:
    heads = sorted(_lex()["heads"], key=len, reverse=True)
    head = "|".join(re.escape(h) for h in heads if h[0].isupper())
    return re.compile(
        rf"\b(?:[A-Z][\w&'’-]*\s+(?:(?:of|for|and|on|the|&)\s+){{0,2}}){{1,6}}(?:{head})\b"
        rf"(?:\s+(?:of|for|on)\s+(?:the\s+)?(?:[A-Z][\w&'’-]*\s?){{1,5}})?"
    )


_TITLE_LEAD = re.compile(
    r"^(?:(?:Deputy|Vice|Assistant|Acting|Senior|Executive|Honorary|First|Chief)\s+)*"
    r"(?:Director[- ]General|Director|Secretary[- ]General|Secretary|Minister|President|Chairman|Chair|Head|"
    r"Ambassador|Governor|Mayor|Dean|Counselor|Counsellor|Spokesperson|Member|Members)\s+(?:of|at)\s+(?:the\s+)?"
)


@cache
def _synonyms() -> dict[str, str]:
    return dict(load_json("orgs.json")["synonyms"])


@cache
def _expansions() -> dict[str, str]:
    return dict(load_json("orgs.json")["expansions"])


def _strip_lead(name: str, start: int, g: Gazetteer) -> tuple[str, int, str | None]:
    """Drop a title ('Director-General of the ...') or a demonym ('Korean Ministry ...') leading a name."""
    country = None
    m = _TITLE_LEAD.match(name)
    if m:
        name, start = name[m.end() :], start + m.end()
    first = name.split(" ")[0]
    code = g.demonym(first)
    if code and len(name.split()) > 2:
        rest = name[len(first) + 1 :]
        if looks_like_org(rest) and rest.split()[0] in (
            "Ministry",
            "Foreign",
            "Department",
            "Embassy",
            "Government",
            "Consulate",
            "Mission",
            "Parliament",
            "National",
            "State",
        ):
            name, start, country = rest, start + len(first) + 1, code
    return name, start, country


_RELATION = re.compile(
    r"^(?:[A-Z][\w.]*[-–\s]+)+?(?:(?:Comprehensive|Strategic|Global|Special|Enhanced)\s+)*"
    r"(?:Alliance|Partnership|Relations|Relationship|Ties|Friendship)$"
)


def _is_relation(name: str, g: Gazetteer) -> bool:
    """'U.S.-ROK Alliance', 'Vietnam Comprehensive Partnership': a relation between countries, not a body."""
    if not _RELATION.match(name):
        return False
    words = re.split(r"[-–\s]+", name)[:-1]
    words = [w for w in words if w not in ("Comprehensive", "Strategic", "Global", "Special", "Enhanced")]
    return bool(words) and all(g.country_of_name(w) or g.demonym(w) or g.bloc(w) for w in words)


_SOURCE_BEFORE = re.compile(
    r"(?:told|according to|reported by|quoted by|cited by|said in|wrote in|\(|/)\s*(?:the\s+)?$", re.I
)
_SOURCE_AFTER = re.compile(
    r"^\W{0,3}\s*(?:reported|reports|said|quoted|cited|news|newspaper|\)|,? citing)", re.I
)


def _as_source(name: str, start: int, text: str) -> bool:
    """'the Global Times reported', 'told China Daily', '(Xinhua)': the outlet reports, takes no part."""
    before = text[max(0, start - 25) : start]
    after = text[start + len(name) : start + len(name) + 15]
    return bool(_SOURCE_BEFORE.search(before) or _SOURCE_AFTER.match(after))


def _add_mention(
    table: OrgTable, name: str, start: int, text: str, g: Gazetteer, company: bool = False
) -> None:
    lex = _lex()
    if _is_relation(name, g) or re.match(
        r"\s*(?:Building|Hall|Square|Headquarters|Tower|Plaza)\b",
        text[start + len(name) : start + len(name) + 14],
    ):
        return
    if " and the " in name:
        first, _, second = name.partition(" and the ")
        _add_mention(table, first, start, text, g)
        _add_mention(table, second, start + len(first) + 9, text, g)
        return
    name, start, lead_country = _strip_lead(name, start, g)
    if not name or name in lex["not"] or len(name) < 3:
        return
    if is_media(name) and _as_source(name, start, text):
        return  # an outlet cited for the story, not a party to it
    if not any(c.isupper() for c in name):
        return
    if table.resolve(name):
        return
    if g.country_of_name(name) or g.bloc(name) and name not in lex["international"]:
        return
    info, _ = g.lookup(name)
    if info is not None and not is_international(name):
        return
    # "the Governing Council of the CIYEC": the organisation is the CIYEC
    m = re.search(r"\bof (?:the )?(.+)$", name)
    if m and table.resolve(m.group(1)):
        return
    full = _expansions().get(name)
    if full and name in lex["international"] and table.resolve(full) is None:
        added = table.add(full, start, None, name)  # "ASEAN" is written out as its full name
        table.acronyms[name] = fold(added.name)
        return
    if not looks_like_org(name) and name not in lex["international"] and not (is_media(name) or company):
        if full and table.resolve(full) is None:
            # an acronym used alone ("USAID") that the lexicon can write out
            added = table.add(full, start, None if is_international(full) else country_in_name(full, g), name)
            table.acronyms[name] = fold(added.name)
        return
    for other in table.orgs.values():
        if fold(name) in fold(other.name) and other.start <= start < other.start + len(other.name) + 5:
            return
    country = (
        None
        if is_international(name)
        else (lead_country or country_in_name(name, g) or modifier_country(text, start, g))
    )
    table.add(name, start, country)
