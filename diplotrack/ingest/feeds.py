"""RSS/Atom feeds: one document per entry; fetch the linked page when the
entry itself carries too little text."""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterator
from typing import Any

import feedparser

from diplotrack.errors import InputError, MalformedInput, UnsupportedInput
from diplotrack.ingest.dates import normalise_date
from diplotrack.ingest.htmltext import fragment_to_text
from diplotrack.models import RawDocument

SUBSTANTIAL_WORDS = 150
"""An entry with at least this many words of content is used as is."""

# a document type declaration with an internal subset (<!DOCTYPE rss [ <!ENTITY ...> ]>):
# no real feed has one; it is how entity-expansion ("billion laughs") attacks start
_INTERNAL_SUBSET = re.compile(rb"<!DOCTYPE[^>\[]*\[|<!ENTITY", re.I)

PageReader = Callable[[str, dict[str, Any]], "RawDocument | InputError"]


def declares_entities(raw: bytes) -> bool:
    """A feed declaring XML entities or a DTD subset (billion laughs): refused unread."""
    return bool(_INTERNAL_SUBSET.search(raw))


def entry_source(entry: Any, index: int, source: str) -> str:
    """The source name of a feed's entry: its link, else the feed's name and its number."""
    return entry.get("link") or f"{source}#{index}"


def iter_feed(data: bytes | str, source: str, fetch_page: PageReader) -> Iterator[RawDocument | InputError]:
    """Entries of the feed in `data`; `fetch_page(url, fields)` reads a linked page."""
    head = (data[:2048].decode("utf-8", "replace") if isinstance(data, bytes) else data[:2048])
    if not head.lstrip("\ufeff \t\r\n").startswith("<"):
        yield MalformedInput(source, "not an XML feed (does not start with '<')")
        return
    raw = data if isinstance(data, bytes) else data.encode("utf-8", "replace")
    if declares_entities(raw):
        yield MalformedInput(source, "feed declares XML entities or a DTD subset (refused)")
        return
    parsed = feedparser.parse(data)
    if not parsed.entries:
        if parsed.bozo:
            reason = str(getattr(parsed, "bozo_exception", "unparsable XML")).splitlines()[0]
            yield MalformedInput(source, f"not a valid RSS/Atom feed ({reason})")
        elif not parsed.version:
            yield MalformedInput(source, "not an RSS/Atom feed (no channel or feed element)")
        else:
            yield UnsupportedInput(source, "feed has no entries")
        return
    outlet = _clean(parsed.feed.get("title"))
    for index, entry in enumerate(parsed.entries, start=1):
        yield _entry_document(entry, index, source, outlet, fetch_page)


def _entry_document(
    entry: Any, index: int, source: str, outlet: str | None, fetch_page: PageReader
) -> RawDocument | InputError:
    fields = entry_fields(entry, outlet)
    link = fields.get("url")
    text = _entry_text(entry)
    if len(text.split()) >= SUBSTANTIAL_WORDS or (text and not link):
        return RawDocument(source=entry_source(entry, index, source), content=text, kind="record",
                           fields=fields)
    if link:
        page = fetch_page(link, fields)
        if isinstance(page, InputError) and text:
            # the linked page failed: the entry's own summary is better than nothing
            fields = {**fields, "note": f"linked page unavailable ({page.reason}); feed summary used"}
            return RawDocument(source=link, content=text, kind="record", fields=fields)
        return page
    return MalformedInput(f"{source}#{index}", "feed entry has neither text nor a link")


def _entry_text(entry: Any) -> str:
    best = ""
    for item in entry.get("content") or []:
        value = item.get("value") or ""
        if len(value) > len(best):
            best = value
    summary = entry.get("summary") or ""
    if len(summary) > len(best):
        best = summary
    return fragment_to_text(best) if best else ""


def entry_fields(entry: Any, outlet: str | None) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    if title := _clean(entry.get("title")):
        fields["title"] = fragment_to_text(title) or title
    if link := entry.get("link"):
        fields["url"] = link
    authors = [_clean(a.get("name")) for a in entry.get("authors") or [] if a.get("name")]
    if not authors and entry.get("author"):
        authors = [_clean(entry.get("author"))]
    if authors := [a for a in authors if a]:
        fields["authors"] = authors
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    published = normalise_date(entry.get("published") or entry.get("updated"))
    if published:  # the publisher's own calendar day, not the UTC one
        fields["published"] = published
    elif stamp:
        fields["published"] = time.strftime("%Y-%m-%d", stamp)
    if outlet:
        fields["outlet"] = outlet
    tags = [_clean(t.get("term")) for t in entry.get("tags") or [] if t.get("term")]
    if tags := [t for t in tags if t]:
        fields["section"] = tags
    return fields


def _clean(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    return re.sub(r"\s+", " ", value).strip() or None
