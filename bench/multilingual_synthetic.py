"""Events from text in other languages on a set the coder never saw
(evaldata/multilingual-synthetic: 64 synthetic news paragraphs in eight languages,
written by a helper that did not see the cue or name lists; a test set only).

    python bench/multilingual_synthetic.py [--show]

Each item is ingested as a `.jsonl` record (title, text, published; the language is
detected) through the real pipeline. A gold event is found when a stored event of the
item has one of its categories and names all its participants (registry ids: ISO
alpha-3 states, `taliban`, `un`, `eu`); every other stored event is a false alarm.
Printed per language and for each part (diplotrack.evaluation.split, keyed by item id:
decide on the training part, report the test part): language identified, precision,
recall, F1, and main events found (the item's main event among the article's main
events).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from diplotrack.evaluation.split import part  # noqa: E402
from diplotrack.pipeline import Pipeline  # noqa: E402
from diplotrack.store.db import Store  # noqa: E402

DATA = ROOT / "evaldata" / "multilingual-synthetic" / "items.jsonl"


def ids(ev) -> set[str]:  # noqa: ANN001
    # a state, or an official or body acting for it, as the scorer of real news reads them
    return {p.id.lower() for p in ev.participants()} | {(p.country or "").lower() for p in ev.participants()
                                                       if p.kind in {"state", "person", "government_body"}} | {
        (p.affiliation or "").lower() for p in ev.participants()}


def matches(ev, gold: dict) -> bool:  # noqa: ANN001
    return ev.event_type in gold["types"] and {p.lower() for p in gold["participants"]} <= ids(ev)


def score(items: list[dict], show: str | None) -> dict[str, dict[str, float]]:
    tmp = Path(tempfile.mkdtemp())
    corpus = tmp / "items.jsonl"
    corpus.write_text("\n".join(json.dumps({k: it[k] for k in ("id", "title", "text", "published")},
                                           ensure_ascii=False) for it in items) + "\n", encoding="utf-8")
    cells: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0, 0])  # tp fp fn lang main n
    with Store.open(str(tmp / "m.db")) as store:
        Pipeline(store).ingest([str(corpus)])
        arts = {a["source"].rsplit("#", 1)[1]: a for a in store.iter_articles()}
        events: dict[str, list] = defaultdict(list)
        for ev in store.iter_events():
            events[ev.article_id].append(ev)
        for it in items:
            art = arts.get(it["id"])
            evs = events.get(art["id"], []) if art else []
            c = cells[f'{part("multilingual-synthetic", it["id"])}:{it["language"]}']
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
            if show == part("multilingual-synthetic", it["id"]) and (len(used) < len(it["events"]) or len(evs) > len(used)):
                got = [(e.event_type, sorted(ids(e))) for e in evs]
                print(f"{it['id']}: gold {[(g['types'], g['participants']) for g in it['events']]} got {got}")
    out = {}
    totals = {f"{p}:all": [sum(c[i] for k, c in cells.items() if k.startswith(p)) for i in range(6)]
              for p in ("train", "test")}
    totals["all"] = [sum(c[i] for c in cells.values()) for i in range(6)]
    for lang, c in [*sorted(cells.items()), *totals.items()]:
        tp, fp, fn, lang_ok, main, n = c
        p, r = tp / (tp + fp) if tp + fp else 0.0, tp / (tp + fn) if tp + fn else 0.0
        out[lang] = {"items": n, "language_right": lang_ok, "precision": round(p, 3), "recall": round(r, 3),
                     "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0, "main_found": main}
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--show", choices=("train", "test"), help="list that part's items with a miss or a false alarm")
    args = ap.parse_args(argv)
    items = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]
    for lang, row in score(items, args.show).items():
        print(f"{lang:11s} items {row['items']:3d}  language {row['language_right']:3d}  "
              f"P {row['precision']:.3f}  R {row['recall']:.3f}  F1 {row['f1']:.3f}  main {row['main_found']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
