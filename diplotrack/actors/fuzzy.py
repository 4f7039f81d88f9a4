"""Transliteration-tolerant matching of names that did not match exactly.

Two conservative tests, either suffices:
  * same consonant skeleton (Muttaqi/Motaqi -> "mtq", Hibatullah/Haibatullah ->
    "hbtlh") and a rapidfuzz ratio of at least SKELETON_MIN;
  * a rapidfuzz ratio of at least RATIO_MIN with the same number of words, each
    starting with the same letter.
The candidate must point at exactly one actor.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz import fuzz, process

from diplotrack.actors.registry import Registry, load_registry, norm

SKELETON_MIN = 70
RATIO_MIN = 88
FUZZY_KINDS = {"person", "armed_group", "de_facto_government", "igo", "state", "government_body", "party", "ngo",
               "organisation", "former_government"}
_VOWELS = re.compile(r"[aeiouy]")


def skeleton(word: str) -> str:
    w = word.replace("ph", "f").replace("q", "k").replace("w", "v").replace("j", "y")
    w = w[:1] + _VOWELS.sub("", w[1:]).replace("h", "") if len(w) > 1 else w
    return re.sub(r"(.)\1+", r"\1", w)


def name_skeleton(key: str) -> str:
    return " ".join(skeleton(t) for t in key.split())


class FuzzyIndex:
    def __init__(self, registry: Registry) -> None:
        self.registry = registry
        self.keys: list[str] = []
        self.skeletons: dict[str, list[str]] = {}
        for key, aliases in registry.aliases.items():
            if len(key) < 4 or any(a.via == "context" for a in aliases):
                continue
            if not {registry.actors[a.actor_id].kind for a in aliases} & FUZZY_KINDS:
                continue
            self.keys.append(key)
            sk = name_skeleton(key)
            if len(sk.replace(" ", "")) >= 3:
                self.skeletons.setdefault(sk, []).append(key)

    def _actor(self, key: str) -> str | None:
        ids = {a.actor_id for a in self.registry.aliases.get(key, [])}
        return ids.pop() if len(ids) == 1 else None

    def find(self, text: str, kinds: set[str] | None = None) -> tuple[str, str] | None:
        """(actor id, matched alias key) for a near-match of `text`, or None."""
        q = norm(text)
        if len(q) < 4:
            return None
        hits = [k for k in self.skeletons.get(name_skeleton(q), []) if fuzz.ratio(q, k) >= SKELETON_MIN]
        if not hits:
            best = process.extractOne(q, self.keys, scorer=fuzz.ratio, score_cutoff=RATIO_MIN)
            hits = [best[0]] if best and _same_shape(q, best[0]) else []
        ids = {self._actor(k) for k in hits}
        if len(ids) != 1:
            return None
        aid = ids.pop()
        if aid is None:
            return None
        if kinds and self.registry.actors[aid].kind not in kinds:
            return None
        return aid, hits[0]


def _same_shape(a: str, b: str) -> bool:
    ta, tb = a.split(), b.split()
    return len(ta) == len(tb) and all(x[0] == y[0] for x, y in zip(ta, tb, strict=True))


@lru_cache(maxsize=1)
def fuzzy_index() -> FuzzyIndex:
    return FuzzyIndex(load_registry())
