"""Event detection: triggers per sentence, then arguments, then one event per real event in the document."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache

from amity.annotate.dates import NUMBER_WORDS, DateMention, duration_days
from amity.annotate.document import Annotated, Sentence
from amity.annotate.gazetteer import gazetteer
from amity.data_files import load_json
from amity.ingest.clean import masked_text
from amity.prefilter import AnchorSet, fold, folded_pattern, required
from amity.records import Document, Place

_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_UNITS = "one|two|three|four|five|six|seven|eight|nine"
_NUM = rf"(\d[\d,]*|(?:{_TENS})-(?:{_UNITS})|" + "|".join(NUMBER_WORDS) + r")"
_SIZE = [
    re.compile(rf"\b{_NUM}[- ]member\b", re.I),
    re.compile(
        rf"\b(?:more than|over|nearly|about|around|some|a total of|at least|up to)?\s*{_NUM}\s+"
        r"(?:\w+\s+){0,3}?(?:guests|participants|delegates|people|members|artists|journalists|competitors|"
        r"students|officials|representatives|attendees|experts|scholars|leaders|athletes|youths|visitors|"
        r"diplomats|performers|reporters|contestants)\b",
        re.I,
    ),
]
_NAME_HEADS = (
    r"Partnership|"
    r"Forum|Symposium|Seminar|Conference|Workshop|Dialogue|Summit|Roundtable|Festival|Competition|Contest|"
    r"Exhibition|Program|Programme|Initiative|Camp|Tour|Year of [A-Z][\w-]+(?: [A-Z][\w-]+)*|Cultural Year|"
    r"Committee|Activity|Session|Scholarship|Corridor|Group|Coalition|Expo|Games|Cup|Week|Fair|Report|Survey|"
    r"Agreement|Declaration|Statement|Framework|Exercise|Meeting"
)
_NAME = re.compile(
    r"(?:(?:the|The)\s+)?((?:\d{4}\s+|\d+(?:st|nd|rd|th)\s+|(?:First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|"
    r"Ninth|Tenth)\s+)?(?:[\"“]?[A-Z0-9][\w&'’.-]*[\"”]?\s+(?:(?:of|for|on|and|in|to|the|with|&)\s+){0,2}){0,9}"
    rf"(?:{_NAME_HEADS})\b(?:\s+(?:of|on|for|to)\s+(?:the\s+)?(?:[A-Z0-9][\w&'’-]*\s?){{1,6}})?)"
)
_QUOTED = re.compile(r"[“\"‘']([A-Z][^”\"’']{6,140})[”\"’']")


@dataclass(frozen=True, eq=False)  # hashed by identity: sets of live patterns are built per sentence
class Trigger:
    """One trigger pattern of data/triggers.json. `folded` runs on `fold`ed text; `exact` (the pattern as
    written, case-insensitive) is kept for a pattern with a case-sensitive part, which `folded` only
    approximates from above. `anchors`: strings one of which every match contains (`prefilter`), so the
    pattern runs only on text that holds one."""

    folded: re.Pattern[str]
    exact: re.Pattern[str] | None
    noun: str
    anchors: frozenset[str] | None

    @classmethod
    def compile(cls, pattern: str, noun: str) -> Trigger:
        folded = folded_pattern(pattern)
        need = required(folded)
        return cls(
            re.compile(folded),
            re.compile(pattern, re.I) if "(?-i:" in pattern else None,
            noun,
            need,
        )

    def finditer(self, text: str, low: str) -> Iterator[re.Match[str]]:
        """Matches in `text` (whose `fold` is `low`); offsets are the same in both."""
        return self.exact.finditer(text) if self.exact is not None else self.folded.finditer(low)

    def search(self, text: str, low: str) -> bool:
        return bool(self.exact.search(text) if self.exact is not None else self.folded.search(low))


@dataclass(frozen=True)
class Lexicon:
    """The trigger lexicon of data/triggers.json, compiled."""

    types: dict[str, list[Trigger]]
    block: list[Trigger]
    planned: re.Pattern[str]
    historical: re.Pattern[str]
    headline_planned: re.Pattern[str]
    anchors: AnchorSet  # every trigger's and block pattern's anchors
    by_anchor: dict[str, tuple[Trigger, ...]]  # the patterns each anchor lets run
    unanchored: tuple[Trigger, ...]  # patterns with no anchor: they always run

    def live(self, low: str) -> frozenset[Trigger]:
        """The patterns that could match a folded text: those with one of their anchors in it."""
        found = self.anchors.found(low)
        return frozenset(self.unanchored).union(*(self.by_anchor[a] for a in found))

    def any_trigger(self, text: str, low: str | None = None, live: frozenset[Trigger] | None = None) -> bool:
        """Does the text hold a trigger of any type? (Most paragraphs hold none.) `low` and `live`: its
        `fold` and live patterns, when already known."""
        low = fold(text) if low is None else low
        live = self.live(low) if live is None else live
        return any(t in live and t.search(text, low) for ts in self.types.values() for t in ts)

    def blocked(self, text: str, low: str, live: frozenset[Trigger]) -> bool:
        """Does a block pattern match (a sentence no trigger in it counts)?"""
        return any(b in live and b.search(text, low) for b in self.block)


@cache
def _lexicon() -> Lexicon:
    d = load_json("triggers.json")
    types = {t: [Trigger.compile(x["re"], x["noun"]) for x in pats] for t, pats in d["types"].items()}
    block = [Trigger.compile(b, "") for b in d["block"]]
    every = [t for ts in types.values() for t in ts] + block
    by_anchor: dict[str, list[Trigger]] = {}
    for t in every:
        for a in t.anchors or ():
            by_anchor.setdefault(a, []).append(t)
    return Lexicon(
        types=types,
        block=block,
        planned=re.compile(d["planned_cues"], re.I),
        historical=re.compile(d["historical_cues"], re.I),
        headline_planned=re.compile(d["headline_planned_cues"], re.I),
        anchors=AnchorSet.of(set(by_anchor)),
        by_anchor={a: tuple(ts) for a, ts in by_anchor.items()},
        unanchored=tuple(t for t in every if t.anchors is None),
    )


@dataclass
class Candidate:
    type: str
    sentence: Sentence
    trigger_start: int
    trigger_end: int
    trigger: str
    noun: str
    status: str = "occurred"
    date: DateMention | None = None
    place: Place | None = None
    name: str | None = None
    program: str | None = None
    size: int | None = None
    sentences: list[Sentence] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # 'planned' when the parse puts the trigger under 'will', 'plans to', ...; 'expected' when it is where
    # something will be done ('will host him at the summit'), which a date already past overrules
    modal: str | None = None
    place_words: tuple[str, ...] = ()  # names the parse attaches to the trigger as its place
    two_people: bool = False  # the parse gives the meeting a named person on each side
    elsewhere: tuple[str, ...] = ()  # places the parse attaches to something other than the event


def screen(doc: Document) -> bool:
    """The cheap pass before any NLP: does the document's readable text hold a trigger word at all?
    (A superset of what `triggers` finds sentence by sentence, so screening loses no event.)"""
    return _lexicon().any_trigger(masked_text(doc.text, doc.mask))


def trigger_word(text: str) -> bool:
    return _lexicon().any_trigger(text)


def triggers(ann: Annotated) -> list[Candidate]:
    lex = _lexicon()
    types = lex.types
    out: list[Candidate] = []
    for s in ann.sentences:
        low = fold(s.text)
        live = lex.live(low)
        if lex.blocked(s.text, low, live) or not lex.any_trigger(s.text, low, live):
            continue
        found: list[Candidate] = []
        for etype, pats in types.items():
            spans: list[tuple[int, int]] = []
            for rx in pats:
                if rx not in live:
                    continue
                for m in rx.finditer(s.text, low):
                    a, b = s.start + m.start(), s.start + m.end()
                    word = s.text[m.start() : m.end()]
                    if any(a < y and x < b for x, y in spans) or _generic_plural(s, a, b):
                        continue
                    if (
                        etype == "visit"
                        and re.match(r"\s*[A-Z]", word)
                        and re.match(r"\s+[A-Z]\w+", s.text[m.end() :])
                    ):
                        continue  # 'Joint Visit Activity': a word of another event's name
                    spans.append((a, b))
                    found.append(Candidate(etype, s, a, b, word, rx.noun, sentences=[s]))
        # "plans to hold a ministerial meeting": the plan is the meeting, not a programme of its own
        if any(c.noun != "plan" for c in found):
            found = [c for c in found if c.noun != "plan"]
        out.extend(sorted(found, key=lambda c: c.trigger_start))
    return out


_DETERMINERS = {"the", "two", "three", "four", "five", "both", "these", "those", "their", "its", "his", "her"}
_SUBJECTS = {"he", "she", "it", "who", "which", "that", "minister", "president", "delegation", "mayor"}


def _generic_plural(s: Sentence, start: int, end: int) -> bool:
    """'through mutual visits, seminars and projects': a plural activity noun without a determiner."""
    toks = [t for t in s.tokens if start <= t.start < end]
    if len(toks) != 1 or not re.fullmatch(r"[a-z]+s", toks[0].text) or toks[0].text.endswith("ss"):
        return False
    before = [t for t in s.tokens if t.end <= start]
    if before and (
        before[-1].ent == "PERSON"
        or before[-1].text.lower() in _SUBJECTS
        or before[-1].text[:1].isupper()
        and before[-1].text.lower() not in _DETERMINERS
    ):
        return False  # 'Xi visits', 'he visits': a verb
    words = [t.text.lower() for t in before[-3:]]
    return not any(w in _DETERMINERS or w.isdigit() for w in words)


def clause_text(s: Sentence, start: int, end: int) -> str:
    """The part of the sentence around a trigger: from the previous clause break to the next."""
    rel0, rel1 = start - s.start, end - s.start
    stops = (
        "; ",
        ", while ",
        ", but ",
        " as ",
        " when ",
        " while ",
        " since ",
        " which ",
        " who ",
        " that ",
        "”",
        "“",
    )
    left = max(s.text.rfind(x, 0, rel0) for x in stops + (", and ", ". "))
    # a reporting verb closes the clause: "who led a delegation to Seoul, said both sides had agreed ..."
    reporting = (", said ", ", says ", ", saying ", ", adding ", ", noting ", " said that ")
    right_c = [i for i in (s.text.find(x, rel1) for x in stops + reporting) if i >= 0]
    right = min(right_c) if right_c else len(s.text)
    return s.text[(left + 1 if left >= 0 else 0) : right]


def clause_span(c: Candidate) -> tuple[int, int]:
    """Document offsets of the clause holding the trigger."""
    s = c.sentence
    clause = clause_text(s, c.trigger_start, c.trigger_end)
    start = s.start + s.text.find(clause)
    return start, start + len(clause)


def status_of(c: Candidate, ref: dt.date | None, exact: bool = True) -> str:
    lex = _lexicon()
    s = c.sentence
    rel0 = c.trigger_start - s.start
    lead = s.text[max(0, rel0 - 200) : rel0]
    cut = max(
        lead.rfind("; "),
        lead.rfind(". "),
        lead.rfind(", but "),
        lead.rfind(", while "),
        lead.rfind("”"),
        lead.rfind('"'),
    )
    window = lead[cut + 1 if cut >= 0 else 0 :] + s.text[rel0 : rel0 + len(c.trigger)]
    # "agreed to step up cooperation following a meeting": the plan is not the meeting's
    pp = list(re.finditer(r"\b(?:following|after|during|at|in the wake of|on the sidelines of)\s", window))
    plan_window = window[pp[-1].start() :] if pp else window
    past_day = False  # the event's own date is a day before the article's
    if c.date is not None and ref is not None:
        v = c.date.value
        try:
            if len(v) == 4:
                if int(v) < ref.year:
                    return "historical"
                if int(v) > ref.year:
                    return "planned"
            elif not exact:
                pass
            elif len(v) == 7:
                y, m = int(v[:4]), int(v[5:7])
                months = (ref.year - y) * 12 + ref.month - m
                if months >= 2:
                    return "historical"
                if months < 0:
                    return "planned"
                past_day = months >= 1 and c.modal == "expected"  # 'during his trip last month'
            else:
                d = dt.date.fromisoformat(v)
                if (ref - d).days > 45:
                    return "historical"
                if (d - ref).days > 1:
                    return "planned"
                past_day = (ref - d).days >= 1
        except ValueError:
            pass
    # a headline's 'Dutch king to visit Chile': a plan (a headline has no closing full stop)
    headline = s.index == 0 and not s.text.rstrip().endswith(".")
    if headline and lex.headline_planned.search(s.text[: rel0 + len(c.trigger)]) and not past_day:
        return "planned"
    if c.modal == "planned" or ((c.modal == "expected" or lex.planned.search(plan_window)) and not past_day):
        # a day already past is not planned because a word nearby looks ahead ('would like')
        return "planned"
    if lex.historical.search(window):
        return "historical"
    return "occurred"


def _number_word(word: str) -> int | None:
    """'six' -> 6, 'forty-five' -> 45."""
    if "-" in word:
        tens, _, unit = word.partition("-")
        if tens in _TENS.split("|") and unit in _UNITS.split("|"):
            return NUMBER_WORDS[tens] + NUMBER_WORDS[unit]
        return None
    return NUMBER_WORDS.get(word)


def size_in(text: str) -> int | None:
    for rx in _SIZE:
        m = rx.search(text)
        if m:
            raw = m.group(1).lower().replace(",", "")
            n = int(raw) if raw.isdigit() else _number_word(raw)
            if n and 2 <= n <= 100000:
                return n
    return None


NAME_HEADS_BY_TYPE = {
    "conference": (
        "Forum",
        "Symposium",
        "Seminar",
        "Conference",
        "Workshop",
        "Dialogue",
        "Summit",
        "Roundtable",
        "Expo",
        "Meeting",
        "Session",
    ),
    "program": (
        "Partnership",
        "Festival",
        "Competition",
        "Contest",
        "Exhibition",
        "Program",
        "Programme",
        "Initiative",
        "Camp",
        "Tour",
        "Year",
        "Cultural Year",
        "Committee",
        "Activity",
        "Session",
        "Scholarship",
        "Corridor",
        "Group",
        "Coalition",
        "Games",
        "Cup",
        "Week",
        "Fair",
        "Exercise",
        "Dialogue",
    ),
    "release": ("Report", "Survey", "Initiative", "Declaration", "Statement", "Framework"),
    "agreement": ("Agreement", "Declaration", "Statement", "Framework", "Memorandum", "Accord"),
    "meeting": ("Summit", "Meeting", "Dialogue", "Talks"),
    "visit": ("Visit", "Tour"),
}


_EDITION = re.compile(
    r"\b((?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth)"
    r"|\d{1,3}(?:st|nd|rd|th))\s+$"
)


def name_in(c: Candidate) -> str | None:
    """The event's own name near its trigger: 'the 2024 China-ASEAN Media Cooperation Forum'."""
    s = c.sentence
    best = None
    heads = NAME_HEADS_BY_TYPE.get(c.type, ())
    for m in _NAME.finditer(s.text):
        nm = m.group(1).strip()
        core = re.sub(r"\s+(?:of|on|for|to)\s+.*$", "", nm)
        if not any(core.endswith(h) or (" " + h + " ") in core for h in heads):
            continue
        words = nm.split()
        if len(words) < 2 or not any(w[:1].isupper() for w in words[:-1]):
            continue
        if nm.split()[0] in ("The", "This", "That", "A", "An", "During", "On", "In", "At"):
            nm = " ".join(words[1:])
            if len(nm.split()) < 2:
                continue
        n0, n1 = s.start + m.start(1), s.start + m.end(1)
        noun_trigger = " " not in c.trigger.strip()
        if noun_trigger and c.type in ("conference", "program") and not (n0 <= c.trigger_start < n1):
            continue  # 'during the forum, the X Session was held': the name is another event's
        dist = abs(n0 - c.trigger_start)
        if best is None or dist < best[0]:
            edition = _EDITION.search(s.text, 0, m.start(1))  # 'the third Belt and Road Forum'
            best = (dist, (edition.group(1) + " " if edition else "") + nm.strip("“”\"’' "))
    if best and best[0] < 120:
        return best[1]
    bloc = _bloc_event(c)
    if bloc:
        return bloc
    if c.type in ("release", "program"):
        for m in _QUOTED.finditer(s.text):
            words = m.group(1).split()
            capitalised = sum(w[:1].isupper() for w in words)
            if 2 <= len(words) <= 14 and capitalised >= len(words) / 2:  # a title, not a quoted remark
                return m.group(1).strip().rstrip(".,")
    return None


