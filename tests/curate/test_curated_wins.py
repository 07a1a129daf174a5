"""Curated values win over re-extraction: random edit sequences, then the documents extracted again
(the same records, or records that differ as a new extractor's would), leave every curated field as
last set, removed participants removed, suppressed events hidden, merges merged and splits split."""

from __future__ import annotations

import dataclasses
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from amity.curate.edits import Conflict, Curator
from amity.errors import NotFoundError
from amity.records import DocumentRecord
from amity.store import EventFilter, open_registry
from tests.serve import corpus

DATES = st.sampled_from(["2023", "2024-02", "2024-05-19", "2025-01-31", None])
VALUES: dict[str, Any] = {
    "type": st.sampled_from(["meeting", "visit", "conference", "program"]),
    "status": st.sampled_from(["occurred", "planned", "historical"]),
    "salience": st.sampled_from(["main", "mentioned"]),
    "name": st.one_of(st.none(), st.text(min_size=1, max_size=20).map(str.strip).filter(bool)),
    "date": DATES,
    "end_date": DATES,
    "place": st.one_of(st.none(), st.fixed_dictionaries({"name": st.sampled_from(["Busan", "Hue"]),
                                                          "country": st.sampled_from(["KR", "VN"])})),
    "countries": st.lists(st.sampled_from(["CN", "KR", "JP", "VN", "US"]), unique=True, max_size=3).map(sorted),
    "fields": st.lists(st.sampled_from(["youth", "culture", "media"]), unique=True, max_size=2).map(sorted),
    "size": st.one_of(st.none(), st.integers(0, 500)),
    "program": st.one_of(st.none(), st.sampled_from(["Exchange A", "Exchange B"])),
}
EDIT = st.one_of(
    st.tuples(st.just("set"), st.integers(0, 9), st.sampled_from(sorted(VALUES))).flatmap(
        lambda t: st.tuples(st.just(t[0]), st.just(t[1]), st.just(t[2]), VALUES[t[2]])),
    st.tuples(st.just("remove"), st.integers(0, 9), st.integers(0, 3), st.none()),
    st.tuples(st.just("merge"), st.integers(0, 9), st.integers(0, 9), st.none()),
    st.tuples(st.just("split"), st.integers(0, 9), st.integers(0, 3), st.none()),
    st.tuples(st.just("suppress"), st.integers(0, 9), st.booleans(), st.none()),
)


def changed(record: DocumentRecord, shift: bool) -> DocumentRecord:
    """What another extractor might make of the same text: other dates, a participant fewer."""
    if not shift:
        return record
    events = tuple(dataclasses.replace(e, date="2022-01-01" if e.date else None,
                                       participants=e.participants[1:]) for e in record.events)
    return dataclasses.replace(record, events=events)


def reextract(registry: Any, shift: bool) -> None:
    with registry.transaction():
        for doc, record in corpus.documents():
            registry.add_document(doc, changed(record, shift), "next")


class Model:
    """What the registry must show after re-extraction: the last value set per (event, field)."""

    def __init__(self) -> None:
        self.fields: dict[tuple[int, str], Any] = {}
        self.removed: set[tuple[int, int]] = set()
        self.hidden: dict[int, bool] = {}
        self.gone: set[int] = set()
        self.together: dict[tuple[int, int], int] = {}  # (document, idx) -> the event curation put it in

    def merged(self, target: int, other: int) -> None:
        self.gone.add(other)
        self.fields = {k: v for k, v in self.fields.items() if k[0] != other}
        self.removed = {(target if e == other else e, p) for e, p in self.removed}
        self.hidden.pop(other, None)
        self.together = {k: target if e == other else e for k, e in self.together.items()}


