"""The watch state tables on SQLite and PostgreSQL, and migration 6 on an older database."""

from __future__ import annotations

import sqlite3

import pytest

from diplotrack.store.db import Store
from diplotrack.store.migrations import MIGRATIONS
from diplotrack.watch import state
from diplotrack.watch.runner import Options, Runner
from diplotrack.watch.sources import Source
from tests import pg_cluster


@pytest.fixture(scope="module")
def pg_url():
    if not pg_cluster.available():
        pytest.skip("no PostgreSQL server binaries (apt-get install postgresql)")
    with pg_cluster.cluster() as url:
        yield url


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request, tmp_path):
    if request.param == "sqlite":
        return str(tmp_path / "w.db")
    return request.getfixturevalue("pg_url")


def test_source_state_and_seen_entries_round_trip(db_url):
    url = "https://example.org/feed.xml?" + "x" * 3000  # longer than any index entry may be
    with Store.open(db_url) as store:
        assert state.load(store, url) == state.SourceState()
        saved = state.SourceState(etag='W/"1"', last_modified="Mon, 03 Mar 2025 10:00:00 GMT",
                                  content_hash="0" * 64, last_poll=state.now_iso(),
                                  last_status="new", polls=1)
        state.save(store, url, "Example", saved)
        saved.polls, saved.last_status = 2, "not_modified"
        state.save(store, url, "Example", saved)  # an update, not a second row
        assert state.load(store, url) == saved and store.count("watch_sources") == 1
        assert state.mark_seen(store, url, ["https://example.org/a", "urn:b"]) == 2
        assert state.mark_seen(store, url, ["urn:b", "https://example.org/c"]) == 1
        assert state.seen(store, url) == {"https://example.org/a", "urn:b", "https://example.org/c"}
        assert state.seen(store, "https://example.org/other") == set()


def test_migration_6_adds_the_watch_tables_to_an_older_database(tmp_path):
    path = tmp_path / "old.db"
    Store.open(str(path)).close()
    raw = sqlite3.connect(path)
    raw.execute("DROP TABLE watch_seen")
    raw.execute("DROP TABLE watch_sources")
    raw.execute("UPDATE meta SET value = '5' WHERE key = 'schema_version'")
    raw.commit()
    raw.close()
    with Store.open(str(path)) as store:
        assert store.count("watch_sources") == 0 and store.count("watch_seen") == 0
        state.mark_seen(store, "https://example.org/feed", ["x"])
    raw = sqlite3.connect(path)
    version = raw.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0]
    raw.close()
    assert int(version) == len(MIGRATIONS)


@pytest.mark.slow
def test_polls_keep_their_state_on_either_engine(db_url, site):
    site.entries = ["a"]
    source = Source(f"{site.base}/feed.xml")
    with Store.open(db_url) as store:
        options = Options(private_links=True, host_interval_s=0)
        assert [o.status for o in Runner(store, [source], options).once()] == ["new"]
        assert [o.status for o in Runner(store, [source], options).once()] == ["not_modified"]
        assert store.count("articles") == 1
        assert state.load(store, source.url).polls == 2
