"""Politeness: a minimum interval between two requests to one host, and robots.txt
(urllib.robotparser), read once per host and run through the same fetcher."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

from diplotrack.errors import InputError
from diplotrack.ingest.fetch import Fetcher, fetch_url

ROBOTS_AGENT = "diplotrack"
ROBOTS_MAX_BYTES = 512 * 1024
ROBOTS_TTL_S = 24 * 3600


def host_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}"


class HostGate:
    """`wait(url)` returns when a request to `url`'s host may go: at least `interval_s`
    after the previous one to that host (thread-safe; each caller gets its own slot)."""

    def __init__(self, interval_s: float, clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.interval_s = interval_s
        self.clock = clock
        self.sleep = sleep
        self._next: dict[str, float] = {}
        self._lock = threading.Lock()

    def wait(self, url: str) -> float:
        """Sleep until this request's slot; return how long it slept."""
        host = host_of(url)
        with self._lock:
            now = self.clock()
            slot = max(now, self._next.get(host, now))
            self._next[host] = slot + self.interval_s
        delay = slot - now
        if delay > 0:
            self.sleep(delay)
        return delay


class Robots:
    """robots.txt per host: fetched on first use (through `gate`), kept for a day.
    Unreadable or missing (404, network error): everything allowed; 401 or 403:
    nothing allowed, as urllib.robotparser reads them."""

    def __init__(self, gate: HostGate, fetcher: Fetcher = fetch_url,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.gate = gate
        self.fetcher = fetcher
        self.clock = clock
        self._parsers: dict[str, tuple[float, RobotFileParser]] = {}
        self._lock = threading.Lock()

    def allowed(self, url: str) -> bool:
        return self._parser(host_of(url)).can_fetch(ROBOTS_AGENT, url)

    def _parser(self, host: str) -> RobotFileParser:
        with self._lock:
            cached = self._parsers.get(host)
            if cached and self.clock() - cached[0] < ROBOTS_TTL_S:
                return cached[1]
            parser, answered = self._read(host)
            if answered:  # an unreachable host is asked again next time
                self._parsers[host] = (self.clock(), parser)
            return parser

    def _read(self, host: str) -> tuple[RobotFileParser, bool]:
        """The parser, and whether the host answered (with robots.txt or an HTTP error)."""
        parser = RobotFileParser(f"{host}/robots.txt")
        self.gate.wait(host)
        try:
            page = self.fetcher(f"{host}/robots.txt", ROBOTS_MAX_BYTES)
        except InputError as exc:
            forbidden = exc.reason.startswith(("HTTP 401", "HTTP 403"))
            parser.parse(["User-agent: *", "Disallow: /"] if forbidden else [])
            return parser, exc.reason.startswith("HTTP ")
        parser.parse(page.body.decode("utf-8", "replace").splitlines())
        return parser, True
