"""Titles of people as news writes them: before the name ("Seoul Mayor"), after it in apposition
("Liu Aiping, Chairman of the Governing Council of the CIYEC, said"), or before it with a comma
("the Mayor of the City of Ballarat, Sarah Whitfield"); the organisation and country a title names."""

from __future__ import annotations

import re
from functools import cache

from amity.annotate.document import Sentence, Token
from amity.annotate.gazetteer import Gazetteer, gazetteer
from amity.data_files import load_json
from amity.extract.orgs import (
    OrgInfo,
    OrgTable,
    clean_org_name,
    country_in_name,
    looks_like_org,
    not_orgs,
)


@cache
def titles_lexicon() -> dict[str, frozenset[str]]:
    t = load_json("titles.json")
    heads = set(t["heads"])
    words = {w for h in heads for w in h.replace("-", " ").split()}
    core = frozenset(words - {"of", "for", "at", "the", "and", "to"})
    words |= {w for m in t["modifiers"] for w in m.split()}
    return {
        "heads": frozenset(heads),
        "core_words": core,
        "head_words": frozenset(words - {"of", "for", "at", "the", "and", "to"}),
        "lower": frozenset(t["lowercase_titles"]),
        "media": frozenset(t["media_outlets"]),
    }


ABBREVIATIONS = {
    "PM": "Prime Minister",
    "FM": "Foreign Minister",
    "Pres.": "President",
    "Gov.": "Governor",
    "Sen.": "Senator",
    "Rep.": "Representative",
    "Amb.": "Ambassador",
    "Dr.": None,
    "Mr.": None,
    "Ms.": None,
    "Mrs.": None,
    "Prof.": "Professor",
}


_CLAUSE_END = re.compile(
    r",\s+(?=(?!(?:and|the|of|a|an|as well)\b)[a-z])"
    r"|,\s+(?=(?:who|which|where|said|says|stated|noted|told|added|"
    r"emphasized|emphasised|expressed|was|is|were|are|"
    r"also|in\s+(?:his|her|their)|introduced|shared|highlighted|pointed|stressed|remarked|delivered|gave|made|led|"
    r"attended|spoke|explained|announced|called|urged|welcomed|hoped|agreed|signed|met|visited|and\s+(?:a|an|the)\s+"
    r"(?!(?:[A-Z]))|as\s+well\s+as|among|including|while|when|during|at\s+the|on\s+(?:Monday|Tuesday|Wednesday|Thursday|"
    r"Friday|Saturday|Sunday))\b)"
    r"|\s+(?:said|says|stated|noted|told|added|expressed|emphasized|stressed)\b|\s+and\s+(?:one|a|an)\s+(?![A-Z])"
    r"|[;:(\"“”]|\s+as\s+well\s+as\b|\s+who\b"
)


_AGE = r"(?:\d+|[a-z]+(?:-[a-z]+)?)-year-old\s+"  # 'a 17-year-old competitor': the age is no title


def is_title_start(seg: str) -> bool:
    seg = re.sub(rf"^(?:a|an|the|also)\s+(?:{_AGE})?", "", seg.strip())
    first_word = seg.split(" ")[0] if seg else ""
    if gazetteer().demonym(first_word) and len(seg.split()) > 1:
        seg = seg[len(first_word) + 1 :]  # "Chinese Minister of Culture and Tourism"
    t = titles_lexicon()
    words = [w.rstrip(",") for w in seg.split(" ")[:4]] if seg else [""]
    first = words[0]
    if first[:1].isupper():
        if first in t["core_words"] or first in t["heads"] or first in ABBREVIATIONS:
            return True
        if all(p in t["core_words"] for p in first.split("-")):
            return True
        # a modifier ('Foreign', 'Senior') must lead to a title word within a few words
        return first in t["head_words"] and any(w in t["core_words"] or w in t["heads"] for w in words[1:])
    low = seg.lower()
    bare = re.sub(
        r"^(?:(?:senior|chief|deputy|executive|associate|former|vice|assistant|managing|acting|"
        r"visiting|honorary|general|principal|lead)\s+)+",
        "",
        low,
    )
    return any(
        w == x or w.startswith(x + " ") or w.startswith(x + ",") for x in t["lower"] for w in (low, bare)
    )