_BLOC_EVENT = re.compile(r"([A-Z][\w&-]*)\s+$")
_BLOC_NOUNS = ("summit", "forum", "conference", "meeting", "dialogue", "ministerial")


def _bloc_event(c: Candidate) -> str | None:
    """'the G20 summit', 'the Brics summit': a bloc's meeting named after it, its noun in lower case
    (which the name pattern, made for capitalised names, does not take)."""
    word = c.trigger.strip()
    if c.type not in ("conference", "meeting") or word.lower() not in _BLOC_NOUNS or not word.islower():
        return None
    rel = c.trigger_start - c.sentence.start + (len(c.trigger) - len(c.trigger.lstrip()))
    m = _BLOC_EVENT.search(c.sentence.text, max(0, rel - 40), rel)
    if not m:
        return None
    g = gazetteer()
    head = m.group(1)
    if not (g.bloc(head) or g.bloc(head.upper())):
        return None
    return f"{head} {word}"


def compatible_dates(a: DateMention | None, b: DateMention | None) -> bool:
    if a is None or b is None:
        return True
    va, vb = a.value, b.value
    if not (va.startswith(vb) or vb.startswith(va)):
        return False
    return True


def _name_tokens(n: str | None) -> set[str]:
    return {w.lower() for w in re.findall(r"[A-Za-z]+", n or "") if len(w) > 2}


