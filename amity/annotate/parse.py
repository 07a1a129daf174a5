"""Dependency parses of the few sentences that need one.

The document pass (`annotate.document`) runs only the entity recogniser. Sentences that hold an event
trigger are parsed here with spaCy's tagger, lemmatizer and dependency parser, so the parser's cost is
paid on a small fraction of the text. A parse is plain frozen data (token offsets relative to the
sentence), so later stages never hold spaCy objects.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from amity.annotate.nlp import MODEL_NAMES
from amity.errors import ModelNotFoundError
from amity.ingest.clean import scrub

MAX_PARSE_CHARS = 2_000  # a longer 'sentence' is a run-on list or a table: not parsed


@dataclass(frozen=True)
class PToken:
    i: int  # index in the sentence
    start: int  # character offset in the sentence
    text: str
    lemma: str
    pos: str
    tag: str
    dep: str
    head: int  # index of the head token (the root is its own head)

    @property
    def end(self) -> int:
        return self.start + len(self.text)


@dataclass(frozen=True)
class Parse:
    tokens: tuple[PToken, ...]

    def at(self, offset: int) -> PToken | None:
        """The token covering a character offset of the sentence."""
        for t in self.tokens:
            if t.start <= offset < t.end:
                return t
        return None

    def in_span(self, start: int, end: int) -> list[PToken]:
        return [t for t in self.tokens if start <= t.start < end]

    def head(self, t: PToken) -> PToken:
        return self.tokens[t.head]

    def ancestors(self, t: PToken) -> Iterator[PToken]:
        seen = {t.i}
        while t.head != t.i and t.head not in seen:
            t = self.tokens[t.head]
            seen.add(t.i)
            yield t

    def children(self, t: PToken) -> list[PToken]:
        return [c for c in self.tokens if c.head == t.i and c.i != t.i]

    def subtree(self, t: PToken) -> list[PToken]:
        out = [t]
        todo = [t]
        while todo:
            cur = todo.pop()
            for c in self.children(cur):
                out.append(c)
                todo.append(c)
        return sorted(out, key=lambda x: x.i)


@cache
def load_parser() -> Any:
    """spaCy's English pipeline without the entity recogniser: tagger, lemmatizer, parser."""
    import spacy

    for name in MODEL_NAMES:
        try:
            nlp = spacy.load(name, exclude=["ner"])
        except OSError:
            continue
        return nlp
    raise ModelNotFoundError("the spaCy English pipeline is not installed")


def parse_many(texts: Sequence[str]) -> list[Parse | None]:
    """One parse per text, None for a text too long to be a sentence. Lone surrogates are replaced
    one for one, so offsets stay those of the text."""
    nlp = load_parser()
    todo = [(i, scrub(t)) for i, t in enumerate(texts) if len(t) <= MAX_PARSE_CHARS]
    out: list[Parse | None] = [None] * len(texts)
    for (i, _), doc in zip(todo, nlp.pipe([t for _, t in todo], batch_size=64), strict=True):
        out[i] = Parse(
            tuple(PToken(t.i, t.idx, t.text, t.lemma_.lower(), t.pos_, t.tag_, t.dep_, t.head.i) for t in doc)
        )
    return out
