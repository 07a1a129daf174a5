"""The extractor: Document -> DocumentRecord, in stages (annotate, entities, events, assembly)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path

from amity.annotate.dates import reference_date
from amity.annotate.document import MAX_NLP_CHARS, Annotated, Sentence, annotate_many
from amity.annotate.gazetteer import Gazetteer, gazetteer
from amity.annotate.nlp import load_pipeline
from amity.annotate.parse import Parse, PToken, parse_many
from amity.data_files import load_json
from amity.extract.cjk import LANGUAGES as CJK_LANGUAGES
from amity.extract.cjk import extract_cjk
from amity.extract.classifier import EventClassifier, load_classifier
from amity.extract.events import (
    Candidate,
    clause_span,
    merge,
    name_in,
    screen,
    size_in,
    status_of,
    trigger_word,
    triggers,
)
from amity.extract.fields import fields_in
from amity.extract.names import name_shape
from amity.extract.orgs import (
    OrgInfo,
    OrgTable,
    build_org_table,
    is_international,
)
from amity.extract.parties import doc_parties
from amity.extract.people import PersonInfo, extract_people
from amity.extract.places import dateline_place, place_in
from amity.extract.programs import program_in, settle_programs
from amity.extract.syntax import (
    description,
    domestic,
    imperative,
    modifier_only,
    negated,
    off_chain_places,
    place_words,
    planned,
    planned_at,
    sides,
    thing_object,
    trigger_token,
)
from amity.extract.timing import date_for
from amity.records import Document, DocumentRecord, Event, Organization, Person, Place, Span

# a programme activity that happened with the main event, not an ongoing programme
_HELD = re.compile(
    r"\b(?:launch(?:ed|es|ing)?|(?:was|were) (?:also )?held|took place|kicked off|opened|unveiled)\b", re.I
)
# a place after a preposition, whether or not the model tagged it ("in Can Tho")
_PLACE_WORDS = re.compile(r"\b(?:in|to|at|from|into|visited)\s+([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})")
_COOPERATION = re.compile(
    r"\b(?:discuss(?:ed|es|ing)?|agreed|exchanged views|talked about|cooperat(?:e|ion|ing) (?:in|on)|"
    r"(?:ties|cooperation|exchanges|collaboration) in|reaffirmed|pledged|vowed)\b",
    re.I,
)
_PLACE_CHUNK = re.compile(r"\b[A-Z][a-z]+(?:[-–][A-Z][a-z]+)*\b")
_COUNTRY_WORD = re.compile(r"\b[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}\b")


# event types whose trigger words are as common in domestic news as in exchanges
LOCAL_TYPES = ("program",)


class Extractor:
    """Loads the NLP pipeline and gazetteer once; `extract` is then called per document."""

    def __init__(self, event_model: Path | None | bool = True) -> None:
        """`event_model`: True for the packaged event classifier (when one is trained), a path to
        another model file, or False for the rules alone."""
        self.nlp = load_pipeline()
        self.gaz = gazetteer()
        if event_model is False:
            self.model: EventClassifier | None = None
        else:
            self.model = load_classifier(None if event_model is True else event_model)

    def extract(self, doc: Document) -> DocumentRecord:
        if _language(doc) in CJK_LANGUAGES:
            return extract_cjk(doc)
        if not supported(doc):
            return _unsupported(doc)
        if not screen(doc):
            return _empty(doc)
        [ann] = annotate_many([doc], relevant_paragraphs)
        return assemble(ann, self.gaz, self.model)

    def screen(self, doc: Document) -> bool:
        """The relevance screen before any NLP: False for a document `extract` would find no event in
        without reading it (English, or a language read as English, with no trigger word in its readable
        text). Chinese and Korean documents, and those in languages amity does not read, pass: their own
        routes decide (and an unsupported language is recorded as such)."""
        if _language(doc) in CJK_LANGUAGES or not supported(doc):
            return True
        return screen(doc)

    def extract_many(
        self, docs: Iterable[Document], batch: int = 32
    ) -> Iterator[tuple[Document, DocumentRecord | Exception]]:
        """(document, record) for many documents, in order; the NLP pipeline sees `batch` documents at a
        time. A document that cannot be extracted comes back with the exception instead of a record, and
        the others are not lost."""
        chunk: list[Document] = []
        for doc in docs:
            chunk.append(doc)
            if len(chunk) >= batch:
                yield from self._chunk(chunk)
                chunk = []
        if chunk:
            yield from self._chunk(chunk)

    def _chunk(self, chunk: list[Document]) -> Iterator[tuple[Document, DocumentRecord | Exception]]:
        # the screen: a document with no trigger word anywhere never reaches the entity recogniser
        # Chinese and Korean go to their own annotators
        cjk = [_language(doc) in CJK_LANGUAGES for doc in chunk]
        passed = [not c and supported(doc) and screen(doc) for doc, c in zip(chunk, cjk, strict=True)]
        records = self._annotated([d for d, ok in zip(chunk, passed, strict=True) if ok])
        for doc, ok, c in zip(chunk, passed, cjk, strict=True):
            if not c and not supported(doc):
                yield doc, _unsupported(doc)
            elif c:
                try:
                    yield doc, extract_cjk(doc)
                except Exception as e:
                    yield doc, e
            else:
                yield (doc, next(records)[1]) if ok else (doc, _empty(doc))

    def _annotated(self, chunk: list[Document]) -> Iterator[tuple[Document, DocumentRecord | Exception]]:
        if not chunk:
            return
        try:
            anns = annotate_many(chunk, relevant_paragraphs)
        except Exception:  # find the bad document: one at a time
            for doc in chunk:
                try:
                    yield doc, self.extract(doc)
                except Exception as e:
                    yield doc, e
            return
        # the candidate sentences of the whole chunk go through the parser in one batch
        found: list[list[Candidate] | Exception] = []
        for ann in anns:
            try:
                found.append(candidates(ann, self.model))
            except Exception as e:
                found.append(e)
        todo = list(dict.fromkeys(c.sentence.text for cs in found if isinstance(cs, list) for c in cs))
        parses = dict(zip(todo, _parse_safely(todo), strict=True))
        for doc, ann, cands in zip(chunk, anns, found, strict=True):
            if isinstance(cands, Exception):
                yield doc, cands
                continue
            try:
                yield doc, assemble(ann, self.gaz, self.model, cands, parses)
            except Exception as e:
                yield doc, e


LEAD_SENTENCES = 3  # headline, standfirst or dateline, lead: one report of one event between them
LEAD_PARAGRAPHS = 4  # headline, standfirst and lead: where people and bodies are introduced
NEIGHBOURS = 2  # paragraphs either side of one with a trigger word


def relevant_paragraphs(paras: list[str]) -> set[int]:
    """The paragraphs worth the entity recogniser: the lead, those holding a trigger word, and their
    neighbours (where the people of an event are introduced or quoted)."""
    hits = [i for i, p in enumerate(paras) if trigger_word(p)]
    keep = set(range(min(LEAD_PARAGRAPHS, len(paras))))
    for i in hits:
        keep.update(range(max(0, i - NEIGHBOURS), min(len(paras), i + NEIGHBOURS + 1)))
    return keep


LANGUAGES = ("en", *CJK_LANGUAGES)  # the languages amity reads for events
UNSUPPORTED = "language-unsupported"


_ENGLISH_WORDS = frozenset("the and of to on at with for from by is was were has have said that this".split())


def supported(doc: Document) -> bool:
    """English, Chinese and Korean are read; a document of unknown language is read as English, and so
    is one the detector calls something else whose words are plainly English (a short report full of
    foreign names can fool it)."""
    if not doc.language or _language(doc) in LANGUAGES:
        return True
    words = re.findall(r"[A-Za-z]+", doc.text[:5000])
    english = sum(w.lower() in _ENGLISH_WORDS for w in words)
    return bool(words) and english / len(words) >= 0.05


def _unsupported(doc: Document) -> DocumentRecord:
    return DocumentRecord(
        doc.doc,
        doc.title,
        doc.published,
        doc.language,
        warnings=(f"{UNSUPPORTED}: {doc.language} (amity reads English, Chinese and Korean for events)",),
    )


def _language(doc: Document) -> str:
    """The document's language family: 'zh' for Chinese in any script, 'ko', 'en'..."""
    return (doc.language or "").split("-")[0].lower()


