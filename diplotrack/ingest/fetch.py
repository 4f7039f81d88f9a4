"""Fetch a URL with httpx: timeouts, bounded redirects, a streamed size cap."""

from __future__ import annotations

import ipaddress
import socket
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import httpx

from diplotrack import __version__
from diplotrack.errors import FetchError, InputTooLarge

TIMEOUT_S = 15.0
MAX_REDIRECTS = 5
USER_AGENT = f"diplotrack/{__version__} (news research)"


@dataclass
class Fetched:
    url: str  # what was asked for
    final_url: str  # after redirects
    content_type: str  # lower-case media type, no parameters
    charset: str | None
    body: bytes
    status: int = 200  # 304 (Not Modified, empty body) only when asked conditionally
    headers: dict[str, str] = field(default_factory=dict)  # the response's, lower-case names


Fetcher = Callable[[str, int], Fetched]


def is_url(text: str) -> bool:
    return text.lower().startswith(("http://", "https://"))


_LOCAL_NAMES = ("localhost", ".localhost", ".local", ".internal", ".lan", ".home.arpa")


def private_address(url: str) -> str | None:
    """The loopback, private or link-local address `url`'s host is or resolves to, or None."""
    host = (urlsplit(url).hostname or "").lower().rstrip(".")
    if not host:
        return None
    if host == "localhost" or host.endswith(_LOCAL_NAMES):
        return host
    try:
        addresses = {ipaddress.ip_address(host)}
    except ValueError:
        try:
            addresses = {ipaddress.ip_address(str(info[4][0]).split("%")[0])
                         for info in socket.getaddrinfo(host, None)}
        except (OSError, UnicodeError, ValueError):
            return None  # unresolvable: the fetch itself will say so
    for address in addresses:
        if not address.is_global or address.is_multicast:
            return str(address)
    return None


def fetch_url(
    url: str,
    max_bytes: int,
    *,
    timeout: float = TIMEOUT_S,
    max_redirects: int = MAX_REDIRECTS,
    extra_headers: Mapping[str, str] | None = None,
) -> Fetched:
    """GET `url`; raise FetchError (timeout, redirect loop, HTTP error) or InputTooLarge.
    `timeout` bounds each network wait and the whole response. `extra_headers` (e.g.
    If-None-Match) are sent too; a 304 answer is a Fetched with status 304 and no body."""
    deadline = time.monotonic() + timeout
    try:
        with (
            httpx.Client(
                follow_redirects=True,
                max_redirects=max_redirects,
                timeout=httpx.Timeout(timeout),
                headers={"User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml,"
                         "application/rss+xml,application/atom+xml,application/xml,text/*;q=0.9",
                         **(extra_headers or {})},
            ) as client,
            client.stream("GET", url) as resp,
        ):
            if resp.status_code >= 400:
                phrase = resp.reason_phrase or ""
                raise FetchError(url, f"HTTP {resp.status_code} {phrase}".strip())
            declared = resp.headers.get("content-length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                raise InputTooLarge(url, f"{declared} bytes is above the limit of {max_bytes} bytes")
            headers = {k.lower(): v for k, v in resp.headers.items()}
            if resp.status_code == 304:
                return Fetched(url, str(resp.url), "", None, b"", 304, headers)
            body = _read_capped(resp, url, max_bytes, deadline, timeout)
            media, charset = _content_type(resp.headers.get("content-type", ""))
            return Fetched(url, str(resp.url), media, charset, body, resp.status_code, headers)
    except httpx.TooManyRedirects:
        raise FetchError(url, f"more than {max_redirects} redirects (redirect loop?)") from None
    except httpx.TimeoutException:
        raise FetchError(url, f"timed out after {timeout:g} s") from None
    except httpx.InvalidURL as exc:
        raise FetchError(url, f"invalid URL ({exc})") from None
    except httpx.HTTPError as exc:
        raise FetchError(url, f"request failed ({type(exc).__name__}: {exc})") from None


def _read_capped(resp: httpx.Response, url: str, max_bytes: int, deadline: float,
                 timeout: float) -> bytes:
    """The body, within `max_bytes` and by `deadline` (a server that drips a byte every few
    seconds never trips httpx's per-read timeout)."""
    chunks: list[bytes] = []
    total = 0
    for chunk in resp.iter_bytes():
        if time.monotonic() > deadline:
            raise FetchError(url, f"not received in full within {timeout:g} s (server too slow)")
        total += len(chunk)
        if total > max_bytes:
            raise InputTooLarge(url, f"response is above the limit of {max_bytes} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


def _content_type(header: str) -> tuple[str, str | None]:
    parts = [p.strip() for p in header.split(";")]
    media = parts[0].lower()
    charset = None
    for p in parts[1:]:
        if p.lower().startswith("charset="):
            charset = p.split("=", 1)[1].strip("\"' ").lower() or None
    return media, charset
