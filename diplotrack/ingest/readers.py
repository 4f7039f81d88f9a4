"""Read every input kind into RawDocuments; a failed input is yielded as an InputError.

    iter_documents(["articles/", "feed.xml", "corpus.jsonl.gz", "https://..."])

Inputs are files, folders (recursive, sorted, hidden files skipped), `.jsonl`
corpora, RSS/Atom feeds, HTML pages, plain text, Markdown with YAML front
matter, `.gz` of any of these, and http(s) URLs. The kind is sniffed from the
content; the file name only breaks ties.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from diplotrack.errors import InputError, MalformedInput, UnsupportedInput
from diplotrack.ingest.feeds import iter_feed
from diplotrack.ingest.fetch import Fetcher, fetch_url, is_url
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

_FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml",
               "application/xml", "text/xml", "application/feed+json")


def iter_documents(
    inputs: Iterable[str],
    *,
    max_bytes: int = MAX_BYTES,
    fetcher: Fetcher | None = None,
) -> Iterator[RawDocument | InputError]:
    """A RawDocument per article, or an InputError per failed input; never raises InputError.

    `fetcher(url, max_bytes) -> Fetched` replaces the httpx fetcher (tests, caching).
    """
    reader = _Reader(max_bytes, fetcher or fetch_url)
    for item in inputs:
        yield from reader.read_input(str(item))


class _Reader:
    def __init__(self, max_bytes: int, fetcher: Fetcher) -> None:
        self.max_bytes = max_bytes
        self.fetcher = fetcher

    def read_input(self, item: str) -> Iterator[RawDocument | InputError]:
        if is_url(item):
            yield from self.read_url(item)
            return
        path = Path(item)
        if path.is_dir():
            found = False
            for file in walk(path):
                found = True
                yield from self.read_file(file, in_folder=True)
            if not found:
                yield UnsupportedInput(item, "folder has no readable files")
        elif path.exists():
            yield from self.read_file(path)
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
            yield from iter_feed(data, source, self._page)
        elif kind == "jsonl":
            yield from iter_jsonl(text, source, in_folder=in_folder)
        elif kind == "json":
            yield from iter_json(text, source)
        elif kind == "markdown":
            front, body = split_front_matter(text)
            check_text(body, source)
            yield RawDocument(source, body, "markdown", {**front_matter_fields(front), **fields})
        elif kind == "html":
            yield RawDocument(source, text, "html", fields)
        else:
            yield RawDocument(source, text, "text", fields)

    def _page(self, url: str, fields: dict[str, Any]) -> RawDocument | InputError:
        """A feed entry's linked page, with the entry's fields winning over the page's."""
        for item in self.read_url(url, fields):
            return item
        return UnsupportedInput(url, "linked page has no article")

