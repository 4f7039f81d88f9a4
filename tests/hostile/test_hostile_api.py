"""Hostile and out-of-bounds requests: each a quick 400 (or 503) in the one JSON error shape,
with the security headers, on a server that goes on answering normal requests."""

from __future__ import annotations

import time

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from diplotrack.api import app as app_module
from diplotrack.api.app import create_app
from diplotrack.api.guard import SECURITY_HEADERS, timed_out
from diplotrack.store import queries
from diplotrack.store.db import Store
from tests import pg_cluster
from tests.api import sampledb

WORDS = " ".join(f"word{i}" for i in range(7000))  # about 60 KB
ENDLESS = ("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) "
           "SELECT count(*) FROM c")


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return sampledb.build(tmp_path_factory.mktemp("hostile") / "sample.db")


@pytest.fixture(scope="module")
def client(db):
    with TestClient(create_app(db), base_url="http://127.0.0.1",
                    raise_server_exceptions=False) as c:
        yield c


def assert_error(response, status: int, *words: str) -> None:
    assert response.status_code == status, response.text
    error = response.json()["error"]
    assert error["status"] == status and set(error) == {"code", "message", "status"}
    for word in words:
        assert word in error["message"]
    for name in SECURITY_HEADERS:
        assert name in response.headers


@pytest.mark.parametrize(("case", "path", "params", "words"), [
    ("stories-q-40KB", "/api/stories", {"q": WORDS[:40_000]}, ["query string"]),
    ("actors-q-60KB", "/api/actors", {"q": WORDS}, ["query string"]),
    ("stories-q-13-words", "/api/stories", {"q": " ".join("abcdefghijklm")}, ["at most 12 words"]),
    ("articles-q-201-chars", "/api/articles", {"q": "x" * 201}, ["q"]),
    ("events-offset-2**63", "/api/events", {"offset": 2**63}, ["offset"]),
    ("stories-min_reports-2**63", "/api/stories", {"min_reports": 2**63}, ["min_reports"]),
    ("network-min_count-1e20", "/api/network", {"min_count": 10**20}, ["min_count"]),
    ("articles-limit-501", "/api/articles", {"limit": 501}, ["limit"]),
    ("events-event_type-FOO", "/api/events", {"event_type": "FOO"}, ["not a PLOVER category"]),
    ("timeline-actor-long-id", "/api/timeline", {"actor": "x" * 129}, ["actor"]),
    ("articles-NUL-in-outlet", "/api/articles", {"outlet": "a\x00b"}, ["NUL"]),
    ("stories-NUL-in-q", "/api/stories", {"q": "\x00"}, ["NUL"]),
    ("events-bad-date", "/api/events", {"date_from": "2025-01-01T" + "9" * 40}, ["date_from"]),
])
def test_out_of_bounds_parameters_are_400(client, case, path, params, words):
    start = time.monotonic()
    assert_error(client.get(path, params=params), 400, *words)
    assert time.monotonic() - start < 2


def test_nul_in_a_path_is_400(client):
    assert_error(client.get("/api/articles/a%00b"), 400, "NUL")


@pytest.mark.parametrize("host", ["evil.example", "evil.example:8000", "127.0.0.1.evil.example"])
def test_foreign_host_header_is_refused(client, host):
    assert_error(client.get("/api/stats", headers={"Host": host}), 400, "not served here")


@pytest.mark.parametrize("host", ["127.0.0.1:8000", "localhost", "[::1]:8000"])
def test_local_host_headers_are_served(client, host):
    assert client.get("/api/stats", headers={"Host": host}).status_code == 200


def test_any_host_when_asked(db):
    with TestClient(create_app(db, hosts=None), base_url="http://news.example.org") as c:
        assert c.get("/api/stats").status_code == 200


def test_search_words_are_one_query_and_match_as_typed(client):
    """Participants' names and the category, every word required; % and _ are literal."""
    items = client.get("/api/stories", params={"q": "consult"}).json()["items"]
    assert items and all(s["event_type"] == "CONSULT" for s in items)
    assert client.get("/api/stories", params={"q": "%"}).json()["total"] == 0
    assert client.get("/api/actors", params={"q": "_"}).json()["total"] == 0
    many = " ".join(["consult"] * 12)
    assert client.get("/api/stories", params={"q": many}).json()["total"] == len(items)


def test_an_unexpected_error_is_json_with_headers_and_keeps_the_connection(client, monkeypatch):
    def broken(_store):
        raise RuntimeError("boom")

    monkeypatch.setattr(queries, "stats", broken)
    response = client.get("/api/stats")
    assert_error(response, 500, "internal server error")
    assert "boom" not in response.text
    assert response.headers.get("connection") != "close"
    monkeypatch.undo()
    assert client.get("/api/stats").status_code == 200


def test_a_query_over_the_budget_is_503(db, monkeypatch):
    def endless(store):
        with store.engine.connect() as conn:
            return conn.execute(text(ENDLESS)).scalar()

    monkeypatch.setattr(queries, "stats", endless)
    with TestClient(create_app(db, query_budget_s=0.3), base_url="http://127.0.0.1") as c:
        start = time.monotonic()
        response = c.get("/api/stats")
        assert time.monotonic() - start < 3
        assert_error(response, 503, "time budget")
        assert response.json()["error"]["code"] == "timeout"
    assert app_module.QUERY_BUDGET_S <= 10  # the server's default budget is short


def test_the_sqlite_budget_stops_a_statement(db):
    store = Store.open(db, query_budget_s=0.2)
    try:
        start = time.monotonic()
        with pytest.raises(OperationalError) as caught, store.engine.connect() as conn:
            conn.execute(text(ENDLESS))
        assert timed_out(caught.value) and time.monotonic() - start < 2
        with store.engine.connect() as conn:  # the next statement has its own budget
            assert conn.execute(text("SELECT 1")).scalar() == 1
    finally:
        store.close()


@pytest.mark.postgres
@pytest.mark.skipif(not pg_cluster.available(), reason="no PostgreSQL server binaries")
def test_the_postgres_budget_stops_a_statement():
    with pg_cluster.cluster() as url:
        store = Store.open(url, query_budget_s=0.2)
        try:
            start = time.monotonic()
            with pytest.raises(OperationalError) as caught, store.engine.connect() as conn:
                conn.execute(text("SELECT pg_sleep(5)"))
            assert timed_out(caught.value) and time.monotonic() - start < 3
            with TestClient(create_app(url), base_url="http://127.0.0.1") as c:
                assert_error(c.get("/api/stories", params={"q": "a\x00"}), 400, "NUL")
                assert c.get("/api/stories", params={"q": "consult talks"}).status_code == 200
        finally:
            store.close()
