"""The trained event classifier: scores each candidate sentence as an exchange event of a type, or none.

The model is small package data (`amity/data/models/event_classifier.json`, versioned) written by
`benchmarks/train_events.py`; inference is a sparse dot product, so nothing but the standard library
runs at extraction time. The rules stay: the model filters the trigger candidates, it never adds any.

A candidate is one trigger match of the rules (its type, its event noun, its sentence). Its features are
the rules themselves (the candidate's type, noun and trigger words, the other types the lexicon finds in
the sentence, the lexicon's planned and historical cues), the sentence's words (lowercase unigrams and
bigrams, and the words next to the trigger), cheap cues (a future or a negation word, how many countries,
nationalities, organisations and people the sentence names), its position in the document, and a few
document-level counts that let the same model act as the document gate.

`EventClassifier.filter` then
- drops a candidate whose probability of being no event is above `reject_threshold`, unless a precise rule
  overrides the model (see `_override`);
- gates the document: when no candidate reaches `gate_threshold` the article reports no exchange, and
  nothing is kept.

The packaged model is used by default only when its training found it better than the rules alone in
cross-validation (`use_by_default` in the file); otherwise only when asked (`--event-model FILE`).
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from amity.data_files import load_json
from amity.errors import DataFileError

if TYPE_CHECKING:
    from amity.annotate.document import Annotated, Sentence
    from amity.annotate.gazetteer import Gazetteer
    from amity.extract.events import Candidate

DEFAULT_MODEL = "models/event_classifier.json"
MODEL_FORMAT = "amity-event-classifier"
MODEL_VERSION = 1  # the file layout; bump when it changes
FEATURE_SET = "cand-v1"  # the feature extraction below; a model trained on another one is refused

_WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")
_YEAR = re.compile(r"(?:19|20)\d\d")
_FUTURE = re.compile(
    r"\b(?:will|would|shall|plans?|planned|planning|to be held|scheduled|slated|upcoming|next|expected|"
    r"intends?|aims? to|is set to|are set to|proposed|could|may)\b",
    re.I,
)
_NEGATION = re.compile(
    r"\b(?:not|no|never|without|n't|cancel(?:led|ed|s)?|postpone[sd]?|call(?:ed)? off|refused|declined|"
    r"failed to)\b|n't\b",
    re.I,
)
_REPORTED = re.compile(r"\b(?:said|says|told|according to|added|noted|stressed)\b", re.I)
_QUOTE_MARK = re.compile(r"[“”\"]")
# precise rules the model never overrules: a signature in the sentence of an agreement
_SIGNED = re.compile(r"\b(?:signed|inked|put (?:their|his|her) signatures? to)\b", re.I)


def _bucket(n: int, edges: Sequence[int]) -> str:
    """The first edge at or above `n` ('4' stands for 3..4 when the edges are 1, 2, 4), or 'E+'."""
    for e in edges:
        if n <= e:
            return str(e)
    return f"{edges[-1]}+"


@dataclass(frozen=True)
class Cues:
    """The lexicon's status cues (data/triggers.json), compiled: rules used as features."""

    planned: re.Pattern[str]
    historical: re.Pattern[str]


def lexicon_cues() -> Cues:
    d = load_json("triggers.json")
    try:
        return Cues(re.compile(d["planned_cues"], re.I), re.compile(d["historical_cues"], re.I))
    except (KeyError, TypeError, re.error) as e:
        raise DataFileError(f"data file 'triggers.json' has no usable status cues: {e}") from e


def _words(text: str) -> list[str]:
    out = []
    for w in _WORD.findall(text.lower()):
        if _YEAR.fullmatch(w):
            out.append("<year>")
        elif w.isdigit():
            out.append("<num>")
        else:
            out.append(w)
    return out


def _entity_counts(s: Sentence) -> dict[str, int]:
    seen: dict[str, set[str]] = {"GPE": set(), "NORP": set(), "ORG": set(), "PERSON": set()}
    for e in s.entities:
        if e.label in seen:
            seen[e.label].add(e.text.lower())
    return {k: len(v) for k, v in seen.items()}


