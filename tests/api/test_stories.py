from __future__ import annotations


def _story_of(client, event_id: str) -> str:
    return client.get(f"/api/events/{event_id}").json()["story_id"]


def test_story_list(client):
    body = client.get("/api/stories").json()
    assert body["total"] == 3  # the stories some article reports (its main event)
    assert client.get("/api/stories", params={"min_reports": 0}).json()["total"] == 5  # + mentioned
    assert all(st["report_count"] >= 1 for st in body["items"])
    top = body["items"][0]  # most reported first
    assert top["event_type"] == "CONSULT" and sorted(top["article_ids"]) == ["a1", "a2"]
    assert top["id"] == _story_of(client, "e1") == _story_of(client, "e2")
    only = client.get("/api/stories", params={"event_type": "sanction"}).json()["items"]
    assert [s["event_type"] for s in only] == ["SANCTION"]
    assert client.get("/api/stories", params={"actor": "taliban"}).json()["total"] == 1
    assert client.get("/api/stories", params={"actor": "Taliban"}).json()["total"] == 1
    assert client.get("/api/stories", params={"min_reports": 2}).json()["total"] == 1
    dated = client.get("/api/stories", params={"sort": "date"}).json()["items"]
    assert dated[0]["date"] == "2025-09-01"


def test_story_side_by_side(client):
    body = client.get(f"/api/stories/{_story_of(client, 'e1')}").json()
    assert body["story"]["event_type"] == "CONSULT"
    cols = {c["article"]["id"]: c for c in body["columns"]}
    assert sorted(cols) == ["a1", "a2"]
    assert cols["a2"]["article"]["outlet"] == "Global Times"
    assert cols["a2"]["loaded_language"] == 0.71
    assert cols["a2"]["loaded_terms"] == ["arrogance", "hegemonic bully"]
    naming = {n["id"]: n["texts"] for n in cols["a2"]["naming"]}
    assert naming == {"USA": ["The hegemonic bully"], "CHN": ["China"]}
    assert {n["id"]: n["texts"] for n in cols["a1"]["naming"]}["USA"] == ["Antony Blinken"]
    assert cols["a1"]["evidence"][0]["event_id"] == "e1"


def test_story_claims(client):
    body = client.get(f"/api/stories/{_story_of(client, 'e1')}").json()
    assert isinstance(body["unconfirmed"], list)
    agreed = {c["label"]: c for c in body["agreements"]}
    assert agreed["location"]["value"] == "Beijing"
    assert sorted(agreed["location"]["article_ids"]) == ["a1", "a2"]
    differ = {c["value"]: c["article_ids"] for c in body["disagreements"]}
    assert differ == {"minister": ["a1"], "envoy": ["a2"]}
    col = {c["article"]["id"]: c for c in body["columns"]}["a2"]
    mine = {"label": "level (USA)", "value": "envoy", "article_ids": ["a2"], "kind": "disagree",
            "sources": [{"id": "a2", "outlet": "Global Times", "title": col["article"]["title"]}]}
    assert mine in col["claims"]
    # claims name their outlets for readers
    assert agreed["location"]["sources"][0]["outlet"] in {"The Washington Post", "Global Times"}


def test_story_framing_comparison_when_available(client):
    body = client.get(f"/api/stories/{_story_of(client, 'e1')}").json()
    assert {r["id"] for r in body["comparison"]["articles"]} == {"a1", "a2"}


def test_unknown_story(client):
    r = client.get("/api/stories/nope")
    assert r.status_code == 404
    assert r.json()["error"]["code"] == "not_found"


def test_normalise_claims_shapes():
    from diplotrack.api.story_compare import normalise_claims

    assert normalise_claims([
        {"detail": "date", "value": "2025", "article_ids": ["a"]},
        {"detail": "number", "subject": "troops", "values": [
            {"value": 100, "article_ids": ["a"]}, {"value": [1, 2], "articles": ["b"]}]},
        "plain",
    ]) == [
        {"label": "date", "value": "2025", "article_ids": ["a"]},
        {"label": "number (troops)", "value": "100", "article_ids": ["a"]},
        {"label": "number (troops)", "value": "1, 2", "article_ids": ["b"]},
        {"label": "plain", "value": None, "article_ids": []},
    ]
