"""The map's data: /api/places puts the events' places on the map with the gazetteer's coordinates and
counts them under the events view's filters; /api/world is the shipped outline."""

from __future__ import annotations

from tests.serve.conftest import ApiClient


def test_places_have_coordinates_and_counts(client: ApiClient) -> None:
    body = client.get("/api/places").json()
    beijing = next(p for p in body["items"] if p["name"] == "Beijing")
    assert abs(beijing["lat"] - 39.9) < 0.2 and abs(beijing["lon"] - 116.4) < 0.2
    assert beijing["precision"] == "city" and beijing["country"] == "CN"
    listed = client.get("/api/events", params={"place": "Beijing"}).json()["total"]
    assert beijing["n"] == listed == sum(beijing["types"].values())
    total = client.get("/api/events").json()["total"]
    assert body["total"] == total == body["unplaced"] + sum(p["n"] for p in body["items"])


def test_places_follow_the_filters(client: ApiClient) -> None:
    visits = client.get("/api/places", params={"type": "visit"}).json()
    assert visits["total"] == client.get("/api/events", params={"type": "visit"}).json()["total"]
    assert all(set(p["types"]) == {"visit"} for p in visits["items"])
    assert client.get("/api/places", params={"country": ["CN", "VN"]}).json() == {
        "items": [], "unplaced": 0, "total": 0}
    r = client.get("/api/places", params={"since": "2024-02-31"})
    assert r.status_code == 422 and "not a day of February 2024" in r.json()["error"]["message"]


def test_world_outline_is_shipped_lon_lat_rings(client: ApiClient) -> None:
    r = client.get("/api/world")
    assert r.status_code == 200
    rings = r.json()["rings"]
    assert len(rings) > 30
    points = [p for ring in rings for p in ring]
    assert all(-180 <= lon <= 180 and -90 <= lat <= 90 for lon, lat in points)
    # the outline covers the continents: some land near Seoul, Paris and Nairobi
    for lon, lat in ((127.0, 37.5), (2.3, 48.9), (36.8, -1.3)):
        assert any(abs(x - lon) < 8 and abs(y - lat) < 8 for x, y in points)


def test_gazetteer_coordinates_city_then_capital() -> None:
    from amity.annotate.gazetteer import gazetteer

    g = gazetteer()
    lat, lon, precision = g.coordinates("Can Tho City", "VN")  # type: ignore[misc]
    assert precision == "city" and abs(lat - 10.0) < 0.3 and abs(lon - 105.8) < 0.3
    lat, lon, precision = g.coordinates("Gyeonggi Province", "KR")  # type: ignore[misc]
    assert precision == "country" and abs(lat - 37.6) < 0.3  # a province is drawn at the capital, Seoul
    assert g.coordinates(None, "JP")[2] == "country"  # type: ignore[index]
    assert g.coordinates("Paris", "US") != g.coordinates("Paris", "FR")  # the city of that country
    assert g.coordinates(None, "ASEAN") is None


def test_timeline_counts_keep_each_dates_precision(client: ApiClient) -> None:
    body = client.get("/api/timeline").json()
    assert {"year": "1993", "type": "agreement", "n": 1} in body["years"]
    assert {"month": "2025-09", "type": "conference", "precision": "month", "n": 1} in body["months"]
    assert {"month": "2024-05", "type": "visit", "precision": "day", "n": 1} in body["months"]
    counted = sum(r["n"] for r in body["months"]) + sum(r["n"] for r in body["years"]) + body["undated"]
    assert counted == body["total"] == client.get("/api/events").json()["total"]
    planned = client.get("/api/timeline", params={"status": "planned"}).json()
    assert [r["month"] for r in planned["months"]] == ["2025-09"] and planned["years"] == []


def test_glossary_explains_every_status_salience_and_code(client: ApiClient) -> None:
    from amity.records import CAMEO, EVENT_TYPES, PLOVER, STATUSES

    g = client.get("/api/glossary").json()
    assert set(STATUSES) <= set(g["status"]) and {"main", "mentioned"} <= set(g["salience"])
    assert {t["type"] for t in g["types"]} == set(EVENT_TYPES)
    for t in g["types"]:
        assert t["cameo"] == list(CAMEO[t["type"]]) and t["plover"] == PLOVER[t["type"]]
        assert all(g["cameo"][code] for code in t["cameo"])
        assert t["plover"] is None or g["plover"][t["plover"]]


def test_network_says_how_many_nodes_the_cap_left_out(client: ApiClient) -> None:
    whole = client.get("/api/network").json()
    capped = client.get("/api/network", params={"nodes": 3}).json()
    assert len(capped["nodes"]) == 3 and capped["n_nodes"] == whole["n_nodes"] == len(whole["nodes"]) > 3
