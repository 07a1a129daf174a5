#!/usr/bin/env python3
"""Train the event classifier (amity/extract/classifier.py) from gold sets; cross-validate it by document.

    .venv/bin/pip install -e '.[train]'          # scikit-learn: for training only, never at extraction
    .venv/bin/python benchmarks/train_events.py  # CV report; writes amity/data/models/event_classifier.json
    .venv/bin/python benchmarks/train_events.py --cv-only --skip-pipeline   # the quick figures only

A gold folder holds `gold.json` (a list of documents; each event has a `quote` copied from the sentence
reporting it) and `docs/`; the default is ../shared/eval/dev beside the repository. The shared scorer
(`score.py` beside the gold folder, or --score) matches the rules' events to the gold ones.

Examples are the rules' own trigger candidates (`amity.extract.events.triggers` over amity's annotation,
exactly what `EventClassifier.filter` sees at extraction time), labelled so that the model learns what
the pipeline needs dropped:

- true (1): the candidate's sentence holds a gold quote of the candidate's type, or is evidence of an
  event of its type that the rules alone extract and the scorer matches to a gold event;
- false (0): no gold event of the candidate's type is in the article (every candidate of an event-free
  article is false), or its sentence is evidence only of the rules' events that match no gold event;
- unknown (skipped in training): the rest, candidates the rules' later stages drop anyway. A later
  mention of a true event ('the forum' three paragraphs on) is true, not false: the rules merge it into
  the event, and rejecting it would teach the model to drop the very sentences events are made of.

Deterministic: inputs sorted, folds drawn with --seed, lbfgs. Folds are by document (an article's
candidates are all on one side), stratified by whether the article has gold events. Thresholds are
never chosen on the fold they are tested on; they come from out-of-fold scores of the training
documents (an inner CV, repeated INNER_REPEATS times), by these fixed rules:

- reject threshold (drop a candidate when P(none) is above it): minimises
  REJECT_COST x (true candidates dropped) + (false candidates kept), never below MIN_REJECT;
- gate threshold (an article whose candidates all score below it yields no events): maximises
  (the rules' unmatched events in the rejected articles) - GATE_COST x (their matched events).

REJECT_COST = GATE_COST = 2: near the scorer's operating point a lost true event costs event F1 about
twice what a removed false one gains.

The model file is written either way; its `use_by_default` is true only when the pipeline CV's
event_f1_main with the model beats the rules alone (never with --skip-pipeline). Without it, extraction
uses the model only when asked (`amity extract --event-model FILE`).

Reports: candidate acceptance (model vs the rules alone, which accept every candidate), the document
gate, and the pipeline CV: for each fold, the model trained on the other folds is written to a temporary
file and `amity extract --event-model` runs on the fold's documents; the concatenated predictions are
scored with the shared scorer beside `amity extract --rules-only` on the same documents.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import math
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

REPO = Path(__file__).resolve().parent.parent
DEFAULT_GOLD = REPO.parent / "shared" / "eval" / "dev"
DEFAULT_OUT = REPO / "amity" / "data" / "models" / "event_classifier.json"

C = 0.1  # inverse L2 strength of the logistic regression (few documents: strong regularisation)
REJECT_COST = 2.0  # dropping a true candidate costs this many kept false ones
MIN_REJECT = 0.5  # never drop a candidate the model finds more likely an event than not
GATE_COST = 2.0  # losing one of the rules' true events costs this many removed false ones
INNER_REPEATS = 3  # inner CV repeats (other fold draws) pooled to choose the thresholds
PRUNE = 0.002  # weights smaller than this (in absolute value) are left out of the file
DIGITS = 4  # weights are rounded to this many decimals
GATE_TABLE = (0.3, 0.5, 0.7, 0.9)  # fixed gate thresholds reported for information (not chosen on them)
PIPELINE_METRICS = ("event_precision", "event_recall_main", "event_f1_main", "person_f1", "org_f1")


@dataclass(frozen=True)
class Example:
    doc: str  # document id (the group of cross-validation)
    features: tuple[str, ...]
    label: int  # 1 true, 0 false, -1 unknown (not trained on, not counted)
    type: str
    override: bool  # a precise rule keeps it whatever the model says


@dataclass(frozen=True)
class GoldDoc:
    doc: str
    path: Path
    positive: bool  # the gold lists at least one event
    gold: dict[str, Any]
    rules_tp: int = 0  # the rules' events (alone) the scorer matches to gold events
    rules_fp: int = 0  # and those it does not


@dataclass(frozen=True)
class Trained:
    weights: dict[str, float]
    intercept: float
    reject: float
    gate: float


# ---------------------------------------------------------------- data


def load_scorer(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("amity_shared_score", path)
    if spec is None or spec.loader is None or not path.is_file():
        raise SystemExit(f"train_events: cannot import the scorer {path} (use --score)")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def read_gold(dirs: Sequence[Path]) -> list[GoldDoc]:
    out: dict[str, GoldDoc] = {}
    for d in dirs:
        for g in json.loads((d / "gold.json").read_text(encoding="utf-8")):
            path = d / "docs" / g["doc"]
            if not path.is_file():
                raise SystemExit(f"train_events: {path} (listed in {d / 'gold.json'}) not found")
            if g["doc"] in out:
                raise SystemExit(f"train_events: document {g['doc']} is in two gold sets")
            out[g["doc"]] = GoldDoc(g["doc"], path, bool(g.get("events")), g)
    return [out[k] for k in sorted(out)]


def _overlaps(a0: int, a1: int, b0: int, b1: int) -> bool:
    return a0 < b1 and b0 < a1


def build_examples(docs: Sequence[GoldDoc], scorer: ModuleType) -> tuple[list[Example], list[GoldDoc]]:
    """The labelled candidates of every document, and the documents with the rules' event counts."""
    from amity.annotate.document import annotate_many
    from amity.annotate.gazetteer import gazetteer
    from amity.extract.classifier import _override, candidate_features, lexicon_cues
    from amity.extract.events import triggers
    from amity.extract.pipeline import assemble
    from amity.ingest import read_source
    from amity.records import Document

    cues, gaz = lexicon_cues(), gazetteer()
    read: list[Document] = []
    for gd in docs:
        items = [x for x in read_source(str(gd.path)) if isinstance(x, Document)]
        if len(items) != 1:
            raise SystemExit(f"train_events: {gd.path} does not read as one document")
        read.append(items[0])
    anns = annotate_many(read)
    examples: list[Example] = []
    counted: list[GoldDoc] = []
    missing = 0
    for gd, ann in zip(docs, anns, strict=True):
        text = ann.doc.text
        gold_events = gd.gold.get("events") or []
        quotes = []
        for e in gold_events:
            i = text.find(e.get("quote") or "\0")
            if i < 0:
                missing += 1
            else:
                quotes.append((e["type"], i, i + len(e["quote"])))
        gold_types = {e["type"] for e in gold_events}
        rec = assemble(ann, gaz, None).to_dict()
        matched = {pi for _, pi in scorer.match_events(gold_events, rec["events"], text)}
        counted.append(
            GoldDoc(gd.doc, gd.path, gd.positive, gd.gold, len(matched), len(rec["events"]) - len(matched))
        )
        cands = triggers(ann)
        for c, f in zip(cands, candidate_features(ann, cands, cues, gaz), strict=True):
            s = c.sentence
            events = [
                i
                for i, e in enumerate(rec["events"])
                if e["type"] == c.type
                and any(_overlaps(s.start, s.end, v["start"], v["end"]) for v in e["evidence"])
            ]
            if any(t == c.type and _overlaps(s.start, s.end, a, b) for t, a, b in quotes):
                label = 1
            elif any(i in matched for i in events):
                label = 1
            elif events or c.type not in gold_types:
                label = 0
            else:
                label = -1
            examples.append(Example(gd.doc, tuple(f), label, c.type, _override(c)))
    if missing:
        print(f"train_events: {missing} gold quotes not found in their documents (ignored)", file=sys.stderr)
    return examples, counted