def sentence_countries(s: Sentence, g: Gazetteer) -> list[str]:
    """The countries (and blocs) of the places and nationalities the sentence's entities name, once each
    mention: 'Korean' and 'Seoul' are both KR."""
    out = []
    for e in s.entities:
        if e.label not in ("GPE", "NORP", "LOC"):
            continue
        name = e.text.strip()
        code = g.country_of_name(name) or g.demonym(name) or g.bloc(name)
        if not code and e.label != "NORP":
            info, _ = g.lookup(name)
            code = info.country if info else None
        if code:
            out.append(code)
    return out


def candidate_features(
    ann: Annotated, cands: Sequence[Candidate], cues: Cues, g: Gazetteer | None = None
) -> list[list[str]]:
    """The binary features of each candidate, in order. Training and inference both call this."""
    from amity.annotate.gazetteer import gazetteer

    g = g or gazetteer()
    n_sent = max(1, len(ann.sentences))
    by_sentence: dict[int, list[Candidate]] = {}
    for c in cands:
        by_sentence.setdefault(c.sentence.index, []).append(c)
    doc_types = {c.type for c in cands}
    countries = {s.index: sentence_countries(s, g) for s in ann.sentences}
    mentions = Counter(x for v in countries.values() for x in v)
    top = mentions.most_common(1)[0][1] if mentions else 0
    second = mentions.most_common(2)[1][1] if len(mentions) > 1 else 0
    doc = [
        f"d_cands={_bucket(len(cands), (1, 2, 4, 8, 16))}",
        f"d_types={_bucket(len(doc_types), (1, 2, 3))}",
        f"d_sents={_bucket(len(by_sentence), (1, 2, 4, 8))}",
        f"d_countries={_bucket(len(mentions), (0, 1, 2, 3, 5))}",
        # a domestic story names its own country over and over, another one seldom
        f"d_second={_bucket(second, (0, 1, 2, 4))}",
        f"d_share={min(4, int(5 * second / top)) if top else 0}",
    ]
    out: list[list[str]] = []
    for c in cands:
        s = c.sentence
        t = c.type
        f = [f"type={t}", f"noun={t}|{c.noun}"]
        trig = _words(c.trigger)
        if trig:
            f += [f"trig0={t}|{trig[0]}", f"trig1={t}|{trig[-1]}"]
        same = by_sentence[s.index]
        f += [f"stype={x.type}" for x in same if x.type != t]
        f.append(f"s_cands={_bucket(len(same), (1, 2, 3))}")
        words = _words(s.text)
        f += [f"w={w}" for w in words]
        f += [f"b={a}_{b}" for a, b in zip(words, words[1:], strict=False)]
        rel0, rel1 = c.trigger_start - s.start, c.trigger_end - s.start
        left, right = _words(s.text[max(0, rel0 - 40) : rel0])[-3:], _words(s.text[rel1 : rel1 + 40])[:3]
        f += [f"l={t}|{w}" for w in left] + [f"r={t}|{w}" for w in right]
        if cues.planned.search(s.text):
            f.append(f"planned={t}")
        if cues.historical.search(s.text):
            f.append(f"historical={t}")
        if _FUTURE.search(s.text):
            f.append("future")
        if _NEGATION.search(s.text):
            f.append("negation")
        if _REPORTED.search(s.text):
            f.append("reported")
        if _QUOTE_MARK.search(s.text):
            f.append("quote_mark")
        ents = _entity_counts(s)
        places = len(set(countries[s.index]))
        f += [
            f"countries={_bucket(places, (0, 1, 2, 3))}",
            f"countries={t}|{_bucket(places, (0, 1, 2))}",
            f"orgs={_bucket(ents['ORG'], (0, 1, 2))}",
            f"people={_bucket(ents['PERSON'], (0, 1, 2))}",
            f"pos={_bucket(s.index, (0, 1, 3, 6, 12))}",
            f"rel={min(3, 4 * s.index // n_sent)}",
            f"len={_bucket(len(words), (8, 16, 32, 64))}",
        ]
        if s.bullet:
            f.append("bullet")
        out.append(sorted(set(f + doc)))
    return out


def _sigmoid(z: float) -> float:
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


def _override(c: Candidate) -> bool:
    """A precise rule the model does not overrule: an agreement whose sentence says it was signed."""
    return c.type == "agreement" and bool(_SIGNED.search(c.sentence.text))


