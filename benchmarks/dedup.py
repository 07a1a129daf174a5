"""Event deduplication on the templated corpus: do two reports of one story become one event, and do
different stories stay apart?

    python benchmarks/dedup.py [--n 2000] [--seed 7] [--truth] [--cache FILE] [--examples N]
                               [--event-names] [--dateline-published]
    python benchmarks/dedup.py --real [--cache FILE] [--examples 1]    (real reports: dedup_real.py)

Generates the corpus of gen_corpus.py (same seed, same documents) while remembering which story each
document reports, extracts every document with the real extractor (or, with --truth, uses the
generator's own records), ingests them into a fresh SQLite registry and prints: stories, events,
pairs merged and missed, wrong merges (two stories sharing an event), and why each missed pair was
not merged (a histogram of reasons; --examples prints the evidence sentences of some misses).
--cache keeps extracted records in a JSON-lines file so later runs skip extraction.

--event-names gives `same_event` the place names and participant names of both reports (looked up
here from the registry by place and person id), as amity/store/derive.py would once it passes
them in EventKey; --dateline-published gives every record the dateline's date as its publication
date, as an extractor that read datelines would, so undated reports get a window.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import sys
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from gen_corpus import MONTHS, Story, generate, make_story, people_pool, write_article  # noqa: E402

from amity.records import Document, DocumentRecord  # noqa: E402
from amity.resolve.events import (  # noqa: E402
    EventKey,
    countries_compatible,
    dates_compatible,
    match_basis,
    names_conflict,
    place_relation,
)


@dataclass
class Doc:
    name: str
    text: str
    truth: dict[str, Any]
    story: int
    variant: int


def corpus(n: int, seed: int) -> list[Doc]:
    """gen_corpus.generate's documents, each with the id of the story it reports (same RNG draws)."""
    rng = random.Random(seed)
    pool = people_pool(rng)
    docs: list[Doc] = []
    pending: list[tuple[int, Story]] = []
    n_stories = 0
    while len(docs) < n:
        if pending and rng.random() < 0.5:
            (sid, story), variant = pending.pop(rng.randrange(len(pending))), 1
        else:
            sid, story, variant = n_stories, make_story(rng, pool), 0
            n_stories += 1
            if rng.random() < 0.35:
                pending.append((sid, story))
        _, text, event = write_article(story, variant)
        name = f"{len(docs):05d}_{story.kind}_{story.host.country.lower()}_{story.guest.country.lower()}.txt"
        docs.append(Doc(name, text, {"evidence": event["evidence"], "type": story.kind}, sid, variant))
    reference = generate(n, seed)
    assert [(d.name, d.text) for d in docs] == [(r[0], r[1]) for r in reference], "generator drifted"
    for d, (_, _, record) in zip(docs, reference, strict=True):
        d.truth = record
    return docs


class CachedExtractor:
    """The real extractor, or the generator's records (`truth`), with an optional JSON-lines cache."""

    def __init__(self, docs: list[Doc], truth: bool, cache: Path | None, dateline: bool = False) -> None:
        self.truth = {d.name: d.truth for d in docs}
        self.dateline = dateline
        self.use_truth = truth
        self.cache_path = cache
        self.cache: dict[str, dict[str, Any]] = {}
        if cache and cache.exists():
            for line in cache.read_text(encoding="utf-8").splitlines():
                row = json.loads(line)
                self.cache[row["key"]] = row["record"]
        self._extractor: Any = None
        self.records: dict[str, dict[str, Any]] = {}

    def extract(self, doc: Document) -> DocumentRecord:
        from tests.store.builders import record_from_dict

        if self.use_truth:
            d = self.truth[doc.doc]
        else:
            key = hashlib.sha256(doc.text.encode()).hexdigest()
            if key not in self.cache:
                if self._extractor is None:
                    from amity.extract import Extractor

                    self._extractor = Extractor()
                self.cache[key] = self._extractor.extract(doc).to_dict()
                if self.cache_path:
                    with open(self.cache_path, "a", encoding="utf-8") as f:
                        f.write(json.dumps({"key": key, "record": self.cache[key]}) + "\n")
            d = self.cache[key]
        if self.dateline:
            d = {**d, "published": d.get("published") or _dateline_date(doc.text)}
        self.records[doc.doc] = d
        return record_from_dict(d)


_MONTHS = {m: i for i, m in enumerate(MONTHS, 1)}