def folds_of(docs: Sequence[GoldDoc], k: int, seed: int) -> list[list[str]]:
    """k folds of document ids, stratified by whether the article has gold events, drawn with `seed`."""
    rng = random.Random(seed)
    folds: list[list[str]] = [[] for _ in range(k)]
    at = 0
    for positive in (True, False):
        ids = sorted(d.doc for d in docs if d.positive == positive)
        rng.shuffle(ids)
        for i in ids:
            folds[at % k].append(i)
            at += 1
    return [sorted(f) for f in folds]


# ---------------------------------------------------------------- model


def fit(examples: Sequence[Example], seed: int) -> tuple[dict[str, float], float]:
    """Logistic regression over the binary features of the labelled examples: (weights, intercept),
    rounded and pruned as they are written."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    known = [e for e in examples if e.label >= 0]
    labels = {e.label for e in known}
    if len(labels) < 2:  # nothing to learn: a constant model
        p = min(max(float(labels.pop()) if labels else 0.5, 0.01), 0.99)
        return {}, round(math.log(p / (1 - p)), DIGITS)
    vec = DictVectorizer(sort=True)
    x = vec.fit_transform([dict.fromkeys(e.features, 1) for e in known])
    lr = LogisticRegression(C=C, max_iter=10000, solver="lbfgs", random_state=seed)
    lr.fit(x, [e.label for e in known])
    names = vec.get_feature_names_out()
    weights = {
        str(n): round(float(w), DIGITS) for n, w in zip(names, lr.coef_[0], strict=True) if abs(w) >= PRUNE
    }
    return weights, round(float(lr.intercept_[0]), DIGITS)


def predict(model: tuple[dict[str, float], float], examples: Sequence[Example]) -> list[float]:
    """P(event) as `EventClassifier.scores` computes it from the written file."""
    from amity.extract.classifier import _sigmoid

    w, b = model
    return [_sigmoid(b + sum(w.get(f, 0.0) for f in e.features)) for e in examples]


def doc_scores(examples: Sequence[Example], p: Sequence[float]) -> dict[str, float]:
    """An article's score: its best candidate's P(event), as the gate reads it."""
    out: dict[str, float] = {}
    for e, pe in zip(examples, p, strict=True):
        out[e.doc] = max(out.get(e.doc, 0.0), pe)
    return out


def choose_reject(examples: Sequence[Example], p: Sequence[float]) -> float:
    """The P(none) threshold minimising REJECT_COST x true candidates dropped + false ones kept."""
    pairs = [(e, 1 - pe) for e, pe in zip(examples, p, strict=True) if e.label >= 0 and not e.override]
    best = (math.inf, 0.0)
    for t in sorted({round(pn, DIGITS) for _, pn in pairs if pn >= MIN_REJECT} | {1.0}):
        cost = sum(REJECT_COST if e.label else 0.0 for e, pn in pairs if pn > t)
        cost += sum(0.0 if e.label else 1.0 for e, pn in pairs if pn <= t)
        best = min(best, (cost, -t))  # ties: the highest threshold (drop the least)
    return -best[1]


def choose_gate(scored: Sequence[tuple[GoldDoc, float]]) -> float:
    """The gate threshold maximising the rules' false events removed - GATE_COST x true ones lost;
    ties: the lowest (reject the fewest articles). Halfway between the last rejected and first kept."""
    values = sorted({s for _, s in scored})
    best = (0.0, 0.0)  # rejecting nothing
    for t in values:
        gain = sum(d.rules_fp - GATE_COST * d.rules_tp for d, s in scored if s < t)
        if gain > best[0]:
            best = (gain, t)
    if best[1] <= 0:
        return 0.0
    below = max(s for _, s in scored if s < best[1])
    return round((below + best[1]) / 2, DIGITS)


def out_of_fold(examples: Sequence[Example], folds: Sequence[Sequence[str]], seed: int) -> list[float]:
    """P(event) of every example from the model trained without its fold."""
    p = [0.0] * len(examples)
    for fold in folds:
        held = set(fold)
        model = fit([e for e in examples if e.doc not in held], seed)
        idx = [i for i, e in enumerate(examples) if e.doc in held]
        for i, pe in zip(idx, predict(model, [examples[i] for i in idx]), strict=True):
            p[i] = pe
    return p


def fold_models(
    examples: Sequence[Example], docs: Sequence[GoldDoc], k: int, seed: int
) -> Iterator[tuple[int, list[str], Trained]]:
    """For each outer fold: its number, its held-out documents, and the model trained on the others."""
    for n, fold in enumerate(folds_of(docs, k, seed)):
        held = set(fold)
        rest = [e for e in examples if e.doc not in held]
        yield n, fold, train(rest, [d for d in docs if d.doc not in held], k - 1, seed + 1 + n)


def train(examples: Sequence[Example], docs: Sequence[GoldDoc], k: int, seed: int) -> Trained:
    """Weights from all the examples; thresholds from repeated out-of-fold scores of these same ones."""
    weights, intercept = fit(examples, seed)
    pooled_ex: list[Example] = []
    pooled_p: list[float] = []
    scored: list[tuple[GoldDoc, float]] = []
    by_id = {d.doc: d for d in docs}
    for r in range(INNER_REPEATS):
        p = out_of_fold(examples, folds_of(docs, k, seed * 1000 + r), seed)
        pooled_ex += examples
        pooled_p += p
        scored += [(by_id[d], s) for d, s in sorted(doc_scores(examples, p).items())]
    return Trained(weights, intercept, choose_reject(pooled_ex, pooled_p), choose_gate(scored))


def model_json(t: Trained, meta: dict[str, Any], use_by_default: bool = False) -> dict[str, Any]:
    from amity.extract.classifier import FEATURE_SET, MODEL_FORMAT, MODEL_VERSION

    return {
        "format": MODEL_FORMAT,
        "model_version": MODEL_VERSION,
        "feature_set": FEATURE_SET,
        "version": str(meta.get("version", "1")),
        "use_by_default": use_by_default,
        "intercept": t.intercept,
        "reject_threshold": t.reject,
        "gate_threshold": t.gate,
        "training": meta,
        "weights": dict(sorted(t.weights.items())),
    }


def write_model(path: Path, t: Trained, meta: dict[str, Any], use_by_default: bool = False) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(model_json(t, meta, use_by_default), indent=1, ensure_ascii=False)
    path.write_text(text + "\n", encoding="utf-8")


# ---------------------------------------------------------------- cross-validation


def prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return {
        "precision": round(p, 4),
        "recall": round(r, 4),
        "f1": round(2 * p * r / (p + r) if p + r else 0.0, 4),
    }


def kept_by(t: Trained, examples: Sequence[Example], p: Sequence[float]) -> list[bool]:
    """Which candidates `EventClassifier.filter` keeps (the gate included)."""
    scores = doc_scores(examples, p)
    return [
        scores[e.doc] >= t.gate and (1 - pe <= t.reject or e.override)
        for e, pe in zip(examples, p, strict=True)
    ]


def cv(examples: Sequence[Example], docs: Sequence[GoldDoc], k: int, seed: int) -> dict[str, Any]:
    """Nested cross-validation by document: candidate acceptance and the document gate."""
    kept = [False] * len(examples)
    gated: dict[str, bool] = {}
    outer_scores: dict[str, float] = {}
    per_fold = []
    for _, fold, t in fold_models(examples, docs, k, seed):
        held = set(fold)
        idx = [i for i, e in enumerate(examples) if e.doc in held]
        test = [examples[i] for i in idx]
        p = predict((t.weights, t.intercept), test)
        for i, keep in zip(idx, kept_by(t, test, p), strict=True):
            kept[i] = keep
        for d, s in doc_scores(test, p).items():
            gated[d] = s < t.gate
            outer_scores[d] = s
        per_fold.append({"docs": len(fold), "reject_threshold": t.reject, "gate_threshold": t.gate})
    known = [(e, k_) for e, k_ in zip(examples, kept, strict=True) if e.label >= 0]
    n_pos = sum(e.label for e, _ in known)
    tp = sum(1 for e, k_ in known if e.label and k_)
    fp = sum(1 for e, k_ in known if not e.label and k_)
    by_id = {d.doc: d for d in docs}
    rejected = [by_id[d] for d, g in sorted(gated.items()) if g]
    return {
        "folds": per_fold,
        "candidates": len(examples),
        "labelled": len(known),
        "true": n_pos,
        "rules": prf(n_pos, len(known) - n_pos, 0),
        "model": prf(tp, fp, n_pos - tp),
        "model_dropped": sum(1 for _, k_ in known if not k_),
        "gate": {
            "negative_docs": sum(1 for d in docs if not d.positive),
            "negative_docs_with_candidates": sum(1 for d in docs if not d.positive and d.doc in gated),
            "negative_docs_rejected": sum(1 for d in rejected if not d.positive),
            "positive_docs": sum(1 for d in docs if d.positive),
            "positive_docs_rejected": sum(1 for d in rejected if d.positive),
            "rules_false_events_removed": sum(d.rules_fp for d in rejected),
            "rules_true_events_lost": sum(d.rules_tp for d in rejected),
            "rejected": [d.doc for d in rejected],
            # how well the articles' scores separate event-free ones, whatever the threshold
            "auc": round(_auc([(s, by_id[d].positive) for d, s in outer_scores.items()]), 4),
            "at": {
                str(t): {
                    "negative_docs_rejected": sum(
                        1 for d, s in outer_scores.items() if s < t and not by_id[d].positive
                    ),
                    "positive_docs_rejected": sum(
                        1 for d, s in outer_scores.items() if s < t and by_id[d].positive
                    ),
                }
                for t in GATE_TABLE
            },
        },
    }


def _auc(scored: Sequence[tuple[float, bool]]) -> float:
    """P(a positive article outscores an event-free one), ties counting half."""
    pos = [s for s, y in scored if y]
    neg = [s for s, y in scored if not y]
    if not pos or not neg:
        return float("nan")
    wins = sum((p > n) + 0.5 * (p == n) for p in pos for n in neg)
    return wins / (len(pos) * len(neg))


def _extract(paths: Sequence[Path], out: Path, model: Path | None) -> float:
    flag = ["--event-model", str(model)] if model else ["--rules-only"]
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "amity.cli", "extract", *flag, *map(str, paths), "-o", str(out)],
        cwd=REPO,
        check=True,
    )
    return time.perf_counter() - started


def pipeline_cv(
    examples: Sequence[Example], docs: Sequence[GoldDoc], k: int, seed: int, scorer: ModuleType
) -> dict[str, Any]:
    """`amity extract` per fold with the model trained on the other folds, vs --rules-only; scored."""
    by_id = {d.doc: d for d in docs}
    rows: dict[str, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory(prefix="amity-train-") as tmp_s:
        tmp = Path(tmp_s)
        docs_dir = tmp / "docs"  # one folder for the scorer, whichever gold set a document is from
        docs_dir.mkdir()
        for d in docs:
            (docs_dir / d.doc).symlink_to(d.path.resolve())
        preds: dict[str, list[str]] = {"model": [], "rules": []}
        seconds = {"model": 0.0, "rules": 0.0}
        for n, fold, t in fold_models(examples, docs, k, seed):
            model, out = tmp / f"model_{n}.json", tmp / f"pred_{n}.jsonl"
            write_model(model, t, {"fold": n})
            seconds["model"] += _extract([by_id[i].path for i in fold], out, model)
            preds["model"] += out.read_text(encoding="utf-8").splitlines()
            print(f"train_events: pipeline fold {n + 1}/{k} done", file=sys.stderr)
        for n, fold in enumerate(folds_of(docs, k, seed)):  # the same runs, without the model
            out = tmp / f"rules_{n}.jsonl"
            seconds["rules"] += _extract([by_id[i].path for i in fold], out, None)
            preds["rules"] += out.read_text(encoding="utf-8").splitlines()
        negative = {d.doc for d in docs if not d.positive}
        for name, lines in preds.items():
            recs = {Path(str(r.get("doc", ""))).name: r for r in map(json.loads, filter(str.strip, lines))}
            m, _ = scorer.score([d.gold for d in docs], recs, docs_dir, False)
            row: dict[str, Any] = {key: round(m[key], 4) for key in PIPELINE_METRICS}
            row["events_pred"] = m["events_pred"]
            row["negative_doc_events"] = sum(
                len(r.get("events") or []) for d, r in recs.items() if d in negative
            )
            row["seconds"] = round(seconds[name], 1)
            rows[name] = row
    return rows


# ---------------------------------------------------------------- report


def report(c: dict[str, Any], pipe: dict[str, Any] | None) -> str:
    lines = [
        f"candidate acceptance, nested CV by document ({c['candidates']} candidates, {c['labelled']} "
        f"labelled, {c['true']} true):",
        f"  {'':8s} {'precision':>9s} {'recall':>7s} {'f1':>7s}",
    ]
    for name in ("rules", "model"):
        r = c[name]
        lines.append(f"  {name:8s} {r['precision']:>9.3f} {r['recall']:>7.3f} {r['f1']:>7.3f}")
    g = c["gate"]
    lines += [
        f"  the model drops {c['model_dropped']} of the labelled candidates (gate included)",
        "document gate:",
        f"  event-free articles rejected: {g['negative_docs_rejected']} of {g['negative_docs']} "
        f"({g['negative_docs_with_candidates']} have candidates; the others yield nothing anyway)",
        f"  articles with events wrongly rejected: {g['positive_docs_rejected']} of {g['positive_docs']}",
        f"  the rules' events in rejected articles: {g['rules_false_events_removed']} false removed, "
        f"{g['rules_true_events_lost']} true lost",
        f"  ranking of the articles with candidates (AUC, event-free vs with events): {g['auc']:.3f}; "
        "rejected at a fixed gate of "
        + ", ".join(
            f"{t}: {v['negative_docs_rejected']} event-free / {v['positive_docs_rejected']} with events"
            for t, v in g["at"].items()
        ),
        "  thresholds per fold (reject above P(none), gate): "
        + ", ".join(f"({f['reject_threshold']}, {f['gate_threshold']})" for f in c["folds"]),
    ]
    if pipe:
        keys = [*PIPELINE_METRICS, "events_pred", "negative_doc_events", "seconds"]
        heads = {
            "event_precision": "ev_P",
            "event_recall_main": "ev_R_main",
            "event_f1_main": "ev_F1_main",
            "person_f1": "person_F1",
            "org_f1": "org_F1",
            "events_pred": "events",
            "negative_doc_events": "neg_doc_events",
            "seconds": "seconds",
        }
        lines += [
            "pipeline CV (amity extract per fold, shared scorer):",
            "  " + f"{'':6s}" + "".join(f"{heads[k]:>15s}" for k in keys),
        ]
        for name in ("model", "rules"):
            row = pipe[name]
            cells = "".join(f"{row[k]:>15.3f}" if k in PIPELINE_METRICS else f"{row[k]:>15}" for k in keys)
            lines.append(f"  {name:6s}{cells}")
    return "\n".join(lines)


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description="Train and cross-validate amity's event classifier.")
    ap.add_argument(
        "--gold",
        type=Path,
        action="append",
        metavar="DIR",
        help=f"gold folder with gold.json and docs/ (repeatable; default: {DEFAULT_GOLD})",
    )
    ap.add_argument(
        "--out", type=Path, default=DEFAULT_OUT, help="model file to write (default: the packaged one)"
    )
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--cv-only", action="store_true", help="report the cross-validation, write no model")
    ap.add_argument("--skip-pipeline", action="store_true", help="no pipeline CV (the slow part)")
    ap.add_argument(
        "--score",
        type=Path,
        default=None,
        help="the shared scorer (default: score.py beside the first gold folder)",
    )
    return ap.parse_args(argv)


def _rel(p: Path) -> str:
    return str(p.relative_to(REPO.parent)) if p.is_relative_to(REPO.parent) else str(p)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    gold_dirs = [g.resolve() for g in (args.gold or [DEFAULT_GOLD])]
    for g in gold_dirs:
        if not (g / "gold.json").is_file() or not (g / "docs").is_dir():
            print(f"train_events: {g} has no gold.json and docs/ (use --gold DIR)", file=sys.stderr)
            return 2
    if args.folds < 3:
        print("train_events: --folds must be 3 or more (the thresholds use an inner CV)", file=sys.stderr)
        return 2
    scorer = load_scorer((args.score or gold_dirs[0].parent / "score.py").resolve())
    examples, docs = build_examples(read_gold(gold_dirs), scorer)
    c = cv(examples, docs, args.folds, args.seed)
    pipe = None if args.skip_pipeline else pipeline_cv(examples, docs, args.folds, args.seed, scorer)
    print(report(c, pipe))
    if args.cv_only:
        return 0
    t = train(examples, docs, args.folds, args.seed)
    # keep the model for extraction only if it beats the rules alone where it counts
    beats = pipe is not None and pipe["model"]["event_f1_main"] > pipe["rules"]["event_f1_main"]
    meta = {
        "version": "1",
        "command": " ".join(["benchmarks/train_events.py", *(argv if argv is not None else sys.argv[1:])]),
        "seed": args.seed,
        "folds": args.folds,
        "data": [
            {"gold": _rel(g), "documents": sum(1 for d in docs if d.path.is_relative_to(g))}
            for g in gold_dirs
        ],
        "examples": {
            "candidates": len(examples),
            "true": sum(e.label == 1 for e in examples),
            "false": sum(e.label == 0 for e in examples),
        },
        "hyperparameters": {
            "C": C,
            "reject_cost": REJECT_COST,
            "min_reject": MIN_REJECT,
            "gate_cost": GATE_COST,
            "inner_repeats": INNER_REPEATS,
            "prune": PRUNE,
        },
        "cv": {
            "candidates": {k: c[k] for k in ("rules", "model", "model_dropped")},
            "gate": {k: v for k, v in c["gate"].items() if k != "rejected"},
            "pipeline": pipe,
        },
        "use_by_default": (
            "pipeline CV event_f1_main beats the rules alone"
            if beats
            else "not shown to beat the rules alone in pipeline CV event_f1_main: used only when asked for "
            "(amity extract --event-model FILE)"
        ),
    }
    write_model(args.out, t, meta, beats)
    print(
        f"wrote {args.out} ({len(t.weights)} weights, {args.out.stat().st_size / 1024:.0f} KiB; "
        f"reject above P(none) {t.reject}, gate {t.gate}; used by default: {'yes' if beats else 'no'})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
