"""Shared request dependencies and the bounds of every parameter.

Every value a request can send is bounded by type and size here, so that no
request can make the database work without limit: a value out of bounds is a
400 in the one JSON error shape, never a 500 or a silent cap.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Path, Query, Request
from pydantic import AfterValidator

from diplotrack.events import ontology
from diplotrack.store.db import Store
from diplotrack.store.queries import Page

DEFAULT_LIMIT = 50
MAX_LIMIT = 500
MAX_OFFSET = 1_000_000
MAX_COUNT = 1_000_000  # min_reports, min_count...
MAX_TEXT = 200  # characters of a search query or a name
MAX_ID = 128  # characters of an id (article, event, story, actor)
MAX_WORDS = 12  # words of a search query
# an ISO 8601 date at any precision, optionally with a time part
ISO_DATE = r"^\d{4}(-\d{2}(-\d{2}([T ][0-9:.+\-Z]{0,20})?)?)?$"


def _few_words(value: str | None) -> str | None:
    if value is not None and len(value.split()) > MAX_WORDS:
        raise ValueError(f"at most {MAX_WORDS} words")
    return value


def _event_type(value: str | None) -> str | None:
    if not value:
        return None
    known = [*ontology.categories(), ontology.OTHER]
    if value.upper() not in known:
        raise ValueError(f"{value[:40]!r} is not a PLOVER category ({', '.join(known)})")
    return value.upper()


def get_store(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


def get_page(limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = DEFAULT_LIMIT,
             offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0) -> Page:
    return Page(limit=limit, offset=offset)


StoreDep = Annotated[Store, Depends(get_store)]
PageDep = Annotated[Page, Depends(get_page)]
DateQuery = Annotated[str | None, Query(pattern=ISO_DATE, max_length=32)]
SearchQuery = Annotated[str | None, Query(max_length=MAX_TEXT, description=(
    f"words to look for (at most {MAX_WORDS} words, {MAX_TEXT} characters)")),
    AfterValidator(_few_words)]
TextQuery = Annotated[str | None, Query(max_length=MAX_TEXT)]
IdQuery = Annotated[str | None, Query(max_length=MAX_ID)]
CountQuery = Annotated[int, Query(ge=1, le=MAX_COUNT)]
# a story's reports: 0 lists stories only ever mentioned too
ReportsQuery = Annotated[int, Query(ge=0, le=MAX_COUNT)]
EventTypeQuery = Annotated[str | None, Query(max_length=32, description="a PLOVER category"),
                           AfterValidator(_event_type)]
IdPath = Annotated[str, Path(max_length=MAX_ID)]


def paged(result: dict, page: Page) -> dict:
    return {**result, "limit": page.limit, "offset": page.offset}
