"""Plain-text cleaning: paragraphs, whitespace, boilerplate from data/boilerplate.yaml."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")  # tab, newlines and form feed stay
_LINE_CONTROLS = re.compile(r"[\x00-\x1f\x7f]")


def without_controls(text: str, *, one_line: bool = False) -> str:
    """`text` without NUL and other control characters (never text; PostgreSQL refuses
    NUL outright). Tabs, newlines and form feeds stay, unless `one_line` (a name)."""
    return (_LINE_CONTROLS if one_line else _CONTROLS).sub("", text)

DATA_DIR = Path(__file__).parent / "data"
_ZERO_WIDTH = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_NON_WORD = re.compile(r"[\W_]+")
_SPACES = re.compile(r"[ \t\f\v\u00a0\u2000-\u200a\u202f\u205f\u3000]+")


class _Patterns:
    """Many patterns as two regexes: the ^-anchored ones tried once at the start
    (fast), the others searched through the paragraph."""

    def __init__(self, anchored: re.Pattern[str] | None, floating: re.Pattern[str] | None) -> None:
        self.anchored = anchored
        self.floating = floating

    @classmethod
    def of(cls, patterns: list[str]) -> _Patterns:
        def union(items: list[str]) -> re.Pattern[str] | None:
            return re.compile("|".join(f"(?:{p})" for p in items), re.I) if items else None

        return cls(union([p for p in patterns if p.startswith("^")]),
                   union([p for p in patterns if not p.startswith("^")]))

    def search(self, text: str) -> bool:
        return bool((self.anchored and self.anchored.match(text))
                    or (self.floating and self.floating.search(text)))


MAX_BOILERPLATE_CHARS = 400
"""Longer paragraphs are article text: boilerplate patterns are not tried on them."""


@dataclass(frozen=True)
class Boilerplate:
    drop: _Patterns
    drop_at_end: _Patterns
    tail_paragraphs: int
    cut_tail: _Patterns
    embed_classes: tuple[str, ...] = ()  # HTML: classes of embedded third-party posts


@lru_cache(maxsize=4)
def load_boilerplate(path: Path = DATA_DIR / "boilerplate.yaml") -> Boilerplate:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}

    def compile_all(key: str) -> _Patterns:
        return _Patterns.of([re.compile(p, re.I).pattern for p in data.get(key) or []])

    return Boilerplate(compile_all("drop"), compile_all("drop_at_end"),
                       int(data.get("tail_paragraphs", 4)), compile_all("cut_tail"),
                       tuple(str(c) for c in data.get("embed_classes") or []))


def normalise_line(line: str) -> str:
    if not line.isascii():
        line = _ZERO_WIDTH.sub("", unicodedata.normalize("NFC", line))
    return _SPACES.sub(" ", line).strip()


def split_paragraphs(text: str) -> list[str]:
    """Paragraphs of plain text: blank-line blocks, or one per line when lines are
    paragraphs; hard-wrapped blocks (e-mail style) are joined."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    blocks = [[normalise_line(x) for x in b.split("\n")] for b in re.split(r"\n[ \t\u00a0]*\n", text)]
    blocks = [[x for x in b if x] for b in blocks]
    blocks = [b for b in blocks if b]
    if _hard_wrapped(blocks):
        return [" ".join(b) for b in blocks]
    return [line for b in blocks for line in b]


def _hard_wrapped(blocks: list[list[str]]) -> bool:
    inner = [line for b in blocks for line in b[:-1]]  # lines followed by another in a block
    if len(inner) < 3:
        return False
    wrapped = sum(1 for line in inner if 40 <= len(line) <= 100)
    longest = max(len(line) for b in blocks for line in b)
    return wrapped >= 0.8 * len(inner) and longest <= 140


def norm_key(text: str) -> str:
    """Comparison key: lower case, letters and digits only."""
    return _NON_WORD.sub(" ", text.lower()).strip()


def remove_boilerplate(paragraphs: list[str], title: str | None = None,
                       rules: Boilerplate | None = None) -> list[str]:
    """Drop boilerplate paragraphs, credit lines at the end and repeats of the title."""
    rules = rules or load_boilerplate()
    paragraphs = _cut_tail(paragraphs, rules)
    title_key = norm_key(title) if title else None
    kept: list[str] = []
    n = len(paragraphs)
    for i, para in enumerate(paragraphs):
        if len(para) > MAX_BOILERPLATE_CHARS:
            kept.append(para)
            continue
        if title_key and abs(len(para) - len(title_key)) <= 10 and norm_key(para) == title_key:
            continue
        if rules.drop.search(para):
            continue
        if i >= n - rules.tail_paragraphs and rules.drop_at_end.search(para):
            continue
        kept.append(para)
    return _dedupe_adjacent(kept)


def _cut_tail(paragraphs: list[str], rules: Boilerplate) -> list[str]:
    for i in range(len(paragraphs) // 2, len(paragraphs)):
        if len(paragraphs[i]) <= MAX_BOILERPLATE_CHARS and rules.cut_tail.search(paragraphs[i]):
            return paragraphs[:i]
    return paragraphs


def _dedupe_adjacent(paragraphs: list[str]) -> list[str]:
    out: list[str] = []
    for para in paragraphs:
        if not out or abs(len(out[-1]) - len(para)) > 10 or norm_key(out[-1]) != norm_key(para):
            out.append(para)
    return out


def join_paragraphs(paragraphs: list[str]) -> str:
    return "\n\n".join(p for p in paragraphs if p)
