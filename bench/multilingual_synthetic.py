"""Events from text in other languages on a set the coder never saw
(evaldata/multilingual-synthetic: 64 synthetic news paragraphs in eight languages,
written by a helper that did not see the cue or name lists).

    python bench/multilingual_synthetic.py [--show train|test]

Each item is ingested as a `.jsonl` record (title, text, published; the language is
detected) through the real pipeline and scored by diplotrack.evaluation.multilingual.
Printed per language and for each part (diplotrack.evaluation.split, keyed by item id:
decide on the training part, report the test part): language identified, precision,
recall, F1, and main events found (the item's main event among the article's main
events).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from diplotrack.evaluation.multilingual import load, score  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--show", choices=("train", "test"), help="list that part's items with a miss or a false alarm")
    args = ap.parse_args(argv)
    for lang, row in score(load(), args.show).items():
        print(f"{lang:11s} items {row['items']:3d}  language {row['language_right']:3d}  "
              f"P {row['precision']:.3f}  R {row['recall']:.3f}  F1 {row['f1']:.3f}  main {row['main_found']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
