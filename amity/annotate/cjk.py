"""The common shape of a Chinese or Korean document as annotated: sentences with offsets into the
document text, tokens with their part-of-speech tags, and the names the tagger found.

`annotate(text, language)` picks the language's annotator (amity.annotate.zh: jieba; amity.annotate.ko:
kiwipiepy); both return a `CjkAnnotated`. Offsets are Unicode code points into the text given.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Protocol

from amity.data_files import load_json

NAME_KINDS = ("person", "place", "org", "other")


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int
    tag: str  # the tagger's own tag set: jieba (nr, ns, nt, nz, v, n...) or Sejong (NNP, NNG, JKS...)


@dataclass(frozen=True)
class Name:
    """A proper name the tagger found, particles stripped: `kind` is person, place, org or other."""

    text: str
    start: int
    end: int
    kind: str


@dataclass(frozen=True)
class CjkSentence:
    index: int
    start: int
    end: int
    text: str
    paragraph: int
    tokens: tuple[Token, ...] = ()
    names: tuple[Name, ...] = ()


@dataclass(frozen=True)
class CjkAnnotated:
    language: str
    text: str
    sentences: tuple[CjkSentence, ...]


class Annotator(Protocol):
    def __call__(self, text: str) -> CjkAnnotated: ...


# sentence ends: 。！？ (and their ASCII forms after CJK), newlines; Korean also '. '
_ENDS = {
    "zh": re.compile(r"[。！？!?]+[”’」』）)]*|\n+"),
    "ko": re.compile(r"[。！？!?]+[”’」』）)]*|(?<=[^\d\s])\.(?=\s)|\n+"),
}


def split_sentences(text: str, language: str) -> list[tuple[int, int, int]]:
    """(start, end, paragraph) of each sentence: whitespace trimmed, empty ones dropped."""
    rx = _ENDS.get(language, _ENDS["zh"])
    out: list[tuple[int, int, int]] = []
    pos = 0
    para = 0
    for m in rx.finditer(text):
        end = m.end() if "\n" not in m.group() else m.start()
        _add(text, pos, end, para, out)
        if "\n" in m.group():
            para += 1
        pos = m.end()
    _add(text, pos, len(text), para, out)
    return out


def _add(text: str, start: int, end: int, para: int, out: list[tuple[int, int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append((start, end, para))


def annotate(text: str, language: str) -> CjkAnnotated:
    """The document annotated by its language's annotator ('zh' or 'ko')."""
    if language == "ko":
        from amity.annotate.ko import annotate_ko

        return annotate_ko(text)
    from amity.annotate.zh import annotate_zh

    return annotate_zh(text)


@dataclass(frozen=True)
class Places:
    """Chinese and Korean names of countries, blocs and places (amity/data/cjk_places.json)."""

    countries: dict[str, str]  # name -> ISO code
    blocs: dict[str, str]  # name -> bloc code
    places: dict[str, str]  # city/division name -> ISO code
    short: dict[str, str]  # one-character forms, read in compounds only
    pattern: re.Pattern[str]  # every name, longest first

    def code(self, name: str) -> str | None:
        return self.countries.get(name) or self.blocs.get(name) or self.places.get(name)

    def kind(self, name: str) -> str | None:
        if name in self.countries:
            return "country"
        if name in self.blocs:
            return "bloc"
        if name in self.places:
            return "place"
        return None


@cache
def _cldr_countries() -> dict[str, str]:
    """ISO code by CLDR territory name in zh, zh_Hant and ko (each code once per locale)."""
    from babel import Locale

    out: dict[str, str] = {}
    for loc in ("zh", "zh_Hant", "ko"):
        for code, name in Locale.parse(loc).territories.items():
            if len(code) == 2 and code.isalpha() and code not in ("ZZ", "EU", "UN", "EZ", "QO"):
                out.setdefault(f"{loc}:{code}", name)
    return {name: key.split(":")[1] for key, name in out.items()}


@cache
def places() -> Places:
    data = load_json("cjk_places.json")
    # every country's name in Chinese (both scripts) and Korean from CLDR (Babel); the data file adds
    # short and common forms (印尼, 韩方) and wins where both name a country
    countries = dict(_cldr_countries())
    countries.update({n: code for code, names in data["countries"].items() for n in names})
    blocs = {n: code for code, names in data["blocs"].items() for n in names}
    cities = {n: code for code, names in data["places"].items() for n in names}
    names = sorted({*countries, *blocs, *cities}, key=len, reverse=True)
    rx = re.compile("|".join(re.escape(n) for n in names))
    return Places(countries, blocs, cities, dict(data["short"]), rx)


def place_names(text: str) -> list[tuple[str, int, int, str]]:
    """(name, start, end, code) of every country, bloc or place name in the text, longest match first."""
    p = places()
    return [(m.group(), m.start(), m.end(), p.code(m.group()) or "") for m in p.pattern.finditer(text)]
