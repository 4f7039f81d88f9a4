"""Long texts in pieces: spaCy's memory grows with the length of one Doc, and it
refuses texts over `nlp.max_length`, so an article longer than CHUNK_CHARS is
analysed a piece at a time, each piece ending at a paragraph (or sentence, or
word) boundary."""

from __future__ import annotations

import re
from collections.abc import Iterator

CHUNK_CHARS = 100_000
_BREAKS = (re.compile(r"\n\s*\n"), re.compile(r"\n"), re.compile(r"[.!?]\s"), re.compile(r"\s"))


def split(text: str, size: int = CHUNK_CHARS) -> Iterator[tuple[int, str]]:
    """(offset, piece) pairs covering `text` in order, each piece at most `size` characters
    (made one at a time: a long text is not held twice)."""
    start = 0
    while len(text) - start > size:
        end = _cut(text, start, start + size)
        yield start, text[start:end]
        start = end
    yield start, text[start:]


def _cut(text: str, start: int, limit: int) -> int:
    """The last boundary in the second half of text[start:limit] (else `limit` itself)."""
    floor = start + (limit - start) // 2
    for pattern in _BREAKS:
        ends = [m.end() for m in pattern.finditer(text, floor, limit)]
        if ends:
            return ends[-1]
    return limit
