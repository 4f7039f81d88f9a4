"""Shared request dependencies: the store and capped pagination."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Query, Request

from diplotrack.store.db import Store
from diplotrack.store.queries import Page

DEFAULT_LIMIT = 50
MAX_LIMIT = 500
# an ISO 8601 date at any precision, optionally with a time part
ISO_DATE = r"^\d{4}(-\d{2}(-\d{2}([T ][0-9:.+\-Z]*)?)?)?$"


def get_store(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


def get_page(limit: Annotated[int, Query(ge=1, description=f"capped at {MAX_LIMIT}")] = DEFAULT_LIMIT,
             offset: Annotated[int, Query(ge=0)] = 0) -> Page:
    return Page(limit=min(limit, MAX_LIMIT), offset=offset)


StoreDep = Annotated[Store, Depends(get_store)]
PageDep = Annotated[Page, Depends(get_page)]
DateQuery = Annotated[str | None, Query(pattern=ISO_DATE)]


def paged(result: dict, page: Page) -> dict:
    return {**result, "limit": page.limit, "offset": page.offset}
