"""/api/events: events as reported by one article each."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from diplotrack.api.deps import (
    MAX_ID,
    DateQuery,
    EventTypeQuery,
    IdPath,
    IdQuery,
    PageDep,
    StoreDep,
    paged,
)
from diplotrack.api.errors import NotFound
from diplotrack.store import queries

router = APIRouter(tags=["events"])
CONTEXT_CHARS = 240


@router.get("/events")
def list_events(store: StoreDep, page: PageDep,
                actor: Annotated[str | None, Query(max_length=MAX_ID,
                                                   description="canonical actor id")] = None,
                event_type: EventTypeQuery = None, date_from: DateQuery = None,
                date_to: DateQuery = None, story_id: IdQuery = None,
                article_id: IdQuery = None,
                min_confidence: Annotated[float | None, Query(
                    ge=0.0, le=1.0, description="only events at least this likely to be right")] = None,
                main: Annotated[bool | None, Query(
                    description="true: articles' main events only; false: mentions only")] = None,
                ) -> dict[str, Any]:
    """Events in date order (undated last); each with a summary of its article."""
    result = queries.list_events(
        store, page, actor=actor, event_type=event_type,
        date_from=date_from, date_to=date_to, story_id=story_id, article_id=article_id,
        min_confidence=min_confidence, main=main)
    return paged(result, page)


@router.get("/events/{event_id}")
def get_event(event_id: IdPath, store: StoreDep) -> dict[str, Any]:
    """The event record, and each evidence sentence with the article text around it."""
    event = queries.get_event(store, event_id)
    if event is None:
        raise NotFound("event", event_id)
    article = store.get_article(event["article_id"]) or {}
    event["evidence_context"] = [_context(article.get("text") or "", ev) for ev in event["evidence"]]
    return event


def _context(text: str, evidence: dict[str, Any]) -> dict[str, str]:
    start, end = int(evidence.get("start", 0)), int(evidence.get("end", 0))
    if not (0 <= start < end <= len(text)):
        return {"before": "", "sentence": evidence.get("sentence", ""), "after": ""}
    lo, hi = max(0, start - CONTEXT_CHARS), min(len(text), end + CONTEXT_CHARS)
    return {
        "before": ("…" if lo > 0 else "") + text[lo:start],
        "sentence": text[start:end],
        "after": text[end:hi] + ("…" if hi < len(text) else ""),
    }
