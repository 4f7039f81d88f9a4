"""The framing lexicons, loaded once from ``data/`` (see data/README.md for origins).

    emotion        VADER valence, scaled to -1..1
    subjectivity   Pattern adjective subjectivity x polarity strength, 0..1
    phrases        hand-written categories (intensifiers, hedges, stance, framing verbs,
                   derogatory labels, partisan markers, sarcasm), keyed by token tuples
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

DATA = Path(__file__).parent / "data"

# Categories of the hand-written file, in the order of precedence when a phrase is
# listed in more than one.
CATEGORIES = (
    "partisan",
    "derogatory",
    "sarcasm",
    "stance",
    "framing_verbs",
    "intensifiers",
    "hedges",
)


@dataclass(frozen=True)
class Lexicon:
    emotion: dict[str, float]
    subjectivity: dict[str, float]
    phrases: dict[tuple[str, ...], str]  # token tuple -> category
    neutral: frozenset[str]
    max_len: int
    starts: frozenset[str]  # first words of the multi-word phrases

    def category(self, words: tuple[str, ...]) -> str | None:
        return self.phrases.get(words)


def _read_tsv(path: Path) -> list[list[str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            rows.append(line.split("\t"))
    return rows


def split_words(phrase: str) -> tuple[str, ...]:
    """A lexicon phrase as the token tuple spaCy and the fallback tokenizer give."""
    out: list[str] = []
    for part in phrase.lower().replace("-", " - ").split():
        if part.endswith(",") and len(part) > 1:
            out.extend([part[:-1], ","])
        elif "'" in part and not part.startswith("'"):
            head, tail = part.split("'", 1)
            out.extend([head, "'" + tail])
        else:
            out.append(part)
    return tuple(out)


def _emotion() -> dict[str, float]:
    """Signed valence scaled to -1..1."""
    return {w: max(min(float(v) / 4.0, 1.0), -1.0) for w, v, *_ in _read_tsv(DATA / "vader_valence.txt")}


def _subjectivity() -> dict[str, float]:
    out = {}
    for form, subj, pol, *_ in _read_tsv(DATA / "pattern_subjectivity.txt"):
        s, p = float(subj), abs(float(pol))
        if s >= 0.5:
            out[form] = min(s * (0.3 + p), 1.0)
    return out


def _phrases(raw: dict[str, Any]) -> dict[tuple[str, ...], str]:
    phrases: dict[tuple[str, ...], str] = {}
    for cat in reversed(CATEGORIES):  # earlier categories win
        for entry in raw.get(cat) or []:
            phrases[split_words(str(entry))] = cat
    return phrases


@lru_cache(maxsize=1)
def load() -> Lexicon:
    raw = yaml.safe_load((DATA / "categories.yaml").read_text(encoding="utf-8"))
    phrases = _phrases(raw)
    return Lexicon(
        emotion=_emotion(),
        subjectivity=_subjectivity(),
        phrases=phrases,
        neutral=frozenset(str(w) for w in raw.get("neutral") or []),
        max_len=max(len(k) for k in phrases),
        starts=frozenset(k[0] for k in phrases if len(k) > 1),
    )


@lru_cache(maxsize=1)
def actor_labels() -> dict[tuple[str, ...], dict[str, list[str]]]:
    """Generic actor labels: token tuple -> {"kinds": [...]} or {"ids": [...]}."""
    raw = yaml.safe_load((DATA / "actor_labels.yaml").read_text(encoding="utf-8"))
    out: dict[tuple[str, ...], dict[str, list[str]]] = {}
    for label, spec in (raw.get("labels") or {}).items():
        value = spec if isinstance(spec, dict) else {"kinds": list(spec)}
        out[split_words(str(label))] = value
    return out


@lru_cache(maxsize=1)
def attribution_words() -> dict[str, Any]:
    raw = yaml.safe_load((DATA / "attribution.yaml").read_text(encoding="utf-8"))
    return {
        "speech_verbs": frozenset(raw["speech_verbs"]),
        "anonymity_cues": [str(c).lower() for c in raw["anonymity_cues"]],
        "unnamed_heads": frozenset(raw["unnamed_heads"]),
    }
