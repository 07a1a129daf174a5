"""The JSON API over a registry holding the test corpus."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import pytest

from tests.serve import corpus
from tests.serve.conftest import ApiClient


def events(client: ApiClient, **params: Any) -> dict[str, Any]:
    r = client.get("/api/events", params=params)
    assert r.status_code == 200, r.text
    return r.json()


def assert_error(r: Any, status: int, code: str) -> dict[str, Any]:
    assert r.status_code == status
    assert r.headers["content-type"].startswith("application/json")
    body = r.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"status", "code", "message", "detail"}
    assert body["error"]["status"] == status
    assert body["error"]["code"] == code
    assert isinstance(body["error"]["message"], str) and body["error"]["message"]
    return body["error"]


def test_unfiltered_list_has_every_event_and_a_total(client: ApiClient) -> None:
    body = events(client)
    assert body["total"] == 6
    assert body["limit"] == 50 and body["offset"] == 0
    assert len(body["items"]) == 6
    first = body["items"][0]
    for key in ("id", "type", "status", "salience", "name", "date", "place", "countries", "fields",
                "program", "n_sources", "participants"):
        assert key in first


def test_a_second_report_adds_a_source_to_the_same_event(client: ApiClient, ids: dict[str, int]) -> None:
    visit = client.get(f"/api/events/{ids['visit']}").json()
    assert visit["n_sources"] == 2
    assert {s["doc"] for s in visit["sources"]} == {"kc_youth_a.txt", "kc_youth_b.txt"}


@pytest.mark.parametrize(("params", "expected"), [
    ({"type": "agreement"}, 2),
    ({"type": "conference"}, 2),
    ({"status": "planned"}, 1),
    ({"status": "historical"}, 1),
    ({"country": "VN"}, 3),
    ({"country": ["CN", "KR"]}, 2),
    ({"country": ["cn", "kr"]}, 2),
    ({"country": ["KR", "US"]}, 1),
    ({"country": ["CN", "VN"]}, 0),
    ({"field": "youth"}, 2),
    ({"country": ["CN", "KR"], "field": "education"}, 1),
    ({"program": "future-oriented"}, 2),
    ({"place": "hanoi"}, 1),
    ({"since": "2024"}, 4),
    ({"until": "2023-12"}, 2),
    ({"since": "2024-05-21", "until": "2024-05-31"}, 1),
    ({"q": "animation"}, 0),
    ({"q": "Culture Forum"}, 1),
    ({"q": "memorandum"}, 1),
])
def test_filters(client: ApiClient, params: dict[str, Any], expected: int) -> None:
    body = events(client, **params)
    assert body["total"] == expected
    assert len(body["items"]) == expected


def test_filter_results_satisfy_the_filter(client: ApiClient) -> None:
    for item in events(client, country=["KR", "CN"], field="youth")["items"]:
        assert {"CN", "KR"} <= set(item["countries"])
        assert "youth" in item["fields"]


def test_person_and_org_filters(client: ApiClient, ids: dict[str, int]) -> None:
    liu = events(client, person=ids["liu"])
    assert liu["total"] == 3
    assert all(any(p["id"] == ids["liu"] for p in e["participants"]) for e in liu["items"])
    assert events(client, org=ids["ciyec"])["total"] == 2


def test_pagination_walks_every_event_once(client: ApiClient) -> None:
    seen: list[int] = []
    for offset in range(0, 6, 4):
        body = events(client, limit=4, offset=offset, sort="id")
        assert body["total"] == 6
        seen += [e["id"] for e in body["items"]]
    assert len(seen) == 6 == len(set(seen))
    assert events(client, limit=4, offset=100)["items"] == []


def test_sorting(client: ApiClient) -> None:
    by_date = [e["date"] for e in events(client, sort="date")["items"]]
    assert by_date[0] == "1993"
    newest = [e["date"] for e in events(client, sort="-date")["items"]]
    assert newest[0] == "2025-09"
    by_id = [e["id"] for e in events(client, sort="id")["items"]]
    assert by_id == sorted(by_id)
    by_sources = [e["n_sources"] for e in events(client, sort="-n_sources")["items"]]
    assert by_sources[0] == 2 and by_sources == sorted(by_sources, reverse=True)
    types = [e["type"] for e in events(client, sort="type")["items"]]
    assert types == sorted(types)


def test_event_detail_has_sources_and_evidence(client: ApiClient, ids: dict[str, int]) -> None:
    r = client.get(f"/api/events/{ids['forum']}")
    assert r.status_code == 200
    event = r.json()
    assert event["name"] == "Japan-Vietnam Culture Forum"
    (source,) = event["sources"]
    (evidence,) = source["evidence"]
    doc = client.get(f"/api/documents/{source['document_id']}").json()
    # offsets are code points: the emoji before the sentence counts as one character
    assert doc["text"][evidence["start"]:evidence["end"]] == evidence["text"]
    assert evidence["text"] == "The Japan-Vietnam Culture Forum opened in Hanoi with 150 guests."
    assert {p["name"] for p in event["participants"]} == {"Liu Aiping", "Tanaka Hiroshi"}
    assert event["organizations"][0]["name"] == "Japan Foundation"


def test_people_and_person_detail(client: ApiClient, ids: dict[str, int]) -> None:
    people = client.get("/api/people", params={"q": "liu"}).json()
    assert people["total"] == 1 and people["items"][0]["name"] == "Liu Aiping"
    liu = client.get(f"/api/people/{ids['liu']}").json()
    assert {a["title"] for a in liu["affiliations"]} == {"Chairman", "Vice Chairman"}
    assert len(liu["events"]) == 3
    assert {c["name"] for c in liu["co_participants"]} == {"Kim Min-jun", "Tanaka Hiroshi"}
    assert client.get("/api/people", params={"country": "jp"}).json()["total"] == 1


def test_orgs_and_org_detail(client: ApiClient, ids: dict[str, int]) -> None:
    orgs = client.get("/api/orgs", params={"q": "youth exchange"}).json()
    assert {o["name"] for o in orgs["items"]} == {corpus.CIYEC.name, corpus.KYEF.name}
    ciyec = client.get(f"/api/orgs/{ids['ciyec']}").json()
    assert ciyec["acronym"] == "CIYEC"
    assert len(ciyec["events"]) == 2
    assert "Liu Aiping" in {p["name"] for p in ciyec["people"]}


def test_stats_follow_the_filters(client: ApiClient) -> None:
    stats = client.get("/api/stats").json()
    assert stats["totals"]["events"] == 6
    assert {"a": "CN", "b": "KR", "n": 2} in stats["by_pair"]
    assert sum(r["n"] for r in stats["by_month"] if r["month"] == "2024-05") == 2
    youth = client.get("/api/stats", params={"field": "youth"}).json()
    assert {r["field"] for r in youth["by_field"]} >= {"youth"}
    assert all(r["month"] == "2024-05" for r in youth["by_month"])


def test_facets_count_each_facet_without_its_own_selection(client: ApiClient) -> None:
    facets = client.get("/api/facets", params={"type": "agreement"}).json()
    types = {r["value"]: r["n"] for r in facets["type"]}
    assert types["visit"] == 1 and types["agreement"] == 2
    assert {r["value"]: r["n"] for r in facets["status"]} == {"occurred": 1, "planned": 0, "historical": 1}
    assert corpus.PROGRAM_KC in {r["value"] for r in facets["program"]}


def test_network_links_people_orgs_and_countries(client: ApiClient, ids: dict[str, int]) -> None:
    net = client.get("/api/network", params={"country": ["CN", "KR"]}).json()
    keys = {n["id"] for n in net["nodes"]}
    assert {f"p:{ids['liu']}", f"p:{ids['kim']}", f"o:{ids['ciyec']}", "c:CN", "c:KR"} <= keys
    pair = {tuple(sorted((link["source"], link["target"]))): link["n"] for link in net["links"]}
    assert pair[("c:CN", "c:KR")] == 2


# ----------------------------------------------------------------- errors


@pytest.mark.parametrize("path", ["/api/events/999999", "/api/people/999999", "/api/orgs/999999",
                                  "/api/documents/999999", "/api/nothing-here", "/nothing"])
def test_not_found_has_the_error_shape(client: ApiClient, path: str) -> None:
    assert_error(client.get(path), 404, "not_found")


def test_error_shape_is_pinned(client: ApiClient) -> None:
    r = client.get("/api/events/999999")
    assert r.json() == {"error": {"status": 404, "code": "not_found", "message": r.json()["error"]["message"],
                                  "detail": None}}
    assert "999999" in r.json()["error"]["message"]


@pytest.mark.parametrize("params", [
    {"type": "party"}, {"status": "rumoured"}, {"field": "cooking"}, {"sort": "name; DROP TABLE events"},
    {"limit": 0}, {"limit": 100000}, {"offset": -1}, {"limit": "ten"}, {"person": "x"},
    {"since": "last year"}, {"until": "2024-13-99x"}, {"country": "C N"}, {"country": ["CN", "KR", "JP"]},
    {"q": "x" * 500},
])
def test_invalid_parameters_are_422(client: ApiClient, params: dict[str, Any]) -> None:
    error = assert_error(client.get("/api/events", params=params), 422, "validation_error")
    assert isinstance(error["detail"], list) and error["detail"]
    assert {"loc", "msg", "type"} <= set(error["detail"][0])


@pytest.mark.parametrize("path", ["/api/events/abc", "/api/events/0", "/api/people/-1",
                                  "/api/events/99999999999999999999999"])
def test_invalid_ids_are_422(client: ApiClient, path: str) -> None:
    assert_error(client.get(path), 422, "validation_error")


@pytest.mark.parametrize("method", ["POST", "PUT", "PATCH", "DELETE", "OPTIONS"])
@pytest.mark.parametrize("path", ["/api/events", "/api/events/1", "/", "/api/nothing"])
def test_the_api_is_read_only(client: ApiClient, method: str, path: str) -> None:
    r = client.request(method, path, content=b"{}")
    assert_error(r, 405, "method_not_allowed")
    assert r.headers["allow"] == "GET, HEAD"


def test_head_answers_like_get_without_a_body(client: ApiClient) -> None:
    get = client.get("/api/events")
    head = client.request("HEAD", "/api/events")
    assert head.status_code == 200
    assert head.content == b""
    assert head.headers["content-length"] == get.headers["content-length"]


def test_store_failures_and_crashes_use_the_error_shape(registry: Any) -> None:
    from amity.errors import StoreError
    from amity.serve import create_app

    class Broken:
        url = "broken:"

        def list_events(self, f: Any) -> Any:
            raise StoreError("database is locked")

        def stats(self, f: Any = None) -> Any:
            raise RuntimeError("boom")

    client = ApiClient(create_app(Broken()))  # type: ignore[arg-type]
    error = assert_error(client.get("/api/events"), 500, "store_error")
    assert "locked" not in error["message"]
    r = client.get("/api/stats")
    error = assert_error(r, 500, "internal_error")
    assert "boom" not in r.text
    assert "content-security-policy" in r.headers


# ----------------------------------------------------------------- hostile input


@pytest.mark.parametrize("q", [
    "'; DROP TABLE events; --", "\" OR 1=1 --", "%", "_", "\\", "forum*", "NEAR(a b)", "a AND OR NOT",
    "(", "\"", "' OR ''='", "😀", "\x00", "<script>alert(1)</script>", "title:x", "^", "-x", "{}",
])
def test_hostile_queries_are_harmless(client: ApiClient, q: str) -> None:
    r = client.get("/api/events", params={"q": q, "program": q, "place": q})
    assert r.status_code in (200, 422), r.text
    if r.status_code == 200:
        assert r.json()["total"] <= 6
    else:
        assert_error(r, 422, r.json()["error"]["code"])
    assert events(client)["total"] == 6  # still there
    people = client.get("/api/people", params={"q": q})
    assert people.status_code in (200, 422)


def test_hostile_text_is_returned_verbatim_as_json(client: ApiClient, ids: dict[str, int]) -> None:
    r = client.get(f"/api/events/{ids['hostile']}")
    assert r.headers["content-type"].startswith("application/json")
    event = r.json()
    assert event["name"] == corpus.XSS_EVENT
    assert event["participants"][0]["name"] == corpus.XSS_NAME


# ----------------------------------------------------------------- export


def test_csv_export_follows_the_filters(client: ApiClient) -> None:
    r = client.get("/api/events.csv", params={"country": ["CN", "KR"]})
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/csv")
    assert "attachment" in r.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert len(rows) == 2
    assert {row["type"] for row in rows} == {"visit", "agreement"}
    assert all(row["countries"] == "CN; KR" for row in rows)
    assert any("Liu Aiping" in row["participants"] for row in rows)


def test_csv_export_defuses_formulas(client: ApiClient) -> None:
    rows = list(csv.DictReader(io.StringIO(client.get("/api/events.csv", params={"status": "planned"}).text)))
    assert rows[0]["program"] == "'" + corpus.FORMULA_PROGRAM


def test_json_export_matches_the_list(client: ApiClient) -> None:
    r = client.get("/api/events.json", params={"field": "youth", "sort": "id"})
    assert r.status_code == 200
    assert "attachment" in r.headers["content-disposition"]
    exported = json.loads(r.text)
    listed = events(client, field="youth", sort="id")["items"]
    assert [e["id"] for e in exported] == [e["id"] for e in listed]
    for full, summary in zip(exported, listed, strict=True):
        assert {k: full[k] for k in summary} == summary  # the list's fields, plus organizations and sources
        assert full["sources"] and full["sources"][0]["evidence"]


def test_export_of_nothing_is_valid(client: ApiClient) -> None:
    assert json.loads(client.get("/api/events.json", params={"country": ["CN", "VN"]}).text) == []
    assert client.get("/api/events.csv", params={"country": ["CN", "VN"]}).text.startswith("id,type,")


def test_export_validates_like_the_list(client: ApiClient) -> None:
    assert_error(client.get("/api/events.csv", params={"type": "nope"}), 422, "validation_error")
