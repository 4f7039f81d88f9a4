"""Throughput and memory of ingest without NLP: iter_documents + build_article.

    python bench/ingest_bench.py [--corpus DIR] [--min-articles 500] [--json]

The wh-taliban corpus (34 long Markdown transcripts and releases) is copied
into a temporary folder as many times as needed to reach --min-articles
files; each copy gets a one-line marker so that no two texts are identical.
Reports articles/s, characters/s, ms per article and peak memory (tracemalloc
peak of Python allocations, and the process's max RSS).
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from diplotrack.errors import InputError  # noqa: E402
from diplotrack.ingest.build import build_article  # noqa: E402
from diplotrack.ingest.readers import iter_documents  # noqa: E402

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "wh-taliban" / "docs"


def make_corpus(src: Path, dest: Path, min_articles: int) -> int:
    files = sorted(p for p in src.rglob("*.md"))
    if not files:
        raise SystemExit(f"no .md files under {src}")
    copies = -(-min_articles // len(files))
    for c in range(copies):
        for i, f in enumerate(files):
            text = f.read_text(encoding="utf-8")
            (dest / f"{c:03d}-{i:03d}.md").write_text(f"{text}\n\nCopy {c} of this record.\n",
                                                      encoding="utf-8")
    return copies * len(files)


def run(folder: Path, trace: bool) -> dict[str, float]:
    if trace:
        tracemalloc.start()
    start = time.perf_counter()
    articles = errors = chars = 0
    for item in iter_documents([str(folder)]):
        if isinstance(item, InputError):
            errors += 1
            continue
        try:
            art = build_article(item)
        except InputError:
            errors += 1
            continue
        articles += 1
        chars += len(art.text)
    elapsed = time.perf_counter() - start
    peak = tracemalloc.get_traced_memory()[1] if trace else 0
    if trace:
        tracemalloc.stop()
    return {"articles": articles, "errors": errors, "seconds": elapsed,
            "articles_per_s": articles / elapsed, "chars_per_s": chars / elapsed,
            "ms_per_article": 1000 * elapsed / max(articles, 1),
            "mean_chars": chars / max(articles, 1), "tracemalloc_peak_mb": peak / 2**20}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--min-articles", type=int, default=500)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    tmp = Path(tempfile.mkdtemp(prefix="ingest-bench-"))
    try:
        n = make_corpus(args.corpus, tmp, args.min_articles)
        # warm-up: imports, data files, language model (not counted)
        build_article(next(d for d in iter_documents([str(next(tmp.iterdir()))])))
        timed = run(tmp, trace=False)  # speed without tracemalloc's overhead
        traced = run(tmp, trace=True)  # memory
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    result = {"files": n, **timed, "tracemalloc_peak_mb": traced["tracemalloc_peak_mb"],
              "max_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}
    if args.json:
        print(json.dumps(result))
    else:
        for key, value in result.items():
            print(f"{key:20s} {value:,.2f}" if isinstance(value, float) else f"{key:20s} {value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
