"""Aggregates kept on write, so that the API's lists read them instead of grouping every row.

    stories.n_reports   the articles that report the story: whose main event is in it
                        (its record's `report_count`; the story list's `min_reports` and order)
    actor_stats         per actor and event category: events, as actor, as recipient,
                        and max() of name, kind and country (/api/actors, network nodes)
    actor_edges         per actor pair, role and event category: events (network edges)

Each is the answer of the grouping query the API ran before, restricted to the rows
a write adds and added to what is stored: events are never deleted or re-parented
except by a story merge, which recounts both stories. Names are compared in SQL, so
max() and the order of a pair follow the database's own collation, as before.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Select,
    and_,
    bindparam,
    case,
    distinct,
    exists,
    func,
    or_,
    select,
    true,
)
from sqlalchemy.dialects import postgresql, sqlite

from diplotrack.store import schema as s

E, P, ST = s.events, s.participants, s.stories
AS, AE = s.actor_stats, s.actor_edges


def when(cond: ColumnElement[bool], value: Any) -> Any:
    return case((cond, value), else_=None)


def actor_rows(*conds: ColumnElement[bool]) -> Select[Any]:
    """Per (actor, event category) over the participants of the events matching `conds`."""
    return (
        select(P.c.actor_id, E.c.event_type, func.max(P.c.name), func.max(P.c.kind),
               func.max(P.c.country), func.count(distinct(P.c.event_id)),
               func.count(distinct(when(P.c.role == "actor", P.c.event_id))),
               func.count(distinct(when(P.c.role == "recipient", P.c.event_id))))
        .join(E, E.c.id == P.c.event_id).where(true(), *conds)
        .group_by(P.c.actor_id, E.c.event_type)
    )


def edge_rows(*conds: ColumnElement[bool]) -> Select[Any]:
    """Directed actor→recipient pairs, and co-actors (the lesser id first) of events that
    have no recipient, per event category and role of the second, with their events."""
    p1, p2 = P.alias("p1"), P.alias("p2")
    has_recipient = exists().where(P.c.event_id == E.c.id, P.c.role == "recipient")
    pair = and_(p2.c.event_id == p1.c.event_id, p1.c.actor_id != p2.c.actor_id)
    directed = and_(p1.c.role == "actor", p2.c.role == "recipient")
    mutual = and_(p1.c.role == "actor", p2.c.role == "actor", p1.c.actor_id < p2.c.actor_id,
                  ~has_recipient)
    return (
        select(p1.c.actor_id, p2.c.actor_id, E.c.event_type, p2.c.role,
               func.count(distinct(E.c.id)))
        .select_from(p1.join(p2, pair).join(E, E.c.id == p1.c.event_id))
        .where(or_(directed, mutual), *conds)
        .group_by(p1.c.actor_id, p2.c.actor_id, E.c.event_type, p2.c.role)
    )


_STAT_COLS = ["actor_id", "event_type", "name", "kind", "country", "n_events", "as_actor",
              "as_recipient"]
_EDGE_COLS = ["source", "target", "event_type", "role", "n_events"]
_NEW_EVENTS = E.c.id.in_(bindparam("event_ids", expanding=True))


def _upsert(dialect: str, table: Any, cols: list[str], rows: Select[Any], keys: list[str],
            combine: dict[str, Any]) -> Any:
    insert = postgresql.insert(table) if dialect == "postgresql" else sqlite.insert(table)
    stmt = insert.from_select(cols, rows)
    stmt = stmt.on_conflict_do_update(index_elements=keys,
                                      set_={c: f(table.c[c], stmt.excluded[c])
                                            for c, f in combine.items()})
    return stmt


def _greatest(old: Any, new: Any) -> Any:
    """max() of two values as the database orders them, NULL the least."""
    return case((or_(old.is_(None), new > old), new), else_=old)


def _plus(old: Any, new: Any) -> Any:
    return old + new


@functools.cache  # built once per dialect: a construct per write cost 3 ms of Python
def _stats_upsert(dialect: str) -> Any:
    combine = {"name": _greatest, "kind": _greatest, "country": _greatest,
               "n_events": _plus, "as_actor": _plus, "as_recipient": _plus}
    return _upsert(dialect, AS, _STAT_COLS, actor_rows(_NEW_EVENTS), ["actor_id", "event_type"],
                   combine)


@functools.cache
def _edges_upsert(dialect: str) -> Any:
    return _upsert(dialect, AE, _EDGE_COLS, edge_rows(_NEW_EVENTS),
                   ["source", "target", "event_type", "role"], {"n_events": _plus})


def add_events(conn: Connection, event_ids: list[str]) -> None:
    """Count events just inserted (with their participants) into actor_stats and actor_edges."""
    if event_ids:
        conn.execute(_stats_upsert(conn.dialect.name), {"event_ids": event_ids})
        conn.execute(_edges_upsert(conn.dialect.name), {"event_ids": event_ids})


_RECOUNT = (ST.update().where(ST.c.id.in_(bindparam("story_ids", expanding=True)))
            .values(n_reports=select(func.count(distinct(E.c.article_id)))
                    .where(E.c.story_id == ST.c.id, E.c.main.is_(True)).scalar_subquery()))


def recount_stories(conn: Connection, story_ids: Iterable[str | None]) -> None:
    """Set n_reports of these stories from their main events (one index range each)."""
    ids = sorted({sid for sid in story_ids if sid})
    if ids:
        conn.execute(_RECOUNT, {"story_ids": ids})


def rebuild(conn: Connection) -> None:
    """Every aggregate from the rows stored (a migration's back-fill; idempotent)."""
    conn.execute(ST.update().values(n_reports=select(func.count(distinct(E.c.article_id)))
                                    .where(E.c.story_id == ST.c.id, E.c.main.is_(True))
                                    .scalar_subquery()))
    conn.execute(AS.delete())
    conn.execute(AS.insert().from_select(_STAT_COLS, actor_rows()))
    conn.execute(AE.delete())
    conn.execute(AE.insert().from_select(_EDGE_COLS, edge_rows()))
