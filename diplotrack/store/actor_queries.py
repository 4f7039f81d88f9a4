"""/api/actors and /api/network: read from the aggregates kept on write (aggregates.py)
where the filters allow, grouped from the participants otherwise, with the same answers."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, Connection, Select, distinct, func, or_, select

from diplotrack.store import aggregates
from diplotrack.store import schema as s
from diplotrack.store.db import Store
from diplotrack.store.queries import Page, event_filters

E, P, AS, AE = s.events, s.participants, s.actor_stats, s.actor_edges


def list_actors(store: Store, page: Page, q: str | None = None,
                kind: str | None = None) -> dict[str, Any]:
    """Canonical participants with their events, most first; `q` and `kind` match the
    participant rows (a name, an id, a kind as one report gave it)."""
    with store.engine.connect() as conn:
        if q or kind:
            return _actors_grouped(conn, page, q, kind)
        n = func.sum(AS.c.n_events)
        query = (select(AS.c.actor_id, func.max(AS.c.name), func.max(AS.c.kind),
                        func.max(AS.c.country), n, func.sum(AS.c.as_actor),
                        func.sum(AS.c.as_recipient))
                 .group_by(AS.c.actor_id).order_by(n.desc(), AS.c.actor_id)
                 .limit(page.limit).offset(page.offset))
        total = conn.execute(select(func.count(distinct(AS.c.actor_id)))).scalar() or 0
        return _actor_items(conn.execute(query).all(), total)


def _actors_grouped(conn: Connection, page: Page, q: str | None,
                    kind: str | None) -> dict[str, Any]:
    conds: list[ColumnElement[bool]] = []
    if q:
        word = q.lower()
        conds.append(or_(func.lower(P.c.name).contains(word, autoescape=True),
                         func.lower(P.c.actor_id).contains(word, autoescape=True)))
    if kind:
        conds.append(P.c.kind == kind)
    n = func.count(distinct(P.c.event_id))
    as_actor = func.count(distinct(aggregates.when(P.c.role == "actor", P.c.event_id)))
    as_recipient = func.count(distinct(aggregates.when(P.c.role == "recipient", P.c.event_id)))
    query = (
        select(P.c.actor_id, func.max(P.c.name), func.max(P.c.kind), func.max(P.c.country),
               n, as_actor, as_recipient)
        .where(*conds).group_by(P.c.actor_id)
        .order_by(n.desc(), P.c.actor_id).limit(page.limit).offset(page.offset)
    )
    total = conn.execute(select(func.count(distinct(P.c.actor_id))).where(*conds)).scalar() or 0
    return _actor_items(conn.execute(query).all(), total)


def _actor_items(rows: Any, total: int) -> dict[str, Any]:
    items = [{"id": r[0], "name": r[1], "kind": r[2], "country": r[3], "event_count": r[4],
              "as_actor": r[5], "as_recipient": r[6]} for r in rows]
    return {"items": items, "total": total}


def network(store: Store, *, event_type: str | None = None, date_from: str | None = None,
            date_to: str | None = None, max_nodes: int = 100,
            min_count: int = 1) -> dict[str, Any]:
    """Actors as nodes; directed actor→recipient edges, and undirected edges between
    co-actors of events that have no recipient (meetings), counted by event type."""
    with store.engine.connect() as conn:
        if date_from or date_to:
            conds = event_filters(event_type=event_type, date_from=date_from, date_to=date_to)
            rows = conn.execute(_ordered(aggregates.edge_rows(*conds))).all()
            nodes = _nodes_grouped(conn, conds, max_nodes)
        else:
            rows = conn.execute(_stored_edges(event_type)).all()
            nodes = _nodes_stored(conn, event_type, max_nodes)
    return graph(rows, nodes, min_count)


def graph(rows: Any, nodes: list[dict[str, Any]], min_count: int) -> dict[str, Any]:
    """Nodes and edges from (source, target, category, role, events) rows in that order:
    one edge per pair, with its count per category; only edges of at least `min_count`
    events between `nodes`, and with a link filter (min_count > 1) only linked nodes."""
    edges: dict[tuple[str, str], dict[str, Any]] = {}
    for src, dst, etype, role, count in rows:
        edge = edges.setdefault((src, dst), {"source": src, "target": dst, "count": 0,
                                             "by_type": {}, "directed": role == "recipient"})
        edge["count"] += count
        edge["by_type"][etype] = edge["by_type"].get(etype, 0) + count
    keep = {n["id"] for n in nodes}
    kept_edges = [e for e in edges.values()
                  if e["source"] in keep and e["target"] in keep and e["count"] >= min_count]
    kept_edges.sort(key=lambda e: (-e["count"], e["source"], e["target"]))
    if min_count > 1:  # a link filter keeps the actors its links join, not every actor
        linked = {e["source"] for e in kept_edges} | {e["target"] for e in kept_edges}
        nodes = [n for n in nodes if n["id"] in linked]
    return {"nodes": nodes, "edges": kept_edges}


def _ordered(query: Select[Any]) -> Select[Any]:
    """Rows by (source, target, category, role): the order decides `directed` and the
    order of `by_type` of a pair that has both kinds of edge."""
    return query.order_by(*list(query.selected_columns)[:4])


def _stored_edges(event_type: str | None) -> Select[Any]:
    query = select(AE.c.source, AE.c.target, AE.c.event_type, AE.c.role, AE.c.n_events)
    if event_type:
        query = query.where(AE.c.event_type == event_type)
    return _ordered(query)


def _nodes_stored(conn: Connection, event_type: str | None, limit: int) -> list[dict[str, Any]]:
    n = func.sum(AS.c.n_events)
    query = (select(AS.c.actor_id, func.max(AS.c.name), func.max(AS.c.kind),
                    func.max(AS.c.country), n)
             .group_by(AS.c.actor_id).order_by(n.desc(), AS.c.actor_id).limit(limit))
    if event_type:
        query = query.where(AS.c.event_type == event_type)
    return _node_items(conn.execute(query))


def _nodes_grouped(conn: Connection, conds: list[ColumnElement[bool]],
                   limit: int) -> list[dict[str, Any]]:
    """The `limit` actors with most events that match `conds`."""
    n = func.count(distinct(P.c.event_id))
    query = (select(P.c.actor_id, func.max(P.c.name), func.max(P.c.kind), func.max(P.c.country), n)
             .join(E, E.c.id == P.c.event_id).where(*conds)
             .group_by(P.c.actor_id).order_by(n.desc(), P.c.actor_id).limit(limit))
    return _node_items(conn.execute(query))


def _node_items(rows: Any) -> list[dict[str, Any]]:
    return [{"id": r[0], "name": r[1], "kind": r[2], "country": r[3], "event_count": r[4]}
            for r in rows]