@dataclass(frozen=True)
class EventClassifier:
    """A loaded model. `filter` keeps the candidates the model does not reject."""

    version: str
    weights: Mapping[str, float]
    intercept: float
    reject_threshold: float  # drop a candidate when P(none) is above this
    gate_threshold: float  # keep a document only when some candidate's P(event) reaches this
    cues: Cues
    use_by_default: bool = False  # its cross-validation beat the rules alone: extraction uses it unasked

    def scores(self, ann: Annotated, cands: Sequence[Candidate]) -> list[float]:
        """P(event) of each candidate: the logistic of a sparse dot product."""
        w = self.weights
        return [
            _sigmoid(self.intercept + sum(w.get(x, 0.0) for x in feats))
            for feats in candidate_features(ann, cands, self.cues)
        ]

    def filter(self, ann: Annotated, cands: Sequence[Candidate]) -> list[Candidate]:
        if not cands:
            return []
        p = self.scores(ann, cands)
        if max(p) < self.gate_threshold:
            return []  # the article reports no international exchange
        return [
            c for c, pe in zip(cands, p, strict=True) if 1.0 - pe <= self.reject_threshold or _override(c)
        ]


def _number(d: Mapping[str, Any], key: str, lo: float = -math.inf, hi: float = math.inf) -> float:
    v = d.get(key)
    if isinstance(v, bool) or not isinstance(v, int | float) or not lo <= v <= hi or math.isnan(v):
        raise ValueError(f"{key!r} must be a number in [{lo}, {hi}], not {v!r}")
    return float(v)


def parse_model(data: Any) -> EventClassifier:
    """An EventClassifier from the parsed model file; ValueError says what is wrong with it."""
    if not isinstance(data, dict) or data.get("format") != MODEL_FORMAT:
        raise ValueError(f'not an amity event classifier (no "format": "{MODEL_FORMAT}")')
    if data.get("model_version") != MODEL_VERSION:
        raise ValueError(f"model_version {data.get('model_version')!r}; this amity reads {MODEL_VERSION}")
    if data.get("feature_set") != FEATURE_SET:
        raise ValueError(f"feature_set {data.get('feature_set')!r}; this amity computes {FEATURE_SET!r}")
    version = data.get("version")
    if not isinstance(version, str) or not version:
        raise ValueError("'version' must be a non-empty string")
    use_by_default = data.get("use_by_default")
    if not isinstance(use_by_default, bool):
        raise ValueError("'use_by_default' must be true or false")
    weights = data.get("weights")
    if not isinstance(weights, dict) or not weights:
        raise ValueError("'weights' must be a non-empty object of feature -> number")
    for k, v in weights.items():
        if isinstance(v, bool) or not isinstance(v, int | float) or not math.isfinite(v):
            raise ValueError(f"weight of {k!r} is not a finite number: {v!r}")
    return EventClassifier(
        version=version,
        weights={str(k): float(v) for k, v in weights.items()},
        intercept=_number(data, "intercept"),
        reject_threshold=_number(data, "reject_threshold", 0.0, 1.0),
        gate_threshold=_number(data, "gate_threshold", 0.0, 1.0),
        cues=lexicon_cues(),
        use_by_default=use_by_default,
    )


def load_classifier(path: Path | None = None) -> EventClassifier | None:
    """The model at `path`; without one, the packaged model when its training found it better than the
    rules alone (`use_by_default`), else None: extraction then runs on the rules."""
    if path is None:
        res = resources.files("amity.data").joinpath(DEFAULT_MODEL)
        if not res.is_file():
            return None
        model = _read(f"packaged model {DEFAULT_MODEL}", res.read_text)
        return model if model.use_by_default else None
    return _read(f"event model {path}", Path(path).read_text)


def _read(where: str, read: Callable[..., str]) -> EventClassifier:
    try:
        text = read(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise DataFileError(
            f"{where} cannot be read: {e}", "retrain it with benchmarks/train_events.py"
        ) from e
    try:
        return parse_model(json.loads(text))
    except (json.JSONDecodeError, ValueError) as e:
        raise DataFileError(
            f"{where} is not a usable event classifier: {e}", "retrain it with benchmarks/train_events.py"
        ) from e
