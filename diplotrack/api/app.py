"""The FastAPI application: the REST API under /api/ and the web UI at /."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles

from diplotrack.api import (
    routes_articles,
    routes_events,
    routes_export,
    routes_graph,
    routes_stories,
)
from diplotrack.api.cache import CacheMiddleware
from diplotrack.api.docs import mount_docs
from diplotrack.api.errors import install_error_handlers
from diplotrack.api.guard import Guard, allowed_hosts
from diplotrack.framing.lexicon import load as load_lexicons
from diplotrack.store.db import Store
from diplotrack.store.version import DataVersion

WEB_DIR = Path(__file__).resolve().parent.parent / "web"
LOCAL = allowed_hosts("127.0.0.1")
QUERY_BUDGET_S = 5.0  # the longest one database statement of a request may run
CACHE_ENV = "DIPLOTRACK_API_CACHE"  # "0": no response cache (to measure the queries alone)


def create_app(db: str | None = None, *, hosts: frozenset[str] | None = LOCAL,
               query_budget_s: float = QUERY_BUDGET_S, cache: bool | None = None) -> FastAPI:
    """The app over the database `db` (a path or URL; None: $DIPLOTRACK_DB or ./diplotrack.db),
    answering requests whose Host header is in `hosts` (None: any; see guard.allowed_hosts),
    with a response cache (cache.py) unless `cache` is False (None: unless $DIPLOTRACK_API_CACHE
    is 0)."""
    store = Store.open(db, query_budget_s=query_budget_s)
    version = DataVersion(store.engine)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        load_lexicons()  # load the framing lexicons now, not on the first click
        yield
        version.close()
        store.close()

    app = FastAPI(title="diplotrack", summary="Diplomatic events linked to the news that reports them",
                  docs_url=None, redoc_url=None, openapi_url="/api/openapi.json", lifespan=lifespan)
    app.state.store = store
    install_error_handlers(app)
    for module in (routes_articles, routes_events, routes_stories, routes_graph, routes_export):
        app.include_router(module.router, prefix="/api")
    mount_docs(app)  # before the web UI's /static mount, which would shadow its assets
    _mount_web(app)
    if cache if cache is not None else os.environ.get(CACHE_ENV, "1") != "0":
        app.add_middleware(CacheMiddleware, version=version)
    app.add_middleware(Guard, hosts=hosts)  # outermost: before the cache, on all it answers
    return app


def _mount_web(app: FastAPI) -> None:
    index = WEB_DIR / "index.html"

    @app.get("/", include_in_schema=False)
    def home() -> FileResponse:
        return FileResponse(index, media_type="text/html; charset=utf-8")

    app.mount("/static", StaticFiles(directory=WEB_DIR), name="static")
