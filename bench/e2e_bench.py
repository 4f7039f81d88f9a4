"""End-to-end ingest throughput and peak memory, against the bare spaCy model.

    python bench/e2e_bench.py [--corpus DIR] [--limit N]

Runs, each in its own process (so peak memory is its own):
  reference  the same spaCy model alone, all its default components, nlp.pipe over the texts
             (in the same batches as the ingest: at most 16 articles / 100,000 characters)
  e2e        `diplotrack ingest` of the same files into a fresh SQLite database
             (reading, cleaning, metadata, dedup, spaCy + actors + events, framing, stories, store)
and prints articles/s, words/s, peak RSS and the e2e/reference throughput ratio.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared"
DEFAULT_CORPUS = SHARED / "corpus" / "wh-taliban" / "docs"


def _files(corpus: Path, limit: int | None) -> list[Path]:
    files = sorted(p for p in corpus.rglob("*") if p.is_file() and not p.name.startswith("."))
    return files[:limit] if limit else files


def run_reference(paths: list[str]) -> dict[str, float]:
    from diplotrack.ingest.build import build_article
    from diplotrack.ingest.readers import iter_documents
    from diplotrack.nlp.pipeline import load_model
    from diplotrack.pipeline import _batches

    articles = [build_article(d) for d in iter_documents(paths) if not isinstance(d, Exception)]
    nlp = load_model()
    start = time.perf_counter()
    words = 0
    for batch in _batches(articles, 16):  # the same batches as the ingest, for a like-for-like ratio
        words += sum(len(doc) for doc in nlp.pipe([a.text for a in batch], batch_size=len(batch)))
    return {"seconds": time.perf_counter() - start, "articles": len(articles), "tokens": words}


def run_e2e(paths: list[str]) -> dict[str, float]:
    from diplotrack.pipeline import Pipeline
    from diplotrack.store.db import Store

    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(str(Path(tmp) / "bench.db"))
        pipeline = Pipeline(store)
        pipeline._nlp()  # load outside the timed part, as the reference does
        start = time.perf_counter()
        report = pipeline.ingest(paths)
        seconds = time.perf_counter() - start
        store.close()
    return {"seconds": seconds, "articles": len(report.stored), "events": report.events}


def _child(mode: str, paths: list[str]) -> None:
    result = run_reference(paths) if mode == "reference" else run_e2e(paths)
    result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(result))


def _spawn(mode: str, paths: list[str]) -> dict[str, float]:
    out = subprocess.run([sys.executable, __file__, "--child", mode, *paths], capture_output=True,
                         text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        _child(args.child[0], args.child[1:])
        return
    paths = [str(p) for p in _files(args.corpus, args.limit)]
    ref = _spawn("reference", paths)
    e2e = _spawn("e2e", paths)
    tokens = ref["tokens"]
    for name, r in (("reference (bare model)", ref), ("diplotrack ingest (e2e)", e2e)):
        print(f"{name:26s} {r['articles']:5.0f} articles  {r['articles'] / r['seconds']:7.2f} articles/s  "
              f"{tokens / r['seconds']:9.0f} tokens/s  peak RSS {r['peak_rss_mb']:7.1f} MB")
    print(f"events extracted: {e2e['events']:.0f}")
    print(f"e2e / reference throughput: {ref['seconds'] / e2e['seconds']:.2f} (target >= 0.8)")


if __name__ == "__main__":
    main()