def _empty(doc: Document) -> DocumentRecord:
    return DocumentRecord(doc.doc, doc.title, doc.published, doc.language)


def named_countries(text: str, g: Gazetteer) -> Iterator[str]:
    """The country or bloc of every country name, nationality and bloc in a text, once per mention
    ('Chile's', 'South Korean', 'ASEAN'); hyphenated pairs ('China-ASEAN') give both."""
    for m in _COUNTRY_WORD.finditer(re.sub(r"['’]s\b", "", text.replace("-", " "))):
        words = m.group().split()
        for n in range(len(words), 0, -1):
            for i in range(len(words) - n + 1):
                chunk = " ".join(words[i : i + n])
                code = g.country_of_name(chunk) or g.demonym(chunk) or g.bloc(chunk)
                if code:
                    yield code


def doc_countries(ann: Annotated, g: Gazetteer, orgs: OrgTable | None = None) -> list[str]:
    """Countries (and blocs) the document is about, most mentioned first: country names and
    nationalities, places (whether or not the model tagged them), organisations' countries, and
    as a last resort the countries people's names suggest."""
    counts: Counter[str] = Counter()
    weak: Counter[str] = Counter()
    name_words = {
        w for s in ann.sentences for e in s.entities if e.label == "PERSON" and " " in e.text.strip()
        for w in e.text.split()
    }
    for org in orgs.all() if orgs else []:
        if org.country:
            counts[org.country] += 1
    for s in ann.sentences:
        for m in _PLACE_WORDS.finditer(s.text):
            info, _ = g.lookup(m.group(1))
            if info and info.kind in ("city", "landmark", "division") and len(info.country) == 2:
                counts[info.country] += 1
        for code in _seat_countries(s, g):
            counts[code] += 1
        for e in s.entities:
            if e.label == "PERSON":
                shape = name_shape(e.text)
                if shape:
                    weak[shape] += 1
                # 'Mayors of Lyon and Busan meet': a city taken for a name (not the short form of
                # someone's full name: 'Santos' after 'Vilma Santos')
                word = e.text.strip()
                info = g.lookup(word)[0] if " " not in word and word not in name_words else None
                if info and info.kind in ("city", "division") and len(info.country) == 2:
                    counts[info.country] += 1
    for s in ann.sentences:
        counts.update(named_countries(s.text, g))
        for e in s.entities:
            if e.label == "GPE":
                info, _ = g.lookup(e.text)
                if info and info.kind in ("city", "landmark", "division"):
                    counts[info.country] += 1
        for e in s.entities:
            if e.label == "FAC":
                info, _ = g.lookup(e.text)
                if info and info.kind == "landmark":
                    counts[info.country] += 1
    ranked = [c for c, _ in counts.most_common()]
    return ranked + [c for c, _ in weak.most_common() if c not in ranked]


