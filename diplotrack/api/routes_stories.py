"""/api/stories: real-world events merged across the articles that report them."""

from __future__ import annotations

from typing import Any, Literal

from fastapi import APIRouter

from diplotrack import stories
from diplotrack.api.deps import (
    EventTypeQuery,
    IdPath,
    IdQuery,
    PageDep,
    ReportsQuery,
    SearchQuery,
    StoreDep,
    paged,
)
from diplotrack.api.errors import NotFound
from diplotrack.api.story_compare import story_detail
from diplotrack.store import queries

router = APIRouter(tags=["stories"])


@router.get("/stories")
def list_stories(store: StoreDep, page: PageDep, event_type: EventTypeQuery = None,
                 actor: IdQuery = None, q: SearchQuery = None,
                 min_reports: ReportsQuery = 1,
                 sort: Literal["reports", "date"] = "reports") -> dict[str, Any]:
    """Stories, most reported first (or latest first with sort=date); `q` matches
    participant names and ids and the event category."""
    ids, total = queries.story_page(store, page, event_type=event_type, actor=actor, q=q,
                                    min_reports=min_reports, sort=sort)
    items = stories.get_stories(store, ids)
    return paged({"items": items, "total": total}, page)


@router.get("/stories/{story_id}")
def get_story(story_id: IdPath, store: StoreDep) -> dict[str, Any]:
    """The story record and a side-by-side column per article that reports it."""
    story = stories.get_story(store, story_id)
    if story is None:
        raise NotFound("story", story_id)
    return story_detail(store, story)
