"""What a poll added: the new articles, the stories they started, the stories that got
a new report from them, and actors never seen in the database before.

Stories are numbered in creation order (`stories.seq`, never renumbered): a story of
a new article's event with a seq above the mark taken before the poll is new; one at
or below it got a new report (when the article reports it as a main event)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from sqlalchemy import func, select

from diplotrack import stories
from diplotrack.store import schema as s
from diplotrack.store.db import Store


@dataclass
class News:
    articles: list[dict[str, Any]] = field(default_factory=list)  # id, title, url, outlet
    new_stories: list[dict[str, Any]] = field(default_factory=list)  # id, headline
    updated_stories: list[dict[str, Any]] = field(default_factory=list)  # id, headline, reports
    new_actors: list[dict[str, Any]] = field(default_factory=list)  # id, name

    def __bool__(self) -> bool:
        return bool(self.articles or self.new_stories or self.updated_stories or self.new_actors)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def story_mark(store: Store) -> int:
    """The highest story seq now (0 in an empty database)."""
    with store.engine.connect() as conn:
        return int(conn.execute(select(func.coalesce(func.max(s.stories.c.seq), 0))).scalar() or 0)


def what_is_new(store: Store, article_ids: list[str], mark: int) -> News:
    if not article_ids:
        return News()
    with store.engine.connect() as conn:
        articles = [dict(r._mapping) for r in conn.execute(
            select(s.articles.c.id, s.articles.c.title, s.articles.c.url, s.articles.c.outlet)
            .where(s.articles.c.id.in_(article_ids)).order_by(s.articles.c.seq))]
        rows = conn.execute(
            select(s.events.c.story_id, s.events.c.main, s.stories.c.seq)
            .join(s.stories, s.stories.c.id == s.events.c.story_id)
            .where(s.events.c.article_id.in_(article_ids))).all()
        actors = _new_actors(conn, article_ids)
    fresh = list(dict.fromkeys(r.story_id for r in rows if r.seq > mark))
    updated = list(dict.fromkeys(r.story_id for r in rows if r.seq <= mark and r.main))
    return News(articles, _stories(store, fresh), _stories(store, updated), actors)


def _stories(store: Store, ids: list[str]) -> list[dict[str, Any]]:
    """id, headline, summary and report count of each (merged ids resolved, once each)."""
    out: dict[str, dict[str, Any]] = {}
    for rec in stories.get_stories(store, ids):
        out.setdefault(rec["id"], {"id": rec["id"], "headline": rec.get("headline"),
                                   "summary": rec.get("summary"),
                                   "report_count": rec.get("report_count")})
    return list(out.values())


def _new_actors(conn: Any, article_ids: list[str]) -> list[dict[str, Any]]:
    p, e = s.participants, s.events
    named = dict(conn.execute(
        select(p.c.actor_id, func.min(p.c.name)).join(e, e.c.id == p.c.event_id)
        .where(e.c.article_id.in_(article_ids)).group_by(p.c.actor_id)).all())
    if not named:
        return []
    before = set(conn.execute(
        select(p.c.actor_id).distinct().join(e, e.c.id == p.c.event_id)
        .where(p.c.actor_id.in_(list(named)), e.c.article_id.not_in(article_ids))).scalars())
    return [{"id": a, "name": n} for a, n in sorted(named.items()) if a not in before]


def record(outcome: Any, when: str) -> dict[str, Any]:
    """The JSON object of one poll (a line of --jsonl, the webhook's body)."""
    return {"time": when, "source": outcome.source.url, "name": outcome.source.name,
            "status": outcome.status, "error": outcome.error,
            "entry_errors": outcome.entry_errors, "duplicates": outcome.duplicates,
            **outcome.news.to_dict()}


def summary_lines(outcome: Any) -> list[str]:
    """A short human summary of one poll: one line, then one per new thing."""
    news: News = outcome.news
    label = outcome.source.label
    if outcome.status != "new":
        what = {"nothing_new": "nothing new", "unchanged": "unchanged",
                "not_modified": "not modified (304)", "error": "failed"}.get(outcome.status, outcome.status)
        return [f"{label}: {what}"]
    lines = [f"{label}: {len(news.articles)} new articles, {len(news.new_stories)} new stories, "
             f"{len(news.updated_stories)} stories with a new report, "
             f"{len(news.new_actors)} new actors"]
    lines += [f"  article {a['id']}: {a['title'] or a['url'] or '(untitled)'}" for a in news.articles]
    lines += [f"  new story {st['id']}: {st['headline'] or st['summary']}" for st in news.new_stories]
    lines += [f"  story {st['id']} ({st['report_count']} reports): {st['headline'] or st['summary']}"
              for st in news.updated_stories]
    if news.new_actors:
        lines.append("  new actors: " + ", ".join(a["name"] for a in news.new_actors))
    return lines
