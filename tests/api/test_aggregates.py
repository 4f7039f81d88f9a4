from __future__ import annotations


def test_actors_with_counts(client):
    body = client.get("/api/actors").json()
    by_id = {a["id"]: a for a in body["items"]}
    assert body["total"] == 6
    assert by_id["PAK"] == {"id": "PAK", "name": "Pakistan", "kind": "state", "country": "PAK",
                            "event_count": 2, "as_actor": 2, "as_recipient": 0}
    assert by_id["RUS"]["as_actor"] == 1 and by_id["RUS"]["as_recipient"] == 1
    assert [a["id"] for a in client.get("/api/actors", params={"q": "tali"}).json()["items"]] == ["taliban"]


def test_network(client):
    body = client.get("/api/network").json()
    assert {n["id"] for n in body["nodes"]} == {"USA", "CHN", "eu", "RUS", "PAK", "taliban"}
    edges = {(e["source"], e["target"]): e for e in body["edges"]}
    assert edges[("USA", "CHN")]["count"] == 2
    assert edges[("USA", "CHN")]["by_type"] == {"CONSULT": 2}
    assert edges[("USA", "CHN")]["directed"] is True
    assert edges[("eu", "RUS")]["by_type"] == {"SANCTION": 1}
    assert edges[("RUS", "eu")]["by_type"] == {"ACCUSE": 1}
    only = client.get("/api/network", params={"event_type": "SANCTION"}).json()
    assert [(e["source"], e["target"]) for e in only["edges"]] == [("eu", "RUS")]
    # a link filter keeps the actors its links join, not every actor
    strong = client.get("/api/network", params={"min_count": 2}).json()
    assert [(e["source"], e["target"]) for e in strong["edges"]] == [("USA", "CHN")]
    assert {n["id"] for n in strong["nodes"]} == {"USA", "CHN"}


def test_network_links_co_actors_of_meetings(tmp_path):
    """Events with several actors and no recipient give undirected edges."""
    from fastapi.testclient import TestClient

    from diplotrack.api.app import create_app
    from diplotrack.ingest import dedup
    from diplotrack.models import Article, Event, Participant
    from diplotrack.store.db import Store

    db = str(tmp_path / "m.db")
    store = Store.open(db)
    text = "Germany and France held talks."
    art = Article(id="m1", source="t://m1", text=text, text_hash=dedup.text_hash(text),
                  simhash=dedup.simhash(text))
    ev = Event(id="m1e", article_id="m1", event_type="CONSULT", actor=[
        Participant("FRA", "France", "state", "France"), Participant("DEU", "Germany", "state", "Germany")])
    with store.transaction() as conn:
        store.save_article(conn, art)
        store.save_events(conn, [ev])
    store.close()
    with TestClient(create_app(db), base_url="http://127.0.0.1") as client:
        edges = client.get("/api/network").json()["edges"]
    assert edges == [{"source": "DEU", "target": "FRA", "count": 1, "by_type": {"CONSULT": 1},
                      "directed": False}]


def test_timeline_buckets(client):
    body = client.get("/api/timeline").json()
    assert body["bucket"] == "month"
    assert body["items"] == [
        {"date": "2025-07", "total": 2, "counts": {"CONSULT": 2}},
        {"date": "2025-08", "total": 2, "counts": {"ACCUSE": 1, "SANCTION": 1}},
        {"date": "2025-09", "total": 1, "counts": {"REQUEST": 1}},
    ]
    assert body["undated"] == 1
    years = client.get("/api/timeline", params={"bucket": "year", "actor": "USA"}).json()
    assert years["items"] == [{"date": "2025", "total": 2, "counts": {"CONSULT": 2}}]


def test_map_points(client):
    body = client.get("/api/map").json()
    beijing = body["items"][0]
    assert beijing["name"] == "Beijing" and beijing["count"] == 2
    assert beijing["lat"] == 39.9 and beijing["lon"] == 116.4
    assert sorted(beijing["event_ids"]) == ["e1", "e2"]
    assert {p["name"] for p in body["items"]} == {"Beijing", "Brussels", "Islamabad"}


def test_stats(client):
    body = client.get("/api/stats").json()
    assert body["articles"] == 4 and body["events"] == 6 and body["actors"] == 6
    assert body["stories"] == 5
    assert body["events_by_type"]["CONSULT"] == 2
    assert body["published_range"] == ["2025-07-03", "2025-09-01"]


def test_empty_database(tmp_path):
    from fastapi.testclient import TestClient

    from diplotrack.api.app import create_app

    with TestClient(create_app(str(tmp_path / "empty.db")), base_url="http://127.0.0.1") as client:
        for path in ("articles", "events", "stories", "actors", "network", "timeline", "map", "stats"):
            assert client.get(f"/api/{path}").status_code == 200, path
        assert client.get("/api/stats").json()["articles"] == 0
