"""The `diplotrack` command: a thin layer over the library.

Errors raised on purpose (DiplotrackError) become one line on stderr; any
other exception too, unless `--debug` asks for the traceback.
Exit codes: 0 all processed, 1 some inputs failed, 2 usage error.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated

import click
import typer
from rich.console import Console

from diplotrack import export as exporter
from diplotrack.cli_progress import IngestProgress
from diplotrack.errors import DiplotrackError, one_line
from diplotrack.pipeline import BatchAnalyser, IngestReport, Pipeline
from diplotrack.store.db import Store

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    help="Turn news coverage into a source-linked record of diplomatic engagement.",
)
err = Console(stderr=True, highlight=False, soft_wrap=True)

DbOption = Annotated[
    str | None,
    typer.Option("--db", envvar="DIPLOTRACK_DB", help="SQLite path, sqlite:/// or postgresql:// URL "
                 "[default: ./diplotrack.db]"),
]
DebugOption = Annotated[bool, typer.Option("--debug", help="Show tracebacks for errors.")]
DEMO_DB = "diplotrack-demo.db"
# typer (0.29+) carries its own copy of click: usage errors come from either
USAGE_ERRORS: tuple[type[Exception], ...] = (click.UsageError, typer.BadParameter.__mro__[1])
DEMO_CORPUS = Path(__file__).parent / "demo_corpus" / "articles"


def _print_version(value: bool) -> None:
    if value:
        from diplotrack import __version__

        typer.echo(f"diplotrack {__version__}")
        raise typer.Exit(0)


@app.callback()
def _root(version: Annotated[bool, typer.Option(
        "--version", is_eager=True, callback=_print_version,
        help="Show the version and exit.")] = False) -> None:
    """Turn news coverage into a source-linked record of diplomatic engagement."""


@app.command()
def ingest(
    inputs: Annotated[list[str], typer.Argument(help="Files, folders, .jsonl corpora, feeds, URLs.")],
    db: DbOption = None,
    batch_size: Annotated[int, typer.Option(help="Articles per spaCy batch.")] = 16,
    workers: Annotated[int, typer.Option(help="Run the NLP on a local Dask cluster of N worker "
                                         "processes (0: in this process).")] = 0,
    scheduler: Annotated[str | None, typer.Option(help="Run the NLP on this Dask scheduler "
                                                  "(tcp://host:8786).")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress or summary.")] = False,
    private_links: Annotated[bool, typer.Option(
        "--private-links", help="Follow feed links to loopback and private addresses.")] = False,
    debug: DebugOption = False,
) -> None:
    """Read articles, extract everything and store it (idempotent)."""
    if workers or scheduler:
        from diplotrack.distributed import DaskAnalyser

        with DaskAnalyser(scheduler, workers or 2) as analyser:
            report = _run_ingest(inputs, db, batch_size, quiet, analyser, private_links)
    else:
        report = _run_ingest(inputs, db, batch_size, quiet, private_links=private_links)
    if not quiet:
        _print_summary(report)
    raise typer.Exit(0 if report.ok else 1)


def _run_ingest(inputs: list[str], db: str | None, batch_size: int, quiet: bool,
                analyser: BatchAnalyser | None = None, private_links: bool = False) -> IngestReport:
    with Store.open(db) as store, IngestProgress(err, enabled=not quiet) as progress:
        pipeline = Pipeline(store, batch_size=batch_size, on_progress=progress.tick,
                            analyser=analyser, private_links=private_links)
        report = pipeline.ingest(inputs)
    for failure in report.failed:
        err.print(f"error: {failure}", markup=False)
    return report


def _print_summary(report: IngestReport) -> None:
    err.print(
        f"{len(report.stored)} stored, {report.events} events, "
        f"{len(report.duplicates)} duplicates, {len(report.skipped)} already stored, "
        f"{len(report.failed)} failed",
        markup=False,
    )
    for dup in report.duplicates:
        err.print(f"duplicate: {dup}", markup=False)
    for note in report.notes:
        err.print(f"note: {one_line(note)}", markup=False)


@app.command("export")
def export_cmd(
    kind: Annotated[str, typer.Argument(help="articles, events, stories, actors or network.")],
    db: DbOption = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help=(
        "jsonl, csv or json; the network: graphml or json."))] = "jsonl",
    min_confidence: Annotated[float | None, typer.Option(
        "--min-confidence", min=0.0, max=1.0,
        help="Events: only those at least this likely to be right (calibrated confidence).")] = None,
    main_only: Annotated[bool, typer.Option(
        "--main-only", help="Events: only articles' main events, no mentions.")] = False,
    debug: DebugOption = False,
) -> None:
    """Write stored records to stdout."""
    if kind not in exporter.KINDS:
        raise typer.BadParameter(f"{kind!r} is not one of {', '.join(exporter.KINDS)}", param_hint="KIND")
    if kind in exporter.GRAPH_KINDS and fmt == "jsonl":
        fmt = "graphml"  # the network's default
    try:
        exporter.check(kind, fmt)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--format") from None
    with Store.open(db) as store:
        try:
            for chunk in exporter.stream(store, kind, fmt, min_confidence=min_confidence,
                                         main_only=main_only):
                sys.stdout.write(chunk)
            sys.stdout.flush()
        except BrokenPipeError:  # `diplotrack export events | head`: the reader has enough
            _quiet_stdout()


@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    allow_host: Annotated[list[str] | None, typer.Option(
        "--allow-host", help="A host name clients use to reach this server (repeatable; '*': "
        "any). Loopback names and --host are always allowed.")] = None,
    workers: Annotated[int, typer.Option(min=1, max=64, help="Server processes (use the "
                                         "machine's cores).")] = 1,
    debug: DebugOption = False,
) -> None:
    """Run the web UI and the REST API."""
    from diplotrack.api.server import serve as run_server

    Store.open(db).close()  # fail early, in one line, if the database cannot be opened
    _check_port(host, port)
    err.print(f"diplotrack: serving on http://{host}:{port}/ (Ctrl+C to stop)", markup=False)
    run_server(db, host, port, allow_hosts=tuple(allow_host or ()), workers=workers)


@app.command()
def demo(
    db: Annotated[str | None, typer.Option(
        "--db", help=f"Where to put the demo database [default: ./{DEMO_DB}; never "
        "$DIPLOTRACK_DB]")] = None,
    debug: DebugOption = False,
) -> None:
    """Ingest the bundled sample corpus into the demo database and summarise it (again:
    only what is not stored yet; what you added is kept)."""
    from diplotrack.summary import print_summary

    target = db or DEMO_DB
    err.print(f"Ingesting the sample corpus ({DEMO_CORPUS.name}) into {target} …", markup=False)
    report = _run_ingest([str(DEMO_CORPUS)], target, 16, quiet=False)
    with Store.open(target) as store:
        print_summary(store, report, Console(highlight=False, soft_wrap=True))
    db_arg = "" if target == "diplotrack.db" else f" --db {target}"
    Console(highlight=False, soft_wrap=True).print(
        "\nNext:\n"
        f"  diplotrack serve{db_arg}                 # open http://127.0.0.1:8000/\n"
        f"  diplotrack export events{db_arg} | head  # the events as JSON Lines\n"
        f"  diplotrack export stories{db_arg} --format csv > stories.csv\n"
        f"  diplotrack ingest{db_arg} PATH_OR_URL    # add your own articles",
        markup=False,
    )
    raise typer.Exit(0 if report.ok else 1)


@app.command("eval")
def eval_cmd(
    gold_dir: Annotated[Path, typer.Argument(help="Folder with events/*.yaml and actors.yaml.")],
    db: DbOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
    debug: DebugOption = False,
) -> None:
    """Score stored events and metadata against gold annotations."""
    from diplotrack.evaluation.gold import load_gold
    from diplotrack.evaluation.report import print_report, report_json
    from diplotrack.evaluation.scoring import score

    gold = load_gold(gold_dir)
    with Store.open(db) as store:
        result = score(store, gold)
    if as_json:
        sys.stdout.write(report_json(result) + "\n")
    else:
        print_report(result, Console(highlight=False))


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="Words to look for in titles and text.")],
    db: DbOption = None,
    limit: Annotated[int, typer.Option(help="Most results to show.")] = 20,
    debug: DebugOption = False,
) -> None:
    """Full-text search over the stored articles."""
    with Store.open(db) as store:
        for hit in store.search(query, limit):
            typer.echo(f"{hit['id']}  {hit['title'] or '(untitled)'}\n    {hit['snippet']}")


@app.command()
def watch(
    sources: Annotated[Path, typer.Argument(help="A file of feeds and pages, one a line: "
                                            "URL, then optionally name=NAME every=15m; # comments.")],
    db: DbOption = None,
    once: Annotated[bool, typer.Option("--once", help="Poll every source once and exit "
                                       "(for cron).")] = False,
    jsonl: Annotated[str | None, typer.Option(
        "--jsonl", help="Write one JSON object per poll to this file ('-': stdout).")] = None,
    webhook: Annotated[str | None, typer.Option(
        "--webhook", help="POST each poll that found something new, as JSON, to this URL.")] = None,
    every: Annotated[str, typer.Option(help="Interval of sources that give none.")] = "30m",
    concurrency: Annotated[int, typer.Option(min=1, max=32, help="Sources polled at once.")] = 4,
    host_interval: Annotated[float, typer.Option(
        min=0.0, help="Seconds between two requests to one host.")] = 1.0,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No summary.")] = False,
    private_links: Annotated[bool, typer.Option(
        "--private-links", help="Poll and follow links to loopback and private addresses.")] = False,
    debug: DebugOption = False,
) -> None:
    """Keep the database current: poll feeds and pages, store what is new, say what it is."""
    from diplotrack.watch import command as watch_command

    options = watch_command.Options(private_links=private_links, concurrency=concurrency,
                                    host_interval_s=host_interval, debug=debug)
    code = watch_command.run(sources, db, options, once=once, jsonl=jsonl, webhook=webhook,
                             every_s=_interval(every), quiet=quiet)
    raise typer.Exit(code)


def _interval(text: str) -> float:
    from diplotrack.watch.sources import MIN_EVERY_S, parse_interval

    try:
        seconds = parse_interval(text)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--every") from None
    if seconds < MIN_EVERY_S:
        raise typer.BadParameter("more often than once a minute", param_hint="--every")
    return seconds


def main(argv: list[str] | None = None) -> None:
    args = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in args or bool(os.environ.get("DIPLOTRACK_DEBUG"))
    try:
        code = app(args=args, prog_name="diplotrack", standalone_mode=False)
    except (typer.Exit, click.exceptions.Exit) as exc:
        code = exc.exit_code
    except (typer.Abort, click.Abort):
        err.print("aborted", markup=False)
        code = 130
    except USAGE_ERRORS as exc:
        exc.show()  # type: ignore[attr-defined]  # both classes have show()
        code = 2
    except DiplotrackError as exc:
        if debug:
            raise
        err.print(f"diplotrack: error: {exc}", markup=False)
        code = 1
    except KeyboardInterrupt:
        err.print("interrupted", markup=False)
        code = 130
    except Exception as exc:  # noqa: BLE001  one line for users; --debug for the traceback
        if debug:
            raise
        first = str(exc).splitlines()[0] if str(exc) else ""
        err.print(f"diplotrack: internal error: {exc.__class__.__name__}: {first} "
                  "(run with --debug for the traceback)", markup=False)
        code = 1
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _quiet_stdout()
    sys.exit(code if isinstance(code, int) else 0)


def _check_port(host: str, port: int) -> None:
    """One line, not uvicorn's traceback, when the address is taken or not ours."""
    import socket

    try:
        with socket.create_server((host, port)):
            pass
    except OSError as exc:
        reason = os.strerror(exc.errno) if exc.errno else str(exc)
        raise DiplotrackError(f"cannot listen on {host}:{port}: {reason} "
                              "(try another --port)") from None


def _quiet_stdout() -> None:
    """Point stdout at /dev/null, so that flushing it at exit raises nothing."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
