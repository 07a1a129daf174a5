"""Organisations in a document: full names, acronyms defined in the text, and their countries."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, lru_cache

from amity.annotate.document import Annotated
from amity.annotate.gazetteer import Gazetteer, fold, gazetteer
from amity.data_files import load_json
from amity.extract.places import dateline_place

_WORD = r"[A-Z][\w&'’.@-]*"
_LINK = r"(?:of|for|and|on|in|at|the|de|du|la|&)"
_ACRONYM_DEF = re.compile(
    rf"((?:{_WORD}|{_LINK})(?:[ \t]+(?:{_WORD}|{_LINK}|\d+\w*)){{0,14}})\s*\(\s*"
    rf"([A-Z](?:[A-Za-z&]{{1,9}}\d{{0,2}}|\d{{1,2}})(?:\s[A-Z]{{2,8}})?)\s*\)"
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
    named: set[str] = field(default_factory=set)  # what the recogniser tagged ORG, whatever its shape

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
        t = clean_org_name(trim_span(text))
        if not t:
            return None
        if t in self.acronyms:
            full = self.acronyms[t]
            # a generic name ('Ministry of Foreign Affairs') is kept per country
            return self.orgs.get(full) or next(
                (v for k, v in self.orgs.items() if k.startswith(full + "|")), None
            )
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
        # "the S. Rajaratnam School of International Studies in Singapore": the school, placed
        placed = re.fullmatch(r"(.+?) (?:in|at) ([A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?)", t)
        if placed and gazetteer().lookup(placed.group(2))[0] is not None:
            return self.resolve(placed.group(1))
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


def not_orgs() -> frozenset[str]:
    """Capitalised words and acronyms that name no organisation ('ESG', 'ICT', 'Ministry')."""
    return _lex()["not"]


def is_generic(name: str) -> bool:
    """A name many countries' bodies share ('Ministry of Foreign Affairs'): its country comes from context."""
    return clean_org_name(name) in _lex()["generic"]


@lru_cache(maxsize=16384)
def clean_org_name(s: str) -> str:
    s = s.replace("&amp;", "&").strip().lstrip("•▪◦*-– ").strip(",.;:“”‘’\"'()")
    s = re.sub(r"^U\.N\.?(?=\s|$)", "UN", s)
    s = re.sub(r"^[A-Z][A-Z .'-]{2,}\s*(?:,[^-–—]{0,30})?[-–—]+\s*", "", s)  # a dateline: "BRUSSELS - The EU"
    s = re.sub(r"^(?:the|The|a|an)\s+", "", s).strip(",.;:“”‘’\"'()")
    s = re.sub(r"['’]s$", "", s)
    s = re.sub(r"\s*\([A-Z][A-Za-z]{1,9}\)?$", "", s)  # "... Cooperation (OIC": the acronym is not the name
    s = _strip_place_lead(s)
    s = _synonyms().get(s, s)
    s = _portfolio_first(s)
    # "the Party of Vietnam’s Central Commission" is written "Central Commission of the Party of Vietnam"
    m = re.fullmatch(
        r"((?:[A-Z][\w-]*\s+)(?:(?:of|for|and|the)\s+|[A-Z][\w-]*\s+)*?[A-Z][\w-]*)['’]s\s+"
        r"((?:[A-Z][\w-]*\s*)+)",
        s,
    )
    if m and looks_like_org(m.group(2)):
        s = f"{m.group(2).strip()} of the {m.group(1)}"
    return s.strip()


_PLACE_LEAD = re.compile(r"^([A-Z][\w.-]*(?:\s[A-Z][\w.-]*){0,2})(?:['’]s|-based)\s+(?=[A-Z])")


def place_lead(s: str) -> tuple[str | None, int]:
    """'Indonesia's Finance Ministry', 'Seoul-based KB Financial Group': the place that owns or houses
    the organisation named after it, as a country code, and where the organisation's own name starts."""
    m = _PLACE_LEAD.match(s)
    if not m:
        return None, 0
    g = gazetteer()
    lead = m.group(1)
    code = g.country_of_name(lead) or g.demonym(lead)
    if not code:
        info, _ = g.lookup(lead)
        code = info.country if info and info.kind in ("city", "division") and len(info.country) == 2 else None
    return (code, m.end()) if code else (None, 0)


def _strip_place_lead(s: str) -> str:
    _, cut = place_lead(s)
    return s[cut:] if cut else s


# "the Commerce Ministry", "Foreign Affairs Ministry": the portfolio written before the head
_PORTFOLIO_FIRST = re.compile(r"((?:[A-Z][a-z]+,?\s+(?:and\s+)?){1,4})(Ministry|Department)")


