#!/usr/bin/env python3
"""Accuracy on a gold set: run `amity extract` over its documents, score with the shared scorer, and
break the errors down by kind.

    .venv/bin/python benchmarks/accuracy.py [--gold-dir ../shared/eval/dev] [--verbose] [--json]
    .venv/bin/python benchmarks/accuracy.py --update-baseline     # re-pin tests/accuracy_baseline.json

The gold folder holds `gold.json` and `docs/`; the scorer is `score.py` in the folder above it
(override with --score). Prints the scorer's report, then the error breakdown: counts per kind and the
worst articles. The breakdown imports that same score.py (its event matching, person and organization
matching, quote spans), so every error it names is one the scorer counts. Exits with the scorer's status.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import json
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from types import ModuleType
from typing import Any

REPO = Path(__file__).resolve().parent.parent
DEFAULT_GOLD = REPO.parent / "shared" / "eval" / "dev"
BASELINE = REPO / "tests" / "accuracy_baseline.json"

# The metrics pinned by tests/accuracy_baseline.json (higher is better), then the one where lower is.
GATED_METRICS = (
    "event_precision", "event_recall_main", "event_f1_main", "event_f1_all",
    "person_f1", "person_title", "person_org", "person_country", "org_f1",
    "countries_f1", "fields_f1", "published", "date_exact", "status", "salience",
    "place_country", "place_name", "evidence", "size", "program",
)
LOWER_IS_BETTER = ("negative_doc_events",)

# Error kinds, in the order they are printed. Every unmatched gold event and every unmatched predicted
# event is given exactly one of the first eight kinds; the others describe matched events, people and
# organizations.
KINDS: dict[str, str] = {
    "missed_main": "main event missed",
    "missed_mentioned": "mentioned event missed",
    "invented_in_negative_doc": "event invented in an article whose gold has no events",
    "invented": "other invented event",
    "wrong_type": "wrong type (unmatched gold; an unmatched prediction of another type covers its quote)",
    "date_off_day": "date off by one day (same type, covers the quote, so no match)",
    "date_off_month": "date off by a month (same type, covers the quote, so no match)",
    "date_off_year": "date off by a year (same type, covers the quote, so no match)",
    "date_other": "date otherwise wrong (same type, covers the quote, so no match)",
    "date_missing": "matched, gold has a date, prediction has none",
    "date_coarser": "matched, predicted date less precise than gold (2024-05 for 2024-05-22)",
    "date_finer": "matched, predicted date more precise than gold (2024-05-22 for 2024-05)",
    "wrong_status": "wrong status",
    "wrong_salience": "wrong salience",
    "place_missing": "matched, gold has a place, prediction has none",
    "place_country_wrong": "place country wrong",
    "person_not_participant": "person not a participant (predicted, absent from gold)",
    "person_missed": "person missed",
    "person_wrong_org": "person with wrong organization",
    "person_wrong_country": "person with wrong country",
    "org_extra": "organization extra",
    "org_missed": "organization missed",
    "org_wrong_country": "organization with a wrong country (names match, countries differ)",
}


# --- the shared scorer ------------------------------------------------------------------------

def load_scorer(path: Path) -> ModuleType:
    """Import score.py from its path (it is not a package)."""
    spec = importlib.util.spec_from_file_location("amity_shared_score", path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot import {path}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def read_predictions(path: Path) -> dict[str, dict[str, Any]]:
    """Records keyed by document base name, as score.py keys them."""
    preds: dict[str, dict[str, Any]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            rec = json.loads(line)
            preds[Path(str(rec.get("doc", ""))).name] = rec
    return preds


def doc_text(docs_dir: Path | None, doc: str) -> str | None:
    if docs_dir and (docs_dir / doc).exists():
        return (docs_dir / doc).read_text(encoding="utf-8", errors="replace")
    return None


def run_extract(docs: Path, out: Path) -> tuple[subprocess.CompletedProcess[str], float]:
    started = time.perf_counter()
    run = subprocess.run(
        [sys.executable, "-m", "amity.cli", "extract", str(docs), "-o", str(out)],
        cwd=REPO, capture_output=True, text=True, check=False,
    )
    return run, time.perf_counter() - started


def negative_doc_events(gold_docs: list[dict[str, Any]], preds: dict[str, dict[str, Any]]) -> int:
    """Predicted events in gold articles that report none (lower is better)."""
    return sum(len(preds.get(gd["doc"], {}).get("events") or []) for gd in gold_docs if not gd["events"])


def gate_metrics(sc: ModuleType, gold_docs: list[dict[str, Any]], preds: dict[str, dict[str, Any]],
                 docs_dir: Path) -> dict[str, Any]:
    """The metrics tests/accuracy_baseline.json pins, computed by the shared scorer."""
    m, _ = sc.score(gold_docs, preds, docs_dir, False)
    out: dict[str, Any] = {k: m.get(k) for k in GATED_METRICS}
    out["negative_doc_events"] = negative_doc_events(gold_docs, preds)
    return out


# --- error breakdown --------------------------------------------------------------------------

def _date_parts(s: str) -> list[int]:
    return [int(x) for x in s.split("-")]


def date_kind(pred: str, gold: str) -> str:
    """How two incompatible ISO dates (neither a prefix of the other) differ."""
    p, g = _date_parts(pred), _date_parts(gold)
    if len(p) == len(g) == 3:
        try:
            if abs((dt.date(*p) - dt.date(*g)).days) == 1:
                return "date_off_day"
        except ValueError:
            return "date_other"
    k = min(len(p), len(g))
    p, g = p[:k], g[:k]
    if p[0] != g[0]:
        return "date_off_year" if p[1:] == g[1:] else "date_other"
    if k >= 2 and p[1] != g[1]:
        return "date_off_month" if p[2:] == g[2:] else "date_other"
    return "date_other"  # same year and month, days more than one apart


def _people_pairs(sc: ModuleType, gp: list[dict[str, Any]], pp: list[dict[str, Any]]
                  ) -> tuple[list[tuple[int, int]], list[int]]:
    """score.py's person matching: exact name key first, then same_person. (gold, pred) pairs, missed gold."""
    used: set[int] = set()
    pairs, missed = [], []
    for gi, g in enumerate(gp):
        gk = sc.name_key(g["name"])
        hit = next((i for i, p in enumerate(pp) if i not in used and sc.name_key(p.get("name")) == gk), None)
        if hit is None:
            hit = next((i for i, p in enumerate(pp)
                        if i not in used and sc.same_person(p.get("name"), g["name"])), None)
        if hit is None:
            missed.append(gi)
        else:
            used.add(hit)
            pairs.append((gi, hit))
    return pairs, missed


