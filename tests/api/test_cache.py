"""The response cache: never stale after a write (by this process, another Store, or
the sqlite3 shell), bounded, ETag and 304, the guard's headers on every answer."""

from __future__ import annotations

import asyncio
import json
import sqlite3

import pytest
from fastapi.testclient import TestClient

from diplotrack.api.app import create_app
from diplotrack.api.cache import CacheMiddleware, Entry, ResponseCache, cache_key
from diplotrack.api.guard import SECURITY_HEADERS
from diplotrack.store.db import Store
from tests import pg_cluster
from tests.store.helpers import make_article, make_event

from .conftest import sampledb


def _add_report(url: str, n: int) -> None:
    """One more article with one event, written by a Store of its own (another process)."""
    with Store.open(url) as store:
        art = make_article(f"An envoy visited Kabul again, visit number {n}.", source=f"x://{n}")
        with store.transaction() as conn:
            store.save_article(conn, art)
            store.save_events(conn, [make_event(art.id, eid=f"x{n}")])


def _check_fresh_after_writes(client: TestClient, url: str) -> None:
    first = client.get("/api/stats")
    assert client.get("/api/stats").json() == first.json()
    _add_report(url, 1)
    second = client.get("/api/stats")
    assert second.json()["events"] == first.json()["events"] + 1
    assert second.headers["etag"] != first.headers["etag"]
    actors = client.get("/api/actors").json()
    _add_report(url, 2)
    assert client.get("/api/actors").json() != actors


@pytest.fixture
def fresh(tmp_path):
    path = sampledb.build(tmp_path / "cache.db")
    with TestClient(create_app(path), base_url="http://127.0.0.1") as client:
        yield client, path


def test_an_answer_changes_after_a_write_by_another_store(fresh):
    _check_fresh_after_writes(*fresh)


def test_a_write_outside_diplotrack_is_seen_too(fresh):
    client, path = fresh
    assert client.get("/api/articles/a1").json()["title"].startswith("Blinken")
    with sqlite3.connect(path) as raw:  # no meta counter bumped: PRAGMA data_version tells
        raw.execute("UPDATE articles SET title = 'Renamed' WHERE id = 'a1'")
    assert client.get("/api/articles/a1").json()["title"] == "Renamed"


def test_etag_304_and_the_guard_headers(fresh):
    client, _ = fresh
    for path in ("/api/stories", "/api/network?max_nodes=5", "/api/articles/nope"):
        first = client.get(path)
        again = client.get(path)
        for r in (first, again):
            assert all(r.headers[k] == v for k, v in SECURITY_HEADERS.items()), path
        if first.status_code != 200:
            assert "etag" not in first.headers and first.headers["cache-control"] == "no-store"
            continue
        assert again.content == first.content and again.headers["etag"] == first.headers["etag"]
        assert first.headers["cache-control"] == "no-cache"
        tag = first.headers["etag"]
        cached = client.get(path, headers={"If-None-Match": f'"other", W/{tag}'})
        assert cached.status_code == 304 and cached.content == b""
        assert cached.headers["etag"] == tag
        assert all(cached.headers[k] == v for k, v in SECURITY_HEADERS.items())
    foreign = client.get("/api/stats", headers={"Host": "evil.example"})
    assert foreign.status_code == 400  # the guard answers before the cache


def test_parameter_order_is_one_key_repeated_names_keep_theirs():
    def key(qs: bytes):
        return cache_key({"path": "/api/x", "query_string": qs})

    assert key(b"b=2&a=1") == key(b"a=1&b=2")
    assert key(b"a=1&a=2") != key(b"a=2&a=1")  # the last one wins in the route
    assert key(b"q=a+b") == key(b"q=a%20b")
    assert key(b"q=%ff") is None  # not UTF-8: not cached


class _App:
    """A route counting its calls: JSON unless the path says otherwise."""

    def __init__(self) -> None:
        self.calls = 0

    async def __call__(self, scope, receive, send):
        self.calls += 1
        status, kind = (404, b"application/json") if "missing" in scope["path"] else (200, b"application/json")
        if "html" in scope["path"]:
            kind = b"text/html"
        body = json.dumps({"calls": self.calls, "pad": "x" * 100}).encode()
        await send({"type": "http.response.start", "status": status, "headers": [(b"content-type", kind)]})
        await send({"type": "http.response.body", "body": body})


def _get(mw: CacheMiddleware, path: str, headers: list | None = None) -> tuple[int, bytes]:
    sent: list[dict] = []

    async def send(message):
        sent.append(message)

    scope = {"type": "http", "method": "GET", "path": path, "query_string": b"", "headers": headers or []}
    asyncio.run(mw(scope, None, send))  # type: ignore[arg-type]
    return sent[0]["status"], b"".join(m.get("body", b"") for m in sent[1:])


def test_version_change_drops_everything_and_errors_are_never_kept():
    app, version = _App(), [1]
    mw = CacheMiddleware(app, lambda: version[0])
    assert _get(mw, "/api/a") == _get(mw, "/api/a") and app.calls == 1
    version[0] = 2
    assert json.loads(_get(mw, "/api/a")[1])["calls"] == 2
    for path in ("/api/missing", "/api/html", "/static/x"):
        _get(mw, path)
        _get(mw, path)
    assert app.calls == 2 + 6
    no_version = CacheMiddleware(_App(), lambda: None)  # unreadable: no cache, still answers
    assert _get(no_version, "/api/a")[0] == 200 and _get(no_version, "/api/a")[1] != b""


def test_bounded_in_entries_and_bytes():
    cache = ResponseCache(max_entries=3, max_bytes=250, max_entry_bytes=100)
    cache.get(("/", ()), 1)  # sets the version

    def entry(size: int) -> Entry:
        return Entry([], b"x" * size, b'"t"')

    for i in range(5):
        cache.put((f"/{i}", ()), 1, entry(60))
    assert len(cache) == 3 and cache.get(("/0", ()), 1) is None and cache.get(("/4", ()), 1)
    cache.put(("/big", ()), 1, entry(101))
    assert cache.get(("/big", ()), 1) is None
    cache.put(("/a", ()), 1, entry(100))
    cache.put(("/b", ()), 1, entry(100))
    assert len(cache) == 2  # 250 bytes at most
    cache.put(("/old", ()), 0, entry(10))  # computed over another version: not kept
    assert cache.get(("/old", ()), 1) is None


@pytest.mark.postgres
@pytest.mark.skipif(not pg_cluster.available(), reason="no PostgreSQL server binaries")
def test_fresh_after_writes_on_postgres():
    pytest.importorskip("psycopg")
    with pg_cluster.cluster() as url:
        sampledb.build(url)
        with TestClient(create_app(url), base_url="http://127.0.0.1") as client:
            _check_fresh_after_writes(client, url)
