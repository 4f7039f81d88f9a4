"""Framing: how loaded an article's wording is, whom it quotes, how it names actors.

    analyze(text, doc=None) -> dict   the article's `framing` object
    compare(articles, claims=None)    a story's articles side by side

`analyze` is one pass of lexicon look-ups over the tokens; with `doc=None` (no NLP, or a
language the model does not cover) it runs the same scorers over a regex tokenization.
Its result:

    loaded_language   0..1, higher = more loaded, partisan or emotive (per 100 words)
    loaded_terms      the phrases that drove it, most influential first (at most 20)
    components        0..1 sub-scores: subjectivity, emotion, intensifiers,
                      derogatory_labels, partisan_markers, hedges, rhetorical_devices
    attributions      [{speaker, named, kind: person|organisation|anonymous, count}]
    actor_naming      {actor id: {surface form: count}} from doc._.actors (needs a doc)
    words             the number of words scored
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

from diplotrack.framing import loaded
from diplotrack.framing.attribution import attributions
from diplotrack.framing.compare import compare
from diplotrack.framing.naming import actor_naming
from diplotrack.framing.tokens import from_doc, from_text

__all__ = ["analyze", "compare"]


def analyze(text: str, doc: Doc | None = None) -> dict[str, Any]:
    toks = from_doc(doc) if doc is not None else from_text(text)
    parsed = doc is not None and doc.has_annotation("DEP")
    tally = loaded.Tally()
    loaded.score_words(toks, tally)
    loaded.score_devices(text, toks, tally)
    tally.finish()
    n_words = sum(1 for t in toks if t.is_alpha)
    total = sum(tally.by_cat.values())
    components = {
        name: round(loaded.squash(loaded.density(sum(tally.by_cat[c] for c in cats), n_words)), 4)
        for name, cats in loaded.COMPONENTS.items()
    }
    return {
        "loaded_language": round(loaded.squash(loaded.density(total, n_words)), 4),
        "loaded_terms": tally.ranked_terms(),
        "components": components,
        "attributions": attributions(text, doc if parsed else None, toks),
        "actor_naming": actor_naming(doc) if doc is not None else {},
        "words": n_words,
    }
