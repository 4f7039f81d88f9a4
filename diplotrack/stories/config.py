"""The matcher's settings, read once from data/matching.yaml and data/words.yaml."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from diplotrack.events.ontology import OTHER

DATA = Path(__file__).with_name("data")
GENERAL = OTHER.lower()  # the family of lead events outside PLOVER (events.lead)


@lru_cache(maxsize=4)
def load(name: str = "matching") -> dict[str, Any]:
    with (DATA / f"{name}.yaml").open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


@lru_cache(maxsize=1)
def family_of() -> dict[str, str]:
    """PLOVER category -> family name."""
    return {cat: fam for fam, cats in load()["families"].items() for cat in cats}


def family(category: str) -> str:
    return family_of().get(category.upper(), category.lower())


@lru_cache(maxsize=1)
def _family_pairs() -> dict[tuple[str, str], float]:
    pairs: dict[tuple[str, str], float] = {}
    for a, b, value in load()["compatible_families"]:
        pairs[(a, b)] = pairs[(b, a)] = float(value)
    return pairs


def category_score(a: str, b: str) -> float:
    """1 for the same category, less for related ones, 0 for unrelated."""
    if a == b:
        return 1.0
    fa, fb = family(a), family(b)
    if fa == fb:
        return float(load()["same_family"])
    return _family_pairs().get((fa, fb), 0.0)


def compatible_families(fam: str) -> list[str]:
    """The family itself first, then every family a report of it may be coded in."""
    out = [fam]
    out += sorted({b for (a, b) in _family_pairs() if a == fam})
    return out


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    return frozenset(load("words")["stopwords"])


@lru_cache(maxsize=1)
def number_words() -> dict[str, int]:
    return {str(k): int(v) for k, v in load("words")["numbers"].items()}


@lru_cache(maxsize=1)
def ordinal_words() -> dict[str, int]:
    return {str(k): int(v) for k, v in load("words")["ordinals"].items()}


@lru_cache(maxsize=1)
def _group_of() -> dict[str, str]:
    return {fam: grp for grp, fams in load()["blocking_groups"].items() for fam in fams}


def block(fam: str) -> str:
    """The blocking group a family is filed under."""
    return _group_of().get(fam, fam)


def lookup_blocks(fam: str) -> list[str]:
    """The blocking groups an event of this family must look in."""
    return sorted({block(f) for f in compatible_families(fam)})


@lru_cache(maxsize=1)
def _generic_patterns() -> tuple[tuple[str, ...], tuple[str, ...]]:
    patterns = [str(p).lower() for p in load().get("generic_participants", [])]
    return (tuple(p for p in patterns if p.endswith(":")), tuple(p for p in patterns if p.startswith(":")))


def is_generic(participant_id: str) -> bool:
    """A generic group ("civilians:grc", "usa:police") rather than a specific actor."""
    prefixes, suffixes = _generic_patterns()
    pid = participant_id.lower()
    return pid.startswith(prefixes) or pid.endswith(suffixes)
