"""The API's grouping queries as they were before the stored aggregates (migration 7):
what the new reads must answer, row for row. Only edge rows are now ordered (before, the
order was the engine's, which decided `directed` and `by_type` order of a mixed pair)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, and_, case, distinct, exists, func, or_, select

from diplotrack.store import schema as s
from diplotrack.store.actor_queries import graph
from diplotrack.store.db import Store
from diplotrack.store.queries import (
    MERGED,
    Page,
    _article_summary,
    _event_row,
    _stories_with_words,
    _story_has_participant,
    article_filters,
    event_filters,
)

E, P = s.events, s.participants


def _when(cond: ColumnElement[bool], value: Any) -> Any:
    return case((cond, value), else_=None)


def list_actors(store: Store, page: Page, q: str | None = None, kind: str | None = None) -> dict[str, Any]:
    conds: list[ColumnElement[bool]] = []
    if q:
        word = q.lower()
        conds.append(or_(func.lower(P.c.name).contains(word, autoescape=True),
                         func.lower(P.c.actor_id).contains(word, autoescape=True)))
    if kind:
        conds.append(P.c.kind == kind)
    n = func.count(distinct(P.c.event_id))
    as_actor = func.count(distinct(_when(P.c.role == "actor", P.c.event_id)))
    as_recipient = func.count(distinct(_when(P.c.role == "recipient", P.c.event_id)))
    query = (select(P.c.actor_id, func.max(P.c.name), func.max(P.c.kind), func.max(P.c.country),
                    n, as_actor, as_recipient)
             .where(*conds).group_by(P.c.actor_id)
             .order_by(n.desc(), P.c.actor_id).limit(page.limit).offset(page.offset))
    with store.engine.connect() as conn:
        total = conn.execute(select(func.count(distinct(P.c.actor_id))).where(*conds)).scalar() or 0
        rows = conn.execute(query).all()
    items = [{"id": r[0], "name": r[1], "kind": r[2], "country": r[3], "event_count": r[4],
              "as_actor": r[5], "as_recipient": r[6]} for r in rows]
    return {"items": items, "total": total}


def network(store: Store, *, event_type: str | None = None, date_from: str | None = None,
            date_to: str | None = None, max_nodes: int = 100, min_count: int = 1) -> dict[str, Any]:
    conds = event_filters(event_type=event_type, date_from=date_from, date_to=date_to)
    p1, p2 = P.alias("p1"), P.alias("p2")
    has_recipient = exists().where(P.c.event_id == E.c.id, P.c.role == "recipient")
    pair = and_(p2.c.event_id == p1.c.event_id, p1.c.actor_id != p2.c.actor_id)
    directed = and_(p1.c.role == "actor", p2.c.role == "recipient")
    mutual = and_(p1.c.role == "actor", p2.c.role == "actor", p1.c.actor_id < p2.c.actor_id,
                  ~has_recipient)
    query = (select(p1.c.actor_id, p2.c.actor_id, E.c.event_type, p2.c.role,
                    func.count(distinct(E.c.id)))
             .select_from(p1.join(p2, pair).join(E, E.c.id == p1.c.event_id))
             .where(or_(directed, mutual), *conds)
             .group_by(p1.c.actor_id, p2.c.actor_id, E.c.event_type, p2.c.role)
             .order_by(p1.c.actor_id, p2.c.actor_id, E.c.event_type, p2.c.role))
    n = func.count(distinct(P.c.event_id))
    nodes_q = (select(P.c.actor_id, func.max(P.c.name), func.max(P.c.kind), func.max(P.c.country), n)
               .join(E, E.c.id == P.c.event_id).where(*conds)
               .group_by(P.c.actor_id).order_by(n.desc(), P.c.actor_id).limit(max_nodes))
    with store.engine.connect() as conn:
        rows = conn.execute(query).all()
        nodes = [{"id": r[0], "name": r[1], "kind": r[2], "country": r[3], "event_count": r[4]}
                 for r in conn.execute(nodes_q)]
    return graph(rows, nodes, min_count)  # the same assembly: the rows are what differ


def story_page(store: Store, page: Page, *, event_type: str | None = None,
               actor: str | None = None, q: str | None = None, min_reports: int = 1,
               sort: str = "reports") -> tuple[list[str], int]:
    st = s.stories
    reports = (select(E.c.story_id.label("sid"), func.count(distinct(E.c.article_id)).label("n"))
               .where(E.c.story_id.is_not(None), E.c.main.is_(True)).group_by(E.c.story_id)
               .subquery())
    conds: list[ColumnElement[bool]] = [or_(st.c.status.is_(None), st.c.status != MERGED),
                                        reports.c.n >= min_reports]
    if event_type:
        conds.append(st.c.event_type == event_type.upper())
    if actor:
        conds.append(_story_has_participant(P.c.actor_id == actor))
    if words := (q or "").lower().split():
        conds.append(st.c.id.in_(_stories_with_words(words)))
    base = select(st.c.id).join(reports, reports.c.sid == st.c.id).where(*conds)
    order = ([st.c.date_lo.is_(None), st.c.date_lo.desc(), st.c.seq.desc()] if sort == "date"
             else [reports.c.n.desc(), st.c.seq])
    with store.engine.connect() as conn:
        total = conn.execute(select(func.count()).select_from(base.subquery())).scalar() or 0
        ids = [r[0] for r in conn.execute(base.order_by(*order).limit(page.limit).offset(page.offset))]
    return ids, total


def list_events(store: Store, page: Page, **filters: Any) -> dict[str, Any]:
    conds = event_filters(**filters)
    A = s.articles
    query = (select(E.c.data, E.c.story_id, A.c.id.label("a_id"), A.c.title, A.c.outlet, A.c.published)
             .join(A, A.c.id == E.c.article_id).where(*conds)
             .order_by(E.c.date.is_(None), E.c.date, A.c.seq, E.c.id)
             .limit(page.limit).offset(page.offset))
    with store.engine.connect() as conn:
        total = conn.execute(select(func.count()).select_from(E).where(*conds)).scalar() or 0
        rows = conn.execute(query).mappings().all()
    return {"items": [_event_row(r) for r in rows], "total": total}


def list_articles(store: Store, page: Page, **filters: str | None) -> dict[str, Any]:
    A = s.articles
    conds = article_filters(store, **filters)
    n_events = select(func.count()).select_from(E).where(E.c.article_id == A.c.id).scalar_subquery()
    query = (select(A.c.id, A.c.title, A.c.outlet, A.c.published, A.c.genre, A.c.language,
                    A.c.authors, A.c.framing, A.c.source, n_events.label("event_count"))
             .where(*conds).order_by(A.c.published.is_(None), A.c.published.desc(), A.c.seq)
             .limit(page.limit).offset(page.offset))
    with store.engine.connect() as conn:
        total = conn.execute(select(func.count()).select_from(A).where(*conds)).scalar() or 0
        rows = conn.execute(query).mappings().all()
    return {"items": [_article_summary(r) for r in rows], "total": total}
