"""US government texts (evaldata/gov-statements), scored by the acceptance scorer.

    python bench/gov_statements.py [--out DIR] [--reuse] [--show train|test|all]

Ingests the 29 annotated texts from shared/corpus by path (as `diplotrack
ingest FILE.md` reads them) into a fresh SQLite database, exports events,
articles and stories, and scores them with shared/tools/realnews-score, for
the whole set and its two parts (diplotrack.evaluation.govtexts). Printed per
part: required-event P/R/F1, false alarms per required event, dates.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

import yaml
from realnews import ACTORS, ROOT, SHARED, part_gold, scorer, summary

sys.path.insert(0, str(ROOT))
from diplotrack.evaluation.govtexts import doc_parts  # noqa: E402

GOLD = ROOT / "evaldata" / "gov-statements"
CORPUS = SHARED / "corpus"


def ingest(out: Path) -> float:
    from diplotrack.export import records, write
    from diplotrack.pipeline import ingest as run_ingest
    from diplotrack.store.db import Store

    paths = [str(CORPUS / yaml.safe_load(f.read_text(encoding="utf-8"))["path"])
             for f in sorted((GOLD / "events").glob("*.yaml"))]
    db = out / "gov.db"
    db.unlink(missing_ok=True)
    t0 = time.perf_counter()
    report = run_ingest(paths, db=str(db))
    took = time.perf_counter() - t0
    for f in report.failed:
        print("failed:", f)
    with Store.open(str(db)) as store:
        for kind in ("events", "articles", "stories"):
            with open(out / f"{kind}.jsonl", "w", encoding="utf-8") as fh:
                write(records(store, kind), fh, "jsonl")
    return took


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "diplotrack-gov")
    ap.add_argument("--reuse", action="store_true")
    ap.add_argument("--show", choices=["train", "test", "all"])
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    if not args.reuse:
        print(f"ingest: {ingest(args.out):.1f} s")
    parts = doc_parts(GOLD)
    mod = scorer()
    tmp = Path(tempfile.mkdtemp())
    try:
        for which in ("train", "test", "all"):
            res = mod.score(str(part_gold(parts, which, tmp, GOLD)), [*map(str, ACTORS), str(GOLD / "actors.yaml")],
                            str(args.out / "events.jsonl"), str(args.out / "articles.jsonl"),
                            str(args.out / "stories.jsonl"))
            s = summary(res)
            e = s["events"]
            req = e["tp"] + e["fn"]
            print(f"{which:5s} ({s['articles']} texts): events P {e['precision']} R {e['recall']} F1 {e['f1']} "
                  f"(tp {e['tp']} fp {e['fp']} fn {e['fn']}; false alarms per required event "
                  f"{e['fp'] / req if req else 0:.2f}; {s['missed_because']}); dates {s['dates']}")
            if args.show == which:
                for doc, d in sorted(res["per_doc"].items()):
                    print(doc[:60], "missed", d["missed"], "matched", d["matched"])
                    for sp in d["spurious"]:
                        print("   spurious", sp)
    finally:
        shutil.rmtree(tmp)


if __name__ == "__main__":
    main()
