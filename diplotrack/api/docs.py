"""The API's own documentation page, offline: Swagger UI at /docs, from the static files
of the `fastapi-offline` package (no CDN: nothing leaves this machine), reading
/api/openapi.json. It runs no inline script (Swagger UI is started by web/apidocs.js);
its CSP allows the inline styles Swagger UI sets, on this page only. (ReDoc is left
out: it loads its logo from a CDN.)"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

ASSETS = "/static/apidocs"
DOCS_CSP = ("default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            "img-src 'self' data:; connect-src 'self'; font-src 'self'; "
            "base-uri 'none'; form-action 'none'; frame-ancestors 'none'")
SWAGGER = f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>diplotrack API</title>
<link rel="stylesheet" href="{ASSETS}/swagger-ui.css">
<link rel="icon" href="{ASSETS}/favicon.png"></head>
<body><div id="swagger-ui"></div>
<script src="{ASSETS}/swagger-ui-bundle.js"></script>
<script src="/static/apidocs.js"></script></body></html>
"""


def static_dir() -> Path | None:
    try:
        import fastapi_offline
    except ImportError:  # pragma: no cover - a dependency; without it, no docs pages
        return None
    return Path(fastapi_offline.__file__).parent / "static"


def mount_docs(app: FastAPI) -> None:
    folder = static_dir()
    if folder is None or not folder.is_dir():
        return
    app.mount(ASSETS, StaticFiles(directory=folder), name="apidocs")
    headers = {"Content-Security-Policy": DOCS_CSP}

    @app.get("/docs", include_in_schema=False)
    def swagger() -> HTMLResponse:
        return HTMLResponse(SWAGGER, headers=headers)
