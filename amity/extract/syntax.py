"""What the dependency tree around a trigger says about it: negated, planned, or not an exchange at all.

The trigger lexicons find candidates cheaply; the tree then reads what a text window cannot: whether the
trigger is governed by 'cancelled' or 'rejected an offer to host' (no event), by 'will', 'plans to' or
'invited ... to visit' (planned), and whether a 'meet' has a party as its object ('met his counterpart')
or a thing ('meet the growing demand').
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from amity.annotate.parse import Parse, PToken
from amity.data_files import load_json


@dataclass(frozen=True)
class SyntaxLexicon:
    negating: frozenset[str]
    particles: dict[str, frozenset[str]]
    planning: frozenset[str]
    modal_aux: frozenset[str]
    party_nouns: frozenset[str]
    reporting: frozenset[str]
    adjunct_preps: frozenset[str]
    local_modifiers: frozenset[str]
    event_nouns: frozenset[str]
    describing: frozenset[str]
    travel: frozenset[str]


@cache
def lexicon() -> SyntaxLexicon:
    d = load_json("syntax.json")
    return SyntaxLexicon(
        negating=frozenset(d["negating"]),
        particles={k: frozenset(v) for k, v in d["negating_particles"].items()},
        planning=frozenset(d["planning"]),
        modal_aux=frozenset(d["modal_aux"]),
        party_nouns=frozenset(d["party_nouns"]),
        reporting=frozenset(d["reporting"]),
        adjunct_preps=frozenset(d["adjunct_preps"]),
        local_modifiers=frozenset(d["local_modifiers"]),
        event_nouns=frozenset(d["event_nouns"]),
        describing=frozenset(d["describing"]),
        travel=frozenset(d["travel"]),
    )


_VERBAL = ("VERB", "AUX")
_INSIDE = ("xcomp", "acl", "relcl", "dobj", "pobj", "pcomp")  # links that keep the climb in one clause
# event words a trigger's head token is one of (lemmas); the rest of a trigger phrase is context
_HEADS = frozenset(
    "meet meeting talk talks visit trip tour travel arrive sign signing ink conclude seal renew memorandum "
    "mou agreement accord deal pact forum summit conference seminar symposium workshop dialogue roundtable "
    "host receive welcome call delegation program programme festival camp competition contest exhibition "
    "launch release publish unveil present report survey exchange dinner banquet reception".split()
)


def trigger_token(parse: Parse, start: int, end: int) -> PToken | None:
    """The token heading a trigger phrase (offsets relative to the sentence)."""
    toks = parse.in_span(start, end)
    if not toks:
        return None
    for t in toks:
        if t.lemma in _HEADS or t.text.lower() in _HEADS:
            return t
    ids = {t.i for t in toks}
    roots = [t for t in toks if t.head not in ids or t.head == t.i]
    return roots[0] if roots else toks[0]


def _has_particle(parse: Parse, t: PToken, words: frozenset[str]) -> bool:
    return any(c.dep == "prt" and c.lemma in words for c in parse.children(t))


def _chain(parse: Parse, t: PToken) -> list[tuple[PToken, str]]:
    """The trigger and the words governing it within its clause, each with the dependency through which
    the climb reached it. The climb stops at a verb of saying (its clause is another matter), at a
    time or circumstance preposition ('met after the forum': the forum is not what 'met' says), and
    above the clause's own verb, unless that verb is the complement of another ('plans to visit')."""
    lex = lexicon()
    out = [(t, "")]
    cur = t
    for a in parse.ancestors(t):
        via = cur.dep
        if a.lemma in lex.reporting or (a.dep == "prep" and a.lemma in lex.adjunct_preps):
            break
        out.append((a, via))
        if a.pos in _VERBAL and a.dep not in _INSIDE:
            break  # the clause holding the trigger ends at its own verb
        cur = a
    return out


def negated(parse: Parse, t: PToken) -> bool:
    """'cancelled a planned visit', 'rejected an offer to host a summit', 'did not meet', 'the
    postponement of the forum': the event did not take place."""
    lex = lexicon()
    for a, _ in _chain(parse, t):
        if a.lemma in lex.negating:
            need = lex.particles.get(a.lemma)
            if need is None or _has_particle(parse, a, need):
                return True
        if a.pos in _VERBAL and any(c.dep == "neg" for c in parse.children(a)):
            return True
    return False


