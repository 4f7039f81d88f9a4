"""Annotated article sets through the real pipeline, scored by the acceptance scorer.

    python bench/annotated_sets.py [--set realnews-dev] [--set gov-statements] [--set seed-gold]
                                   [--out DIR] [--reuse] [--show train|test|all] [--json]

realnews-dev (shared/evaldata: 71 real multi-outlet reports, 59 English) is fed as
the acceptance checks feed it, one `.jsonl` of {id, text, url}; gov-statements
(evaldata/: 29 public-domain government texts) and the seeds as files. Each set
is ingested into a fresh SQLite database, exported, and scored with
shared/tools/realnews-score for the whole set and its parts (split by the
real-world event an article reports: diplotrack.evaluation.split). Printed per
part: required-event P/R/F1 and false alarms per required event, dates,
pairwise same-event F1 (any story; main events only) and near-miss merges.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SHARED = ROOT.parent / "shared"

from diplotrack.evaluation.acceptance import find_set, run_set, score_parts, summary  # noqa: E402


def show(res: dict) -> None:
    for doc, d in sorted(res["per_doc"].items()):
        if d["missed"] or d["spurious"] or d["wrong_dates"]:
            print(f"{doc[:60]} missed {d['missed']} matched {d['matched']} dates {d['wrong_dates']}")
            for s in d["spurious"]:
                print("   spurious", s)


def line(name: str, which: str, s: dict) -> str:
    return (f"{name} {which:5s} ({s['articles']} en): events P {s['precision']} R {s['recall']} "
            f"F1 {s['f1']} (tp {s['tp']} fp {s['fp']} fn {s['fn']}; false alarms per required "
            f"{s['false_alarms_per_required']}; missed {s['missed_because']}); dates "
            f"{s['dates_right']}/{s['dates_total']}; pairs any {s['pairs_any_f1']} main "
            f"{s['pairs_main_f1']} (P {s['pairs_main_precision']} R {s['pairs_main_recall']}), "
            f"near-miss merged {s['near_miss_merged']}/{s['near_miss_pairs']}; multilingual events "
            f"{s['multilingual_events_f1']} pairs {s['multilingual_pairs_f1']}; metadata "
            f"{s['metadata_right']}/{s['metadata_total']}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", action="append", dest="sets",
                    choices=["realnews-dev", "gov-statements", "seed-gold"])
    ap.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "diplotrack-sets")
    ap.add_argument("--reuse", action="store_true", help="score the exports already in --out")
    ap.add_argument("--show", choices=["train", "test", "all"])
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    out = {}
    for name in args.sets or ["realnews-dev", "gov-statements"]:
        gs = find_set(SHARED, ROOT, name)
        where = args.out / name
        if not args.reuse:
            t0 = time.perf_counter()
            run_set(gs, SHARED, where)
            print(f"{name}: ingest {time.perf_counter() - t0:.1f} s")
        results = score_parts(gs, SHARED, where)
        out[name] = {which: summary(res) for which, res in results.items()}
        if args.show:
            show(results[args.show])
    if args.json:
        print(json.dumps(out, indent=1))
        return
    for name, parts in out.items():
        for which, s in parts.items():
            print(line(name, which, s))


if __name__ == "__main__":
    main()
