from __future__ import annotations

import sqlite3

import pytest

from diplotrack.errors import StoreError
from diplotrack.store.db import Store, resolve_url
from diplotrack.store.migrations import MIGRATIONS, current_version

from .helpers import make_article, make_event

TEXT = (
    "The European Union hosted a Taliban delegation in Brussels on Tuesday for talks on "
    "deportations, consular services and trust-building measures, officials said. Belgium issued "
    "single-day visas for the visit, the first of its kind since the group returned to power in "
    "2021. Commission officials said the talks had been under way since January and focused on "
    "returning Afghan nationals deemed security risks. Twenty member states had asked Brussels to "
    "find ways to deport rejected asylum seekers. Human rights groups criticised the meeting, "
    "saying it lends legitimacy to a government that bars girls from secondary school. The "
    "Taliban's foreign ministry spokesperson described the talks as constructive and said further "
    "meetings were planned. A Commission spokesperson stressed that the talks did not amount to "
    "recognition of the Taliban government and that the union's position had not changed."
)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def store(request, tmp_path):
    """The same tests on both engines: one schema, one behaviour."""
    url = str(tmp_path / "t.db") if request.param == "sqlite" else request.getfixturevalue("pg_db")
    s = Store.open(url)
    yield s
    s.close()


def test_input_derived_values_of_any_length_are_stored(store):
    """What PostgreSQL's VARCHAR(n) used to refuse and SQLite stored: no limit on either."""
    art = make_article(TEXT, language="x" * 40, genre="g" * 80, published="2025-03-01T10:00:00+00:00")
    event = make_event(art.id)
    event.actor[0].id = "org:" + "a" * 70
    event.actor[0].kind = "k" * 40
    event.mode = "m" * 40
    with store.transaction() as conn:
        store.save_article(conn, art)
        store.save_events(conn, [event])
    [back] = store.iter_articles()
    assert back["genre"] == "g" * 80 and back["language"] == "x" * 40
    [ev] = store.iter_events()
    assert ev.actor[0].id == "org:" + "a" * 70


def test_resolve_url_forms(monkeypatch):
    monkeypatch.delenv("DIPLOTRACK_DB", raising=False)
    assert resolve_url(None) == "sqlite:///diplotrack.db"
    assert resolve_url("x/y.db") == "sqlite:///x/y.db"
    assert resolve_url("sqlite:////tmp/a.db") == "sqlite:////tmp/a.db"
    assert resolve_url("postgres://u@h/d") == "postgresql://u@h/d"
    monkeypatch.setenv("DIPLOTRACK_DB", "env.db")
    assert resolve_url(None) == "sqlite:///env.db"


def test_migrations_are_versioned_and_idempotent(tmp_path):
    path = tmp_path / "m.db"
    Store.open(str(path)).close()
    Store.open(str(path)).close()  # a second open applies nothing twice
    with Store.open(str(path)).engine.connect() as conn:
        assert current_version(conn) == len(MIGRATIONS)
    raw = sqlite3.connect(path)
    assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    tables = {r[0] for r in raw.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"articles", "events", "participants", "evidence", "stories", "articles_fts"} <= tables


def test_article_and_events_round_trip(store):
    art = make_article(TEXT, title="EU hosts Taliban", authors=["A. Writer"], published="2025-09-21",
                       published_from="text", framing={"loaded_language": 0.2, "loaded_terms": []},
                       wire=["AFP", "dpa"])
    ev = make_event(art.id)
    with store.transaction() as conn:
        store.save_article(conn, art)
        store.save_events(conn, [ev])
    [row] = list(store.iter_articles())
    assert row["title"] == "EU hosts Taliban" and row["authors"] == ["A. Writer"]
    assert row["wire"] == ["AFP", "dpa"]
    assert row["framing"]["loaded_language"] == 0.2
    [back] = list(store.iter_events())
    assert back.to_dict() == ev.to_dict()
    assert store.source_known("a.txt") == art.id
    assert store.count("participants") == 2 and store.count("evidence") == 1


