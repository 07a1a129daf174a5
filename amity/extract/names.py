"""Names of people: the model's PERSON entities, checked and completed, plus names the shapes of
news prose give away; and the country a name's shape suggests when nothing else tells."""

from __future__ import annotations

import re
from functools import cache

from amity.annotate.dates import WEEKDAYS
from amity.annotate.document import Entity, Sentence
from amity.annotate.gazetteer import Gazetteer, gazetteer
from amity.data_files import load_json
from amity.extract.orgs import OrgTable, is_media, looks_like_org
from amity.extract.titles import ABBREVIATIONS, titles_lexicon
from amity.ingest.meta import MONTHS

_NAME_NOISE = re.compile(r"^(?:Mr|Ms|Mrs|Dr|Prof|Sir|Madam|H\.E\.)\.?\s+")


@cache
def name_shapes() -> dict[str, frozenset[str]]:
    d = load_json("name_shapes.json")
    return {k: frozenset(v) for k, v in d.items() if not k.startswith("_")}


def clean_name(name: str) -> str:
    name = _NAME_NOISE.sub("", name.strip())
    name = re.split(r"['’]s?\b", name)[0].strip(" ,.")
    t = titles_lexicon()
    shapes = name_shapes()
    words = name.split()
    # 'Will Prabowo ...' (a question), 'X Meets Y' (a headline): the name is the part before the verb
    while len(words) > 1 and words[0] in shapes["lead_words"]:
        words.pop(0)
    verb = next((i for i, w in enumerate(words) if i > 0 and w in shapes["headline_verbs"]), None)
    if verb is not None:
        words = words[:verb]
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


# Days and months are not names ("May" is left out: it is also a family name)
_CALENDAR_WORDS = (
    {w.title() for w in WEEKDAYS}
    | {w.title() for w in MONTHS if len(w) > 4 or w == "june" or w == "july"}
    | {"Today", "Tomorrow", "Yesterday"}
) - {"May"}


def name_ok(name: str, g: Gazetteer, orgs: OrgTable) -> bool:
    if not name or not name[0].isupper() or len(name) < 2:
        return False
    if any(c.isdigit() for c in name) or name.isupper() and len(name) > 3:
        return False
    words = name.split()
    if words[0] in _CALENDAR_WORDS:
        return False
    shapes = name_shapes()
    if any(w in shapes["credit_words"] or w in shapes["headline_verbs"] for w in words):
        return False  # 'Photo Courtesy', a headline fragment
    if len(words) > 1 and g.demonym(words[0]):
        return False  # 'Tibetan Buddhism': a nationality and a noun
    if any(re.fullmatch(r"(?:[A-Z]{2,}|[A-Z][a-z][A-Z])s", w) for w in words):
        return False  # 'Key MoUs': an acronym's plural
    if len(words) == 2 and re.fullmatch(r"[A-Z]", words[-1]) and len(words[-2]) <= 3:
        return False  # "Gen Z"
    if any(w in ("And", "Of", "The", "For", "On", "In") for w in words):
        return False  # a topic in title case ("Student Exchanges And Media Cooperation")
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
    return name.split()[-1] not in titles_lexicon()["head_words"]


_NAME_TOKEN = r"[A-Z][a-z'’]+(?:-[A-Z]?[a-z]+)?"


_NAME_RUN = rf"{_NAME_TOKEN}(?:\s+(?:{_NAME_TOKEN}|[A-Z]\.|[A-Z](?=[,\s])))" + "{0,3}"


@cache
def rule_patterns() -> tuple[re.Pattern[str], ...]:
    t = titles_lexicon()
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
        rf"\b(?:the|The|[A-Z][a-z]+['’]s)\s+(?:[A-Z][\w-]*\s+)*?(?:{head_rx}|{lower})"
        rf"(?:\s+(?:of|for|at|to)\s+[^,;]{{1,120}}?)?,\s+"
        rf"({_NAME_RUN})"
        r"(?=\s+(?:at|in|on|said|says|and|who|was|is|to|,)|[.,;]|$)"
    )
    # "Pham Van Minh welcomed ...", "Agus Saputra and Nakamura Hiroshi put their signatures ...": the
    # subject of an exchange verb at the start of a sentence or after a dateline
    acts = (
        r"welcomed|received|met|hosted|signed|visited|led|held|said|told|attended|put|inked|thanked|"
        r"called|hailed|praised|discussed|agreed|exchanged|paid"
    )
    subject = re.compile(rf"(?:^|[-–—]\s+|,\s+)({_NAME_RUN})(?=\s+(?:and\s+{_NAME_RUN}\s+)?(?:{acts})\b)")
    partner = re.compile(rf"(?:^|[-–—]\s+|,\s+)(?:{_NAME_RUN})\s+and\s+({_NAME_RUN})(?=\s+(?:{acts})\b)")
    return after_title, appositive, from_org, title_first, subject, partner


@cache
def org_heads() -> frozenset[str]:
    return frozenset(load_json("orgs.json")["heads"]) | {
        "Animation",
        "Industry",
        "Youth",
        "Culture",
        "Affairs",
    }


def person_spans(s: Sentence, g: Gazetteer, orgs: OrgTable) -> list[Entity]:
    """PERSON entities from the model, plus names the shapes of news prose give away."""
    t = titles_lexicon()
    ents: list[Entity] = []
    for e in s.entities:
        if e.label != "PERSON" or not any(
            w not in t["head_words"] and w not in ABBREVIATIONS for w in e.text.split()
        ):
            continue
        words = e.text.split()
        if words and words[-1] in org_heads():
            continue  # 'Gyeonggi Network': an organisation the model took for a name
        if len(words) > 1 and words[-1] in t["heads"]:
            continue  # 'Busan Mayor': the title before a name, which the model took for one
        next_tok = [tk.text for tk in s.tokens if tk.start >= e.end][:1]
        if len(words) == 1 and next_tok and (next_tok[0] in t["core_words"] or next_tok[0] in org_heads()):
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
        head = re.search(
            r"(?:^|[\s(])([A-Z][a-z]{1,7}) $", s.text[max(0, e.start - s.start - 10) : e.start - s.start]
        )
        if (
            head
            and any(head.group(1) in names for names in _surnames().values())
            and len(e.text.split()) == 2
        ):
            # the model left out the family name ('with Vu | Thanh Huong')
            e = Entity(e.start - len(head.group(1)) - 1, e.end, e.label, f"{head.group(1)} {e.text}")
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
    for rx in rule_patterns():
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
            if any(w in org_heads() for w in words) or (
                rx is rule_patterns()[0] and "of" in m.group() and len(words) < 2
            ):
                continue
            if rx in rule_patterns()[4:] and (len(words) < 2 or not name_ok(name, g, orgs)):
                continue  # a sentence's subject is a name only when it looks like one
            ents.append(Entity(a, b, "PERSON", name))
    return sorted(ents, key=lambda e: e.start)


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
    if first in sur["KR"] and (hyphen or len(parts) == 3):
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


def country_by_name(name: str, doc_countries: tuple[str, ...]) -> str | None:
    shape = name_shape(name)
    states = [c for c in doc_countries if len(c) == 2]
    if shape and shape in states:
        return shape
    if not shape:
        western = [c for c in states[:2] if c not in _EAST_ASIAN]
        if len(western) == 1:
            return western[0]
    return None
