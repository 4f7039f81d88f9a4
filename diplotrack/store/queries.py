"""Read-only queries for the API: filtered, paginated lists and aggregates.

SQLAlchemy Core over the tables of schema.py; every value from a request is a
bound parameter. Functions take a `Store` and return plain dicts, ready for JSON.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    and_,
    case,
    distinct,
    func,
    literal,
    literal_column,
    or_,
    select,
    text,
)

from diplotrack.store import schema as s
from diplotrack.store.db import Store, article_record

A, E, P, V = s.articles, s.events, s.participants, s.evidence


@dataclass
class Page:
    limit: int = 50
    offset: int = 0


# ---- date ranges at mixed precision ---------------------------------------------


def date_overlaps(col: Any, date_from: str | None, date_to: str | None) -> list[ColumnElement[bool]]:
    """Conditions true when the ISO date in `col` (2025, 2025-07, 2025-07-03...) can overlap
    [date_from, date_to]: each comparison is made at the lesser of the two precisions."""
    def cut(bound: str) -> tuple[Any, Any]:
        return func.substr(col, 1, len(bound)), func.substr(literal(bound), 1, func.length(col))

    conds: list[ColumnElement[bool]] = []
    if date_from:
        mine, theirs = cut(date_from)
        conds.append(mine >= theirs)
    if date_to:
        mine, theirs = cut(date_to)
        conds.append(mine <= theirs)
    if conds:
        conds.append(col.is_not(None))
    return conds


# ---- articles -------------------------------------------------------------------


def _fulltext(store: Store, q: str) -> ColumnElement[bool] | None:
    words = q.split()
    if not words:
        return None
    if store.dialect == "sqlite":
        match = " ".join('"' + w.replace('"', '""') + '"' for w in words)
        sub = text("SELECT rowid FROM articles_fts WHERE articles_fts MATCH :fts_q"
                   ).bindparams(fts_q=match)
        return literal_column("articles.rowid").in_(sub)  # no row read to get an id
    doc = func.to_tsvector("english", func.coalesce(A.c.title, "") + " " + A.c.text)
    return doc.op("@@")(func.plainto_tsquery("english", q))


def article_filters(store: Store, *, q: str | None = None, outlet: str | None = None,
                    genre: str | None = None, language: str | None = None,
                    published_from: str | None = None,
                    published_to: str | None = None) -> list[ColumnElement[bool]]:
    conds: list[ColumnElement[bool]] = []
    if q and (ft := _fulltext(store, q)) is not None:
        conds.append(ft)
    for col, value in ((A.c.outlet, outlet), (A.c.genre, genre), (A.c.language, language)):
        if value:
            conds.append(col == value)
    conds += date_overlaps(A.c.published, published_from, published_to)
    return conds


def list_articles(store: Store, page: Page, **filters: str | None) -> dict[str, Any]:
    conds = article_filters(store, **filters)
    n_events = (select(func.count()).select_from(E).where(E.c.article_id == A.c.id)
                .scalar_subquery())
    order = (A.c.published.is_(None), A.c.published.desc(), A.c.seq)
    ids = select(A.c.id).where(*conds).order_by(*order).limit(page.limit).offset(page.offset)
    words = (filters.get("q") or "").split()
    extra = [func.substr(A.c.text, 1, SNIPPET_SCAN).label("head")] if words else []
    query = (  # the page's ids from indexes, then its rows: not every match's row read
        select(A.c.id, A.c.title, A.c.outlet, A.c.published, A.c.genre, A.c.language,
               A.c.authors, A.c.framing, A.c.source, n_events.label("event_count"), *extra)
        .where(A.c.id.in_(ids)).order_by(*order)
    )
    with store.engine.connect() as conn:
        total = conn.execute(select(func.count()).select_from(A).where(*conds)).scalar() or 0
        rows = conn.execute(query).mappings().all()
    items = [_article_summary(r) for r in rows]
    if words:
        for item, row in zip(items, rows, strict=True):
            item["snippet"] = snippet(row["head"] or "", words)
    return {"items": items, "total": total}


SNIPPET_SCAN = 200_000  # characters of a text searched for the words a snippet shows
SNIPPET_CHARS = 90  # on each side of the first word found


def snippet(text: str, words: list[str]) -> str | None:
    """The text around the first of `words` it contains (whole words, any case), for a
    search result; None when none is there as written (the search stems words)."""
    found = [m.start() for w in words if (m := re.search(rf"(?i)\b{re.escape(w)}", text))]
    if not found:
        return None
    at = min(found)
    start, end = max(0, at - SNIPPET_CHARS), min(len(text), at + SNIPPET_CHARS)
    body = " ".join(text[start:end].split())
    return ("…" if start else "") + body + ("…" if end < len(text) else "")


def _article_summary(row: Any) -> dict[str, Any]:
    framing = json.loads(row["framing"] or "{}")
    return {
        "id": row["id"], "title": row["title"], "outlet": row["outlet"],
        "published": row["published"], "genre": row["genre"], "language": row["language"],
        "authors": json.loads(row["authors"] or "[]"), "source": row["source"],
        "loaded_language": framing.get("loaded_language"),
        "event_count": row["event_count"],
    }


def get_articles(store: Store, ids: list[str]) -> list[dict[str, Any]]:
    """Full article records for `ids`, in that order (missing ids are skipped)."""
    if not ids:
        return []
    with store.engine.connect() as conn:
        rows = conn.execute(select(A).where(A.c.id.in_(ids))).mappings().all()
    by_id = {r["id"]: article_record(r) for r in rows}
    return [by_id[i] for i in ids if i in by_id]


def facet(store: Store, column: str) -> list[dict[str, Any]]:
    """Distinct values of an articles column with their counts, most frequent first."""
    col = A.c[column]
    query = (select(col, func.count()).where(col.is_not(None)).group_by(col)
             .order_by(func.count().desc(), col))
    with store.engine.connect() as conn:
        return [{"value": v, "count": n} for v, n in conn.execute(query)]


# ---- events ---------------------------------------------------------------------


def actor_is(actor: str) -> ColumnElement[bool]:
    """A participant is this actor: its id as given, or any actor whose id or name is
    the text in another case ("Taliban", "usa", "united states"), looked up in the
    per-actor aggregates (a few rows per actor, not every participant)."""
    low = actor.strip().lower()
    named = select(s.actor_stats.c.actor_id).where(
        or_(func.lower(s.actor_stats.c.actor_id) == low, func.lower(s.actor_stats.c.name) == low))
    return or_(P.c.actor_id == actor, P.c.actor_id.in_(named))


def event_filters(*, actor: str | None = None, event_type: str | None = None,
                  date_from: str | None = None, date_to: str | None = None,
                  story_id: str | None = None, article_id: str | None = None,
                  min_confidence: float | None = None,
                  main: bool | None = None) -> list[ColumnElement[bool]]:
    conds: list[ColumnElement[bool]] = []
    if min_confidence is not None:
        conds.append(E.c.confidence >= min_confidence)
    if main is not None:
        conds.append(E.c.main.is_(True) if main else or_(E.c.main.is_(False), E.c.main.is_(None)))
    if actor:
        # uncorrelated: one index range of the actor's events, not a probe per event row
        conds.append(E.c.id.in_(select(P.c.event_id).where(actor_is(actor))))
    for col, value in ((E.c.event_type, event_type), (E.c.story_id, story_id),
                       (E.c.article_id, article_id)):
        if value:
            conds.append(col == value)
    conds += date_overlaps(E.c.date, date_from, date_to)
    return conds


def _event_select() -> Select[Any]:
    return select(E.c.data, E.c.story_id, A.c.id.label("a_id"), A.c.title, A.c.outlet,
                  A.c.published).join(A, A.c.id == E.c.article_id)


def _event_row(row: Any) -> dict[str, Any]:
    record = json.loads(row["data"])
    record["story_id"] = row["story_id"]
    record["article"] = {"id": row["a_id"], "title": row["title"], "outlet": row["outlet"],
                         "published": row["published"]}
    return record


def list_events(store: Store, page: Page, **filters: Any) -> dict[str, Any]:
    conds = event_filters(**filters)
    order = (E.c.date.is_(None), E.c.date, A.c.seq, E.c.id)
    ids = (select(E.c.id).join(A, A.c.id == E.c.article_id).where(*conds).order_by(*order)
           .limit(page.limit).offset(page.offset))
    query = _event_select().where(E.c.id.in_(ids)).order_by(*order)  # page's ids, then rows
    with store.engine.connect() as conn:
        total = conn.execute(select(func.count()).select_from(E).where(*conds)).scalar() or 0
        rows = conn.execute(query).mappings().all()
    return {"items": [_event_row(r) for r in rows], "total": total}


def get_event(store: Store, event_id: str) -> dict[str, Any] | None:
    with store.engine.connect() as conn:
        row = conn.execute(_event_select().where(E.c.id == event_id)).mappings().first()
    return _event_row(row) if row else None


def events_of_article(store: Store, article_id: str) -> list[dict[str, Any]]:
    return _events_where(store, E.c.article_id == article_id)


def events_of_story(store: Store, story_id: str) -> list[dict[str, Any]]:
    return _events_where(store, E.c.story_id == story_id)


def _events_where(store: Store, cond: ColumnElement[bool]) -> list[dict[str, Any]]:
    query = _event_select().where(cond).order_by(A.c.seq, E.c.id)
    with store.engine.connect() as conn:
        return [_event_row(r) for r in conn.execute(query).mappings()]


# ---- timeline, map (actors and network: actor_queries.py) --------------------------


BUCKETS = {"year": 4, "month": 7, "day": 10}


def timeline(store: Store, bucket: str = "month", **filters: Any) -> dict[str, Any]:
    """Event counts per date bucket and event type; undated events are counted apart."""
    conds = event_filters(**filters)
    key = func.substr(E.c.date, 1, BUCKETS[bucket])
    query = (select(key, E.c.event_type, func.count()).where(E.c.date.is_not(None), *conds)
             .group_by(key, E.c.event_type).order_by(key))
    undated = select(func.count()).select_from(E).where(E.c.date.is_(None), *conds)
    with store.engine.connect() as conn:
        rows = conn.execute(query).all()
        n_undated = conn.execute(undated).scalar() or 0
    out: dict[str, dict[str, Any]] = {}
    for date, etype, count in rows:
        item = out.setdefault(date, {"date": date, "total": 0, "counts": {}})
        item["counts"][etype] = count
        item["total"] += count
    return {"bucket": bucket, "items": list(out.values()), "undated": n_undated}


def locations(store: Store, max_events: int = 20000, **filters: Any) -> dict[str, Any]:
    """Event places with coordinates, merged by (name, lat, lon), most events first."""
    conds = event_filters(**filters)
    query = select(E.c.id, E.c.event_type, E.c.data).where(*conds).limit(max_events)
    points: dict[tuple[Any, ...], dict[str, Any]] = {}
    with store.engine.connect() as conn:
        for eid, etype, data in conn.execute(query):
            loc = json.loads(data).get("location") or {}
            if loc.get("lat") is None or loc.get("lon") is None:
                continue
            key = (loc.get("name"), round(loc["lat"], 3), round(loc["lon"], 3))
            point = points.setdefault(key, {
                "name": loc.get("name"), "country": loc.get("country"), "lat": loc["lat"],
                "lon": loc["lon"], "count": 0, "by_type": {}, "event_ids": []})
            point["count"] += 1
            point["by_type"][etype] = point["by_type"].get(etype, 0) + 1
            if len(point["event_ids"]) < 20:
                point["event_ids"].append(eid)
    items = sorted(points.values(), key=lambda p: (-p["count"], p["name"] or ""))
    return {"items": items}


def stats(store: Store) -> dict[str, Any]:
    with store.engine.connect() as conn:
        def one(q: Any) -> Any:
            return conn.execute(q).scalar()

        by_type: dict[str, int] = dict(
            conn.execute(select(E.c.event_type, func.count()).group_by(E.c.event_type)
                         .order_by(func.count().desc())).all())
        return {
            "articles": one(select(func.count()).select_from(A)) or 0,
            "events": one(select(func.count()).select_from(E)) or 0,
            "stories": one(select(func.count(distinct(E.c.story_id)))) or 0,
            "actors": one(select(func.count(distinct(P.c.actor_id)))) or 0,
            "outlets": one(select(func.count(distinct(A.c.outlet)))) or 0,
            "events_by_type": by_type,
            "published_range": list(conn.execute(select(func.min(A.c.published),
                                                        func.max(A.c.published))).one()),
            "event_date_range": list(conn.execute(select(func.min(E.c.date),
                                                         func.max(E.c.date))).one()),
        }


# ---- stories (rows of the stories table; records come from diplotrack.stories) ----------

MERGED = "merged"  # status of a story merged into another (diplotrack.stories.repo.MERGED)


def story_page(store: Store, page: Page, *, event_type: str | None = None,
               actor: str | None = None, q: str | None = None, min_reports: int = 1,
               sort: str = "reports") -> tuple[list[str], int]:
    """Ids of one page of live stories, filtered and sorted in SQL, and the total."""
    st = s.stories
    conds: list[ColumnElement[bool]] = [or_(st.c.status.is_(None), st.c.status != MERGED),
                                        st.c.n_reports >= min_reports]
    if event_type:
        conds.append(st.c.event_type == event_type.upper())
    if actor:
        conds.append(_story_has_participant(actor_is(actor)))
    if words := (q or "").lower().split():
        conds.append(st.c.id.in_(_stories_with_words(words)))
    base = select(st.c.id).where(*conds)  # n_reports: kept on write (aggregates.py)
    order = ([st.c.date_lo.is_(None), st.c.date_lo.desc(), st.c.seq.desc()] if sort == "date"
             else [st.c.n_reports.desc(), st.c.seq])
    with store.engine.connect() as conn:
        total = conn.execute(select(func.count()).select_from(base.subquery())).scalar() or 0
        ids = [r[0] for r in conn.execute(
            base.order_by(*order).limit(page.limit).offset(page.offset))]
    return ids, total


def _stories_with_words(words: list[str]) -> Select[Any]:
    """One uncorrelated query: the stories where each word is part of the category or of a
    participant's name or id (one pass over the participants, whatever the words)."""
    st = s.stories.alias("sw")
    each = []
    for word in words:  # LIKE with % and _ escaped: the word as typed
        hit = or_(*(func.lower(col).contains(word, autoescape=True)
                    for col in (st.c.event_type, P.c.name, P.c.actor_id)))
        each.append(func.max(case((hit, 1), else_=0)) == 1)
    return (select(st.c.id).join(E, E.c.story_id == st.c.id).join(P, P.c.event_id == E.c.id)
            .group_by(st.c.id).having(and_(*each)))


def _story_has_participant(cond: ColumnElement[bool]) -> ColumnElement[bool]:
    """Uncorrelated: the subquery runs once, not once per story."""
    return s.stories.c.id.in_(select(E.c.story_id).join(P, P.c.event_id == E.c.id).where(cond))