def roles(appo: str) -> list[str]:
    """'Senior Advisor of X and Honorary Chairman of Y' -> two roles; 'Primary and Secondary Coordinator'
    stays one, because what follows its 'and' does not start a title."""
    cuts = [m for m in re.finditer(r"(?<!,)\s+and\s+", appo) if is_title_start(appo[m.end() :])]
    roles, start = [], 0
    for m in cuts:
        roles.append(appo[start : m.start()])
        start = m.end()
    roles.append(appo[start:])
    return [r for r in roles if r.strip()]


def split_org(role: str, orgs: OrgTable, g: Gazetteer) -> tuple[str, str | None, str | None]:
    """'Chairman of the Governing Council of the CIYEC' -> (title, organisation name, country in the role)."""
    role = role.strip().strip(",")
    role = re.sub(rf"^(?:a|an|the|also)\s+(?:{_AGE})?", "", role)
    country = None
    owned = re.match(r"((?:[A-Z][\w&-]*\s+){0,4}[A-Z][\w&-]*)['’]s\s+(.+)$", role)
    if owned:  # "CITIC Group's chairman", "Vietnam's Ambassador to Laos"
        owner, owned_role = owned.group(1), owned.group(2)
        known = orgs.resolve(owner)
        if known:
            return owned_role, known.name, known.country
        if looks_like_org(owner) or _named_org(owner, orgs, g):
            return owned_role, owner, country_in_name(owner, g)
        place, _ = g.lookup(owner)
        if place is not None and len(place.country) == 2:
            country, role = place.country, owned_role
    lead = role.split(" ")[0]
    if g.demonym(lead) and len(role.split()) > 1 and is_title_start(role[len(lead) + 1 :]):
        country, role = g.demonym(lead), role[len(lead) + 1 :]  # "Chinese Minister of Culture"
    m = re.search(r",?\s+(?:of|from)\s+(?:the\s+)?([A-Z][\w'’ .-]+)$", role)
    if m and (g.country_of_name(m.group(1)) and not looks_like_org(m.group(1))):
        country = g.country_of_name(m.group(1))
        role = role[: m.start()]
    bounds = [b for b in re.finditer(r"\s+(?:of|at|with|from)\s+(?:the\s+)?|,\s+", role)]
    for b in reversed(bounds):
        rest = clean_org_name(role[b.end() :])
        if not rest or re.match(r"[A-Z][\w-]*['’]s\s", role[b.end() :].strip()):
            continue  # 'of Vietnam’s Central ... Commission': the organisation starts earlier
        known = orgs.resolve(rest)
        if known:
            return role[: b.start()].strip(" ,"), known.name, country or known.country
        core = re.sub(r"\s+of\s+(?:the\s+)?[A-Z][\w'’ -]*$", "", rest)
        if (looks_like_org(rest) or looks_like_org(core)) and rest[:1].isupper():
            c = country_in_name(rest, g)
            return role[: b.start()].strip(" ,"), rest, country or c
        if not b.group().startswith(",") and _named_org(rest, orgs, g):
            return role[: b.start()].strip(" ,"), rest, country or country_in_name(rest, g)
    for b in bounds:
        rest = role[b.end() :]
        c = g.country_of_name(clean_org_name(rest.split(" to ")[0]))
        if c:
            country = country or c
            break
    if country is None:  # 'Mayor of the City of Ballarat': the place named in the office
        for word in reversed(re.findall(r"\b[A-Z][\w'’-]+", role)):
            info, _ = g.lookup(word)
            if info is not None and len(info.country) == 2:
                country = info.country
                break
    return role.strip(" ,"), None, country


def apposition(s: Sentence, end: int, next_person: int | None) -> str | None:
    """The text after a name that describes it: ', Chairman of X and President of Y,'."""
    rel = end - s.start
    tail = s.text[rel:]
    if not tail.startswith(","):
        return None
    tail = tail[1:]
    if next_person is not None and not _title_word_at(s.text[next_person - s.start :]):
        tail = tail[: max(0, next_person - end - 1)]
        # ', and Cheongju Mayor' before the next name: that is the next person's title, not this one's
        tail = re.sub(r",?\s+and\s+(?:[A-Z][\w'’.-]*\s*)(?:(?:[A-Z][\w'’.-]*|of|for|the)\s*)*$", "", tail)
    m = _CLAUSE_END.search(tail)
    seg = tail[: m.start()] if m else tail
    # 'CEO of Accor, a French hotel group that ...', 'CEO of X, Srettha discussed ...': what follows the
    # organisation describes it, or starts the next clause
    m = _AFTER_ORG.search(seg)
    if m and re.search(r"\b(?:of|from|at|with)\s+(?:the\s+)?[A-Z]", seg[: m.start()]):
        seg = seg[: m.start()]
    seg = seg.strip().rstrip(",.").strip()
    if not seg or not is_title_start(seg):
        return None
    return seg


