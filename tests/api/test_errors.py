from __future__ import annotations

import pytest

from diplotrack.store import queries


def assert_error(response, status: int, code: str) -> dict:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"}
    assert body["error"]["code"] == code and body["error"]["status"] == status
    assert isinstance(body["error"]["message"], str) and body["error"]["message"]
    return body["error"]


@pytest.mark.parametrize("path", ["/api/articles/nope", "/api/events/nope", "/api/stories/nope"])
def test_missing_records(client, path):
    err = assert_error(client.get(path), 404, "not_found")
    assert "'nope'" in err["message"]


@pytest.mark.parametrize("path", ["/api/nope", "/nope", "/static/nope.js", "/api/articles/a1/x"])
def test_unknown_routes(client, path):
    assert_error(client.get(path), 404, "not_found")


@pytest.mark.parametrize("query", [
    "/api/articles?limit=0", "/api/articles?limit=abc", "/api/events?offset=-1",
    "/api/events?date_from=yesterday", "/api/articles?published_to=2025-13-99x",
    "/api/timeline?bucket=week", "/api/stories?sort=random", "/api/network?max_nodes=0",
])
def test_validation_errors_are_bad_requests(client, query):
    err = assert_error(client.get(query), 400, "bad_request")
    assert ":" in err["message"]  # names the parameter


def test_method_not_allowed(client):
    assert_error(client.post("/api/articles"), 405, "bad_request")


def test_unhandled_exception_is_internal(client, monkeypatch):
    def boom(*_a, **_k):
        raise RuntimeError("secret detail")

    monkeypatch.setattr(queries, "stats", boom)
    err = assert_error(client.get("/api/stats"), 500, "internal")
    assert "secret" not in err["message"]


def test_security_headers(client):
    r = client.get("/")
    assert r.status_code == 200 and "text/html" in r.headers["content-type"]
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert r.headers["x-content-type-options"] == "nosniff"
    assert client.get("/static/app.js").status_code == 200


def test_openapi_lists_the_endpoints(client):
    paths = client.get("/api/openapi.json").json()["paths"]
    for p in ("/api/articles", "/api/articles/{article_id}", "/api/events", "/api/events/{event_id}",
              "/api/stories", "/api/stories/{story_id}", "/api/actors", "/api/network",
              "/api/timeline", "/api/stats", "/api/map"):
        assert p in paths
