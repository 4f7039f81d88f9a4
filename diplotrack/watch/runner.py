"""Poll the sources that are due (all of them with `once`), at most `concurrency`
conditional GETs at a time; ingest what changed one source at a time; hand each
poll's outcome to `emit`. `forever` sleeps until the next source is due."""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import IO, Any

import httpx
from spacy.language import Language

from diplotrack.errors import describe, one_line
from diplotrack.ingest.files import MAX_BYTES
from diplotrack.store.db import Store
from diplotrack.watch import report
from diplotrack.watch import state as st
from diplotrack.watch.polite import HostGate, Robots
from diplotrack.watch.poll import ERROR, Outcome, Poller
from diplotrack.watch.sources import Source

WEBHOOK_TIMEOUT_S = 10.0
MAX_SLEEP_S = 60.0  # wake at least once a minute (a clock change, a Ctrl-C on Windows)


@dataclass
class Options:
    private_links: bool = False
    concurrency: int = 4
    host_interval_s: float = 1.0
    max_bytes: int = MAX_BYTES
    debug: bool = False  # an unexpected exception in a poll propagates (its traceback shown)


@dataclass
class Runner:
    store: Store
    sources: list[Source]
    options: Options = field(default_factory=Options)
    emit: Callable[[Outcome], None] = lambda _outcome: None
    nlp: Language | None = None
    clock: Callable[[], float] = time.time
    _due: dict[str, float] = field(default_factory=dict, init=False)
    poller: Poller = field(init=False)

    def __post_init__(self) -> None:
        gate = HostGate(self.options.host_interval_s)
        self.poller = Poller(self.store, gate, Robots(gate), self.options.private_links,
                             self.options.max_bytes, self.nlp, self.options.debug)
        for source in self.sources:
            last = st.load(self.store, source.url).last_poll_epoch()
            self._due[source.url] = (last + source.every_s) if last is not None else 0.0

    def once(self) -> list[Outcome]:
        """Poll every source now."""
        return self.poll(self.sources)

    def due(self) -> list[Source]:
        now = self.clock()
        return [src for src in self.sources if self._due[src.url] <= now]

    def poll(self, sources: list[Source]) -> list[Outcome]:
        outcomes = []
        for outcome in self._polls(sources):
            self._due[outcome.source.url] = self.clock() + outcome.source.every_s
            self.emit(outcome)
            outcomes.append(outcome)
        return outcomes

    def _polls(self, sources: list[Source]) -> Iterator[Outcome]:
        states = {src.url: st.load(self.store, src.url) for src in sources}
        workers = max(1, min(self.options.concurrency, len(sources)))
        with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="watch") as pool:
            futures = [pool.submit(self.poller.check, src, states[src.url]) for src in sources]
            for future in futures:  # in the file's order; the GETs run ahead
                checked = future.result()
                try:
                    yield self.poller.finish(checked)
                except Exception as exc:  # noqa: BLE001  e.g. the database: named, not fatal
                    if self.options.debug:
                        raise
                    yield Outcome(checked.source, ERROR, f"could not be stored ({describe(exc)})")

    def forever(self, sleep: Callable[[float], None] = time.sleep) -> None:
        """Poll what is due, sleep until the next is due; until KeyboardInterrupt."""
        while True:
            if due := self.due():
                self.poll(due)
            wait = min(self._due.values(), default=self.clock() + MAX_SLEEP_S) - self.clock()
            if wait > 0:
                sleep(min(wait, MAX_SLEEP_S))


class Emitter:
    """Writes each outcome: the human summary, a JSON line, a webhook POST."""

    def __init__(self, summary: IO[str] | None, errors: IO[str], jsonl: IO[str] | None = None,
                 webhook: str | None = None) -> None:
        self.summary = summary
        self.errors = errors
        self.jsonl = jsonl
        self.webhook = webhook
        self.failed = 0

    def __call__(self, outcome: Outcome) -> None:
        if outcome.error:
            self.failed += 1
            self._line(self.errors, f"error: {outcome.source.label}: {outcome.error}")
        for message in outcome.entry_errors:
            self.failed += 1
            self._line(self.errors, f"error: {message}")
        if self.summary is not None:
            for line in report.summary_lines(outcome):
                self._line(self.summary, line)
        record = report.record(outcome, st.now_iso())
        if self.jsonl is not None:
            self.jsonl.write(json.dumps(record, ensure_ascii=False) + "\n")
            self.jsonl.flush()
        if self.webhook and outcome.news:
            self._post(record)

    def _post(self, record: dict[str, Any]) -> None:
        assert self.webhook
        try:
            resp = httpx.post(self.webhook, json=record, timeout=WEBHOOK_TIMEOUT_S)
            if resp.status_code >= 400:
                raise RuntimeError(f"HTTP {resp.status_code} {resp.reason_phrase}".strip())
        except Exception as exc:  # noqa: BLE001  a webhook never stops the watch
            self._line(self.errors, f"warning: webhook {self.webhook}: {describe(exc)}")

    @staticmethod
    def _line(stream: IO[str], text: str) -> None:
        stream.write(one_line(text) + "\n")
        stream.flush()
