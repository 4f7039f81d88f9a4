"""The API's queries on PostgreSQL (full text, date ranges, aggregates, stories)."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from diplotrack.api.app import create_app
from tests import pg_cluster

from .conftest import sampledb

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(not pg_cluster.available(), reason="no PostgreSQL server binaries (apt-get install postgresql)"),
]


@pytest.fixture(scope="module")
def pg_client():
    pytest.importorskip("psycopg")  # the driver SQLAlchemy uses for postgresql://
    with pg_cluster.cluster() as url:
        sampledb.build(url)
        with TestClient(create_app(url), base_url="http://127.0.0.1") as client:
            yield client


def _ids(client, path, **params):
    return [x["id"] for x in client.get(f"/api/{path}", params=params).json()["items"]]


def test_articles_on_postgres(pg_client):
    assert _ids(pg_client, "articles") == ["a4", "a3", "a2", "a1"]
    assert _ids(pg_client, "articles", q="sanctions") == ["a3"]
    assert _ids(pg_client, "articles", q="'; DROP TABLE articles; --") == []
    assert _ids(pg_client, "articles", published_from="2025-07-04", published_to="2025-08") == ["a3", "a2"]


def test_events_and_aggregates_on_postgres(pg_client):
    assert _ids(pg_client, "events", date_from="2025-08-10", date_to="2025-08-31") == ["e4", "e3"]
    assert _ids(pg_client, "events", actor="eu") == ["e4", "e3"]
    edges = {(e["source"], e["target"]): e["count"] for e in pg_client.get("/api/network").json()["edges"]}
    assert edges[("USA", "CHN")] == 2
    assert pg_client.get("/api/timeline").json()["undated"] == 1
    assert pg_client.get("/api/stats").json()["events"] == 6
    assert pg_client.get("/api/actors").json()["total"] == 6
    assert pg_client.get("/api/map").json()["items"][0]["name"] == "Beijing"


def test_stories_on_postgres(pg_client):
    items = pg_client.get("/api/stories", params={"actor": "USA", "q": "china"}).json()["items"]
    assert len(items) == 1 and sorted(items[0]["article_ids"]) == ["a1", "a2"]
    body = pg_client.get(f"/api/stories/{items[0]['id']}").json()
    assert len(body["columns"]) == 2
