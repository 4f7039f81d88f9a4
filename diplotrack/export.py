"""Export records as JSON Lines, CSV or a JSON array (CONTRACT.md shapes), and the actor
network as GraphML.

CSV is for spreadsheets: one row per record, one value per cell. Participants give a
column of names and one of ids ("actor", "actor_ids"), evidence its sentences, a
location or the framing their parts ("location.name", "framing.loaded_language"),
lists of words their items joined with "; "; only deeper structures (a story's
claims) stay JSON in their cell."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from typing import Any, TextIO

from diplotrack.store.db import Store

FORMATS = ("jsonl", "csv", "json", "graphml")
KINDS = ("articles", "events", "stories", "actors", "network")
GRAPH_KINDS = ("network",)  # written as GraphML or JSON, not as rows
ALL = 1_000_000  # actors and network nodes: every one
EXPAND = {"location": ("name", "country", "lat", "lon"), "framing": ("loaded_language", "loaded_terms")}
JOIN = "; "
PEOPLE = ("actor", "recipient")  # events and stories: a names column and an ids column each


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
    elif kind == "actors":
        from diplotrack.store.actor_queries import list_actors
        from diplotrack.store.queries import Page

        yield from list_actors(store, Page(limit=ALL))["items"]
    else:
        raise ValueError(f"unknown record kind {kind!r}; expected one of {', '.join(KINDS)}")


def network(store: Store) -> dict[str, Any]:
    from diplotrack.store.actor_queries import network as actor_network

    return actor_network(store, max_nodes=ALL)


def check(kind: str, fmt: str) -> None:
    """ValueError when `kind` cannot be written as `fmt`."""
    if kind not in KINDS:
        raise ValueError(f"unknown record kind {kind!r}; expected one of {', '.join(KINDS)}")
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
    if (fmt == "graphml") != (kind in GRAPH_KINDS) and not (kind in GRAPH_KINDS and fmt == "json"):
        raise ValueError(f"{kind} cannot be written as {fmt}: the network is graphml or json, "
                         "records are jsonl, csv or json")


def stream(store: Store, kind: str, fmt: str, *, min_confidence: float | None = None,
           main_only: bool = False) -> Iterator[str]:
    """The export of `kind` as `fmt`, in pieces (see `chunks`); ValueError for a pair
    `check` refuses."""
    check(kind, fmt)
    if kind in GRAPH_KINDS:
        graph = network(store)
        if fmt == "json":
            yield json.dumps(graph, ensure_ascii=False, indent=2) + "\n"
            return
        from diplotrack.graphml import write_graphml

        buf = io.StringIO()
        write_graphml(graph, buf)
        yield buf.getvalue()
        return
    yield from chunks(records(store, kind, min_confidence=min_confidence, main_only=main_only), fmt)


def chunks(rows: Iterable[dict[str, Any]], fmt: str) -> Iterator[str]:
    """The text of `write`, in pieces as records are read (JSON Lines and CSV stream
    record by record; a JSON array or GraphML is written whole)."""
    buf = io.StringIO()
    if fmt == "jsonl":
        for row in rows:
            yield json.dumps(row, ensure_ascii=False) + "\n"
        return
    if fmt == "csv":
        writer: csv.DictWriter[str] | None = None
        for row in rows:
            flat = flatten(row)
            if writer is None:
                writer = csv.DictWriter(buf, fieldnames=list(flat), extrasaction="ignore")
                writer.writeheader()
            writer.writerow(flat)
            yield buf.getvalue()
            buf.seek(0)
            buf.truncate()
        return
    write(rows, buf, fmt)
    yield buf.getvalue()


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
    """One row per record, one value per cell (see the module's doc); the columns are
    those of the first record."""
    n = 0
    for text in chunks(rows, "csv"):
        out.write(text)
        n += 1
    return n


def flatten(row: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in row.items():
        if key in EXPAND:
            part = value if isinstance(value, dict) else {}
            for sub in EXPAND[key]:
                out[f"{key}.{sub}"] = _cell(part.get(sub))
        elif key in PEOPLE or _people(value):
            people = value if isinstance(value, list) else []
            out[key] = JOIN.join(str(p.get("name") or p.get("id") or "") for p in people)
            out[f"{key}_ids"] = JOIN.join(str(p.get("id") or "") for p in people)
        elif isinstance(value, list) and value and all(isinstance(v, dict) and "sentence" in v for v in value):
            out[key] = " | ".join(str(v["sentence"]).strip() for v in value)
        else:
            out[key] = _cell(value)
    return out


def _people(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(
        isinstance(v, dict) and "id" in v and "kind" in v for v in value)


def _cell(value: Any) -> Any:
    if isinstance(value, list) and all(not isinstance(v, list | dict) for v in value):
        return JOIN.join("" if v is None else str(v) for v in value)
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return value
