"""The network of people, organizations and countries linked by the events they share."""

from __future__ import annotations

from collections import Counter
from itertools import combinations
from typing import Any

from amity.store.interface import EventFilter, Registry


def build_network(registry: Registry, f: EventFilter, max_nodes: int = 120) -> dict[str, Any]:
    """Nodes `{"id": "p:3"|"o:7"|"c:CN", "kind", "label", "ref", "n"}` and weighted links between
    nodes that appear in the same event, over the events of `f` (its limit bounds the work); the
    `max_nodes` in most events are kept, and `n_nodes` says how many there were."""
    nodes: dict[str, dict[str, Any]] = {}
    weights: Counter[tuple[str, str]] = Counter()
    events, total = registry.list_events(f)
    for summary in events:
        detail = registry.get_event(summary["id"])
        members: list[str] = []
        for person in detail.get("participants") or []:
            if person.get("id") is not None and person.get("name"):
                members.append(_node(nodes, f"p:{person['id']}", "person", person["name"], person["id"]))
        for org in detail.get("organizations") or []:
            if org.get("id") is not None and org.get("name"):
                label = org.get("acronym") or org["name"]
                members.append(_node(nodes, f"o:{org['id']}", "org", label, org["id"]))
        for code in detail.get("countries") or []:
            members.append(_node(nodes, f"c:{code}", "country", code, code))
        for a, b in combinations(sorted(set(members)), 2):
            weights[(a, b)] += 1
    keep = {k for k, _ in Counter({k: v["n"] for k, v in nodes.items()}).most_common(max_nodes)}
    links = [{"source": a, "target": b, "n": n} for (a, b), n in weights.items() if a in keep and b in keep]
    return {
        "nodes": [v for k, v in nodes.items() if k in keep],
        "links": links,
        "events": len(events),
        "total": total,
        "n_nodes": len(nodes),  # before the cap: the view offers "show more" while this is larger
    }


def _node(nodes: dict[str, dict[str, Any]], key: str, kind: str, label: str, ref: Any) -> str:
    node = nodes.get(key)
    if node is None:
        node = nodes[key] = {"id": key, "kind": kind, "label": label, "ref": ref, "n": 0}
    node["n"] += 1
    return key
