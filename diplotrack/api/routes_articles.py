"""/api/articles: the stored articles, searchable, with their events."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from diplotrack.api.deps import (
    DateQuery,
    IdPath,
    PageDep,
    SearchQuery,
    StoreDep,
    TextQuery,
    paged,
)
from diplotrack.api.errors import NotFound
from diplotrack.store import queries

router = APIRouter(tags=["articles"])


@router.get("/articles")
def list_articles(store: StoreDep, page: PageDep, q: SearchQuery = None,
                  outlet: TextQuery = None, genre: TextQuery = None,
                  language: TextQuery = None, published_from: DateQuery = None,
                  published_to: DateQuery = None) -> dict[str, Any]:
    """Articles, newest first; `q` is a full-text search over titles and bodies."""
    result = queries.list_articles(
        store, page, q=q, outlet=outlet, genre=genre, language=language,
        published_from=published_from, published_to=published_to)
    for item in result["items"]:
        item["source"] = public_source(item.get("source"))
    return paged(result, page)


@router.get("/articles/facets")
def article_facets(store: StoreDep) -> dict[str, Any]:
    """The outlets, genres and languages present, with counts (for filter menus)."""
    return {col: queries.facet(store, col) for col in ("outlet", "genre", "language")}


@router.get("/articles/{article_id}")
def get_article(article_id: IdPath, store: StoreDep) -> dict[str, Any]:
    """The article record (CONTRACT.md) with its events."""
    article = store.get_article(article_id)
    if article is None:
        raise NotFound("article", article_id)
    article["events"] = queries.events_of_article(store, article_id)
    article["source"] = public_source(article.get("source"))
    return article


def public_source(source: str | None) -> str | None:
    """What the API shows of where an article was read: a web address whole, a local
    file by its name only ("realnews.jsonl#dv01"): the server's folders stay its own."""
    if not source or "://" in source.split("#", 1)[0]:
        return source
    path, sep, fragment = source.partition("#")
    return path.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1] + sep + fragment