def _dateline_date(text: str) -> str | None:
    """The date of the corpus's dateline line ('Seoul, 4 August 2017 -' or 'Seoul, May 8, 2023 -')."""
    m = re.search(r"^[^\n,]+, (?:(\d+) (\w+) (\d{4})|(\w+) (\d+), (\d{4})) -$", text, re.M)
    if not m:
        return None
    day, month, year = (m[1], m[2], m[3]) if m[1] else (m[5], m[4], m[6])
    return f"{int(year):04d}-{_MONTHS[month]:02d}-{int(day):02d}"


def with_names(db: Any, k: EventKey) -> EventKey:
    """`k` with its place's name and country and its people's names and countries, looked up by id."""
    place = db.one("SELECT name, country FROM places WHERE id = ?", (k.place_id,)) if k.place_id else None
    ids = sorted(k.person_ids)
    people = db.rows(f"SELECT name, country FROM people WHERE id IN {db.in_list(ids)}", ids) if ids else []
    return replace(
        k,
        place_name=k.place_name or (place[0] if place else None),
        place_country=k.place_country or (place[1] if place else None),
        person_names=k.person_names | frozenset(r[0] for r in people),
        person_countries=k.person_countries | frozenset(r[1] for r in people if r[1]),
    )


@dataclass
class Report:
    """One document's report of its story as stored: the event it went to, and its key."""

    doc: Doc
    event_id: int | None = None
    idx: int | None = None
    record_event: dict[str, Any] | None = None
    key: EventKey | None = None
    person_names: dict[int, str] = field(default_factory=dict)


def _overlap(spans: list[list[int]], lo: int, hi: int) -> int:
    return sum(max(0, min(b, hi) - max(a, lo)) for a, b in spans)


def story_reports(db: Any, docs: list[Doc], records: dict[str, dict[str, Any]]) -> dict[str, Report]:
    """For each document, the stored event whose evidence overlaps the story's lead sentence most."""
    out: dict[str, Report] = {}
    ids = {r[1]: r[0] for r in db.rows("SELECT id, doc FROM documents")}
    for d in docs:
        rep = Report(d)
        out[d.name] = rep
        doc_id = ids.get(d.name)
        if doc_id is None:
            continue
        ev = d.truth["events"][0]["evidence"][0]
        rows = db.rows(
            "SELECT event_id, idx, evidence, event_json FROM event_sources WHERE document_id = ?", (doc_id,)
        )
        best = max(
            rows,
            key=lambda r: (
                _overlap(json.loads(r[2]), ev["start"], ev["end"]),
                json.loads(r[3])["type"] == d.truth["events"][0]["type"],
                -r[1],
            ),
            default=None,
        )
        if best is None:
            continue
        rep.event_id, rep.idx, rep.record_event = int(best[0]), int(best[1]), json.loads(best[3])
        people = db.rows(
            "SELECT person_id, name FROM event_participants WHERE document_id = ? AND event_id = ? "
            "AND person_id IS NOT NULL",
            (doc_id, best[0]),
        )
        orgs = db.rows(
            "SELECT org_id FROM event_organizations WHERE document_id = ? AND event_id = ?",
            (doc_id, best[0]),
        )
        place = db.one(
            "SELECT place_id FROM event_sources WHERE document_id = ? AND idx = ?", (doc_id, best[1])
        )
        e = rep.record_event
        rep.person_names = {int(p): n for p, n in people}
        rep.key = EventKey(
            type=e["type"],
            date=e.get("date"),
            end_date=e.get("end_date"),
            published=records[d.name].get("published") or _doc_published(db, doc_id),
            name=e.get("name"),
            place_id=place[0] if place else None,
            countries=frozenset(e.get("countries") or ()),
            person_ids=frozenset(rep.person_names),
            org_ids=frozenset(int(o[0]) for o in orgs),
        )
    return out


def _doc_published(db: Any, doc_id: int) -> str | None:
    row = db.one("SELECT published FROM documents WHERE id = ?", (doc_id,))
    return row[0] if row else None


def _date_kind(d: str | None) -> str:
    if not d:
        return "none"
    return {4: "year", 7: "month", 10: "day"}.get(len(d), "other")


