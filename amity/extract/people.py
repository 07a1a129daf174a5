"""People in a document with their titles, organisations and countries.

Shapes read: "Seoul Mayor Oh Se-hoon" (title before the name), "Liu Aiping, Chairman of the Governing
Council of the CIYEC, said" (apposition after the name, several roles joined by "and"), later short
mentions ("Mayor Oh", "Xi") linked to the full name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from amity.annotate.document import Annotated, Entity, Sentence
from amity.annotate.gazetteer import Gazetteer, fold, gazetteer
from amity.data_files import load_json
from amity.extract.orgs import (
    OrgInfo,
    OrgTable,
    clean_org_name,
    country_in_name,
    is_international,
    is_media,
    looks_like_org,
)


@dataclass(frozen=True)
class PersonInfo:
    name: str
    title: str | None
    organization: str | None
    country: str | None
    start: int
    mentions: tuple[int, ...] = ()  # indexes of sentences naming the person


@cache
def _titles() -> dict[str, frozenset[str]]:
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
_NAME_NOISE = re.compile(r"^(?:Mr|Ms|Mrs|Dr|Prof|Sir|Madam|H\.E\.)\.?\s+")


def _is_title_start(seg: str) -> bool:
    seg = re.sub(r"^(?:a|an|the|also)\s+", "", seg.strip())
    first_word = seg.split(" ")[0] if seg else ""
    if gazetteer().demonym(first_word) and len(seg.split()) > 1:
        seg = seg[len(first_word) + 1 :]  # "Chinese Minister of Culture and Tourism"
    t = _titles()
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


def _roles(appo: str) -> list[str]:
    """'Senior Advisor of X and Honorary Chairman of Y' -> two roles; 'Primary and Secondary Coordinator'
    stays one, because what follows its 'and' does not start a title."""
    cuts = [m for m in re.finditer(r"(?<!,)\s+and\s+", appo) if _is_title_start(appo[m.end() :])]
    roles, start = [], 0
    for m in cuts:
        roles.append(appo[start : m.start()])
        start = m.end()
    roles.append(appo[start:])
    return [r for r in roles if r.strip()]


def _split_org(role: str, orgs: OrgTable, g: Gazetteer) -> tuple[str, str | None, str | None]:
    """'Chairman of the Governing Council of the CIYEC' -> (title, organisation name, country in the role)."""
    role = role.strip().strip(",")
    role = re.sub(r"^(?:a|an|the|also)\s+", "", role)
    country = None
    lead = role.split(" ")[0]
    if g.demonym(lead) and len(role.split()) > 1 and _is_title_start(role[len(lead) + 1 :]):
        country, role = g.demonym(lead), role[len(lead) + 1 :]  # "Chinese Minister of Culture"
    m = re.search(r",?\s+(?:of|from)\s+(?:the\s+)?([A-Z][\w'’ .-]+)$", role)
    if m and (g.country_of_name(m.group(1)) and not looks_like_org(m.group(1))):
        country = g.country_of_name(m.group(1))
        role = role[: m.start()]
    bounds = [b for b in re.finditer(r"\s+(?:of|at|with|from)\s+(?:the\s+)?|,\s+", role)]
    for b in reversed(bounds):
        rest = clean_org_name(role[b.end() :])
        if not rest or re.match(r"[A-Z][\w-]*['’]s\s", rest):
            continue  # 'of Vietnam’s Central ... Commission': the organisation starts earlier
        known = orgs.resolve(rest)
        if known:
            return role[: b.start()].strip(" ,"), known.name, country or known.country
        core = re.sub(r"\s+of\s+(?:the\s+)?[A-Z][\w'’ -]*$", "", rest)
        if (looks_like_org(rest) or looks_like_org(core)) and rest[:1].isupper():
            c = country_in_name(rest, g)
            return role[: b.start()].strip(" ,"), rest, country or c
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


def _apposition(s: Sentence, end: int, next_person: int | None) -> str | None:
    """The text after a name that describes it: ', Chairman of X and President of Y,'."""
    rel = end - s.start
    tail = s.text[rel:]
    if not tail.startswith(","):
        return None
    tail = tail[1:]
    if next_person is not None:
        tail = tail[: max(0, next_person - end - 1)]
        # ', and Cheongju Mayor' before the next name: that is the next person's title, not this one's
        tail = re.sub(r",?\s+and\s+(?:[A-Z][\w'’.-]*\s*)(?:(?:[A-Z][\w'’.-]*|of|for|the)\s*)*$", "", tail)
    m = _CLAUSE_END.search(tail)
    seg = tail[: m.start()] if m else tail
    seg = seg.strip().rstrip(",.").strip()
    if not seg or not _is_title_start(seg):
        return None
    return seg


def _prefix(s: Sentence, start: int, orgs: OrgTable) -> tuple[str | None, str | None, str | None]:
    """Title words before a name: 'Seoul Mayor', 'Chinese President', 'OIC Secretary-General',
    'Deputy Minister for Political Affairs at the Ministry of Foreign Affairs'.
    Returns (title, organisation, country)."""
    t = _titles()
    g = gazetteer()
    toks = [tk for tk in s.tokens if tk.end <= start]
    if toks and toks[-1].text.islower() and toks[-1].text in t["lower"] and toks[-1].text.isalpha():
        lone = toks[-1].text
        country = None
        if len(toks) > 1:
            country = g.demonym(toks[-2].text) or g.country_of_name(toks[-2].text)
        return lone[:1].upper() + lone[1:], None, country
    picked: list[str] = []
    i = len(toks) - 1
    while i >= 0 and len(picked) < 14:
        w = toks[i].text
        if w[:1].isupper() or w in ("of", "for", "at", "the", "-", "&") or w in ABBREVIATIONS:
            picked.insert(0, w)
            i -= 1
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
        title, org, country = _split_org(title, orgs, g)
    if mod:
        last = mod.split()[-1]
        country = (
            country or g.demonym(mod) or g.demonym(last) or g.country_of_name(mod) or g.country_of_name(last)
        )
        if not country:
            info, _ = g.lookup(mod)
            if info and len(info.country) == 2:
                country = info.country
        if not org:
            known = orgs.resolve(mod)
            if known:
                org, country = known.name, country or known.country
            elif looks_like_org(mod):
                org = mod
                country = country or country_in_name(mod, g)
    return title or None, org, country


def _local_government(before: str, orgs: OrgTable) -> str | None:
    """The government of the city or province named just before a mayor's or governor's title."""
    m = re.search(r"([A-Z][\w-]+)\s+(?:Vice\s+|Deputy\s+)?(?:Mayor|Governor)\s*$", before)
    if not m:
        return None
    place = m.group(1)
    return next(
        (o.name for o in orgs.all() if o.name.startswith(place + " ") and o.name.endswith("Government")), None
    )


def _nearby_demonym(s: Sentence, start: int, g: Gazetteer) -> str | None:
    """'his French counterpart Edouard Philippe': a nationality a few words before the name."""
    before = [t for t in s.tokens if t.end <= start][-4:]
    for tk in reversed(before):
        if tk.ent == "PERSON" or tk.text in (",", ";", "and"):
            break
        code = g.demonym(tk.text)
        if code:
            return code
    return None


def _clean_name(name: str) -> str:
    name = _NAME_NOISE.sub("", name.strip())
    name = re.split(r"['’]s?\b", name)[0].strip(" ,.")
    t = _titles()
    words = name.split()
    while len(words) > 1 and (words[0] in t["head_words"] or words[0] in ABBREVIATIONS):
        words.pop(0)
    return " ".join(words)


# Malay, Arab and other honorifics that are part of how a name is written ("Raja Zarith Sofiah")
HONORIFICS = (
    "Raja",
    "Tunku",
    "Tengku",
    "Sultan",
    "Sheikh",
    "Sheikha",
    "Datuk",
    "Dato",
    "Datuk Seri",
    "Tan Sri",
    "Pehin",
    "Pangeran",
    "Haji",
    "Hajah",
)
_CALENDAR_WORDS = {
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Today",
    "Tomorrow",
    "Yesterday",
}


def _name_ok(name: str, g: Gazetteer, orgs: OrgTable) -> bool:
    if not name or not name[0].isupper() or len(name) < 2:
        return False
    if any(c.isdigit() for c in name) or name.isupper() and len(name) > 3:
        return False
    words = name.split()
    if words[0] in _CALENDAR_WORDS:
        return False
    if len(words) == 2 and re.fullmatch(r"[A-Z]", words[-1]) and len(words[-2]) <= 3:
        return False  # "Gen Z"
    if any(g.country_of_name(w) for w in words) and len(words) > 1:
        return False
    if (
        g.country_of_name(name)
        or g.demonym(name)
        or orgs.resolve(name)
        or is_media(name)
        or looks_like_org(name)
    ):
        return False
    info, _ = g.lookup(name)
    if info is not None and info.kind in ("country", "division", "landmark"):
        return False
    return name.split()[-1] not in _titles()["head_words"]


def extract_people(ann: Annotated, orgs: OrgTable, doc_countries: tuple[str, ...] = ()) -> list[PersonInfo]:
    g = gazetteer()
    found: list[PersonInfo] = []
    for s in ann.sentences:
        persons = _person_spans(s, g, orgs)
        for k, e in enumerate(persons):
            name = _clean_name(e.text)
            lead = e.text.find(name) if name else 0
            if not _name_ok(name, g, orgs):
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
            p_title, p_org, p_country = _prefix(s, start, orgs)
            if not p_title and re.search(r"\bcounterparts?\s*,?\s*$", s.text[: start - s.start]):
                # "hosted his South Korean counterpart Cho": the same office as the host's
                host = next((q for q in reversed(found) if q.mentions == (s.index,) and q.title), None)
                p_title = host.title if host else None
            if not p_title:
                tc = _title_comma().search(s.text[max(0, start - s.start - 160) : start - s.start])
                if tc:
                    p_title, p_org, p_country = _split_org(tc.group(1), orgs, g)
            if p_title:
                titles.append(p_title)
            if p_org:
                known = orgs.resolve(p_org)
                org = known.name if known else p_org
                country = known.country if known else None
            elif p_title and re.search(r"\b(?:Mayor|Governor)$", p_title):
                org = _local_government(s.text[: start - s.start], orgs)  # "Seoul Mayor": Seoul's government
            country = p_country or country
            appo = _apposition(s, end, nxt)
            if appo:
                roles = _roles(appo)
                for role in roles:
                    if not _is_title_start(role):
                        continue
                    title, r_org, r_country = _split_org(role, orgs, g)
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
            if not country:
                country = _nearby_demonym(s, start, g)
            org = expand_acronym(org, orgs) or _ministry_of(titles)
            if org and not country:
                known = orgs.resolve(org)
                country = known.country if known else country_in_name(org, g)
            found.append(
                PersonInfo(name, "; ".join(dict.fromkeys(titles)) or None, org, country, start, (s.index,))
            )
    return _merge(found, doc_countries)


_MINISTER_OF = re.compile(
    r"^(?:Deputy |Vice |Assistant |Acting )?Minister (?:of|for) (?:the )?(.+?)(?: of [A-Z][\w ]+)?$"
)


def _ministry_of(titles: list[str]) -> str | None:
    """A minister 'of Information, Culture, and Tourism' belongs to the Ministry of that."""
    for t in titles:
        m = _MINISTER_OF.match(t)
        if m:
            return f"Ministry of {m.group(1)}"
    return None


def expand_acronym(org: str | None, orgs: OrgTable) -> str | None:
    """A person's organisation named by its acronym, written out when the text or the lexicon knows it."""
    if not org or not re.fullmatch(r"[A-Z][A-Za-z&]{1,9}", org):
        return org
    known = orgs.resolve(org)
    if known and known.name != org:
        return known.name
    return load_json("orgs.json")["expansions"].get(org, org)


