"""Stories for the API: where they come from.

Story records come from `diplotrack.stories` (kept in the stories table, with
claims computed from the reports); the side-by-side view of one story is
`diplotrack.api.story_compare`.
"""

from __future__ import annotations

from typing import Any

from diplotrack.store.db import Store
from diplotrack.stories import get_story


def find_story(store: Store, story_id: str) -> dict[str, Any] | None:
    """One story record; the id of a story merged into another resolves to that one."""
    return get_story(store, story_id)