def name_similarity(a: str, b: str) -> float:
    """Token F1 of two event names (words of three letters or more)."""
    ta, tb = _name_tokens(a), _name_tokens(b)
    if not ta or not tb:
        return 0.0
    common = len(ta & tb)
    return 2 * common / (len(ta) + len(tb))


ANAPHORA_TYPES = {"meeting": ("conference",), "conference": ("meeting",)}


_EVENT_NOUNS = re.compile(
    r"(?:meeting|talks|forum|visit|trip|tour|seminar|symposium|conference|signing|memorandum|mou|agreement|"
    r"ceremony|event|program|programme|summit|dialogue|session|workshop|festival|camp|exchange|delegation|"
    r"competition|contest|exhibition|report|survey|initiative|roundtable)s?\b",
    re.I,
)


def _across_items(a: Candidate, b: Candidate) -> bool:
    """Two list items (fact-sheet bullets) report different things."""
    return (a.sentence.bullet or b.sentence.bullet) and a.sentence.paragraph != b.sentence.paragraph


def _anaphoric(c: Candidate) -> bool:
    """'during the meeting', 'this memorandum', 'the forum': a definite reference to an event already
    reported, with no date or name of its own."""
    rel = c.trigger_start - c.sentence.start
    after = c.sentence.text[rel + len(c.trigger) : rel + len(c.trigger) + 10].lower()
    if re.match(r"\s*(?:with|between|of)\b", after):
        return False
    # 'during the meeting', 'at the two-day meeting'; not 'at the Joint Ministerial Meeting', a name
    if re.match(r"(?i:during|at|after) the (?:[a-z\d-]+ ){0,2}(?i:meeting|event|talks)$", c.trigger):
        return True
    if c.date is not None or c.name is not None or not _EVENT_NOUNS.match(c.trigger.strip()):
        return False  # a verb ('renewed an MOU') reports an event of its own
    before = c.sentence.text[max(0, rel - 30) : rel].lower()
    return bool(re.search(r"\b(?:the|this|that|its|their)\s+(?:[\w’'-]+\s+){0,2}$", before))


