"""`kill -9` in the middle of an ingest leaves whole articles only; a re-run completes."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

N = 40


def _corpus(path):
    with path.open("w", encoding="utf-8") as f:
        for i in range(N):
            text = (f"Report {i}: Foreign ministers of country number {i} met officials in Kabul on "
                    f"day {i} to discuss trade, visas number {i * 7} and a prisoner exchange. ") * 20
            f.write(json.dumps({"id": f"a{i}", "text": text, "title": f"Report {i}",
                                "published": "2025-09-21"}) + "\n")


def _count(db, sql):
    con = sqlite3.connect(db)
    try:
        return con.execute(sql).fetchone()[0]
    except sqlite3.OperationalError:
        return 0
    finally:
        con.close()


@pytest.mark.slow
def test_kill_9_leaves_whole_articles_and_rerun_completes(tmp_path, cli):
    corpus, db = tmp_path / "c.jsonl", str(tmp_path / "crash.db")
    _corpus(corpus)
    cmd = [sys.executable, "-m", "diplotrack", "ingest", str(corpus), "--db", db, "--batch-size", "1", "-q"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 120
    while time.time() < deadline and _count(db, "SELECT count(*) FROM articles") < 3:
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    stored = _count(db, "SELECT count(*) FROM articles")
    assert 0 < stored < N, "the ingest must be killed part-way for this test to mean anything"
    # whole articles only: every stored article has its source row, bands and FTS row
    assert _count(db, "SELECT count(DISTINCT article_id) FROM article_sources") == stored
    assert _count(db, "SELECT count(DISTINCT article_id) FROM article_bands") == stored
    assert _count(db, "SELECT count(*) FROM articles_fts") == stored
    assert _count(db, "SELECT count(*) FROM events WHERE article_id NOT IN (SELECT id FROM articles)") == 0
    rerun = cli("ingest", str(corpus), "--db", db, "-q")
    assert rerun.code == 0, rerun.err
    assert _count(db, "SELECT count(*) FROM articles") == N
