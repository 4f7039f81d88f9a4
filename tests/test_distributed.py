"""The analysis stage on a real Dask LocalCluster gives what it gives in-process."""

from __future__ import annotations

import pytest

from diplotrack.pipeline import Pipeline
from diplotrack.store.db import Store

pytest.importorskip("dask.distributed")


def _events(store: Store) -> list[tuple[str, str, tuple[str, ...]]]:
    return sorted((e.article_id, e.event_type, tuple(sorted(p.id for p in e.participants())))
                  for e in store.iter_events())


@pytest.mark.slow
def test_dask_workers_match_local_run(shared, tmp_path, full_nlp):
    from diplotrack.distributed import DaskAnalyser

    seeds = [str(shared / "seeds")]
    local = Store.open(str(tmp_path / "local.db"))
    Pipeline(local, nlp=full_nlp).ingest(seeds)
    remote = Store.open(str(tmp_path / "dask.db"))
    with DaskAnalyser(workers=1) as analyser:
        report = Pipeline(remote, batch_size=1, analyser=analyser).ingest(seeds)
    assert len(report.stored) == 3 and not report.failed
    assert _events(remote) == _events(local) and _events(local)
    local.close()
    remote.close()
