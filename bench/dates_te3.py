"""TempEval-3 platinum: normalise gold TIMEX3 DATE expressions with diplotrack's resolver.

    python bench/dates_te3.py [PATH] [--show N]

Each gold DATE expression is resolved against its document creation time (the
publication date) with `diplotrack.events.dates.resolve`; the result is right
when it equals the gold value at the gold's precision (a day, a week
"2013-W12", a month, a year, a season, or PRESENT_REF/PAST_REF/FUTURE_REF).
Future reference is taken from the left context ("will", "next"); without it a
bare month or weekday resolves to the nearest one (tense unknown).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from diplotrack.events.dates import resolve  # noqa: E402

DEFAULT = ROOT.parent / "shared" / "evaldata" / "te3-platinum" / "timex3_gold.jsonl"
FUTURE_CUE = re.compile(r"\b(will|'ll|next|upcoming|scheduled|plans? to|expected to|set to)\b\s*\S*\s*\S*\s*$",
                        re.IGNORECASE)


def precision(value: str) -> str:
    if value.endswith("_REF"):
        return "ref"
    if re.fullmatch(r"\d{4}-W\d\d", value):
        return "week"
    if re.fullmatch(r"\d{4}-(SP|SU|FA|WI)", value):
        return "season"
    if re.fullmatch(r"\d{4}-\d\d-\d\d", value):
        return "day"
    if re.fullmatch(r"\d{4}-\d\d", value):
        return "month"
    if re.fullmatch(r"\d{4}", value):
        return "year"
    return "other"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--show", type=int, default=0, help="print N errors")
    args = ap.parse_args()
    rows = [json.loads(line) for line in args.path.read_text(encoding="utf-8").splitlines()]
    rows = [r for r in rows if r["type"] == "DATE"]
    ok, by_prec, hit_prec = 0, Counter(), Counter()
    shown = 0
    for r in rows:
        # future when the left context says so; otherwise tense unknown: the nearest date
        future = True if FUTURE_CUE.search(r.get("left_context", "")[-40:]) else None
        res = resolve(r["text"], r["dct"], future=future)
        got = res.value if res else None
        prec = precision(r["value"])
        by_prec[prec] += 1
        good = got == r["value"]
        ok += good
        hit_prec[prec] += good
        if not good and shown < args.show:
            shown += 1
            print(f"  {r['dct']} {r['text']!r:28} gold={r['value']:12} got={got}")
    print(f"DATE expressions: {len(rows)}")
    print(f"accuracy at the gold's precision: {ok / len(rows):.3f}")
    resolvable = sum(v for k, v in by_prec.items() if k != "other")
    ok_res = sum(v for k, v in hit_prec.items() if k != "other")
    print(f"accuracy on standard values (day/week/month/season/year/*_REF): "
          f"{ok_res / max(1, resolvable):.3f} of {resolvable}")
    for prec in sorted(by_prec):
        print(f"  {prec:7s} {hit_prec[prec]:3d}/{by_prec[prec]}")


if __name__ == "__main__":
    main()
