"""One light token view over a spaCy Doc or, without one, over plain text.

The framing scorers read only this view, so `analyze(text, doc=None)` runs the same
code as the spaCy path, with a regex tokenizer, no POS and a crude lemma.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc

QUOTE_OPEN = {'"', "“", "„", "«"}
QUOTE_CLOSE = {'"', "”", "»"}
_TOKEN = re.compile(r"\.\.\.|…|[A-Za-z0-9]+(?:'[A-Za-z]+)?|[^\sA-Za-z0-9]")
_SENT_END = {".", "!", "?", "…", "..."}


@dataclass(slots=True)
class Tok:
    text: str
    lower: str
    lemma: str
    pos: str  # Universal POS, "" without a parser
    tag: str  # Penn tag, "" without a parser
    start: int  # char offset
    end: int
    sent: int  # sentence index
    quoted: bool = False  # inside a direct quotation
    is_alpha: bool = True


def from_doc(doc: Doc) -> list[Tok]:
    toks = []
    sents = doc.sents if doc.has_annotation("SENT_START") else [doc[:]]
    for si, sent in enumerate(sents):
        for t in sent:
            if t.is_space:
                continue
            toks.append(
                Tok(t.text, t.lower_, t.lemma_.lower(), t.pos_, t.tag_, t.idx, t.idx + len(t), si,
                    is_alpha=t.is_alpha)
            )
    _mark_quotes(toks)
    return toks


def _crude_lemma(w: str) -> str:
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
        return w[:-1]
    return w


def from_text(text: str) -> list[Tok]:
    toks: list[Tok] = []
    sent = 0
    for m in _TOKEN.finditer(text):
        w = m.group()
        if toks and "\n" in text[toks[-1].end : m.start()]:
            sent += 1
        low = w.lower()
        toks.append(Tok(w, low, _crude_lemma(low), "", "", m.start(), m.end(), sent,
                        is_alpha=w.isalpha()))
        if w in _SENT_END:
            sent += 1
    _mark_quotes(toks)
    return toks


def _mark_quotes(toks: list[Tok]) -> None:
    """Flag tokens inside "..." / “...”; a quote never runs past a paragraph's end."""
    open_at: int | None = None
    for i, t in enumerate(toks):
        if open_at is None and t.text in QUOTE_OPEN:
            if t.text == '"' and i + 1 < len(toks) and toks[i + 1].start > t.end:
                continue  # a straight quote followed by a space closes, not opens
            open_at = i
        elif open_at is not None and t.text in QUOTE_CLOSE:
            for q in toks[open_at + 1 : i]:
                q.quoted = True
            open_at = None
        elif open_at is not None and i - open_at > 120:
            open_at = None  # unbalanced: give up rather than mark a whole article


def quote_spans(toks: list[Tok]) -> list[tuple[int, int]]:
    """Token index ranges [start, end) of each quotation's content."""
    spans, i = [], 0
    while i < len(toks):
        if toks[i].quoted:
            j = i
            while j < len(toks) and toks[j].quoted:
                j += 1
            spans.append((i, j))
            i = j
        else:
            i += 1
    return spans
