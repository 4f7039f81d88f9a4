"""Time and peak memory of ingesting one very long text (what news never is, but an
input may be): the bundled corpus's briefings joined end to end until `--mb` MB.

    python bench/long_input.py [--mb 2] [--keep]

Runs `diplotrack ingest` in a child process on a fresh SQLite database and prints
the text's size, wall time, the child's peak RSS, events stored and the exit code.
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[1] / "diplotrack" / "demo_corpus" / "articles"


def long_text(mb: float) -> str:
    paragraphs = [p for f in sorted(CORPUS.glob("*.md"))
                  for p in re.split(r"\n\s*\n", f.read_text().split("---", 2)[-1]) if p.strip()]
    out, size, i = [], 0, 0
    while size < mb * 1_000_000:
        p = paragraphs[i % len(paragraphs)]
        out.append(p)
        size += len(p.encode()) + 2
        i += 1
    return "\n\n".join(out)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, default=2.0)
    ap.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="diplotrack-long-"))
    try:
        return _run(work, args.mb)
    finally:
        if not args.keep:
            shutil.rmtree(work)


def _run(work: Path, mb: float) -> int:
    text = long_text(mb)
    (work / "long.txt").write_text("One very long text\n\n" + text)
    db = work / "long.db"
    start = time.monotonic()
    proc = subprocess.run([sys.executable, "-m", "diplotrack", "ingest", "--db", str(db), "-q",
                           str(work / "long.txt")], capture_output=True, text=True)
    wall = time.monotonic() - start
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    events = subprocess.run([sys.executable, "-m", "diplotrack", "export", "events", "--db",
                             str(db)], capture_output=True, text=True).stdout.splitlines()
    print(f"text          {len(text.encode()) / 1e6:.1f} MB ({len(text):,} characters)")
    print(f"ingest        {wall:.0f} s, exit {proc.returncode}"
          f"{'; ' + proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else ''}")
    print(f"peak RSS      {peak_mb:.0f} MB (the ingest process)")
    print(f"events        {len(events)} stored; first: "
          f"{json.loads(events[0])['event_type'] if events else '-'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
