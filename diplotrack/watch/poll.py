"""One poll of one source: a conditional GET (ETag / Last-Modified), then, when the
body changed, the normal ingest pipeline on it with a fetcher that serves that body,
refuses the links of entries already stored and is polite for every linked page."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from typing import Any

import feedparser
from spacy.language import Language

from diplotrack.errors import FetchError, InputError, describe
from diplotrack.ingest.feeds import declares_entities, entry_source
from diplotrack.ingest.fetch import Fetched, fetch_url, private_address
from diplotrack.ingest.files import MAX_BYTES
from diplotrack.pipeline import IngestReport, Pipeline
from diplotrack.store.db import Store
from diplotrack.watch import report as news_report
from diplotrack.watch import state as st
from diplotrack.watch.polite import HostGate, Robots
from diplotrack.watch.sources import Source

NEW, NOTHING_NEW, UNCHANGED, NOT_MODIFIED, ERROR = (
    "new", "nothing_new", "unchanged", "not_modified", "error")


class AlreadySeen(FetchError):
    """A feed entry's link that is stored already: not fetched again (not a failure)."""


@dataclass
class Checked:
    """The answer to a conditional GET: a body to ingest, or a status with no body."""

    source: Source
    state: st.SourceState
    status: str
    fetched: Fetched | None = None
    error: str | None = None


@dataclass
class Outcome:
    source: Source
    status: str
    error: str | None = None  # the source itself failed: one line
    entry_errors: list[str] = field(default_factory=list)  # some entries failed: one line each
    news: news_report.News = field(default_factory=news_report.News)
    duplicates: int = 0


@dataclass
class Poller:
    store: Store
    gate: HostGate
    robots: Robots
    private_links: bool = False
    max_bytes: int = MAX_BYTES
    nlp: Language | None = None
    debug: bool = False

    def check(self, source: Source, state: st.SourceState) -> Checked:
        """The conditional GET of `source` (no database access: runs in worker threads)."""
        url = source.url
        try:
            if not self.private_links and (address := private_address(url)):
                return Checked(source, state, ERROR, error=f"private address ({address}); "
                               "not polled without --private-links")
            if not self.robots.allowed(url):
                return Checked(source, state, ERROR, error="disallowed by robots.txt")
            self.gate.wait(url)
            fetched = fetch_url(url, self.max_bytes, extra_headers=_conditional(state))
        except InputError as exc:
            return Checked(source, state, ERROR, error=exc.reason)
        except Exception as exc:  # noqa: BLE001  one source's failure never stops the others
            if self.debug:
                raise
            return Checked(source, state, ERROR, error=describe(exc))
        if fetched.status == 304:
            return Checked(source, state, NOT_MODIFIED, fetched)
        if hashlib.sha256(fetched.body).hexdigest() == state.content_hash:
            return Checked(source, state, UNCHANGED, fetched)
        return Checked(source, state, NEW, fetched)

    def finish(self, checked: Checked) -> Outcome:
        """Ingest what `check` found (in the main thread) and save the source's state."""
        if checked.status != NEW or checked.fetched is None:
            outcome = Outcome(checked.source, checked.status, checked.error)
        else:
            outcome = self._ingest(checked.source, checked.fetched)
        self._save(checked, outcome)
        return outcome

    def _ingest(self, source: Source, fetched: Fetched) -> Outcome:
        entries = feed_entries(fetched.body, source.url)
        if entries == []:
            return Outcome(source, NOTHING_NEW)  # a valid feed with no entries (yet)
        seen = st.seen(self.store, source.url)
        fetcher = _PollFetcher(self, fetched, seen)
        mark = news_report.story_mark(self.store)
        pipeline = Pipeline(self.store, nlp=self.nlp, private_links=self.private_links,
                            fetcher=fetcher)
        report = pipeline.ingest([source.url])
        failed = [f for f in report.failed if not isinstance(f, AlreadySeen)]
        if entries:
            broken = {f.source for f in failed}
            st.mark_seen(self.store, source.url,
                         [key for key, where in entries if where not in broken])
        return _outcome(source, report, failed, news_report.what_is_new(self.store, report.stored, mark))

    def _save(self, checked: Checked, outcome: Outcome) -> None:
        state = replace(checked.state, last_poll=st.now_iso(), last_status=outcome.status,
                        last_error=outcome.error or (outcome.entry_errors[0] if outcome.entry_errors
                                                     else None),
                        polls=checked.state.polls + 1)
        fetched = checked.fetched
        if fetched is not None and fetched.status != 304 and not (outcome.error or outcome.entry_errors):
            # validators only once everything in the body is stored: a failed entry is retried
            state.etag = fetched.headers.get("etag")
            state.last_modified = fetched.headers.get("last-modified")
            state.content_hash = hashlib.sha256(fetched.body).hexdigest()
        elif fetched is not None and fetched.status != 304:
            state.etag = state.last_modified = state.content_hash = None
        st.save(self.store, checked.source.url, checked.source.name, state)


def _conditional(state: st.SourceState) -> dict[str, str]:
    headers = {}
    if state.etag:
        headers["If-None-Match"] = state.etag
    if state.last_modified:
        headers["If-Modified-Since"] = state.last_modified
    return headers


def _outcome(source: Source, report: IngestReport, failed: list[InputError],
             news: news_report.News) -> Outcome:
    own = next((f for f in failed if f.source == source.url), None)
    others = [str(f) for f in failed if f is not own]
    status = NEW if report.stored else NOTHING_NEW
    if own is not None and not report.stored:
        status = ERROR
    return Outcome(source, status, own.reason if own else None, others, news,
                   len(report.duplicates))


def feed_entries(body: bytes, url: str) -> list[tuple[str, str]] | None:
    """(seen key, source name the pipeline gives it) of each entry when `body` is an
    RSS/Atom feed; None when it is not one (a page, or a feed the reader will refuse)."""
    if not body.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<") or declares_entities(body):
        return None
    parsed: Any = feedparser.parse(body)
    if not parsed.get("version") or (parsed.get("bozo") and not parsed.entries):
        return None  # the reader says what is wrong with it
    out = []
    for index, entry in enumerate(parsed.entries, start=1):
        out.append((entry.get("link") or entry.get("id") or f"#{index}", entry_source(entry, index, url)))
    return out


class _PollFetcher:
    """The pipeline's fetcher for one poll: the source's own URL gets the body already
    fetched; a link stored before is refused unfetched; any other is checked against
    robots.txt and waits for its host's turn."""

    def __init__(self, poller: Poller, primed: Fetched, seen: set[str]) -> None:
        self.poller = poller
        self.primed: Fetched | None = primed
        self.seen = seen

    def __call__(self, url: str, max_bytes: int) -> Fetched:
        if self.primed is not None and url == self.primed.url:
            primed, self.primed = self.primed, None
            return primed
        if url in self.seen or self.poller.store.source_known(url):
            raise AlreadySeen(url, "already stored")
        if not self.poller.robots.allowed(url):
            raise FetchError(url, "disallowed by robots.txt")
        self.poller.gate.wait(url)
        return fetch_url(url, max_bytes)
