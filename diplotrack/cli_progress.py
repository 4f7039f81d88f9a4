"""A rich progress display for long ingests: counts and articles per second."""

from __future__ import annotations

import time
from types import TracebackType

from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn


class IngestProgress:
    def __init__(self, console: Console, enabled: bool = True) -> None:
        self.counts = {"stored": 0, "duplicate": 0, "skipped": 0, "failed": 0}
        self.start = time.perf_counter()
        self.enabled = enabled
        self.progress = Progress(
            SpinnerColumn(),
            TextColumn("{task.description}"),
            TimeElapsedColumn(),
            console=console,
            transient=False,
            disable=not enabled,
        )
        self.task = self.progress.add_task(self._describe(), total=None)

    def _describe(self) -> str:
        elapsed = max(time.perf_counter() - self.start, 1e-6)
        c = self.counts
        return (
            f"ingest: {c['stored']} stored ({c['stored'] / elapsed:.1f} articles/s), "
            f"{c['duplicate']} duplicates, {c['skipped']} already stored, {c['failed']} failed"
        )

    def tick(self, what: str, n: int = 1) -> None:
        self.counts[what] = self.counts.get(what, 0) + n
        self.progress.update(self.task, description=self._describe())

    def __enter__(self) -> IngestProgress:
        self.progress.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.progress.update(self.task, description=self._describe())
        self.progress.stop()