def _portfolio_first(s: str) -> str:
    """'Commerce Ministry' -> 'Ministry of Commerce', the way the body's own name is written; a
    nationality ('Chinese Ministry') or a country name is not a portfolio."""
    m = _PORTFOLIO_FIRST.fullmatch(s)
    if not m:
        return s
    words = re.findall(r"[A-Z][a-z]+", m.group(1))
    g = gazetteer()
    if words == ["Foreign"] or any(g.demonym(w) or g.country_of_name(w) or g.lookup(w)[0] for w in words):
        return s  # 'the Asia Department' is a ministry's department for a region, not a portfolio
    return f"{m.group(2)} of {m.group(1).strip().rstrip(',')}"


@lru_cache(maxsize=16384)
def written_forms(name: str) -> tuple[str, ...]:
    """The ways a text may write an organisation the table keeps under `name`: 'Ministry of Commerce' is
    also 'Commerce Ministry', 'Ministry of Foreign Affairs' also 'Foreign Ministry'."""
    forms = [name]
    m = re.fullmatch(r"(Ministry|Department) of (.+)", name)
    if m:
        forms.append(f"{m.group(2)} {m.group(1)}")
    forms.extend(k for k, v in _synonyms().items() if v == name)
    return tuple(forms)


@lru_cache(maxsize=16384)
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
    if all(w in lex["heads"] for w in n.split()) and n not in lex["international"]:
        return False  # 'Foundation', 'Group': a head noun with no name
    if trim_span(n) != n:
        return False  # 'Chinese Embassy in Thailand expressed that ...': a clause, not a name
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


@cache
def _international_names() -> re.Pattern[str]:
    names = sorted(_lex()["international"], key=len, reverse=True)
    return re.compile(rf"(?<![\w-])(?:{'|'.join(re.escape(n) for n in names)})(?![\w-])")


@cache
def _international_acronyms() -> dict[str, str]:
    return {n.upper(): n for n in _lex()["international"] if n.isupper() and len(n) >= 4}


# "the 4th BRICS Plus Summit", "ASEAN Foreign Ministers' Meeting": a meeting the body holds, named after it
_HELD_BY = re.compile(
    r"^(?:\d+(?:st|nd|rd|th)\s+)?(?P<body>.+?)(?:\s+(?:Plus|Leaders['’]?|(?:Foreign\s+|Economic\s+)?Ministers['’]?))*"
    r"\s+(?:Summit|Meeting|Conference|Session|Ministerial)$"
)


def international_name(name: str) -> str | None:
    """The lexicon's spelling of an international body: 'Brics' -> 'BRICS', 'UN Security Council' ->
    'United Nations Security Council'; the body a meeting is named after ('Group of 20 Summit')."""
    held = _HELD_BY.match(name)
    for cand in (name, held.group("body") if held else ""):
        if not cand:
            continue
        cand = _international_acronyms().get(cand.upper(), cand) if " " not in cand else cand
        if is_international(cand):
            return clean_org_name(cand)
    return None


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
            if n == 1 and chunk.isupper():
                continue  # an acronym ('TSU Rector'), not the city it spells ('Tsu', Japan)
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
    if len(letters) == 1 and len(acr) >= 4:
        # a short form spoken as a word ('Tesda', 'Norinco', 'Kadin') follows no initials: the whole name
        first = next(
            (i for i, w in enumerate(words) if w[:1].isupper() and w not in ("The", "On", "In", "At", "And")),
            None,
        )
        return " ".join(words[first:]) if first is not None else phrase
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
    m = re.search(r"(?:\b(?:the|The)[ \t]+)?([A-Z][\w.'’-]*(?:[ \t][A-Z][\w.'’-]*)?)[ \t]*$", before)
    if not m:
        return None
    words = m.group(1)
    for cand in (words, words.split()[-1]):
        lead, cut = place_lead(cand + " X")
        if cut:
            return lead  # "Thailand's Ministry of ...", "Seoul-based ..."
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
            name = clean_org_name(trim_span(e.text))
            if e.label == "ORG" and name:
                table.named.add(name)
            if e.label != "ORG" and not looks_like_org(name):
                continue
            _add_mention(table, name, e.start + max(0, e.text.find(name)), text, g)
        for m in _CITY_GOVERNMENT.finditer(s.text):
            _add_mention(table, m.group(1).title(), s.start + m.start(1), text, g)
        for m in _international_names().finditer(s.text):
            # the lexicon's international bodies, whether or not the recogniser tagged them
            _add_mention(table, m.group(), s.start + m.start(), text, g)
        for m in _DESCRIBED_COMPANY.finditer(s.text):
            # "train-maker CRRC", "budget carrier Vietjet Air": a company introduced by what it does
            name = trim_span(m.group(1).replace("&amp;", "&"))
            if not (g.country_of_name(name) or g.demonym(name.split()[0]) or name in _lex()["not"]):
                _add_mention(table, name, s.start + m.start(1), text, g, company=True)
                home = _described_country(s.text[max(0, m.start() - 30) : m.start(1)], g)
                described = table.resolve(name)
                if home and described and described.country is None:
                    table.add(described.name, described.start, home)  # "Vietnam's state utility EVN"
        for m in _LOWERCASE_MINISTRY.finditer(s.text):
            # "the Serbian ministry of transport and infrastructure"
            code = g.demonym(m.group(1)) or g.country_of_name(m.group(1))
            if code:
                name = f"{m.group(2).title()} of {m.group(3).title().replace(' And ', ' and ')}"
                if not table.resolve(name):
                    table.add(name, s.start + m.start(2), code)
        for m in _org_phrases().finditer(s.text):
            _add_mention(table, clean_org_name(m.group()), s.start + m.start(), text, g)
    dateline = dateline_place(ann.visible, g)
    if dateline and dateline.country:
        # "MANILA, Philippines - The Department of Education ...": a government body the text gives no
        # country is the dateline's
        for key, o in list(table.orgs.items()):
            if o.country is None and _GOVERNMENT_BODY.search(o.name) and not is_international(o.name):
                table.orgs[key] = OrgInfo(o.name, o.acronym, dateline.country, o.start)
    return table