def test_full_text_search_ranks_and_quotes_safely(store):
    a = make_article(TEXT, source="a.txt", title="Brussels talks")
    b = make_article("Pakistan and Afghanistan agreed to exchange ambassadors after talks in Beijing.",
                     source="b.txt", title="Ambassadors")
    with store.transaction() as conn:
        store.save_article(conn, a)
        store.save_article(conn, b)
    assert [h["id"] for h in store.search("deportations")] == [a.id]
    assert [h["id"] for h in store.search("ambassador")] == [b.id]  # porter stemming
    assert store.search('"; DROP TABLE articles; --') == []
    assert store.count("articles") == 2


def test_exact_and_near_duplicates_found(store):
    a = make_article(TEXT)
    with store.transaction() as conn:
        store.save_article(conn, a)
    same = make_article(TEXT.upper(), source="b.txt")
    near = make_article(TEXT + " Read more at example.com.", source="c.txt")
    other = make_article("A different article about sanctions on Iran and oil exports to China. " * 3,
                         source="d.txt")
    assert store.find_duplicate(same) == (a.id, "a.txt")
    assert store.find_duplicate(near) == (a.id, "a.txt")
    assert store.find_duplicate(other) is None


def test_failed_transaction_leaves_nothing(store):
    art = make_article(TEXT)
    with pytest.raises(RuntimeError), store.transaction() as conn:
        store.save_article(conn, art)
        raise RuntimeError("crash in the middle of an article")
    assert store.count("articles") == 0
    assert store.source_known("a.txt") is None


def test_unopenable_database_is_one_line_error(tmp_path):
    bad = tmp_path / "not-a-db.db"
    bad.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError) as exc:
        Store.open(str(bad))
    assert str(bad) in str(exc.value) and "\n" not in str(exc.value)


def test_most_confident_events_first(store):
    art = make_article(TEXT)
    low, high = make_event(art.id, "e1"), make_event(art.id, "e2", "AGREE")
    low.confidence, high.confidence = 0.3, 0.9
    with store.transaction() as conn:
        store.save_article(conn, art)
        store.save_events(conn, [low, high])
    assert [e.id for e in store.iter_events()] == ["e1", "e2"]
    assert [e.id for e in store.iter_events(most_confident=1)] == ["e2"]


def test_events_filtered_by_confidence_and_main(store):
    art = make_article(TEXT)
    main, mention = make_event(art.id, "e1"), make_event(art.id, "e2", "AGREE")
    main.confidence, mention.confidence = 0.9, 0.4
    main.main = main.lead = True
    with store.transaction() as conn:
        store.save_article(conn, art)
        store.save_events(conn, [main, mention])
    assert [e.id for e in store.iter_events(min_confidence=0.5)] == ["e1"]
    assert [e.id for e in store.iter_events(main_only=True)] == ["e1"]
    assert [e.id for e in store.iter_events(min_confidence=0.95)] == []


def test_migration_2_fills_main_from_the_lead_flag(tmp_path):
    """A database of version 1 (no events.main) gets the column, filled from each record's lead."""
    import json

    path = tmp_path / "old.db"
    Store.open(str(path)).close()
    raw = sqlite3.connect(path)
    raw.execute("PRAGMA foreign_keys=OFF")
    raw.execute("CREATE TABLE events_v1 AS SELECT id, article_id, story_id, event_type, mode, date, "
                "auxiliary, confidence, data FROM events")
    raw.execute("DROP TABLE events")
    raw.execute("ALTER TABLE events_v1 RENAME TO events")
    raw.execute("INSERT INTO articles (id, source, language, text, text_hash, simhash, seq, "
                "ingested_at, authors, framing) VALUES ('a', 's', 'en', 't', 'h', 0, 1, 'now', '[]', '{}')")
    for eid, lead in (("old-lead", True), ("old-other", False)):
        raw.execute("INSERT INTO events (id, article_id, event_type, confidence, data) VALUES (?, 'a', "
                    "'CONSULT', 0.5, ?)", (eid, json.dumps({"id": eid, "article_id": "a",
                                                            "event_type": "CONSULT", "lead": lead})))
    raw.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    raw.commit()
    raw.close()
    with Store.open(str(path)) as store:
        assert [e.id for e in store.iter_events(main_only=True)] == ["old-lead"]
        assert next(store.iter_events(main_only=True)).main is True
