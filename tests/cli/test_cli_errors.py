"""Exit codes and one-line errors, as CONTRACT.md and the guide require."""

from __future__ import annotations

import json

from diplotrack import cli as cli_module


def test_usage_errors_exit_2(cli, tmp_path):
    db = str(tmp_path / "x.db")
    assert cli("export", "nothing", "--db", db).code == 2
    assert cli("export", "articles", "--db", db, "--format", "xml").code == 2
    assert cli("no-such-command").code == 2
    assert cli("ingest").code == 2  # no inputs


def test_unopenable_db_is_one_line_without_traceback(cli, tmp_path):
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"garbage, not a database " * 50)
    r = cli("export", "articles", "--db", str(bad))
    assert r.code == 1
    lines = [line for line in r.err.splitlines() if line.strip()]
    assert len(lines) == 1 and str(bad) in lines[0] and "Traceback" not in r.err


def test_debug_shows_the_traceback(cli, tmp_path):
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"garbage, not a database " * 50)
    r = cli("export", "articles", "--db", str(bad), "--debug")
    assert r.code != 0 and "Traceback" in r.err


def test_export_empty_database_in_every_format(cli, tmp_path):
    db = str(tmp_path / "e.db")
    assert cli("export", "articles", "--db", db).out == ""
    assert json.loads(cli("export", "events", "--db", db, "--format", "json").out) == []
    assert cli("export", "stories", "--db", db, "--format", "csv").code == 0


def test_db_from_environment(cli, tmp_path):
    db = tmp_path / "env.db"
    r = cli("export", "articles", env={"DIPLOTRACK_DB": str(db)})
    assert r.code == 0 and db.exists()


def test_main_turns_unexpected_exceptions_into_one_line(monkeypatch, capsys):
    def boom(*_a, **_k):
        raise RuntimeError("something broke\nsecond line")

    monkeypatch.setattr(cli_module.Store, "open", boom)
    try:
        cli_module.main(["export", "articles", "--db", "x.db"])
    except SystemExit as exc:
        assert exc.code == 1
    err = capsys.readouterr().err
    assert "RuntimeError: something broke" in err and "second line" not in err and "Traceback" not in err


def test_export_options_filter_events(cli, tmp_path):
    """--min-confidence and --main-only narrow the events export; a bad value is a usage error."""
    db = tmp_path / "f.db"
    src = tmp_path / "a.txt"
    src.write_text("EU hosts Taliban delegation\n\nThe European Union hosted a Taliban delegation in "
                   "Brussels on Tuesday for talks on deportations, officials said. Belgium issued "
                   "visas for the visit.\n", encoding="utf-8")
    assert cli("ingest", str(src), "--db", str(db)).code == 0
    every = [line for line in cli("export", "events", "--db", str(db)).out.splitlines() if line]
    mains = [line for line in cli("export", "events", "--main-only", "--db", str(db)).out.splitlines() if line]
    none = cli("export", "events", "--min-confidence", "1", "--db", str(db))
    assert every and 1 <= len(mains) <= len(every)
    assert all(json.loads(line)["main"] is True for line in mains)
    assert none.code == 0 and not none.out.strip()
    assert cli("export", "events", "--min-confidence", "2", "--db", str(db)).code == 2


def test_version_busy_port_and_a_closed_pipe(cli, tmp_path):
    import socket
    import subprocess
    import sys

    assert cli("--version").out.startswith("diplotrack ")
    with socket.create_server(("127.0.0.1", 0)) as busy:
        port = busy.getsockname()[1]
        r = cli("serve", "--db", str(tmp_path / "x.db"), "--port", str(port))
    assert r.code == 1 and "cannot listen on 127.0.0.1" in r.err and "Traceback" not in r.err
    db = tmp_path / "d.db"
    text = tmp_path / "a.txt"
    text.write_text("Norway and Chile agree\n\n" + "The foreign minister of Norway met the "
                    "foreign minister of Chile in Oslo on Tuesday, officials said. " * 2000)
    assert cli("ingest", "--db", str(db), str(text)).code == 0
    export = subprocess.Popen([sys.executable, "-m", "diplotrack", "export", "articles", "--db",
                               str(db), "-f", "json"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert export.stdout is not None
    export.stdout.read(10)
    export.stdout.close()  # like `| head -c 10`
    assert export.wait(timeout=120) == 0


def test_help_names_arguments_and_flags_plainly(cli):
    out = cli("ingest", "--help").out
    assert "INPUTS..." in out and "--quiet" in out
    assert "<bool>" not in out and "{inputs}" not in out  # typer 0.27+ wrote these