_NAME_TOKEN = r"[A-Z][a-z'’]+(?:-[a-z]+)?"
_NAME_RUN = rf"{_NAME_TOKEN}(?:\s+(?:{_NAME_TOKEN}|[A-Z]\.|[A-Z](?=[,\s])))" + "{0,3}"


@cache
def _rule_patterns() -> tuple[re.Pattern[str], ...]:
    t = _titles()
    heads = sorted(
        [h for h in t["heads"] if h[:1].isupper()] + [a for a, v in ABBREVIATIONS.items() if v],
        key=len,
        reverse=True,
    )
    head_rx = "|".join(re.escape(h) for h in heads)
    lower = "|".join(re.escape(x) for x in sorted(t["lower"], key=len, reverse=True))
    office = r"(?:\s+(?:of|for)\s+(?:the\s+)?[A-Z][\w-]+(?:,?\s+(?:[A-Z][\w-]+|and|&)){0,4}?)?"
    after_title = re.compile(rf"\b(?:{head_rx}){office}\s+({_NAME_RUN})")
    appositive = re.compile(
        rf"(?:^|,\s+|\band\s+|\bsaid\s+|\bby\s+|\bincluding\s+|\bwith\s+)({_NAME_RUN}),\s+"
        rf"(?:a\s+|an\s+|the\s+)?(?:[A-Z][a-z]+(?:an|ese|ish|i|ch)\s+)?(?:(?:{head_rx})\b|(?:{lower})\b)"
    )
    from_org = re.compile(rf"(?:^|,\s+|\band\s+)({_NAME_RUN})\s+from\s+(?:the\s+)?[A-Z]")
    title_first = re.compile(
        rf"\bthe\s+(?:[A-Z][\w-]*\s+)*?(?:{head_rx})(?:\s+(?:of|for|at)\s+[^,;]{{1,120}}?)?,\s+({_NAME_RUN})"
        r"(?=\s+(?:at|in|on|said|says|and|who|was|is|to|,)|[.,;]|$)"
    )
    return after_title, appositive, from_org, title_first


