"""Run the analysis stage (spaCy, events, framing) on a Dask cluster.

Reading, duplicate checks, story matching and the database writes stay in the
client process, one transaction per article; only `analyse_batch`, the CPU-heavy
part, goes to the workers, one task per batch of articles (never per sentence:
a Dask task costs about 1 ms). Each worker process loads the spaCy pipeline once.
Point `--db` at PostgreSQL when the client and the database are on different hosts.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from types import TracebackType
from typing import Any

from diplotrack.errors import DiplotrackError
from diplotrack.models import Article
from diplotrack.pipeline import Analysed, analyse_batch


class DaskAnalyser:
    def __init__(self, address: str | None = None, workers: int = 2, in_flight: int | None = None) -> None:
        self.address = address
        self.workers = workers
        self.in_flight = in_flight or max(2, workers * 2)
        self.client: Any = None
        self.cluster: Any = None

    def __enter__(self) -> DaskAnalyser:
        try:
            from dask.distributed import Client, LocalCluster
        except ImportError as exc:
            raise DiplotrackError("Dask is not installed: pip install 'diplotrack[distributed]'") from exc
        if self.address:
            try:
                self.client = Client(self.address, timeout="10s")
            except OSError as exc:
                raise DiplotrackError(f"{self.address}: cannot reach the Dask scheduler: {exc}") from exc
        else:
            self.cluster = LocalCluster(n_workers=self.workers, threads_per_worker=1, processes=True,
                                        dashboard_address=None)
            self.client = Client(self.cluster)
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if self.client is not None:
            self.client.close()
        if self.cluster is not None:
            self.cluster.close()

    def map(self, batches: Iterable[list[Article]]) -> Iterator[list[Analysed]]:
        """Submit batches with a bounded window; yield results in submission order."""
        window: deque[Any] = deque()
        for batch in batches:
            window.append(self.client.submit(analyse_batch, batch, pure=False))
            if len(window) >= self.in_flight:
                yield window.popleft().result()
        while window:
            yield window.popleft().result()
