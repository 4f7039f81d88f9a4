"""`diplotrack watch` end to end, in a subprocess, against the local test server."""

from __future__ import annotations

import json
import signal
import subprocess
import sys

import pytest

from tests.cli.conftest import run_cli

pytestmark = pytest.mark.slow


def _lines(text: str, prefix: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith(prefix)]


def test_watch_once_stores_reports_as_jsonl_posts_the_webhook_and_names_bad_sources(
        site, closed_port, tmp_path):
    site.entries = ["b", "a"]
    sources = tmp_path / "sources.txt"
    sources.write_text(f"# test sources\n{site.base}/feed.xml name=Test every=15m\n"
                       "gopher://old.example/feed\n"
                       f"{closed_port}/feed.xml name=Gone\n")
    db, out = str(tmp_path / "w.db"), tmp_path / "polls.jsonl"
    r = run_cli("watch", str(sources), "--once", "--db", db, "--private-links",
                "--jsonl", str(out), "--webhook", f"{site.base}/hook", "--host-interval", "0")
    assert r.code == 1, r.err
    assert "Traceback" not in r.err
    errors = _lines(r.err, "error:")
    assert len(errors) == 2, r.err
    assert errors[0].startswith(f"error: {sources}:3: ") and "gopher" in errors[0]
    assert errors[1].startswith(f"error: Gone ({closed_port}/feed.xml): ")
    polls = [json.loads(line) for line in out.read_text().splitlines()]
    good, gone = polls
    assert good["status"] == "new" and good["name"] == "Test" and gone["status"] == "error"
    articles = [json.loads(x) for x in run_cli("export", "articles", "--db", db).out.splitlines()]
    stories = [json.loads(x) for x in run_cli("export", "stories", "--db", db).out.splitlines()]
    assert sorted(a["id"] for a in good["articles"]) == sorted(a["id"] for a in articles)
    assert len(articles) == 2
    assert sorted(s["id"] for s in good["new_stories"]) == sorted(s["id"] for s in stories)
    assert "Test (" in r.out and "2 new articles" in r.out  # the human summary
    [hook] = site.hooks  # only the poll with something new is posted
    assert hook["articles"] == good["articles"]
    again = run_cli("watch", str(sources), "--once", "--db", db, "--private-links",
                    "--jsonl", "-", "--host-interval", "0")
    first = json.loads(again.out.splitlines()[0])
    assert first["status"] == "not_modified" and first["articles"] == []
    assert len(run_cli("export", "articles", "--db", db).out.splitlines()) == 2


def test_a_failing_webhook_is_a_one_line_warning(site, closed_port, tmp_path):
    sources = tmp_path / "s.txt"
    sources.write_text(f"{site.base}/feed.xml\n")
    site.entries = ["c"]
    r = run_cli("watch", str(sources), "--once", "--db", str(tmp_path / "w.db"),
                "--private-links", "--webhook", f"{closed_port}/hook")
    assert r.code == 0, r.err
    [warning] = _lines(r.err, "warning:")
    assert warning.startswith(f"warning: webhook {closed_port}/hook: ") and "Traceback" not in r.err


def test_without_once_it_polls_until_ctrl_c_and_exits_cleanly(site, tmp_path):
    sources = tmp_path / "s.txt"
    sources.write_text(f"{site.base}/empty.xml name=Empty every=1h\n")
    proc = subprocess.Popen(
        [sys.executable, "-m", "diplotrack", "watch", str(sources), "--db", str(tmp_path / "w.db"),
         "--private-links"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()  # the first poll's summary: it is now sleeping
        assert line.startswith("Empty (") and "nothing new" in line
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=60)
    finally:
        proc.kill()
    assert proc.returncode == 0, err
    assert "stopped" in err and "Traceback" not in err


def test_bad_options_and_files_are_one_line_errors(tmp_path):
    r = run_cli("watch", str(tmp_path / "missing.txt"), "--db", str(tmp_path / "w.db"), "--once")
    assert r.code == 1 and "cannot read the sources file" in r.err and "Traceback" not in r.err
    (tmp_path / "s.txt").write_text("https://example.org/feed\n")
    r = run_cli("watch", str(tmp_path / "s.txt"), "--once", "--every", "often")
    assert r.code == 2 and "--every" in r.err
