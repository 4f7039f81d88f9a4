"""Synthetic stories with a PLOVER label (shared/evaldata/ngec-synthetic): is the
article's main event of the story's category?

    python bench/ngec_synthetic.py [--part train|test|all] [--limit N] [--show N]

Each story is ingested as a `.jsonl` record (`id`, `title`, `text`) through the
real pipeline into a fresh SQLite database. Printed per part
(diplotrack.evaluation.ngec: keyed by the headline's template): the share of stories whose
lead event has the label's category (accuracy and macro-F1 over categories),
the share where any PLOVER event has it, and the share whose main events
include it.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from diplotrack.evaluation.ngec import load, macro_f1  # noqa: E402

DATA = ROOT.parent / "shared" / "evaldata" / "ngec-synthetic" / "stories.jsonl"


def main() -> None:
    from diplotrack.pipeline import ingest
    from diplotrack.store.db import Store

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--part", choices=["train", "test", "all"], default="all")
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--show", type=int, default=0, help="print N wrong lead events")
    args = ap.parse_args()
    stories = load(DATA)
    if args.part != "all":
        stories = [s for s in stories if s.part == args.part]
    if args.limit:
        stories = stories[: args.limit]
    tmp = Path(tempfile.mkdtemp())
    corpus = tmp / "ngec.jsonl"
    with corpus.open("w", encoding="utf-8") as fh:
        for s in stories:
            fh.write(json.dumps({"id": s.id, "title": s.title, "text": s.text}) + "\n")
    t0 = time.perf_counter()
    ingest([str(corpus)], db=str(tmp / "ngec.db"))
    took = time.perf_counter() - t0
    by_doc: dict[str, list] = defaultdict(list)
    with Store.open(str(tmp / "ngec.db")) as store:
        source = {a["id"]: a["source"].rsplit("#", 1)[1] for a in store.iter_articles()}
        for ev in store.iter_events():
            by_doc[source.get(ev.article_id, "")].append(ev)
    rows: dict[str, list[tuple[str, str]]] = defaultdict(list)
    anyhit: Counter = Counter()
    mainhit: Counter = Counter()
    shown = 0
    for s in stories:
        which = s.part
        evs = by_doc.get(s.id, [])
        lead = next((e for e in evs if e.lead), None)
        pred = lead.event_type if lead else "-"
        rows[which].append((s.label, pred))
        anyhit[which] += any(e.event_type == s.label for e in evs)
        mainhit[which] += any(e.event_type == s.label for e in evs if e.main)
        if pred != s.label and shown < args.show:
            shown += 1
            print(f"[{s.label} -> {pred}] {s.title}")
            if lead:
                print(f"     trigger={lead.trigger} {lead.evidence[0].sentence[:140]!r}")
    print(f"{len(stories)} stories, ingest {took:.0f} s")
    for which in ("train", "test"):
        pairs = rows[which]
        if not pairs:
            continue
        n = len(pairs)
        acc = sum(g == p for g, p in pairs) / n
        print(f"{which:5s} n={n}: lead-event category {acc:.3f}, macro-F1 {macro_f1(pairs):.3f}; "
              f"main events {mainhit[which] / n:.3f}; any event {anyhit[which] / n:.3f}")
        confusion = Counter((g, p) for g, p in pairs if g != p)
        print("       top confusions:", ", ".join(f"{g}->{p}:{c}" for (g, p), c in confusion.most_common(8)))


if __name__ == "__main__":
    main()
