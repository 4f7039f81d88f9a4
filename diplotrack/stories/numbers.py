"""Quantities in evidence sentences: "five single-day visas", "20 member states".

A report that names the same thing without a number ("temporary visas") is
found too, so claims can show that one outlet counts and another does not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from diplotrack.stories import config, text

# numbers (with an ordinal suffix, so "31st" is not the number 31), dotted
# abbreviations kept whole ("u.s."), and words
_TOKEN = re.compile(r"\d[\d,.]*(?:st|nd|rd|th)?|(?:[^\W\d_]\.){2,}|[^\W\d_][\w-]*", re.UNICODE)
_ORDINAL = re.compile(r"\d(?:st|nd|rd|th)$")
_YEAR = re.compile(r"^(1[89]|20)\d\d$")
MAX_MODIFIERS = 3
# too common as words ("one of", "for the first time", "a second") to tell events apart
_VAGUE_FIGURES = frozenset({"one", "first", "second"})


@dataclass(frozen=True)
class Quantity:
    subject: str  # stemmed head noun: "visa"
    number: float | None  # None: named without a number
    phrase: str  # the words as written (lower case)


def _number(token: str) -> float | None:
    if token[0].isdigit():
        token = token.rstrip(".,")
        if _YEAR.match(token) or _ORDINAL.search(token):
            return None
        try:
            return float(token.replace(",", ""))
        except ValueError:
            return None
    return config.number_words().get(token)


def _is_word(token: str) -> bool:
    return (token[0].isalpha() and len(token.rstrip(".")) > 1 and token not in config.stopwords()
            and _number(token) is None)


@lru_cache(maxsize=4096)
def _tokens(sentence: str) -> tuple[str, ...]:
    """The folded tokens of a sentence (claims read each evidence sentence once per subject)."""
    return tuple(_TOKEN.findall(text.fold(sentence)))


def quantities(sentence: str) -> list[Quantity]:
    """Every number followed by the thing it counts."""
    return list(_quantities(sentence))


@lru_cache(maxsize=4096)
def _quantities(sentence: str) -> tuple[Quantity, ...]:
    tokens = _tokens(sentence)
    out: list[Quantity] = []
    for i, tok in enumerate(tokens):
        value = _number(tok)
        if value is None:
            continue
        words: list[str] = []
        for nxt in tokens[i + 1 : i + 1 + MAX_MODIFIERS + 1]:
            if not _is_word(nxt):
                break
            words.append(nxt)
        if not words:
            continue
        head = next((j for j, w in enumerate(words) if w.endswith("s") and not w.endswith("ss")),
                    len(words) - 1 if all("." in w for w in words[:-1]) else 0)
        words = words[: head + 1]
        out.append(Quantity(text.stem(words[-1]), value, " ".join([tok, *words])))
    return tuple(out)


def mentions(sentence: str, subject: str) -> list[Quantity]:
    """Mentions of `subject` (a stemmed noun) in a sentence, with or without a number."""
    found = [q for q in _quantities(sentence) if q.subject == subject]
    if found:
        return found
    tokens = _tokens(sentence)
    for i, tok in enumerate(tokens):
        if tok[0].isalpha() and text.stem(tok) == subject:
            before = tokens[i - 1] if i else ""
            words = [before, tok] if before and _is_word(before) else [tok]
            return [Quantity(subject, None, " ".join(words))]
    return []


def figures(text_: str) -> dict[str, list[str]]:
    """What each figure counts or ranks, with its values: "a 6.1 magnitude quake",
    "the seventh round", "the 12th Doctor" give {"magnitude": ["6.1"], "round":
    ["7"], "doctor": ["12"]}: the word after the figure, else the one before.
    Ordinals count here (they tell one fight or one season from another); years
    are dates, not figures."""
    tokens = _tokens(text_)
    out: dict[str, set[str]] = {}
    for i, tok in enumerate(tokens):
        value = _figure(tok)
        if value is None:
            continue
        thing = next((tokens[j] for j in (i + 1, i + 2, i - 1)
                      if 0 <= j < len(tokens) and _is_word(tokens[j])), None)
        if thing:
            out.setdefault(text.stem(thing), set()).add(value)
    return {k: sorted(v) for k, v in out.items()}


def _figure(token: str) -> str | None:
    if token in _VAGUE_FIGURES:
        return None
    if token[0].isdigit() and _ORDINAL.search(token.rstrip(".,")):
        return token.rstrip(".,")[:-2].replace(",", "")
    value = _number(token)
    if value is None:
        value = config.ordinal_words().get(token)
    return None if value is None else f"{value:g}"


def figures_conflict(a: dict[str, list[str]], b: dict[str, list[str]]) -> bool:
    """Two reports give different figures for the same thing ("seventh round"
    against "sixth round")."""
    return any(set(a[k]).isdisjoint(b[k]) for k in a.keys() & b.keys())