def _no_country(o: Any) -> Any:
    return {**o, "country": None} if isinstance(o, dict) else o


def doc_errors(sc: ModuleType, gd: dict[str, Any], pr: dict[str, Any], text: str | None
               ) -> tuple[Counter[str], list[str]]:
    """Error counts by kind for one document, and one line per error for --verbose."""
    doc = gd["doc"]
    c: Counter[str] = Counter()
    notes: list[str] = []

    def note(kind: str, detail: str) -> None:
        c[kind] += 1
        notes.append(f"  {kind:24s} {doc}: {detail}"[:200])

    gev: list[dict[str, Any]] = gd["events"]
    pev: list[dict[str, Any]] = pr.get("events") or []
    pairs = sc.match_events(gev, pev, text)
    free_g = [gi for gi in range(len(gev)) if gi not in {g for g, _ in pairs}]
    free_p = set(range(len(pev))) - {p for _, p in pairs}

    def covering(gi: int, same_type: bool) -> int | None:
        g = gev[gi]
        span = sc.spans_of(text, g.get("quote", ""))
        for pi in sorted(free_p):
            p = pev[pi]
            if (p.get("type") == g.get("type")) == same_type and sc.overlaps(p.get("evidence") or [], span):
                return pi
        return None

    def ev(e: dict[str, Any]) -> str:
        return f"{e.get('type')} {e.get('date')} {e.get('salience')}"

    # near misses first: same type over the quote but an incompatible date, then another type over it
    for gi in list(free_g):
        pi = covering(gi, same_type=True)
        if pi is not None:
            g, p = gev[gi], pev[pi]
            note(date_kind(p["date"], g["date"]) if p.get("date") and g.get("date") else "date_other",
                 f"{g['type']} gold {g.get('date')} pred {p.get('date')}: {g.get('quote', '')[:60]}")
            free_g.remove(gi)
            free_p.discard(pi)
    for gi in list(free_g):
        pi = covering(gi, same_type=False)
        if pi is not None:
            g, p = gev[gi], pev[pi]
            note("wrong_type", f"gold {ev(g)} pred {ev(p)}: {g.get('quote', '')[:60]}")
            free_g.remove(gi)
            free_p.discard(pi)
    for gi in free_g:
        g = gev[gi]
        note("missed_main" if g.get("salience") == "main" else "missed_mentioned",
             f"{ev(g)}: {g.get('quote', '')[:70]}")
    for pi in sorted(free_p):
        p = pev[pi]
        note("invented" if gev else "invented_in_negative_doc", f"{ev(p)} {p.get('name') or ''}")

    for gi, pi in pairs:
        g, p = gev[gi], pev[pi]
        gdate, pdate = g.get("date"), p.get("date")
        if gdate and pdate != gdate:
            if not pdate:
                note("date_missing", f"{g['type']} gold {gdate}")
            else:
                note("date_coarser" if gdate.startswith(pdate) else "date_finer",
                     f"{g['type']} gold {gdate} pred {pdate}")
        if p.get("status") != g.get("status"):
            note("wrong_status", f"{g['type']} gold {g.get('status')} pred {p.get('status')}")
        if p.get("salience") != g.get("salience"):
            note("wrong_salience", f"{g['type']} gold {g.get('salience')} pred {p.get('salience')}")
        if g.get("place"):
            pplace = p.get("place") or {}
            if not pplace:
                note("place_missing", f"{g['type']} gold {g['place']}")
            elif pplace.get("country") != g["place"].get("country"):
                note("place_country_wrong", f"{g['type']} gold {g['place']} pred {pplace}")

    gp, pp = gd.get("participants") or [], sc.people_of(pr)
    ppairs, pmissed = _people_pairs(sc, gp, pp)
    for gi in pmissed:
        note("person_missed", str(gp[gi].get("name")))
    matched_p = {pi for _, pi in ppairs}
    for pi, p in enumerate(pp):
        if pi not in matched_p:
            note("person_not_participant", f"{p.get('name')} ({p.get('title') or ''})")
    for gi, pi in ppairs:
        g, p = gp[gi], pp[pi]
        if g.get("organization") and not sc.same_org(p.get("organization"), g["organization"]):
            note("person_wrong_org",
                 f"{g['name']}: gold {g['organization']!r} pred {p.get('organization')!r}")
        if g.get("country") and p.get("country") != g["country"]:
            note("person_wrong_country", f"{g['name']}: gold {g['country']} pred {p.get('country')}")

    go, po = gd.get("organizations") or [], sc.orgs_of(pr)
    used: set[int] = set()
    omissed = []
    for g in go:
        hit = next((i for i, o in enumerate(po) if i not in used and sc.same_org(o, g)), None)
        if hit is None:
            omissed.append(g)
        else:
            used.add(hit)
    for g in omissed:
        hit = next((i for i, o in enumerate(po)
                    if i not in used and sc.same_org(_no_country(o), _no_country(g))), None)
        if hit is not None:
            used.add(hit)
            note("org_wrong_country",
                 f"{g.get('name')}: gold {g.get('country')} pred {po[hit].get('country')}")
        else:
            note("org_missed", f"{g.get('name')} ({g.get('country')})")
    for i, o in enumerate(po):
        if i not in used:
            name = o.get("name") if isinstance(o, dict) else o
            country = o.get("country") if isinstance(o, dict) else None
            note("org_extra", f"{name} ({country})")
    return c, notes


