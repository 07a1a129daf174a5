"""The trained event classifier: the model file, `filter` (rejection, overrides, document gate) and the
training script's determinism. Every sentence here is written for the test."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from amity.annotate.document import Annotated, annotate
from amity.errors import DataFileError
from amity.extract.classifier import (
    DEFAULT_MODEL,
    FEATURE_SET,
    MODEL_FORMAT,
    MODEL_VERSION,
    EventClassifier,
    candidate_features,
    lexicon_cues,
    load_classifier,
    parse_model,
)
from amity.extract.events import Candidate, triggers
from amity.ingest.clean import text_to_document

REPO = Path(__file__).resolve().parents[2]
PACKAGED = REPO / "amity" / "data" / DEFAULT_MODEL

INTERNATIONAL = (
    "Korean Vice Minister Park Min-jae met Chinese Ambassador Li Wei in Seoul on Tuesday to discuss youth "
    "exchanges between the two countries."
)
LOCAL = "The Springfield school board held a meeting on Monday about the new bus timetable."
SIGNED_LOCALLY = (
    "The two neighbouring town councils signed a memorandum of understanding on waste collection."
)


def _train_events() -> ModuleType:
    name = "amity_benchmarks_train_events"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, REPO / "benchmarks" / "train_events.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def _candidates(*sentences: str) -> tuple[Annotated, list[Candidate]]:
    ann = annotate(text_to_document("t.txt", "Test article\n\n" + "\n\n".join(sentences)))
    return ann, triggers(ann)


def _model_file(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "format": MODEL_FORMAT,
        "model_version": MODEL_VERSION,
        "feature_set": FEATURE_SET,
        "version": "test-1",
        "use_by_default": False,
        "intercept": 2.0,
        # a sentence naming fewer than two countries is no exchange
        "weights": {"countries=0": -5.0, "countries=1": -5.0},
        "reject_threshold": 0.7,
        "gate_threshold": 0.5,
        "training": {"seed": 0},
    }
    data.update(changes)
    return data


def _classifier(**changes: Any) -> EventClassifier:
    return parse_model(_model_file(**changes))


def test_load_a_model_file(tmp_path: Path) -> None:
    path = tmp_path / "model.json"
    path.write_text(json.dumps(_model_file()), encoding="utf-8")
    model = load_classifier(path)
    assert model is not None
    assert model.version == "test-1"
    assert model.reject_threshold == 0.7 and model.gate_threshold == 0.5
    assert model.weights["countries=0"] == -5.0


def test_packaged_model_is_valid_small_and_loaded_only_when_it_beat_the_rules() -> None:
    if not PACKAGED.is_file():
        assert load_classifier(None) is None
        return
    assert PACKAGED.stat().st_size < 1_000_000
    data = json.loads(PACKAGED.read_text(encoding="utf-8"))
    model = parse_model(data)
    assert isinstance(data["training"]["seed"], int) and data["training"]["cv"]["candidates"]
    loaded = load_classifier(None)
    if data["use_by_default"]:
        assert loaded is not None and loaded.version == model.version
    else:
        assert loaded is None  # extraction stays on the rules unless asked for the model


def test_rejects_a_domestic_meeting_and_keeps_an_international_one() -> None:
    ann, cands = _candidates(INTERNATIONAL, LOCAL)
    assert [c.type for c in cands] == ["meeting", "meeting"]
    model = _classifier()
    p_int, p_local = model.scores(ann, cands)
    assert p_int > 0.8 and p_local < 0.1
    kept = model.filter(ann, cands)
    assert [c.sentence.text for c in kept] == [INTERNATIONAL]


def test_a_signed_agreement_overrides_the_model() -> None:
    ann, cands = _candidates(INTERNATIONAL, SIGNED_LOCALLY)
    agreement = [c for c in cands if c.type == "agreement"]
    assert agreement, "the rules find the signing"
    model = _classifier(weights={"countries=0": -5.0, "countries=1": -5.0})
    p = dict(zip((id(c) for c in cands), model.scores(ann, cands), strict=True))
    assert 1 - p[id(agreement[0])] > model.reject_threshold  # the model alone would drop it
    assert agreement[0] in model.filter(ann, cands)


def test_document_gate() -> None:
    model = _classifier(reject_threshold=1.0)  # no candidate is rejected on its own: only the gate acts
    ann, cands = _candidates(LOCAL)
    assert cands and model.filter(ann, cands) == []
    ann, cands = _candidates(INTERNATIONAL, LOCAL)
    assert len(model.filter(ann, cands)) == 2  # an article with an exchange keeps all its candidates
    assert model.filter(ann, []) == []


def test_extractor_with_a_model_file_yields_no_events_for_a_rejected_article(tmp_path: Path) -> None:
    from amity.annotate.gazetteer import gazetteer
    from amity.extract.pipeline import assemble

    path = tmp_path / "model.json"
    path.write_text(json.dumps(_model_file()), encoding="utf-8")
    model = load_classifier(path)
    ann, _ = _candidates(LOCAL)
    rec = assemble(ann, gazetteer(), model)
    assert rec.events == () and rec.participants == () and rec.organizations == ()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{not json", "not a usable event classifier"),
        (json.dumps({"weights": {}}), "format"),
        (json.dumps(_model_file(model_version=99)), "model_version"),
        (json.dumps(_model_file(feature_set="other")), "feature_set"),
        (json.dumps(_model_file(weights={"w=a": "heavy"})), "'w=a'"),
        (json.dumps(_model_file(weights={})), "weights"),
        (json.dumps(_model_file(reject_threshold=1.5)), "reject_threshold"),
        (json.dumps(_model_file(use_by_default="yes")), "use_by_default"),
        (json.dumps(_model_file(intercept=None)), "intercept"),
    ],
)
def test_corrupt_model_file(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "model.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataFileError, match="not a usable event classifier") as err:
        load_classifier(path)
    assert message in str(err.value) and "train_events.py" in str(err.value)


def test_missing_model_file(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match="cannot be read"):
        load_classifier(tmp_path / "absent.json")


# ---------------------------------------------------------------- training (scikit-learn)

EXCHANGES = [
    "Japanese Foreign Minister Sato Kenji met Vietnamese Deputy Prime Minister Tran Anh in Hanoi on {d}.",
    "A delegation from the Thai Ministry of Culture visited Seoul on {d} at the invitation of Korean officials.",
    "Indonesian and Australian universities signed a memorandum of understanding in Jakarta on {d}.",
    "French and Vietnamese experts opened a heritage conservation seminar in Hue on {d}.",
]
DOMESTIC = [
    "The Riverside town council held a meeting on {d} about parking fees.",
    "The local bakery chain launched a summer festival for its customers on {d}.",
    "The city's football club held a meeting with its fans on {d} after the defeat.",
    "The provincial planning office held a workshop for its own staff on {d}.",
]
DAYS = ["Monday", "Tuesday", "Wednesday"]


def _synthetic(te: ModuleType) -> tuple[list[Any], list[Any]]:
    cues = lexicon_cues()
    examples, docs = [], []
    for n, day in enumerate(DAYS):
        for positive, group in ((True, EXCHANGES), (False, DOMESTIC)):
            doc = f"{'x' if positive else 'd'}{n}"
            ann, cands = _candidates(*(s.format(d=day) for s in group))
            for c, f in zip(cands, candidate_features(ann, cands, cues), strict=True):
                examples.append(te.Example(doc, tuple(f), int(positive), c.type, False))
            docs.append(te.GoldDoc(doc, Path(doc), positive, {}, int(positive), int(not positive)))
    return examples, docs


def test_training_is_deterministic_and_learns_the_exchanges() -> None:
    pytest.importorskip("sklearn")
    te = _train_events()
    examples, docs = _synthetic(te)
    assert {e.label for e in examples} == {0, 1}
    runs = [
        json.dumps(te.model_json(te.train(examples, docs, 3, 0), {"seed": 0}), sort_keys=True)
        for _ in range(2)
    ]
    assert runs[0] == runs[1]
    model = parse_model(json.loads(runs[0]))
    ann, cands = _candidates(
        "Malaysian and Chinese officials met in Kuala Lumpur on Friday.",
        "The village council held a meeting on Friday about the new footpath.",
    )
    p_exchange, p_domestic = model.scores(ann, cands)
    assert p_exchange > p_domestic


def test_folds_are_by_document_and_stratified() -> None:
    te = _train_events()
    docs = [te.GoldDoc(f"d{i:02d}", Path("x"), i % 3 != 0, {}) for i in range(30)]
    folds = te.folds_of(docs, 5, 0)
    assert folds == te.folds_of(docs, 5, 0)
    assert sorted(d for f in folds for d in f) == sorted(d.doc for d in docs)
    negatives = {d.doc for d in docs if not d.positive}
    assert [sum(d in negatives for d in f) for f in folds] == [2] * 5
