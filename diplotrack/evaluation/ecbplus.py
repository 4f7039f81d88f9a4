"""ECB+ (cross-document event coreference) read as diplotrack reads news, and
scored as "do these two documents report the same event?".

The corpus (shared/evaldata/ecbplus) holds news documents in topics, two
"seminal events" (subtopics) per topic: two different earthquakes, two
different arrests. Gold: two documents report the same event when they are in
the same subtopic. diplotrack says so when any of their events share a story.
Used by `bench/ecbplus_stories.py` and by the story quality gate.
"""

from __future__ import annotations

import dataclasses
import json
import re
import tempfile
import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Iterable
from itertools import combinations
from pathlib import Path

from diplotrack.ingest.build import build_article
from diplotrack.models import Article, Event, RawDocument
from diplotrack.store.db import Store
from diplotrack.stories import attach


def detok(tokens: list[str]) -> str:
    """Tokens back into running text: no space before closing punctuation or clitics."""
    text = " ".join(tokens)
    text = re.sub(r" ([.,;:!?%)\]}])", r"\1", text)
    text = re.sub(r"([(\[{$]) ", r"\1", text)
    text = re.sub(r" (n't|'s|'re|'ve|'ll|'d|'m)\b", r"\1", text)
    return text.replace("``", '"').replace("''", '"')


def load_documents(root: Path, topics: set[str] | None = None, limit: int | None = None,
                   spaced: bool = False) -> tuple[list[Article], dict[str, str]]:
    """Each document as `diplotrack ingest` reads a plain-text article (its header
    gives the title and, where it has one, the publication date), with its id as
    the article id; and doc -> gold subtopic. An ECB+ document's sentence 0 is its
    source URL, given as the article's `url`. With `spaced`, each sentence is its
    tokens joined by spaces, the URL line included in the text and nothing given
    beside it: what a naive conversion of the XML gives."""
    rows = [json.loads(line) for line in (root / "doc_index.jsonl").open(encoding="utf-8")]
    rows = [r for r in rows if not topics or r["topic"] in topics][: limit or None]
    articles, gold = [], {}
    for r in rows:
        tree = ET.parse(root / "ECB+" / r["topic"] / f"{r['doc']}.xml")
        sents: dict[int, list[str]] = defaultdict(list)
        for tok in tree.getroot().iter("token"):
            sents[int(tok.get("sentence", "0"))].append(tok.text or "")
        url = None
        if r["doc"].endswith("plus") and sents and not spaced:
            url = "".join(sents.pop(min(sents)))
        text = "\n".join(" ".join(v) if spaced else detok(v) for _, v in sorted(sents.items()))
        raw = RawDocument(f"ecbplus:{r['doc']}", text, "text", {"url": url} if url else {})
        articles.append(dataclasses.replace(build_article(raw), id=r["doc"]))
        gold[r["doc"]] = r["subtopic"]
    return articles, gold


def cluster(articles: list[Article], events: dict[str, list[Event]]) -> dict[str, set[str]]:
    """Attach every document's events in order, as ingest does; doc -> its story ids.
    A document whose text another already has is a duplicate: ingest records it as
    another source of that article, so it has that article's stories."""
    first: dict[str, str] = {}
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(str(Path(tmp) / "ecb.db"))
        for a in articles:
            if first.setdefault(a.text_hash, a.id) != a.id:
                continue
            evs = events.get(a.id, [])
            with store.transaction() as conn:
                store.save_article(conn, a)
                attach(conn, evs, a)
                store.save_events(conn, evs)
        store.close()
    stories = {a.id: {e.story_id for e in events.get(a.id, []) if e.story_id} for a in articles}
    return {a.id: stories[first[a.text_hash]] for a in articles}


def pairwise(stories: dict[str, set[str]], gold: dict[str, str], docs: Iterable[str],
             within_topic: bool = False) -> dict[str, float]:
    """Precision, recall and F1 of "same event" over document pairs (within a topic only,
    with `within_topic`: the "same actors, different event" part)."""
    tp = fp = fn = 0
    for x, y in combinations(list(docs), 2):
        if within_topic and topic(x) != topic(y):
            continue
        same = gold[x] == gold[y]
        said = bool(stories[x] & stories[y])
        tp += same and said
        fp += said and not same
        fn += same and not said
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"P": p, "R": r, "F1": 2 * p * r / (p + r) if p + r else 0.0, "tp": tp, "fp": fp, "fn": fn}


def topic(doc: str) -> str:
    return doc.split("_")[0]


def parse_topics(spec: str | None) -> set[str] | None:
    """'36-45' or '1,3,5-7' -> topic names; None for all."""
    if not spec:
        return None
    out: set[str] = set()
    for part in spec.split(","):
        lo, _, hi = part.partition("-")
        out |= {str(t) for t in range(int(lo), int(hi or lo) + 1)}
    return out