def breakdown(sc: ModuleType, gold_docs: list[dict[str, Any]], preds: dict[str, dict[str, Any]],
              docs_dir: Path | None) -> tuple[Counter[str], dict[str, Counter[str]], list[str]]:
    """Totals by kind, counts by document, and the per-error lines."""
    total: Counter[str] = Counter()
    per_doc: dict[str, Counter[str]] = {}
    lines: list[str] = []
    for gd in gold_docs:
        c, notes = doc_errors(sc, gd, preds.get(gd["doc"], {}), doc_text(docs_dir, gd["doc"]))
        total.update(c)
        per_doc[gd["doc"]] = c
        lines.extend(notes)
    return total, per_doc, lines


def print_breakdown(total: Counter[str], per_doc: dict[str, Counter[str]], worst: int = 10) -> None:
    print("\nerrors by kind")
    for kind, label in KINDS.items():
        print(f"  {total.get(kind, 0):5d}  {kind:25s} {label}")
    print(f"  {sum(total.values()):5d}  total")
    ranked = sorted(per_doc.items(), key=lambda kv: (-sum(kv[1].values()), kv[0]))[:worst]
    print(f"\nworst {len(ranked)} articles (total errors, then counts by kind)")
    for doc, c in ranked:
        kinds = ", ".join(f"{k} {c[k]}" for k in KINDS if c.get(k))
        print(f"  {sum(c.values()):4d}  {doc}: {kinds}")


