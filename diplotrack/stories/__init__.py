"""Stories: the reports of one real-world event, across articles.

    attach(conn, events, article)   inside the article's transaction, before its
                                    events are stored: sets each event's story_id
    iter_stories(store)             story records (CONTRACT.md), with claims,
                                    status and the ids of the reporting articles
    get_story(store, story_id)      one story record, or None
    get_stories(store, story_ids)   several, in the order asked
"""

from __future__ import annotations

from diplotrack.stories.export import get_stories, get_story, iter_stories
from diplotrack.stories.matching import attach

__all__ = ["attach", "get_stories", "get_story", "iter_stories"]
