"""A cache of the API's JSON answers, never stale: each is kept with the database's data
version (store/version.py) when it was computed, and the whole cache is dropped when the
version read at the start of a request differs, whichever process or machine wrote.

    key       (path, query parameters sorted by name; repeated names keep their order)
    bounds    MAX_ENTRIES answers, MAX_BYTES in all, none over MAX_ENTRY_BYTES (least
              recently used first out)
    ETag      a hash of the body, on every cacheable answer; a request whose
              If-None-Match names it is answered 304 with no body

Only GET requests under /api/ answered 200 with a JSON body are kept; the guard
(guard.py) wraps this middleware, so its checks come first and its headers are on
every answer, a cached one or a 304 included.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl

UNCACHED = ("/api/export/",)  # downloads: streamed as they are read, never held whole
MAX_ENTRIES = 1024
MAX_BYTES = 32 * 1024 * 1024
MAX_ENTRY_BYTES = 4 * 1024 * 1024
REVALIDATE = (b"cache-control", b"no-cache")  # a client may keep it, asking each time
Key = tuple[str, tuple[tuple[str, str], ...]]
Scope = dict[str, Any]
Receive = Callable[[], Any]
Send = Callable[[dict[str, Any]], Any]


@dataclass(frozen=True)
class Entry:
    headers: list[tuple[bytes, bytes]]  # as the route answered, with the ETag
    body: bytes
    etag: bytes


class ResponseCache:
    """Answers of one data version, least recently used first out; thread-safe."""

    def __init__(self, max_entries: int = MAX_ENTRIES, max_bytes: int = MAX_BYTES,
                 max_entry_bytes: int = MAX_ENTRY_BYTES) -> None:
        self.max_entries, self.max_bytes, self.max_entry_bytes = (
            max_entries, max_bytes, max_entry_bytes)
        self._entries: OrderedDict[Key, Entry] = OrderedDict()
        self._bytes = 0
        self._version: Hashable = None
        self._lock = threading.Lock()

    def get(self, key: Key, version: Hashable) -> Entry | None:
        with self._lock:
            if version != self._version:  # the database changed: nothing kept holds
                self._entries.clear()
                self._bytes = 0
                self._version = version
                return None
            entry = self._entries.get(key)
            if entry is not None:
                self._entries.move_to_end(key)
            return entry

    def put(self, key: Key, version: Hashable, entry: Entry) -> None:
        size = len(entry.body)
        with self._lock:
            if version != self._version or size > self.max_entry_bytes:
                return  # computed over an older (or newer) version than the one kept
            old = self._entries.pop(key, None)
            self._bytes -= len(old.body) if old else 0
            self._entries[key] = entry
            self._bytes += size
            while len(self._entries) > self.max_entries or self._bytes > self.max_bytes:
                _, gone = self._entries.popitem(last=False)
                self._bytes -= len(gone.body)

    def __len__(self) -> int:
        return len(self._entries)


def cache_key(scope: Scope) -> Key | None:
    """(path, parameters sorted by name), or None for a query string that is not UTF-8."""
    try:
        raw = scope.get("query_string", b"").decode("utf-8")
        pairs = parse_qsl(raw, keep_blank_values=True, errors="strict")
    except (UnicodeDecodeError, ValueError):
        return None
    return scope["path"], tuple(sorted(pairs, key=lambda kv: kv[0]))


def etag_of(body: bytes) -> bytes:
    return b'"' + hashlib.blake2b(body, digest_size=16).hexdigest().encode() + b'"'


def matches(if_none_match: bytes | None, etag: bytes) -> bool:
    if not if_none_match:
        return False
    tags = {t.strip().removeprefix(b"W/") for t in if_none_match.split(b",")}
    return b"*" in tags or etag in tags


class CacheMiddleware:
    """ASGI middleware serving GET /api/* from a ResponseCache checked against `version`
    (a callable giving the current data version, or None when it cannot be read)."""

    def __init__(self, app: Any, version: Callable[[], Hashable],
                 cache: ResponseCache | None = None) -> None:
        self.app, self.version = app, version
        self.cache = cache or ResponseCache()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        key = (cache_key(scope) if scope["type"] == "http" and scope["method"] == "GET"
               and scope["path"].startswith("/api/")
               and not scope["path"].startswith(UNCACHED) else None)
        version = self.version() if key is not None else None
        if key is None or version is None:
            await self.app(scope, receive, send)
            return
        asked = dict(scope["headers"]).get(b"if-none-match")
        entry = self.cache.get(key, version)
        if entry is None:
            entry = await self._compute(scope, receive, send)
            if entry is None:
                return  # not cacheable: already sent as it was
            self.cache.put(key, version, entry)
        await _answer(send, entry, matches(asked, entry.etag))

    async def _compute(self, scope: Scope, receive: Receive, send: Send) -> Entry | None:
        """Run the route; a cacheable answer is returned (not sent), any other is sent."""
        start: dict[str, Any] = {}
        chunks: list[bytes] = []

        async def capture(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                start.update(message)
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))

        await self.app(scope, receive, capture)
        body = b"".join(chunks)
        headers = list(start.get("headers", []))
        if start.get("status") == 200 and _is_json(headers):
            etag = etag_of(body)
            return Entry(headers + [(b"etag", etag), REVALIDATE], body, etag)
        await send({**start, "headers": headers})
        await send({"type": "http.response.body", "body": body})
        return None


def _is_json(headers: list[tuple[bytes, bytes]]) -> bool:
    return any(k.lower() == b"content-type" and v.startswith(b"application/json")
               for k, v in headers)


async def _answer(send: Send, entry: Entry, not_modified: bool) -> None:
    if not_modified:
        await send({"type": "http.response.start", "status": 304,
                    "headers": [(b"etag", entry.etag), REVALIDATE]})
        await send({"type": "http.response.body", "body": b""})
        return
    await send({"type": "http.response.start", "status": 200, "headers": entry.headers})
    await send({"type": "http.response.body", "body": entry.body})