def planned(parse: Parse, t: PToken) -> bool:
    """'will visit', 'is to sign', 'plans to hold a forum', 'invited him to visit', 'agreed to hold a
    meeting next year'."""
    lex = lexicon()
    for a, via in _chain(parse, t):
        if a.pos in _VERBAL:
            kids = parse.children(a)
            modal = (c for c in kids if c.dep == "aux")
            if any(c.lemma in lex.modal_aux or c.text.lower() in lex.modal_aux for c in modal):
                return True
            # 'is to sign': an infinitive whose head is a bare 'be'
            if a.dep == "xcomp" and parse.head(a).lemma == "be" and any(c.text == "to" for c in kids):
                return True
        if a is not t and a.lemma in lex.planning and via in ("xcomp", "ccomp", "dobj"):
            return True
    return False


def planned_at(parse: Parse, t: PToken) -> bool:
    """'will host the president at the summit', 'will sign the deal during the forum': what the sentence
    says is to be done at an event is to come, so the event likely is too (not so after 'after' or
    'following'; and a date already past says otherwise)."""
    if t.pos in _VERBAL:
        return False

    def will(verb: PToken) -> bool:
        return verb.pos in _VERBAL and any(
            c.dep == "aux" and c.text.lower() in ("will", "shall", "'ll") for c in parse.children(verb)
        )

    # 'a summit where tensions will be highlighted', 'a forum that will gather 300 guests' (not 'in
    # Jakarta for the summit and related meetings, where they will also meet partners': it is under way)
    kids = parse.children(t)
    if any(c.dep == "det" and c.lemma in ("a", "an") for c in kids) and any(
        c.dep == "relcl" and will(c) for c in kids
    ):
        return True
    head = parse.head(t)
    if head is t or head.dep != "prep" or head.lemma not in ("at", "during"):
        return False
    verb = parse.head(head)
    # the sentence's own verb: not 'decided that they will build ... during the trip last month'
    return verb is not head and verb.dep in ("ROOT", "conj") and will(verb)


def thing_object(parse: Parse, t: PToken) -> bool:
    """'meet the growing demand', 'meets the needs of pet owners': a meeting verb whose object is not a
    party (no name, no person or body noun)."""
    if t.pos != "VERB" or t.lemma != "meet":
        return False
    lex = lexicon()
    objs = [c for c in parse.children(t) if c.dep in ("dobj", "attr")]
    for p in (c for c in parse.children(t) if c.dep == "prep" and c.lemma == "with"):
        objs.extend(c for c in parse.children(p) if c.dep == "pobj")
    if not objs:
        return False
    for o in objs:
        # the object noun with its modifiers and coordinates, not what hangs off it ('the needs of X')
        words = [o] + [c for c in parse.children(o) if c.dep in ("compound", "amod", "nmod", "poss", "conj")]
        if any(w.pos in ("PROPN", "PRON", "NUM") for w in words):
            return False
        if any(w.lemma in lex.party_nouns or w.text.lower() in lex.party_nouns for w in words):
            return False
    return True


def imperative(parse: Parse, t: PToken) -> bool:
    """'Visit the website', 'For more information, visit ...': an instruction to the reader."""
    if t.pos != "VERB" or t.tag != "VB" or t.dep != "ROOT":
        return False
    kids = parse.children(t)
    return not any(c.dep in ("nsubj", "nsubjpass", "aux", "auxpass") for c in kids)


def domestic(parse: Parse, t: PToken) -> bool:
    """'a domestic competition', 'the national championships': an activity its own words call domestic."""
    lex = lexicon()
    return t.pos in ("NOUN", "PROPN") and any(
        c.dep in ("amod", "compound") and c.lemma in lex.local_modifiers for c in parse.children(t)
    )


def modifier_only(parse: Parse, t: PToken) -> bool:
    """'the festival website', 'a conference room', 'exhibition centre': an event noun modifying another
    noun names a thing, not an event."""
    if t.pos not in ("NOUN", "PROPN") or t.dep != "compound":
        return False
    head = parse.head(t)
    events = lexicon().event_nouns | _HEADS
    return head.pos in ("NOUN", "PROPN") and head.lemma not in events and head.text.lower() not in events


