"""The API over a registry built by ingesting the bundled sample corpus (real extraction, real store).

The extractor's output may change; these tests check that whatever it stored is served consistently.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from amity import samples
from amity.serve import create_app
from amity.store import open_registry
from tests.serve.conftest import ApiClient

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def sample_client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ApiClient]:
    from amity.extract import Extractor
    from amity.pipeline import ingest

    registry = open_registry(str(tmp_path_factory.mktemp("samples") / "samples.db"))
    ingest(registry, [str(samples.path())], Extractor())
    yield ApiClient(create_app(registry))
    registry.close()


def all_events(client: ApiClient) -> list[dict[str, Any]]:
    body = client.get("/api/events", params={"limit": 500, "sort": "id"}).json()
    assert len(body["items"]) == body["total"]
    return body["items"]


def test_samples_are_served(sample_client: ApiClient) -> None:
    events = all_events(sample_client)
    stats = sample_client.get("/api/stats").json()
    assert len(events) == stats["totals"]["events"] > 0
    assert stats["totals"]["documents"] >= len(list(Path(samples.path()).iterdir())) - 1


def test_every_event_detail_points_into_its_documents(sample_client: ApiClient) -> None:
    for summary in all_events(sample_client):
        event = sample_client.get(f"/api/events/{summary['id']}").json()
        assert event["n_sources"] == len(event["sources"]) >= 1
        for source in event["sources"]:
            doc = sample_client.get(f"/api/documents/{source['document_id']}").json()
            assert summary["id"] in doc["event_ids"]
            for ev in source["evidence"]:
                assert doc["text"][ev["start"]:ev["end"]] == ev["text"]


def test_people_and_orgs_resolve(sample_client: ApiClient) -> None:
    people = sample_client.get("/api/people", params={"limit": 500}).json()["items"]
    assert people
    for p in people[:25]:
        detail = sample_client.get(f"/api/people/{p['id']}").json()
        assert detail["name"] == p["name"] and len(detail["events"]) == p["n_events"]
    for o in sample_client.get("/api/orgs", params={"limit": 25}).json()["items"]:
        assert sample_client.get(f"/api/orgs/{o['id']}").status_code == 200


def test_exports_hold_every_sample_event(sample_client: ApiClient) -> None:
    n = len(all_events(sample_client))
    rows = list(csv.DictReader(io.StringIO(sample_client.get("/api/events.csv").text)))
    assert len(rows) == n
    assert len(json.loads(sample_client.get("/api/events.json").text)) == n


def test_facets_and_network_over_samples(sample_client: ApiClient) -> None:
    events = all_events(sample_client)
    facets = sample_client.get("/api/facets").json()
    assert sum(r["n"] for r in facets["type"]) == len(events)
    assert sum(r["n"] for r in facets["status"]) == len(events)
    net = sample_client.get("/api/network").json()
    assert net["nodes"] and net["events"] == min(len(events), 150)
