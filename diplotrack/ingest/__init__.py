"""Ingest: read every input kind into RawDocuments and build clean Articles (no NLP).

    from diplotrack.ingest import iter_documents, build_article

    for item in iter_documents(["articles/", "feed.xml", "https://example.org/story"]):
        if isinstance(item, InputError): ...        # one line: "source: reason"
        else: article = build_article(item)         # may raise UnsupportedInput

Modules: readers (dispatch), files, sniff, fetch, feeds, jsonl, markdown,
htmltext (input side); build, html, htmlmeta, clean, metadata, dates, genre
(article side); dedup (fingerprints). Data files a user can extend live in
data/: boilerplate.yaml, outlets.yaml, genre.yaml.
"""

from __future__ import annotations

from typing import Any

__all__ = ["MAX_BYTES", "build_article", "iter_documents"]


def __getattr__(name: str) -> Any:  # lazy: importing dedup should not import httpx
    if name in ("iter_documents", "MAX_BYTES"):
        from diplotrack.ingest import readers

        return getattr(readers, name)
    if name == "build_article":
        from diplotrack.ingest.build import build_article

        return build_article
    raise AttributeError(name)