@cache
def _seat_pattern() -> re.Pattern[str]:
    seats = sorted(load_json("titles.json")["seat_titles"], key=len, reverse=True)
    alternatives = "|".join(re.escape(x) for x in seats)
    return re.compile(rf"\b([A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+)??)\s(?:{alternatives})\b")


def _seat_countries(s: Sentence, g: Gazetteer) -> list[str]:
    """Countries of the cities and provinces an office or body is named after ('Lyon Mayor Jean
    Martin'), where the recogniser did not tag the place as one (it is counted there already)."""
    out = []
    for m in _seat_pattern().finditer(s.text):
        start, end = s.start + m.start(1), s.start + m.end(1)
        if any(e.label in ("GPE", "LOC") and e.start < end and start < e.end for e in s.entities):
            continue
        info, _ = g.lookup(m.group(1))
        if info and info.kind in ("city", "division") and len(info.country) == 2:
            out.append(info.country)
    return out


# candidates whose one-word trigger names an activity only as a noun ('joint exercises', 'the contest')
NOUN_TRIGGERS = ("exercise", "festival")

# what the tree can show a trigger is not: did not happen, a thing not a party, an instruction, domestic,
# a word modifying another noun
_NOT_AN_EXCHANGE = (negated, thing_object, imperative, domestic, modifier_only, description)


