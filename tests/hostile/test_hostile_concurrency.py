"""Two ingests started at once into one new database, with overlapping inputs, on both
engines: both exit 0, every article is stored once, overlaps are duplicates or already
stored (never failures), and ingest order numbers stay unique."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from sqlalchemy import func, select

from diplotrack.store import schema as s
from diplotrack.store.db import Store
from tests import pg_cluster

STATES = ["Norway", "Chile", "Kenya", "Japan", "Brazil", "Egypt", "Canada", "India"]


def _inputs(folder):
    paths = []
    for i, (a, b) in enumerate(zip(STATES, STATES[1:] + STATES[:1], strict=True)):
        path = folder / f"{i}.txt"
        path.write_text(f"Ministers of {a} and {b} meet\n\nThe foreign minister of {a} met the "
                        f"foreign minister of {b} in Geneva on Monday to discuss trade, "
                        f"officials said. Report number {i}.")
        paths.append(str(path))
    return paths


def _run_two(db: str, first: list[str], second: list[str]) -> list[subprocess.CompletedProcess]:
    env = {**os.environ, "COLUMNS": "200"}
    env.pop("DIPLOTRACK_DB", None)
    procs = [subprocess.Popen([sys.executable, "-m", "diplotrack", "ingest", "--db", db, "-q", *x],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
             for x in (first, second)]
    done = []
    for p in procs:
        out, err = p.communicate(timeout=600)
        done.append(subprocess.CompletedProcess(p.args, p.returncode, out, err))
    return done


def _check(db: str, paths: list[str]) -> None:
    with Store.open(db) as store, store.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(s.articles)).scalar() == len(paths)
        seqs = [r[0] for r in conn.execute(select(s.articles.c.seq))]
        assert len(set(seqs)) == len(seqs)
        sources = {r[0] for r in conn.execute(select(s.article_sources.c.source))}
        assert sources == set(paths)
        version = conn.execute(select(s.meta.c.value).where(s.meta.c.key == "schema_version"))
        assert version.scalar() is not None


def _overlapping(tmp_path):
    paths = _inputs(tmp_path)
    return paths, paths[:6], paths[2:]  # 2..5 are given to both


def _assert_clean(results) -> None:
    for r in results:
        assert r.returncode == 0, r.stderr
        assert "could not be stored" not in r.stderr and "error" not in r.stderr.lower()


def test_concurrent_ingests_into_a_new_sqlite_database(tmp_path):
    paths, first, second = _overlapping(tmp_path)
    db = str(tmp_path / "new.db")
    _assert_clean(_run_two(db, first, second))
    _check(db, paths)


@pytest.mark.postgres
@pytest.mark.skipif(not pg_cluster.available(), reason="no PostgreSQL server binaries")
def test_concurrent_ingests_into_a_new_postgres_database(tmp_path):
    paths, first, second = _overlapping(tmp_path)
    with pg_cluster.cluster() as url:
        _assert_clean(_run_two(url, first, second))
        _check(url, paths)
