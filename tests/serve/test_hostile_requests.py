"""Hostile requests: out-of-range numbers are 422s in the error shape (never a 500 or a cut stream),
foreign Host names are refused (DNS rebinding), redirects stay on the host asked, and the OpenAPI
schema declares the patterns, limits and 404s the server enforces."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from amity.errors import StoreError
from amity.serve import create_app
from tests.serve.conftest import ApiClient

HUGE = str(2**63)
LIST_PATHS = ("/api/events", "/api/stats", "/api/facets", "/api/network", "/api/events.csv", "/api/events.json")


def assert_error(r: httpx.Response, status: int) -> dict[str, Any]:
    assert r.status_code == status, r.text
    assert r.headers["content-type"].startswith("application/json")
    error: dict[str, Any] = r.json()["error"]
    assert error["status"] == status and error["code"] and error["message"]
    return error


@pytest.mark.parametrize("path", LIST_PATHS)
@pytest.mark.parametrize("param", ["person", "org"])
@pytest.mark.parametrize("value", [HUGE, "99999999999999999999999999", "-1", "0"])
def test_ids_out_of_range_are_422_everywhere(client: ApiClient, path: str, param: str, value: str) -> None:
    error = assert_error(client.get(path, params={param: value}), 422)
    assert error["detail"][0]["loc"] == ["query", param]


@pytest.mark.parametrize("path", LIST_PATHS)
def test_largest_id_is_a_valid_empty_answer(client: ApiClient, path: str) -> None:
    r = client.get(path, params={"person": str(2**63 - 1)})
    assert r.status_code == 200


@pytest.mark.parametrize("path", ["/api/events.csv", "/api/events.json"])
def test_export_that_cannot_run_is_an_error_not_a_cut_200(path: str) -> None:
    class Broken:
        url = "broken:"

        def iter_events(self, f: Any) -> Any:  # a generator, like the registry's: fails when first read
            raise StoreError("database is locked")
            yield

    client = ApiClient(create_app(Broken()))  # type: ignore[arg-type]
    r = client.get(path)
    assert_error(r, 500)


def test_export_streams_every_event() -> None:
    pulled: list[int] = []

    class Many:
        url = "many:"

        def iter_events(self, f: Any) -> Any:
            for i in range(1, 1201):
                pulled.append(i)
                yield {"id": i, "type": "meeting"}

    r = ApiClient(create_app(Many())).get("/api/events.json")  # type: ignore[arg-type]
    assert r.status_code == 200 and [e["id"] for e in r.json()] == list(range(1, 1201))
    assert pulled == list(range(1, 1201))


@pytest.mark.parametrize("host", ["evil.example", "evil.example:8000", "127.0.0.1.evil.example", "", "[::2]"])
def test_foreign_host_is_refused(client: ApiClient, host: str) -> None:
    for path in ("/api/events", "/", "/openapi.json", "/static/js/app.js"):
        r = client.get(path, headers={"host": host})
        error = assert_error(r, 400)
        assert "--allow-host" in error["message"]
        assert "items" not in r.text


@pytest.mark.parametrize("host", ["127.0.0.1", "127.0.0.1:8000", "localhost:1234", "LOCALHOST", "[::1]:8000"])
def test_loopback_hosts_are_served(client: ApiClient, host: str) -> None:
    assert client.get("/api/events", headers={"host": host}).status_code == 200


def test_allowed_hosts_are_configurable(registry: Any) -> None:
    client = ApiClient(create_app(registry, allowed_hosts=("news.internal",)))
    assert client.get("/api/events", headers={"host": "news.internal:8000"}).status_code == 200
    assert client.get("/api/events", headers={"host": "127.0.0.1"}).status_code == 400
    anyone = ApiClient(create_app(registry, allowed_hosts=("*",)))
    assert anyone.get("/api/events", headers={"host": "whatever.example"}).status_code == 200


def test_serve_command_allows_loopback_bound_and_named_hosts() -> None:
    from amity.commands.serve import allowed_hosts

    assert set(allowed_hosts("127.0.0.1", [])) == {"127.0.0.1", "localhost", "::1"}
    assert set(allowed_hosts("0.0.0.0", ["news.internal"])) == {"127.0.0.1", "localhost", "::1", "news.internal"}
    assert "192.0.2.7" in allowed_hosts("192.0.2.7", [])


def test_redirects_are_relative(client: ApiClient) -> None:
    r = client.get("/api/events/", headers={"host": "localhost:8000"}, follow_redirects=False)
    assert r.status_code in (301, 307, 308)
    assert r.headers["location"].startswith("/") and "localhost" not in r.headers["location"]


def test_openapi_declares_patterns_limits_and_404s(client: ApiClient) -> None:
    spec = client.get("/openapi.json").json()
    params = {p["name"]: p["schema"] for p in spec["paths"]["/api/events"]["get"]["parameters"]}
    assert params["country"]["items"]["pattern"] and params["country"]["maxItems"] == 2
    for name in ("person", "org"):
        bounds = next(s for s in params[name].get("anyOf", [params[name]]) if s.get("type") == "integer")
        assert bounds["minimum"] == 1 and bounds["maximum"] == 2**63 - 1
    for path in ("/api/events/{event_id}", "/api/people/{person_id}", "/api/orgs/{org_id}",
                 "/api/documents/{document_id}"):
        responses = spec["paths"][path]["get"]["responses"]
        assert "404" in responses and "422" in responses
        assert "ErrorBody" in str(responses["404"])
    people = {p["name"]: p["schema"] for p in spec["paths"]["/api/people"]["get"]["parameters"]}
    assert "pattern" in str(people["country"])