def read_syntax(cands: list[Candidate], parses: dict[str, Parse | None] | None = None) -> list[Candidate]:
    """Parse the candidates' sentences (unless given, by sentence text); drop what did not happen or is
    no exchange, mark what is planned."""
    if not cands:
        return cands
    todo = [t for t in dict.fromkeys(c.sentence.text for c in cands) if parses is None or t not in parses]
    parses = {**(parses or {}), **dict(zip(todo, _parse_safely(todo), strict=True))}
    kept = []
    for c in cands:
        parse = parses[c.sentence.text]
        rel = c.trigger_start - c.sentence.start
        tok = trigger_token(parse, rel, c.trigger_end - c.sentence.start) if parse is not None else None
        if parse is None or tok is None:
            kept.append(c)
            continue
        if any(test(parse, tok) for test in _NOT_AN_EXCHANGE):
            continue
        if c.noun in NOUN_TRIGGERS and " " not in c.trigger.strip() and tok.pos == "VERB":
            continue  # 'to exercise restraint', 'they contest the result': the verb, not the activity
        if planned(parse, tok):
            c.modal = "planned"
        elif planned_at(parse, tok):
            c.modal = "expected"
        c.place_words = tuple(place_words(parse, tok))
        c.elsewhere = tuple(off_chain_places(parse, tok))
        if c.type == "meeting":
            c.two_people = _two_people(c, parse, tok)
        kept.append(c)
    return kept


def _two_people(c: Candidate, parse: Parse, tok: PToken) -> bool:
    """'President X telephoned Chancellor Y': a different named person on each side of the meeting."""
    people = [e for e in c.sentence.entities if e.label == "PERSON"]

    def person(tokens: list[PToken]) -> set[str]:
        out: set[str] = set()
        for t in tokens:
            at = c.sentence.start + t.start
            out.update(e.text for e in people if e.start <= at < e.end)
        return out

    one, other = sides(parse, tok)
    a, b = person(one), person(other)
    return bool(a) and bool(b) and not a & b


def _tree_place(c: Candidate, g: Gazetteer) -> tuple[Place, list[str]] | None:
    """The first name the parse attaches to the trigger that the gazetteer knows as a place."""
    for words in c.place_words:
        info, warn = g.lookup(words)
        if info and len(info.country) == 2:
            return Place(words, info.country, warn), [warn] if warn else []
    return None


def sentence_countries(s: Sentence, g: Gazetteer, orgs: OrgTable, people: list[PersonInfo]) -> set[str]:
    """Countries and blocs a sentence itself names: country names, nationalities, blocs, places, the
    countries of the organisations and people it names."""
    found: set[str] = set(named_countries(s.text, g))
    for e in s.entities:
        if e.label in ("GPE", "FAC", "LOC"):
            info, _ = g.lookup(e.text)
            if info and info.country:
                found.add(info.country)
    for o in orgs.all():
        named = o.name in s.text or (o.acronym and re.search(rf"\b{re.escape(o.acronym)}\b", s.text))
        if named and (o.country or is_international(o.name)):
            found.add(o.country or "INTL")
    for m in _PLACE_CHUNK.finditer(s.text):
        for part in re.split(r"[-–]", m.group()):
            info, _ = g.lookup(part.strip())
            if info and info.country and info.kind in ("city", "division", "landmark"):
                found.add(info.country)
    # a city of two or three words the recogniser did not tag ('talks in Khon Kaen')
    for m in _PLACE_WORDS.finditer(s.text):
        info, _ = g.lookup(m.group(1))
        if info and info.country and info.kind in ("city", "division", "landmark"):
            found.add(info.country)
    for p in people:
        if p.country and s.index in p.mentions:
            found.add(p.country)
    return found


def _international(c: Candidate, g: Gazetteer, orgs: OrgTable, people: list[PersonInfo]) -> bool:
    """A festival, contest or programme is an exchange only where its sentence names parties of two
    countries (or a bloc): 'the city's annual music festival' is not one. The event's sentences in the
    lead read together: 'Chiang Mai signs memorandum with France partners' over a lead sentence that
    names two Thais."""
    if c.two_people:
        # two named people meeting, unless the text gives both one and the same country
        named = [p for p in people if c.sentence.index in p.mentions and p.country]
        if len({p.country for p in named}) != 1 or len(named) < 2:
            return True
    lead: set[str] = set()
    for s in c.sentences:
        found = sentence_countries(s, g, orgs, people)
        if s.index < LEAD_SENTENCES:
            found = lead = lead | found
        if len(found) >= 2 or any(len(x) > 2 for x in found):
            return True
        if found and _international_cues().search(s.text):
            return True
    return False


