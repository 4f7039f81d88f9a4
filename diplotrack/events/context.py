"""PLOVER contexts from topic cue words in the event's sentence (data/contexts.yaml)."""

from __future__ import annotations

from spacy.tokens import Span

from diplotrack.events.lexicon import context_cues

CATEGORY_DEFAULT = {"CONSULT": "diplomatic", "SUPPORT": "diplomatic", "REJECT": "diplomatic",
                    "ASSAULT": "military", "MOBILIZE": "military", "PROTEST": "political",
                    "SANCTION": "diplomatic", "AID": "humanitarian", "COERCE": "political"}


def sentence_contexts(sent: Span) -> list[str]:
    single, double = context_cues()
    found: list[str] = []
    prev: tuple[str, ...] = ()
    for tok in sent:
        if tok.is_punct or tok.lower_ == "'s":
            continue
        lemma = tok.lemma_.lower()
        for key in ((p, w) for p in prev for w in (lemma, tok.lower_)):
            ctx = double.get(key)
            if ctx and ctx not in found:
                found.append(ctx)
        ctx = single.get(lemma) or single.get(tok.lower_)
        if ctx and ctx not in found:
            found.append(ctx)
        prev = (lemma, tok.lower_)
    return found


def default_context(category: str) -> str:
    return CATEGORY_DEFAULT.get(category, "diplomatic")

