"""Name normalisation shared by the resolvers: pure string functions, no state."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from amity.annotate.romanize import romanized_key

HONORIFICS = frozenset(
    {
        "mr",
        "mrs",
        "ms",
        "miss",
        "dr",
        "prof",
        "professor",
        "sir",
        "dame",
        "madam",
        "madame",
        "he",
        "hon",
        "honorable",
        "honourable",
        "excellency",
        "his",
        "her",
    }
)
ORG_STOPWORDS = frozenset({"of", "the", "and", "for", "in", "on", "at", "to", "de", "du", "des", "la", "le"})
PLACE_SUFFIXES = (
    "special autonomous city",
    "special self governing city",
    "metropolitan city",
    "special city",
    "autonomous region",
    "autonomous prefecture",
    "metropolitan government",
    "metropolis",
    "prefecture",
    "municipality",
    "province",
    "county",
    "district",
    "city",
    "region",
    "state",
    "town",
    "shi",
    "si",
    "do",
)
_PUNCT = re.compile(r"[^\w\s]")
_SPACE = re.compile(r"\s+")
_CJK = re.compile(r"[\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]")


@lru_cache(maxsize=1 << 16)
def fold(s: str) -> str:
    """Lower case without accents, with typographic quotes and dashes made plain."""
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.replace("\u2019", "'").replace("\u2018", "'").replace("\u2010", "-").replace("\u2013", "-")
    return s.casefold()


@lru_cache(maxsize=1 << 16)
def person_tokens(name: str) -> tuple[str, ...]:
    """Name tokens: hyphen/apostrophe-joined parts become one token; honorifics dropped."""
    if _CJK.search(name):
        # 王毅 and 'Wang Yi' are one person: Chinese and Korean names are compared by their romanized key
        name = romanized_key(name, "")
    s = fold(name).replace("-", "").replace("'", "").replace(".", " ")
    s = _PUNCT.sub(" ", s)
    tokens = [t for t in s.split() if t]
    while len(tokens) > 1 and tokens[0] in HONORIFICS:
        tokens.pop(0)
    return tuple(tokens)


def person_key(name: str) -> str:
    """'Chung Byung-won', 'Chung Byungwon' and 'chung byung won' all give 'chungbyungwon'."""
    return "".join(person_tokens(name))


def person_sorted_key(name: str) -> str:
    """Order-free key: 'Byung-won Chung' and 'Chung Byung-won' agree."""
    return "".join(sorted(person_tokens(name)))


def person_blocks(name: str) -> tuple[str, str]:
    """First and last token: the candidates for the surname, used to fetch match candidates."""
    t = person_tokens(name)
    if not t:
        return ("", "")
    return (t[0], t[-1])


@lru_cache(maxsize=1 << 16)
def org_key(name: str) -> str:
    s = fold(name).replace("&", " and ")
    s = _PUNCT.sub(" ", s)
    tokens = s.split()
    if tokens and tokens[0] == "the":
        tokens = tokens[1:]
    return " ".join(tokens)


@lru_cache(maxsize=1 << 16)
def initials(name: str) -> str:
    """Upper-case initials of the significant words: 'China International Youth Exchange Center' -> CIYEC."""
    words = _PUNCT.sub(" ", fold(name).replace("-", " ")).split()
    return "".join(w[0] for w in words if w not in ORG_STOPWORDS).upper()


def looks_like_acronym(name: str) -> bool:
    return bool(re.fullmatch(r"[A-Z][A-Z0-9&\-]{1,11}", name.strip()))


def acronym_key(acronym: str) -> str:
    return re.sub(r"[^A-Z0-9]", "", fold(acronym).upper())


@lru_cache(maxsize=1 << 16)
def place_key(name: str) -> str:
    """'Dezhou City', 'Dezhou' and 'dezhou-shi' all give 'dezhou'."""
    s = _SPACE.sub(" ", _PUNCT.sub(" ", fold(name).replace("-", " "))).strip()
    if s.startswith("the "):
        s = s[4:]
    changed = True
    while changed:
        changed = False
        for suffix in PLACE_SUFFIXES:
            if s.endswith(" " + suffix) and len(s) > len(suffix) + 1:
                s = s[: -len(suffix) - 1].strip()
                changed = True
        for prefix in ("city of ", "province of ", "county of "):
            if s.startswith(prefix):
                s = s[len(prefix) :]
                changed = True
    return s.replace(" ", "")


ORDINAL_WORDS = {
    "first": "1",
    "second": "2",
    "third": "3",
    "fourth": "4",
    "fifth": "5",
    "sixth": "6",
    "seventh": "7",
    "eighth": "8",
    "ninth": "9",
    "tenth": "10",
}
_ORDINAL = re.compile(r"\b(\d+)(?:st|nd|rd|th)\b")


def event_name_key(name: str, ordinals: bool = False) -> str:
    """Folded, punctuation-free name; with `ordinals`, 'Fifth' and '5th' both become '5'."""
    key = _SPACE.sub(" ", _PUNCT.sub(" ", fold(name))).strip()
    if ordinals:
        key = _ORDINAL.sub(lambda m: str(int(m.group(1))), key)
        key = " ".join(ORDINAL_WORDS.get(w, w) for w in key.split())
    return key


def name_numbers(name: str) -> frozenset[str]:
    """Years and ordinals in an event name: '2024 ... Forum', '5th round' -> {'2024', '5'}."""
    found = re.findall(r"\b(\d+)(?:st|nd|rd|th)?\b", fold(name))
    found += [v for k, v in ORDINAL_WORDS.items() if re.search(rf"\b{k}\b", fold(name))]
    return frozenset(str(int(n)) for n in found)
