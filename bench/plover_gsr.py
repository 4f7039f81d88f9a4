"""PLOVER-GSR benchmark: event category and actor of each gold sentence.

    python bench/plover_gsr.py [PATH] [--show N] [--category CAT]

For every record, the pipeline runs on `text` with no publication date. Figures
are given for the whole set and for its parts (diplotrack.evaluation.split). The
top event is the one whose trigger is in the gold `eventText`, else the most
confident one. Printed: share of sentences whose top event has the gold
category (old names mapped: DEMAND->REQUEST, DISAPPROVE/INVESTIGATE->ACCUSE,
FIGHT->ASSAULT), share whose top event has an actor matching the gold source
(text overlap, or country/id equal to the gold code), and a confusion summary.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from diplotrack.events.ontology import OTHER, normalize_category  # noqa: E402
from diplotrack.models import Event  # noqa: E402

DEFAULT = ROOT.parent / "shared" / "evaldata" / "plover-gsr" / "plover_gsr_cameo.jsonl"


def load(path: Path) -> list[dict]:
    from diplotrack.evaluation.split import part

    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        if rec.get("event") and rec.get("text") and normalize_category(rec["event"]):
            rec["part"] = part("plover-gsr", rec["id"])
            out.append(rec)
    return out


def _stem(word: str) -> str:
    return word.lower().strip(".,;:()'\"")[:4]


def top_event(events: list[Event], event_text: str) -> Event | None:
    """The event whose trigger comes earliest in the gold eventText, else the most confident."""
    if not events:
        return None
    gold = [_stem(w) for w in event_text.split() if len(w) > 2]

    def rank(e: Event) -> int:
        words = [_stem(w) for w in (e.trigger or "").split()]
        return min((gold.index(w) for w in words if w in gold), default=len(gold))

    best = min(rank(e) for e in events)
    pool = [e for e in events if rank(e) == best]
    return max(pool, key=lambda e: e.confidence)


def _sources(rec: dict) -> list[dict]:
    src = rec.get("source")
    return src if isinstance(src, list) else []


def _words(text: str) -> set[str]:
    return {w.lower().strip(".,'’s") for w in text.replace("...", " ").split() if len(w) > 1}


def actor_match(event: Event | None, rec: dict) -> bool:
    if event is None:
        return False
    for src in _sources(rec):
        gold_words = _words(src.get("actorText") or "")
        code = (src.get("code") or "").upper()
        for p in event.actor:
            if gold_words & _words(p.text or ""):
                return True
            if code and code in {(p.country or "").upper(), p.id.upper()}:
                return True
    return False


def run(path: Path, show: int, only: str | None) -> dict:
    from diplotrack.nlp.pipeline import build_nlp

    nlp = build_nlp()
    recs = load(path)
    docs = []
    for rec in recs:
        doc = nlp.make_doc(rec["text"])
        doc._.article_id, doc._.published = rec["id"], None
        docs.append(doc)
    confusion: dict[str, Counter] = defaultdict(Counter)
    cat_ok = act_ok = 0
    by_part: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])  # right category, right actor, n
    most: dict[str, int] = defaultdict(int)  # right category by the most confident event alone
    shown = 0
    for rec, doc in zip(recs, nlp.pipe(docs, batch_size=64), strict=True):
        gold = normalize_category(rec["event"])
        # PLOVER coding only: an OTHER lead event (a sentence with no PLOVER event) is "-"
        plover = [e for e in doc._.events or [] if e.event_type != OTHER]
        top = top_event(plover, rec.get("eventText") or "")
        pred = top.event_type if top else "-"
        confusion[gold][pred] += 1
        cat_ok += pred == gold
        act_ok += actor_match(top, rec)
        cell = by_part[rec["part"]]
        cell[0] += pred == gold
        cell[1] += actor_match(top, rec)
        cell[2] += 1
        first = max(plover, key=lambda e: e.confidence) if plover else None
        most[rec["part"]] += bool(first and first.event_type == gold)
        if pred != gold and shown < show and (only is None or gold == only):
            shown += 1
            print(f"[{gold} -> {pred}] {rec['text'][:160]}")
            if top:
                print(f"     trigger={top.trigger} actor={[p.text for p in top.actor]}")
    n = len(recs)
    print(f"\nrecords: {n}")
    print(f"category accuracy: {cat_ok / n:.3f}")
    print(f"actor accuracy:    {act_ok / n:.3f}")
    for p, (c, a, k) in sorted(by_part.items()):
        print(f"  {p:5s} n={k}: category {c / k:.3f} (most confident event alone {most[p] / k:.3f}), "
              f"actor {a / k:.3f}")
    print("\nper category (gold: correct/total, top confusions):")
    for gold in sorted(confusion):
        row = confusion[gold]
        total = sum(row.values())
        wrong = ", ".join(f"{k}:{v}" for k, v in row.most_common() if k != gold)
        print(f"  {gold:10s} {row[gold]:3d}/{total:<3d}  {wrong}")
    return {"n": n, "category": cat_ok / n, "actor": act_ok / n}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--show", type=int, default=0, help="print N misclassified sentences")
    ap.add_argument("--category", help="only show misses of this gold category")
    args = ap.parse_args()
    run(args.path, args.show, args.category)


if __name__ == "__main__":
    main()
