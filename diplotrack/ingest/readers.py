"""Read every input kind into RawDocuments; a failed input is yielded as an InputError.

    iter_documents(["articles/", "feed.xml", "corpus.jsonl.gz", "https://..."])

Inputs are files, folders (recursive, sorted, hidden files skipped), `.jsonl`
corpora, RSS/Atom feeds, HTML pages, plain text, Markdown with YAML front
matter, `.gz` of any of these, and http(s) URLs. The kind is sniffed from the
content; the file name only breaks ties.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from diplotrack.errors import (
    InputError,
    InputTooLarge,
    MalformedInput,
    UnsupportedInput,
    describe,
)
from diplotrack.ingest.feeds import iter_feed
from diplotrack.ingest.fetch import Fetcher, fetch_url, is_url, private_address
from diplotrack.ingest.files import (
    GZIP_MAGIC,
    MAX_BYTES,
    gunzip_capped,
    inner_name,
    read_capped,
    walk,
)
from diplotrack.ingest.jsonl import iter_json, iter_jsonl
from diplotrack.ingest.markdown import front_matter_fields, split_front_matter
from diplotrack.ingest.sniff import SNIFF_BYTES, binary_kind, check_text, decode, sniff_kind
from diplotrack.models import RawDocument

__all__ = ["MAX_BYTES", "iter_documents"]
log = logging.getLogger(__name__)

MAX_HTML_BYTES = 10 * 1024 * 1024  # the parsed tree takes about ten times the page
_FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml",
               "application/xml", "text/xml", "application/feed+json")


def iter_documents(
    inputs: Iterable[str],
    *,
    max_bytes: int = MAX_BYTES,
    fetcher: Fetcher | None = None,
    private_links: bool = False,
) -> Iterator[RawDocument | InputError]:
    """A RawDocument per article, or an InputError per failed input; never raises.

    `fetcher(url, max_bytes) -> Fetched` replaces the httpx fetcher (tests, caching).
    A feed's links to loopback or private addresses are followed only with
    `private_links`, or when the feed itself was fetched from such an address.
    """
    reader = _Reader(max_bytes, fetcher or fetch_url, private_links)
    for item in inputs:
        yield from guarded(reader.read_input(str(item)), str(item))


def guarded(items: Iterator[RawDocument | InputError],
            source: str) -> Iterator[RawDocument | InputError]:
    """`items`, with any exception they raise as one named InputError for `source`:
    one crafted input never aborts the inputs after it."""
    try:
        yield from items
    except InputError as exc:
        yield exc
    except Exception as exc:  # noqa: BLE001  any reader bug or resource error, named
        log.debug("reading %s failed", source, exc_info=exc)
        yield MalformedInput(source, f"could not be read ({describe(exc)})")


class _Reader:
    def __init__(self, max_bytes: int, fetcher: Fetcher, private_links: bool = False) -> None:
        self.max_bytes = max_bytes
        self.fetcher = fetcher
        self.private_links = private_links

    def read_input(self, item: str) -> Iterator[RawDocument | InputError]:
        if is_url(item):
            yield from self.read_url(item)
            return
        path = Path(item)
        if path.is_dir():
            found = False
            for file in walk(path):
                found = True
                yield from guarded(self.read_file(file, in_folder=True), str(file))
            if not found:
                yield UnsupportedInput(item, "folder has no readable files")
        elif path.is_file():
            yield from self.read_file(path)
        elif path.exists():
            yield UnsupportedInput(item, "not a regular file (a FIFO, socket or device)")
        else:
            yield UnsupportedInput(item, "no such file, folder or URL")

    def read_file(self, path: Path, *, in_folder: bool = False) -> Iterator[RawDocument | InputError]:
        source = str(path)
        try:
            data = read_capped(path, self.max_bytes)
            yield from self.read_bytes(data, source, path.name, in_folder=in_folder)
        except InputError as exc:
            yield exc

    def read_url(self, url: str, fields: dict[str, Any] | None = None) -> Iterator[RawDocument | InputError]:
        try:
            page = self.fetcher(url, self.max_bytes)
            extra = {"url": page.final_url, **(fields or {})}
            hint = "feed" if page.content_type in _FEED_TYPES else None
            if page.content_type == "text/html" or page.content_type.endswith("+html"):
                hint = "html"
            name = Path(page.final_url.split("?", 1)[0].rstrip("/")).name
            yield from self.read_bytes(page.body, url, name, fields=extra, hint=hint,
                                       follow_feeds=fields is None, charset=page.charset)
        except InputError as exc:
            yield exc

    def read_bytes(
        self,
        data: bytes,
        source: str,
        name: str,
        *,
        fields: dict[str, Any] | None = None,
        hint: str | None = None,
        in_folder: bool = False,
        follow_feeds: bool = True,
        charset: str | None = None,
    ) -> Iterator[RawDocument | InputError]:
        if data.startswith(GZIP_MAGIC):
            data = gunzip_capped(data, source, self.max_bytes)
            name = inner_name(name)
        elif name.lower().endswith(".gz"):
            raise MalformedInput(source, "corrupt gzip data (no gzip header)")
        what = binary_kind(data[:SNIFF_BYTES])  # empty input: check_text below says so
        if what:
            raise UnsupportedInput(source, f"binary file ({what}), not text")
        text = check_text(decode(data, source, charset), source)
        suffix = Path(name).suffix.lower()
        kind = sniff_kind(text, suffix)
        if hint == "feed" and kind in ("text", "html") and text.lstrip().startswith("<?xml"):
            kind = "feed"
        yield from self._dispatch(kind, text, data, source, dict(fields or {}), in_folder,
                                  follow_feeds)

    def _dispatch(
        self, kind: str, text: str, data: bytes, source: str, fields: dict[str, Any],
        in_folder: bool, follow_feeds: bool,
    ) -> Iterator[RawDocument | InputError]:
        if kind == "feed":
            if not follow_feeds:
                raise UnsupportedInput(source, "linked page is a feed, not an article")
            local = self.private_links or (is_url(source) and private_address(source) is not None)
            yield from iter_feed(data, source, lambda url, f: self._page(url, f, local))
        elif kind == "jsonl":
            yield from iter_jsonl(text, source, in_folder=in_folder)
        elif kind == "json":
            yield from iter_json(text, source)
        elif kind == "markdown":
            front, body = split_front_matter(text)
            check_text(body, source)
            yield RawDocument(source, body, "markdown", {**front_matter_fields(front), **fields})
        elif kind == "html":
            if len(data) > MAX_HTML_BYTES:
                raise InputTooLarge(source, f"HTML page of {len(data)} bytes is above the limit "
                                    f"of {MAX_HTML_BYTES} bytes for one page")
            yield RawDocument(source, text, "html", fields)
        else:
            yield RawDocument(source, text, "text", fields)

    def _page(self, url: str, fields: dict[str, Any], local: bool) -> RawDocument | InputError:
        """A feed entry's linked page, with the entry's fields winning over the page's."""
        if not is_url(url):
            return UnsupportedInput(url, "feed link is not an http(s) URL")
        if not local and (address := private_address(url)):
            return UnsupportedInput(url, f"feed links to a private address ({address}); "
                                    "not followed without --private-links")
        for item in self.read_url(url, fields):
            return item
        return UnsupportedInput(url, "linked page has no article")