# --- baseline ---------------------------------------------------------------------------------

def write_baseline(metrics: dict[str, Any], gold_docs: list[dict[str, Any]], path: Path = BASELINE) -> None:
    data = {
        "about": "Floors for tests/test_accuracy_gate.py on ../shared/eval/dev; re-pin with `make floors`.",
        "gold_docs": len(gold_docs),
        "gold_events": sum(len(gd["events"]) for gd in gold_docs),
        "lower_is_better": list(LOWER_IS_BETTER),
        "metrics": {k: (round(v, 4) if isinstance(v, float) else v) for k, v in metrics.items()},
    }
    path.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")


# --- main -------------------------------------------------------------------------------------

def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description="Score `amity extract` against a gold set.")
    ap.add_argument("--gold-dir", type=Path, default=DEFAULT_GOLD,
                    help=f"folder with gold.json and docs/ (default: {DEFAULT_GOLD})")
    ap.add_argument("--score", type=Path, default=None,
                    help="the scorer script (default: score.py in the gold folder's parent)")
    ap.add_argument("--verbose", action="store_true",
                    help="per-document details from the scorer, and one line per error of the breakdown")
    ap.add_argument("--json", action="store_true",
                    help="JSON instead of text: the scorer's metrics, negative_doc_events, the breakdown")
    ap.add_argument("--keep", type=Path, default=None, metavar="FILE",
                    help="also keep the predictions in FILE")
    ap.add_argument("--worst", type=int, default=10, help="how many of the worst articles to list")
    ap.add_argument("--update-baseline", action="store_true",
                    help=f"write the current metrics to {BASELINE.relative_to(REPO)} (dev set only)")
    return ap.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    gold_dir: Path = args.gold_dir.resolve()
    gold, docs = gold_dir / "gold.json", gold_dir / "docs"
    score = (args.score or gold_dir.parent / "score.py").resolve()
    for needed in (gold, docs, score):
        if not needed.exists():
            print(f"accuracy: {needed} not found (use --gold-dir / --score)", file=sys.stderr)
            return 2
    if args.update_baseline and gold_dir != DEFAULT_GOLD.resolve():
        print(f"accuracy: --update-baseline pins the dev set ({DEFAULT_GOLD}) only", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="amity-accuracy-") as tmp:
        pred = Path(args.keep) if args.keep else Path(tmp) / "pred.jsonl"
        run, elapsed = run_extract(docs, pred)
        if run.returncode != 0:
            print(run.stderr, file=sys.stderr, end="")
            print(f"accuracy: amity extract failed with status {run.returncode}", file=sys.stderr)
            return run.returncode or 1
        if run.stderr.strip():
            print(run.stderr, file=sys.stderr, end="")
        preds = read_predictions(pred)
        print(f"amity extract: {len(preds)} documents from {docs} in {elapsed:.1f} s", file=sys.stderr)
        cmd = [sys.executable, str(score), str(gold), str(pred), "--docs", str(docs)]
        if args.verbose and not args.json:
            cmd.append("--verbose")
        if args.json:
            cmd.append("--json")
        scored = subprocess.run(cmd, capture_output=True, text=True, check=False)
        if scored.stderr:
            print(scored.stderr, file=sys.stderr, end="")

    sc = load_scorer(score)
    gold_docs: list[dict[str, Any]] = json.loads(gold.read_text(encoding="utf-8"))
    total, per_doc, lines = breakdown(sc, gold_docs, preds, docs)
    neg = negative_doc_events(gold_docs, preds)
    if args.json:
        report = json.loads(scored.stdout)
        report["negative_doc_events"] = neg
        report["errors"] = {k: total.get(k, 0) for k in KINDS}
        report["errors_by_doc"] = {d: dict(c) for d, c in per_doc.items() if c}
        print(json.dumps(report, indent=1))
    else:
        print(scored.stdout, end="")
        print(f"{'negative_doc_events':20s} {neg}")
        if args.verbose:
            print("\nerrors, one per line")
            for line in lines:
                print(line)
        print_breakdown(total, per_doc, args.worst)
    if args.update_baseline:
        write_baseline(gate_metrics(sc, gold_docs, preds, docs), gold_docs)
        print(f"accuracy: wrote {BASELINE}", file=sys.stderr)
    return scored.returncode


if __name__ == "__main__":
    sys.exit(main())
