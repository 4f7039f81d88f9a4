"""What every request passes through before and after its route.

    host        the Host header names this server (no DNS rebinding of a local API)
    bounds      the query string is at most MAX_QUERY_STRING bytes, no NUL anywhere
    errors      an exception of any kind is the one JSON error shape, 500, with the
                connection kept open; a query over its time budget is 503
    headers     the security headers (CSP...) on every response, errors included
"""

from __future__ import annotations

import logging
from urllib.parse import unquote_to_bytes

from fastapi import Request, Response
from sqlalchemy.exc import OperationalError
from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from diplotrack.api.errors import error_response

log = logging.getLogger("diplotrack.api")

MAX_QUERY_STRING = 8192
LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")
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


def allowed_hosts(bind_host: str, extra: tuple[str, ...] = ()) -> frozenset[str] | None:
    """The Host names a server bound to `bind_host` answers; None: any ("*" in `extra`)."""
    if "*" in extra:
        return None
    hosts = {*LOCAL_HOSTS, *(h.lower() for h in extra)}
    if bind_host not in ("0.0.0.0", "::", ""):
        hosts.add(bind_host.lower())
    return frozenset(hosts)


class Guard:
    """The middleware (plain ASGI: no task and stream per request), answering only requests
    whose Host is in `hosts` (None: any)."""

    def __init__(self, app: ASGIApp, hosts: frozenset[str] | None) -> None:
        self.app, self.hosts = app, hosts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        started = False
        api = scope["path"].startswith("/api/")

        async def with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS.items():
                    headers.setdefault(name, value)
                if api:
                    headers.setdefault("Cache-Control", "no-store")
            await send(message)

        response = _refusal(request, self.hosts)
        if response is None:
            try:
                await self.app(scope, receive, with_headers)
                return
            except OperationalError as exc:
                if started:
                    raise
                response = _database_error(request, exc)
            except Exception as exc:  # noqa: BLE001  one JSON shape, the connection kept
                if started:
                    raise
                log.exception("unhandled error on %s %s", request.method, request.url.path,
                              exc_info=exc)
                response = error_response(500, "internal server error", "internal")
        await response(scope, receive, with_headers)


def _refusal(request: Request, hosts: frozenset[str] | None) -> Response | None:
    if hosts is not None:
        host = _host_name(request.headers.get("host", ""))
        if host not in hosts:
            return error_response(400, f"host {host[:80]!r} is not served here (start the "
                                  "server with --allow-host to add it)")
    raw = request.scope.get("query_string", b"")
    if len(raw) > MAX_QUERY_STRING:
        return error_response(400, f"query string of {len(raw)} bytes is over the limit of "
                              f"{MAX_QUERY_STRING}")
    if b"\x00" in unquote_to_bytes(raw) or "\x00" in request.scope.get("path", ""):
        return error_response(400, "NUL character in the request")
    return None


def _host_name(header: str) -> str:
    """`example.org:8000` -> `example.org`; `[::1]:8000` -> `::1`."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[1:].split("]", 1)[0]
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


def _database_error(request: Request, exc: OperationalError) -> Response:
    if timed_out(exc):
        return error_response(503, "the query took longer than this server's time budget; "
                              "narrow it (fewer words, a date range, a smaller page)", "timeout")
    log.exception("database error on %s %s", request.method, request.url.path, exc_info=exc)
    return error_response(500, "internal server error", "internal")


def timed_out(exc: OperationalError) -> bool:
    """A statement stopped by the time budget (SQLite's progress handler, PostgreSQL's
    statement_timeout)."""
    orig = exc.orig
    return (getattr(orig, "sqlstate", None) == "57014"
            or "interrupted" in str(orig).lower())
