"""What every request passes through before and after its route.

    host        the Host header names this server (no DNS rebinding of a local API)
    bounds      the query string is at most MAX_QUERY_STRING bytes, no NUL anywhere
    errors      an exception of any kind is the one JSON error shape, 500, with the
                connection kept open; a query over its time budget is 503
    headers     the security headers (CSP...) on every response, errors included
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from urllib.parse import unquote_to_bytes

from fastapi import Request, Response
from sqlalchemy.exc import OperationalError

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
Handler = Callable[[Request], Awaitable[Response]]


def allowed_hosts(bind_host: str, extra: tuple[str, ...] = ()) -> frozenset[str] | None:
    """The Host names a server bound to `bind_host` answers; None: any ("*" in `extra`)."""
    if "*" in extra:
        return None
    hosts = {*LOCAL_HOSTS, *(h.lower() for h in extra)}
    if bind_host not in ("0.0.0.0", "::", ""):
        hosts.add(bind_host.lower())
    return frozenset(hosts)


def guard(hosts: frozenset[str] | None) -> Callable[[Request, Handler], Awaitable[Response]]:
    """The middleware, answering only requests whose Host is in `hosts` (None: any)."""

    async def middleware(request: Request, call_next: Handler) -> Response:
        response = _refusal(request, hosts)
        if response is None:
            try:
                response = await call_next(request)
            except OperationalError as exc:
                response = _database_error(request, exc)
            except Exception as exc:  # noqa: BLE001  one JSON shape, the connection kept
                log.exception("unhandled error on %s %s", request.method, request.url.path,
                              exc_info=exc)
                response = error_response(500, "internal server error", "internal")
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        if request.url.path.startswith("/api/"):
            response.headers.setdefault("Cache-Control", "no-store")
        return response

    return middleware


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
