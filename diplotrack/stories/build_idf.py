"""Build data/idf.tsv: how common each (stemmed) word is in news about diplomacy.

    python -m diplotrack.stories.build_idf ../shared/corpus/wh-taliban/docs

Counts, for each content word, the paragraphs of a corpus it appears in; the
matcher weighs shared evidence words by rarity (a shared "visas" says more
than a shared "officials"). The shipped file was built from the public-domain
White House corpus (shared/corpus/wh-taliban, CC0 scrape of US government works).
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

from diplotrack.stories import text

OUT = Path(__file__).with_name("data") / "idf.tsv"
MIN_DF = 2
_FRONT = re.compile(r"\A---\n.*?\n---\n", re.S)


def paragraphs(root: Path) -> list[str]:
    out: list[str] = []
    for path in sorted(root.rglob("*")):
        if path.suffix.lower() in {".md", ".txt"}:
            body = _FRONT.sub("", path.read_text(encoding="utf-8", errors="replace"))
            out += [p for p in re.split(r"\n\s*\n", body) if len(p.split()) >= 8]
    return out


def main(argv: list[str]) -> None:
    paras = paragraphs(Path(argv[0]))
    df: Counter[str] = Counter()
    for p in paras:
        df.update(set(text.content_words(p)))
    with OUT.open("w", encoding="utf-8") as fh:
        fh.write(f"#units\t{len(paras)}\n")
        for word, n in sorted(df.items(), key=lambda kv: (-kv[1], kv[0])):
            if n >= MIN_DF:
                fh.write(f"{word}\t{n}\n")
    print(f"{len(paras)} paragraphs, {sum(1 for v in df.values() if v >= MIN_DF)} words -> {OUT}")


if __name__ == "__main__":
    main(sys.argv[1:])
