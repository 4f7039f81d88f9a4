"""The sources file: one feed or page per line, with an optional name and interval.

    # comments, blank lines
    https://example.org/feed.xml  name=Example  every=15m
    https://example.org/live.html name="Live page" every=2h
"""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass
from pathlib import Path

from diplotrack.errors import one_line
from diplotrack.ingest.fetch import is_url

DEFAULT_EVERY_S = 30 * 60
MIN_EVERY_S = 60  # politeness: no source more often than once a minute
MAX_LINE_CHARS = 2000
_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
_INTERVAL = re.compile(r"(\d+(?:\.\d+)?)\s*([smhd])", re.I)
_COMMENT = re.compile(r"(^|\s)#.*$")  # a '#' inside a URL (a fragment) is no comment


@dataclass(frozen=True)
class Source:
    url: str
    name: str | None = None
    every_s: float = DEFAULT_EVERY_S
    line: int = 0

    @property
    def label(self) -> str:
        return f"{self.name} ({self.url})" if self.name else self.url


@dataclass(frozen=True)
class SourceLineError:
    where: str  # file:line
    reason: str

    def __str__(self) -> str:
        return f"{one_line(self.where)}: {one_line(self.reason)}"


def parse_interval(text: str) -> float:
    """'90s', '15m', '2h', '1d' -> seconds; ValueError otherwise."""
    match = _INTERVAL.fullmatch(text.strip())
    if not match:
        raise ValueError(f"interval {text!r} is not a number with a unit (s, m, h or d), e.g. 15m")
    return float(match.group(1)) * _UNITS[match.group(2).lower()]


def parse_sources(text: str, origin: str = "sources",
                  default_every_s: float = DEFAULT_EVERY_S) -> tuple[list[Source], list[SourceLineError]]:
    """The sources of a file's text, and a one-line error per line that is not one."""
    sources: list[Source] = []
    errors: list[SourceLineError] = []
    urls: set[str] = set()
    for number, raw in enumerate(text.splitlines(), start=1):
        line = _COMMENT.sub("", raw).strip()
        if not line:
            continue
        try:
            source = parse_line(line, number, default_every_s)
        except ValueError as exc:
            errors.append(SourceLineError(f"{origin}:{number}", str(exc)))
            continue
        if source.url in urls:
            errors.append(SourceLineError(f"{origin}:{number}", f"{source.url}: listed twice"))
            continue
        urls.add(source.url)
        sources.append(source)
    return sources, errors


def parse_line(line: str, number: int = 0, default_every_s: float = DEFAULT_EVERY_S) -> Source:
    """One non-comment line -> Source; ValueError with the reason."""
    if len(line) > MAX_LINE_CHARS:
        raise ValueError(f"line of {len(line)} characters is over the limit of {MAX_LINE_CHARS}")
    try:
        url, *options = shlex.split(line)
    except ValueError as exc:
        raise ValueError(f"cannot split the line ({exc})") from None
    if not is_url(url):
        raise ValueError(f"{url!r} is not an http(s) URL")
    name: str | None = None
    every = default_every_s
    for option in options:
        key, sep, value = option.partition("=")
        if not sep or not value:
            raise ValueError(f"{url}: {option!r} is not name=... or every=...")
        if key == "name":
            name = value
        elif key == "every":
            every = parse_interval(value)
            if every < MIN_EVERY_S:
                raise ValueError(f"{url}: every={value} is more often than once a minute")
        else:
            raise ValueError(f"{url}: unknown option {key!r} (name=... or every=...)")
    return Source(url, name, every, number)


def read_sources(path: Path, default_every_s: float = DEFAULT_EVERY_S) -> tuple[list[Source], list[SourceLineError]]:
    """The sources file at `path` (OSError / UnicodeDecodeError when it cannot be read)."""
    return parse_sources(path.read_text(encoding="utf-8-sig"), str(path), default_every_s)