_AFTER_ORG = re.compile(
    r",\s+(?:a|an|the)\s+|,\s+(?:[A-Z][\w'’-]*\s+){1,3}(?:[a-z]+ed|said|says|met|held|told)\b"
)


def _title_word_at(text: str) -> bool:
    """The recogniser's 'person' at the start of `text` is a title word ('Secondary Coordinator')."""
    m = re.match(r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*", text)
    return m is not None and m.group().split()[-1] in titles_lexicon()["head_words"]


def prefix_title(s: Sentence, start: int, orgs: OrgTable) -> tuple[str | None, str | None, str | None]:
    """Title words before a name: 'Seoul Mayor', 'Chinese President', 'OIC Secretary-General',
    'Deputy Minister for Political Affairs at the Ministry of Foreign Affairs'.
    Returns (title, organisation, country)."""
    t = titles_lexicon()
    g = gazetteer()
    toks = [tk for tk in s.tokens if tk.end <= start]
    units = _words(toks)
    low = _lowercase_title(units)
    if low:
        # 'BOI secretary-general', 'Thai Chamber of Commerce chief', 'Bank of China deputy CEO'
        lone, k = low
        owner, home = _org_before(units[:k], orgs, g, s)
        if not home and k > 0:
            home = g.demonym(units[k - 1]) or g.country_of_name(units[k - 1])
        return lone[:1].upper() + lone[1:] if " " not in lone else lone, owner, home
    picked: list[str] = []
    i = len(toks) - 1
    while i >= 0 and len(picked) < 14:
        w = toks[i].text
        if w[:1].isupper() or w in ("of", "for", "at", "the", "-", "&") or w in ABBREVIATIONS:
            picked.insert(0, w)
            i -= 1
            continue
        # "The Department of Education (DepEd) Secretary": the acronym given with the name
        if w == ")" and picked and i >= 3 and toks[i - 2].text == "(" and toks[i - 1].text[:1].isupper():
            i -= 3
            continue
        # "Tourism, Arts and Culture Minister": a list of portfolios inside the title
        if w in (",", "and") and picked and picked[0] in t["head_words"] and i > 0:
            left = toks[i - 1].text
            if left in t["head_words"]:
                picked.insert(0, w)
                i -= 1
                continue
        break
    while picked and picked[0] in ("of", "for", "at", "the", "-", "&", "The"):
        picked.pop(0)
    if not picked:
        return None, None, None
    words = " ".join(picked).replace(" - ", "-").replace(" -", "-").replace(" ,", ",").split()

    def is_head(k: int) -> bool:
        w = words[k]
        return (
            w in t["heads"]
            or w in ABBREVIATIONS
            or any(p in t["heads"] for p in w.split("-"))
            or any(" ".join(words[k : k + n]) in t["heads"] for n in (2, 3, 4))
        )

    first_title = next(
        (
            k
            for k, w in enumerate(words)
            if is_head(k)
            or (
                w.rstrip(",") in t["head_words"]
                and any(is_head(x) for x in range(k, len(words)))
                and all(
                    v.rstrip(",") in t["head_words"] or v in ("and", "of", "for") or is_head(j + k)
                    for j, v in enumerate(words[k:])
                )
            )
        ),
        None,
    )
    if first_title is None:
        return None, None, None
    if not any(is_head(k) for k in range(first_title, len(words))):
        return None, None, None
    title = " ".join(words[first_title:])
    mod = " ".join(words[:first_title]).strip()
    title = " ".join(ABBREVIATIONS.get(w) or w if w in ABBREVIATIONS else w for w in title.split()).strip()
    org: str | None = None
    country = None
    if " of " in title or " at " in title:
        title, org, country = split_org(title, orgs, g)
    if mod:
        last = mod.split()[-1]
        country = (
            country or g.demonym(mod) or g.demonym(last) or g.country_of_name(mod) or g.country_of_name(last)
        )
        if not country:
            info, _ = g.lookup(mod)
            # an acronym is no city it spells: 'TSU Rector' is not from Tsu, Japan ('EU' is the bloc)
            spelt = info is not None and info.kind in ("city", "division")
            acronym = spelt and " " not in mod and mod.isupper()
            if info and len(info.country) == 2 and not acronym:
                country = info.country
        if not org:
            known = orgs.resolve(mod)
            if known:
                org, country = known.name, country or known.country
            elif looks_like_org(mod) or _recognised_org(mod, s, g):
                org = mod
                country = country or country_in_name(mod, g)
    if not org and title:
        known = _portfolio(title, orgs)
        if known and (known.country is None or country is None or known.country == country):
            org, country = known.name, country or known.country
    return title or None, org, country


def _words(toks: list[Token]) -> list[str]:
    """Tokens glued back into words where the tokenizer cut at a hyphen: 'secretary - general'."""
    out: list[str] = []
    prev_end = -1
    for tk in toks:
        if out and tk.start == prev_end and (tk.text == "-" or out[-1].endswith("-")):
            out[-1] += tk.text
        else:
            out.append(tk.text)
        prev_end = tk.end
    return out


_LOW_MODIFIERS = frozenset(
    {"deputy", "vice", "executive", "senior", "acting", "assistant", "managing", "chief", "prime", "foreign"}
)


def _lowercase_title(units: list[str]) -> tuple[str, int] | None:
    """A title written in lower case just before a name ('secretary-general', 'chief', 'deputy CEO'):
    the title and the index of its first word."""
    if not units:
        return None
    t = titles_lexicon()
    last = units[-1]
    k = len(units) - 1
    if last.islower() and last in t["lower"] and re.fullmatch(r"[a-z]+(?:-[a-z]+)*", last):
        pass
    elif last in t["heads"] and last.isupper() and k > 0 and units[k - 1] in _LOW_MODIFIERS:
        pass  # 'deputy CEO'
    else:
        return None
    while k > 0 and units[k - 1] in _LOW_MODIFIERS:
        k -= 1
    return " ".join(units[k:]), k


_LOW_HEADS = frozenset(
    {"party", "government", "ministry", "group", "bank", "company", "council", "committee"}
)


def _org_before(units: list[str], orgs: OrgTable, g: Gazetteer, s: Sentence) -> tuple[str | None, str | None]:
    """The organisation written just before a title: 'Bank of China', 'BOI', 'Vietnamese Communist party'.
    Returns (organisation, country)."""
    k = len(units)
    if k and units[k - 1] in _LOW_HEADS:
        k -= 1
    while k > 0 and (units[k - 1][:1].isupper() or units[k - 1] in ("of", "for", "&", "the")):
        k -= 1
    words = units[k:]
    while words and words[0] in ("of", "for", "&", "the", "The"):
        words.pop(0)
    if not words:
        return None, None
    name = " ".join(words)
    known = orgs.resolve(name)
    if known:
        return known.name, known.country
    last = words[-1]
    shaped = " ".join(words[:-1] + [last[:1].upper() + last[1:]])
    if len(words) > 1 and (looks_like_org(shaped) or _recognised_org(name, s, g)):
        return name, country_in_name(name, g)
    if re.fullmatch(r"[A-Z][A-Za-z&]{1,9}", name) and sum(c.isupper() for c in name) >= 2:
        if not (g.country_of_name(name) or g.demonym(name) or g.bloc(name)):
            return name, None  # an acronym: 'BOI secretary-general'
    return None, None


def _named_org(name: str, orgs: OrgTable, g: Gazetteer) -> bool:
    """What a title is 'of' ('CEO of Accor', 'chairman of CRRC') is an organisation when the recogniser
    tagged it one in the document, or it is an acronym; a place, a title word or a common acronym is not."""
    if g.country_of_name(name) or g.demonym(name) or g.bloc(name) or name in titles_lexicon()["heads"]:
        return False
    if name in not_orgs() or g.demonym(name.split()[0]):
        return False  # 'of State', 'founder of Tibetan Buddhism'
    if name in orgs.named:
        return g.lookup(name)[0] is None
    return bool(re.fullmatch(r"[A-Z][A-Z&]{1,5}", name)) and name not in not_orgs()


def _recognised_org(name: str, s: Sentence, g: Gazetteer) -> bool:
    """The recogniser marked exactly this phrase of two words or more an organisation in the sentence, and
    it is no place: 'European Commision President' (misspelt, so no head noun is recognised)."""
    if len(name.split()) < 2 or g.country_of_name(name) or g.demonym(name) or g.lookup(name)[0] is not None:
        return False
    return any(e.label == "ORG" and clean_org_name(e.text) == name for e in s.entities)


def _portfolio(title: str, orgs: OrgTable) -> OrgInfo | None:
    """'Education Secretary', 'Commerce Minister': the ministry or department of that portfolio, when the
    text names it."""
    m = re.fullmatch(
        r"(?:(?:Deputy|Vice|Acting|Assistant)\s+)?((?:[A-Z][a-z]+\s+){1,3})(?:Minister|Secretary)", title
    )
    if not m:
        return None
    area = m.group(1).strip()
    if area in ("Prime", "Foreign", "General", "Chief", "Permanent", "State", "Party", "First"):
        return None
    for name in (f"Ministry of {area}", f"Department of {area}"):
        known = orgs.resolve(name)
        if known:
            return known
    return None


def local_government(before: str, orgs: OrgTable) -> str | None:
    """The government of the city or province named just before a mayor's or governor's title."""
    m = re.search(r"([A-Z][\w-]+)\s+(?:Vice\s+|Deputy\s+)?(?:Mayor|Governor)\s*$", before)
    if not m:
        return None
    place = m.group(1)
    return next(
        (o.name for o in orgs.all() if o.name.startswith(place + " ") and o.name.endswith("Government")), None
    )


def nearby_demonym(s: Sentence, start: int, g: Gazetteer) -> str | None:
    """'his French counterpart Edouard Philippe', 'Russia's Sergey Lavrov': a nationality or a country's
    possessive a few words before the name."""
    before = [t for t in s.tokens if t.end <= start][-6:]
    for k in range(len(before) - 1, -1, -1):
        tk = before[k]
        if tk.ent == "PERSON" or tk.text in (",", ";", "and"):
            break
        if tk.text in ("'s", "’s"):
            # "Russia's Sergey Lavrov", "South Africa's President Cyril Ramaphosa"
            for n in (3, 2, 1):
                owner = " ".join(t.text for t in before[max(0, k - n) : k])
                code = g.country_of_name(owner) if k - n >= 0 else None
                if code:
                    return code
            break
        code = g.demonym(re.sub(r"^\W*(?:&nbsp;)?", "", tk.text))
        if code:
            return code
    return None


_MINISTER_OF = re.compile(
    r"^(?:Deputy |Vice |Assistant |Acting )?Minister (?:of|for) (?:the )?(.+?)(?: of [A-Z][\w ]+)?$"
)


def ministry_of(titles: list[str]) -> str | None:
    """A minister 'of Information, Culture, and Tourism' belongs to the Ministry of that."""
    for t in titles:
        m = _MINISTER_OF.match(t)
        if m:
            return f"Ministry of {m.group(1)}"
    return None


@cache
def title_comma() -> re.Pattern[str]:
    """'the Mayor of the City of Ballarat, Sarah Whitfield': a title and its office just before the name."""
    t = titles_lexicon()
    heads = sorted((h for h in t["heads"] if h[:1].isupper()), key=len, reverse=True)
    head_rx = "|".join(re.escape(h) for h in heads)
    lower = "|".join(re.escape(x) for x in sorted(t["lower"], key=len, reverse=True))
    # "CITIC Group's chairman, Zhu Hexin": an organisation owning the title is kept in it for split_org
    owned = r"(?:[A-Z][\w&-]*\s+){0,4}[A-Z][\w&-]*['’]s\s+"
    return re.compile(
        rf"\b(?:(?:the|its|their|The|Its|Their|(?P<owner>[A-Z][a-z]+)['’]s)\s+|(?={owned}))"
        rf"(?P<title>(?:{owned})?(?:[A-Z][\w-]*\s+)*?(?:{head_rx}|{lower})"
        rf"(?:\s+(?:of|for|at|to)\s+(?:the\s+)?[A-Z][\w'’.-]*(?:\s+(?:of|the|and|for|[A-Z][\w'’.-]*))*)?),\s*$"
    )