def _people(s: Sentence) -> list[frozenset[str]]:
    """The people a sentence names; a lone word the recogniser took for a name but the gazetteer knows as
    a large city ('Mayors of Lyon and Osaka meet') is not one."""
    g = gazetteer()
    return [
        frozenset(x.text.replace("-", " ").split())
        for x in s.entities
        if x.label == "PERSON" and not (" " not in x.text.strip() and g.lookup(x.text)[0] is not None)
    ]


@dataclass
class _Named:
    """The people named in one event's sentences, kept as sentences join it (merging stays linear)."""

    people: list[frozenset[str]] = field(default_factory=list)
    words: set[str] = field(default_factory=set)
    sentences: set[int] = field(default_factory=set)

    def add(self, s: Sentence) -> None:
        if s.index in self.sentences:
            return
        self.sentences.add(s.index)
        for p in _people(s):
            self.people.append(p)
            self.words |= p


def _other_people(named: _Named, c: Candidate) -> bool:
    """Two meetings reported in their own words ('X met A ...', 'X met B ...') whose sentences each name
    someone the other does not (no word of the name in common): meetings with different people, not one
    meeting told twice."""
    if _anaphoric(c):
        return False
    theirs = _people(c.sentence)
    words_theirs = set().union(*theirs) if theirs else set()
    return any(not p & words_theirs for p in named.people) and any(not p & named.words for p in theirs)


