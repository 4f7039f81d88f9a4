"""Stored aggregates (migration 7): the story list, /api/actors and /api/network read them
and answer exactly what the grouping queries did, on SQLite and PostgreSQL, whether the
aggregates were kept on write, back-filled by the migration, or after a story merge."""

from __future__ import annotations

import json
import random
from typing import Any

import pytest
from sqlalchemy import select, text

from diplotrack.models import Event, Evidence, Participant
from diplotrack.store import actor_queries, queries
from diplotrack.store import schema as s
from diplotrack.store.db import Store
from diplotrack.stories import attach, repo

from . import reference_queries as ref
from .helpers import make_article

# mixed-case ids: the order of a co-actor pair is the database's (collation), as before
POOL = [("USA", ["United States", "U.S."], "state", "USA"), ("CHN", ["China"], "state", "CHN"),
        ("eu", ["European Union", "EU"], "igo", None), ("taliban", ["Taliban"], None, "AFG"),
        ("RUS", ["Russia"], "state", "RUS"), ("un", ["United Nations"], "igo", None),
        ("Ärzte", ["Ärzte ohne Grenzen"], "ngo", None)]
TYPES = ["CONSULT", "AGREE", "ACCUSE", "AID"]
DATES = ["2025-03-04", "2025-03", "2025", "2025-07-19", None]


def _party(rng: random.Random, pid: str) -> Participant:
    _, names, kind, country = next(p for p in POOL if p[0] == pid)
    return Participant(pid, rng.choice(names), kind, rng.choice(names), country=country)  # type: ignore[arg-type]


def _events(rng: random.Random, aid: str, text_: str) -> list[Event]:
    out = []
    for j in range(rng.randint(1, 3)):
        ids = rng.sample([p[0] for p in POOL], 4)
        shape = rng.random()
        actors = ids[:1] if shape < 0.5 else ids[:rng.randint(2, 3)]  # meetings: no recipient
        recipients = [] if shape >= 0.5 else (ids[1:2] if shape < 0.4 else ids[1:3])
        if shape < 0.05:
            recipients.append(actors[0])  # the same actor on both sides: no edge to itself
        out.append(Event(id=f"{aid}-{j}", article_id=aid, event_type=rng.choice(TYPES),
                         date=rng.choice(DATES), main=j == 0, lead=j == 0, confidence=0.7,
                         actor=[_party(rng, a) for a in actors],
                         recipient=[_party(rng, r) for r in recipients],
                         evidence=[Evidence(text_[:20], 0, 20)]))
    return out


def fill(store: Store, n: int = 40, seed: int = 3) -> None:
    rng = random.Random(seed)
    for i in range(n):
        body = f"Report {i}: envoys met on a matter of state number {rng.random():.8f}, officials said."
        art = make_article(body, source=f"t://{i}", title=f"Report {i}", outlet=rng.choice(["A", "B", "C"]),
                           published=f"2025-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}")
        events = _events(rng, art.id, body)
        with store.transaction() as conn:
            store.save_article(conn, art)
            attach(conn, events, art)
            store.save_events(conn, events)


P = queries.Page
ACTORS = [dict(page=P()), dict(page=P(limit=3, offset=2)), dict(page=P(), q="united"),
          dict(page=P(), kind="igo")]
NETWORK = [dict(), dict(event_type="AID"), dict(date_from="2025-03", date_to="2025-06"),
           dict(max_nodes=3, min_count=2), dict(event_type="CONSULT", date_from="2025")]
STORIES = [dict(page=P()), dict(page=P(limit=5, offset=3)), dict(page=P(), min_reports=2),
           dict(page=P(), sort="date"), dict(page=P(), actor="eu"), dict(page=P(), q="china"),
           dict(page=P(), event_type="AID", min_reports=1)]


EVENTS = [dict(page=P()), dict(page=P(limit=4, offset=5), actor="USA", date_from="2025-03",
                             date_to="2025-06"), dict(page=P(), event_type="AID", main=True)]
ARTICLES = [dict(page=P(limit=7, offset=2)), dict(page=P(), q="envoys officials", outlet="B"),
            dict(page=P(), published_from="2025-03", published_to="2025-05-15")]


def _same(store: Store) -> None:
    for old, new, cases in ((ref.list_actors, actor_queries.list_actors, ACTORS),
                            (ref.network, actor_queries.network, NETWORK),
                            (ref.story_page, queries.story_page, STORIES),
                            (ref.list_events, queries.list_events, EVENTS),
                            (ref.list_articles, queries.list_articles, ARTICLES)):
        for case in cases:
            kw = dict(case)
            args = (kw.pop("page"),) if "page" in kw else ()
            assert json.dumps(_without_snippets(new(store, *args, **kw))) == \
                json.dumps(old(store, *args, **kw)), (new, case)


def _without_snippets(result: Any) -> Any:
    """A search's hits carry a snippet the old queries did not give (queries.snippet)."""
    if isinstance(result, dict) and isinstance(result.get("items"), list):
        for item in result["items"]:
            if isinstance(item, dict):
                item.pop("snippet", None)
    return result


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def url(request, tmp_path):
    if request.param == "sqlite":
        return str(tmp_path / "agg.db")
    return request.getfixturevalue("pg_db")


def test_kept_on_write_answers_as_the_grouping_queries(url):
    with Store.open(url) as store:
        fill(store)
        _same(store)
        assert actor_queries.network(store)["edges"] and any(
            not e["directed"] for e in actor_queries.network(store)["edges"])


def test_migration_back_fills_an_older_database(url):
    with Store.open(url) as store:
        fill(store, n=25, seed=5)
        with store.transaction() as conn:  # as a database of migration 6 had them
            conn.execute(s.actor_stats.delete())
            conn.execute(s.actor_edges.delete())
            conn.execute(s.stories.update().values(n_reports=0))
            conn.execute(text("UPDATE meta SET value = '6' WHERE key = 'schema_version'"))
    with Store.open(url) as store:
        _same(store)
        assert queries.story_page(store, P())[1] > 0


def test_a_merge_recounts_both_stories(url):
    with Store.open(url) as store:
        fill(store, n=30, seed=9)
        ids, _ = queries.story_page(store, P(limit=2))
        with store.transaction() as conn:
            rows = repo.load(conn, ids)
            keep, gone = sorted((rows[i] for i in ids), key=lambda r: r.seq)
            repo.merge(conn, keep, gone)
        with store.engine.connect() as conn:
            counts = dict(conn.execute(select(s.stories.c.id, s.stories.c.n_reports)
                                       .where(s.stories.c.id.in_(ids))).all())
        assert counts[gone.id] == 0 and counts[keep.id] >= 2
        _same(store)
