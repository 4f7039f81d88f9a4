"""Regenerate the third-party lexicon files in ``data/`` from their PyPI packages.

Run once by hand (not at import time)::

    pip download --no-deps -d /tmp/lex vaderSentiment==3.3.2 textblob==0.20.1
    python -m diplotrack.framing.build_data /tmp/lex

Writes ``data/vader_valence.txt`` (VADER, MIT) and ``data/pattern_subjectivity.txt``
(Pattern's English adjective lexicon as shipped in TextBlob; PDDL). See data/README.md.
"""

from __future__ import annotations

import re
import sys
import xml.etree.ElementTree as ET
import zipfile
from collections import defaultdict
from pathlib import Path

DATA = Path(__file__).parent / "data"
WORD = re.compile(r"^[a-z][a-z'-]*[a-z]$")


def _read_member(wheel: Path, suffix: str) -> str:
    with zipfile.ZipFile(wheel) as zf:
        name = next(n for n in zf.namelist() if n.endswith(suffix))
        return zf.read(name).decode("utf-8")


def build_vader(wheel: Path) -> int:
    rows = []
    for line in _read_member(wheel, "vader_lexicon.txt").splitlines():
        parts = line.split("\t")
        if len(parts) >= 2 and WORD.match(parts[0]):
            rows.append(f"{parts[0]}\t{float(parts[1]):.2f}")
    header = "# VADER lexicon (Hutto & Gilbert 2014), MIT licence; word<TAB>mean valence -4..4\n"
    (DATA / "vader_valence.txt").write_text(header + "\n".join(rows) + "\n", encoding="utf-8")
    return len(rows)


def build_pattern(wheel: Path) -> int:
    root = ET.fromstring(_read_member(wheel, "en-sentiment.xml"))
    senses: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for w in root.iter("word"):
        form = (w.get("form") or "").lower()
        if WORD.match(form):
            senses[form].append((float(w.get("subjectivity", 0)), float(w.get("polarity", 0))))
    rows = []
    for form, vals in sorted(senses.items()):
        subj = sum(s for s, _ in vals) / len(vals)
        pol = sum(p for _, p in vals) / len(vals)
        rows.append(f"{form}\t{subj:.2f}\t{pol:.2f}")
    header = (
        "# Pattern en-sentiment (De Smedt & Daelemans 2012), PDDL, via TextBlob 0.20.1;"
        " form<TAB>subjectivity 0..1<TAB>polarity -1..1 (mean over senses)\n"
    )
    (DATA / "pattern_subjectivity.txt").write_text(header + "\n".join(rows) + "\n", encoding="utf-8")
    return len(rows)


def main(folder: str) -> None:
    src = Path(folder)
    print("vader", build_vader(next(src.glob("vaderSentiment-*.whl"))))
    print("pattern", build_pattern(next(src.glob("textblob-*.whl"))))


if __name__ == "__main__":
    main(sys.argv[1])
