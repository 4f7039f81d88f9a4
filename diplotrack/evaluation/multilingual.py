"""Events in other languages on evaldata/multilingual-synthetic, by part and language
(bench/multilingual_synthetic.py and the event gate).

A gold event is found when a stored event of the item has one of its categories and
names all its participants (registry ids: ISO alpha-3 states, `taliban`, `un`, `eu`;
an official or body counts for its state and affiliation); every other stored event
is a false alarm.
"""

from __future__ import annotations

import json
import tempfile
from collections import defaultdict
from pathlib import Path
from typing import TYPE_CHECKING

from diplotrack.evaluation.split import part
from diplotrack.pipeline import Pipeline
from diplotrack.store.db import Store

if TYPE_CHECKING:
    from spacy.language import Language

DATA = Path(__file__).resolve().parents[2] / "evaldata" / "multilingual-synthetic" / "items.jsonl"


def load(path: Path = DATA) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def ids(ev) -> set[str]:  # noqa: ANN001
    # a state, or an official or body acting for it, as the scorer of real news reads them
    return {p.id.lower() for p in ev.participants()} | {(p.country or "").lower() for p in ev.participants()
                                                       if p.kind in {"state", "person", "government_body"}} | {
        (p.affiliation or "").lower() for p in ev.participants()}


def matches(ev, gold: dict) -> bool:  # noqa: ANN001
    return ev.event_type in gold["types"] and {p.lower() for p in gold["participants"]} <= ids(ev)


def _ingest(items: list[dict], tmp: Path, nlp: Language | None) -> tuple[dict[str, dict], dict[str, list]]:
    """The items through the real pipeline: article records by item id, events by article."""
    corpus = tmp / "items.jsonl"
    corpus.write_text("\n".join(json.dumps({k: it[k] for k in ("id", "title", "text", "published")},
                                           ensure_ascii=False) for it in items) + "\n", encoding="utf-8")
    with Store.open(str(tmp / "m.db")) as store:
        Pipeline(store, nlp=nlp).ingest([str(corpus)])
        arts = {a["source"].rsplit("#", 1)[1]: a for a in store.iter_articles()}
        events: dict[str, list] = defaultdict(list)
        for ev in store.iter_events():
            events[ev.article_id].append(ev)
    return arts, events


def score(items: list[dict], show: str | None = None, nlp: Language | None = None) -> dict[str, dict[str, float]]:
    """Figures per `part:language`, per part (`train:all`, `test:all`) and `all`."""
    with tempfile.TemporaryDirectory() as folder:
        arts, events = _ingest(items, Path(folder), nlp)
    cells: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0, 0])  # tp fp fn lang main n
    for it in items:
        art = arts.get(it["id"])
        which = part("multilingual-synthetic", it["id"])
        _count(cells[f'{which}:{it["language"]}'], it, art, events.get(art["id"], []) if art else [],
               show == which)
    totals = {f"{p}:all": [sum(c[i] for k, c in cells.items() if k.startswith(p)) for i in range(6)]
              for p in ("train", "test")}
    totals["all"] = [sum(c[i] for c in cells.values()) for i in range(6)]
    return {lang: _figures(c) for lang, c in [*sorted(cells.items()), *totals.items()]}


def _count(c: list[int], it: dict, art: dict | None, evs: list, show: bool) -> None:
    """Add one item's matches to its cell (tp fp fn language main n); print its errors
    with `show`."""
    used: set[int] = set()
    for gold in it["events"]:
        hit = next((i for i, e in enumerate(evs) if i not in used and matches(e, gold)), None)
        if hit is None:
            c[2] += 1
        else:
            used.add(hit)
            c[0] += 1
            c[4] += evs[hit].main
    c[1] += len(evs) - len(used)
    c[3] += bool(art and art["language"] == it["language"])
    c[5] += 1
    if show and (len(used) < len(it["events"]) or len(evs) > len(used)):
        got = [(e.event_type, sorted(ids(e))) for e in evs]
        print(f"{it['id']}: gold {[(g['types'], g['participants']) for g in it['events']]} got {got}")


def _figures(c: list[int]) -> dict[str, float]:
    tp, fp, fn, lang_ok, main, n = c
    p, r = tp / (tp + fp) if tp + fp else 0.0, tp / (tp + fn) if tp + fn else 0.0
    return {"items": n, "language_right": lang_ok, "precision": round(p, 3), "recall": round(r, 3),
            "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0, "main_found": main}
