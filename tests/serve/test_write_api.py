"""The write API: tokens, roles, the error shape, every kind of edit, history and revert, and curated
values surviving re-ingest of the same documents."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from amity.curate.users import add_user, revoke_user
from amity.serve import create_app
from amity.store import open_registry
from tests.serve import corpus
from tests.serve.conftest import ApiClient, collect_ids
from tests.serve.test_api import assert_error
from tests.store.conftest import pg_url  # noqa: F401 - the PostgreSQL fixture (a fresh schema per test)


class Env:
    def __init__(self, url: str) -> None:
        self.registry = open_registry(url)
        corpus.load(self.registry)
        self.client = ApiClient(create_app(self.registry))
        _, self.editor = add_user(self.registry.db, "alice", "editor")
        _, self.viewer = add_user(self.registry.db, "victor", "viewer")
        self.ids = collect_ids(lambda path, params: self.client.get(path, params=params).json())

    def auth(self, token: str | None = None) -> dict[str, str]:
        return {"authorization": f"Bearer {token or self.editor}"}

    def call(self, method: str, path: str, body: Any = None, status: int = 200) -> Any:
        r = self.client.request(method, path, json=body, headers=self.auth())
        assert r.status_code == status, r.text
        return r.json()

    def get(self, path: str, **params: Any) -> Any:
        r = self.client.get(path, params=params)
        assert r.status_code == 200, r.text
        return r.json()

    def reingest(self) -> None:
        """The same documents ingested again: every derived row is rebuilt."""
        corpus.load(self.registry)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def env(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Env]:
    url = str(tmp_path / "write.db") if request.param == "sqlite" else request.getfixturevalue("pg_url")
    e = Env(url)
    yield e
    e.registry.close()


def test_writes_need_a_valid_token(env: Env) -> None:
    path = f"/api/events/{env.ids['visit']}"
    r = env.client.request("PATCH", path, json={"date": "2024-05-19"})
    assert_error(r, 401, "unauthorized")
    assert r.headers["www-authenticate"].startswith("Bearer")
    bad = env.editor[:-2] + ("xx" if not env.editor.endswith("xx") else "yy")
    for header in (f"Bearer {bad}", "Bearer", "Basic abc", env.editor):
        assert_error(env.client.request("PATCH", path, json={"date": "2024-05-19"},
                                         headers={"authorization": header}), 401, "unauthorized")
    assert env.get(path)["date"] == "2024-05-20"


def test_a_viewer_may_read_but_not_write(env: Env) -> None:
    me = env.client.get("/api/me", headers=env.auth(env.viewer)).json()
    assert me["role"] == "viewer" and me["can_edit"] is False
    r = env.client.request("PATCH", f"/api/events/{env.ids['visit']}", json={"date": "2024-05-19"},
                           headers=env.auth(env.viewer))
    assert "viewer" in assert_error(r, 403, "forbidden")["message"]
    r = env.client.request("POST", "/api/events", json={"type": "visit"}, headers=env.auth(env.viewer))
    assert_error(r, 403, "forbidden")


def test_revoked_users_and_a_registry_without_users(env: Env) -> None:
    revoke_user(env.registry.db, "alice")
    r = env.client.request("PATCH", f"/api/events/{env.ids['visit']}", json={"date": "2024-05-19"},
                           headers=env.auth())
    assert_error(r, 401, "unauthorized")
    revoke_user(env.registry.db, "victor")  # nobody left: read-only, as without curation
    r = env.client.request("PATCH", f"/api/events/{env.ids['visit']}", json={"date": "2024-05-19"},
                           headers=env.auth())
    assert_error(r, 405, "method_not_allowed")


@pytest.mark.parametrize("body, field", [
    ({"date": "2024-13-45"}, "date"),
    ({"date": "May 2024"}, "date"),
    ({"type": "party"}, "type"),
    ({"type": None}, "type"),
    ({"countries": ["Korea"]}, "countries"),
    ({"fields": ["cooking"]}, "fields"),
    ({"size": -3}, "size"),
    ({"colour": "red"}, "colour"),
    ({}, "body"),
])
def test_a_bad_field_value_is_a_422_in_the_error_shape(env: Env, body: dict[str, Any], field: str) -> None:
    r = env.client.request("PATCH", f"/api/events/{env.ids['visit']}", json=body, headers=env.auth())
    error = assert_error(r, 422, "validation_error")
    assert any(field in d["loc"] for d in error["detail"])
    assert env.get(f"/api/events/{env.ids['visit']}")["date"] == "2024-05-20"  # nothing changed


def test_unknown_records_are_404(env: Env) -> None:
    assert_error(env.client.request("PATCH", "/api/events/999999", json={"date": "2024"}, headers=env.auth()),
                 404, "not_found")
    assert_error(env.client.request("DELETE", f"/api/events/{env.ids['visit']}/participants/999999",
                                    headers=env.auth()), 404, "not_found")


def test_a_fixed_date_survives_reingest_and_the_history_reverts_it(env: Env) -> None:
    path = f"/api/events/{env.ids['visit']}"
    fixed = env.call("PATCH", path, {"date": "2024-05-19", "name": "Youth delegation visit"})
    assert fixed["date"] == "2024-05-19" and fixed["name"] == "Youth delegation visit"
    assert fixed["curation"]["fields"] == ["date", "name"]
    assert env.get("/api/events", since="2024-05-19", until="2024-05-19")["total"] == 1  # filters see it
    env.reingest()
    again = env.get(path)
    assert again["id"] == env.ids["visit"] and again["date"] == "2024-05-19"
    assert again["name"] == "Youth delegation visit" and len(again["sources"]) == 2
    items = env.get(f"{path}/history")["items"]
    date_entry = next(i for i in items if i["field"] == "date")
    assert (date_entry["user"], date_entry["before"], date_entry["after"]) == ("alice", "2024-05-20", "2024-05-19")
    reverted = env.call("POST", f"/api/history/{date_entry['id']}/revert")
    assert reverted["record"]["date"] == "2024-05-20" and reverted["reverts"] == date_entry["id"]
    assert_error(env.client.request("POST", f"/api/history/{date_entry['id']}/revert", headers=env.auth()),
                 409, "conflict")
    env.reingest()
    assert env.get(path)["date"] == "2024-05-20" and env.get(path)["name"] == "Youth delegation visit"


def test_a_removed_participant_stays_removed_and_can_come_back(env: Env) -> None:
    path = f"/api/events/{env.ids['forum']}"
    liu = env.ids["liu"]
    before = env.get(f"/api/people/{liu}")["n_events"]
    after = env.call("DELETE", f"{path}/participants/{liu}")
    assert [p["name"] for p in after["participants"]] == ["Tanaka Hiroshi"]
    assert env.get(f"/api/people/{liu}")["n_events"] == before - 1
    env.reingest()
    assert [p["name"] for p in env.get(path)["participants"]] == ["Tanaka Hiroshi"]
    assert env.get("/api/events", person=liu)["total"] == before - 1
    entry = env.get(f"{path}/history")["items"][0]
    assert entry["action"] == "remove_participant" and entry["before"]["name"] == "Liu Aiping"
    env.call("POST", f"/api/history/{entry['id']}/revert")
    assert "Liu Aiping" in [p["name"] for p in env.get(path)["participants"]]


def test_participants_and_organizations_added_and_changed_by_hand(env: Env) -> None:
    path = f"/api/events/{env.ids['forum']}"
    added = env.call("POST", f"{path}/participants", {"name": "Nguyen Thi Lan", "country": "VN", "role": "host",
                                                       "title": "Director"})
    lan = next(p for p in added["participants"] if p["name"] == "Nguyen Thi Lan")
    assert lan["role"] == "host" and lan["id"] is not None
    changed = env.call("PATCH", f"{path}/participants/{env.ids['liu']}", {"role": "guest"})
    assert next(p for p in changed["participants"] if p["id"] == env.ids["liu"])["role"] == "guest"
    org = env.call("POST", f"{path}/organizations", {"org_id": env.ids["ciyec"], "role": "organizer"})
    assert any(o["id"] == env.ids["ciyec"] and o["role"] == "organizer" for o in org["organizations"])
    assert_error(env.client.request("POST", f"{path}/participants", json={"person_id": lan["id"]},
                                    headers=env.auth()), 409, "conflict")
    env.reingest()
    again = env.get(path)
    assert {"Nguyen Thi Lan", "Liu Aiping", "Tanaka Hiroshi"} == {p["name"] for p in again["participants"]}
    assert next(p for p in again["participants"] if p["id"] == env.ids["liu"])["role"] == "guest"
    assert any(o["id"] == env.ids["ciyec"] for o in again["organizations"])


def test_merge_with_preview_then_for_real_survives_reingest(env: Env) -> None:
    events = env.get("/api/events", limit=50, sort="id")["items"]
    agreement = next(e["id"] for e in events if e["type"] == "agreement" and e["date"] == "2024-05-21")
    visit = env.ids["visit"]
    preview = env.call("POST", f"/api/events/{visit}/merge", {"other": agreement, "preview": True})
    assert len(preview["sources"]) == 3
    assert env.get(f"/api/events/{agreement}")["id"] == agreement  # nothing kept
    merged = env.call("POST", f"/api/events/{visit}/merge", {"other": agreement})
    assert merged["id"] == visit and len(merged["sources"]) == 3
    gone = assert_error(env.client.get(f"/api/events/{agreement}"), 404, "merged")
    assert gone["detail"] == {"merged_into": visit}
    env.reingest()
    assert len(env.get(f"/api/events/{visit}")["sources"]) == 3
    assert env.get("/api/events", limit=50)["total"] == len(events) - 1
    assert env.get(f"/api/events/{visit}/history")["items"][0]["action"] == "merge"


def test_split_a_report_off_and_it_stays_split(env: Env) -> None:
    visit = env.get(f"/api/events/{env.ids['visit']}")
    source = visit["sources"][1]
    body = {"document_id": source["document_id"], "idx": 0, "preview": True}
    preview = env.call("POST", f"/api/events/{visit['id']}/split", body)
    assert len(preview["sources"]) == 1
    assert len(env.get(f"/api/events/{visit['id']}")["sources"]) == 2
    new = env.call("POST", f"/api/events/{visit['id']}/split", {**body, "preview": False})
    assert new["id"] != visit["id"] and new["sources"][0]["document_id"] == source["document_id"]
    env.reingest()
    assert len(env.get(f"/api/events/{visit['id']}")["sources"]) == 1
    assert env.get(f"/api/events/{new['id']}")["sources"][0]["document_id"] == source["document_id"]
    lone = env.client.request("POST", f"/api/events/{new['id']}/split", json={**body, "preview": False},
                              headers=env.auth())
    assert "only this report" in assert_error(lone, 409, "conflict")["message"]


def test_an_event_entered_by_hand_with_a_document(env: Env) -> None:
    body = {"type": "visit", "date": "2024-09-23", "name": "Future-Oriented Exchange, 1st round",
            "countries": ["kr", "CN"], "program": corpus.PROGRAM_KC, "place": {"name": "Seoul", "country": "KR"},
            "participants": [{"person_id": env.ids["kim"], "role": "leader"}],
            "document": {"text": "Our office's own itinerary of the first round, written for the file.",
                         "title": "Itinerary"}}
    made = env.call("POST", "/api/events", body, status=201)
    assert made["countries"] == ["CN", "KR"] and made["status"] == "occurred"
    assert made["participants"][0]["id"] == env.ids["kim"]
    assert made["sources"][0]["title"] == "Itinerary"
    assert made["curation"] is None or made["curation"]["origin"] == "manual"
    env.reingest()
    again = env.get(f"/api/events/{made['id']}")
    assert again["name"] == body["name"] and again["participants"][0]["id"] == env.ids["kim"]
    assert again["curation"]["origin"] == "manual"
    assert env.get("/api/events", q="itinerary")["total"] == 1
    create = env.get(f"/api/events/{made['id']}/history")["items"][-1]
    env.call("POST", f"/api/history/{create['id']}/revert")
    assert_error(env.client.get(f"/api/events/{made['id']}"), 404, "not_found")


def test_suppressed_records_are_hidden_kept_and_restorable(env: Env) -> None:
    hostile, total = env.ids["hostile"], env.get("/api/events")["total"]
    env.call("POST", f"/api/events/{hostile}/suppress")
    assert env.get("/api/events")["total"] == total - 1
    assert env.get("/api/stats")["totals"]["events"] == total - 1
    assert env.get(f"/api/events/{hostile}")["curation"]["suppressed"] is True
    mallory = env.ids["mallory"]
    env.call("POST", f"/api/people/{mallory}/suppress")
    assert all(p["id"] != mallory for p in env.get("/api/people", limit=100)["items"])
    env.reingest()
    assert env.get("/api/events")["total"] == total - 1
    assert all(p["id"] != mallory for p in env.get("/api/people", limit=100)["items"])
    env.call("POST", f"/api/events/{hostile}/restore")
    env.call("POST", f"/api/people/{mallory}/restore")
    assert env.get("/api/events")["total"] == total
    assert mallory in [p["id"] for p in env.get(f"/api/events/{hostile}")["participants"]]


def test_people_and_organizations_renamed_merged_and_kept(env: Env) -> None:
    liu = env.ids["liu"]
    renamed = env.call("PATCH", f"/api/people/{liu}", {"name": "Liu Ai-ping", "aliases": ["刘爱平"], "country": "CN"})
    assert renamed["name"] == "Liu Ai-ping" and "刘爱平" in renamed["aliases"]
    tanaka = next(p["id"] for p in env.get("/api/people", q="tanaka")["items"])
    merged = env.call("POST", f"/api/people/{liu}/merge", {"other": tanaka})
    assert merged["n_events"] == 3
    env.reingest()
    person = env.get(f"/api/people/{liu}")
    assert person["name"] == "Liu Ai-ping" and person["n_events"] == 3
    assert env.get("/api/people", q="tanaka")["total"] == 1  # found under its old name, as Liu
    assert env.get("/api/people", q="刘爱平")["items"][0]["id"] == liu
    org = env.call("PATCH", f"/api/orgs/{env.ids['ciyec']}", {"acronym": "CYEC", "country": "CN"})
    assert org["acronym"] == "CYEC"
    new = env.call("POST", "/api/orgs", {"name": "Busan Youth Centre", "country": "KR"}, status=201)
    env.reingest()
    assert env.get(f"/api/orgs/{env.ids['ciyec']}")["acronym"] == "CYEC"
    assert env.get(f"/api/orgs/{new['id']}")["name"] == "Busan Youth Centre"


def test_programmes_are_records(env: Env) -> None:
    items = env.get("/api/programs")["items"]
    kc = next(p for p in items if p["name"] == corpus.PROGRAM_KC)
    assert kc["n_events"] == 2 and kc["first"] == "2024-05-20"
    detail = env.get(f"/api/programs/{kc['id']}")
    assert detail["countries"] == ["CN", "KR"]
    assert {o["name"] for o in detail["organizers"]} >= {corpus.CIYEC.name}
    assert [e["year"] for e in detail["editions"]] == ["2024"]
    env.call("POST", "/api/events", {"type": "program", "date": "2019-08-01", "program": corpus.PROGRAM_KC,
                                     "name": "Exchange, 20th round", "countries": ["CN", "KR"]}, status=201)
    edited = env.call("PATCH", f"/api/programs/{kc['id']}", {"notes": "1999-2019, hiatus, resumed 2024",
                                                             "aliases": ["KC Future Exchange"]})
    assert edited["notes"].startswith("1999") and edited["n_events"] == 3
    years = {e["year"]: e for e in edited["editions"]}
    assert years["2019"]["rounds"] == [20] and years["2024"]["after_hiatus"] and years["2024"]["hiatus_years"] == 4
    env.reingest()
    assert env.get(f"/api/programs/{kc['id']}")["notes"].startswith("1999")
    assert env.get(f"/api/programs/{kc['id']}/history")["items"][0]["user"] == "alice"
    assert_error(env.client.get("/api/programs/99999"), 404, "not_found")


def test_the_openapi_schema_documents_every_write_endpoint(env: Env) -> None:
    from fastapi.routing import APIRoute

    from amity.serve.programs import build_programs_router
    from amity.serve.write import build_write_router

    schema = env.get("/openapi.json")
    routes = [*build_write_router().routes, *build_programs_router().routes]
    writes = [(r.path, m.lower()) for r in routes if isinstance(r, APIRoute)
              for m in r.methods if m in ("POST", "PATCH", "PUT", "DELETE")]
    assert len(writes) >= 20
    for path, method in writes:
        op = schema["paths"][path][method]
        assert op["summary"] and {"401", "403", "422"} <= set(op["responses"]), (path, method)
        if method in ("post", "patch") and not path.endswith(("/suppress", "/restore", "/revert")):
            assert "requestBody" in op, (path, method)
