"""Cross-document story clustering on ECB+: do two documents report the same event?

    python bench/ecbplus_stories.py [--mode pipeline|proxy|both] [--topics 36-45] [--limit N] [--spaced]

ECB+ (shared/evaldata/ecbplus) has 982 news documents in 43 topics, two
"seminal events" (subtopics) per topic: two different earthquakes, two
different arrests. Gold: two documents report the same event when they are in
the same subtopic. A system says so when any of their events share a story.

Modes:
  pipeline  the real diplotrack pipeline (spaCy + actors + PLOVER events + lead
            events), then `stories.attach` per article. ECB+ is general news:
            a document with no PLOVER event gets an OTHER lead event from its
            lede (events/lead.py); coverage is reported.
  proxy     no event extractor: one stand-in event per document from the bare
            model's named entities (people/organisations as participants, the
            most named place, a date written in full, the lede as evidence).
            It measures the story matcher on inputs it can always get.

Each document is read (diplotrack.evaluation.ecbplus, which the story quality
gate also uses) as `diplotrack ingest` reads a plain-text article
(ingest.build): its header gives the title and, where it has one, the
publication date; an ECB+ document's sentence 0 is its source URL, given as
the article's `url` (a /YYYY/MM/DD/ path in it dates an article whose text
does not). ECB documents carry no date at all. Pairwise precision/recall/F1 is
over all document pairs, and also within topics only (the "same actors,
different event" part).
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from diplotrack.evaluation.ecbplus import (  # noqa: E402
    cluster,
    load_documents,
    pairwise,
    parse_topics,
)
from diplotrack.models import Article, Event, Evidence, Location, Participant  # noqa: E402

ROOT = Path(__file__).resolve().parents[2] / "shared" / "evaldata" / "ecbplus"
MONTHS = {m: i for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1)}
_FULL_DATE = re.compile(
    r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(\d{1,2}),?\s+((?:19|20)\d\d)\b",
    re.I)


# ---- events ----------------------------------------------------------------------------


def pipeline_events(articles: list[Article]) -> dict[str, list[Event]]:
    from diplotrack.nlp.pipeline import build_nlp, process

    nlp = build_nlp()
    return {a.id: list(doc._.events or []) for a, doc in zip(articles, process(nlp, articles),
                                                             strict=True)}


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def proxy_events(articles: list[Article]) -> dict[str, list[Event]]:
    """One stand-in event per document from named entities (no event extractor)."""
    from diplotrack.nlp.pipeline import load_model

    nlp = load_model()
    out: dict[str, list[Event]] = {}
    for a, doc in zip(articles, nlp.pipe(a.text for a in articles), strict=True):
        who = Counter(_slug(e.text) for e in doc.ents if e.label_ in {"PERSON", "ORG", "NORP"})
        where = Counter(e.text for e in doc.ents if e.label_ in {"GPE", "LOC", "FAC"})
        sents = [s.text for s in doc.sents][:3]
        root = next(iter(doc.sents)).root.lemma_ if len(doc) else None
        full = _FULL_DATE.search(a.text)
        date = (f"{full.group(3)}-{MONTHS[full.group(1)[:3].lower()]:02d}-{int(full.group(2)):02d}"
                if full else None)
        out[a.id] = [Event(
            id=f"{a.id}-proxy", article_id=a.id, event_type="CONSULT", trigger=root,
            actor=[Participant(p, p, "person", p) for p, _ in who.most_common(4) if p],
            location=Location(where.most_common(1)[0][0]) if where else None, date=date,
            evidence=[Evidence(s, 0, len(s)) for s in sents])]
    return out


# ---- scoring ----------------------------------------------------------------------------


def report(name: str, articles: list[Article], events: dict[str, list[Event]],
           gold: dict[str, str], seconds: float) -> None:
    t0 = time.perf_counter()
    stories = cluster(articles, events)
    took = time.perf_counter() - t0
    docs = [a.id for a in articles]
    covered = [d for d in docs if stories[d]]
    n_events = sum(len(v) for v in events.values())
    print(f"\n== {name}: {len(docs)} docs, {n_events} events, {len(covered)} docs with an event; "
          f"events {seconds:.0f} s, stories {took:.1f} s")
    for label, subset in (("all docs", docs), ("docs with an event", covered)):
        for within in (False, True):
            m = pairwise(stories, gold, subset, within)
            scope = "within topics" if within else "all pairs"
            print(f"  {label:<19} {scope:<13} P={m['P']:.3f} R={m['R']:.3f} F1={m['F1']:.3f} "
                  f"(tp {m['tp']}, fp {m['fp']}, fn {m['fn']})")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mode", choices=["pipeline", "proxy", "both"], default="both")
    ap.add_argument("--topics", help="e.g. 36-45 (the usual test split); default all")
    ap.add_argument("--limit", type=int)
    ap.add_argument("--spaced", action="store_true",
                    help="read each document as its tokens joined by spaces, URL line in the text")
    args = ap.parse_args()
    articles, gold = load_documents(ROOT, parse_topics(args.topics), args.limit, args.spaced)
    print(f"{len(articles)} ECB+ documents, {len(set(gold.values()))} gold events (subtopics), "
          f"{sum(1 for a in articles if a.published)} with a publication date")
    modes = ["pipeline", "proxy"] if args.mode == "both" else [args.mode]
    for mode in modes:
        t0 = time.perf_counter()
        if mode == "pipeline":
            try:
                events = pipeline_events(articles)
            except ImportError as exc:  # the extractor is not installed in this checkout
                print(f"\n== pipeline: not available ({exc}); see proxy")
                continue
        else:
            events = proxy_events(articles)
        report(mode, articles, events, gold, time.perf_counter() - t0)


if __name__ == "__main__":
    main()
