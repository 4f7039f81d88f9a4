"""Polls of a real local server through the real ingest pipeline: each new entry stored
once across polls and restarts, 304s, robots.txt, what is reported as new."""

from __future__ import annotations

import pytest

from diplotrack.store.db import Store
from diplotrack.watch import state
from diplotrack.watch.runner import Options, Runner
from diplotrack.watch.sources import Source

pytestmark = pytest.mark.slow

LOCAL = Options(private_links=True, host_interval_s=0)


def _runner(db: str, *sources: Source) -> tuple[Store, Runner]:
    store = Store.open(db)
    return store, Runner(store, list(sources), LOCAL)


def _titles(store: Store) -> list[str]:
    return sorted(a["title"] for a in store.iter_articles())


def test_three_polls_of_a_changing_feed_store_each_new_entry_once(site, tmp_path):
    store, runner = _runner(str(tmp_path / "w.db"), Source(f"{site.base}/feed.xml", "Test"))
    new_ids = []
    for entries in (["a"], ["b", "a"], ["c", "b", "a"]):
        site.entries = entries
        [outcome] = runner.once()
        assert outcome.status == "new" and outcome.error is None and not outcome.entry_errors
        [article] = outcome.news.articles  # exactly the entry added since the last poll
        assert article["url"] == f"{site.base}/pages/{entries[0]}.txt"
        new_ids.append(article["id"])
    assert len(set(new_ids)) == 3 and store.count("articles") == 3
    for key in "abc":  # a linked page seen once is never fetched again
        assert site.paths().count(f"/pages/{key}.txt") == 1
    assert len(state.seen(store, f"{site.base}/feed.xml")) == 3
    store.close()


def test_a_restart_does_not_store_or_fetch_seen_entries_again(site, tmp_path):
    db = str(tmp_path / "w.db")
    source = Source(f"{site.base}/feed.xml")
    site.entries = ["b", "a"]
    store, runner = _runner(db, source)
    assert [o.status for o in runner.once()] == ["new"]
    store.close()
    site.entries = ["d", "b", "a"]
    store, runner = _runner(db, source)  # a new process: only the database is shared
    [outcome] = runner.once()
    assert [a["url"] for a in outcome.news.articles] == [f"{site.base}/pages/d.txt"]
    assert store.count("articles") == 3
    assert site.paths().count("/pages/a.txt") == 1 and site.paths().count("/pages/b.txt") == 1
    saved = state.load(store, source.url)
    assert saved.last_status == "new" and saved.polls == 2 and saved.etag
    store.close()


def test_a_304_stores_nothing_and_the_validator_was_sent(site, tmp_path):
    store, runner = _runner(str(tmp_path / "w.db"), Source(f"{site.base}/feed.xml"))
    site.entries = ["a"]
    runner.once()
    before = store.count("articles")
    [outcome] = runner.once()
    assert outcome.status == "not_modified" and not outcome.news
    assert store.count("articles") == before == 1
    feed_requests = [h for m, p, h in site.requests if p == "/feed.xml"]
    assert "if-none-match" not in feed_requests[0]
    assert feed_requests[1]["if-none-match"] == state.load(store, f"{site.base}/feed.xml").etag
    store.close()


def test_robots_txt_disallowed_source_and_link_are_not_fetched(site, tmp_path):
    site.entries = ["a"]
    site.extra_items = [f"<item><title>Hidden</title><link>{site.base}/private/b.txt</link>"
                        "<description>India and Japan signed a defence agreement in Tokyo on "
                        "Tuesday, the Indian embassy said.</description></item>"]
    store, runner = _runner(str(tmp_path / "w.db"), Source(f"{site.base}/private/feed.xml"),
                            Source(f"{site.base}/feed.xml"))
    blocked, allowed = runner.once()
    assert blocked.status == "error" and "robots.txt" in (blocked.error or "")
    assert allowed.status == "new"
    assert not [p for p in site.paths() if p.startswith("/private/")]
    # the disallowed entry is stored from its feed summary, its page unread
    assert {a["url"] for a in allowed.news.articles} == {f"{site.base}/pages/a.txt",
                                                         f"{site.base}/private/b.txt"}
    store.close()


def test_private_addresses_are_refused_without_the_option(site, tmp_path):
    store = Store.open(str(tmp_path / "w.db"))
    [outcome] = Runner(store, [Source(f"{site.base}/feed.xml")], Options()).once()
    assert outcome.status == "error" and "--private-links" in (outcome.error or "")
    assert site.paths() == []
    store.close()


def test_new_stories_stories_with_a_new_report_and_new_actors(site, tmp_path):
    site.entries, site.copies = ["a"], ["a"]
    store, runner = _runner(str(tmp_path / "w.db"), Source(f"{site.base}/feed.xml"))
    [first] = runner.once()
    assert len(first.news.new_stories) == 1 and first.news.new_actors
    assert "taliban" in {a["id"] for a in first.news.new_actors}
    story_id = first.news.new_stories[0]["id"]
    copies = Runner(store, [Source(f"{site.base}/copies.xml")], LOCAL)
    [second] = copies.once()  # another outlet carries the same report
    assert len(second.news.articles) == 1
    assert [s["id"] for s in second.news.updated_stories] == [story_id]
    assert second.news.new_stories == [] and second.news.new_actors == []
    assert second.news.updated_stories[0]["report_count"] == 2
    store.close()


def test_an_empty_feed_is_nothing_new_and_a_broken_one_an_error(site, tmp_path):
    store, runner = _runner(str(tmp_path / "w.db"), Source(f"{site.base}/empty.xml"),
                            Source(f"{site.base}/broken.xml"))
    empty, broken = runner.once()
    assert empty.status == "nothing_new" and empty.error is None
    errors = ([broken.error] if broken.error else []) + broken.entry_errors
    assert len(errors) == 1 and "\n" not in errors[0] and broken.status != "new"
    assert state.load(store, f"{site.base}/broken.xml").last_error
    store.close()