_GOVERNMENT_BODY = re.compile(
    r"^(?:Ministry|Department) of\b|\b(?:Ministry|Department|Authority|Agency|Bureau)$"
)


def _described_country(words: str, g: Gazetteer) -> str | None:
    """The nationality in a company's description: 'Chinese railway manufacturer', 'Vietnam's state
    utility'."""
    for w in reversed(re.findall(r"[A-Z][\w.-]*(?:['’]s)?", words)[-3:]):
        w = re.sub(r"['’]s$", "", w)
        code = g.demonym(w) or g.country_of_name(w)
        if code:
            return code
    return None


_DESCRIBED_COMPANY = re.compile(
    r"\b(?:[a-z]+-)?(?:maker|manufacturer|company|firm|giant|carrier|operator|developer|producer|conglomerate|utility|"
    r"insurer|lender|retailer|automaker|carmaker|chipmaker|planemaker|shipbuilder|contractor)\s+"
    r"((?:PT\s+)?[A-Z][\w&.-]*(?:\s+(?:&amp;|&)?\s*[A-Z][\w&-]*){0,3})"
)
# a ministry written in lower case after the nationality of its government
_LOWERCASE_MINISTRY = re.compile(
    r"\b([A-Z][a-z]+)\s+(ministry|department)\s+of\s+((?!(?:the|a|an)\b)[a-z]+"
    r"(?:(?:,\s+|,?\s+and\s+)[a-z]+)*(?:\s+(?:affairs|development|security|resources))?)\b"
)
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
    r"Ambassador|Governor|Mayor|Dean|Counselor|Counsellor|Spokesperson|Member|Members|"
    r"(?:Executive|Official|Representative|Delegate|Officer|Employee|Leader|Student)s?|Staff)"
    r"\s+(?:of|at|from)\s+(?:the\s+)?"
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
    code = g.demonym(first) or (g.country_of_name(first) if first.isupper() or "." in first else None)
    if code and len(name.split()) > 2:  # "ROK Ministry of Health and Welfare", "U.S. Department of ..."
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


_POSTED_IN = re.compile(r" (?:in|to) ([A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?)")
_SOURCE_BEFORE = re.compile(
    r"(?:told|according to|(?:reported|quoted|cited)(?: as saying)? by|said in|wrote in|"
    r"(?:an? )?interview with|\(|/)\s*(?:the\s+)?(?:(?:official|state|state-run|state-owned)\s+)*$",
    re.I,
)
_SOURCE_AFTER = re.compile(
    r"^\W{0,3}\s*(?:reported|reports|said|quoted|cited|news|newspaper|\)|,? citing)", re.I
)


def _as_source(name: str, start: int, text: str) -> bool:
    """'the Global Times reported', 'told China Daily', '(Xinhua)': the outlet reports, takes no part."""
    before = text[max(0, start - 40) : start]
    after = text[start + len(name) : start + len(name) + 15]
    return bool(
        _SOURCE_BEFORE.search(before) or _SOURCE_AFTER.match(after) or _alone_on_line(name, start, text)
    )


