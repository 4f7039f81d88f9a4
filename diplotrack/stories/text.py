"""Wording of the evidence: content words and their similarity."""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from functools import lru_cache

from diplotrack.stories import config

_WORD = re.compile(r"[^\W_][\w'-]*[^\W_]|[^\W_]", re.UNICODE)
_NUMBER = re.compile(r"(?<![\w.])\d+(?:[.,]\d+)?(?![\w])")
NUMBER_MARK = "#"  # number tokens ("#7.1") never collide with words


def fold(text: str) -> str:
    """Lower case without accents: 'Brussels', 'brussels' and 'Brüssels' compare equal-ish."""
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).lower().strip()


def stem(word: str) -> str:
    """A light plural/verb-ending fold, enough to match 'visas'~'visa', 'meets'~'meet'."""
    for suffix, repl in (("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)] + repl
    return word


def content_words(text: str, weight: float = 1.0) -> Counter[str]:
    """Stemmed content words of a text, each counted `weight` times."""
    cfg = config.load()
    stop = config.stopwords()
    minimum = int(cfg["min_word_length"])
    out: Counter[str] = Counter()
    for raw in _WORD.findall(fold(text)):
        word = raw.strip("'-")
        if len(word) < minimum or word in stop or word.isdigit():
            continue
        out[stem(word)] += weight  # type: ignore[assignment]
    return out


@lru_cache(maxsize=1)
def _idf_table() -> tuple[dict[str, float], float]:
    """Word -> inverse document frequency, and the value for unseen words (data/idf.tsv)."""
    table: dict[str, int] = {}
    units = 1
    with (config.DATA / "idf.tsv").open(encoding="utf-8") as fh:
        for line in fh:
            word, _, n = line.rstrip("\n").partition("\t")
            if word == "#units":
                units = int(n)
            elif n:
                table[word] = int(n)
    idf = {w: math.log((units + 1) / (n + 1)) + 1 for w, n in table.items()}
    return idf, math.log(units + 1) + 1


def idf(word: str) -> float:
    table, unseen = _idf_table()
    return table.get(word, unseen)


def weighted_words(text: str, weight: float = 1.0, numbers: bool = False) -> dict[str, float]:
    """Content words weighted by count and rarity (tf-idf); with `numbers`, the
    figures too ("a 6.1 quake", "killed 44"), at `number_weight` each."""
    out = {w: c * idf(w) for w, c in content_words(text, weight).items()}
    if numbers:
        each = float(config.load()["general"]["number_weight"]) * weight
        for figure in _NUMBER.findall(text):
            key = NUMBER_MARK + figure.replace(",", "")
            out[key] = out.get(key, 0.0) + each
    return out


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if not a or not b:
        return 0.0
    small, big = (a, b) if len(a) <= len(b) else (b, a)
    dot = sum(v * big.get(k, 0.0) for k, v in small.items())
    if not dot:
        return 0.0
    na = math.sqrt(sum(v * v for v in a.values()))
    nb = math.sqrt(sum(v * v for v in b.values()))
    return dot / (na * nb)


def top(words: dict[str, float], n: int) -> dict[str, float]:
    """The n heaviest words (ties by word, so the result is deterministic)."""
    items = sorted(words.items(), key=lambda kv: (-kv[1], kv[0]))[:n]
    return {k: round(v, 3) for k, v in items}
