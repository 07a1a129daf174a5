"""The app shell: security headers, the UI's files, the API docs."""

from __future__ import annotations

import re

import pytest

from tests.serve.conftest import ApiClient


@pytest.mark.parametrize("path", ["/", "/api/events", "/api/events/999999", "/static/js/app.js", "/docs",
                                  "/openapi.json"])
def test_security_headers_on_every_response(client: ApiClient, path: str) -> None:
    r = client.get(path)
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp
    assert "default-src 'none'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert "frame-ancestors 'none'" in csp
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["x-frame-options"] == "DENY"
    assert r.headers["referrer-policy"] == "no-referrer"


@pytest.mark.parametrize("page", ["/", "/docs"])
def test_pages_have_no_inline_script_or_style(client: ApiClient, page: str) -> None:
    html = client.get(page).text
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), "inline <script> found"
    assert not re.search(r"\son[a-z]+\s*=", html), "inline event handler found"
    assert "style=" not in html and "<style" not in html
    assert "http://" not in html and "https://" not in html, "assets must be local"


def test_static_assets_are_shipped_and_local(client: ApiClient) -> None:
    from amity.serve.app import static_dir

    files = sorted(p.relative_to(static_dir()).as_posix() for p in static_dir().rglob("*") if p.is_file())
    assert "index.html" in files and "css/style.css" in files
    for name in files:
        r = client.get(f"/static/{name}")
        assert r.status_code == 200, name
        if name.endswith(".js"):
            assert "javascript" in r.headers["content-type"]
            assert ".innerHTML" not in r.text and "insertAdjacentHTML" not in r.text, name
            assert "eval(" not in r.text and "new Function" not in r.text, name
            assert not re.search(r"https?://(?!www\.w3\.org/2000/svg)", r.text), name


def test_openapi_lists_the_endpoints(client: ApiClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for path in ("/api/events", "/api/events/{event_id}", "/api/people", "/api/people/{person_id}",
                 "/api/orgs", "/api/orgs/{org_id}", "/api/documents/{document_id}", "/api/stats",
                 "/api/events.csv", "/api/events.json"):
        assert path in paths and "get" in paths[path]
    params = {p["name"] for p in paths["/api/events"]["get"]["parameters"]}
    assert {"type", "status", "country", "field", "program", "person", "org", "place", "since", "until", "q",
            "sort", "limit", "offset"} <= params
