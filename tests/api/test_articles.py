from __future__ import annotations

import pytest

from .conftest import sampledb


def test_list_articles_newest_first(client):
    body = client.get("/api/articles").json()
    assert body["total"] == 4
    assert [a["id"] for a in body["items"]] == ["a4", "a3", "a2", "a1"]
    first = body["items"][-1]
    assert first["outlet"] == "The Washington Post"
    assert first["event_count"] == 1
    assert "text" not in first  # lists stay light


def test_full_text_search(client):
    body = client.get("/api/articles", params={"q": "sanctions"}).json()
    assert [a["id"] for a in body["items"]] == ["a3"]
    # porter stemming: "sanction" finds "sanctions"; every word must match
    assert client.get("/api/articles", params={"q": "sanction Russia"}).json()["total"] == 1
    assert client.get("/api/articles", params={"q": "sanction Beijing"}).json()["total"] == 0


def test_search_text_is_data_not_syntax(client):
    for q in ['"', "NEAR(", "a OR", "*", "title:x", "'; DROP TABLE articles; --", "<script>"]:
        r = client.get("/api/articles", params={"q": q})
        assert r.status_code == 200, (q, r.text)
    assert client.get("/api/articles").json()["total"] == 4


def test_filters(client):
    def ids(**params):
        return [a["id"] for a in client.get("/api/articles", params=params).json()["items"]]

    assert ids(outlet="Reuters") == ["a3"]
    assert ids(genre="opinion") == ["a2"]
    assert ids(language="en", published_from="2025-08") == ["a4", "a3"]
    assert ids(published_from="2025-07-04", published_to="2025-08-15") == ["a3", "a2"]
    assert ids(language="fr") == []


def test_pagination_is_bounded(client):
    body = client.get("/api/articles", params={"limit": 2, "offset": 1}).json()
    assert [a["id"] for a in body["items"]] == ["a3", "a2"]
    assert body["total"] == 4 and body["limit"] == 2 and body["offset"] == 1
    assert client.get("/api/articles", params={"limit": 500}).json()["limit"] == 500
    over = client.get("/api/articles", params={"limit": 501})
    assert over.status_code == 400 and "limit" in over.json()["error"]["message"]


def test_article_with_events(client):
    body = client.get("/api/articles/a3").json()
    assert body["title"] == "EU imposes new sanctions on Russia"
    assert body["text"].startswith("The European Union")
    assert body["framing"]["loaded_language"] == 0.05
    assert sorted(e["event_type"] for e in body["events"]) == ["ACCUSE", "SANCTION"]
    for ev in body["events"]:
        for e in ev["evidence"]:
            assert body["text"][e["start"]:e["end"]] == e["sentence"]


def test_untrusted_text_is_returned_verbatim(client):
    body = client.get("/api/articles/a4").json()
    assert body["title"] == sampledb.XSS_TITLE


def test_facets(client):
    body = client.get("/api/articles/facets").json()
    assert {"value": "news", "count": 3} in body["genre"]
    assert len(body["outlet"]) == 4



@pytest.mark.parametrize(("source", "shown"), [
    ("/srv/feeds/2025/a.txt", "a.txt"),
    ("/home/analyst/realnews.jsonl#dv01.txt", "realnews.jsonl#dv01.txt"),
    ("C:\\data\\b.html", "b.html"),
    ("https://example.org/news/talks?id=3", "https://example.org/news/talks?id=3"),
])
def test_the_api_shows_a_local_source_by_its_file_name_only(source, shown):
    from diplotrack.api.routes_articles import public_source

    assert public_source(source) == shown


def test_addresses_are_shown_whole(client):
    listed = client.get("/api/articles").json()["items"]
    assert listed and all(a["source"] == f"test://{a['id']}" for a in listed)


def test_exports_download_every_record(client):
    import csv
    import io
    import json

    r = client.get("/api/export/articles")
    assert r.status_code == 200 and r.headers["content-disposition"] == 'attachment; filename="articles.jsonl"'
    assert len(r.text.splitlines()) == client.get("/api/articles").json()["total"]
    rows = list(csv.DictReader(io.StringIO(client.get("/api/export/events?format=csv").text)))
    assert rows and {"actor", "actor_ids", "recipient_ids", "location.name"} <= set(rows[0])
    graph = json.loads(client.get("/api/export/network?format=json").text)
    assert set(graph) == {"nodes", "edges"}
    assert client.get("/api/export/network").headers["content-type"].startswith("application/graphml+xml")
    bad = client.get("/api/export/events?format=graphml")
    assert bad.status_code == 400 and bad.json()["error"]["code"] == "bad_request"
    assert "etag" not in r.headers  # downloads are streamed, never cached


def test_a_search_result_shows_where_the_words_are(client):
    from diplotrack.store.queries import snippet

    hits = client.get("/api/articles", params={"q": "talks"}).json()["items"]
    assert hits and all(h["snippet"] and "talks" in h["snippet"].lower() for h in hits)
    assert "snippet" not in client.get("/api/articles").json()["items"][0]
    text = "A" * 300 + " the Taliban held talks in Doha " + "B" * 300
    shown = snippet(text, ["doha", "missing"])
    assert shown.startswith("…") and shown.endswith("…") and "talks in Doha" in shown
    assert snippet("No such word here.", ["doha"]) is None
