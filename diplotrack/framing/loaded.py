"""Loaded-language score: one pass of lexicon look-ups over the tokens.

Each hit adds ``weight(category) x strength`` to its category; a term repeated n times
counts sqrt(n) times (variety of loaded words says more than one repeated label).
Words inside direct quotations count QUOTED_FACTOR as much: they are the sources'
words, not the outlet's. Sums become densities per 100 words (with a pseudo-count so
a one-line text is not extreme) and densities become 0..1 with 1 - exp(-d / SCALE).
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field

from diplotrack.framing.lexicon import Lexicon, load
from diplotrack.framing.tokens import Tok, quote_spans

WEIGHTS = {  # per hit; tuned on BABE dev (category weights only) and set so partisan
    # labels, the surest sign of slant, count most
    "partisan": 9.0,
    "derogatory": 7.5,
    "sarcasm": 2.5,
    "stance": 4.0,
    "framing_verbs": 3.75,
    "intensifiers": 4.5,
    "hedges": 0.6,
    "emotion": 1.5,
    "subjectivity": 1.5,
    "devices": 2.0,
    "grammar": 0.5,
}
COMPONENTS = {  # reported sub-scores -> the categories they sum
    "subjectivity": ("subjectivity", "stance", "framing_verbs", "grammar"),
    "emotion": ("emotion",),
    "intensifiers": ("intensifiers",),
    "derogatory_labels": ("derogatory",),
    "partisan_markers": ("partisan",),
    "hedges": ("hedges",),
    "rhetorical_devices": ("devices", "sarcasm"),
}
QUOTED_FACTOR = 0.35
PSEUDO_WORDS = 5
SCALE = 12.0  # density (weighted hits per 100 words) that maps to 1 - 1/e
MAX_TERMS = 20
# Parts of speech whose words carry no attitude of their own, whatever VADER says
# ("like" as a preposition, "no" as a determiner).
SKIP_POS = {"ADP", "AUX", "CCONJ", "DET", "NUM", "PART", "PRON", "PROPN", "PUNCT", "SCONJ", "SYM"}
EMOTION_POS = {"ADJ": 1.0, "ADV": 1.0, "VERB": 0.7, "NOUN": 0.5, "INTJ": 1.0, "": 0.7}
MIN_EMOTION = 0.3  # |valence| / 4 below this is everyday wording
NEGATIVE_EMPHASIS = 1.0  # negative emotion words weigh this much more than positive ones
# Grammar of opinion in the author's voice (Biber 1988 stance features): necessity
# modals and adjectives, addressing the reader or speaking as "we", superlatives.
DEONTIC = {"should", "must", "ought", "necessary", "necessity", "imperative", "essential",
           "duty", "obligation", "unacceptable", "indispensable"}
PERSONAL = {"we", "us", "our", "ours", "you", "your", "yours", "i", "me", "my"}


@dataclass
class Tally:
    by_cat: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    terms: dict[tuple[str, str], list] = field(default_factory=dict)  # -> [surface, cat, strength, n]

    def add(self, surface: str, cat: str, strength: float) -> None:
        entry = self.terms.setdefault((surface.lower(), cat), [surface, cat, strength, 0])
        entry[2] = max(entry[2], strength)
        entry[3] += 1

    def finish(self) -> None:
        for _surface, cat, strength, n in self.terms.values():
            self.by_cat[cat] += WEIGHTS[cat] * strength * math.sqrt(n)

    def ranked_terms(self) -> list[str]:
        scored = sorted(
            self.terms.values(), key=lambda e: -WEIGHTS[e[1]] * e[2] * math.sqrt(e[3])
        )
        out: dict[str, str] = {}
        for e in scored:
            out.setdefault(e[0].lower(), e[0])
        return list(out.values())[:MAX_TERMS]


def _match_phrase(lex: Lexicon, toks: list[Tok], i: int) -> tuple[int, str, float] | None:
    """Longest lexicon phrase starting at token i: (length, category, strength)."""
    longest = min(lex.max_len, len(toks) - i) if toks[i].lower in lex.starts else 1
    for n in range(longest, 0, -1):
        window = toks[i : i + n]
        cat = lex.category(tuple(t.lower for t in window))
        if cat is None and n == 1 and window[0].pos != "PROPN":
            cat = lex.category((window[0].lemma,))
        if cat in ("derogatory", "partisan") and window[0].pos in ("VERB", "AUX"):
            cat = None  # "the answer lies in", not "lies"
        if cat is not None:
            # "the claim that" frames like "claimed"; "asylum claims" less so
            weak = cat == "framing_verbs" and window[0].pos not in ("VERB", "")
            return n, cat, 0.5 if weak else 1.0
    return None


def _adjective_form(t: Tok) -> str:
    w = t.lower
    if t.pos in ("ADV", "") and w.endswith("ly") and len(w) > 5:
        return w[:-3] + "y" if w.endswith("ily") else w[:-2]
    return w


def _word_scores(lex: Lexicon, t: Tok) -> list[tuple[str, float]]:
    """Emotion and subjectivity hits of one word (no phrase matched it)."""
    if not t.is_alpha or t.pos in SKIP_POS or t.lower in lex.neutral:
        return []
    hits = []
    valence = lex.emotion.get(t.lower, lex.emotion.get(t.lemma, 0.0))
    emo = abs(valence) * (NEGATIVE_EMPHASIS if valence < 0 else 1.0)
    if abs(valence) >= MIN_EMOTION:
        hits.append(("emotion", emo * EMOTION_POS.get(t.pos, 0.5)))
    if t.pos in ("ADJ", "ADV", ""):
        subj = lex.subjectivity.get(_adjective_form(t), 0.0)
        if subj > 0:
            hits.append(("subjectivity", subj))
    return hits


def score_words(toks: list[Tok], tally: Tally, lex: Lexicon | None = None) -> None:
    lex = lex or load()
    i = 0
    while i < len(toks):
        factor = QUOTED_FACTOR if toks[i].quoted else 1.0
        found = _match_phrase(lex, toks, i)
        if found:
            n, cat, strength = found
            surface = " ".join(t.text for t in toks[i : i + n]).replace(" - ", "-")
            tally.add(surface, cat, strength * factor)
            i += n
            continue
        for cat, strength in _word_scores(lex, toks[i]):
            tally.add(toks[i].text, cat, strength * factor)
        if not toks[i].quoted:
            _grammar(lex, toks[i], tally)
        i += 1


def _grammar(lex: Lexicon, t: Tok, tally: Tally) -> None:
    if t.lower in DEONTIC:
        tally.add(t.text, "grammar", 1.0)
    elif t.lower in PERSONAL:
        tally.add(t.text, "grammar", 0.5)
    elif t.tag in ("JJS", "RBS") and t.lower not in lex.neutral:
        tally.add(t.text, "grammar", 0.7)


def score_devices(text: str, toks: list[Tok], tally: Tally) -> None:
    """Punctuation and rhetorical devices in the author's voice."""
    lex = load()
    for i, t in enumerate(toks):
        if t.quoted:
            continue
        if t.text == "!":
            tally.add("!", "devices", 1.0)
        elif t.text in ("...", "…") and i > 0 and toks[i - 1].text != "[":
            tally.add("...", "devices", 0.8)
        elif t.text == "?":
            tally.add(_sentence_text(text, toks, i), "devices", 1.0)
        elif t.text == "(":
            _parenthetical(lex, toks, i, tally)
    for a, b in quote_spans(toks):
        if b - a <= 3 and not _introduced_as_speech(toks, a):
            surface = "“" + " ".join(t.text for t in toks[a:b]) + "”"
            tally.add(surface, "devices", 0.6)