@cache
def _title_comma() -> re.Pattern[str]:
    """'the Mayor of the City of Ballarat, Sarah Whitfield': a title and its office just before the name."""
    t = _titles()
    heads = sorted((h for h in t["heads"] if h[:1].isupper()), key=len, reverse=True)
    head_rx = "|".join(re.escape(h) for h in heads)
    lower = "|".join(re.escape(x) for x in sorted(t["lower"], key=len, reverse=True))
    return re.compile(
        rf"\b(?:the|its|their|The|Its|Their)\s+((?:[A-Z][\w-]*\s+)*?(?:{head_rx}|{lower})"
        rf"(?:\s+(?:of|for|at)\s+(?:the\s+)?[A-Z][\w'’.-]*(?:\s+(?:of|the|and|for|[A-Z][\w'’.-]*))*)?),\s*$"
    )


@cache
def _org_heads() -> frozenset[str]:
    return frozenset(load_json("orgs.json")["heads"]) | {
        "Animation",
        "Industry",
        "Youth",
        "Culture",
        "Affairs",
    }


def _person_spans(s: Sentence, g: Gazetteer, orgs: OrgTable) -> list[Entity]:
    """PERSON entities from the model, plus names the shapes of news prose give away."""
    t = _titles()
    ents: list[Entity] = []
    for e in s.entities:
        if e.label != "PERSON" or not any(
            w not in t["head_words"] and w not in ABBREVIATIONS for w in e.text.split()
        ):
            continue
        words = e.text.split()
        if words and words[-1] in _org_heads():
            continue  # 'Gyeonggi Network': an organisation the model took for a name
        next_tok = [tk.text for tk in s.tokens if tk.start >= e.end][:1]
        if len(words) == 1 and next_tok and (next_tok[0] in t["core_words"] or next_tok[0] in _org_heads()):
            continue  # 'Secondary Coordinator': a word of a title the model took for a name
        prev_tok = [tk.text for tk in s.tokens if tk.end <= e.start][-1:]
        if (
            len(words) == 1
            and prev_tok
            and prev_tok[0][:1].isupper()
            and prev_tok[0] not in t["heads"]
            and prev_tok[0] not in ABBREVIATIONS
            and prev_tok[0] not in HONORIFICS
        ):
            continue  # 'Assistant Primary ...': one capitalised word inside a longer name or title
        before = s.text[max(0, e.start - s.start - 12) : e.start - s.start]
        if re.search(r"(?:/|\bPhotos?(?: by)?:?\s*|\bCredit:\s*|©\s*)$", before):
            continue  # a photo credit ("(JP/Ko Lyn Cheang)"), not a participant
        tail = re.match(r"-[a-z]{1,8}\b", s.text[e.end - s.start :])
        if tail:
            e = Entity(e.start, e.end + tail.end(), e.label, e.text + tail.group())
        nxt = re.match(r" ([A-Z][a-z]+)(?=$|[.,;:]|\s+[a-z])", s.text[e.end - s.start :])
        if nxt and nxt.group(1) not in t["head_words"] and not gazetteer().lookup(nxt.group(1))[0]:
            # the model stopped one word short at the end of a phrase ('Le Hoai' | 'Trung')
            e = Entity(e.start, e.end + nxt.end(), e.label, e.text + nxt.group())
        if ents and s.text[ents[-1].end - s.start : e.start - s.start] == " ":
            # the model split one name in two ('Le Hoai' 'Trung')
            prev = ents.pop()
            e = Entity(prev.start, e.end, e.label, s.text[prev.start - s.start : e.end - s.start])
        ents.append(e)
    for rx in _rule_patterns():
        for m in rx.finditer(s.text):
            a, b = s.start + m.start(1), s.start + m.end(1)
            name = m.group(1)
            words = name.split()
            while words and (words[-1] in t["head_words"] or g.country_of_name(words[-1])):
                words.pop()
            while words and (words[0] in t["head_words"] or words[0] in ("The", "And", "But", "In", "On")):
                words.pop(0)
            if not words:
                continue
            name = " ".join(words)
            a = s.start + s.text.find(name, m.start(1))
            b = a + len(name)
            if any(e.start < b and a < e.end for e in ents):
                continue
            if orgs.resolve(name) or looks_like_org(name) or g.lookup(name)[0] or g.demonym(words[0]):
                continue
            if any(w in _org_heads() for w in words) or (
                rx is _rule_patterns()[0] and "of" in m.group() and len(words) < 2
            ):
                continue
            ents.append(Entity(a, b, "PERSON", name))
    return sorted(ents, key=lambda e: e.start)


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
            p = replace(p, country=_country_by_name(p.name, doc_countries))
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


