"""`.jsonl` corpora: one article object per line (see CONTRACT.md)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from diplotrack.errors import InputError, MalformedInput, UnsupportedInput
from diplotrack.ingest.clean import without_controls
from diplotrack.models import RawDocument

RECORD_FIELDS = ("id", "title", "url", "outlet", "authors", "published", "language", "genre")
MAX_FIELD_CHARS = 10_000  # a title, outlet or URL longer than this is not one
MAX_ID = 200  # characters of a record id kept in its source name (path#id)


def loads(text: str) -> Any:
    """json.loads, with nesting too deep for the parser (a crafted line) as a ValueError."""
    try:
        return json.loads(text)
    except RecursionError:
        raise ValueError("nested too deeply") from None


def iter_jsonl(
    text: str, path: str, *, in_folder: bool = False
) -> Iterator[RawDocument | InputError]:
    """A RawDocument per good line; one MalformedInput naming `path:line` per bad one.

    In a folder walk, a `.jsonl` where no line has `text` (an index or manifest
    file, not a corpus) is one error for the file instead of one per line."""
    results: list[RawDocument | InputError] = []
    for lineno, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            results.append(_parse_line(line, path, lineno))
    if not results:
        yield UnsupportedInput(path, "empty or whitespace-only input")
    elif in_folder and all(_no_text(r) for r in results):
        yield UnsupportedInput(path, "no line has a `text` field; not an article corpus")
    else:
        yield from results


def _no_text(item: RawDocument | InputError) -> bool:
    return isinstance(item, MalformedInput) and "no `text`" in item.reason


def _parse_line(line: str, path: str, lineno: int) -> RawDocument | InputError:
    where = f"{path}:{lineno}"
    try:
        obj = loads(line)
    except json.JSONDecodeError as exc:
        return MalformedInput(where, f"invalid JSON ({exc.msg} at column {exc.colno})")
    except ValueError as exc:  # e.g. an integer too long to convert
        return MalformedInput(where, f"invalid JSON ({str(exc).splitlines()[0][:120]})")
    return record_document(obj, path, where, f"L{lineno}")


def record_document(obj: Any, path: str, where: str, fallback_id: str) -> RawDocument | InputError:
    """One JSON object -> RawDocument (source `path#id`) or an error naming `where`."""
    if not isinstance(obj, dict):
        return MalformedInput(where, f"expected a JSON object, got {type(obj).__name__}")
    text = obj.get("text")
    if text is None:
        return MalformedInput(where, "line has no `text` field")
    if not isinstance(text, str) or not text.strip():
        return MalformedInput(where, "`text` is empty or not a string")
    fields = {k: obj[k] for k in RECORD_FIELDS if obj.get(k) not in (None, "", [])}
    for key, value in fields.items():
        if key != "authors" and not _scalar(value):
            return MalformedInput(where, f"`{key}` must be a string of at most {MAX_FIELD_CHARS} "
                                  "characters")
    authors = fields.get("authors")
    if isinstance(authors, str):
        fields["authors"] = [authors]
    elif authors is not None and not (
        isinstance(authors, list) and all(isinstance(a, str) and _scalar(a) for a in authors)
    ):
        return MalformedInput(where, "`authors` must be a list of strings")
    ident = without_controls(str(fields["id"]), one_line=True)[:MAX_ID] if "id" in fields else fallback_id
    return RawDocument(source=f"{path}#{ident}", content=text, kind="record", fields=fields)


def _scalar(value: Any) -> bool:
    if isinstance(value, str):
        return len(value) <= MAX_FIELD_CHARS
    return isinstance(value, int | float) and not isinstance(value, bool)


def iter_json(text: str, path: str) -> Iterator[RawDocument | InputError]:
    """A `.json` file: one article object or a list of them."""
    try:
        data = loads(text)
    except json.JSONDecodeError as exc:
        yield MalformedInput(path, f"invalid JSON ({exc.msg} at line {exc.lineno})")
        return
    except ValueError as exc:  # e.g. an integer too long to convert
        yield MalformedInput(path, f"invalid JSON ({str(exc).splitlines()[0][:120]})")
        return
    if not isinstance(data, list):
        yield record_document(data, path, path, "1")
        return
    for i, obj in enumerate(data, start=1):
        yield record_document(obj, path, f"{path}[{i}]", str(i))
