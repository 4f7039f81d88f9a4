"""The ingest pipeline: small stages, each with one job, in the order they run.

    read        ingest.readers.iter_documents   inputs -> RawDocument | InputError
    skip-known  Store.source_known              a source already stored is not read again
    build       ingest.build.build_article      clean text, metadata, fingerprints
    dedup       Store.find_duplicate            same or nearly the same text -> reported
                                                (another outlet's copy of it is kept: copy_of)
    nlp         nlp.pipeline.process            spaCy + actors + events (English only)
    framing     framing.analyze                 loaded language, attributions, naming
    stories     stories.attach                  story ids, inside the article's transaction
    store       Store.save_article/save_events  one transaction per article

Articles are processed in batches for spaCy's sake, but each is written in its
own transaction: a crash loses at most the batch in flight, never half an article.
nlp and framing (`analyse_batch`) need no database, so they can run on Dask
workers (`diplotrack.distributed`); reading, dedup, stories and writes stay here.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from typing import Protocol

from spacy.language import Language
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from diplotrack import framing, stories
from diplotrack.errors import (
    AnalysisError,
    DuplicateArticle,
    InputError,
    MalformedInput,
    StoreFailure,
    UnsupportedInput,
    describe,
)
from diplotrack.events import multilingual
from diplotrack.events.merge import event_id
from diplotrack.events.ontology import OTHER
from diplotrack.ingest.build import build_article
from diplotrack.ingest.fetch import Fetcher
from diplotrack.ingest.readers import iter_documents
from diplotrack.models import Article, Event
from diplotrack.nlp import chunks
from diplotrack.nlp.chunks import CHUNK_CHARS
from diplotrack.nlp.pipeline import cached_nlp, process
from diplotrack.store.db import Store

log = logging.getLogger(__name__)

EVENT_LANGUAGES = {"en"}
MAX_SOURCE_CHARS = 2000  # a file path or URL (PostgreSQL indexes at most about 2,700 bytes)
BATCH_CHARS = 100_000  # spaCy holds a whole batch in memory: long briefings go a few at a time

Analysed = tuple[Article, list[Event], str | None] | AnalysisError  # with framing, events, a note


@dataclass
class IngestReport:
    stored: list[str] = field(default_factory=list)  # article ids
    events: int = 0
    skipped: list[str] = field(default_factory=list)  # sources already in the store
    duplicates: list[DuplicateArticle] = field(default_factory=list)
    failed: list[InputError] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # e.g. events skipped for a language

    @property
    def ok(self) -> bool:
        return not self.failed


Progress = Callable[[str, int], None]  # (what happened, how many) for a progress display


class BatchAnalyser(Protocol):
    """Runs `analyse_batch` somewhere else; yields results in the order batches came."""

    def map(self, batches: Iterable[list[Article]]) -> Iterator[list[Analysed]]: ...


@dataclass
class Pipeline:
    store: Store
    nlp: Language | None = None
    batch_size: int = 16
    on_progress: Progress | None = None
    analyser: BatchAnalyser | None = None  # e.g. distributed.DaskAnalyser; None: in this process
    private_links: bool = False  # follow feed links to loopback/private addresses
    fetcher: Fetcher | None = None  # replaces the httpx fetcher (diplotrack watch: polite, cached)
    # text_hash -> sources of the same text read while its first copy is still in flight:
    # recorded as its sources when it is stored, so that reading them again skips them
    _twin_sources: dict[str, list[str]] = field(default_factory=dict, init=False, repr=False)

    def ingest(self, inputs: Iterable[str]) -> IngestReport:
        report = IngestReport()
        batches = _batches(self._articles(inputs, report), self.batch_size)
        if self.analyser is None:
            for batch in batches:
                self._store_results(analyse_batch(batch, self._nlp), report)
        else:
            for results in self.analyser.map(batches):
                self._store_results(results, report)
        return report

    # -- read, skip-known, build, dedup ------------------------------------------------

    def _articles(self, inputs: Iterable[str], report: IngestReport) -> Iterator[Article]:
        seen: dict[str, Article] = {}  # text_hash -> article pending in this run
        sources: set[str] = set()  # read in this run (a URL given and also linked from a feed)
        for item in iter_documents(inputs, private_links=self.private_links, fetcher=self.fetcher):
            if isinstance(item, InputError):
                report.failed.append(item)
                self._tick("failed")
                continue
            if len(item.source) > MAX_SOURCE_CHARS:
                report.failed.append(UnsupportedInput(item.source[:200] + "…", (
                    f"source name of {len(item.source)} characters is over the limit of "
                    f"{MAX_SOURCE_CHARS}")))
                self._tick("failed")
                continue
            if item.source in sources or self.store.source_known(item.source):
                report.skipped.append(item.source)
                self._tick("skipped")
                continue
            sources.add(item.source)
            if item.fields.get("note"):
                report.notes.append(f"{item.source}: {item.fields['note']}")
            try:
                article = build_article(item)
            except InputError as exc:
                report.failed.append(exc)
                self._tick("failed")
                continue
            except Exception as exc:  # noqa: BLE001  one article's failure, named
                report.failed.append(MalformedInput(item.source, _reason(
                    item.source, "could not be built", exc)))
                self._tick("failed")
                continue
            dup = self._duplicate_of(article, seen)
            if dup:
                report.duplicates.append(dup)
                self._tick("duplicate")
                continue
            seen[article.text_hash] = article
            yield article

    def _duplicate_of(self, article: Article, pending: dict[str, Article]) -> DuplicateArticle | None:
        existing = self.store.find_duplicate(article, copies=True)
        if existing:
            with self.store.transaction() as conn:
                self.store.add_source(conn, article.source, existing[0])
            return DuplicateArticle(article.source, existing[0], existing[1])
        twin = pending.get(article.text_hash)
        if twin:
            self._twin_sources.setdefault(article.text_hash, []).append(article.source)
            return DuplicateArticle(article.source, twin.id, twin.source)
        return None

    # -- nlp, framing, stories, store ---------------------------------------------------

    def _store_results(self, results: list[Analysed], report: IngestReport) -> None:
        for result in results:
            if isinstance(result, AnalysisError):
                report.failed.append(result)
                self._tick("failed")
                continue
            article, events, note = result
            if note:
                report.notes.append(note)
                log.info(note)
            try:
                twin = self._store_or_twin(article, events)
            except SQLAlchemyError as exc:  # this article's transaction was rolled back
                log.debug("storing %s failed", article.source, exc_info=True)
                reason = str(exc.orig if hasattr(exc, "orig") else exc).splitlines()[0]
                report.failed.append(StoreFailure(article.source, f"could not be stored: {reason}"))
                self._tick("failed")
                continue
            except Exception as exc:  # noqa: BLE001  e.g. story matching: rolled back, named
                report.failed.append(StoreFailure(article.source, _reason(
                    article.source, "could not be stored", exc)))
                self._tick("failed")
                continue
            if twin:
                report.duplicates.append(DuplicateArticle(article.source, *twin))
                self._tick("duplicate")
                continue
            report.stored.append(article.id)
            report.events += len(events)
            self._tick("stored")

    def _store_or_twin(self, article: Article, events: list[Event]) -> tuple[str, str] | None:
        try:
            return self._store_one(article, events)
        except IntegrityError:  # another writer stored the same text or source first
            twin = self.store.find_duplicate(article)
            if twin is None:
                raise
            with self.store.transaction() as conn:
                self.store.add_source(conn, article.source, twin[0])
            return twin

    def _store_one(self, article: Article, events: list[Event]) -> tuple[str, str] | None:
        """Write one article, its stories and events in one transaction; or name its twin."""
        with self.store.transaction() as conn:
            twin = self.store.find_duplicate(article, conn, copies=True)
            copies = self._twin_sources.pop(article.text_hash, [])
            if twin:  # a near-twin stored earlier in this batch
                for source in [article.source, *copies]:
                    self.store.add_source(conn, source, twin[0])
                return twin
            article.copy_of = self.store.find_copy(article, conn)
            self.store.save_article(conn, article)
            for source in copies:
                self.store.add_source(conn, source, article.id)
            stories.attach(conn, events, article)
            self.store.save_events(conn, events)
        return None

    def _nlp(self) -> Language:
        return self.nlp or cached_nlp()

    def _tick(self, what: str) -> None:
        if self.on_progress:
            self.on_progress(what, 1)


def analyse_batch(batch: list[Article], get_nlp: Callable[[], Language] = cached_nlp) -> list[Analysed]:
    """nlp + framing for a batch of articles: pure CPU, no database (runs on Dask workers too).

    If the batch fails, its articles are analysed one by one, so that one bad
    article becomes one failed input instead of failing its neighbours.
    """
    try:
        return _analyse(batch, get_nlp)
    except Exception as exc:  # noqa: BLE001  isolated below, article by article
        if len(batch) == 1:
            return [_failure(batch[0], exc)]
        return [r for article in batch for r in analyse_batch([article], get_nlp)]


def _failure(article: Article, exc: Exception) -> AnalysisError:
    return AnalysisError(article.source, _reason(article.source, "analysis failed", exc))


def _reason(source: str, what: str, exc: Exception) -> str:
    """`exc` as the one-line reason an input failed (the traceback goes to the debug log)."""
    log.debug("%s: %s", source, what, exc_info=exc)
    return f"{what}: {describe(exc)}"[:300]


def _analyse(batch: list[Article], get_nlp: Callable[[], Language]) -> list[Analysed]:
    english = [a for a in batch if a.language in EVENT_LANGUAGES and len(a.text) <= CHUNK_CHARS]
    docs = {}
    if english:
        docs = {a.id: doc for a, doc in zip(english, process(get_nlp(), english), strict=True)}
    results: list[Analysed] = []
    for article in batch:
        doc = docs.get(article.id)
        note = None
        events: list[Event] = list(doc._.events or []) if doc is not None else []
        if doc is None and article.language in EVENT_LANGUAGES:
            events = _analyse_long(article, get_nlp())
        elif doc is None and article.language in multilingual.languages():
            events = multilingual.extract(article)
        elif doc is None:
            note = f"{article.source}: language '{article.language}', event extraction skipped"
        if not article.framing:
            article.framing = framing.analyze(article.text[:CHUNK_CHARS], doc)
        for ev in events:
            ev.article_id = article.id
        results.append((article, events, note))
    return results


def _analyse_long(article: Article, nlp: Language) -> list[Event]:
    """The events of an article longer than one spaCy Doc should be, a piece at a time
    (memory stays that of one piece); only the first piece has the headline and the
    lede, so only it has main events; its framing is measured on the first piece."""
    events: list[Event] = []
    taken: set[str] = set()
    for i, (offset, piece) in enumerate(chunks.split(article.text)):
        part = replace(article, text=piece, title=article.title if i == 0 else None)
        [doc] = process(nlp, [part])
        if i == 0:
            article.framing = framing.analyze(piece, doc)
        for ev in doc._.events or []:
            if i and ev.event_type == OTHER:
                continue  # a later piece's stand-in lead event
            if i:
                ev.lead = ev.main = False
            for evidence in ev.evidence:
                evidence.start += offset
                evidence.end += offset
            ev.article_id = article.id
            ev.id = event_id(ev, taken)
            taken.add(ev.id)
            events.append(ev)
    return events


def _batches(items: Iterable[Article], size: int, max_chars: int = BATCH_CHARS) -> Iterator[list[Article]]:
    """Batches of at most `size` articles and about `max_chars` characters (bounds peak memory)."""
    batch: list[Article] = []
    chars = 0
    for item in items:
        if batch and chars + len(item.text) > max_chars:
            yield batch
            batch, chars = [], 0
        batch.append(item)
        chars += len(item.text)
        if len(batch) >= size:
            yield batch
            batch, chars = [], 0
    if batch:
        yield batch


def ingest(inputs: Iterable[str], db: str | None = None, *, batch_size: int = 16,
           analyser: BatchAnalyser | None = None) -> IngestReport:
    """Read, analyse and store `inputs` in the database `db` (library entry point)."""
    with Store.open(db) as store:
        return Pipeline(store, batch_size=batch_size, analyser=analyser).ingest(inputs)
