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


_FIGURE_TOKEN = re.compile(r"\d+(?:[.,]\d+)*(?:st|nd|rd|th)?|[^\W\d_][\w'-]*", re.UNICODE)
_YEAR = re.compile(r"(1[89]|20)\d\d")
# too common as words ("one of", "for the first time", "a second") to count
_VAGUE_FIGURES = frozenset({"one", "first", "second"})


def figures(text: str) -> dict[str, list[str]]:
    """What each figure counts or ranks and its value: "a 6.1 magnitude quake",
    "the seventh round", "the 12th Doctor" give {"magnitude": ["6.1"],
    "round": ["7"], "doctor": ["12"]}. Years are dates, not figures."""
    tokens = _FIGURE_TOKEN.findall(fold(text))
    out: dict[str, set[str]] = {}
    for i, token in enumerate(tokens):
        value = _figure_value(token)
        if value is not None and (thing := _counted(tokens, i)):
            out.setdefault(thing, set()).add(value)
    return {k: sorted(v) for k, v in out.items()}


def _figure_value(token: str) -> str | None:
    if token[0].isdigit():
        digits = re.sub(r"(st|nd|rd|th)$", "", token).replace(",", "")
        return None if _YEAR.fullmatch(digits) else digits
    if token in _VAGUE_FIGURES:
        return None
    value = config.ordinal_words().get(token) or config.number_words().get(token)
    return str(value) if value else None


def _counted(tokens: list[str], i: int) -> str | None:
    """The content word a figure counts: the next one ("seventh round"), else
    the one before ("magnitude 6.1")."""
    stop = config.stopwords()
    for j in (i + 1, i + 2, i - 1):
        if 0 <= j < len(tokens):
            word = tokens[j].removesuffix("'s").strip("'-")
            if word and word[0].isalpha() and len(word) >= 3 and word not in stop and _figure_value(word) is None:
                return stem(word)
    return None


def figures_conflict(a: dict[str, list[str]], b: dict[str, list[str]]) -> bool:
    """Two reports give different figures for the same thing ("seventh round"
    against "sixth round")."""
    return any(set(a[k]).isdisjoint(b[k]) for k in a.keys() & b.keys())


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
