from __future__ import annotations

import pytest
from spacy.tokens import Doc

from diplotrack.nlp import extensions


@pytest.fixture(scope="session")
def finder(base_nlp):
    """The actor component on the bare model's vocab (the shared model is not modified)."""
    from diplotrack.actors.component import ActorFinder

    extensions.register()
    return ActorFinder(base_nlp)


@pytest.fixture(scope="session")
def make(base_nlp, finder):
    """make(words, ents=None, published=None) -> a hand-built Doc run through the component.

    `ents` is a list of (start, end, label) token spans."""

    def _make(words: list[str], ents: list[tuple[int, int, str]] | None = None,
              published: str | None = None) -> Doc:
        iob = ["O"] * len(words)
        for s, e, label in ents or []:
            iob[s] = f"B-{label}"
            for i in range(s + 1, e):
                iob[i] = f"I-{label}"
        doc = Doc(base_nlp.vocab, words=words, ents=iob)
        doc._.published = published
        return finder(doc)

    return _make


@pytest.fixture(scope="session")
def parse(base_nlp, finder):
    """parse(text, published=None) -> the bare model's parse run through the component."""

    def _parse(text: str, published: str | None = None) -> Doc:
        doc = base_nlp.make_doc(text)
        doc._.published = published
        return finder(base_nlp(doc))

    return _parse


def by_text(doc: Doc) -> dict:
    return {doc[m.start:m.end].text: m for m in doc._.actors}
