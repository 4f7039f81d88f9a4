"""The command line end to end: mixed good and bad inputs, idempotence, exports, demo."""

from __future__ import annotations

import csv
import gzip
import io
import json
import re
import shutil

import pytest

from diplotrack.store.db import Store
from diplotrack.store.queries import Page, story_page

pytestmark = pytest.mark.slow


@pytest.fixture
def mixed(tmp_path, shared):
    folder = tmp_path / "inbox"
    (folder / "nested").mkdir(parents=True)
    for seed in sorted((shared / "seeds").glob("*.txt")):
        shutil.copy(seed, folder / "nested" / seed.name)
    (folder / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    (folder / "empty.txt").write_text("")
    (folder / "latin1.txt").write_bytes(
        "Le ministre des Affaires étrangères a rencontré une délégation à Genève. ".encode("cp1252") * 5)
    (folder / "bad.jsonl").write_text('{"id": "x1", "text": "Pakistan and China signed a trade '
                                      'agreement in Beijing on Monday, officials said."}\nnot json\n'
                                      '{"id": "x3", "title": "no text"}\n')
    (folder / "broken.xml").write_text("<rss><channel><item><title>cut off")
    whole = gzip.compress(" ".join(f"word{i}" for i in range(5000)).encode())
    (folder / "corrupt.txt.gz").write_bytes(whole[: len(whole) // 2])  # cut mid-stream
    return folder


def test_mixed_folder_stores_good_inputs_and_names_each_bad_one(cli, mixed, tmp_path):
    db = str(tmp_path / "m.db")
    r = cli("ingest", str(mixed), "--db", db)
    assert r.code == 1, r.err
    assert "Traceback" not in r.err
    errors = [line for line in r.err.splitlines() if line.startswith("error:")]
    for name in ("photo.png", "empty.txt", "bad.jsonl", "corrupt.txt.gz"):
        assert any(name in line for line in errors), (name, r.err)
    articles = [json.loads(line) for line in cli("export", "articles", "--db", db).out.splitlines()]
    sources = {a["source"].rsplit("/", 1)[-1] for a in articles}
    assert {"000_cd7a344dff715109.txt", "001_9f13e87125d39daa.txt", "002_e8012ca3f52a0d11.txt"} <= sources
    assert any("étrangères" in a["text"] and a["language"] == "fr" for a in articles)
    assert any(a["source"].endswith("bad.jsonl#x1") for a in articles)
    again = cli("ingest", str(mixed / "nested"), "--db", db)
    assert again.code == 0 and "0 stored" in again.err
    assert len(cli("export", "articles", "--db", db).out.splitlines()) == len(articles)


def test_exports_in_every_format_agree(cli, shared, tmp_path):
    db = str(tmp_path / "x.db")
    assert cli("ingest", str(shared / "seeds"), "--db", db, "-q").code == 0
    for kind in ("articles", "events", "stories"):
        jsonl = [json.loads(x) for x in cli("export", kind, "--db", db).out.splitlines()]
        as_json = json.loads(cli("export", kind, "--db", db, "--format", "json").out)
        rows = list(csv.DictReader(io.StringIO(cli("export", kind, "--db", db, "--format", "csv").out)))
        assert jsonl and jsonl == as_json and len(rows) == len(jsonl), kind
    events = [json.loads(x) for x in cli("export", "events", "--db", db).out.splitlines()]
    # CSV for spreadsheets: a value per cell, participants by name and by id
    by_id = {r["id"]: r for r in csv.DictReader(io.StringIO(
        cli("export", "events", "--db", db, "--format", "csv").out))}
    for ev in events:
        row = by_id[ev["id"]]
        assert row["actor_ids"] == "; ".join(p["id"] for p in ev["actor"])
        assert row["actor"] == "; ".join(p["name"] for p in ev["actor"])
        assert row["location.name"] == ((ev["location"] or {}).get("name") or "")
        assert not row["evidence"].startswith(("[", "{")) and row["context"] == "; ".join(ev["context"])
    for ev in events:
        assert set(ev) >= {"id", "article_id", "story_id", "event_type", "mode", "context", "actor",
                           "recipient", "date", "date_text", "location", "auxiliary", "evidence",
                           "confidence"}
        for e in ev["evidence"]:
            assert e["start"] < e["end"]


def test_the_network_exports_as_graphml_and_json(cli, shared, tmp_path):
    import xml.etree.ElementTree as ET

    db = str(tmp_path / "n.db")
    assert cli("ingest", str(shared / "seeds"), "--db", db, "-q").code == 0
    graph = json.loads(cli("export", "network", "--db", db, "--format", "json").out)
    root = ET.fromstring(cli("export", "network", "--db", db).out)  # GraphML by default
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    nodes = root.findall("g:graph/g:node", ns)
    edges = root.findall("g:graph/g:edge", ns)
    assert graph["nodes"] and len(nodes) == len(graph["nodes"]) and len(edges) == len(graph["edges"])
    assert {n.get("id") for n in nodes} == {n["id"] for n in graph["nodes"]}
    refused = cli("export", "events", "--db", db, "--format", "graphml")
    assert refused.code == 2 and "graphml" in refused.err
    actors = list(csv.DictReader(io.StringIO(cli("export", "actors", "--db", db, "--format", "csv").out)))
    assert {a["id"] for a in actors} >= {n["id"] for n in graph["nodes"]}


def test_demo_runs_offline_and_says_what_next(cli, tmp_path):
    r = cli("demo", cwd=tmp_path)
    assert r.code in (0, 1), r.err
    assert "diplotrack serve" in r.out and "events" in r.out
    assert (tmp_path / "diplotrack-demo.db").exists()
    # the stories the summary counts are those the story list shows: some article reports them
    said = re.search(r"(\d+) stories \(and (\d+) events only mentioned", r.out)
    with Store.open(str(tmp_path / "diplotrack-demo.db")) as store:
        assert said and int(said.group(1)) == story_page(store, Page(limit=500))[1]
        assert int(said.group(2)) == story_page(store, Page(limit=500), min_reports=0)[1] - int(said.group(1))
    articles = cli("export", "articles", "--db", str(tmp_path / "diplotrack-demo.db")).out.splitlines()
    assert len(articles) >= 8
    # what the user adds, as the demo's own hint says, survives running the demo again;
    # and $DIPLOTRACK_DB (the user's own database) is never the demo's
    mine = tmp_path / "mine.txt"
    mine.write_text("The foreign minister of Norway met the foreign minister of Chile in Oslo "
                    "on Tuesday to discuss trade and climate cooperation, officials said.")
    assert cli("ingest", "--db", "diplotrack-demo.db", str(mine), cwd=tmp_path).code == 0
    again = cli("demo", cwd=tmp_path, env={"DIPLOTRACK_DB": str(tmp_path / "user.db")})
    assert again.code in (0, 1), again.err
    after = cli("export", "articles", "--db", str(tmp_path / "diplotrack-demo.db")).out.splitlines()
    assert len(after) == len(articles) + 1
    assert not (tmp_path / "user.db").exists()
