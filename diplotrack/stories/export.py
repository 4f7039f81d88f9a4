"""Story records (CONTRACT.md), reconciled across the reports of each story."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from typing import Any

from sqlalchemy import Connection, select

from diplotrack.models import Event, Participant
from diplotrack.store import schema as s
from diplotrack.store.db import Store
from diplotrack.stories import claims, dates, headline, lifecycle, repo, sides

CHUNK = 500
_ARTICLE_COLS = ("id", "published", "outlet", "url", "source", "seq", "ingested_at", "title", "language",
                 "copy_of")


def iter_stories(store: Store) -> Iterator[dict[str, Any]]:
    """Every story, oldest first (merged-away ids are skipped: their reports moved)."""
    with store.engine.connect() as conn:
        ids = [r[0] for r in conn.execute(
            select(s.stories.c.id).where(_live()).order_by(s.stories.c.seq)
        )]
        for i in range(0, len(ids), CHUNK):
            yield from _records(conn, ids[i : i + CHUNK])


def get_story(store: Store, story_id: str) -> dict[str, Any] | None:
    """One story by id; the id of a merged story gives the story it merged into."""
    return next(iter(get_stories(store, [story_id])), None)


def get_stories(store: Store, story_ids: list[str]) -> list[dict[str, Any]]:
    """Stories by id, in the order asked (unknown ids left out; merged ids resolved),
    with two queries for the lot rather than two per story."""
    with store.engine.connect() as conn:
        rows = repo.load(conn, story_ids)
        live = [rows[sid].id for sid in story_ids if sid in rows]
        by_id = {st["id"]: st for st in _records(conn, list(dict.fromkeys(live)))}
    return [by_id[sid] for sid in live if sid in by_id]


def _live() -> Any:
    return (s.stories.c.status.is_(None)) | (s.stories.c.status != repo.MERGED)


def _records(conn: Connection, ids: list[str]) -> Iterator[dict[str, Any]]:
    rows = conn.execute(
        select(s.events.c.story_id, s.events.c.data, *(s.articles.c[c] for c in _ARTICLE_COLS))
        .join(s.articles, s.articles.c.id == s.events.c.article_id)
        .where(s.events.c.story_id.in_(ids))
        .order_by(s.articles.c.seq, s.events.c.id)
    ).all()
    grouped: dict[str, list[tuple[Event, dict[str, Any]]]] = {sid: [] for sid in ids}
    for row in rows:
        art = {c: getattr(row, c) for c in _ARTICLE_COLS}
        grouped[row.story_id].append((Event.from_dict(json.loads(row.data)), art))
    for sid in ids:
        if grouped[sid]:
            yield record(sid, grouped[sid])


def record(story_id: str, reports: list[tuple[Event, dict[str, Any]]]) -> dict[str, Any]:
    """The story record of a list of (event, article row) reports, in ingest order.

    An article whose main event is in the story reports it (`article_ids`); one that
    only mentions it is in `mentioned_by`. A story only ever mentioned is told by
    its mentions."""
    reports = sorted(reports, key=lambda r: (_when(r[1]), r[1]["seq"]))
    mains = [r for r in reports if r[0].main]
    told = mains or reports
    events = [e for e, _ in told]
    articles = {a["id"]: a for _, a in mains}
    mentioning = [a["id"] for e, a in reports if not e.main and a["id"] not in articles]
    actor, recipient = _participants(events)
    statuses = Counter(lifecycle.event_status(e) for e in events)
    published = [a["published"] for _, a in told if a["published"]]
    return {
        "id": story_id,
        "event_type": _majority(e.event_type for e in events),
        "mode": _majority(e.mode for e in events),
        "context": [c for c, _ in Counter(c for e in events for c in e.context).most_common()],
        "actor": actor,
        "recipient": recipient,
        "date": _best_date(events),
        "location": _location(events),
        "article_ids": list(articles),
        "mentioned_by": list(dict.fromkeys(mentioning)),
        "event_ids": [e.id for e, _ in reports],
        "headline": headline.choose([a.get("title") for a in articles.values()]
                                    or [a.get("title") for _, a in reports]),
        "summary": headline.summary(_majority(e.event_type for e in events), actor, recipient,
                                    _location(events), _best_date(events), len(articles)),
        "outlets": list(dict.fromkeys(a["outlet"] for a in articles.values() if a.get("outlet"))),
        "copies": _copies(articles),
        "languages": list(dict.fromkeys(a["language"] for a in articles.values() if a.get("language"))),
        "first_reported": min(published) if published
        else min((a["ingested_at"] for _, a in told), default=None),
        "claims": claims.build([(e.article_id, e) for e in events]),
        "status": lifecycle.story_status(dict(statuses)),
        "retrospective": all(lifecycle.is_historical(e) for e in events),
        "announcement": sides.announcement(articles, _countries(actor + recipient)),
        "report_count": len(articles),
    }


def _copies(articles: dict[str, dict[str, Any]]) -> list[list[str]]:
    """Groups of the story's reports that are one wire text carried by several outlets."""
    root: dict[str, str] = {}

    def find(a: str) -> str:
        while root.get(a, a) != a:
            a = root[a]
        return a

    for aid, art in articles.items():
        if art.get("copy_of") in articles:
            root[find(aid)] = find(art["copy_of"])
    groups: dict[str, list[str]] = {}
    for aid in articles:
        groups.setdefault(find(aid), []).append(aid)
    return [g for g in groups.values() if len(g) > 1]


def _best_date(events: list[Event]) -> str | None:
    return dates.best(dict(Counter(d for e in events if (d := dates.normalise(e.date)))))


def _when(article: dict[str, Any]) -> str:
    return str(article.get("published") or article.get("ingested_at") or "")


def _majority(values: Any) -> Any:
    counts = Counter(v for v in values if v)
    return counts.most_common(1)[0][0] if counts else None


def _participants(events: list[Event]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Each participant once, in the role most reports give it, with its most common level."""
    roles: dict[str, Counter[str]] = {}
    levels: dict[str, Counter[str]] = {}
    first: dict[str, Participant] = {}
    for e in events:
        for role, group in (("actor", e.actor), ("recipient", e.recipient)):
            for p in group:
                first.setdefault(p.id, p)
                roles.setdefault(p.id, Counter())[role] += 1
                if p.level:
                    levels.setdefault(p.id, Counter())[p.level] += 1
    out: dict[str, list[dict[str, Any]]] = {"actor": [], "recipient": []}
    for pid, p in first.items():
        d = p.to_dict()
        if pid in levels:
            d["level"] = levels[pid].most_common(1)[0][0]
        role = "recipient" if roles[pid]["recipient"] > roles[pid]["actor"] else "actor"
        out[role].append(d)
    return out["actor"], out["recipient"]


def _location(events: list[Event]) -> dict[str, Any] | None:
    """The most reported place; among equals, the one with most detail."""
    locs = [e.location for e in events if e.location and e.location.name]
    if not locs:
        return None
    counts = Counter(loc.name.lower() for loc in locs)

    def rank(loc: Any) -> tuple[int, int, int]:
        return counts[loc.name.lower()], loc.lat is not None, loc.country is not None

    return max(locs, key=rank).to_dict()


def _countries(participants: list[dict[str, Any]]) -> set[str]:
    out = set()
    for p in participants:
        code = p.get("country") or (p["id"].upper() if p.get("kind") == "state" else None)
        if code:
            out.add(code.upper())
    return out
