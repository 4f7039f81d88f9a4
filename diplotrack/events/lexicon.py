"""Trigger lexicon and cue lists, compiled from data/triggers.yaml and data/cues.yaml.

A `Sense` is one reading of a trigger lemma: its PLOVER category and mode and
the conditions (objects, particles, modifiers) that select it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from diplotrack.events.ontology import load_yaml


@dataclass(frozen=True)
class Sense:
    lemma: str
    category: str
    mode: str | None
    pos: str  # "verb" | "noun"
    objs: frozenset[str] = frozenset()
    preps: frozenset[str] = frozenset()
    mods: frozenset[str] = frozenset()
    govs: frozenset[str] = frozenset()

    @property
    def specificity(self) -> int:
        return bool(self.objs) + bool(self.preps) + bool(self.mods) + bool(self.govs)

    @property
    def label(self) -> str:
        parts = [self.lemma, *sorted(self.preps)]
        return " ".join(parts)


MARKS = {"+": "objs", "@": "preps", "~": "mods", "<": "govs"}


def parse_key(key: str) -> tuple[str, dict[str, frozenset[str]]]:
    """'cut +tie|relation @with' -> ('cut', {objs: {tie, relation}, preps: {with}})."""
    lemma_parts: list[str] = []
    conds: dict[str, set[str]] = {v: set() for v in MARKS.values()}
    for part in key.split():
        field_name = MARKS.get(part[0])
        if field_name:
            conds[field_name].update(part[1:].split("|"))
        else:
            lemma_parts.append(part)
    return " ".join(lemma_parts).lower(), {k: frozenset(v) for k, v in conds.items()}


@dataclass(frozen=True)
class Lexicon:
    verbs: dict[str, tuple[Sense, ...]]
    nouns: dict[str, tuple[Sense, ...]]

    def senses(self, lemma: str, pos: str) -> tuple[Sense, ...]:
        table = self.verbs if pos == "verb" else self.nouns
        return table.get(lemma, ())


def _compile(raw: dict) -> Lexicon:
    tables: dict[str, dict[str, list[Sense]]] = {"verb": {}, "noun": {}}
    for category, sections in raw.items():
        for section, pos in (("verbs", "verb"), ("nouns", "noun")):
            for key, mode in (sections.get(section) or {}).items():
                lemma, conds = parse_key(key)
                sense = Sense(lemma, category, mode, pos, **conds)
                tables[pos].setdefault(lemma, []).append(sense)
    frozen = {  # stable sort: most specific first, then file order
        pos: {k: tuple(sorted(v, key=lambda s: -s.specificity)) for k, v in table.items()}
        for pos, table in tables.items()
    }
    return Lexicon(verbs=frozen["verb"], nouns=frozen["noun"])


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    return _compile(load_yaml("triggers.yaml"))


@lru_cache(maxsize=1)
def cues_yaml() -> dict:
    """data/cues.yaml as parsed, once per process (read only: callers copy what they keep)."""
    return load_yaml("cues.yaml")


@lru_cache(maxsize=1)
def cues() -> dict[str, frozenset[str]]:
    raw = cues_yaml()
    return {k: frozenset(str(x).lower() for x in v) for k, v in raw.items()
            if isinstance(v, list | dict)}  # word lists; settings such as numbers aside


@lru_cache(maxsize=1)
def context_cues() -> tuple[dict[str, str], dict[tuple[str, str], str]]:
    """(single-lemma cue -> context, (lemma, lemma) cue -> context)."""
    single: dict[str, str] = {}
    double: dict[tuple[str, str], str] = {}
    for context, words in load_yaml("contexts.yaml").items():
        for word in words:
            parts = str(word).lower().split()
            if len(parts) == 1:
                single.setdefault(parts[0], context)
            else:
                double.setdefault((parts[0], parts[-1]), context)
    return single, double
