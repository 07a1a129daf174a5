"""The place of an event: the most specific place the sentence names for it."""

from __future__ import annotations

import re

from amity.annotate.document import Sentence
from amity.annotate.gazetteer import Gazetteer, gazetteer
from amity.records import Place

_CAP = r"[A-Z][\w'’.-]*(?:\s+(?:of the|of|the|de|al)?\s*[A-Z][\w'’.-]*){0,6}"
_PLACE_PREP = re.compile(
    r"\b(?:in|at|to|into|inside|toward|towards|visit(?:ed|ing|s)?|reach(?:ed)?|arriv(?:ed|ing) in)\s+"
    rf"(?:the\s+)?(?:[A-Z][a-z]+(?:an|ese|ish|i) |[A-Z][a-z]+’s |[A-Z][a-z]+'s )?"
    r"(?:(?:capital|city|town|port|port city|province|region|county|island|state)"
    r"(?:\s+city)?,?\s+(?:of\s+)?)?"
    rf"({_CAP})"
)
# 'his Beijing trip', 'the Kazan summit': a place named before the event noun
_PLACE_BEFORE = re.compile(
    r"\b(?:his|her|their|its|a|the|this|last|next)\s+([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s+"
    r"(?:trip|visit|tour|summit|talks|meeting|forum|conference|stopover|leg)\b"
)
_DATELINE = re.compile(r"^\s*([A-Z][A-Za-z .'-]{2,30}?)\s*(?:,\s*[A-Za-z .]+)?\s*(?:[-–—]|\(\w+\)\s*[-–—])\s")
_FACILITY = re.compile(
    r"(?:Hall|House|Building|Center|Centre|Palace|Secretariat|Hotel|Museum|Stadium|Headquarters|"
    r"Guesthouse|Campus|Square|Park|Office)$"
)


_OF_PLACE = re.compile(
    rf"\b(?:Governor|Mayor|Vice Governor|Vice Mayor|Government|governments?)\s+of\s+(?:the\s+)?({_CAP})"
)


def _candidates(s: Sentence) -> list[tuple[int, int, str]]:
    out = []
    for m in _PLACE_PREP.finditer(s.text):
        out.append((s.start + m.start(1), s.start + m.end(1), m.group(1)))
    for m in _PLACE_BEFORE.finditer(s.text):
        out.append((s.start + m.start(1), s.start + m.end(1), m.group(1)))
    for m in _OF_PLACE.finditer(s.text):
        # "Vice Governor of Gyeonggi-do" names a place; "Governor of the Kyoto Chamber of Commerce" does not
        if gazetteer().lookup(_trim(m.group(1)).split(",")[0])[0] is not None:
            out.append((s.start + m.start(1), s.start + m.end(1), m.group(1)))
    return out


def _trim(name: str) -> str:
    name = re.sub(r"['’]s$", "", name.strip(" ,.;:"))
    return re.sub(r"^(?:the|The)\s+", "", name)


def place_in(
    s: Sentence, g: Gazetteer, near: int | None = None, span: tuple[int, int] | None = None
) -> tuple[Place | None, list[str]]:
    """The most specific known place in a sentence (closest to `near` when given), with warnings.
    With `span`, only places inside it (the trigger's clause) count."""
    best: tuple[int, int, Place] | None = None
    warnings: list[str] = []
    rank = {"landmark": 3, "city": 3, "facility": 4, "division": 2, "country": 1, "bloc": 0}
    for start, _end, raw in _candidates(s):
        if span is not None and not (span[0] <= start < span[1]):
            continue
        name = _trim(raw)
        # "Dezhou City, Shandong Province": the first part is the place
        name = name.split(",")[0].strip()
        words = name.split()
        info = None
        warn = None
        if _FACILITY.search(name) and len(words) >= 2 and not g.lookup(name)[0]:
            # "the Beijing People's Government Building": the building, placed by the place in its name
            inner = next((g.lookup(w)[0] for w in words if g.lookup(w)[0]), None)
            if inner is not None and len(inner.country) == 2:
                r = rank["facility"]
                dist = abs(start - near) if near is not None else 0
                score = r * 1000 - min(dist, 999)
                if best is None or score > best[0]:
                    best = (score, start, Place(name, inner.country))
                continue
        for n in range(len(words), 0, -1):
            chunk = " ".join(words[:n])
            info, warn = g.lookup(chunk)
            if info:
                name = chunk
                break
        kind = info.kind if info else None
        if info is None and _FACILITY.search(name) and len(words) >= 2:
            # a named building or hall: its country from a place inside its name or the sentence
            inner = next((g.lookup(w)[0] for w in words if g.lookup(w)[0]), None)
            if inner is None:
                continue
            info, kind = inner, "facility"
        if info is None or len(info.country) != 2:
            continue
        if warn:
            warnings.append(warn)
        r = rank.get(kind or "", 0)
        dist = abs(start - near) if near is not None else 0
        score = r * 1000 - min(dist, 999)
        if best is None or score > best[0]:
            best = (score, start, Place(name, info.country, warn))
    return (best[2] if best else None), warnings


def dateline_place(text: str, g: Gazetteer) -> Place | None:
    """'BEIJING - ...' or 'Jakarta. ...' at the start of a paragraph."""
    for line in text.splitlines()[:40]:
        m = (
            _DATELINE.match(line)
            or re.match(
                r"^\s*([A-Z][A-Za-z .'-]{2,30}?),\s+[^-–—]{0,40}?[-–—]", line
            )  # "HANOI, Nov. 2 (VNA) -"
            or re.match(r"^\s*([A-Z][a-z]+)\.\s+[A-Z]", line)
        )
        if m:
            info, _ = g.lookup(m.group(1).strip().title() if m.group(1).isupper() else m.group(1).strip())
            if info and len(info.country) == 2 and info.kind != "country":
                return Place(
                    info.name if info.kind != "landmark" else m.group(1).strip().title(), info.country
                )
    return None