def miss_reasons(a: Report, b: Report) -> list[str]:
    """Why two reports of one story are not one event: every difference that `same_event` looks at."""
    if a.key is None or b.key is None:
        return ["no event in one report (extractor)"]
    ka, kb = a.key, b.key
    ea, eb = a.record_event or {}, b.record_event or {}
    reasons = []
    if ka.type != kb.type:
        reasons.append(f"type differs ({'/'.join(sorted((ka.type, kb.type)))})")
    if not dates_compatible(ka, kb):
        kinds = "/".join(sorted((_date_kind(ka.date), _date_kind(kb.date))))
        reasons.append(f"dates incompatible ({kinds})")
    elif _date_kind(ka.date) != "day" or _date_kind(kb.date) != "day":
        kinds = "/".join(sorted((_date_kind(ka.date), _date_kind(kb.date))))
        reasons.append(f"dates compatible but vague ({kinds})")
    if names_conflict(ka.name, kb.name):
        reasons.append("event names carry different numbers")
    if not countries_compatible(ka.countries, kb.countries):
        reasons.append("country sets do not nest")
    if not ka.person_ids & kb.person_ids:
        if not ka.person_ids or not kb.person_ids:
            reasons.append("no participant overlap (one side has no people)")
        else:
            reasons.append("no participant overlap (different person ids)")
    if ka.place_id != kb.place_id:
        pa, pb = (ea.get("place") or {}).get("name"), (eb.get("place") or {}).get("name")
        relation = place_relation(ka, kb) if ka.place_name else "names not compared"
        reasons.append(f"place differs ({relation})" if pa and pb else "place missing on one side")
    if not ka.org_ids & kb.org_ids:
        reasons.append("no shared organization")
    if ea.get("status") != eb.get("status"):
        reasons.append("status differs")
    if not reasons:
        reasons.append("no difference found (matching order or window)")
    return reasons


def sentences(text: str, spans: list[dict[str, int]]) -> str:
    return " | ".join(text[s["start"] : s["end"]].strip() for s in spans)


def _secondary(db: Any, docs: list[Doc]) -> tuple[int, list[list[str]], Counter[str], Counter[str]]:
    """Events per story beyond one, events that hold reports of different stories (any report, not
    only leads), and for every kind of report: pairs of same-kind reports from the two documents of
    a story that merged / did not."""
    story = {d.name: d.story for d in docs}
    rows = db.rows(
        "SELECT es.event_id, d.doc, es.event_json FROM event_sources es "
        "JOIN documents d ON d.id = es.document_id"
    )
    events_of: dict[int, set[int]] = defaultdict(set)
    stories_in: dict[int, set[int]] = defaultdict(set)
    shown: dict[int, list[str]] = defaultdict(list)
    by_kind: dict[tuple[int, str], list[tuple[str, int]]] = defaultdict(list)
    for eid, doc, ej in rows:
        e = json.loads(ej)
        events_of[story[doc]].add(int(eid))
        stories_in[int(eid)].add(story[doc])
        people = [p["name"] for p in e.get("participants") or []]
        place = (e.get("place") or {}).get("name")
        shown[int(eid)].append(
            f"{doc}: {e['type']} {e['salience']} date={e.get('date')} place={place}"
            f" countries={e.get('countries')} people={people}"
        )
        kind = f"{e['type']} {e['salience']} {'dated' if e.get('date') else 'undated'}"
        by_kind[(story[doc], kind)].append((doc, int(eid)))
    merged: Counter[str] = Counter()
    missed: Counter[str] = Counter()
    for (_, kind), reps in by_kind.items():
        if len({d for d, _ in reps}) != 2:
            continue
        docs_of: dict[int, set[str]] = defaultdict(set)
        for d, e in reps:
            docs_of[e].add(d)
        (merged if any(len(v) == 2 for v in docs_of.values()) else missed)[kind] += 1
    wrong = [shown[eid] for eid, v in stories_in.items() if len(v) > 1]
    return sum(len(v) - 1 for v in events_of.values()), wrong, merged, missed


