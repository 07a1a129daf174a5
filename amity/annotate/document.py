"""Run the NLP pipeline over a document's readable paragraphs; keep offsets into the original text."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from amity.annotate.nlp import load_pipeline
from amity.data_files import load_json
from amity.ingest.clean import masked_text, scrub
from amity.records import Document

MAX_NLP_CHARS = 300_000  # longer documents: the rest is kept but not read for events
# A 'paragraph' longer than this is no paragraph (a whole page on one line, a feed's text without
# line breaks): it is cut into pieces of about a paragraph's length, at sentence ends where there are
# any, so that a page on one line is read like the same page with its line breaks.
MAX_PARAGRAPH_CHARS = 2_000
PIECE_CHARS = 1_000
_SENTENCE_ENDS = (". ", "? ", "! ", "。", "！", "？", "; ")


@dataclass(frozen=True)
class Entity:
    start: int
    end: int
    label: str
    text: str


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    text: str
    ent: str


@dataclass(frozen=True)
class Sentence:
    index: int
    paragraph: int
    start: int
    end: int
    text: str
    tokens: tuple[Token, ...]
    entities: tuple[Entity, ...]
    bullet: bool = False


@dataclass(frozen=True)
class Annotated:
    doc: Document
    visible: str  # text with boilerplate blanked (same offsets)
    sentences: tuple[Sentence, ...]
    truncated: bool = False


_PARA = re.compile(r"[^\r\n]+")  # lines end at \n, \r\n or \r, as in ingest.clean
_BULLET = re.compile(r"^\s*[-•*–▪◦]\s+")  # list items (fact sheets), not numbered paragraphs


def _cut(text: str, limit: int) -> int:
    """Where to end the first piece of `text` (at most `limit` characters): after the last sentence end
    in the second half of the window, else at the last space, else at the limit."""
    window = text[:limit]
    end = max(window.rfind(mark) + len(mark.rstrip()) for mark in _SENTENCE_ENDS)
    if end > limit // 2:
        return end
    space = window.rfind(" ")
    return space if space > limit // 2 else limit


def paragraphs(visible: str) -> list[tuple[int, str]]:
    out = []
    for m in _PARA.finditer(visible):
        body = m.group()
        if not body.strip():
            continue
        lead = len(body) - len(body.lstrip())
        text = body.strip()
        start = m.start() + lead
        if len(text) > MAX_PARAGRAPH_CHARS:
            pos = 0  # offsets into `text`; pieces are cut without copying the rest each time
            while len(text) - pos > PIECE_CHARS:
                cut = _cut(text[pos : pos + PIECE_CHARS], PIECE_CHARS)
                piece = text[pos : pos + cut].rstrip()
                if piece:
                    out.append((start + pos, piece))
                pos += cut
                while pos < len(text) and text[pos].isspace():
                    pos += 1
            text, start = text[pos:], start + pos
        if text:
            out.append((start, text))
    return out


def annotate(doc: Document) -> Annotated:
    return annotate_many([doc])[0]


def annotate_many(
    docs: list[Document], select: Callable[[list[str]], set[int]] | None = None
) -> list[Annotated]:
    """Annotate several documents with one pass of the NLP pipeline over their paragraphs: all of them,
    or those `select` picks from a document's paragraph texts (the others get no sentences)."""
    nlp = load_pipeline()
    prepared = []
    for doc in docs:
        visible = scrub(masked_text(doc.text, doc.mask))
        paras = paragraphs(visible[:MAX_NLP_CHARS])
        chosen = select([t for _, t in paras]) if select is not None else set(range(len(paras)))
        prepared.append((doc, visible, len(visible) > MAX_NLP_CHARS, paras, chosen))
    texts = [p for *_, paras, chosen in prepared for i, (_, p) in enumerate(paras) if i in chosen]
    parsed = iter(nlp.pipe(texts, batch_size=128))
    out = []
    for doc, visible, truncated, paras, chosen in prepared:
        sentences: list[Sentence] = []
        for pi, (pstart, ptext) in enumerate(paras):
            if pi not in chosen:
                continue
            sdoc = next(parsed)
            bullet = bool(_BULLET.match(ptext))
            for sent in sdoc.sents:
                if not sent.text.strip():
                    continue
                toks = tuple(
                    Token(pstart + t.idx, pstart + t.idx + len(t.text), t.text, t.ent_type_) for t in sent
                )
                ents = tuple(
                    Entity(pstart + e.start_char, pstart + e.end_char, e.label_, e.text) for e in sent.ents
                )
                s0 = pstart + sent.start_char
                s1 = pstart + sent.end_char
                sentences.append(Sentence(len(sentences), pi, s0, s1, doc.text[s0:s1], toks, ents, bullet))
        out.append(Annotated(doc, visible, tuple(_merge_short(sentences, doc.text)), truncated))
    return out


@cache
def _ABBREVIATION_END() -> re.Pattern[str]:  # noqa: N802
    """A sentence 'ending' in an abbreviation ('Nov.', 'U.S.', 'Dr.') or an initial ('D.')."""
    words = "|".join(re.escape(w) for w in load_json("boilerplate.json")["abbreviations"])
    return re.compile(rf"\b(?:{words}|[A-Z]|[A-Z]\.[A-Z])\.$")


def _merge_short(sents: list[Sentence], text: str) -> list[Sentence]:
    """Glue sentence pieces split after abbreviations ("Nov.", "U.S.") back to their sentence."""
    out: list[Sentence] = []
    for s in sents:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.paragraph == s.paragraph
            and (_ABBREVIATION_END().search(prev.text.rstrip()) or s.text[:1].islower())
        ):
            out[-1] = Sentence(
                prev.index,
                prev.paragraph,
                prev.start,
                s.end,
                text[prev.start : s.end],
                prev.tokens + s.tokens,
                prev.entities + s.entities,
                prev.bullet,
            )
        else:
            out.append(
                Sentence(len(out), s.paragraph, s.start, s.end, s.text, s.tokens, s.entities, s.bullet)
            )
    return out
