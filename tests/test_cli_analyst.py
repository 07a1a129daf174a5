"""The analyst's desk on the command line: exports carry their sources and are the API's exports,
wrong inputs are refused with what is accepted, `amity events` shows status and filters like the API."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import pty
import subprocess
import sys
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest

from amity.cli import main
from amity.records import Document, DocumentRecord, Event, Organization, Person, Place, Span
from amity.serve import create_app
from amity.store import open_registry
from tests.serve import corpus
from tests.serve.conftest import ApiClient

URL = "https://news.example.org/2025/04/busan-osaka-port-pact"
TEXT = ("Busan, April 8 2025. The Busan Port Authority and the Port of Osaka signed a sister-port agreement "
        "on Tuesday. Commissioner Han Ji-woo and Director Mori Aiko signed it in the harbour hall.")
SENTENCE = "The Busan Port Authority and the Port of Osaka signed a sister-port agreement on Tuesday."


def port_pact() -> tuple[Document, DocumentRecord]:
    start = TEXT.index(SENTENCE)
    event = Event(
        type="agreement", status="occurred", salience="main", name="Busan-Osaka sister-port agreement",
        date="2025-04-08", place=Place("Busan", "KR"), countries=("JP", "KR"),
        organizations=(Organization("Busan Port Authority", None, "KR", "signatory"),
                       Organization("Port of Osaka", None, "JP", "signatory")),
        participants=(Person("Han Ji-woo", "Commissioner", "Busan Port Authority", "KR", "signatory"),
                      Person("Mori Aiko", "Director", "Port of Osaka", "JP", "signatory")),
        fields=("economy",), evidence=(Span(start, start + len(SENTENCE)),),
    )
    doc = Document(doc="port.txt", text=TEXT, source=URL, title="Busan and Osaka ports sign pact",
                   published="2025-04-09", language="en", content_hash=hashlib.sha256(TEXT.encode()).hexdigest())
    return doc, DocumentRecord(doc="port.txt", title=doc.title, published=doc.published, language="en",
                               events=(event,))


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("analyst") / "r.db"
    with open_registry(str(path)) as reg:
        corpus.load(reg)
        reg.add_document(*port_pact(), "test")
    return str(path)


@pytest.fixture(scope="module")
def api(db: str) -> ApiClient:
    return ApiClient(create_app(open_registry(db, must_exist=True)))


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


# ------------------------------------------------------------------ exports


def test_event_csv_carries_sources_organizations_and_titles(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "export", "--db", db, "--format", "csv", "--country", "JP", "--country", "KR")
    assert code == 0
    (row,) = rows(out)
    assert row["organizations"] == "Busan Port Authority; Port of Osaka"
    assert row["participants"] == "Han Ji-woo (Commissioner); Mori Aiko (Director)"
    assert row["source_titles"] == "Busan and Osaka ports sign pact"
    assert row["source_urls"] == URL
    assert row["source_published"] == "2025-04-09"
    assert row["evidence"] == SENTENCE
    assert row["status"] == "occurred" and row["countries"] == "JP; KR"


def test_cli_and_api_exports_are_the_same(db: str, api: ApiClient, tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    for kind, params in (("events", {"country": "CN"}), ("people", {}), ("orgs", {"country": "KR"})):
        out = tmp_path / f"{kind}.csv"
        argv = ["export", kind, "--db", db, "--format", "csv", "-o", str(out)]
        if "country" in params:
            argv += ["--country", params["country"]]
        code, _, err = run(capsys, *argv)
        assert code == 0 and "wrote" in err
        from_api = api.get(f"/api/{kind}.csv", params=params)
        assert from_api.status_code == 200 and "attachment" in from_api.headers["content-disposition"]
        assert out.read_bytes().decode("utf-8") == from_api.text
        assert rows(from_api.text)
    people = json.loads(api.get("/api/people.json").text)
    assert {"Han Ji-woo", "Mori Aiko", "Liu Aiping"} <= {p["name"] for p in people}
    code, out, _ = run(capsys, "export", "orgs", "--db", db, "--format", "jsonl", "-q", "port")
    assert sorted(json.loads(line)["name"] for line in out.splitlines()) == ["Busan Port Authority", "Port of Osaka"]


def test_json_export_holds_each_events_sources(api: ApiClient) -> None:
    (event,) = json.loads(api.get("/api/events.json", params={"country": ["JP", "KR"]}).text)
    (source,) = event["sources"]
    assert source["url"] == URL and source["evidence"][0]["text"] == SENTENCE
    assert [o["name"] for o in event["organizations"]] == ["Busan Port Authority", "Port of Osaka"]


def test_parquet_keeps_lists_and_is_refused_on_a_terminal(db: str, tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "e.parquet"
    assert run(capsys, "export", "--db", db, "--format", "parquet", "-o", str(out), "--country", "JP",
               "--country", "KR")[0] == 0
    table = pq.read_table(out).to_pylist()
    assert table[0]["participants"] == ["Han Ji-woo (Commissioner)", "Mori Aiko (Director)"]
    assert table[0]["source_urls"] == [URL]
    leader, follower = pty.openpty()
    try:
        proc = subprocess.run([sys.executable, "-m", "amity.cli", "export", "--db", db, "--format", "parquet"],
                              stdout=follower, stderr=subprocess.PIPE, timeout=120, check=False)
    finally:
        os.close(follower)
        os.close(leader)
    assert proc.returncode == 1
    assert b"-o events.parquet" in proc.stderr and b"terminal" in proc.stderr


def test_people_cannot_take_event_filters_or_graphml(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "export", "people", "--db", db, "--format", "csv", "--since", "2024")
    assert code == 1 and "--since" in err
    code, _, err = run(capsys, "export", "orgs", "--db", db, "--format", "graphml")
    assert code == 1 and "GraphML" in err


# ------------------------------------------------------------------ inputs


@pytest.mark.parametrize(("value", "says"), [
    ("2025-13-01", "no month 13"), ("2025-02-30", "not a day of February 2025"), ("2025-13", "no month 13"),
    ("last week", "is not a date"), ("0999", "years start at 1000"),
])
def test_impossible_dates_are_refused_with_the_accepted_forms(
    db: str, api: ApiClient, capsys: pytest.CaptureFixture[str], value: str, says: str
) -> None:
    code, _, err = run(capsys, "events", "--db", db, "--since", value)
    assert code == 1 and says in err and "YYYY-MM-DD" in err
    r = api.get("/api/events", params={"until": value})
    assert r.status_code == 422
    if value[:4].isdigit() and len(value) in (4, 7, 10):
        assert says in r.json()["error"]["message"] and r.json()["error"]["detail"][0]["loc"] == ["query", "until"]


def test_leap_day_is_a_date(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "events", "--db", db, "--since", "2024-02-29")[0] == 0


@pytest.mark.parametrize(("value", "codes"), [
    ("korea", ["KR", "KP"]), ("Japan", ["JP"]), ("vietnamese", ["VN"]), ("XX", []),
])
def test_country_names_and_unknown_codes_get_suggestions(
    db: str, api: ApiClient, capsys: pytest.CaptureFixture[str], value: str, codes: list[str]
) -> None:
    code, _, err = run(capsys, "events", "--db", db, "--country", value)
    assert code == 1 and f"'{value}' is not a country" in err
    for c in codes:
        assert c in err.split("?")[0]
    if codes:
        assert "did you mean" in err
    message = api.get("/api/events", params={"country": value}).json()["error"]["message"]
    assert message == err.removeprefix("amity: error: ").strip().replace("--country", "country")


def test_known_codes_and_blocs_pass(db: str, capsys: pytest.CaptureFixture[str], api: ApiClient) -> None:
    code, out, _ = run(capsys, "events", "--db", db, "--country", "kr", "--country", "ASEAN")
    assert code == 0 and out.rstrip().endswith("events")
    assert api.get("/api/events", params={"country": ["jp", "kr"]}).json()["total"] == 1


@pytest.mark.parametrize("value", ["0", "-1", "ten", "1.5"])
def test_limits_are_checked(db: str, capsys: pytest.CaptureFixture[str], value: str) -> None:
    for cmd in ("events", "people", "orgs"):
        code, _, err = run(capsys, cmd, "--db", db, "--limit", value)
        assert code == 1 and "or 'all'" in err


def test_limit_all(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "events", "--db", db, "--limit", "1")
    total = int(out.split()[-2])
    assert total > 1 and out.rstrip().endswith(f"1 of {total} events")
    _, out, _ = run(capsys, "events", "--db", db, "--limit", "all")
    assert out.rstrip().endswith(f"{total} of {total} events")


# ------------------------------------------------------------------ amity events


def _table(out: str) -> list[dict[str, Any]]:
    lines = out.splitlines()[:-1]
    header = lines[0]
    starts = [header.index(h) for h in header.split()]
    return [
        {h: line[a:b].strip() for h, a, b in zip(header.split(), starts, [*starts[1:], None], strict=True)}
        for line in lines[1:]
    ]


def test_events_show_status_and_salience(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "events", "--db", db, "--limit", "all")
    table = _table(out)
    assert list(table[0])[:5] == ["ID", "DATE", "STATUS", "SALIENCE", "TYPE"]
    assert {r["STATUS"] for r in table} >= {"occurred", "planned"}
    assert {r["SALIENCE"] for r in table} <= {"main", "mentioned"}


def test_events_filter_by_status_person_org_place(db: str, api: ApiClient, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "events", "--db", db, "--status", "planned", "--limit", "all")
    assert {r["STATUS"] for r in _table(out)} == {"planned"}
    liu = next(p for p in api.get("/api/people", params={"q": "Liu"}).json()["items"])
    by_api = {e["id"] for e in api.get("/api/events", params={"person": liu["id"]}).json()["items"]}
    for who in ("Liu Aiping", str(liu["id"])):
        _, out, _ = run(capsys, "events", "--db", db, "--person", who, "--json", "--limit", "all")
        assert {json.loads(line)["id"] for line in out.splitlines()} == by_api
    _, out, _ = run(capsys, "events", "--db", db, "--org", "Port of Osaka", "--json")
    assert [json.loads(line)["name"] for line in out.splitlines()] == ["Busan-Osaka sister-port agreement"]
    _, out, _ = run(capsys, "events", "--db", db, "--place", "busan", "--json")
    assert [json.loads(line)["place"]["name"] for line in out.splitlines()] == ["Busan"]
    code, _, err = run(capsys, "events", "--db", db, "--person", "Nobody Here")
    assert code == 1 and "no person matches" in err
    code, _, err = run(capsys, "events", "--db", db, "--org", "port")
    assert code == 1 and "matches 2" in err and "give the id" in err


def test_the_apis_date_pattern_is_exactly_the_check() -> None:
    import re
    from datetime import date, timedelta

    from amity.errors import InputError
    from amity.store.inputs import DATE_PATTERN, check_date

    def accepted(value: str) -> bool:
        try:
            return check_date(value) == value
        except InputError:
            return False

    day, candidates = date(1999, 12, 1), ["0999", "1000", "2025-00", "2025-13", "1900-02-29", "2000-02-29"]
    while day < date(2025, 4, 1):
        candidates += [day.isoformat(), f"{day.year}-{day.month:02}-{day.day + 3:02}", f"{day.year}-{day.month:02}-3{day.day % 3}"]
        day += timedelta(days=1)
    for value in candidates:
        assert bool(re.match(DATE_PATTERN, value)) == accepted(value), value