@cache
def _international_cues() -> re.Pattern[str]:
    return re.compile(load_json("triggers.json")["international_cues"], re.I)


def _event_date(c: Candidate, anchor: str | None, anchor_exact: bool, trip: str | None = None) -> str | None:
    """The event's own date; an occurred event without one (or with a vaguer one that fits) takes the date
    of the article's main event: the day for what happens alongside it, the month for a trip. A planned
    event without one takes the month of `trip` (the trip an announcement announces) or of the anchor."""
    own = c.date.value if c.date else None
    single_day = own is not None and len(own) == 10 and c.date is not None and not c.date.end_value
    if c.type == "visit" and c.noun == "delegation" and single_day and own:
        # a trip lasts days: the day of the meeting it is reported with is not the trip's date
        return own[:7]
    held = bool(_HELD.search(c.sentence.text))
    if c.status == "planned" and own is None and (trip or anchor):
        # announced with the main event, for the coming weeks: its month at least; during an announced
        # trip, the trip's month
        return (trip or anchor or "")[:7]
    if c.status != "occurred" or not anchor or (c.type == "program" and not held):
        return own
    if own and not anchor.startswith(own):
        return own
    if own and len(own) >= len(anchor):
        return own
    if c.type == "visit" or not anchor_exact:
        return anchor[:7] if not own or len(own) < 7 else own
    return anchor


def candidates(ann: Annotated, model: EventClassifier | None = None) -> list[Candidate]:
    """The trigger candidates of a document, less those the event classifier rejects."""
    cands = triggers(ann)
    if model is not None and cands:
        cands = model.filter(ann, cands)
    return cands


def _parse_safely(texts: list[str]) -> list[Parse | None]:
    """Parses of many sentences; if the batch fails, one at a time, a failing sentence left unparsed."""
    try:
        return parse_many(texts)
    except Exception:
        out: list[Parse | None] = []
        for t in texts:
            try:
                out.extend(parse_many([t]))
            except Exception:
                out.append(None)
        return out