def _alone_on_line(name: str, start: int, text: str) -> bool:
    """A byline or a credit: the name is the whole line."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    return line.strip(" \t\r-–—|/()") == name


# a photo's credit: "(Photo Courtesy of the ...)", "(Photo: ...)", "/File photo"
_CREDIT = re.compile(r"\((?:[^()\n]*\W)?(?:[Pp]hotos?|PHOTOS?|[Cc]ourtesy|[Ii]mages?|[Ff]ile)\b[^()\n]*$")
_CREDIT_LEAD = re.compile(r"^(?:(?:Photos?|PHOTO|File|Courtesy)\b\W*)+(?:(?:of|by)\s+)?(?:the\s+)?")


def _in_credit(name: str, start: int, text: str) -> bool:
    return bool(_CREDIT_LEAD.match(name) or _CREDIT.search(text[max(0, start - 60) : start]))


_NAME_WORD = re.compile(r"[A-Z0-9]|(?:of|for|and|on|in|at|the|de|du|des|la|le|et|to|&)$")


@lru_cache(maxsize=16384)
def trim_span(name: str) -> str:
    """Cut a recogniser's span at the first lowercase word that cannot be part of a name: 'Chinese Embassy
    in Thailand expressed that ...' -> 'Chinese Embassy in Thailand'."""
    words = name.split(" ")
    for i, w in enumerate(words):
        if i and not _NAME_WORD.match(w):
            words = words[:i]
            break
    while len(words) > 1 and re.fullmatch(r"of|for|and|on|in|at|the|de|du|des|la|le|et|to|&|,", words[-1]):
        words.pop()
    return " ".join(words).rstrip(",")


_ACRONYM = re.compile(r"[A-Z][A-Z&]{1,9}")


def _coordinated(name: str, table: OrgTable) -> tuple[str, str] | None:
    """'PLN and KB Kookmin Bank', 'Ruamrudee International School and Bangkok Patana School': two bodies
    joined by 'and'. The left one must be a name on its own (an acronym, ending with a head noun, or known),
    or 'Department of Health and Human Services' would split."""
    lex = _lex()
    for m in re.finditer(r",?\s+and\s+(?:the\s+)?", name):
        left, right = name[: m.start()], name[m.end() :]
        if not left or not right or not right[0].isupper():
            continue
        left_ok = (
            bool(_ACRONYM.fullmatch(left))
            or left.split()[-1] in lex["heads"]
            or table.resolve(left) is not None
        )
        right_ok = looks_like_org(right) or table.resolve(right) is not None
        if left_ok and right_ok:
            return left, right
    return None


def _add_mention(
    table: OrgTable, name: str, start: int, text: str, g: Gazetteer, company: bool = False
) -> None:
    lex = _lex()
    if _is_relation(name, g) or re.match(
        r"\s*(?:Building|Hall|Square|Headquarters|Tower|Plaza)\b",
        text[start + len(name) : start + len(name) + 14],
    ):
        return
    if _in_credit(name, start, text):
        return  # page furniture, not the article
    joined = re.search(r"\b([A-Z][A-Z.]{1,5})\)?\s+$", text[max(0, start - 9) : start])
    if joined and international_name(f"{joined.group(1)} {name}"):
        # 'UN' and 'Security Council' tagged apart: one body
        name, start = f"{joined.group(1)} {name}", start - len(joined.group(0))
    body = international_name(name)
    if body and body != name:
        name = body
    lead = _TITLE_LEAD.match(name)
    if lead:  # 'Executives of PLN and ...': the people are not the organisation
        name, start = name[lead.end() :], start + lead.end()
    pair = _coordinated(name, table)
    if pair:
        first, second = pair
        # an acronym joined to an organisation's name is one too ('PLN and KB Kookmin Bank')
        _add_mention(table, first, start, text, g, company=bool(_ACRONYM.fullmatch(first)))
        _add_mention(
            table, second, start + name.rfind(second), text, g, company=bool(_ACRONYM.fullmatch(second))
        )
        return
    name, start, lead_country = _strip_lead(name, start, g)
    name = clean_org_name(name) or name
    if not name or name in lex["not"] or len(name) < 3:
        return
    if is_media(name) and _as_source(name, start, text):
        return  # an outlet cited for the story, not a party to it
    if not any(c.isupper() for c in name):
        return
    known = table.resolve(name)
    if known:
        home = lead_country or (modifier_country(text, start, g) if is_generic(name) else None)
        if not (is_generic(name) and home and home != known.country):
            return
        # known, but 'the Chinese Ministry of Foreign Affairs' is not Korea's: one more entry
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
    if full and name in lex["international"]:
        known = table.resolve(full)
        # "ASEAN" is written out as its full name; "the Group of Seven ... G7": the same body
        added = table.add(
            full if known is None else known.name, start if known is None else known.start, None, name
        )
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
    posted = _POSTED_IN.match(text, start + len(name))
    if posted and re.search(r"\b(?:Embassy|Consulate(?: General)?|Mission|Office)$", name):
        place, _ = g.lookup(posted.group(1))
        if place is not None:
            # 'the Chinese Embassy in Thailand': the embassy is named by its post, and is China's
            name = name + posted.group()
    table.add(name, start, country)
