"""/api/actors, /api/network, /api/timeline, /api/map, /api/stats: aggregates."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query

from diplotrack.api.deps import (
    CountQuery,
    DateQuery,
    EventTypeQuery,
    IdQuery,
    PageDep,
    SearchQuery,
    StoreDep,
    TextQuery,
    paged,
)
from diplotrack.store import actor_queries, queries

router = APIRouter(tags=["aggregates"])


@router.get("/actors")
def list_actors(store: StoreDep, page: PageDep, q: SearchQuery = None,
                kind: TextQuery = None) -> dict[str, Any]:
    """Canonical participants with the number of events they take part in."""
    return paged(actor_queries.list_actors(store, page, q=q, kind=kind), page)


@router.get("/network")
def network(store: StoreDep, event_type: EventTypeQuery = None, date_from: DateQuery = None,
            date_to: DateQuery = None,
            max_nodes: Annotated[int, Query(ge=1, le=500)] = 60,
            min_count: CountQuery = 1) -> dict[str, Any]:
    """Nodes = actors; edges = actor→recipient pairs (and co-actors of recipient-less
    events, `directed: false`) with event counts by type."""
    return actor_queries.network(store, event_type=event_type, date_from=date_from,
                                 date_to=date_to, max_nodes=max_nodes, min_count=min_count)


@router.get("/timeline")
def timeline(store: StoreDep, bucket: Literal["year", "month", "day"] = "month",
             actor: IdQuery = None, event_type: EventTypeQuery = None,
             date_from: DateQuery = None, date_to: DateQuery = None,
             story_id: IdQuery = None) -> dict[str, Any]:
    """Event counts per date bucket, split by event type."""
    return queries.timeline(store, bucket, actor=actor, event_type=event_type,
                            date_from=date_from, date_to=date_to, story_id=story_id)


@router.get("/map")
def event_map(store: StoreDep, actor: IdQuery = None, event_type: EventTypeQuery = None,
              date_from: DateQuery = None, date_to: DateQuery = None) -> dict[str, Any]:
    """Event places with coordinates, merged by place, with counts by type."""
    return queries.locations(store, actor=actor, event_type=event_type,
                             date_from=date_from, date_to=date_to)


@router.get("/stats")
def stats(store: StoreDep) -> dict[str, Any]:
    """Counts of what the database holds."""
    return queries.stats(store)