def _sentence_text(text: str, toks: list[Tok], i: int) -> str:
    j = i
    while j > 0 and toks[j - 1].sent == toks[i].sent and i - j < 25:
        j -= 1
    return text[toks[j].start : toks[i].end].strip()


def _parenthetical(lex: Lexicon, toks: list[Tok], i: int, tally: Tally) -> None:
    """An evaluative aside: "(very awkward)", "(surprise!)": 1-3 words, all attitude."""
    j = i + 1
    while j < len(toks) and toks[j].text != ")" and j - i <= 4:
        j += 1
    inner = toks[i + 1 : j]
    if j >= len(toks) or toks[j].text != ")" or not inner:
        return
    words = [t for t in inner if t.is_alpha]
    evaluative = [t for t in words if t.pos in ("ADJ", "ADV", "INTJ", "") and _is_evaluative(lex, t)]
    if evaluative and len(evaluative) >= len(words) - 1:
        tally.add("(" + " ".join(t.text for t in inner) + ")", "sarcasm", 1.0)


def _is_evaluative(lex: Lexicon, t: Tok) -> bool:
    cat = lex.category((t.lower,))
    return (
        cat in ("intensifiers", "stance", "sarcasm")
        or lex.subjectivity.get(_adjective_form(t), 0) > 0
        or abs(lex.emotion.get(t.lower, 0)) >= MIN_EMOTION
    )


def _introduced_as_speech(toks: list[Tok], a: int) -> bool:
    """A short quote right after a speech verb, "as" or a colon is a citation."""
    k = a - 2  # a - 1 is the opening quote mark
    if k < 0:
        return False
    prev = toks[k]
    return prev.text in (":", ",") or prev.lemma in ("say", "call", "as", "describe", "term")


def density(total: float, n_words: int) -> float:
    return 100.0 * total / (n_words + PSEUDO_WORDS)


def squash(d: float, scale: float = SCALE) -> float:
    return 1.0 - math.exp(-d / scale)