@cache
def _surnames() -> dict[str, frozenset[str]]:
    d = load_json("names.json")
    return {k: frozenset(v) for k, v in d.items() if not k.startswith("_")}


def name_shape(name: str) -> str | None:
    """The country a name's shape suggests (East and Southeast Asian naming), or None."""
    parts = name.split()
    if len(parts) < 2:
        return None
    sur = _surnames()
    first = parts[0]
    hyphen = "-" in name
    if first in sur["KR"] and (hyphen or len(parts) == 3) and first not in ("Li",):
        return "KR"
    if first in sur["CN"] and len(parts) == 2 and not hyphen:
        return "CN"
    if first in sur["KR"] and len(parts) == 2:
        return "KR"
    if first in sur["VN"] and len(parts) >= 3:
        return "VN"
    if parts[-1] in sur["JP"] or (len(parts) == 2 and first in sur["JP"]):
        return "JP"  # given name first, or the family name first as Japanese order has it
    return None


# Countries whose names the surname lists cover: a name of another shape is from the other party.
_EAST_ASIAN = {"CN", "KR", "VN", "JP", "KP", "TW"}


def _country_by_name(name: str, doc_countries: tuple[str, ...]) -> str | None:
    shape = name_shape(name)
    states = [c for c in doc_countries if len(c) == 2]
    if shape and shape in states:
        return shape
    if not shape:
        western = [c for c in states[:2] if c not in _EAST_ASIAN]
        if len(western) == 1:
            return western[0]
    return None


def org_of(p: PersonInfo, orgs: OrgTable) -> OrgInfo | None:
    return orgs.resolve(p.organization) if p.organization else None
