"""A real HTTP server on 127.0.0.1 for the watch tests: a feed that changes between
polls and honours If-None-Match with 304, linked pages, a robots.txt that disallows
/private/, a webhook that records what is POSTed; every request is logged."""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from xml.sax.saxutils import escape

import pytest

ROBOTS = b"User-agent: *\nDisallow: /private/\n"

# short reports of distinct diplomatic events: each a story of its own
PAGES = {
    "a": ("Pakistan and Afghanistan hold border talks in Kabul",
          "Pakistan's Foreign Minister Ishaq Dar met Taliban officials in Kabul on Monday to "
          "discuss border trade and refugees, the Pakistani foreign ministry said. The two sides "
          "agreed to reopen the Torkham crossing."),
    "b": ("India and Japan sign defence agreement in Tokyo",
          "India and Japan signed a defence cooperation agreement in Tokyo on Tuesday, the Indian "
          "embassy said. The agreement covers joint exercises and the supply of military equipment."),
    "c": ("Qatar hosts talks between the United States and the Taliban",
          "Qatar hosted talks between United States envoys and Taliban representatives in Doha on "
          "Wednesday, the Qatari foreign ministry said. The talks focused on detained Americans."),
    "d": ("Iran condemns Israeli strike on Syria",
          "Iran's foreign ministry condemned an Israeli air strike near Damascus on Thursday, "
          "calling it a violation of Syrian sovereignty, state media reported."),
}


@dataclass
class Site:
    base: str = ""
    entries: list[str] = field(default_factory=list)  # PAGES keys in the feed, newest first
    copies: list[str] = field(default_factory=list)  # PAGES keys in /copies.xml (another outlet)
    extra_items: list[str] = field(default_factory=list)  # raw <item> XML appended
    requests: list[tuple[str, str, dict[str, str]]] = field(default_factory=list)
    hooks: list[dict] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def feed(self, copies: bool = False) -> bytes:
        folder, keys, title = ("copy", self.copies, "Other Wire") if copies else (
            "pages", self.entries, "Test Wire")
        items = "".join(
            f"<item><title>{escape(PAGES[k][0])}</title><link>{self.base}/{folder}/{k}.txt</link>"
            f"<guid>urn:{folder}:{k}</guid><description>Short teaser.</description>"
            f"<pubDate>{format_datetime(datetime(2025, 3, 3, tzinfo=UTC))}</pubDate></item>"
            for k in keys)
        return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>{title}</title>'
                f"<link>{self.base}/</link><description>test</description>{items}"
                f"{'' if copies else ''.join(self.extra_items)}</channel></rss>").encode()

    def paths(self, method: str = "GET") -> list[str]:
        with self.lock:
            return [p for m, p, _ in self.requests if m == method]


class _Handler(BaseHTTPRequestHandler):
    site: Site

    def log_message(self, *args: object) -> None:
        pass

    def _send(self, status: int, ctype: str, body: bytes, headers: dict[str, str] | None = None) -> None:
        try:
            self.send_response(status)
            if status != 304:
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
            for k, v in (headers or {}).items():
                self.send_header(k, v)
            self.end_headers()
            if status != 304:
                self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def do_GET(self) -> None:  # noqa: N802
        site = self.site
        with site.lock:
            site.requests.append(("GET", self.path, {k.lower(): v for k, v in self.headers.items()}))
        path = self.path.split("?", 1)[0]
        if path == "/robots.txt":
            return self._send(200, "text/plain", ROBOTS)
        if path in ("/feed.xml", "/private/feed.xml", "/copies.xml"):
            body = site.feed(copies=path == "/copies.xml")
            etag = '"' + hashlib.sha1(body).hexdigest() + '"'
            if self.headers.get("If-None-Match") == etag:
                return self._send(304, "", b"", {"ETag": etag})
            return self._send(200, "application/rss+xml", body, {"ETag": etag})
        if path == "/empty.xml":
            return self._send(200, "application/rss+xml", b'<?xml version="1.0"?><rss version="2.0">'
                              b"<channel><title>Empty</title></channel></rss>")
        if path == "/broken.xml":
            return self._send(200, "application/rss+xml", b"<rss><channel><item><title>cut")
        key = path.split("/")[-1].removesuffix(".txt")
        if key in PAGES and path.endswith(".txt"):
            title, text = PAGES[key]
            if path.startswith("/copy/"):  # the same agency text, carried by another outlet
                text += " Reporting by Other Wire."
            return self._send(200, "text/plain; charset=utf-8", f"{title}\n\n{text}\n".encode())
        return self._send(404, "text/plain", b"not found")

    def do_POST(self) -> None:  # noqa: N802
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length)
        with self.site.lock:
            self.site.requests.append(("POST", self.path, {}))
            self.site.hooks.append(json.loads(body))
        self._send(200 if self.path == "/hook" else 500, "text/plain", b"ok")


@pytest.fixture
def site() -> Iterator[Site]:
    state = Site()
    handler = type("Handler", (_Handler,), {"site": state})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    state.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def closed_port() -> str:
    """A loopback URL nothing listens on."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}"
