"""Score HTML extraction on the fundus-en pages: title, authors, date, body token F1.

    python bench/fundus_eval.py [--data DIR] [--json] [--details]

Figures for the training and test parts of the page set (diplotrack.evaluation.split,
keyed by page id) and for all pages.

For each page of DIR/gold.jsonl: build_article on the page's HTML (given its
URL, as a crawler would know it), then
  title    normalised exact match (case, punctuation and spacing ignored)
  authors  set equality after normalisation (pages with no gold authors: must be empty)
  date     same calendar day as the gold publishing date
  body     token-level F1 (bag of lower-cased word tokens) of the clean text
           against the gold body (summary + section paragraphs joined)
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from diplotrack.errors import InputError  # noqa: E402
from diplotrack.evaluation.split import part  # noqa: E402
from diplotrack.ingest.build import build_article  # noqa: E402
from diplotrack.models import RawDocument  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "evaldata" / "fundus-en"
_TOKEN = re.compile(r"\w+", re.UNICODE)


def norm(text: str | None) -> str:
    return " ".join(_TOKEN.findall((text or "").lower()))


def tokens(text: str) -> Counter[str]:
    return Counter(_TOKEN.findall(text.lower()))


def token_prf(pred: str, gold: str) -> tuple[float, float, float]:
    p, g = tokens(pred), tokens(gold)
    overlap = sum((p & g).values())
    if not overlap:
        return 0.0, 0.0, 0.0
    precision, recall = overlap / sum(p.values()), overlap / sum(g.values())
    return precision, recall, 2 * precision * recall / (precision + recall)


def gold_body(row: dict[str, Any]) -> str:
    parts = list(row.get("summary") or [])
    for section in row.get("sections") or []:
        parts.extend(section.get("headline") or [])
        parts.extend(section.get("paragraphs") or [])
    return "\n\n".join(parts)


def score_page(row: dict[str, Any], data_dir: Path) -> dict[str, Any]:
    html = gzip.decompress((data_dir / row["html_path"]).read_bytes()).decode("utf-8", "replace")
    raw = RawDocument(source=row["id"], content=html, kind="html", fields={"url": row["url"]})
    start = time.perf_counter()
    try:
        art = build_article(raw)
    except InputError as exc:
        return {"id": row["id"], "error": str(exc), "title": False, "authors": False,
                "date": False, "precision": 0.0, "recall": 0.0, "f1": 0.0, "ms": 0.0}
    ms = (time.perf_counter() - start) * 1000
    precision, recall, f1 = token_prf(art.text, gold_body(row))
    gold_authors = {norm(a) for a in row.get("authors") or []}
    return {
        "id": row["id"],
        "title": norm(art.title) == norm(row["title"]),
        "authors": {norm(a) for a in art.authors} == gold_authors,
        "date": (art.published or "")[:10] == (row.get("publishing_date") or "")[:10],
        "precision": precision, "recall": recall, "f1": f1, "ms": ms,
        "got": {"title": art.title, "authors": art.authors, "published": art.published},
        "gold": {"title": row["title"], "authors": row.get("authors"),
                 "published": row.get("publishing_date")},
    }


def summarise(results: list[dict[str, Any]]) -> dict[str, float]:
    n = len(results) or 1
    return {
        "pages": len(results),
        "title_acc": sum(r["title"] for r in results) / n,
        "authors_acc": sum(r["authors"] for r in results) / n,
        "date_acc": sum(r["date"] for r in results) / n,
        "body_precision": sum(r["precision"] for r in results) / n,
        "body_recall": sum(r["recall"] for r in results) / n,
        "body_f1": sum(r["f1"] for r in results) / n,
        "ms_per_page": sum(r["ms"] for r in results) / n,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--json", action="store_true", help="one JSON object on stdout")
    ap.add_argument("--details", action="store_true", help="list every miss")
    args = ap.parse_args(argv)
    gold = args.data / "gold.jsonl"
    if not gold.is_file():
        print(f"no gold file at {gold}", file=sys.stderr)
        return 2
    rows = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    results = [score_page(row, args.data) for row in rows]
    parts = {which: summarise([r for r in results if which == "all" or part("fundus-en", r["id"]) == which])
             for which in ("train", "test", "all")}
    if args.json:
        print(json.dumps({"summary": parts, "pages": results} if args.details else parts))
        return 0
    if args.details:
        for r in results:
            misses = [k for k in ("title", "authors", "date") if not r[k]]
            if misses or r["f1"] < 0.9:
                print(f"{r['id']}: f1={r['f1']:.2f} p={r['precision']:.2f} r={r['recall']:.2f} "
                      f"misses={misses}")
                for k in misses:
                    key = "published" if k == "date" else k
                    print(f"    {k}: got {r['got'][key]!r} gold {r['gold'][key]!r}")
    print(f"{'':15s} {'train':>7s} {'test':>7s} {'all':>7s}")
    for key in parts["all"]:
        cells = [parts[w][key] for w in ("train", "test", "all")]
        print(f"{key:15s} " + " ".join(f"{v:7.3f}" if isinstance(v, float) else f"{v:7d}" for v in cells))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
