"""Genre: news, opinion, analysis, press_release or transcript, from labels, the
URL path, the headline and text cues listed in data/genre.yaml."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from diplotrack.framing.lexicon import load as framing_lexicon
from diplotrack.ingest.clean import DATA_DIR

GENRES = ("news", "opinion", "analysis", "press_release", "transcript")
_QUOTED = re.compile(r"“[^”]{0,600}”|\"[^\"\n]{0,600}\"|‘[^’\n]{0,600}’(?!\w)|(?<!\w)'[^'\n]{0,600}'(?!\w)")
_FIRST_PERSON = re.compile(r"\b(I|I'm|I’m|I've|I’ve|my|me|myself)\b")
_SENTENCE_Q = re.compile(r"\?(?=\s|$)")
_WORDS = re.compile(r"[a-z]+(?:-[a-z]+)*")
SAMPLE_CHARS = 12_000  # rates per 1000 words are stable long before the end of a long text


@dataclass(frozen=True)
class GenreRules:
    labels: dict[str, re.Pattern[str]]
    url_paths: dict[str, re.Pattern[str]]
    titles: dict[str, re.Pattern[str]]
    press_release_lines: tuple[re.Pattern[str], ...]
    speaker_turn: re.Pattern[str]
    transcript_min_turns: int
    opinion_phrases: tuple[re.Pattern[str], ...]
    attribution: re.Pattern[str]


@lru_cache(maxsize=4)
def load_rules(path: Path = DATA_DIR / "genre.yaml") -> GenreRules:
    d = yaml.safe_load(path.read_text(encoding="utf-8"))

    def table(key: str) -> dict[str, re.Pattern[str]]:
        return {g: re.compile(p, re.I) for g, p in (d.get(key) or {}).items()}

    return GenreRules(
        labels=table("labels"),
        url_paths=table("url_paths"),
        titles=table("titles"),
        press_release_lines=tuple(re.compile(p, re.I) for p in d.get("press_release_lines") or []),
        speaker_turn=re.compile(d["speaker_turn"]),  # case matters: speakers are upper case
        transcript_min_turns=int(d.get("transcript_min_turns", 6)),
        # matched on lower-cased text: without re.I the regex engine can skip ahead by literals
        opinion_phrases=tuple(re.compile(p.lower()) for p in d.get("opinion_phrases") or []),
        attribution=re.compile(d["attribution"].lower()),
    )


def _first_match(table: dict[str, re.Pattern[str]], values: Iterable[str]) -> str | None:
    for value in values:
        for genre, pattern in table.items():
            if pattern.search(value.strip()):
                return genre
    return None


def classify_genre(
    paragraphs: list[str],
    *,
    title: str | None = None,
    url: str | None = None,
    labels: Iterable[str] = (),
    has_dateline: bool = False,
    raw_paragraphs: list[str] | None = None,
) -> str:
    """The genre of an article; `news` unless some cue says otherwise.

    `raw_paragraphs`: the text before header and boilerplate lines were removed
    (where "FOR IMMEDIATE RELEASE" and "###" are)."""
    rules = load_rules()
    turns = sum(1 for p in paragraphs if rules.speaker_turn.match(p))
    for found in _cues(rules, labels, url, title):
        if found != "press_release" or turns < rules.transcript_min_turns:
            return found  # a release that is all speaker turns is a transcript
    if turns >= rules.transcript_min_turns:
        return "transcript"
    raw = raw_paragraphs or paragraphs
    if any(p.search(x) for x in raw[:6] + raw[-4:] for p in rules.press_release_lines):
        return "press_release"
    return "opinion" if is_opinion(paragraphs, title, has_dateline, rules) else "news"


def _cues(rules: GenreRules, labels: Iterable[str], url: str | None,
          title: str | None) -> list[str]:
    """Genres named by labels, then the URL path, then the headline (strongest first)."""
    found = [_first_match(rules.labels, labels),
             _first_match(rules.url_paths, [urlsplit(url).path.lower()]) if url else None,
             _first_match(rules.titles, [title]) if title else None]
    return [g for g in found if g]


EVALUATIVE_CATEGORIES = ("stance", "derogatory", "partisan")


def _evaluative(word: str) -> bool:
    """An evaluative word in the writer's voice: the framing lexicon's stance markers,
    intensifiers and derogatory labels (documented in framing/data/README.md)."""
    return framing_lexicon().category((word,)) in EVALUATIVE_CATEGORIES


def opinion_scores(paragraphs: list[str], title: str | None, has_dateline: bool,
                   rules: GenreRules | None = None) -> tuple[float, float]:
    """(opinion evidence, news evidence) from the writer's own voice vs. reporting cues."""
    rules = rules or load_rules()
    text = "\n".join(paragraphs)[:SAMPLE_CHARS]
    own = _QUOTED.sub(" ", text)  # the writer's words, not the people quoted
    own_lower = own.lower()
    tokens = _WORDS.findall(own_lower)
    words = max(len(text.split()), 1)
    per_k = 1000.0 / words
    questions = len(_SENTENCE_Q.findall(own)) + (1 if title and title.rstrip().endswith("?") else 0)
    phrases = sum(len(p.findall(own_lower)) for p in rules.opinion_phrases)
    counts = Counter(tokens)
    evaluative = sum(n for w, n in counts.items() if _evaluative(w)) * per_k
    first_person = len(_FIRST_PERSON.findall(own)) * per_k
    attributions = len(rules.attribution.findall(text.lower())) * per_k
    opinion = (1.5 * min(questions, 4) + 1.5 * min(phrases, 4)
               + 0.5 * min(evaluative, 10) + 0.3 * min(first_person, 15))
    news = (3.0 if has_dateline else 0.0) + 0.6 * min(attributions, 15)
    return opinion, news


def is_opinion(paragraphs: list[str], title: str | None, has_dateline: bool,
               rules: GenreRules | None = None) -> bool:
    opinion, news = opinion_scores(paragraphs, title, has_dateline, rules)
    return opinion >= 3.0 and opinion > news + 1.0