PLACED_TYPES = ("visit", "conference")  # two of these in different countries are two events


def merge(cands: list[Candidate]) -> list[Candidate]:
    """One candidate per real event: later references ('the forum', 'the visit') join the event they name."""
    events: list[Candidate] = []
    named: dict[int, _Named] = {}  # by id of the event candidate
    for c in cands:
        target = None
        if _anaphoric(c) and c.type == "meeting" and (duration_days(c.trigger) or 0) >= 2:
            # 'during the two-day meeting in New Delhi': a gathering of days is the summit already reported
            target = next(
                (e for e in reversed(events) if e.type == "conference" and compatible_dates(e.date, c.date)),
                None,
            )
        if target is None and _anaphoric(c):
            target = next(
                (
                    e
                    for e in reversed(events)
                    if e.type == c.type and compatible_dates(e.date, c.date) and not _across_items(e, c)
                ),
                None,
            )
        for e in events if target is None else []:
            if e.type != c.type or e.status != c.status:
                continue
            if not compatible_dates(e.date, c.date):
                continue
            if (
                e.date
                and c.date
                and len(e.date.value) == len(c.date.value) == 10
                and e.date.value != c.date.value
                and c.type in ("meeting", "agreement", "conference")
            ):
                continue
            if e.name and c.name and name_similarity(e.name, c.name) < 0.5:
                continue
            if (e.sentence.bullet or c.sentence.bullet) and e.sentence.paragraph != c.sentence.paragraph:
                continue
            if e.type in PLACED_TYPES and e.place and c.place and e.place.country != c.place.country:
                continue  # a summit in Egypt and one in South Africa: two events
            if e.type == "meeting" and _other_people(named[id(e)], c):
                continue
            target = e
            break
        if target is None and _anaphoric(c):
            target = next(
                (
                    e
                    for e in events
                    if e.type in ANAPHORA_TYPES.get(c.type, ())
                    and e.status == c.status
                    and compatible_dates(e.date, c.date)
                ),
                None,
            )
        if target is None:
            events.append(c)
            named[id(c)] = _Named()
            for sent in c.sentences:
                named[id(c)].add(sent)
            continue
        if c.sentence.index not in named[id(target)].sentences:
            target.sentences.append(c.sentence)
            named[id(target)].add(c.sentence)
        if target.date is None or (c.date and len(c.date.value) > len(target.date.value)):
            target.date = c.date or target.date
        target.place = target.place or c.place
        target.name = target.name or c.name
        target.program = target.program or c.program
        target.size = target.size or c.size
        target.two_people = target.two_people or c.two_people
        target.place_words = target.place_words or c.place_words
        target.warnings.extend(c.warnings)
    return events