def assemble(
    ann: Annotated,
    g: Gazetteer,
    model: EventClassifier | None = None,
    cands: list[Candidate] | None = None,
    parses: dict[str, Parse | None] | None = None,
) -> DocumentRecord:
    """The document's record. `cands` and `parses` (by sentence text) may come precomputed, as when
    a batch of documents is parsed at once."""
    doc = ann.doc
    reference = reference_date(doc.published, doc.text[:5000])
    ref = reference.date
    if cands is None:
        cands = candidates(ann, model)
    cands = read_syntax(cands, parses)
    if not cands:  # most news has no exchange event: skip the rest
        return DocumentRecord(
            doc.doc, doc.title, doc.published, doc.language, warnings=tuple(_truncation(ann))
        )
    orgs = build_org_table(ann, g)
    countries = doc_countries(ann, g, orgs)
    main_pair = tuple(countries[:2])
    people = extract_people(ann, orgs, tuple(countries[:4]))
    for c in cands:
        c.date = date_for(c, ref, reference.exact)
        c.status = status_of(c, ref, reference.exact)
        clause = clause_span(c)
        place, warns = _tree_place(c, g) or place_in(c.sentence, g, near=c.trigger_start, span=clause)
        if place is not None and place.name in c.elsewhere:
            place, warns = None, []  # 'met X to discuss investment in Thailand'
        if place is None:
            # 'arrived in Kazan for a summit', 'Islamabad is hosting a summit': a city or province of the
            # sentence outside the trigger's clause
            wider, _ = place_in(c.sentence, g, near=c.trigger_start)
            if wider is not None and wider.name and g.country_of_name(wider.name) is None:
                place = wider
        c.place = place
        c.warnings.extend(warns)
        c.name = name_in(c)
        c.program = program_in(c.sentence.text)
        c.size = size_in(c.sentence.text)
    events = merge(cands)
    international = [_international(e, g, orgs, people) for e in events]
    if any(international):
        events = [e for e, ok in zip(events, international, strict=True) if ok or e.type not in LOCAL_TYPES]
    else:
        events = []  # no event of the article is between parties of two countries: a domestic story
    events = [e for e in events if _keep(e, countries)]
    if not events:
        # people and organisations are recorded as parties to exchange events: none without events
        return DocumentRecord(doc.doc, doc.title, doc.published, doc.language)
    anchor_event = next(
        (e for e in events if e.status == "occurred" and e.date and len(e.date.value) == 10), None
    )
    anchor = (
        anchor_event.date.value
        if anchor_event and anchor_event.date
        else (ref.isoformat() if ref and reference.exact else None)
    )
    anchor_exact = anchor_event is not None
    placed = [e for e in events if e.status == "occurred" and e.place and e.place.country]
    # what happens during a trip happens where the trip went
    trip = next((e.place for e in placed if e.type == "visit"), None)
    main_place = trip or next((e.place for e in placed), None)
    default_place = main_place or dateline_place(ann.visible, g)
    org_names = tuple(sorted((o.name for o in orgs.all()), key=len, reverse=True))
    lead_fields = fields_in(" ".join(s.text for s in ann.sentences[:4]), org_names)
    # what the parties discussed or agreed, anywhere in the article, belongs to the talks themselves
    talk_fields = fields_in(
        " ".join(s.text for s in ann.sentences if not s.bullet and _COOPERATION.search(s.text)), org_names
    )
    parties = doc_parties(orgs, people, events, ann.visible, ann.sentences)
    # an announcement ('PM to visit Brazil next month') is about what it announces: with nothing
    # reported as done, the planned events of the headline and lead are the article's main ones
    announcement = not any(e.status == "occurred" for e in events)
    # in an announcement, what is to happen during the trip it announces happens when the trip does
    trips = (e.date.value for e in events if e.type == "visit" and e.status == "planned" and e.date)
    trip_date = next(trips, None) if announcement else None
    in_lead = [min(s.index for s in e.sentences) < LEAD_SENTENCES for e in events]
    announced = [announcement and e.status == "planned" and ld for e, ld in zip(events, in_lead, strict=True)]
    settle_programs(
        events,
        [ld and (e.status == "occurred" or a) for e, ld, a in zip(events, in_lead, announced, strict=True)],
    )
    out: list[Event] = []
    for e, is_announced in zip(events, announced, strict=True):
        extra = lead_fields | talk_fields if e.type == "meeting" else lead_fields
        out.append(
            _event(
                e, ann, people, parties, main_pair, g, (anchor, anchor_exact), default_place, extra,
                org_names, announced=is_announced, trip_date=trip_date,
            )
        )
    # the document's people: those taking part in its events or described by office (officials, experts
    # speaking on the exchange), less anyone named only inside another person's title ("chief of staff to
    # Secretary of State Colin Powell")
    taking_part = {p.name for ev in out for p in ev.participants}
    titles = " ".join(p.title or "" for p in people)
    # at a forum or a report's launch, scholars are the speakers; elsewhere they comment on the exchange
    forum = any(e.type in ("conference", "release") and e.salience == "main" for e in out)
    used_people = [
        p
        for p in people
        if (
            p.name in taking_part
            or ((p.title or p.organization) and p.mentions and not _commentator(p, forum))
        )
        and p.name not in titles
    ]
    return DocumentRecord(
        doc.doc,
        doc.title,
        doc.published,
        doc.language,
        tuple(out),
        participants=tuple(_person(p) for p in used_people),
        organizations=tuple(_org(o) for o in parties),
        warnings=tuple(dict.fromkeys([w for e in events for w in e.warnings] + _truncation(ann))),
    )


@cache
def _commentator_title() -> re.Pattern[str]:
    return re.compile(load_json("titles.json")["commentator_titles"], re.I)


def _commentator(p: PersonInfo, forum: bool) -> bool:
    """An analyst, scholar or spokesperson, who takes part in no event of the article: quoted about the
    exchange, not a party to it. Where the article is about a forum or a report, its scholars spoke
    there: only spokespeople comment."""
    m = _commentator_title().search(p.title or "")
    return bool(m and (not forum or m.group(0).lower().startswith("spokes")))


def _truncation(ann: Annotated) -> list[str]:
    if not ann.truncated:
        return []
    return [f"only the first {MAX_NLP_CHARS:,} characters of {len(ann.visible):,} were read for events"]


def _keep(e: Candidate, countries: list[str]) -> bool:
    if e.two_people:
        return True
    if len(countries) < 2 and not any(len(c) > 2 for c in countries):
        return False
    return True


