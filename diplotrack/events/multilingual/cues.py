"""Event cues of data/cues.yaml (and, for the coder's second reading of an article they
find no event in, data/cues_broad.yaml): the stems that signal a PLOVER category in a
language, matched at the start of a word (after Arabic proclitics), or anywhere in
Chinese."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from diplotrack.events.multilingual.text import ARABIC_PROCLITICS, NO_SPACES, fold

DATA = Path(__file__).parent / "data"


@dataclass(frozen=True)
class Cue:
    category: str
    mode: str | None
    gloss: str
    start: int  # character offsets in the folded text
    end: int
    text: str


@lru_cache(maxsize=2)
def _table(broad: bool = False) -> dict[str, dict[str, list]]:
    core = yaml.safe_load((DATA / "cues.yaml").read_text(encoding="utf-8")) or {}
    if not broad:
        return core
    more = yaml.safe_load((DATA / "cues_broad.yaml").read_text(encoding="utf-8")) or {}
    return {lang: {**more.get(lang, {}), **cues} for lang, cues in core.items()}


def languages() -> frozenset[str]:
    return frozenset(_table())


@lru_cache(maxsize=32)
def _pattern(language: str, broad: bool) -> tuple[re.Pattern[str], dict[str, tuple[str, str | None, str]]]:
    entries = {fold(stem): (cat, mode, gloss) for stem, (cat, mode, gloss) in _table(broad)[language].items()}
    alternatives = "|".join(re.escape(s) for s in sorted(entries, key=len, reverse=True))
    if language in NO_SPACES:
        return re.compile(f"(?:{alternatives})"), entries
    clitics = "|".join(re.escape(fold(p)) for p in ARABIC_PROCLITICS) if language == "ar" else ""
    prefix = f"(?:{clitics})?" if clitics else ""
    # Arabic inflects with short suffixes only; a longer word is another word
    suffix = r"(?=\w{0,2}(?!\w))" if language == "ar" else ""
    return re.compile(rf"(?<!\w){prefix}((?:{alternatives})){suffix}"), entries


def find(text: str, language: str, broad: bool = False) -> list[Cue]:
    """The cues in `text` (folded offsets), left to right; `broad`: with those of
    data/cues_broad.yaml."""
    if language not in _table():
        return []
    pattern, entries = _pattern(language, broad)
    folded = fold(text)
    found = []
    for m in pattern.finditer(folded):
        group = m.lastindex or 0
        stem = m.group(group)
        category, mode, gloss = entries[stem]
        found.append(Cue(category, mode, gloss, m.start(group), m.end(group), stem))
    return found
