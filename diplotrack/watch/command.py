"""`diplotrack watch SOURCES`: read the sources file, open the outputs, run."""

from __future__ import annotations

import sys
from contextlib import ExitStack
from pathlib import Path
from typing import IO

from diplotrack.errors import DiplotrackError
from diplotrack.store.db import Store
from diplotrack.watch.runner import Emitter, Options, Runner
from diplotrack.watch.sources import DEFAULT_EVERY_S, read_sources

__all__ = ["Options", "run"]


def run(sources_file: Path, db: str | None, options: Options, *, once: bool = False,
        jsonl: str | None = None, webhook: str | None = None,
        every_s: float = DEFAULT_EVERY_S, quiet: bool = False) -> int:
    """Poll the sources of `sources_file` once (`once`) or until Ctrl-C; the exit code
    of `once`: 0 all polled, 1 a bad line or a failed source (each named on stderr)."""
    try:
        sources, bad_lines = read_sources(sources_file, every_s)
    except (OSError, UnicodeDecodeError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc)
        raise DiplotrackError(f"{sources_file}: cannot read the sources file ({reason})") from None
    for bad in bad_lines:
        print(f"error: {bad}", file=sys.stderr, flush=True)
    if not sources:
        raise DiplotrackError(f"{sources_file}: no sources to watch")
    with ExitStack() as stack:
        out = _jsonl_stream(stack, jsonl)
        summary = None if quiet or jsonl == "-" else sys.stdout
        emitter = Emitter(summary, sys.stderr, out, webhook)
        store = stack.enter_context(Store.open(db))
        runner = Runner(store, sources, options, emitter)
        if not once:
            _forever(runner)
            return 0  # stopped on purpose; what failed was said as it happened
        runner.once()
    return 1 if bad_lines or emitter.failed else 0


def _jsonl_stream(stack: ExitStack, jsonl: str | None) -> IO[str] | None:
    if jsonl is None:
        return None
    if jsonl == "-":
        return sys.stdout
    try:
        return stack.enter_context(open(jsonl, "a", encoding="utf-8"))  # noqa: SIM115
    except OSError as exc:
        raise DiplotrackError(f"{jsonl}: cannot write the --jsonl file ({exc.strerror})") from None


def _forever(runner: Runner) -> None:
    print(f"diplotrack: watching {len(runner.sources)} sources (Ctrl+C to stop)",
          file=sys.stderr, flush=True)
    try:
        runner.forever()
    except KeyboardInterrupt:
        print("diplotrack: stopped", file=sys.stderr, flush=True)
