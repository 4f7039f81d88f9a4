"""Title-case headlines read in sentence case, so that they parse like text.

spaCy's English model takes nearly every word of a title-case headline for a proper
noun ("Russia's Supreme Court Suspends Taliban Ban": one noun phrase whose root is
"Ban"), so the headline's verb and its object, what the headline reports, are
lost. A headline is in title case when most of its longer words are capitalised;
each capitalised word of it is then lowered unless the article's own text writes
it capitalised inside a sentence more often than in lower case (the document's
evidence, as in the classic truecasers). A word the text never uses is judged by its
stem ("Suspends" by "suspended"); one the text does not use at all keeps its capital
unless it is a function word. All-capital words (acronyms) are left alone.

The result has the title's length and characters up to case, so offsets hold.
"""

from __future__ import annotations

import re
from collections import Counter

from spacy.lang.en.stop_words import STOP_WORDS

from diplotrack.nlp.stem import stem

WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)?")
SENTENCE_END = set(".!?:;\"\u201c\u201d\u2018'(\n")
MIN_WORDS = 3  # title case is judged on at least this many words of 4+ letters
TITLE_SHARE = 0.75  # ... of which this share are capitalised
EVIDENCE_CHARS = 6000  # the top of the text: the headline's words are the lede's


def is_title_case(title: str) -> bool:
    longer = [w for w in WORD.findall(title) if len(w) >= 4 and not w.isupper()]
    if len(longer) < MIN_WORDS:
        return False
    return sum(w[0].isupper() for w in longer) / len(longer) >= TITLE_SHARE


def _evidence(body: str) -> tuple[Counter[str], Counter[str]]:
    """(capitalised minus lower-case uses) by word and by stem, inside sentences only."""
    words: Counter[str] = Counter()
    stems: Counter[str] = Counter()
    for m in WORD.finditer(body):
        w = m.group()
        if w.isupper() and len(w) > 1:
            continue
        before = body[max(0, m.start() - 8):m.start()].rstrip(" \t")
        if not before or before[-1] in SENTENCE_END:
            continue  # a sentence's first word is capitalised whatever it is
        vote = 1 if w[0].isupper() else -1 if w.islower() else 0
        words[w.lower()] += vote
        stems[stem(w)] += vote
    return words, stems


def truecase(title: str, body: str) -> str:
    """`title` in sentence case when it is in title case; otherwise unchanged."""
    if not is_title_case(title):
        return title
    words, stems = _evidence(body[:EVIDENCE_CHARS])
    out = list(title)
    for k, m in enumerate(WORD.finditer(title)):
        w = m.group()
        if k == 0 or not w[0].isupper() or (w.isupper() and len(w) > 1):
            continue
        low = w.lower()
        vote = words.get(low) or stems.get(stem(w))
        if vote is None:
            vote = -1 if low in STOP_WORDS else 1
        if vote < 0:
            out[m.start()] = low[0]
    return "".join(out)
