"""Export records as JSON Lines, CSV or a JSON array (CONTRACT.md shapes)."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from typing import Any, TextIO

from diplotrack.store.db import Store

FORMATS = ("jsonl", "csv", "json")
KINDS = ("articles", "events", "stories")


def records(store: Store, kind: str, *, min_confidence: float | None = None,
            main_only: bool = False) -> Iterator[dict[str, Any]]:
    """Records of one kind; events only from `min_confidence` on, or main ones only."""
    if kind == "articles":
        yield from store.iter_articles()
    elif kind == "events":
        for ev in store.iter_events(min_confidence=min_confidence, main_only=main_only):
            yield ev.to_dict()
    elif kind == "stories":
        from diplotrack.stories import iter_stories

        yield from iter_stories(store)
    else:
        raise ValueError(f"unknown record kind {kind!r}; expected one of {', '.join(KINDS)}")


def write(rows: Iterable[dict[str, Any]], out: TextIO, fmt: str) -> int:
    """Write rows to `out`; return how many were written."""
    if fmt == "jsonl":
        count = 0
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
            count += 1
        return count
    if fmt == "json":
        items = list(rows)
        json.dump(items, out, ensure_ascii=False, indent=2)
        out.write("\n")
        return len(items)
    if fmt == "csv":
        return _write_csv(rows, out)
    raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")


def _write_csv(rows: Iterable[dict[str, Any]], out: TextIO) -> int:
    """One row per record; nested values (lists, objects) as JSON in their cell."""
    writer: csv.DictWriter[str] | None = None
    n = 0
    for row in rows:
        flat = {k: _cell(v) for k, v in row.items()}
        if writer is None:
            writer = csv.DictWriter(out, fieldnames=list(flat), extrasaction="ignore")
            writer.writeheader()
        writer.writerow(flat)
        n += 1
    return n


def _cell(value: Any) -> Any:
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return value
