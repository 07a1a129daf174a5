"""Facet counts for the events view: each facet is counted with its own selection left out,
so the other values of a selected facet stay visible and clickable."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from typing import Any

from amity.records import EVENT_TYPES, STATUSES
from amity.store.interface import EventFilter, Registry

PROGRAM_SAMPLE = 300


def build_facets(registry: Registry, f: EventFilter) -> dict[str, Any]:
    cache: dict[EventFilter, dict[str, Any]] = {}

    def stats(g: EventFilter) -> dict[str, Any]:
        g = replace(g, limit=50, offset=0, sort="-date")
        if g not in cache:
            cache[g] = registry.stats(g)
        return cache[g]

    def count(g: EventFilter) -> int:
        return registry.list_events(replace(g, limit=1, offset=0))[1]

    by_type = Counter({t: count(replace(f, type=t)) for t in EVENT_TYPES})
    fields = [{"value": r["field"], "n": r["n"]} for r in stats(replace(f, field=None))["by_field"]]
    pairs = [{"a": r["a"], "b": r["b"], "n": r["n"]} for r in stats(replace(f, countries=()))["by_pair"]]
    countries: Counter[str] = Counter()
    for pair in pairs:
        countries[pair["a"]] += pair["n"]
        countries[pair["b"]] += pair["n"]
    statuses = [{"value": status, "n": count(replace(f, status=status))} for status in STATUSES]
    programs: Counter[str] = Counter()
    sample, _ = registry.list_events(replace(f, program=None, limit=PROGRAM_SAMPLE, offset=0))
    for event in sample:
        if event.get("program"):
            programs[event["program"]] += 1
    return {
        "type": [{"value": t, "n": n} for t, n in by_type.most_common() if n or t == f.type],
        "status": statuses,
        "field": sorted(fields, key=lambda r: -r["n"]),
        "pair": sorted(pairs, key=lambda r: -r["n"])[:60],
        "country": [{"value": c, "n": n} for c, n in countries.most_common(80)],
        "program": [{"value": p, "n": n} for p, n in programs.most_common(40)],
        "program_sample": len(sample),
    }
