"""Korean annotator: kiwipiepy's morphological analyser (Sejong tags; NNP proper nouns), the model
loaded once per process. Names are runs of proper nouns with their particles (은/는/이/가/을/를/의...)
left out."""

from __future__ import annotations

from functools import cache
from typing import Any

from amity.annotate.cjk import CjkAnnotated, CjkSentence, Name, Token, places, split_sentences


@cache
def _kiwi() -> Any:
    from kiwipiepy import Kiwi

    return Kiwi()


def tokens(text: str, offset: int = 0) -> list[Token]:
    return [Token(t.form, offset + t.start, offset + t.start + t.len, t.tag) for t in _kiwi().tokenize(text)]


def _names(text: str, offset: int, toks: list[Token]) -> list[Name]:
    """Runs of NNP tokens (adjacent or split by one space) as names, kind from the place lexicon."""
    out: list[Name] = []
    run: list[Token] = []

    def flush() -> None:
        if run:
            s, e = run[0].start, run[-1].end
            name = text[s - offset : e - offset]
            kind = "place" if places().kind(name) else "other"
            out.append(Name(name, s, e, kind))
            run.clear()

    for t in toks:
        if t.tag == "NNP" and (not run or t.start - run[-1].end <= 1):
            run.append(t)
        else:
            flush()
            if t.tag == "NNP":
                run.append(t)
    flush()
    return out


def annotate_ko(text: str) -> CjkAnnotated:
    sentences = []
    for n, (start, end, para) in enumerate(split_sentences(text, "ko")):
        toks = tokens(text[start:end], start)
        names = tuple(_names(text, 0, toks))
        sentences.append(CjkSentence(n, start, end, text[start:end], para, tuple(toks), names))
    return CjkAnnotated("ko", text, tuple(sentences))