def description(parse: Parse, t: PToken) -> bool:
    """'the G20 remains a key forum', 'keep the bloc as the leading forum of cooperation': a forum said of
    a body, what it is, not a gathering held."""
    if t.pos != "NOUN" or t.lemma != "forum":
        return False
    if t.dep == "attr":
        return True
    prep = parse.head(t)
    return t.dep == "pobj" and prep.lemma == "as" and parse.head(prep).lemma in lexicon().describing


_PLACE_PREPS = ("in", "at", "to", "into", "inside")


def _phrase(parse: Parse, t: PToken) -> str:
    """A proper name headed by `t`, with its compound and flat parts ('New Delhi', 'Kazan')."""
    parts = [t] + [c for c in parse.children(t) if c.dep in ("compound", "flat") and c.pos == "PROPN"]
    parts.sort(key=lambda x: x.i)
    return " ".join(p.text for p in parts)


def place_words(parse: Parse, t: PToken) -> list[str]:
    """Names the tree attaches to the trigger as where it happens, nearest first: the object of 'visit',
    'in/at/to X' on the trigger or on its clause's verb, 'the Beijing trip'."""
    out: list[str] = []

    def from_token(x: PToken) -> None:
        for c in parse.children(x):
            if c.dep == "prep" and c.lemma in _PLACE_PREPS:
                for o in parse.children(c):
                    if o.dep == "pobj" and o.pos == "PROPN":
                        out.append(_phrase(parse, o))
            elif c.dep == "dobj" and c.pos == "PROPN" and x.lemma in ("visit", "tour", "reach"):
                out.append(_phrase(parse, c))
            elif c.dep == "compound" and c.pos == "PROPN" and x.pos == "NOUN":
                out.append(_phrase(parse, c))

    chain = [a for a, _ in _chain(parse, t)]
    for x in chain:
        from_token(x)
    return out


def sides(parse: Parse, t: PToken) -> tuple[list[PToken], list[PToken]]:
    """The two sides of a meeting verb: its subject (with coordinated subjects), and its object or the
    'with'/'to' phrase ('X met Y', 'X held talks with Y', 'X gave a warm welcome to Y', 'X and Y met').
    Tokens are the heads of the phrases."""
    verb = next((a for a, _ in _chain(parse, t) if a.pos in _VERBAL), None)
    if verb is None:
        return [], []
    subj: list[PToken] = []
    other: list[PToken] = []
    for c in parse.children(verb):
        if c.dep in ("nsubj", "nsubjpass"):
            subj.append(c)
            other.extend(x for x in parse.children(c) if x.dep == "conj")
        elif c.dep == "dobj":
            other.append(c)
    for x in [verb] + [a for a, _ in _chain(parse, t)]:
        for c in parse.children(x):
            if c.dep in ("prep", "dative") and c.lemma in ("with", "to"):
                other.extend(o for o in parse.children(c) if o.dep == "pobj")
    return subj, other


def off_chain_places(parse: Parse, t: PToken) -> list[str]:
    """Names in 'in/at/to X' phrases that hang off a noun outside the trigger's clause chain ('met X to
    discuss investment in Thailand'): where something else is, not where the event happens."""
    chain = {a.i for a, _ in _chain(parse, t)}
    if t.lemma in lexicon().travel:
        # 'leaves for the G20 in India': the destination's place is where the journey goes
        for p in parse.tokens:
            if p.dep == "prep" and p.lemma in ("to", "for") and p.head in chain:
                chain.update(o.i for o in parse.children(p) if o.dep == "pobj")
    out: list[str] = []
    for p in parse.tokens:
        if p.dep == "prep" and p.lemma in _PLACE_PREPS and p.head not in chain:
            head = parse.tokens[p.head]
            if head.pos in ("NOUN", "PROPN"):
                for o in (o for o in parse.children(p) if o.dep == "pobj"):
                    # 'in Thailand', or the owner in 'in Thailand's industries'
                    named = [o] if o.pos == "PROPN" else []
                    named += [x for x in parse.children(o) if x.dep == "poss" and x.pos == "PROPN"]
                    out.extend(_phrase(parse, x) for x in named)
    return out