def run(
    n: int,
    seed: int,
    truth: bool,
    cache: Path | None,
    examples: int,
    event_names: bool = False,
    dateline: bool = False,
) -> dict[str, int]:
    from amity.pipeline import ingest
    from amity.store import open_registry

    docs = corpus(n, seed)
    by_story: dict[int, list[Doc]] = defaultdict(list)
    for d in docs:
        by_story[d.story].append(d)
    extractor = CachedExtractor(docs, truth, cache, dateline)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        folder.mkdir()
        for d in docs:
            (folder / d.name).write_text(d.text, encoding="utf-8")
        with open_registry(str(Path(tmp) / "dedup.db")) as reg:
            db = reg.db
            ingest(reg, [str(folder)], extractor)
            counts = reg.counts()
            reports = story_reports(db, docs, extractor.records)
            for r in reports.values():
                if r.key is not None and event_names:
                    r.key = with_names(db, r.key)
            excess, wrong_any, sec_merged, sec_missed = _secondary(db, docs)
            n_events = counts["events"]

    pairs = [ds for ds in by_story.values() if len(ds) == 2]
    merged, missed = 0, []
    basis: Counter[str] = Counter()
    for a, b in pairs:
        ra, rb = reports[a.name], reports[b.name]
        if ra.event_id is not None and ra.event_id == rb.event_id:
            merged += 1
            if ra.key and rb.key:
                basis[match_basis(ra.key, rb.key) or "merged through a third report"] += 1
        else:
            missed.append((ra, rb))
    stories_of_event: dict[int, set[int]] = defaultdict(set)
    for r in reports.values():
        if r.event_id is not None:
            stories_of_event[r.event_id].add(r.doc.story)
    wrong = {eid: s for eid, s in stories_of_event.items() if len(s) > 1}
    histogram: Counter[str] = Counter()
    for ra, rb in missed:
        for reason in miss_reasons(ra, rb):
            histogram[reason] += 1
    first_reason: Counter[str] = Counter(miss_reasons(ra, rb)[0] for ra, rb in missed)

    mode = "generator truth" if truth else "real extractor"
    mode += " + place/person names" if event_names else ""
    mode += " + dateline as publication" if dateline else ""
    print(f"records: {mode}; documents {len(docs)}")
    print(f"stories: {len(by_story)} ({len(pairs)} reported twice); events in registry: {n_events}")
    print(f"events beyond one per story: {excess}")
    print(f"lead reports of a story merged: {merged}/{len(pairs)}; missed: {len(missed)}")
    print("  merged on: " + ", ".join(f"{k} {v}" for k, v in basis.most_common()))
    print(f"wrong merges: {len(wrong)} events hold {sum(len(s) for s in wrong.values())} different stories")
    print(f"wrong merges counting every report, not only leads: {len(wrong_any)} events")
    no_event = sum(1 for r in reports.values() if r.event_id is None)
    print(f"documents whose lead sentence gave no event: {no_event}")
    print("other same-kind report pairs (type, salience, dated) merged / missed:")
    for kind in sorted(set(sec_merged) | set(sec_missed)):
        print(f"  {kind}: {sec_merged[kind]} / {sec_missed[kind]}")
    print("reasons (every difference in a missed lead pair):")
    for reason, k in histogram.most_common():
        print(f"  {k:5d}  {reason}")
    print("first reason per missed lead pair:")
    for reason, k in first_reason.most_common():
        print(f"  {k:5d}  {reason}")
    for ra, rb in missed[:examples]:
        print("\n--- missed:", ", ".join(miss_reasons(ra, rb)))
        for r in (ra, rb):
            e = r.record_event or {}
            print(
                f"  {r.doc.name}: type={e.get('type')} date={e.get('date')} place={e.get('place')} "
                f"countries={e.get('countries')} people={sorted(r.person_names.values())} "
                f"status={e.get('status')}"
            )
            print(f"    {sentences(r.doc.text, r.doc.truth['events'][0]['evidence'])}")
    for eid, s in list(wrong.items())[:examples]:
        print(f"\n--- wrong merge: event {eid} holds stories {sorted(s)}")
        for r in reports.values():
            if r.event_id == eid:
                e = r.record_event or {}
                print(
                    f"  {r.doc.name} (story {r.doc.story}): date={e.get('date')} place={e.get('place')} "
                    f"people={sorted(r.person_names.values())}"
                )
                print(f"    {sentences(r.doc.text, r.doc.truth['events'][0]['evidence'])}")
    for lines in wrong_any[:examples]:
        print("\n--- wrong merge (any report):\n  " + "\n  ".join(lines))
    return {
        "stories": len(by_story),
        "pairs": len(pairs),
        "events": n_events,
        "merged": merged,
        "missed": len(missed),
        "wrong": len(wrong),
        "wrong_any": len(wrong_any),
    }


def main() -> None:
    ap = argparse.ArgumentParser(
        description="Measure event deduplication on the generated corpus.",
        epilog="Example: python benchmarks/dedup.py --cache /tmp/amity-extract.jsonl --examples 5",
    )
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--truth", action="store_true", help="use the generator's records, not the extractor")
    ap.add_argument("--cache", type=Path, help="JSON-lines cache of extracted records")
    ap.add_argument("--examples", type=int, default=0, help="print this many missed and wrong merges")
    ap.add_argument("--event-names", action="store_true", help="compare place and person names too")
    ap.add_argument(
        "--dateline-published", action="store_true", help="take the dateline's date as publication date"
    )
    ap.add_argument(
        "--real",
        action="store_true",
        help="measure on the dev set's real reports of one event (benchmarks/data/dev_clusters.json)",
    )
    args = ap.parse_args()
    if args.real:
        from dedup_real import run_real

        run_real(args.cache, args.examples > 0)
        return
    run(args.n, args.seed, args.truth, args.cache, args.examples, args.event_names, args.dateline_published)


if __name__ == "__main__":
    main()
