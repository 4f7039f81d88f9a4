from __future__ import annotations


def ids(client, **params):
    return [e["id"] for e in client.get("/api/events", params=params).json()["items"]]


def test_events_in_date_order_undated_last(client):
    body = client.get("/api/events").json()
    assert body["total"] == 6
    assert [e["id"] for e in body["items"]] == ["e1", "e2", "e4", "e3", "e5", "e6"]
    e1 = body["items"][0]
    assert e1["article"] == {"id": "a1", "title": "Blinken meets Wang Yi in Beijing",
                             "outlet": "The Washington Post", "published": "2025-07-03"}
    assert e1["actor"][0]["id"] == "USA" and e1["story_id"]


def test_event_filters(client):
    assert ids(client, actor="eu") == ["e4", "e3"]
    # an actor by its id or its name, in any case
    assert ids(client, actor="EU") == ids(client, actor="European Union") == ["e4", "e3"]
    assert ids(client, actor="Nobody In Particular") == []
    assert ids(client, event_type="accuse") == ["e4", "e6"]
    assert ids(client, article_id="a3") == ["e4", "e3"]
    story = client.get("/api/events/e1").json()["story_id"]
    assert ids(client, story_id=story) == ["e1", "e2"]


def test_main_and_confidence_filters(client):
    # each sample article's first event is its main event; all have confidence 0.8
    assert ids(client, main="true") == ["e1", "e2", "e3", "e5"]
    assert ids(client, main="false") == ["e4", "e6"]
    assert ids(client, min_confidence=0.8) == ids(client)
    assert ids(client, min_confidence=0.9) == []
    bad = client.get("/api/events", params={"min_confidence": 1.5})
    assert bad.status_code == 400 and "min_confidence" in bad.text  # the one JSON error shape


def test_dates_at_mixed_precision(client):
    # "2025-08" (e4) overlaps any range that touches August
    assert ids(client, date_from="2025-08-10", date_to="2025-08-31") == ["e4", "e3"]
    assert ids(client, date_from="2025-08-20") == ["e4", "e5"]
    assert ids(client, date_to="2025-07") == ["e1", "e2"]
    assert ids(client, date_from="2026") == []


def test_event_detail_with_context(client):
    body = client.get("/api/events/e2").json()
    assert body["event_type"] == "CONSULT" and body["mode"] == "visit"
    ctx = body["evidence_context"][0]
    assert ctx["sentence"] == "Blinken held talks with Wang Yi that achieved little."
    assert ctx["before"].endswith("China. ")
    assert ctx["after"].startswith(" Analysts")


def test_limit_and_offset(client):
    body = client.get("/api/events", params={"limit": 2, "offset": 2}).json()
    assert [e["id"] for e in body["items"]] == ["e4", "e3"]
    assert body["total"] == 6
