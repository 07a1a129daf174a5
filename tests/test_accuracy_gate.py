"""Accuracy gate: `amity extract` on the dev set must not fall below the floors pinned in
tests/accuracy_baseline.json.

Each pinned metric may drop by at most TOLERANCE below its floor; `negative_doc_events` (events
predicted in articles whose gold has none) may not rise above its pin. The dev set lives beside the
repository (../shared/eval/dev) and is scored with the shared scorer (../shared/eval/score.py),
imported through benchmarks/accuracy.py so the gate and the benchmark compute the same figures.
Raise the floors after an improvement with `make floors`.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

REPO = Path(__file__).resolve().parent.parent
DEV = REPO.parent / "shared" / "eval" / "dev"
SCORER = DEV.parent / "score.py"
BASELINE = Path(__file__).resolve().parent / "accuracy_baseline.json"
TOLERANCE = 0.005


def _load(name: str, path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None, path
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


accuracy = _load("amity_benchmarks_accuracy", REPO / "benchmarks" / "accuracy.py")


def _baseline() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(BASELINE.read_text(encoding="utf-8"))
    return data


def fallen(pinned: dict[str, Any], current: dict[str, Any], lower_is_better: set[str],
           tolerance: float = TOLERANCE) -> list[str]:
    """One line per metric that fell below its floor (or rose above its ceiling)."""
    out = []
    for key, floor in pinned.items():
        if floor is None:
            continue
        now = current.get(key)
        if now is None:
            out.append(f"{key}: {floor} -> missing")
        elif key in lower_is_better:
            if now > floor:
                out.append(f"{key}: {floor} -> {now} (lower is better; may not rise)")
        elif now < floor - tolerance:
            out.append(f"{key}: {floor:.4f} -> {now:.4f} ({now - floor:+.4f}, tolerance {tolerance})")
    return out


def test_baseline_pins_every_gated_metric() -> None:
    pinned = _baseline()["metrics"]
    expected = set(accuracy.GATED_METRICS) | set(accuracy.LOWER_IS_BETTER)
    assert set(pinned) == expected, f"re-pin with `make floors`; differs by {sorted(set(pinned) ^ expected)}"


def test_fallen_reports_drops_and_rises() -> None:
    pinned = {"event_f1_all": 0.70, "person_f1": 0.80, "negative_doc_events": 5}
    current = {"event_f1_all": 0.6960, "person_f1": 0.79, "negative_doc_events": 6}
    lines = fallen(pinned, current, {"negative_doc_events"})
    assert [line.split(":")[0] for line in lines] == ["person_f1", "negative_doc_events"]


@pytest.fixture(scope="module")
def dev_metrics(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Extract the dev set once for the module and score it with the shared scorer."""
    if not (DEV / "gold.json").is_file() or not (DEV / "docs").is_dir() or not SCORER.is_file():
        pytest.skip(f"the dev set ({DEV}/gold.json, docs/) or its scorer ({SCORER}) is not present")
    out = tmp_path_factory.mktemp("accuracy-gate") / "pred.jsonl"
    run, _ = accuracy.run_extract(DEV / "docs", out)
    assert run.returncode == 0, f"amity extract failed ({run.returncode}):\n{run.stderr[-3000:]}"
    scorer = accuracy.load_scorer(SCORER)
    gold = json.loads((DEV / "gold.json").read_text(encoding="utf-8"))
    metrics: dict[str, Any] = accuracy.gate_metrics(scorer, gold, accuracy.read_predictions(out), DEV / "docs")
    metrics["_gold_docs"] = len(gold)
    metrics["_gold_events"] = sum(len(d["events"]) for d in gold)
    return metrics


@pytest.mark.slow
def test_dev_accuracy_does_not_fall(dev_metrics: dict[str, Any]) -> None:
    base = _baseline()
    gold_now = (dev_metrics["_gold_docs"], dev_metrics["_gold_events"])
    assert gold_now == (base["gold_docs"], base["gold_events"]), (
        f"the dev gold changed ({base['gold_docs']} docs / {base['gold_events']} events pinned, now "
        f"{gold_now[0]} / {gold_now[1]}): re-pin with `make floors`"
    )
    lines = fallen(base["metrics"], dev_metrics, set(base.get("lower_is_better", [])))
    assert not lines, (
        f"{len(lines)} dev metric(s) fell below tests/accuracy_baseline.json (before -> after):\n  "
        + "\n  ".join(lines)
        + "\nIf the drop is intended, re-pin with `make floors`."
    )