def _org(o: OrgInfo) -> Organization:
    return Organization(o.name, o.acronym, None if is_international(o.name) else o.country)


def _person(p: PersonInfo, role: str | None = None) -> Person:
    return Person(p.name, p.title, p.organization, p.country, role)


@cache
def _role_cues() -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple((re.compile(rx, re.I), role) for rx, role in load_json("roles.json")["cues"])


# the words right before a name that give that person's part: 'headed by X', 'was received by X'
_TITLE_WORDS = r"(?:[A-Z][\w.'’-]*\s+){0,6}$"
_ROLE_BEFORE = (
    (re.compile(r"\b(?:led|headed)\s+by\s+" + _TITLE_WORDS), "leader"),
    (re.compile(r"\b(?:hosted|received|welcomed|greeted|chaired)\s+by\s+" + _TITLE_WORDS), "host"),
)


def _person_role(p: PersonInfo, sentence: str) -> str:
    """The part a person takes, from the words before their name in the sentence ('a delegation headed
    by X was received by Y': X leads, Y hosts), else from the sentence's own cues."""
    surname = p.name.split()[-1]
    at = sentence.find(p.name)
    at = at if at >= 0 else sentence.find(surname)
    if at > 0:
        before = sentence[max(0, at - 80) : at]
        for rx, role in _ROLE_BEFORE:
            if rx.search(before):
                return role
    return _role(sentence)


def _role(text: str) -> str:
    for rx, role in _role_cues():
        if rx.search(text):
            return role
    return "attendee"


def _event(
    e: Candidate,
    ann: Annotated,
    people: list[PersonInfo],
    parties: list[OrgInfo],
    main_pair: tuple[str, ...],
    g: Gazetteer,
    anchor: tuple[str | None, bool],
    default_place: Place | None,
    lead_fields: set[str],
    org_names: tuple[str, ...] = (),
    announced: bool = False,
    trip_date: str | None = None,
) -> Event:
    idx = {s.index for s in e.sentences}
    paras = {s.paragraph for s in e.sentences if not s.bullet}
    near = idx | {s.index for s in ann.sentences if s.paragraph in paras}
    text = " ".join(s.text for s in e.sentences)
    salience = "main" if e.status == "occurred" or announced else "mentioned"
    # participants: people named where the event is reported, or in the same paragraph
    by_index = {s.index: s for s in ann.sentences}
    parts = [
        _person(p, _person_role(p, next(by_index[i].text for i in sorted(near & set(p.mentions)))))
        for p in people
        if near & set(p.mentions)
    ]
    ev_orgs = []
    org_role = _role(text) if parties else "attendee"
    org_role = "attendee" if org_role == "speaker" else org_role
    for o in parties:
        if o.name in text or (o.acronym and re.search(rf"\b{re.escape(o.acronym)}\b", text)):
            ev_orgs.append(
                Organization(
                    o.name,
                    o.acronym,
                    None if is_international(o.name) else o.country,
                    org_role,
                )
            )
    cset = set(main_pair)
    for p in parts:
        if p.country:
            cset.add(p.country)
    cset.update(org.country for org in ev_orgs if org.country)
    place = e.place
    if place is None and e.status != "historical" and default_place is not None:
        place = default_place  # reported alongside the main event, or planned during the same trip
    if place and place.country:
        cset.add(place.country)
    fields = fields_in(text, org_names)
    first = min(s.index for s in e.sentences)
    date = _event_date(e, *anchor, trip_date)
    day = anchor[0]
    same_day = bool(date and day and (date.startswith(day) or day.startswith(date)))
    if salience == "main" and not e.sentence.bullet and (first < 4 or same_day):
        fields |= lead_fields  # what the article's lead says the exchange is about
    end_date = e.date.end_value if e.date else None
    return Event(
        type=e.type,
        status=e.status,
        salience=salience,
        name=e.name,
        date=date,
        end_date=end_date,
        place=place,
        countries=tuple(sorted(c for c in cset if c)),
        organizations=tuple(ev_orgs),
        participants=tuple(parts),
        fields=tuple(sorted(fields)),
        size=e.size,
        program=e.program,
        evidence=tuple(Span(s.start, s.end) for s in sorted(e.sentences, key=lambda s: s.start)),
        trigger=e.trigger,
        warnings=tuple(dict.fromkeys(e.warnings)),
    )
