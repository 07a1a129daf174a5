"""Chinese annotator: jieba's part-of-speech segmenter (nr person, ns place, nt organisation, nz other
proper name), its dictionary loaded once per process."""

from __future__ import annotations

from functools import cache
from typing import Any

from amity.annotate.cjk import CjkAnnotated, CjkSentence, Name, Token, split_sentences

_KINDS = {"nr": "person", "nrt": "person", "nrfg": "person", "ns": "place", "nt": "org", "nz": "other"}


@cache
def _tokenizer() -> Any:
    import logging

    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)
    return jieba.posseg.POSTokenizer(jieba.Tokenizer())


def tokens(text: str, offset: int = 0) -> list[Token]:
    """jieba's words with their tags and offsets (jieba keeps every character, so offsets add up)."""
    out: list[Token] = []
    pos = 0
    for pair in _tokenizer().cut(text):
        word, flag = pair.word, pair.flag
        i = text.find(word, pos)
        if i < 0:  # never expected: jieba returns the text cut into pieces
            continue
        out.append(Token(word, offset + i, offset + i + len(word), flag))
        pos = i + len(word)
    return out


def annotate_zh(text: str) -> CjkAnnotated:
    sentences = []
    for n, (start, end, para) in enumerate(split_sentences(text, "zh")):
        toks = tuple(tokens(text[start:end], start))
        names = tuple(Name(t.text, t.start, t.end, _KINDS[t.tag]) for t in toks if t.tag in _KINDS)
        sentences.append(CjkSentence(n, start, end, text[start:end], para, toks, names))
    return CjkAnnotated("zh", text, tuple(sentences))
