"""How well framing.loaded_language separates BABE's biased from neutral sentences.

    python bench/babe_framing.py [--csv PATH] [--components] [--seeds]

Reads the BABE half in ../shared/evaldata/babe (AGPL-3.0: measured in place, never
copied), parses each sentence with the bare English model (the real `doc` path),
and prints the ROC AUC of loaded_language for Biased vs Non-biased, the recall of
the experts' `biased_words` among `loaded_terms`, and (with --components) the AUC
of each sub-score. With --seeds it also prints loaded_language for ../shared/seeds.
"""

from __future__ import annotations

import argparse
import ast
import csv
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))

from diplotrack.framing import analyze  # noqa: E402
from diplotrack.nlp.pipeline import load_model  # noqa: E402


def roc_auc(scores: list[float], labels: list[bool]) -> float:
    """Mann-Whitney AUC with ties counted as one half."""
    ranked = sorted(zip(scores, labels, strict=True), key=lambda p: p[0])
    n_pos = sum(labels)
    n_neg = len(labels) - n_pos
    rank_sum, i = 0.0, 0
    while i < len(ranked):
        j = i
        while j < len(ranked) and ranked[j][0] == ranked[i][0]:
            j += 1
        mid = (i + 1 + j) / 2  # average 1-based rank of the tie group
        rank_sum += mid * sum(1 for _, lab in ranked[i:j] if lab)
        i = j
    return (rank_sum - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg)


def read_babe(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter=";"))
    return [r for r in rows if r.get("label_bias") in ("Biased", "Non-biased")]


def term_recall(rows: list[dict[str, str]], results: list[dict]) -> tuple[int, int]:
    hit = total = 0
    for row, res in zip(rows, results, strict=True):
        try:
            marked = [str(w).lower() for w in ast.literal_eval(row.get("biased_words") or "[]")]
        except (ValueError, SyntaxError):
            continue
        words = {w.strip("“”\"'().,!?") for t in res["loaded_terms"] for w in t.lower().split()}
        words |= {w for t in res["loaded_terms"] for w in t.lower().replace("-", " ").split()}
        total += len(marked)
        hit += sum(1 for w in marked if w in words)
    return hit, total


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--csv", type=Path, default=SHARED / "evaldata/babe/babe_sg2_dev.csv")
    ap.add_argument("--components", action="store_true")
    ap.add_argument("--seeds", action="store_true")
    args = ap.parse_args()

    rows = read_babe(args.csv)
    nlp = load_model()
    texts = [r["text"] for r in rows]
    t0 = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=64))
    t1 = time.perf_counter()
    results = [analyze(t, d) for t, d in zip(texts, docs, strict=True)]
    t2 = time.perf_counter()
    labels = [r["label_bias"] == "Biased" for r in rows]
    print(f"sentences: {len(rows)} ({sum(labels)} biased)")
    print(f"ROC AUC loaded_language: {roc_auc([r['loaded_language'] for r in results], labels):.4f}")
    no_doc = [analyze(t)["loaded_language"] for t in texts]
    print(f"ROC AUC loaded_language (doc=None): {roc_auc(no_doc, labels):.4f}")
    hit, total = term_recall(rows, results)
    print(f"biased_words recall in loaded_terms: {hit}/{total} = {hit / max(total, 1):.4f}")
    print(f"parse {t1 - t0:.2f}s, analyze {t2 - t1:.2f}s ({len(rows) / (t2 - t1):.0f} sentences/s)")
    if args.components:
        for name in results[0]["components"]:
            auc = roc_auc([r["components"][name] for r in results], labels)
            print(f"  component {name:20s} AUC {auc:.4f}")
    if args.seeds:
        for path in sorted((SHARED / "seeds").glob("*.txt")):
            text = path.read_text(encoding="utf-8")
            print(f"seed {path.name}: loaded_language {analyze(text, nlp(text))['loaded_language']:.4f}")


if __name__ == "__main__":
    main()
