"""Stories for the API: where they come from, and the side-by-side view of one.

Stories come from `diplotrack.stories.iter_stories(store)` when that module
provides it; otherwise they are rebuilt from the events' `story_id`s. The
side-by-side view puts each article of a story in a column: its metadata, its
framing, how it names the participants, the evidence and the claims it makes;
`diplotrack.framing.compare` adds its own comparison when it exists.
"""

from __future__ import annotations

import json
import logging
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from diplotrack.store import queries
from diplotrack.store.db import Store

log = logging.getLogger("diplotrack.api")


def optional(module: str, name: str) -> Callable[..., Any] | None:
    """A function from a module that may not exist yet (being written in parallel)."""
    try:
        mod = __import__(module, fromlist=[name])
    except ImportError:
        return None
    fn = getattr(mod, name, None)
    return fn if callable(fn) else None


def has_story_module() -> bool:
    """True when diplotrack.stories provides stories (kept in the stories table)."""
    return optional("diplotrack.stories", "get_story") is not None


def iter_stories(store: Store) -> Iterator[dict[str, Any]]:
    fn = optional("diplotrack.stories", "iter_stories")
    if fn is not None:
        yield from fn(store)
    else:
        yield from stories_from_events(queries.story_events(store))


def find_story(store: Store, story_id: str) -> dict[str, Any] | None:
    """One story; through diplotrack.stories.get_story when it exists (it also
    resolves the id of a story that was merged into another)."""
    fn = optional("diplotrack.stories", "get_story")
    if fn is not None:
        story: dict[str, Any] | None = fn(store, story_id)
        return story
    if optional("diplotrack.stories", "iter_stories") is None:
        return next(stories_from_events(queries.story_events(store, story_id)), None)
    return next((st for st in iter_stories(store) if st.get("id") == story_id), None)


# ---- fallback: stories from the events' story ids -----------------------------------


def stories_from_events(events: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for ev in events:
        groups[ev["story_id"]].append(ev)
    for story_id, evs in groups.items():
        yield _story_record(story_id, evs)


def _story_record(story_id: str, evs: list[dict[str, Any]]) -> dict[str, Any]:
    def most_common(key: str) -> Any:
        values = [json.dumps(e.get(key), sort_keys=True) for e in evs if e.get(key)]
        return json.loads(Counter(values).most_common(1)[0][0]) if values else None

    articles = sorted({(e["article"].get("published") or "", e["article_id"]) for e in evs})
    article_ids = list(dict.fromkeys(a for _, a in articles))
    return {
        "id": story_id, "event_type": most_common("event_type"), "mode": most_common("mode"),
        "context": sorted({c for e in evs for c in e.get("context") or []}),
        "actor": _participants(e.get("actor") for e in evs),
        "recipient": _participants(e.get("recipient") for e in evs),
        "date": most_common("date"), "location": most_common("location"),
        "article_ids": article_ids,
        "first_reported": next((p for p, _ in articles if p), None),
        "claims": {"agree": [], "disagree": []}, "status": most_common("status"),
        "report_count": len(article_ids),
    }


def _participants(groups: Iterable[list[dict[str, Any]] | None]) -> list[dict[str, Any]]:
    seen: dict[str, dict[str, Any]] = {}
    for group in groups:
        for p in group or []:
            seen.setdefault(p["id"], p)
    return list(seen.values())


# ---- listing --------------------------------------------------------------------


def story_matches(story: dict[str, Any], event_type: str | None, actor: str | None,
                  q: str | None) -> bool:
    if event_type and (story.get("event_type") or "").upper() != event_type.upper():
        return False
    people = [*(story.get("actor") or []), *(story.get("recipient") or [])]
    if actor and actor not in {p.get("id") for p in people}:
        return False
    if q:
        hay = " ".join([story.get("event_type") or "", story.get("mode") or "",
                        *(p.get("name") or "" for p in people)]).lower()
        return all(word in hay for word in q.lower().split())
    return True


def story_sort_key(sort: str) -> Callable[[dict[str, Any]], Any]:
    if sort == "date":
        return lambda st: (st.get("date") or "", st.get("id") or "")
    return lambda st: (-(st.get("report_count") or len(st.get("article_ids") or [])),
                       st.get("id") or "")
