"""The FastAPI application: the REST API under /api/ and the web UI at /."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request, Response
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles

from diplotrack.api import routes_articles, routes_events, routes_graph, routes_stories
from diplotrack.api.errors import install_error_handlers
from diplotrack.framing.lexicon import load as load_lexicons
from diplotrack.store.db import Store

WEB_DIR = Path(__file__).resolve().parent.parent / "web"
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'self'; "
        "frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}


def create_app(db: str | None = None) -> FastAPI:
    """The app over the database `db` (a path or URL; None: $DIPLOTRACK_DB or ./diplotrack.db)."""
    store = Store.open(db)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        load_lexicons()  # load the framing lexicons now, not on the first click
        yield
        store.close()

    app = FastAPI(title="diplotrack", summary="Diplomatic events linked to the news that reports them",
                  docs_url=None, redoc_url=None, openapi_url="/api/openapi.json", lifespan=lifespan)
    app.state.store = store
    install_error_handlers(app)
    for module in (routes_articles, routes_events, routes_stories, routes_graph):
        app.include_router(module.router, prefix="/api")
    _mount_web(app)
    app.middleware("http")(_security_headers)
    return app


def _mount_web(app: FastAPI) -> None:
    index = WEB_DIR / "index.html"

    @app.get("/", include_in_schema=False)
    def home() -> FileResponse:
        return FileResponse(index, media_type="text/html; charset=utf-8")

    app.mount("/static", StaticFiles(directory=WEB_DIR), name="static")


async def _security_headers(request: Request,
                            call_next: Callable[[Request], Awaitable[Response]]) -> Response:
    response = await call_next(request)
    for name, value in SECURITY_HEADERS.items():
        response.headers.setdefault(name, value)
    if request.url.path.startswith("/api/"):
        response.headers.setdefault("Cache-Control", "no-store")
    return response
