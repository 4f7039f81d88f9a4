"""Real multi-outlet news (shared/evaldata/realnews-dev), scored by the acceptance scorer.

    python bench/realnews.py [--out DIR] [--reuse] [--show train|test|all] [--json]

Ingests the 71 texts (with their URLs, as `realnews_score.py build` writes
them) into a fresh SQLite database, exports events, articles and stories, and
scores them with shared/tools/realnews-score, for the whole set and for its
two parts (diplotrack.evaluation.split, keyed by the real-world event an
article reports, so every report of a test event is in the test part).
Printed per part: required-event P/R/F1, dates, pairwise same-event F1 (any
story, main events only, near-miss merges) and metadata. `--show` prints the
missed and spurious events of a part's articles.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import io
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SHARED = ROOT.parent / "shared"
GOLD = SHARED / "evaldata" / "realnews-dev"
SCORER = SHARED / "tools" / "realnews-score" / "realnews_score.py"
ACTORS = [SHARED / "gold" / "actors.yaml", GOLD / "actors.yaml"]

from diplotrack.evaluation.realnews import doc_parts  # noqa: E402


def scorer():
    spec = importlib.util.spec_from_file_location("realnews_score", SCORER)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    sys.path.insert(0, str(SCORER.parent))
    spec.loader.exec_module(mod)
    return mod


def ingest(out: Path) -> float:
    from diplotrack.export import records, write
    from diplotrack.pipeline import ingest as run_ingest
    from diplotrack.store.db import Store

    corpus, db = out / "rn.jsonl", out / "rn.db"
    with contextlib.redirect_stdout(io.StringIO()):
        scorer().build(str(GOLD), str(corpus))
    db.unlink(missing_ok=True)
    t0 = time.perf_counter()
    report = run_ingest([str(corpus)], db=str(db))
    took = time.perf_counter() - t0
    if report.failed:
        print("failed:", *[str(f) for f in report.failed], sep="\n  ")
    with Store.open(str(db)) as store:
        for kind in ("events", "articles", "stories"):
            with open(out / f"{kind}.jsonl", "w", encoding="utf-8") as fh:
                write(records(store, kind), fh, "jsonl")
    return took


def part_gold(parts: dict[str, str], which: str, tmp: Path, gold: Path = GOLD) -> Path:
    """A gold folder with only the part's files (symlinks), as the scorer reads one."""
    root = tmp / which
    (root / "events").mkdir(parents=True)
    (root / "texts").mkdir()
    for doc, p in parts.items():
        if which in {p, "all"}:
            stem = Path(doc).stem
            (root / "events" / f"{stem}.yaml").symlink_to(gold / "events" / f"{stem}.yaml")
            if (gold / "texts" / doc).exists():
                (root / "texts" / doc).symlink_to(gold / "texts" / doc)
    return root


def summary(res: dict) -> dict:
    en = res["english"]
    ml = res["multilingual"]
    pw = en["pairwise"]
    return {
        "articles": en["articles"],
        "events": {k: en["events"][k] for k in ("tp", "fp", "fn", "precision", "recall", "f1")},
        "missed_because": en["events"]["missed_because"],
        "dates": f'{en["dates"]["right"]}/{en["dates"]["total"]}',
        "pairs_any_f1": pw["f1"], "pairs_main_f1": pw["main"]["f1"],
        "pairs_main_pr": (pw["main"]["precision"], pw["main"]["recall"]),
        "near_miss_false_merges": f'{pw["near_miss"]["false_merges"]}/{pw["near_miss"]["pairs"]}',
        "multilingual_events_f1": ml["events"]["f1"], "multilingual_pairs_f1": ml["pairwise"]["f1"],
        "metadata": f'{res["metadata"]["right"]}/{res["metadata"]["total"]}',
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "diplotrack-realnews")
    ap.add_argument("--reuse", action="store_true", help="score the exports already in --out")
    ap.add_argument("--show", choices=["train", "test", "all"])
    ap.add_argument("--json", action="store_true", help="print the summaries as one JSON object")
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    if not args.reuse:
        took = ingest(args.out)
        print(f"ingest: {took:.1f} s")
    parts = doc_parts(GOLD)
    mod = scorer()
    tmp = Path(tempfile.mkdtemp())
    out = {}
    try:
        for which in ("train", "test", "all"):
            res = mod.score(str(part_gold(parts, which, tmp)), [str(a) for a in ACTORS],
                            str(args.out / "events.jsonl"), str(args.out / "articles.jsonl"),
                            str(args.out / "stories.jsonl"))
            out[which] = summary(res)
            if args.show in {which}:
                for doc, d in sorted(res["per_doc"].items()):
                    if d["missed"] or d["spurious"]:
                        print(doc, "missed", d["missed"], "matched", d["matched"])
                        for s in d["spurious"]:
                            print("   spurious", s)
    finally:
        shutil.rmtree(tmp)
    if args.json:
        print(json.dumps(out, indent=1))
        return
    for which, s in out.items():
        e = s["events"]
        print(f"{which:5s} ({s['articles']} en): events P {e['precision']} R {e['recall']} F1 {e['f1']} "
              f"(tp {e['tp']} fp {e['fp']} fn {e['fn']}; {s['missed_because']}); dates {s['dates']}; "
              f"pairs any {s['pairs_any_f1']} main {s['pairs_main_f1']} {s['pairs_main_pr']}, "
              f"near-miss merged {s['near_miss_false_merges']}; multilingual events "
              f"{s['multilingual_events_f1']} pairs {s['multilingual_pairs_f1']}; metadata {s['metadata']}")


if __name__ == "__main__":
    main()
