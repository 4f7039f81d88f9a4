"""Cue tables from data/cues.yaml: state suffixes/prefixes, person titles and their levels."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from diplotrack.actors.registry import load_registry

LEVELS = ("head_of_state", "head_of_government", "minister", "envoy", "ambassador", "official", "spokesperson")
POSSESSIVE = {"'s", "’s", "'", "’"}


@dataclass(frozen=True)
class Cue:
    body: str | None = None
    name: str | None = None
    level: str | None = None
    sector: str | None = None


def _split(phrase: str) -> tuple[str, ...]:
    """Lower-case tokens as spaCy's English tokenizer makes them: an infix hyphen is a
    token of its own ("secretary-general" -> secretary, -, general)."""
    return tuple(re.sub(r"(?<=\w)-(?=\w)", " - ", phrase.lower()).split())


@dataclass(frozen=True)
class Cues:
    suffixes: dict[tuple[str, ...], Cue]
    prefixes: dict[tuple[str, ...], Cue]
    titles: dict[tuple[str, ...], str]
    modifier_max: int
    org_kinds: tuple[tuple[str, tuple[str, ...]], ...]
    title_words: frozenset[str]
    place_nouns: frozenset[str] = frozenset()  # "Bagram Airfield" is no person's name
    name_particles: frozenset[str] = frozenset()  # "bin", "al": lower case inside a name


@lru_cache(maxsize=1)
def cues() -> Cues:
    raw = load_registry().cues

    def table(name: str) -> dict[tuple[str, ...], Cue]:
        return {_split(k): Cue(**(v or {})) for k, v in (raw.get(name) or {}).items()}

    titles = {_split(k): v for k, v in (raw.get("titles") or {}).items()}
    kinds = tuple((k, tuple(v)) for k, v in (raw.get("org_kinds") or {}).items())
    words = frozenset(w for k in titles for w in k) | frozenset(raw.get("title_words") or [])
    return Cues(table("state_suffixes"), table("state_prefixes"), titles,
                int(raw.get("title_modifier_max", 3)), kinds, words,
                frozenset(raw.get("place_nouns") or ()), frozenset(raw.get("name_particles") or ()))


def org_kind(name: str) -> str:
    """A guessed kind for an organisation that is not in the registry."""
    low = name.lower()
    for kind, pattern in _org_patterns():
        if pattern.search(low):
            return kind
    return "organisation"


@lru_cache(maxsize=1)
def _org_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple((kind, re.compile("|".join(rf"\b{re.escape(w.strip())}\b" for w in words)))
                 for kind, words in cues().org_kinds)