def apply(c: Curator, registry: Any, model: Model, op: tuple[Any, ...]) -> None:
    ids = sorted(r[0] for r in registry.db.rows("SELECT id FROM events"))
    kind, a, b, value = op
    event = ids[a % len(ids)]
    try:
        if kind == "set":
            c.patch_event(event, {b: value})
            model.fields[(event, b)] = value
        elif kind == "remove":
            people = [p["id"] for p in registry.get_event(event)["participants"] if p["id"] is not None]
            if people:
                pid = people[b % len(people)]
                c.remove_link("participant", event, pid)
                model.removed.add((event, pid))
        elif kind == "merge":
            other = ids[b % len(ids)]
            if other != event:
                moved = registry.db.rows("SELECT document_id, idx FROM event_sources WHERE event_id = ?", (other,))
                c.merge_events(event, other)
                model.merged(event, other)
                model.together.update({(d, i): event for d, i in moved})
        elif kind == "split":
            sources = registry.db.rows("SELECT document_id, idx FROM event_sources WHERE event_id = ? "
                                       "ORDER BY document_id, idx", (event,))
            if len(sources) > 1:
                doc_id, idx = sources[b % len(sources)]
                new = c.split_event(event, doc_id, idx)["id"]
                model.together[(doc_id, idx)] = new
        elif kind == "suppress":
            c.suppress("event", event, b)
            model.hidden[event] = b
    except Conflict:
        pass


def check(registry: Any, model: Model) -> None:
    listed = {e["id"] for e in registry.list_events(EventFilter(limit=500))[0]}
    for (event, field), value in model.fields.items():
        shown = registry.get_event(event)
        got = shown[field]
        if field == "place":
            got = {"name": got["name"], "country": got["country"]} if got and got.get("name") else None
        assert got == value, (event, field)
    for event, pid in model.removed:
        if event not in model.gone:
            assert pid not in {p["id"] for p in registry.get_event(event)["participants"]}
    for event, hidden in model.hidden.items():
        assert (event in listed) is not hidden
    for event in model.gone:
        with pytest.raises(NotFoundError):
            registry.get_event(event)
    for (doc_id, idx), event in model.together.items():
        assert registry.db.scalar("SELECT event_id FROM event_sources WHERE document_id = ? AND idx = ?",
                                  (doc_id, idx)) == event


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(edits=st.lists(EDIT, min_size=1, max_size=8), shift=st.booleans())
def test_random_edits_survive_reextraction(edits: list[tuple[Any, ...]], shift: bool) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        registry = open_registry(str(Path(tmp) / "r.db"))
        try:
            corpus.load(registry)
            c, model = Curator(registry.db, "tester"), Model()
            for op in edits:
                apply(c, registry, model, op)
            check(registry, model)
            reextract(registry, shift)
            check(registry, model)
            reextract(registry, False)
            check(registry, model)
        finally:
            registry.close()


def content(registry: Any) -> list[tuple[Any, ...]]:
    events, _ = registry.list_events(EventFilter(limit=500))
    return sorted(
        (e["type"], e["date"] or "", e["name"] or "", e["status"], tuple(e["countries"]), e["n_sources"],
         tuple(sorted(p["name"] or "" for p in e["participants"])))
        for e in events
    )


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(edits=st.lists(EDIT, min_size=1, max_size=6))
def test_random_edits_survive_amity_resolve(edits: list[tuple[Any, ...]]) -> None:
    """`amity resolve` re-runs the matching over a curated registry: every curated field stays as
    last set, and a second run gives the same events (an uncurated event may get a new id)."""
    from amity.store.rederive import reresolve

    with tempfile.TemporaryDirectory() as tmp:
        registry = open_registry(str(Path(tmp) / "r.db"))
        try:
            corpus.load(registry)
            c, model = Curator(registry.db, "tester"), Model()
            for op in edits:
                apply(c, registry, model, op)
            reresolve(registry.db)
            check(registry, model)
            once = content(registry)
            reresolve(registry.db)
            check(registry, model)
            assert content(registry) == once
        finally:
            registry.close()
